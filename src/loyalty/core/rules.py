"""The rules engine: conditions, rewards, user groups and limit periods as pure functions.

Definitions arrive as plain builtins (what the admin API stored); ``compile_condition`` turns a
condition tree into frozen nodes once per configuration change, and ``evaluate`` walks them on the
hot path. ``evaluate`` answers *which* condition failed, so a dry run can explain a miss.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from loyalty.core.errors import invalid

OPERATORS = (
    "equals",
    "not_equals",
    "greater_than",
    "greater_than_or_equal",
    "less_than",
    "less_than_or_equal",
    "contains",
    "in",
    "exists",
)
GROUP_TYPES = ("AND", "OR")
LIMIT_PERIODS = ("lifetime", "day", "week", "month")
DEFAULT_GROUP = "default"
_MISSING: Any = object()


@dataclass(frozen=True, slots=True)
class Leaf:
    path: str
    """Where the leaf sits in the definition (``conditions.conditions[0]``), for explanations."""
    field: str
    keys: tuple[str, ...]
    operator: str
    value: Any


@dataclass(frozen=True, slots=True)
class Group:
    path: str
    any_of: bool
    children: tuple[Leaf | Group, ...]


Condition = Leaf | Group


@dataclass(frozen=True, slots=True)
class Failure:
    """The condition that decided a miss: a leaf, or an OR group none of whose children held."""

    path: str
    field: str | None
    operator: str
    expected: Any
    actual: Any

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "field": self.field,
            "operator": self.operator,
            "expected": self.expected,
            "actual": self.actual,
        }


# ---------------------------------------------------------------------------------------------
# Compiling a condition tree (also the validation of a definition's ``conditions``)


def compile_condition(node: Any, path: str = "conditions") -> Condition | None:
    """Validate and freeze a condition tree; raises ``invalid`` naming the offending field."""
    if node is None:
        return None
    if not isinstance(node, Mapping):
        raise invalid(path, f"'{path}' must be an object")
    if node.get("conditions") is not None:
        kind = node.get("type") or "AND"
        if kind not in GROUP_TYPES:
            raise invalid(f"{path}.type", f"'{path}.type' must be AND or OR, not {kind!r}")
        children = node["conditions"]
        if not isinstance(children, list):
            raise invalid(f"{path}.conditions", f"'{path}.conditions' must be a list")
        compiled: list[Condition] = []
        for index, child in enumerate(children):
            item = compile_condition(child, f"{path}.conditions[{index}]")
            assert item is not None
            compiled.append(item)
        return Group(path=path, any_of=kind == "OR", children=tuple(compiled))
    field = node.get("field")
    if not isinstance(field, str) or not field:
        raise invalid(f"{path}.field", f"'{path}.field' is required")
    operator = node.get("operator")
    if operator not in OPERATORS:
        raise invalid(
            f"{path}.operator", f"'{path}.operator' must be one of {', '.join(OPERATORS)}, not {operator!r}"
        )
    value = node.get("value")
    if operator == "in" and not isinstance(value, list):
        raise invalid(f"{path}.value", f"'{path}.value' must be a list for the 'in' operator")
    if operator in ("greater_than", "greater_than_or_equal", "less_than", "less_than_or_equal") and (
        value is None or isinstance(value, (bool, list, dict))
    ):
        raise invalid(f"{path}.value", f"'{path}.value' must be a number or a string for {operator}")
    if operator in ("equals", "not_equals", "contains") and value is None:
        raise invalid(f"{path}.value", f"'{path}.value' is required for {operator}")
    if operator == "exists" and value is not None and not isinstance(value, bool):
        raise invalid(f"{path}.value", f"'{path}.value' must be true or false for exists")
    return Leaf(path=path, field=field, keys=tuple(field.split(".")), operator=operator, value=value)


# ---------------------------------------------------------------------------------------------
# Evaluating


def lookup(metadata: Mapping[str, Any], keys: tuple[str, ...]) -> Any:
    """The value at a dotted path (``cart.total``), or ``_MISSING``."""
    current: Any = metadata
    for key in keys:
        if not isinstance(current, Mapping) or key not in current:
            return _MISSING
        current = current[key]
    return current


def _number(value: Any) -> Decimal | None:
    """Numbers, and strings that spell one, as Decimal; everything else None (typed comparison)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return Decimal(str(value))
    if isinstance(value, str):
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            return None
        return number if number.is_finite() else None
    return None


