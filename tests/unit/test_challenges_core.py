"""The pure challenge rules: triggers, conditions, missions, series, repeats and windows."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loyalty.core import challenges as core

T0 = 1_763_900_000_000  # 2025-11-23T12:13:20Z
DAY = 86_400_000
TZ = "UTC"


def rule(**kw: object) -> core.ChallengeRule:
    base = core.ChallengeRule(challenge_id="c", trigger=core.Trigger("buy"), goal=3)
    return replace(base, **kw)  # type: ignore[arg-type]


def run(
    r: core.ChallengeRule, events: list[tuple[str, dict[str, object]]], now: int = T0
) -> core.ChallengeState:
    state = core.ChallengeState()
    for event_id, metadata in events:
        step = core.advance(r, state, event_id=event_id, metadata=metadata, now=now, tz=TZ)
        if step is not None:
            state = step.state
    return state


@pytest.mark.parametrize(
    ("tree", "metadata", "expected"),
    [
        (None, {}, True),
        ({"field": "amount", "operator": "greater_than", "value": 10}, {"amount": 11}, True),
        ({"field": "amount", "operator": "greater_than", "value": 10}, {"amount": 10}, False),
        ({"field": "amount", "operator": "greater_than_or_equal", "value": 10}, {"amount": "10"}, True),
        ({"field": "amount", "operator": "less_than", "value": 10}, {"amount": 9.5}, True),
        ({"field": "amount", "operator": "less_than_or_equal", "value": 10}, {}, False),
        ({"field": "shop", "operator": "equals", "value": "a"}, {"shop": "a"}, True),
        # One evaluator for events and challenges: every operator but `exists` fails on a missing field.
        ({"field": "shop", "operator": "not_equals", "value": "a"}, {}, False),
        ({"field": "tags", "operator": "contains", "value": "x"}, {"tags": ["x", "y"]}, True),
        ({"field": "name", "operator": "contains", "value": "bike"}, {"name": "e-bike"}, True),
        ({"field": "shop", "operator": "in", "value": ["a", "b"]}, {"shop": "c"}, False),
        ({"field": "coupon", "operator": "exists"}, {"coupon": "X"}, True),
        ({"field": "order.total", "operator": "greater_than", "value": 5}, {"order": {"total": 6}}, True),
        (
            {
                "type": "OR",
                "conditions": [
                    {"field": "shop", "operator": "equals", "value": "a"},
                    {"field": "amount", "operator": "greater_than", "value": 100},
                ],
            },
            {"shop": "b", "amount": 101},
            True,
        ),
        (
            {
                "type": "AND",
                "conditions": [
                    {"field": "shop", "operator": "equals", "value": "a"},
                    {"field": "amount", "operator": "greater_than", "value": 100},
                ],
            },
            {"shop": "a", "amount": 100},
            False,
        ),
    ],
)
def test_condition_tree_decides_which_activity_counts(tree, metadata, expected) -> None:
    assert core.condition_holds(tree, metadata) is expected


@pytest.mark.parametrize(
    ("trigger", "event_id", "metadata", "increment"),
    [
        (core.Trigger("buy"), "buy", {}, 1),
        (core.Trigger("buy"), "login", {}, 0),
        (core.Trigger("buy", {"field": "amount", "operator": "greater_than", "value": 0}), "buy", {}, 0),
        (core.Trigger("ride", kind="TRANSACTION", value_field="km"), "ride", {"km": 2.5}, 3),
        (core.Trigger("ride", kind="TRANSACTION", value_field="km"), "ride", {"km": 2.4}, 2),
        (core.Trigger("ride", kind="TRANSACTION", value_field="km"), "ride", {"km": -1}, 0),
        (core.Trigger("ride", kind="TRANSACTION", value_field="km"), "ride", {}, 0),
    ],
)
def test_trigger_increment(trigger, event_id, metadata, increment) -> None:
    assert trigger.increment(event_id, metadata) == increment


def test_fixed_challenge_completes_at_goal_and_stops() -> None:
    r = rule()
    state = run(r, [("buy", {})] * 2)
    assert (state.progress, state.round_done) == (2, False)
    step = core.advance(r, state, event_id="buy", metadata={}, now=T0, tz=TZ)
    assert step is not None
    assert step.completed is True
    assert step.round_no == 1
    assert (step.state.progress, step.state.completed_at) == (3, T0)
    assert core.advance(r, step.state, event_id="buy", metadata={}, now=T0, tz=TZ) is None


@pytest.mark.parametrize(
    ("r", "events", "later", "expected"),
    [
        (rule(goal=1), [], 0, True),
        (rule(goal=1), [("buy", {})], 0, False),
        (rule(goal=1, max_completions=None), [("buy", {})], 0, True),
        (rule(goal=1, repeat_per="day", max_completions=1), [("buy", {})], 0, False),
        (rule(goal=1, repeat_per="day", max_completions=1), [("buy", {})], DAY, True),
    ],
)
def test_may_advance_is_false_only_when_done_and_capped(r, events, later, expected) -> None:
    assert core.may_advance(r, run(r, events), T0 + later, TZ) is expected


def test_transaction_challenge_caps_progress_at_goal() -> None:
    r = rule(trigger=core.Trigger("ride", kind="TRANSACTION", value_field="km"), goal=10)
    state = run(r, [("ride", {"km": 4}), ("ride", {"km": 9})])
    assert (state.progress, state.round_done, state.completions) == (10, True, 1)


@pytest.mark.parametrize(
    ("events", "progress", "missions", "done"),
    [
        ([("a", {})], 1, {"m1": 1}, False),
        ([("a", {}), ("a", {})], 1, {"m1": 1}, False),
        ([("b", {})], 0, {"m2": 1}, False),
        ([("b", {}), ("b", {})], 1, {"m2": 2}, False),
        ([("a", {}), ("b", {}), ("b", {})], 2, {"m1": 1, "m2": 2}, True),
        ([("c", {})], 0, {}, False),
    ],
)
def test_missions_all_done_means_challenge_done(events, progress, missions, done) -> None:
    r = rule(
        trigger=core.Trigger(None),
        missions=(
            core.MissionRule("m1", core.Trigger("a")),
            core.MissionRule("m2", core.Trigger("b"), goal=2),
        ),
    )
    state = run(r, events)
    assert r.effective_goal == 2
    assert (state.progress, dict(state.missions), state.round_done) == (progress, missions, done)


def test_mission_completion_is_reported_once() -> None:
    r = rule(
        trigger=core.Trigger(None),
        missions=(
            core.MissionRule("m1", core.Trigger("a"), goal=2),
            core.MissionRule("m2", core.Trigger("b")),
        ),
    )
    first = core.advance(r, core.ChallengeState(), event_id="a", metadata={}, now=T0, tz=TZ)
    assert first is not None
    assert first.missions_completed == ()
    second = core.advance(r, first.state, event_id="a", metadata={}, now=T0, tz=TZ)
    assert second is not None
    assert second.missions_completed == ("m1",)
    assert second.completed is False
    assert core.advance(r, second.state, event_id="a", metadata={}, now=T0, tz=TZ) is None


@pytest.mark.parametrize(
    ("now", "active", "counts"),
    [
        (T0 - 1, True, False),
        (T0, True, True),
        (T0 + DAY, True, True),
        (T0 + DAY + 1, True, False),
        (T0, False, False),
    ],
)
def test_window_and_status_gate_progress(now, active, counts) -> None:
    r = rule(starts_at=T0, ends_at=T0 + DAY, active=active)
    step = core.advance(r, core.ChallengeState(), event_id="buy", metadata={}, now=now, tz=TZ)
    assert (step is not None) is counts


def test_daily_repeat_pays_up_to_the_cap_then_opens_again_next_day() -> None:
    r = rule(goal=1, repeat_per="day", max_completions=2)
    state = core.ChallengeState()
    rounds = []
    for now in (T0, T0 + 1, T0 + 2, T0 + DAY):
        step = core.advance(r, state, event_id="buy", metadata={}, now=now, tz=TZ)
        rounds.append(None if step is None else step.round_no)
        if step is not None:
            state = step.state
    assert rounds == [1, 2, None, 3]
    assert (state.completions, state.period_completions, state.period_key) == (3, 1, "2025-11-24")


def test_daily_repeat_progress_starts_afresh_each_day() -> None:
    r = rule(goal=3, repeat_per="day", max_completions=1)
    state = run(r, [("buy", {})] * 2)
    nxt = core.advance(r, state, event_id="buy", metadata={}, now=T0 + DAY, tz=TZ)
    assert nxt is not None
    assert (nxt.state.progress, nxt.completed) == (1, False)


def test_unlimited_repeat_starts_a_new_round_after_each_completion() -> None:
    r = rule(goal=2, max_completions=None)
    state = run(r, [("buy", {})] * 5)
    assert (state.completions, state.progress, state.round_done) == (2, 1, False)


@pytest.mark.parametrize(
    ("per", "now", "key"),
    [
        ("day", T0, "2025-11-23"),
        ("week", T0, "2025-W47"),
        ("week", T0 + DAY, "2025-W48"),
        ("total", T0, "total"),
    ],
)
def test_period_keys_follow_the_calendar(per, now, key) -> None:
    assert core.period_key(per, now, TZ) == key


def test_period_key_uses_the_tenant_time_zone() -> None:
    late_evening_utc = 1_763_940_600_000  # 2025-11-23T23:30Z = 2025-11-24 00:30 in Berlin
    assert core.period_key("day", late_evening_utc, "Europe/Berlin") == "2025-11-24"


SERIES = {
    "s1": core.ChallengeRule("s1", core.Trigger("x"), series_id="S", series_step=1),
    "s2": core.ChallengeRule("s2", core.Trigger("x"), series_id="S", series_step=2),
    "s3": core.ChallengeRule("s3", core.Trigger("x"), series_id="S", series_step=3),
    "solo": core.ChallengeRule("solo", core.Trigger("x")),
}


@pytest.mark.parametrize(
    ("cid", "completions", "unlocked", "last"),
    [
        ("s1", {}, True, False),
        ("s2", {}, False, False),
        ("s2", {"s1": 1}, True, False),
        ("s3", {"s1": 1}, False, True),
        ("s3", {"s1": 1, "s2": 1}, True, True),
        ("solo", {}, True, False),
    ],
)
def test_series_step_unlocks_when_the_previous_completes(cid, completions, unlocked, last) -> None:
    r = SERIES[cid]
    assert core.is_unlocked(r, SERIES, completions) is unlocked
    assert core.is_last_step(r, SERIES) is last


@given(
    goal=st.integers(min_value=1, max_value=5),
    cap=st.one_of(st.none(), st.integers(min_value=1, max_value=4)),
    per=st.sampled_from(["day", "week", "total"]),
    steps=st.lists(
        st.tuples(st.integers(min_value=0, max_value=3 * DAY), st.integers(min_value=0, max_value=4)),
        max_size=40,
    ),
)
def test_progress_stays_within_goal_and_rounds_within_the_cap(goal, cap, per, steps) -> None:
    r = rule(
        trigger=core.Trigger("ride", kind="TRANSACTION", value_field="km"),
        goal=goal,
        repeat_per=per,
        max_completions=cap,
    )
    state = core.ChallengeState()
    paid: dict[str, int] = {}
    rounds: list[int] = []
    now = T0
    for gap, km in steps:
        now += gap
        step = core.advance(r, state, event_id="ride", metadata={"km": km}, now=now, tz=TZ)
        if step is None:
            continue
        state = step.state
        assert 0 <= state.progress <= goal
        if step.completed:
            rounds.append(step.round_no)
            paid[state.period_key] = paid.get(state.period_key, 0) + 1
    assert rounds == list(range(1, len(rounds) + 1))
    if cap is not None:
        assert all(count <= cap for count in paid.values())
