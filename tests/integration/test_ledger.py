"""The stored ledger on SQLite and PostgreSQL: burn order, expiry, reversal, debts, verify, sweep."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from sqlalchemy import select, update

from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.uow import Encoded, Tx, run_write
from loyalty.app.ledger import ledger
from loyalty.app.users.users import resolve_user
from loyalty.core.errors import ErrorCode, LoyaltyError
from loyalty.storage.tables import balances, ledger_allocations, ledger_entries, users
from tests.support import TenantHandle

T = TypeVar("T")
NOW = 1_800_000_000_000
DAY = 86_400_000
SRC = str(Path(__file__).resolve().parents[2] / "src")


async def in_tx(app: Any, tenant: TenantHandle, work: Callable[[Tx], Awaitable[T]]) -> T:
    principal = Principal(
        tenant_id=tenant.tenant_id,
        tenant=tenant.name,
        subject=None,
        scopes=frozenset(),
        api_key_role="admin",
        api_key_id="test",
    )
    out: list[T] = []

    async def run(tx: Tx) -> None:
        out.append(await work(tx))

    await run_write(app.state.services, principal, run, lambda _: Encoded(200, b"", "application/json"))
    return out[0]


async def user(app: Any, tenant: TenantHandle, user_id: str = "u1") -> int:
    return await in_tx(app, tenant, lambda tx: resolve_user(tx, user_id, create=True))


async def allocations_of(app: Any, debit_id: int) -> list[tuple[int, int]]:
    async with app.state.runtime.database.read() as conn:
        rows = await conn.execute(
            select(ledger_allocations.c.credit_id, ledger_allocations.c.amount)
            .where(ledger_allocations.c.debit_id == debit_id)
            .order_by(ledger_allocations.c.credit_id)
        )
        return [(int(r[0]), int(r[1])) for r in rows]


async def clean(app: Any, tenant: TenantHandle) -> None:
    assert await ledger.verify(app.state.services.stores, tenant_id=tenant.tenant_id) == []


async def test_a_debit_burns_first_expiring_then_oldest_then_no_expiry(
    app, tenant: TenantHandle, clock
) -> None:
    clock.set(NOW)
    pk = await user(app, tenant)
    forever = await in_tx(app, tenant, lambda tx: ledger.credit(tx, pk, 100, source="manual"))
    late = await in_tx(
        app, tenant, lambda tx: ledger.credit(tx, pk, 100, source="manual", valid_until=NOW + 9 * DAY)
    )
    soon = await in_tx(
        app, tenant, lambda tx: ledger.credit(tx, pk, 100, source="manual", valid_until=NOW + 2 * DAY)
    )
    debit = await in_tx(app, tenant, lambda tx: ledger.debit(tx, pk, 250, source="manual"))
    assert debit.balance_after == 50
    assert await allocations_of(app, debit.entry_id) == sorted(
        [(soon.entry_id, 100), (late.entry_id, 100), (forever.entry_id, 50)]
    )
    await clean(app, tenant)


async def test_a_debit_spanning_more_lots_than_one_page_takes_them_in_order(
    app, tenant: TenantHandle
) -> None:
    pk = await user(app, tenant)

    async def many_credits(tx: Tx) -> list[int]:
        return [
            (await ledger.credit(tx, pk, 1, source="event")).entry_id for _ in range(ledger.LOT_PAGE + 50)
        ]

    ids = await in_tx(app, tenant, many_credits)
    debit = await in_tx(app, tenant, lambda tx: ledger.debit(tx, pk, ledger.LOT_PAGE + 10, source="offer"))
    assert await allocations_of(app, debit.entry_id) == [(i, 1) for i in ids[: ledger.LOT_PAGE + 10]]
    await clean(app, tenant)


async def test_a_debit_below_zero_is_refused_and_writes_nothing(app, tenant: TenantHandle) -> None:
    pk = await user(app, tenant)
    await in_tx(app, tenant, lambda tx: ledger.credit(tx, pk, 10, source="manual"))
    with pytest.raises(LoyaltyError) as refused:
        await in_tx(app, tenant, lambda tx: ledger.debit(tx, pk, 11, source="manual"))
    assert refused.value.code is ErrorCode.INSUFFICIENT_POINTS
    assert await ledger.balance(app.state.services, tenant.tenant_id, pk) == 10
    await clean(app, tenant)


async def test_a_read_expires_due_credit_with_an_expiry_line(app, tenant: TenantHandle, clock) -> None:
    clock.set(NOW)
    pk = await user(app, tenant)
    await in_tx(app, tenant, lambda tx: ledger.credit(tx, pk, 70, source="manual", valid_until=NOW + DAY))
    await in_tx(app, tenant, lambda tx: ledger.credit(tx, pk, 30, source="manual"))
    clock.set(NOW + DAY)
    assert await ledger.balance(app.state.services, tenant.tenant_id, pk) == 30
    async with app.state.runtime.database.read() as conn:
        kinds = [
            (r[0], r[1], r[2])
            for r in await conn.execute(
                select(ledger_entries.c.kind, ledger_entries.c.amount, ledger_entries.c.balance_after)
                .where(ledger_entries.c.user_pk == pk)
                .order_by(ledger_entries.c.id)
            )
        ]
        next_expiry = (
            await conn.execute(select(balances.c.next_expiry_at).where(balances.c.user_pk == pk))
        ).scalar_one()
    assert kinds == [("credit", 70, 70), ("credit", 30, 100), ("expiry", -70, 30)]
    assert next_expiry is None
    await clean(app, tenant)


async def test_a_credit_after_an_expiry_date_expires_the_old_credit_first(
    app, tenant: TenantHandle, clock
) -> None:
    clock.set(NOW)
    pk = await user(app, tenant)
    await in_tx(app, tenant, lambda tx: ledger.credit(tx, pk, 70, source="manual", valid_until=NOW + DAY))
    clock.set(NOW + 2 * DAY)
    posting = await in_tx(
        app, tenant, lambda tx: ledger.credit(tx, pk, 5, source="manual", valid_until=NOW + 9 * DAY)
    )
    assert posting.balance_after == 5
    async with app.state.runtime.database.read() as conn:
        next_expiry = (
            await conn.execute(select(balances.c.next_expiry_at).where(balances.c.user_pk == pk))
        ).scalar_one()
    assert next_expiry == NOW + 9 * DAY
    await clean(app, tenant)


async def test_the_sweep_expires_every_due_account(app, tenant: TenantHandle, clock) -> None:
    clock.set(NOW)
    pks = [await user(app, tenant, f"u{i}") for i in range(3)]
    for pk in pks:
        await in_tx(
            app, tenant, lambda tx, pk=pk: ledger.credit(tx, pk, 10, source="manual", valid_until=NOW + DAY)
        )
    touched = await ledger.expire_due(app.state.services, now=NOW + DAY, tenant_id=tenant.tenant_id)
    assert touched == 3
    async with app.state.runtime.database.read() as conn:
        values = [
            r[0] for r in await conn.execute(select(balances.c.balance).where(balances.c.user_pk.in_(pks)))
        ]
    assert values == [0, 0, 0]
    assert await ledger.expire_due(app.state.services, now=NOW + DAY, tenant_id=tenant.tenant_id) == 0
    await clean(app, tenant)


async def test_reversing_an_unspent_credit_takes_it_all_back(app, tenant: TenantHandle) -> None:
    pk = await user(app, tenant)
    credit = await in_tx(app, tenant, lambda tx: ledger.credit(tx, pk, 100, source="event"))
    reversal = await in_tx(
        app, tenant, lambda tx: ledger.reverse_credit(tx, credit.entry_id, source="refund")
    )
    assert (reversal.taken, reversal.shortfall) == (100, 0)
    assert reversal.entry_id is not None
    assert await ledger.balance(app.state.services, tenant.tenant_id, pk) == 0
    await clean(app, tenant)


async def test_a_credit_is_reversed_only_once(app, tenant: TenantHandle) -> None:
    pk = await user(app, tenant)
    credit = await in_tx(app, tenant, lambda tx: ledger.credit(tx, pk, 100, source="event"))
    await in_tx(app, tenant, lambda tx: ledger.credit(tx, pk, 50, source="event"))
    await in_tx(app, tenant, lambda tx: ledger.reverse_credit(tx, credit.entry_id, source="refund"))
    again = await in_tx(app, tenant, lambda tx: ledger.reverse_credit(tx, credit.entry_id, source="refund"))
    assert again == ledger.Reversal(taken=0, shortfall=0, entry_id=None)
    assert await ledger.balance(app.state.services, tenant.tenant_id, pk) == 50


async def test_reversing_a_spent_credit_reports_the_shortfall(app, tenant: TenantHandle) -> None:
    pk = await user(app, tenant)
    credit = await in_tx(app, tenant, lambda tx: ledger.credit(tx, pk, 100, source="event"))
    await in_tx(app, tenant, lambda tx: ledger.debit(tx, pk, 80, source="offer"))
    await in_tx(app, tenant, lambda tx: ledger.credit(tx, pk, 30, source="event"))
    reversal = await in_tx(
        app, tenant, lambda tx: ledger.reverse_credit(tx, credit.entry_id, source="refund")
    )
    assert (reversal.taken, reversal.shortfall) == (50, 50)  # 20 left in it + the 30 credited since
    assert await ledger.balance(app.state.services, tenant.tenant_id, pk) == 0
    await clean(app, tenant)


async def test_a_tenant_allowing_negative_balances_gets_the_debt_paid_by_the_next_credit(
    app, tenant: TenantHandle
) -> None:
    assert (await tenant.put("settings", "tenant", {"allowNegativeBalance": True})).status_code == 200
    pk = await user(app, tenant)
    credit = await in_tx(app, tenant, lambda tx: ledger.credit(tx, pk, 100, source="event"))
    await in_tx(app, tenant, lambda tx: ledger.debit(tx, pk, 80, source="offer"))
    reversal = await in_tx(
        app, tenant, lambda tx: ledger.reverse_credit(tx, credit.entry_id, source="refund")
    )
    assert (reversal.taken, reversal.shortfall) == (100, 0)
    assert await ledger.balance(app.state.services, tenant.tenant_id, pk) == -80
    with pytest.raises(LoyaltyError):
        await in_tx(app, tenant, lambda tx: ledger.debit(tx, pk, 1, source="offer"))
    later = await in_tx(app, tenant, lambda tx: ledger.credit(tx, pk, 100, source="event"))
    assert later.balance_after == 20
    await clean(app, tenant)
    debit = await in_tx(app, tenant, lambda tx: ledger.debit(tx, pk, 20, source="offer"))
    assert await allocations_of(app, debit.entry_id) == [(later.entry_id, 20)]


async def test_reversing_something_that_is_not_a_credit_is_404(app, tenant: TenantHandle) -> None:
    pk = await user(app, tenant)
    await in_tx(app, tenant, lambda tx: ledger.credit(tx, pk, 10, source="event"))
    debit = await in_tx(app, tenant, lambda tx: ledger.debit(tx, pk, 5, source="offer"))
    with pytest.raises(LoyaltyError) as refused:
        await in_tx(app, tenant, lambda tx: ledger.reverse_credit(tx, debit.entry_id, source="refund"))
    assert refused.value.code is ErrorCode.NOT_FOUND


async def test_verify_reports_a_balance_that_drifted_from_its_ledger(app, tenant: TenantHandle) -> None:
    pk = await user(app, tenant)
    await in_tx(app, tenant, lambda tx: ledger.credit(tx, pk, 10, source="event"))
    async with app.state.runtime.database.write() as conn:
        await conn.execute(update(balances).where(balances.c.user_pk == pk).values(balance=11))
    problems = await ledger.verify(app.state.services.stores, tenant_id=tenant.tenant_id)
    assert [(p.user_pk, p.metric, p.problem) for p in problems] == [
        (pk, "points", "balance 11 but the ledger sums to 10 and its open remainders to 10")
    ]


async def loyalty_cli(database_url: str, *args: str) -> tuple[int, str]:
    """Exit code and stdout (stderr names the database and carries the problem count)."""
    env = {**os.environ, "PYTHONPATH": SRC, "LOYALTY_DATABASE_URL": database_url}
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "loyalty",
        *args,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, _ = await proc.communicate()
    return int(proc.returncode or 0), out.decode()


async def test_cli_verify_exits_0_when_every_balance_equals_its_ledger(
    database_url: str, app, tenant: TenantHandle
) -> None:
    pk = await user(app, tenant)
    await in_tx(app, tenant, lambda tx: ledger.credit(tx, pk, 5, source="event"))
    code, out = await loyalty_cli(database_url, "ledger", "verify", "--tenant", tenant.name)
    assert (code, out.strip()) == (0, "ledger verified: every balance equals the sum of its ledger")


async def test_cli_verify_exits_1_and_reports_a_drifted_balance(
    database_url: str, app, tenant: TenantHandle
) -> None:
    pk = await user(app, tenant)
    await in_tx(app, tenant, lambda tx: ledger.credit(tx, pk, 5, source="event"))
    async with app.state.runtime.database.write() as conn:
        await conn.execute(update(balances).where(balances.c.user_pk == pk).values(balance=7))
    code, out = await loyalty_cli(database_url, "ledger", "verify", "--tenant", tenant.name)
    assert code == 1
    assert f"tenant {tenant.tenant_id} user_pk {pk} metric points: balance 7 but the ledger sums to 5" in out


async def test_cli_expire_runs_the_sweep(database_url: str, app, tenant: TenantHandle, clock) -> None:
    clock.set(1_000_000_000_000)  # long past: the credit is already due for the CLI's wall clock
    pk = await user(app, tenant)
    await in_tx(
        app, tenant, lambda tx: ledger.credit(tx, pk, 5, source="event", valid_until=1_000_000_000_001)
    )
    code, out = await loyalty_cli(database_url, "ledger", "expire", "--tenant", tenant.name)
    assert (code, out.strip()) == (0, "expired credit in 1 account(s)")
    clock.reset()
    assert await ledger.balance(app.state.services, tenant.tenant_id, pk) == 0


async def test_the_expiry_policy_applies_to_points_and_not_to_other_metrics(
    app, tenant: TenantHandle, clock
) -> None:
    policy = {"expiryPolicy": {"mode": "days_after_earning", "days": 30}}
    assert (await tenant.put("settings", "tenant", policy)).status_code == 200
    clock.set(NOW)
    pk = await user(app, tenant)
    points = await in_tx(app, tenant, lambda tx: ledger.credit(tx, pk, 10, source="event"))
    xp = await in_tx(app, tenant, lambda tx: ledger.credit(tx, pk, 10, source="event", metric="xp"))
    async with app.state.runtime.database.read() as conn:
        rows = dict(
            (
                await conn.execute(
                    select(ledger_entries.c.id, ledger_entries.c.valid_until).where(
                        ledger_entries.c.id.in_([points.entry_id, xp.entry_id])
                    )
                )
            ).all()
        )
    assert rows == {points.entry_id: NOW + 30 * DAY, xp.entry_id: None}


async def test_verify_ignores_a_deleted_user_whose_rows_are_still_being_swept(
    app, tenant: TenantHandle
) -> None:
    pk = await user(app, tenant, "leaving")
    await in_tx(app, tenant, lambda tx: ledger.credit(tx, pk, 10, source="event"))
    async with app.state.runtime.database.write() as conn:
        # The user is gone and the background sweep has removed only the balance so far.
        await conn.execute(users.delete().where(users.c.id == pk))
        await conn.execute(balances.delete().where(balances.c.user_pk == pk))
    await clean(app, tenant)
    async with app.state.runtime.database.write() as conn:  # finish the sweep: SQLite may reuse the key
        await conn.execute(ledger_entries.delete().where(ledger_entries.c.user_pk == pk))


async def test_reversing_a_partly_expired_credit_does_not_take_the_expired_points_twice(
    app, tenant: TenantHandle, clock
) -> None:
    clock.set(NOW)
    pk = await user(app, tenant)
    credit = await in_tx(
        app, tenant, lambda tx: ledger.credit(tx, pk, 100, source="event", valid_until=NOW + DAY)
    )
    await in_tx(app, tenant, lambda tx: ledger.debit(tx, pk, 30, source="offer"))
    clock.set(NOW + DAY)  # the 70 left expire
    await in_tx(app, tenant, lambda tx: ledger.credit(tx, pk, 50, source="event"))
    reversal = await in_tx(
        app, tenant, lambda tx: ledger.reverse_credit(tx, credit.entry_id, source="refund")
    )
    assert (reversal.taken, reversal.shortfall) == (30, 0)  # only what was spent, from the new credit
    assert await ledger.balance(app.state.services, tenant.tenant_id, pk) == 20
    await clean(app, tenant)
