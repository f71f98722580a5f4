"""The ledger's use cases over the in-memory store: credit and debit rules, burn order, expiry,
debts, reversal, bulk credits, metrics, pending points and the checks of adjustments."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from loyalty.app.ledger import adjustments, bulk_credits, ledger, metrics, pending, points
from loyalty.app.ledger.ports import MATURED, PENDING, REVERSED
from loyalty.app.tenancy.tenant_settings import ExpiryPolicy
from loyalty.app.tenancy.tenants import TenantConfig
from loyalty.core.errors import ErrorCode, LoyaltyError
from loyalty.core.expiry import DAY_MS
from tests.fakes.store import NOW, FakeStore, fake_tenant, fake_tx

USER = 7


async def consistent(store: FakeStore) -> None:
    """What ``ledger.verify`` checks: every balance equals its lines and open remainders, and
    every consumed point is an allocation."""
    assert await store.ledger.verify_accounts(None) == []
    assert await store.ledger.verify_allocations(None) == []


def with_metrics(tenant: TenantConfig, *defined: metrics.Metric) -> TenantConfig:
    return replace(tenant, items={"metrics": {m.id: m for m in defined}})


async def refused(call: Any) -> LoyaltyError:
    with pytest.raises(LoyaltyError) as raised:
        await call
    return raised.value


# ---------------------------------------------------------------------------------------------
# Credits


async def test_a_credit_adds_a_lot_and_moves_the_balance() -> None:
    store = FakeStore()
    posting = await ledger.credit(fake_tx(store), USER, 100, source="api", reference="r1")
    line = store.ledger_tables.lines[posting.entry_id]
    assert (posting.amount, posting.balance_after) == (100, 100)
    assert (line["kind"], line["amount"], line["remaining"], line["balance_after"]) == (
        "credit",
        100,
        100,
        100,
    )
    assert (line["source"], line["reference"], line["valid_until"]) == ("api", "r1", None)
    assert store.ledger_tables.accounts[(USER, "points")]["lifetime_earned"] == 100
    await consistent(store)


@pytest.mark.parametrize("amount", [0, -5, True, 2.5])
async def test_a_credit_of_no_positive_whole_number_is_refused(amount: Any) -> None:
    store = FakeStore()
    error = await refused(ledger.credit(fake_tx(store), USER, amount, source="api"))
    assert (error.code, error.field) == (ErrorCode.INVALID_INPUT, "points")
    assert store.ledger_tables.accounts == {}
    assert store.ledger_tables.lines == {}


@pytest.mark.parametrize("valid_until", [NOW, NOW - 1])
async def test_a_credit_valid_until_now_or_earlier_is_refused(valid_until: int) -> None:
    store = FakeStore()
    error = await refused(ledger.credit(fake_tx(store), USER, 10, source="api", valid_until=valid_until))
    assert (error.code, error.field) == (ErrorCode.INVALID_INPUT, "validUntil")
    assert store.ledger_tables.lines == {}


async def test_points_follow_the_expiry_policy_and_other_metrics_do_not() -> None:
    store = FakeStore()
    tenant = fake_tenant(expiryPolicy=ExpiryPolicy(mode="days_after_earning", days=30))
    tx = fake_tx(store, tenant=tenant)
    points_line = await ledger.credit(tx, USER, 10, source="api")
    gems_line = await ledger.credit(tx, USER, 10, source="api", metric="gems")
    assert store.ledger_tables.lines[points_line.entry_id]["valid_until"] == NOW + 30 * DAY_MS
    assert store.ledger_tables.lines[gems_line.entry_id]["valid_until"] is None
    assert store.ledger_tables.account(USER, "points") == (10, NOW + 30 * DAY_MS)
    assert store.ledger_tables.account(USER, "gems") == (10, None)


async def test_a_credit_first_expires_the_credits_that_are_due() -> None:
    store = FakeStore()
    old = await ledger.credit(fake_tx(store), USER, 40, source="api", valid_until=NOW + 10)
    later = fake_tx(store, now=NOW + 20)
    posting = await ledger.credit(later, USER, 5, source="api")
    assert posting.balance_after == 5
    expiry = [r for r in store.ledger_tables.lines.values() if r["kind"] == "expiry"]
    assert [(r["amount"], r["reference"], r["balance_after"]) for r in expiry] == [
        (-40, str(old.entry_id), 0)
    ]
    assert store.ledger_tables.lines[old.entry_id]["remaining"] == 0
    assert store.ledger_tables.lines[posting.entry_id]["balance_after"] == 5
    assert store.ledger_tables.account(USER) == (5, None)
    await consistent(store)


async def test_a_credit_pays_the_accounts_debt_before_it_holds_points() -> None:
    store = FakeStore()
    tx = fake_tx(store, tenant=fake_tenant(allowNegativeBalance=True))
    credit = await ledger.credit(tx, USER, 50, source="api")
    await ledger.debit(tx, USER, 50, source="api")
    reversal = await ledger.reverse_credit(tx, credit.entry_id, source="refund")
    assert (reversal.taken, reversal.shortfall) == (50, 0)
    assert store.ledger_tables.account(USER) == (-50, None)
    assert reversal.entry_id is not None
    assert store.ledger_tables.lines[reversal.entry_id]["remaining"] == -50

    payment = await ledger.credit(tx, USER, 80, source="api")
    assert payment.balance_after == 30
    assert store.ledger_tables.lines[payment.entry_id]["remaining"] == 30
    assert store.ledger_tables.lines[reversal.entry_id]["remaining"] == 0
    assert (reversal.entry_id, payment.entry_id, 50) in await store.ledger.user_allocations(USER)
    await consistent(store)


# ---------------------------------------------------------------------------------------------
# Debits


async def test_a_debit_beyond_the_balance_is_refused_and_writes_nothing() -> None:
    store = FakeStore()
    tx = fake_tx(store)
    await ledger.credit(tx, USER, 30, source="api")
    lines_before = dict(store.ledger_tables.lines)
    error = await refused(ledger.debit(tx, USER, 31, source="offer"))
    assert (error.code, error.field) == (ErrorCode.INSUFFICIENT_POINTS, "points")
    assert store.ledger_tables.lines == lines_before
    assert store.ledger_tables.account(USER) == (30, None)


async def test_a_debit_without_an_account_is_refused_and_opens_none() -> None:
    store = FakeStore()
    error = await refused(ledger.debit(fake_tx(store), USER, 1, source="offer"))
    assert error.code is ErrorCode.INSUFFICIENT_POINTS
    assert store.ledger_tables.accounts == {}


@pytest.mark.parametrize("amount", [0, -1, False])
async def test_a_debit_of_no_positive_whole_number_is_refused(amount: Any) -> None:
    error = await refused(ledger.debit(fake_tx(FakeStore()), USER, amount, source="offer"))
    assert (error.code, error.field) == (ErrorCode.INVALID_INPUT, "points")


async def test_a_debit_burns_the_first_expiring_credits_first() -> None:
    store = FakeStore()
    tx = fake_tx(store)
    never = await ledger.credit(tx, USER, 50, source="api")
    late = await ledger.credit(tx, USER, 30, source="api", valid_until=NOW + 100)
    soon = await ledger.credit(tx, USER, 30, source="api", valid_until=NOW + 50)
    debit = await ledger.debit(tx, USER, 70, source="offer", reference="o1")
    assert (debit.amount, debit.balance_after) == (-70, 40)
    assert await store.ledger.user_allocations(USER) == [
        (debit.entry_id, soon.entry_id, 30),
        (debit.entry_id, late.entry_id, 30),
        (debit.entry_id, never.entry_id, 10),
    ]
    remaining = {
        i: store.ledger_tables.lines[i]["remaining"] for i in (never.entry_id, late.entry_id, soon.entry_id)
    }
    assert remaining == {never.entry_id: 40, late.entry_id: 0, soon.entry_id: 0}
    line = store.ledger_tables.lines[debit.entry_id]
    assert (line["kind"], line["amount"], line["remaining"], line["balance_after"]) == ("debit", -70, 0, 40)
    await consistent(store)


async def test_a_debit_expires_what_is_due_before_it_checks_the_balance() -> None:
    store = FakeStore()
    await ledger.credit(fake_tx(store), USER, 40, source="api", valid_until=NOW + 10)
    error = await refused(ledger.debit(fake_tx(store, now=NOW + 10), USER, 40, source="offer"))
    assert error.code is ErrorCode.INSUFFICIENT_POINTS
    # Refused, but the expiry happened in the same (rolled back in real life) unit of work.
    assert store.ledger_tables.account(USER) == (0, None)


async def test_a_metric_with_a_negative_minimum_may_be_debited_below_zero() -> None:
    store = FakeStore()
    tenant = with_metrics(fake_tenant(), metrics.Metric(id="debt", minimumValue=-100))
    tx = fake_tx(store, tenant=tenant)
    posting = await ledger.debit(tx, USER, 30, source="api", metric="debt")
    assert posting.balance_after == -30
    assert store.ledger_tables.lines[posting.entry_id]["remaining"] == -30
    error = await refused(ledger.debit(tx, USER, 71, source="api", metric="debt"))
    assert error.code is ErrorCode.INSUFFICIENT_POINTS
    assert store.ledger_tables.account(USER, "debt") == (-30, None)
    await consistent(store)


async def test_the_balance_in_a_transaction_never_counts_expired_points() -> None:
    store = FakeStore()
    await ledger.credit(fake_tx(store), USER, 25, source="api", valid_until=NOW + 10)
    await ledger.credit(fake_tx(store), USER, 5, source="api")
    assert await ledger.balance_in_tx(fake_tx(store, now=NOW + 9), USER) == 30
    assert await ledger.balance_in_tx(fake_tx(store, now=NOW + 10), USER) == 5
    assert [r["amount"] for r in store.ledger_tables.lines.values() if r["kind"] == "expiry"] == [-25]
    assert await ledger.balance_in_tx(fake_tx(store), USER + 1) == 0
    await consistent(store)


# ---------------------------------------------------------------------------------------------
# Reversals


async def test_reversing_an_unspent_credit_takes_it_back_once() -> None:
    store = FakeStore()
    tx = fake_tx(store)
    credit = await ledger.credit(tx, USER, 60, source="event", valid_until=NOW + 1000)
    first = await ledger.reverse_credit(tx, credit.entry_id, source="refund", reference="R")
    second = await ledger.reverse_credit(tx, credit.entry_id, source="refund", reference="R")
    assert (first.taken, first.shortfall) == (60, 0)
    assert first.entry_id is not None
    assert store.ledger_tables.lines[first.entry_id]["reversal_of"] == credit.entry_id
    assert second == ledger.Reversal(taken=0, shortfall=0, entry_id=None)
    assert store.ledger_tables.account(USER) == (0, None)
    await consistent(store)


async def test_only_a_credit_of_the_tenant_can_be_reversed() -> None:
    store = FakeStore()
    tx = fake_tx(store)
    await ledger.credit(tx, USER, 10, source="api")
    debit = await ledger.debit(tx, USER, 5, source="offer")
    for entry_id in (debit.entry_id, 999):
        error = await refused(ledger.reverse_credit(tx, entry_id, source="refund"))
        assert error.code is ErrorCode.NOT_FOUND
    other_tenant = replace(fake_tenant(), id=2)
    credit_id = next(iter(store.ledger_tables.lines))
    error = await refused(
        ledger.reverse_credit(fake_tx(store, tenant=other_tenant), credit_id, source="refund")
    )
    assert error.code is ErrorCode.NOT_FOUND


async def test_reversing_a_spent_credit_reports_the_shortfall_unless_negative_is_allowed() -> None:
    for allow, taken, shortfall, balance in ((False, 30, 70, 0), (True, 100, 0, -70)):
        store = FakeStore()
        tx = fake_tx(store, tenant=fake_tenant(allowNegativeBalance=allow))
        credit = await ledger.credit(tx, USER, 100, source="api")
        await ledger.debit(tx, USER, 70, source="offer")
        reversal = await ledger.reverse_credit(tx, credit.entry_id, source="refund")
        assert (reversal.taken, reversal.shortfall) == (taken, shortfall)
        assert store.ledger_tables.account(USER) == (balance, None)
        await consistent(store)


async def test_reversing_takes_what_was_spent_of_the_credit_from_the_other_credits() -> None:
    store = FakeStore()
    tx = fake_tx(store)
    first = await ledger.credit(tx, USER, 50, source="api", valid_until=NOW + 10)
    other = await ledger.credit(tx, USER, 80, source="api")
    await ledger.debit(tx, USER, 50, source="offer")  # all of ``first`` (it expires first)
    reversal = await ledger.reverse_credit(tx, first.entry_id, source="refund")
    assert (reversal.taken, reversal.shortfall) == (50, 0)
    assert store.ledger_tables.lines[other.entry_id]["remaining"] == 30
    assert store.ledger_tables.account(USER) == (30, None)
    await consistent(store)


# ---------------------------------------------------------------------------------------------
# Bulk credits (imports)


def bulk(user_pk: int, amount: int, valid_until: int | None = None) -> bulk_credits.Credit:
    return bulk_credits.Credit(user_pk, amount, valid_until, reference=None, description=None)


async def test_bulk_credits_write_a_line_per_credit_with_running_balances() -> None:
    store = FakeStore()
    tx = fake_tx(store)
    await ledger.credit(tx, 2, 100, source="api")
    await bulk_credits.credit_many(tx, [bulk(1, 10), bulk(2, 5), bulk(1, 20, NOW + 50)], source="import")
    lines = [r for r in store.ledger_tables.lines.values() if r["source"] == "import"]
    assert [(r["user_pk"], r["amount"], r["balance_after"], r["valid_until"]) for r in lines] == [
        (1, 10, 10, None),
        (2, 5, 105, None),
        (1, 20, 30, NOW + 50),
    ]
    assert store.ledger_tables.account(1) == (30, NOW + 50)
    assert store.ledger_tables.account(2) == (105, None)
    assert tx.locked_accounts == {(1, "points"), (2, "points")}
    await consistent(store)


@pytest.mark.parametrize(
    ("credit", "field"),
    [(bulk(1, 0), "points"), (bulk(1, -3), "points"), (bulk(1, 5, NOW), "validUntil")],
)
async def test_bulk_credits_check_every_credit_before_writing(
    credit: bulk_credits.Credit, field: str
) -> None:
    store = FakeStore()
    error = await refused(bulk_credits.credit_many(fake_tx(store), [bulk(2, 10), credit], source="import"))
    assert (error.code, error.field) == (ErrorCode.INVALID_INPUT, field)
    assert store.ledger_tables.accounts == {}


async def test_bulk_credits_to_an_owing_account_pay_its_debt_first() -> None:
    store = FakeStore()
    tx = fake_tx(store, tenant=fake_tenant(allowNegativeBalance=True))
    credit = await ledger.credit(tx, USER, 20, source="api")
    await ledger.debit(tx, USER, 20, source="offer")
    await ledger.reverse_credit(tx, credit.entry_id, source="refund")
    await bulk_credits.credit_many(tx, [bulk(USER, 50), bulk(USER + 1, 5)], source="import")
    assert store.ledger_tables.account(USER) == (30, None)
    assert store.ledger_tables.account(USER + 1) == (5, None)
    await consistent(store)


async def test_bulk_credits_refuse_an_account_that_changed_after_it_was_read() -> None:
    store = FakeStore()
    tx = fake_tx(store, tenant=fake_tenant(allowNegativeBalance=True))
    credit = await ledger.credit(tx, USER, 20, source="api")
    await ledger.debit(tx, USER, 20, source="offer")
    await ledger.reverse_credit(tx, credit.entry_id, source="refund")

    async def read_before_the_reversal(user_pks: Any, metric: str) -> dict[int, tuple[int, int | None]]:
        return {USER: (0, None)}

    store.bulk_credits.read_accounts = read_before_the_reversal  # type: ignore[method-assign]
    error = await refused(bulk_credits.credit_many(tx, [bulk(USER, 5)], source="import"))
    assert error.code is ErrorCode.CONFLICT


# ---------------------------------------------------------------------------------------------
# Metrics


GEMS = metrics.Metric(id="gems", defaultValue=10, minimumValue=2, maximumValue=50)


async def test_a_metric_opens_at_its_default_once() -> None:
    store = FakeStore()
    tx = fake_tx(store, tenant=with_metrics(fake_tenant(), GEMS))
    assert await metrics.open_balance(tx, USER, "gems") == 10
    assert await metrics.open_balance(tx, USER, "gems") == 10
    opening = [r for r in store.ledger_tables.lines.values() if r["metric"] == "gems"]
    assert [(r["source"], r["amount"], r["description"]) for r in opening] == [
        ("default", 10, "opening balance")
    ]
    assert await metrics.balances(store, tx.tenant, USER) == {"points": 0, "gems": 10}
    assert await metrics.balances(store, tx.tenant, None) == {"points": 0, "gems": 10}


async def test_a_metric_change_stays_within_its_bounds() -> None:
    store = FakeStore()
    tx = fake_tx(store, tenant=with_metrics(fake_tenant(), GEMS))
    up = await metrics.change(tx, USER, "gems", 100, source="challenge", reference="c1")
    assert up == metrics.MetricChange(metric="gems", old_value=10, new_value=50)
    assert await metrics.change(tx, USER, "gems", 1, source="challenge", reference="c1") is None
    down = await metrics.change(tx, USER, "gems", -100, source="challenge", reference="c2")
    assert down == metrics.MetricChange(metric="gems", old_value=50, new_value=2)
    assert await metrics.change(tx, USER, "gems", -1, source="challenge", reference="c2") is None
    assert store.ledger_tables.account(USER, "gems") == (2, None)
    await consistent(store)


# ---------------------------------------------------------------------------------------------
# Pending points


async def test_a_reversal_cancels_pending_points_once() -> None:
    store = FakeStore()
    store.pending_credits.add(user_pk=USER, logged_id=41, points=15, matures_at=NOW + DAY_MS)
    tx = fake_tx(store)
    assert await store.pending_credits.pending_points(USER) == 15
    assert await pending.cancel_for_reversal(tx, 41) == 15
    assert await pending.cancel_for_reversal(tx, 41) is None
    assert await pending.cancel_for_reversal(tx, 42) is None
    row = store.ledger_tables.pending[1]
    assert (row["state"], row["settled_at"]) == (REVERSED, NOW)
    assert await store.pending_credits.pending_points(USER) == 0


async def test_a_matured_pending_credit_cannot_be_cancelled() -> None:
    store = FakeStore()
    credit_id = store.pending_credits.add(user_pk=USER, logged_id=5, points=9, matures_at=NOW)
    assert await store.pending_credits.due(now=NOW, limit=10) == [(credit_id, 1)]
    settled = await store.pending_credits.settle(state=MATURED, now=NOW, id=credit_id)
    assert settled is not None
    assert settled["state"] == MATURED
    assert await pending.cancel_for_reversal(fake_tx(store), 5) is None
    assert await store.pending_credits.due(now=NOW, limit=10) == []
    assert PENDING not in {r["state"] for r in store.ledger_tables.pending.values()}


# ---------------------------------------------------------------------------------------------
# Points accounts (the Emporix face) and manual adjustments


async def test_a_summary_adds_up_to_the_active_balance() -> None:
    store = FakeStore()
    tx = fake_tx(store)
    a = await ledger.credit(tx, USER, 100, source="api", entry_key="first", valid_until=NOW + 10)
    b = await ledger.credit(tx, USER, 40, source="api")
    spent = await ledger.debit(tx, USER, 30, source="offer")
    reversed_ = await ledger.reverse_credit(tx, b.entry_id, source="refund")
    later = fake_tx(store, now=NOW + 10)
    assert await ledger.balance_in_tx(later, USER) == 0
    lines = await store.ledger.account_lines(USER, "points")
    summary = points.build_summary("u", lines, await store.ledger.user_allocations(USER))
    added = sum(e.points for e in summary.added)
    taken = sum(e.points for e in (*summary.redeemed, *summary.expired, *summary.reversed))
    assert summary.active == added - taken == 0
    assert [e.id for e in summary.added] == ["first", str(b.entry_id)]
    assert summary.added[0].used_points == 30  # spent; the other 70 expired
    assert summary.added[0].used_with == [str(spent.entry_id)]
    assert [e.points for e in summary.expired] == [70]
    assert summary.expired[0].reference == "first"  # the expired credit's public id
    assert [e.points for e in summary.reversed] == [40]
    assert reversed_.entry_id == summary.reversed[0].line_id
    assert a.entry_id == summary.added[0].line_id
    await consistent(store)


async def test_a_points_entry_id_is_checked_and_unique_per_customer() -> None:
    store = FakeStore()
    tx = fake_tx(store)
    error = await refused(points._check_entry_key(tx, USER, "x" * 101))
    assert (error.code, error.field) == (ErrorCode.INVALID_INPUT, "id")
    await points._check_entry_key(tx, USER, "k1")
    assert store.ledger_tables.account(USER) == (0, None)  # opened (and locked) for the check
    await ledger.credit(tx, USER, 5, source="api", entry_key="k1")
    error = await refused(points._check_entry_key(tx, USER, "k1"))
    assert (error.code, error.field) == (ErrorCode.CONFLICT, "id")
    await points._check_entry_key(tx, USER + 1, "k1")  # another customer's id space


@pytest.mark.parametrize(
    ("amount", "reason", "field"),
    [
        (0, "why", "points"),
        (True, "why", "points"),
        (1.5, "why", "points"),
        (adjustments.MAX_ADJUSTMENT + 1, "why", "points"),
        (-adjustments.MAX_ADJUSTMENT - 1, "why", "points"),
        (10, "   ", "reason"),
        (10, None, "reason"),
        (10, "x" * (adjustments.MAX_REASON + 1), "reason"),
    ],
)
async def test_an_adjustment_needs_a_bounded_non_zero_amount_and_a_reason(
    amount: Any, reason: Any, field: str
) -> None:
    store = FakeStore()
    error = await refused(adjustments.adjust_points(fake_tx(store), "u1", amount, reason))
    assert (error.code, error.field) == (ErrorCode.INVALID_INPUT, field)
    assert store.ledger_tables.lines == {}


def test_a_reason_is_stripped() -> None:
    assert adjustments.check_reason("  late delivery \n", "say why") == "late delivery"
