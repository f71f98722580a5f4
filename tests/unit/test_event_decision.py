"""The event path's pure decision (``core.events.decide``): table-driven cases and properties.

No database, no clock: a programme, a request and a snapshot in, a decision out, in microseconds.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loyalty.core import challenges, rules, streaks
from loyalty.core import events as core
from loyalty.core.errors import LoyaltyError

NOW = int(datetime(2025, 11, 5, 9, 30, tzinfo=UTC).timestamp() * 1000)  # a Wednesday
POSITIVE_AMOUNT = rules.compile_condition(
    {"type": "AND", "conditions": [{"field": "amount", "operator": "greater_than", "value": 0}]}
)
PURCHASE = core.EventRule(
    event_id="purchase",
    kind="TRANSACTION",
    rates={"default": Decimal(2), "gold": Decimal(3)},
    maximum=1000,
    condition=POSITIVE_AMOUNT,
    value_field="amount",
)
USER = core.Snapshot(user_pk=7)


def programme(event: core.EventRule = PURCHASE, **parts: Any) -> core.Programme:
    return core.Programme(event=event, time_zone="Europe/Berlin", **parts)


def decide(metadata: dict[str, Any], snapshot: core.Snapshot = USER, **parts: Any) -> core.Decision:
    event: core.EventRule = parts.pop("event", PURCHASE)
    return core.decide(programme(event, **parts), core.Request(event.event_id, metadata), snapshot, NOW)


@pytest.mark.parametrize(
    ("metadata", "snapshot", "points", "group"),
    [
        ({"amount": 49.99}, USER, 100, "default"),  # 99.98 rounded half up
        ({"amount": 0.25}, USER, 1, "default"),  # 0.5 rounds up
        ({"amount": 0.24}, USER, 0, "default"),
        ({"amount": 10_000}, USER, 1000, "default"),  # capped by maximumReward
        ({"amount": 10, "usergroup": ["vip", "gold"]}, USER, 30, "gold"),  # first group with a reward
        ({"amount": 10}, replace(USER, usergroup="gold"), 30, "gold"),  # the stored group
        ({"amount": 10}, replace(USER, usergroup="unknown"), 20, "default"),
    ],
)
def test_points_follow_the_reward_of_the_chosen_group(
    metadata: dict[str, Any], snapshot: core.Snapshot, points: int, group: str
) -> None:
    decision = decide(metadata, snapshot)
    assert (decision.points, decision.usergroup, decision.condition_reached) == (points, group, True)


def test_a_failed_condition_awards_nothing_and_says_which_leaf_failed() -> None:
    decision = decide({"amount": 0})
    assert (decision.points, decision.condition_reached, decision.period_key) == (0, False, None)
    assert decision.failure is not None
    assert decision.failure.as_dict()["field"] == "amount"


def test_a_transaction_event_without_its_value_field_is_refused_naming_it() -> None:
    with pytest.raises(LoyaltyError) as raised:
        decide({"amount": 5, "currency": "EUR"}, event=replace(PURCHASE, condition=None, value_field="total"))
    assert raised.value.field == "metadata.total"


@pytest.mark.parametrize(
    ("period", "key"),
    [("day", "2025-11-05"), ("week", "2025-W45"), ("month", "2025-11"), ("lifetime", "lifetime")],
)
def test_the_limit_counts_in_the_period_of_the_tenants_day(period: str, key: str) -> None:
    event = replace(PURCHASE, limit=2, limit_period=period)
    counted = decide({"amount": 1}, event=event)
    assert (counted.period_key, counted.limit_period_key, counted.limit_reached) == (key, key, False)
    reached = decide({"amount": 1}, replace(USER, limit_used=2), event=event)
    assert (reached.points, reached.period_key, reached.limit_reached) == (0, None, True)


def test_without_a_limit_nothing_is_counted() -> None:
    decision = decide({"amount": 1})
    assert (decision.limit_period_key, decision.period_key, decision.limit_reached) == (None, None, False)


def test_statistics_use_the_tenants_local_day_and_hour() -> None:
    decision = decide({"amount": 1})
    assert (decision.day_key, decision.hour) == ("2025-11-05", 10)  # 09:30 UTC is 10:30 in Berlin


TEN = challenges.ChallengeRule("ten", challenges.Trigger("purchase"), goal=2)


def test_a_challenge_advances_and_completes_once() -> None:
    first = decide({"amount": 1}, challenges=(TEN,), all_challenges={"ten": TEN})
    [step] = first.challenges
    assert (step.challenge_id, step.created, step.advance.state.progress, step.advance.completed) == (
        "ten",
        True,
        1,
        False,
    )
    snapshot = replace(USER, challenges={"ten": step.advance.state})
    [done] = decide({"amount": 1}, snapshot, challenges=(TEN,), all_challenges={"ten": TEN}).challenges
    assert (done.created, done.advance.completed, done.advance.round_no) == (False, True, 1)
    after = replace(USER, challenges={"ten": done.advance.state})
    assert decide({"amount": 1}, after, challenges=(TEN,), all_challenges={"ten": TEN}).challenges == ()


def test_a_failed_condition_moves_no_challenge_and_no_streak() -> None:
    weekly = core.StreakRule("weekly", streaks.StreakRules(time_frame="weekly"))
    decision = decide({"amount": 0}, challenges=(TEN,), all_challenges={"ten": TEN}, streaks=(weekly,))
    assert (decision.challenges, decision.streaks) == ((), ())


def test_a_series_step_waits_for_the_step_before_it() -> None:
    first = challenges.ChallengeRule("s1", challenges.Trigger("purchase"), series_id="s", series_step=1)
    second = challenges.ChallengeRule("s2", challenges.Trigger("purchase"), series_id="s", series_step=2)
    rules_by_id = {"s1": first, "s2": second}
    decision = decide({"amount": 1}, challenges=(first, second), all_challenges=rules_by_id)
    assert [s.challenge_id for s in decision.challenges] == ["s1"]


def test_a_streak_counts_its_period_once() -> None:
    weekly = core.StreakRule("weekly", streaks.StreakRules(time_frame="weekly", milestones=((1, 50),)))
    [step] = decide({"amount": 1}, streaks=(weekly,)).streaks
    assert (step.version, step.advance.counted, step.advance.milestones_reached) == (0, True, ((1, 50),))
    read = replace(USER, streaks={"weekly": core.StreakProgress(step.advance.state, 1)})
    [again] = decide({"amount": 1}, read, streaks=(weekly,)).streaks
    assert (again.version, again.advance.counted, again.advance.milestones_reached) == (1, False, ())


def test_a_streak_periods_follow_the_users_own_time_zone() -> None:
    daily = core.StreakRule("daily", streaks.StreakRules(time_frame="daily"))
    [berlin] = decide({"amount": 1}, streaks=(daily,)).streaks
    [tokyo] = decide({"amount": 1}, replace(USER, time_zone="Pacific/Honolulu"), streaks=(daily,)).streaks
    assert (berlin.period.day_key, tokyo.period.day_key) == ("2025-11-05", "2025-11-04")


def test_leaderboards_score_points_or_events_of_their_group_and_events() -> None:
    boards = (
        core.BoardRule("points", "points", ("all", "week")),
        core.BoardRule("events", "events", ("month",)),
        core.BoardRule("gold_only", "points", ("all",), usergroup="gold"),
        core.BoardRule("logins", "points", ("all",), event_ids=frozenset({"login"})),
    )
    decision = decide({"amount": 5}, boards=boards)
    assert decision.scores == (
        ("points", "all", 10),
        ("points", "w:2025-W45", 10),
        ("events", "m:2025-11", 1),
    )
    failed = decide({"amount": 0}, boards=boards)
    assert failed.scores == ()


# --- properties --------------------------------------------------------------------------------

LIMITED = replace(PURCHASE, limit=3, limit_period="day")
GOAL = 4
CHALLENGE = challenges.ChallengeRule("c", challenges.Trigger("purchase"), goal=GOAL)
WEEKLY = core.StreakRule("w", streaks.StreakRules(time_frame="weekly", milestones=((1, 5),)))
FULL = programme(LIMITED, challenges=(CHALLENGE,), all_challenges={"c": CHALLENGE}, streaks=(WEEKLY,))


def written(snapshot: core.Snapshot, decision: core.Decision) -> core.Snapshot:
    """What a store reads back once ``decision`` is written (all events fall in one day)."""
    progress = dict(snapshot.challenges)
    progress.update({s.challenge_id: s.advance.state for s in decision.challenges})
    rows = dict(snapshot.streaks)
    rows.update(
        {
            s.streak_id: core.StreakProgress(s.advance.state, s.version + 1)
            for s in decision.streaks
            if s.advance.counted
        }
    )
    used = snapshot.limit_used + (decision.period_key is not None)
    return replace(snapshot, version=snapshot.version + 1, limit_used=used, challenges=progress, streaks=rows)


amounts = st.lists(
    st.one_of(st.just(0), st.decimals(min_value="0.01", max_value="900", places=2)), max_size=12
)


@settings(max_examples=200, deadline=None)
@given(amounts)
def test_a_sequence_of_events_pays_what_the_rules_say(values: list[Decimal]) -> None:
    snapshot = USER
    decisions = []
    for i, amount in enumerate(values):
        decision = core.decide(FULL, core.Request("purchase", {"amount": float(amount)}), snapshot, NOW + i)
        assert decision == core.decide(
            FULL, core.Request("purchase", {"amount": float(amount)}), snapshot, NOW + i
        )
        decisions.append(decision)
        snapshot = written(snapshot, decision)
    qualifying = [a for a in values if a > 0]
    rewarded = qualifying[: LIMITED.limit]
    expected = [
        rules.points_for("TRANSACTION", Decimal(2), value=Decimal(str(float(a))), maximum=1000)
        for a in rewarded
    ]
    assert [d.points for d in decisions if d.points or d.period_key] == expected
    assert sum(d.limit_reached for d in decisions) == max(0, len(qualifying) - LIMITED.limit)
    assert snapshot.limit_used == len(rewarded)
    # The challenge counts every qualifying event (over the limit too) and completes once.
    completed = [s for d in decisions for s in d.challenges if s.advance.completed]
    assert len(completed) == (1 if len(qualifying) >= GOAL else 0)
    final = snapshot.challenges.get("c", challenges.ChallengeState())
    assert final.progress == min(GOAL, len(qualifying))
    # The streak counts the week once and pays its milestone once.
    counted = [s for d in decisions for s in d.streaks if s.advance.counted]
    assert len(counted) == (1 if qualifying else 0)
    assert sum(len(s.advance.milestones_reached) for s in counted) == len(counted)


# --- reversal ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("points", "period_key", "credit", "expected_credit", "expected_uncount"),
    [
        (40, "2026-12-07", 17, 17, "2026-12-07"),  # credited and counted: both given back
        (40, None, 17, 17, None),  # no limit: nothing to uncount
        (0, "lifetime", None, None, "lifetime"),  # no points (limit reached or 0): only the count
        (0, None, 17, None, None),  # a credit of another kind is never taken for a 0-point event
    ],
)
def test_a_reversal_takes_back_the_credit_and_the_count_the_event_made(
    points: int,
    period_key: str | None,
    credit: int | None,
    expected_credit: int | None,
    expected_uncount: str | None,
) -> None:
    logged = core.LoggedEvent("order", points, period_key, reversed=False, credit_entry_id=credit)
    decision = core.decide_reversal(logged, "Europe/Berlin", NOW)
    assert decision == core.ReversalDecision(expected_credit, expected_uncount, "2025-11-05")


def test_a_reversed_event_is_not_reversed_again() -> None:
    logged = core.LoggedEvent("order", 40, "lifetime", reversed=True, credit_entry_id=17)
    assert core.decide_reversal(logged, "UTC", NOW) is None


def test_the_reversals_day_is_the_tenants_local_day() -> None:
    late = int(datetime(2026, 12, 7, 23, 30, tzinfo=UTC).timestamp() * 1000)
    logged = core.LoggedEvent("order", 0, None, reversed=False, credit_entry_id=None)
    assert core.decide_reversal(logged, "UTC", late).day_key == "2026-12-07"  # type: ignore[union-attr]
    assert core.decide_reversal(logged, "Europe/Berlin", late).day_key == "2026-12-08"  # type: ignore[union-attr]