def _equal(actual: Any, expected: Any) -> bool:
    if isinstance(actual, bool) or isinstance(expected, bool):
        return isinstance(actual, bool) and isinstance(expected, bool) and actual == expected
    if isinstance(expected, (int, float)) or isinstance(actual, (int, float)):
        a, b = _number(actual), _number(expected)
        return a is not None and b is not None and a == b
    return bool(actual == expected)


def _order(actual: Any, expected: Any) -> int | None:
    """-1/0/1 comparing like with like: numbers numerically, strings lexically; None if unlike."""
    a, b = _number(actual), _number(expected)
    if a is not None and b is not None:
        return (a > b) - (a < b)
    if isinstance(actual, str) and isinstance(expected, str):
        return (actual > expected) - (actual < expected)
    return None


def leaf_holds(leaf: Leaf, metadata: Mapping[str, Any]) -> tuple[bool, Any]:
    actual = lookup(metadata, leaf.keys)
    op = leaf.operator
    if op == "exists":
        present = actual is not _MISSING and actual is not None
        return present == (leaf.value is not False), None if actual is _MISSING else actual
    if actual is _MISSING:
        return False, None
    if op == "equals":
        return _equal(actual, leaf.value), actual
    if op == "not_equals":
        return not _equal(actual, leaf.value), actual
    if op == "in":
        return any(_equal(actual, option) for option in leaf.value), actual
    if op == "contains":
        if isinstance(actual, str):
            return isinstance(leaf.value, str) and leaf.value in actual, actual
        if isinstance(actual, list):
            return any(_equal(item, leaf.value) for item in actual), actual
        return False, actual
    order = _order(actual, leaf.value)
    if order is None:
        return False, actual
    held = {
        "greater_than": order > 0,
        "greater_than_or_equal": order >= 0,
        "less_than": order < 0,
        "less_than_or_equal": order <= 0,
    }[op]
    return held, actual


def evaluate(condition: Condition | None, metadata: Mapping[str, Any]) -> Failure | None:
    """None when the condition holds, else the condition that failed."""
    if condition is None:
        return None
    if isinstance(condition, Leaf):
        held, actual = leaf_holds(condition, metadata)
        if held:
            return None
        return Failure(condition.path, condition.field, condition.operator, condition.value, actual)
    if not condition.any_of:
        for child in condition.children:
            failure = evaluate(child, metadata)
            if failure is not None:
                return failure
        return None
    if not condition.children:
        return None
    for child in condition.children:
        if evaluate(child, metadata) is None:
            return None
    return Failure(condition.path, None, "OR", len(condition.children), 0)


# ---------------------------------------------------------------------------------------------
# Rewards and user groups


def choose_group(requested: Any, reward: Mapping[str, Any], stored: str | None) -> str:
    """The first of ``metadata.usergroup`` that has a reward, else the stored group, else default."""
    candidates: Sequence[Any] = [requested] if isinstance(requested, str) else requested or ()
    if isinstance(candidates, list | tuple):
        for group in candidates:
            if isinstance(group, str) and group in reward:
                return group
    if stored is not None and stored in reward:
        return stored
    return DEFAULT_GROUP


def needs_stored_group(requested: Any, reward: Mapping[str, Any]) -> bool:
    """Whether the stored group could change the choice (lets the hot path skip reading it)."""
    if all(group == DEFAULT_GROUP for group in reward):
        return False
    return choose_group(requested, reward, None) == DEFAULT_GROUP


def to_decimal(value: Any, field: str) -> Decimal:
    """A metadata number (not a string, not a boolean) as Decimal, or ``invalid`` naming the field."""
    number = None if isinstance(value, str) else _number(value)
    if number is None:
        raise invalid(field, f"'{field}' must be a number")
    return number


def points_for(
    kind: str, rate: Decimal | None, *, value: Decimal | None = None, maximum: int | None = None
) -> int:
    """FIXED: the group's reward; TRANSACTION: value × rate, rounded half up; never above ``maximum``."""
    if rate is None:
        return 0
    amount = rate if kind == "FIXED" else (value or Decimal(0)) * rate
    points = int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    points = max(points, 0)
    if maximum is not None and maximum > 0:
        points = min(points, maximum)
    return points


# ---------------------------------------------------------------------------------------------
# Limit periods


def period_key(period: str, local_day: date) -> str:
    """The bucket a rewarded occurrence counts in: one for a lifetime, else per day/ISO week/month."""
    if period == "day":
        return local_day.isoformat()
    if period == "week":
        year, week, _ = local_day.isocalendar()
        return f"{year}-W{week:02d}"
    if period == "month":
        return f"{local_day.year}-{local_day.month:02d}"
    return "lifetime"
