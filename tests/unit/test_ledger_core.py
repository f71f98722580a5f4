"""The pure ledger: burn order, expiry, debts and reversal, table-driven and as properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loyalty.core.coupons import make_code
from loyalty.core.expiry import valid_until_for
from loyalty.core.ledger import (
    Allocation,
    Book,
    Debt,
    Lot,
    allocate,
    burn_order,
    due_for_expiry,
    plan_reversal,
    settle,
    snapshot,
)
from loyalty.core.timeutil import parse_iso_ms

DAY = 86_400_000


@pytest.mark.parametrize(
    ("lots", "expected"),
    [
        # earlier expiry first, whatever the creation order
        ([Lot(1, 10, 100, 900), Lot(2, 10, 200, 500)], [2, 1]),
        # same expiry: older first
        ([Lot(1, 10, 200, 500), Lot(2, 10, 100, 500)], [2, 1]),
        # no expiry comes last, even when older
        ([Lot(1, 10, 50, None), Lot(2, 10, 100, 500)], [2, 1]),
        # no expiry among themselves: older first, then lower id
        ([Lot(3, 10, 100, None), Lot(2, 10, 100, None), Lot(1, 10, 50, None)], [1, 2, 3]),
        # empty lots are not in the order at all
        ([Lot(1, 0, 10, 20), Lot(2, 5, 10, None)], [2]),
    ],
)
def test_burn_order(lots: list[Lot], expected: list[int]) -> None:
    assert [lot.id for lot in burn_order(lots)] == expected


@pytest.mark.parametrize(
    ("amount", "allocations", "left"),
    [
        (5, [Allocation(2, 5)], 0),
        (30, [Allocation(2, 20), Allocation(1, 10)], 0),
        (45, [Allocation(2, 20), Allocation(1, 15), Allocation(3, 10)], 0),
        (60, [Allocation(2, 20), Allocation(1, 15), Allocation(3, 10)], 15),
        (0, [], 0),
    ],
)
def test_allocate_takes_first_expiring_first(amount: int, allocations: list[Allocation], left: int) -> None:
    lots = [Lot(1, 15, 100, 2000), Lot(2, 20, 200, 1000), Lot(3, 10, 50, None)]
    assert allocate(lots, amount) == (allocations, left)


def test_due_for_expiry_counts_the_instant_itself_as_expired() -> None:
    lots = [Lot(1, 10, 0, 1000), Lot(2, 10, 0, 1001), Lot(3, 10, 0, None), Lot(4, 0, 0, 10)]
    assert [lot.id for lot in due_for_expiry(lots, 1000)] == [1]


def test_settle_pays_the_oldest_debt_first() -> None:
    assert settle([Debt(7, 30), Debt(3, 10)], 25) == ([(3, 10), (7, 15)], 0)
    assert settle([Debt(3, 10)], 25) == ([(3, 10)], 15)


@pytest.mark.parametrize(
    ("remaining", "expired", "others", "allow", "taken", "debt", "shortfall"),
    [
        (100, 0, [], False, 100, 0, 0),  # untouched credit: all of it comes back
        (40, 0, [Lot(9, 100, 0)], False, 100, 0, 0),  # spent 60: taken from the other credit
        (40, 0, [Lot(9, 20, 0)], False, 60, 0, 40),  # not enough elsewhere: shortfall
        (40, 0, [Lot(9, 20, 0)], True, 100, 40, 0),  # allowed: the balance goes to -40
        (0, 100, [Lot(9, 50, 0)], False, 0, 0, 0),  # fully expired: nothing to take back
        (0, 30, [], False, 0, 0, 70),  # 30 expired, 70 spent, nothing left anywhere
    ],
)
def test_plan_reversal(
    remaining: int,
    expired: int,
    others: list[Lot],
    allow: bool,
    taken: int,
    debt: int,
    shortfall: int,
) -> None:
    plan = plan_reversal(100, Lot(1, remaining, 0), expired, others, allow_negative=allow)
    assert (plan.taken, plan.debt, plan.shortfall) == (taken, debt, shortfall)


def test_a_debt_is_paid_by_the_next_credit() -> None:
    book = Book(allow_negative=True)
    first = book.credit(100, 0)
    book.debit(80, 1)
    book.credit(50, 2)  # 20 + 50 left = 70
    plan = book.reverse(first.id, 3)  # takes 20 + the 50 credit, owes 30
    assert plan is not None
    assert (plan.taken, plan.debt) == (100, 30)
    assert book.balance == -30
    book.credit(40, 4)
    assert book.balance == 10
    assert book.lots()[0].remaining == 10


def test_a_credit_is_reversed_once() -> None:
    book = Book()
    line = book.credit(100, 0)
    assert book.reverse(line.id, 1) is not None
    assert book.reverse(line.id, 2) is None
    assert book.balance == 0


@pytest.mark.parametrize(
    ("mode", "kwargs", "earned", "tz", "expected"),
    [
        ("never", {}, "2026-03-10T12:00:00Z", "UTC", None),
        ("days_after_earning", {"days": 30}, "2026-03-10T12:00:00Z", "UTC", "2026-04-09T12:00:00Z"),
        ("end_of_period", {"period": "month"}, "2026-03-10T12:00:00Z", "UTC", "2026-04-01T00:00:00Z"),
        (
            "end_of_period",
            {"period": "month", "after_months": 12},
            "2026-03-10T12:00:00Z",
            "UTC",
            "2027-04-01T00:00:00Z",
        ),
        ("end_of_period", {"period": "quarter"}, "2026-05-10T12:00:00Z", "UTC", "2026-07-01T00:00:00Z"),
        (
            "end_of_period",
            {"period": "year", "after_months": 1},
            "2026-12-10T12:00:00Z",
            "UTC",
            "2028-01-01T00:00:00Z",
        ),
        # in the tenant's zone: 31 March 23:30 UTC is already April in Berlin
        (
            "end_of_period",
            {"period": "month"},
            "2026-03-31T23:30:00Z",
            "Europe/Berlin",
            "2026-04-30T22:00:00Z",
        ),
    ],
)
def test_expiry_policy(mode: str, kwargs: dict, earned: str, tz: str, expected: str | None) -> None:
    result = valid_until_for(mode, earned_at=parse_iso_ms(earned), tz=tz, **kwargs)
    assert result == (None if expected is None else parse_iso_ms(expected))


def test_coupon_codes_follow_the_pattern() -> None:
    digits = iter([2, 3, 2, 3, 9, 4])
    assert make_code("LLS-######", lambda: next(digits)) == "LLS-232394"


# ---- properties -------------------------------------------------------------------------------

operation = st.one_of(
    st.tuples(st.just("credit"), st.integers(1, 500), st.one_of(st.none(), st.integers(1, 40))),
    st.tuples(st.just("debit"), st.integers(1, 500), st.none()),
    st.tuples(st.just("wait"), st.integers(1, 20), st.none()),
    st.tuples(st.just("reverse"), st.integers(0, 30), st.none()),
)


def run(ops: list[tuple[str, int, int | None]], *, allow_negative: bool) -> Book:
    book = Book(allow_negative=allow_negative)
    now = 0
    for op, value, ttl in ops:
        if op == "credit":
            book.credit(value, now, None if ttl is None else now + ttl * DAY)
        elif op == "debit":
            before = book.balance - sum(lot.remaining for lot in due_for_expiry(book.lots(), now))
            line = book.debit(value, now)
            assert (line is None) == (before - value < 0), "refused exactly when below the minimum"
        elif op == "wait":
            now += value * DAY
            book.expire(now)
        else:
            credits = [line for line in book.lines if line.kind == "credit"]
            if credits:
                book.reverse(credits[value % len(credits)].id, now)
        check_invariants(book, allow_negative=allow_negative, now=now)
        now += 1
    return book


def check_invariants(book: Book, *, allow_negative: bool, now: int) -> None:
    assert book.balance == sum(line.remaining for line in book.lines)
    assert book.balance == snapshot(book.lines).active
    if not allow_negative:
        assert book.balance >= 0
        assert all(line.remaining >= 0 for line in book.lines)
    for line in book.lines:
        allocated_from = sum(a for _, c, a in book.allocations if c == line.id)
        allocated_by = sum(a for d, _, a in book.allocations if d == line.id)
        if line.amount > 0:
            assert 0 <= line.remaining <= line.amount
            assert line.amount - line.remaining == allocated_from
        elif line.amount < 0:
            assert -line.amount + line.remaining == allocated_by
    # nothing that has expired still counts as active after an expiry pass
    assert not [lot for lot in book.lots() if lot.valid_until is not None and lot.valid_until < now - 1]


def check_fifo(book: Book) -> None:
    """Every debit took its lots in burn order among the lots open at that moment: it never used a
    later lot while an earlier one (in burn order) was left with points after it."""
    for line in book.lines:
        if line.kind != "debit":
            continue
        used = [c for d, c, _ in book.allocations if d == line.id]
        keys = [(book.lines[c - 1].valid_until is None, book.lines[c - 1].valid_until or 0, c) for c in used]
        assert keys == sorted(keys)


@settings(max_examples=300, deadline=None)
@given(st.lists(operation, max_size=40))
def test_property_balance_is_the_sum_and_never_below_zero(ops: list[tuple[str, int, int | None]]) -> None:
    book = run(ops, allow_negative=False)
    check_fifo(book)


@settings(max_examples=200, deadline=None)
@given(st.lists(operation, max_size=40))
def test_property_with_negative_balances_allowed_the_sums_still_hold(
    ops: list[tuple[str, int, int | None]],
) -> None:
    run(ops, allow_negative=True)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(1, 100), st.one_of(st.none(), st.integers(1, 1000))), min_size=1, max_size=12
    ),
    st.integers(0, 2000),
)
def test_property_a_debit_never_leaves_an_earlier_lot_open(
    lots_spec: list[tuple[int, int | None]], amount: int
) -> None:
    lots = [Lot(i + 1, rem, i, vu) for i, (rem, vu) in enumerate(lots_spec)]
    allocations, left = allocate(lots, amount)
    total = sum(lot.remaining for lot in lots)
    assert sum(a.amount for a in allocations) == min(amount, total)
    assert left == max(0, amount - total)
    order = burn_order(lots)
    used = {a.credit_id: a.amount for a in allocations}
    # a prefix of the burn order is fully used, at most one lot partly
    partial = [lot for lot in order if 0 < used.get(lot.id, 0) < lot.remaining]
    assert len(partial) <= 1
    seen_unused = False
    for lot in order:
        if lot.id not in used:
            seen_unused = True
        else:
            assert not seen_unused
