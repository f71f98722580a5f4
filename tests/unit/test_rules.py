"""The rules engine as pure functions: every operator, group type, reward type, group choice and
limit period, table-driven."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loyalty.core import rules
from loyalty.core.errors import LoyaltyError


def leaf(field: str, operator: str, value: Any = None) -> dict[str, Any]:
    node: dict[str, Any] = {"field": field, "operator": operator}
    if value is not None:
        node["value"] = value
    return node


def holds(node: dict[str, Any], metadata: dict[str, Any]) -> bool:
    return rules.evaluate(rules.compile_condition(node), metadata) is None


OPERATOR_CASES = [
    # (operator, expected value, metadata value, holds)
    ("equals", "web", "web", True),
    ("equals", "web", "app", False),
    ("equals", 5, 5.0, True),
    ("equals", 5, "5", True),
    ("equals", True, True, True),
    ("equals", True, 1, False),
    ("equals", 1, True, False),
    ("not_equals", "web", "app", True),
    ("not_equals", "web", "web", False),
    ("greater_than", 0, 49.99, True),
    ("greater_than", 0, 0, False),
    ("greater_than", 9, "10", True),
    ("greater_than", "9", "10", True),
    ("greater_than", "2026-01-01", "2026-02-01", True),
    ("greater_than", 0, "lots", False),
    ("greater_than", 0, True, False),
    ("greater_than_or_equal", 10, 10, True),
    ("greater_than_or_equal", 10, 9.99, False),
    ("less_than", 10, 9, True),
    ("less_than", 10, 10, False),
    ("less_than_or_equal", 10, 10, True),
    ("less_than_or_equal", 10, 11, False),
    ("contains", "sale", "summer-sale", True),
    ("contains", "sale", "summer", False),
    ("contains", "gold", ["silver", "gold"], True),
    ("contains", 3, [1, 2], False),
    ("contains", "x", 42, False),
    ("in", ["app", "web"], "web", True),
    ("in", ["app", "web"], "fax", False),
    ("in", [1, 2], 2.0, True),
]


@pytest.mark.parametrize(("operator", "expected", "actual", "result"), OPERATOR_CASES)
def test_operator(operator: str, expected: Any, actual: Any, result: bool) -> None:
    assert holds(leaf("f", operator, expected), {"f": actual}) is result


@pytest.mark.parametrize("operator", [op for op in rules.OPERATORS if op != "exists"])
def test_every_operator_but_exists_fails_on_a_missing_field(operator: str) -> None:
    value: Any = [1] if operator == "in" else 1
    assert holds(leaf("f", operator, value), {}) is False


@pytest.mark.parametrize(
    ("value", "metadata", "result"),
    [
        (None, {"f": 0}, True),
        (None, {}, False),
        (None, {"f": None}, False),
        (True, {"f": "x"}, True),
        (False, {}, True),
        (False, {"f": 1}, False),
    ],
)
def test_exists(value: bool | None, metadata: dict[str, Any], result: bool) -> None:
    assert holds(leaf("f", "exists", value), metadata) is result


def test_dotted_fields_reach_into_nested_metadata() -> None:
    assert holds(leaf("cart.total", "greater_than", 10), {"cart": {"total": 11}}) is True
    assert holds(leaf("cart.total", "greater_than", 10), {"cart": 11}) is False


GROUP = {"conditions": [leaf("a", "equals", 1), leaf("b", "equals", 2)]}


@pytest.mark.parametrize(
    ("kind", "metadata", "result"),
    [
        ("AND", {"a": 1, "b": 2}, True),
        ("AND", {"a": 1, "b": 3}, False),
        ("OR", {"a": 0, "b": 2}, True),
        ("OR", {"a": 0, "b": 0}, False),
    ],
)
def test_groups(kind: str, metadata: dict[str, Any], result: bool) -> None:
    assert holds({**GROUP, "type": kind}, metadata) is result


def test_nested_groups() -> None:
    tree = {
        "type": "AND",
        "conditions": [
            leaf("amount", "greater_than", 0),
            {"type": "OR", "conditions": [leaf("source", "equals", "app"), leaf("vip", "equals", True)]},
        ],
    }
    assert holds(tree, {"amount": 5, "source": "web", "vip": True}) is True
    assert holds(tree, {"amount": 5, "source": "web", "vip": False}) is False


def test_empty_groups_hold() -> None:
    assert holds({"type": "AND", "conditions": []}, {}) is True
    assert holds({"type": "OR", "conditions": []}, {}) is True


def test_no_condition_holds() -> None:
    assert rules.evaluate(rules.compile_condition(None), {}) is None


def test_failure_names_the_failing_leaf() -> None:
    tree = {"type": "AND", "conditions": [leaf("a", "equals", 1), leaf("b", "less_than", 5)]}
    failure = rules.evaluate(rules.compile_condition(tree), {"a": 1, "b": 9})
    assert failure == rules.Failure("conditions.conditions[1]", "b", "less_than", 5, 9)


def test_failure_of_an_or_group_names_the_group() -> None:
    tree = {"type": "AND", "conditions": [{"type": "OR", "conditions": [leaf("a", "equals", 1)]}]}
    failure = rules.evaluate(rules.compile_condition(tree), {})
    assert failure == rules.Failure("conditions.conditions[0]", None, "OR", 1, 0)


@pytest.mark.parametrize(
    ("node", "field"),
    [
        ({"type": "XOR", "conditions": []}, "conditions.type"),
        ({"conditions": "a"}, "conditions.conditions"),
        ({"conditions": [{"operator": "equals", "value": 1}]}, "conditions.conditions[0].field"),
        ({"conditions": [leaf("a", "like", 1)]}, "conditions.conditions[0].operator"),
        ({"conditions": [leaf("a", "in", "x")]}, "conditions.conditions[0].value"),
        ({"conditions": [leaf("a", "greater_than", [1])]}, "conditions.conditions[0].value"),
        ({"conditions": [leaf("a", "equals")]}, "conditions.conditions[0].value"),
        ({"conditions": [leaf("a", "exists", "yes")]}, "conditions.conditions[0].value"),
        ("AND", "conditions"),
    ],
)
def test_invalid_trees_are_refused_naming_the_field(node: Any, field: str) -> None:
    with pytest.raises(LoyaltyError) as caught:
        rules.compile_condition(node)
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("kind", "rate", "value", "maximum", "points"),
    [
        ("FIXED", "5", None, None, 5),
        ("FIXED", "5", None, 3, 3),
        ("TRANSACTION", "2", "49.99", 1000, 100),
        ("TRANSACTION", "2", "5000", 1000, 1000),
        ("TRANSACTION", "0.5", "5", None, 3),
        ("TRANSACTION", "0.5", "4.99", None, 2),
        ("TRANSACTION", "1", "2.5", None, 3),
        ("TRANSACTION", "1", "-10", None, 0),
        ("TRANSACTION", "1", "10", 0, 10),
        ("FIXED", None, None, None, 0),
    ],
)
def test_points(kind: str, rate: str | None, value: str | None, maximum: int | None, points: int) -> None:
    got = rules.points_for(
        kind,
        None if rate is None else Decimal(rate),
        value=None if value is None else Decimal(value),
        maximum=maximum,
    )
    assert got == points


@pytest.mark.parametrize(
    ("requested", "reward", "stored", "group"),
    [
        (["vip", "gold", "silver"], {"default": 1, "gold": 3, "silver": 2}, None, "gold"),
        ("silver", {"default": 1, "silver": 2}, None, "silver"),
        (["vip"], {"default": 1, "gold": 3}, "gold", "gold"),
        (["vip"], {"default": 1}, "gold", "default"),
        (None, {"default": 1, "gold": 3}, None, "default"),
        (42, {"default": 1}, None, "default"),
    ],
)
def test_choose_group(requested: Any, reward: dict[str, Any], stored: str | None, group: str) -> None:
    assert rules.choose_group(requested, reward, stored) == group


@pytest.mark.parametrize(
    ("requested", "reward", "needed"),
    [
        (None, {"default": 1}, False),
        (None, {"default": 1, "gold": 2}, True),
        (["gold"], {"default": 1, "gold": 2}, False),
    ],
)
def test_stored_group_is_only_read_when_it_can_matter(
    requested: Any, reward: dict[str, Any], needed: bool
) -> None:
    assert rules.needs_stored_group(requested, reward) is needed


@pytest.mark.parametrize(
    ("period", "day", "key"),
    [
        ("lifetime", date(2026, 11, 23), "lifetime"),
        ("day", date(2026, 11, 23), "2026-11-23"),
        ("week", date(2026, 11, 23), "2026-W48"),
        ("week", date(2027, 1, 1), "2026-W53"),
        ("month", date(2026, 11, 23), "2026-11"),
    ],
)
def test_period_key(period: str, day: date, key: str) -> None:
    assert rules.period_key(period, day) == key


@pytest.mark.parametrize("value", ["10", True, None, [1]])
def test_reward_value_must_be_a_number(value: Any) -> None:
    with pytest.raises(LoyaltyError) as caught:
        rules.to_decimal(value, "metadata.amount")
    assert caught.value.field == "metadata.amount"


@given(
    rate=st.decimals(min_value=0, max_value=1000, places=2),
    value=st.decimals(min_value=-1000, max_value=100000, places=2),
    maximum=st.one_of(st.none(), st.integers(min_value=1, max_value=10000)),
)
def test_transaction_points_are_never_negative_nor_above_the_maximum(
    rate: Decimal, value: Decimal, maximum: int | None
) -> None:
    points = rules.points_for("TRANSACTION", rate, value=value, maximum=maximum)
    assert points >= 0
    if maximum is not None:
        assert points <= maximum
