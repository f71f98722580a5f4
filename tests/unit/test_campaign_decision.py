"""Campaigns and tier multipliers in the event's pure decision (``core.events.decide`` with
``core.campaigns``): table-driven cases and a property over sequences of events.

NOW is Wednesday 2025-11-05 09:30 UTC (10:30 in Berlin, the programme's time zone).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loyalty.core import campaigns as cc
from loyalty.core import events as core

NOW = int(datetime(2025, 11, 5, 9, 30, tzinfo=UTC).timestamp() * 1000)
HOUR = 3_600_000
ORDER = core.EventRule(event_id="order", rates={"default": Decimal(100), "vip": Decimal(40)}, maximum=150)
USER = core.Snapshot(user_pk=1)
DOUBLE = cc.CampaignRule("double", multiplier=Decimal(2))
WEDNESDAY_MORNING = cc.Schedule(days=frozenset({2}), start_minute=8 * 60, end_minute=12 * 60)


def decide(
    *campaigns: cc.CampaignRule,
    snapshot: core.Snapshot = USER,
    now: int = NOW,
    metadata: dict[str, Any] | None = None,
    event: core.EventRule = ORDER,
    tiers: dict[tuple[str, str], Decimal] | None = None,
) -> core.Decision:
    programme = core.Programme(
        event=event, time_zone="Europe/Berlin", campaigns=campaigns, tier_multipliers=tiers or {}
    )
    return core.decide(programme, core.Request(event.event_id, metadata or {}), snapshot, now)


def shares(decision: core.Decision) -> list[tuple[str, int]]:
    return [(s.campaign_id, s.points) for s in decision.campaigns]


@pytest.mark.parametrize(
    ("campaigns", "points", "applied"),
    [
        ((), 100, []),
        ((DOUBLE,), 200, [("double", 100)]),
        ((cc.CampaignRule("bonus", bonus=25),), 125, [("bonus", 25)]),
        # Multipliers multiply (2 × 1.5 = 3×), bonuses add and are not multiplied.
        (
            (DOUBLE, cc.CampaignRule("e", multiplier=Decimal("1.5"), bonus=10)),
            310,
            [("double", 100), ("e", 110)],
        ),
        (
            (cc.CampaignRule("a", bonus=5), cc.CampaignRule("b", multiplier=Decimal(2))),
            205,
            [("a", 5), ("b", 100)],
        ),
        # Rounded half up: 100 × 1.005 = 100.5 → 101.
        ((cc.CampaignRule("tiny", multiplier=Decimal("1.005")),), 101, [("tiny", 1)]),
        # The cap limits what the campaign adds; a later one multiplies only what was given.
        (
            (replace(DOUBLE, cap=30), cc.CampaignRule("z", multiplier=Decimal(2))),
            260,
            [("double", 30), ("z", 130)],
        ),
        # Window and schedule.
        ((replace(DOUBLE, starts=NOW + 1),), 100, []),
        ((replace(DOUBLE, ends=NOW),), 100, []),
        ((replace(DOUBLE, starts=NOW, ends=NOW + 1),), 200, [("double", 100)]),
        ((replace(DOUBLE, schedule=WEDNESDAY_MORNING),), 200, [("double", 100)]),
        ((replace(DOUBLE, schedule=replace(WEDNESDAY_MORNING, days=frozenset({5, 6}))),), 100, []),
        ((replace(DOUBLE, schedule=cc.Schedule(start_minute=11 * 60, end_minute=20 * 60)),), 100, []),
        # Past midnight: 22:00–11:00 holds at 10:30.
        (
            (replace(DOUBLE, schedule=cc.Schedule(start_minute=22 * 60, end_minute=11 * 60)),),
            200,
            [("double", 100)],
        ),
        # Groups and tiers.
        ((replace(DOUBLE, usergroups=frozenset({"vip"})),), 100, []),
        ((replace(DOUBLE, usergroups=frozenset({"default"})),), 200, [("double", 100)]),
        ((replace(DOUBLE, tiers=frozenset({"gold"})),), 100, []),
    ],
)
def test_campaigns_combine_by_the_documented_rule(
    campaigns: tuple[cc.CampaignRule, ...], points: int, applied: list[tuple[str, int]]
) -> None:
    decision = decide(*campaigns)
    assert (decision.points, decision.event_points, shares(decision)) == (points, 100, applied)
    assert decision.campaign_points == points - 100


def test_maximum_reward_caps_the_events_own_points_not_the_campaigns() -> None:
    decision = decide(DOUBLE, event=replace(ORDER, rates={"default": Decimal(500)}))
    assert (decision.event_points, decision.points) == (150, 300)


def test_a_campaign_whose_cap_is_used_up_adds_nothing_and_says_so() -> None:
    used = replace(USER, campaign_totals={"double": 80})
    decision = decide(replace(DOUBLE, cap=100), snapshot=used)
    assert (decision.points, shares(decision)) == (120, [("double", 20)])
    assert decision.campaign_checks == (cc.CampaignCheck("double", "applied", 20, 0),)
    full = replace(USER, campaign_totals={"double": 100})
    decision = decide(replace(DOUBLE, cap=100), snapshot=full)
    assert (decision.points, decision.campaign_checks) == (
        100,
        (cc.CampaignCheck("double", "cap_reached", 0, 0),),
    )


@pytest.mark.parametrize(
    ("campaign", "reason"),
    [
        (replace(DOUBLE, starts=NOW + HOUR), "not_started"),
        (replace(DOUBLE, ends=NOW - HOUR), "ended"),
        (replace(DOUBLE, schedule=cc.Schedule(days=frozenset({0}))), "outside_schedule"),
        (replace(DOUBLE, usergroups=frozenset({"vip"})), "usergroup"),
        (replace(DOUBLE, tiers=frozenset({"gold"})), "tier"),
    ],
)
def test_the_dry_run_says_why_a_campaign_did_not_apply(campaign: cc.CampaignRule, reason: str) -> None:
    assert decide(campaign).campaign_checks == (cc.CampaignCheck("double", reason, 0, None),)


def test_a_failed_condition_or_reached_limit_gets_no_campaign_points() -> None:
    limited = replace(ORDER, limit=1)
    decision = decide(cc.CampaignRule("b", bonus=50), event=limited, snapshot=replace(USER, limit_used=1))
    assert (decision.points, decision.limit_reached, decision.campaigns) == (0, True, ())
    assert decision.campaign_checks == (cc.CampaignCheck("b", "not_rewarded"),)


def test_tier_multipliers_apply_to_members_before_campaigns() -> None:
    gold = replace(USER, tiers={"status": "gold"})
    tiers = {("status", "gold"): Decimal("1.5")}
    decision = decide(DOUBLE, snapshot=gold, tiers=tiers)
    assert (decision.event_points, decision.tier_points, shares(decision), decision.points) == (
        100,
        50,
        [("double", 150)],
        300,
    )
    assert decide(snapshot=replace(USER, tiers={"status": "silver"}), tiers=tiers).points == 100
    assert decide(replace(DOUBLE, tiers=frozenset({"gold"})), snapshot=gold).points == 200


def test_pending_days_set_when_the_points_mature() -> None:
    decision = decide(DOUBLE, event=replace(ORDER, pending_days=14))
    assert (decision.points, decision.pending_until) == (200, NOW + 14 * 86_400_000)
    assert decide(event=replace(ORDER, rates={}, pending_days=14)).pending_until is None  # no points


# --- property: over any sequence of events, what a capped campaign adds never exceeds its cap ---

campaign_rules = st.builds(
    cc.CampaignRule,
    campaign_id=st.sampled_from(["a", "b", "c"]),
    multiplier=st.sampled_from([Decimal(1), Decimal("1.5"), Decimal(2), Decimal(3)]),
    bonus=st.integers(0, 60),
    cap=st.one_of(st.none(), st.integers(1, 700)),
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(campaign_rules, max_size=3, unique_by=lambda c: c.campaign_id),
    st.lists(st.sampled_from(["default", "vip"]), max_size=15),
)
def test_capped_campaigns_never_give_more_than_their_cap(
    rules: list[cc.CampaignRule], groups: list[str]
) -> None:
    ordered = tuple(sorted(rules, key=lambda c: c.campaign_id))
    snapshot = USER
    for i, group in enumerate(groups):
        decision = decide(*ordered, snapshot=replace(snapshot, usergroup=group), now=NOW + i)
        assert decision == decide(*ordered, snapshot=replace(snapshot, usergroup=group), now=NOW + i)
        assert decision.points == decision.event_points + decision.campaign_points
        assert all(share.points > 0 for share in decision.campaigns)
        totals = dict(snapshot.campaign_totals)
        for share in decision.campaigns:
            assert share.given_before == totals.get(share.campaign_id, 0)
            totals[share.campaign_id] = share.given_before + share.points
        snapshot = replace(snapshot, campaign_totals=totals)
    for rule in ordered:
        given_total = snapshot.campaign_totals.get(rule.campaign_id, 0)
        if rule.cap is not None:
            assert given_total <= rule.cap
        if rule.cap is None or given_total < rule.cap:
            # Not capped: every event got the campaign's bonus at least.
            assert given_total >= rule.bonus * len(groups)
