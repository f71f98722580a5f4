"""Many ledger credits at once (imports): the same lots, lines and balances as ``ledger.credit``
one by one, in a handful of statements per batch instead of one or more per credit.

An account with something to settle first — older credits due to expire, or points owed — takes
its credits one by one through ``ledger.credit``, which expires and pays debts as always.
"""

from __future__ import annotations

from dataclasses import dataclass

from loyalty.app.kernel.uow import Tx
from loyalty.app.ledger import ledger, ledger_effects
from loyalty.core.errors import ErrorCode, LoyaltyError, invalid


@dataclass(frozen=True)
class Credit:
    user_pk: int
    amount: int
    valid_until: int | None
    """None: the tenant's expiry policy, as for any credit."""
    reference: str | None
    description: str | None


async def credit_many(tx: Tx, credits: list[Credit], *, source: str, metric: str = ledger.POINTS) -> None:
    """Credit each of ``credits`` (in order) to its account."""
    if not credits:
        return
    policy = ledger.policy_valid_until(tx.tenant, tx.now) if metric == ledger.POINTS else None
    for c in credits:
        if c.amount <= 0:
            raise invalid("points", "'points' must be a positive whole number")
        if c.valid_until is not None and c.valid_until <= tx.now:
            raise invalid("validUntil", "'validUntil' must be in the future")
    accounts = await tx.store.bulk_credits.read_accounts(list({c.user_pk for c in credits}), metric)
    settle = {
        pk for pk, (balance, due) in accounts.items() if balance < 0 or (due is not None and due <= tx.now)
    }
    plain = [c for c in credits if c.user_pk not in settle]
    if plain:
        await _credit_plain(tx, plain, source, metric, policy)
    for c in credits:
        if c.user_pk in settle:
            await ledger.credit(
                tx,
                c.user_pk,
                c.amount,
                source=source,
                metric=metric,
                reference=c.reference,
                description=c.description,
                valid_until=c.valid_until,
            )


async def _credit_plain(tx: Tx, credits: list[Credit], source: str, metric: str, policy: int | None) -> None:
    """Accounts with nothing due or owed: one statement adds to all of them, one writes the lines."""
    totals: dict[int, tuple[int, int | None]] = {}
    for c in credits:
        amount, earliest = totals.get(c.user_pk, (0, None))
        until = c.valid_until if c.valid_until is not None else policy
        if until is not None and (earliest is None or until < earliest):
            earliest = until
        totals[c.user_pk] = (amount + c.amount, earliest)
    after = await tx.store.bulk_credits.add_to_accounts(
        tenant_id=tx.tenant.id,
        metric=metric,
        now=tx.now,
        totals=[(pk, amount, until) for pk, (amount, until) in totals.items()],
    )
    tx.locked_accounts.update((pk, metric) for pk in totals)
    running: dict[int, int] = {}
    for pk, (amount, _) in totals.items():
        balance, due = after[pk]
        if balance - amount < 0 or (due is not None and due <= tx.now):
            # Another transaction left the account owing points after it was read (the upsert
            # locked it only then; a due lot cannot appear, every lot here expires after now):
            # nothing of the batch is kept, and running the import again settles it first.
            raise LoyaltyError(ErrorCode.CONFLICT, "an account changed during the import; run it again")
        running[pk] = balance - amount
    lines: list[dict[str, object]] = []
    after_each: list[int] = []
    for c in credits:
        running[c.user_pk] += c.amount
        after_each.append(running[c.user_pk])
        lines.append(
            {
                "tenant_id": tx.tenant.id,
                "user_pk": c.user_pk,
                "metric": metric,
                "kind": "credit",
                "amount": c.amount,
                "remaining": c.amount,
                "valid_until": c.valid_until if c.valid_until is not None else policy,
                "source": source,
                "reference": c.reference,
                "description": c.description,
                "site_code": None,
                "entry_key": None,
                "reversal_of": None,
                "balance_after": running[c.user_pk],
                "created_at": tx.now,
            }
        )
    ids = await tx.store.bulk_credits.insert_lines(lines)
    for c, balance, entry_id in zip(credits, after_each, ids, strict=True):
        await ledger_effects.credited(
            tx,
            c.user_pk,
            c.amount,
            balance,
            entry_id,
            source,
            metric,
            c.reference,
            c.description,
        )
