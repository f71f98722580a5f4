"""Gamification use cases over the in-memory store: inventory gains and losses, challenge read
models, tier crossings, leaderboard and streak reads, the history's read models."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from typing import Any, cast

import msgspec
import pytest

from loyalty.api.dialects.audience.profile import history_item
from loyalty.api.gamification_shapes import challenge_data
from loyalty.app.gamification import challenges, inventory, leaderboards, milestones, streaks, transactions
from loyalty.app.gamification.challenge_config import Challenge, compile_challenge
from loyalty.app.gamification.ports import ChallengeStateRow, StreakRow
from loyalty.app.kernel.services import Services
from loyalty.app.ledger.metrics import MetricChange
from loyalty.app.messaging import notifications
from loyalty.app.tenancy.tenants import TenantConfig
from loyalty.core import challenges as challenge_core
from loyalty.core import streaks as streak_core
from loyalty.core.errors import ErrorCode, LoyaltyError
from loyalty.core.events import ChallengeStep
from tests.fakes.gamification import FakeMilestoneTiers
from tests.fakes.store import NOW, FakeStore, admin, fake_tenant, fake_tx

USER = 7


def tenant_with(**kinds: dict[str, Any]) -> TenantConfig:
    """A tenant configured with ``kinds`` (kind -> {id: (definition, compiled)})."""
    base = fake_tenant()
    items = {kind: {k: v[0] for k, v in defs.items()} for kind, defs in kinds.items()}
    prepared = {kind: {k: v[1] for k, v in defs.items()} for kind, defs in kinds.items()}
    return replace(base, items=items, prepared=prepared)


class FakeStores:
    def __init__(self, store: FakeStore) -> None:
        self.store = store

    @asynccontextmanager
    async def read(self) -> AsyncIterator[FakeStore]:
        yield self.store


class FakeTenants:
    def __init__(self, tenant: TenantConfig) -> None:
        self.tenant = tenant

    async def by_id(self, tenant_id: int) -> TenantConfig | None:
        return self.tenant if tenant_id == self.tenant.id else None


class FakeServices:
    """What a read use case uses of :class:`Services`: the tenant, a read store and the clock."""

    def __init__(self, store: FakeStore, tenant: TenantConfig) -> None:
        self.stores = FakeStores(store)
        self.tenants = FakeTenants(tenant)

    def now(self) -> int:
        return NOW


def services_of(store: FakeStore, tenant: TenantConfig) -> Services:
    return cast(Services, FakeServices(store, tenant))


# --- inventory ---------------------------------------------------------------------------------

BADGES = inventory.InventorySet(id="badges", items=[inventory.InventoryItem(id="gold")])
STICKERS = inventory.InventorySet(id="stickers")


async def test_an_item_is_gained_once_and_lost_once() -> None:
    store = FakeStore()
    tx = fake_tx(store)
    gold = inventory.ItemRef("badges", "gold")
    assert await inventory.gain(tx, USER, gold) is True
    assert await inventory.gain(tx, USER, gold) is False
    assert store.inventory.held == {(USER, "badges", "gold"): (1, NOW)}
    assert await inventory.lose(tx, USER, gold) is True
    assert await inventory.lose(tx, USER, gold) is False
    assert store.inventory.held == {}


async def test_losing_an_item_another_user_holds_takes_nothing() -> None:
    store = FakeStore()
    gold = inventory.ItemRef("badges", "gold")
    await inventory.gain(fake_tx(store), 8, gold)
    assert await inventory.lose(fake_tx(store), USER, gold) is False
    assert list(store.inventory.held) == [(8, "badges", "gold")]


async def test_holdings_list_every_configured_set_and_items_in_the_order_gained() -> None:
    store = FakeStore()
    tenant = tenant_with(inventory={"badges": (BADGES, None), "stickers": (STICKERS, None)})
    await inventory.gain(fake_tx(store, now=NOW + 2), USER, inventory.ItemRef("badges", "gold"))
    await inventory.gain(fake_tx(store, now=NOW + 1), USER, inventory.ItemRef("badges", "blue"))
    await inventory.gain(fake_tx(store, now=NOW + 3), USER, inventory.ItemRef("retired", "old"))
    assert await inventory.holdings(store, tenant, USER) == {
        "badges": ["blue", "gold"],
        "stickers": [],
        "retired": ["old"],
    }
    assert await inventory.holdings(store, tenant, None) == {"badges": [], "stickers": []}


# --- challenges --------------------------------------------------------------------------------


def challenge(challenge_id: str, **fields: Any) -> tuple[Challenge, challenge_core.ChallengeRule]:
    config = Challenge(
        challengeId=challenge_id, title=fields.pop("title", challenge_id), eventId="e", **fields
    )
    return config, compile_challenge(config)


def state_row(challenge_id: str, **fields: Any) -> ChallengeStateRow:
    row = ChallengeStateRow(
        user_pk=USER,
        challenge_id=challenge_id,
        tenant_id=1,
        progress=0,
        missions={},
        round_done=False,
        completions=0,
        period_key="",
        period_completions=0,
        completed_at=None,
        updated_at=NOW,
    )
    row.update(fields)  # type: ignore[typeddict-item]
    return row


SERIES = {
    "s1": challenge("s1", seriesId="S", seriesStep=1, goal=3, points=5, title="Ride"),
    "s2": challenge("s2", seriesId="S", seriesStep=2, points=10),
    "solo": challenge("solo"),
    "closed": challenge("closed", status="INACTIVE"),
}


async def test_a_challenge_read_model_caps_progress_and_dates_only_a_completion() -> None:
    tenant = tenant_with(challenges=SERIES)
    rules = challenges.rules_of(tenant)
    config, rule = SERIES["s1"]
    open_view = challenges.challenge_view(
        tenant, config, rule, rules, challenge_core.ChallengeState(progress=2, completed_at=NOW)
    )
    assert open_view == challenges.ChallengeView(
        challenge_id="s1",
        status="ACTIVE",
        goal=3,
        points=5,
        title={"en": "Ride"},
        type="FIXED",
        progress=2,
        completed=False,
        completed_at=None,
        series_id="S",
        is_last_step=False,
    )
    done = challenge_core.ChallengeState(progress=9, round_done=True, completions=1, completed_at=NOW)
    done_view = challenges.challenge_view(tenant, config, rule, rules, done)
    assert (done_view.progress, done_view.completed, done_view.completed_at) == (3, True, NOW)
    last = challenges.challenge_view(tenant, *SERIES["s2"], rules, challenge_core.ChallengeState())
    assert last.is_last_step is True


async def test_the_lynes_dialect_writes_the_read_model_in_seed_000s_shape() -> None:
    tenant = tenant_with(challenges=SERIES)
    view = challenges.challenge_view(
        tenant, *SERIES["s2"], challenges.rules_of(tenant), challenge_core.ChallengeState(progress=1)
    )
    assert challenge_data(view) == {
        "challengeId": "s2",
        "status": "ACTIVE",
        "goal": 1,
        "points": 10,
        "title": {"en": "s2"},
        "type": "FIXED",
        "progress": 1,
        "completed": False,
        "completedDate": None,
        "seriesId": "S",
        "isLastStep": True,
    }


async def test_a_user_sees_open_challenges_and_the_next_series_step_once_the_previous_is_done() -> None:
    store = FakeStore()
    tenant = tenant_with(challenges=SERIES)
    before = await store.challenges.states_of_user(USER)
    seen = [c.config.challengeId for c in challenges.visible_challenges(tenant, before, NOW)]
    assert seen == ["s1", "solo"]  # s2 locked behind s1, "closed" inactive and never completed
    store.challenges.states[(USER, "s1")] = state_row("s1", progress=3, round_done=True, completions=1)
    store.challenges.states[(USER, "closed")] = state_row("closed", round_done=True, completions=1)
    after = await store.challenges.states_of_user(USER)
    items = challenges.visible_challenges(tenant, after, NOW)
    assert [c.config.challengeId for c in items] == ["s1", "s2", "closed", "solo"]  # series "S" first
    assert [challenge_core.is_completed(c.rule, c.state) for c in items] == [True, False, True, False]


async def test_the_event_response_part_is_one_read_model_per_step() -> None:
    tenant = tenant_with(challenges=SERIES)
    state = challenge_core.ChallengeState(progress=1)
    steps = [ChallengeStep("s1", challenge_core.Advance(state), created=True)]
    assert [(v.challenge_id, v.progress, v.goal) for v in challenges.step_views(tenant, steps)] == [
        ("s1", 1, 3)
    ]


async def test_a_round_already_claimed_pays_nothing() -> None:
    store = FakeStore()
    free = {"free": challenge("free")}
    tx = fake_tx(store, tenant=tenant_with(challenges=free))
    await store.challenges.claim_completion(
        tenant_id=1, user_pk=USER, challenge_id="free", round_no=1, period_key="", now=NOW - 1
    )
    done = challenge_core.ChallengeState(progress=1, round_done=True, completions=1)
    step = ChallengeStep("free", challenge_core.Advance(done, completed=True, round_no=1), created=False)
    await challenges.settle_steps(tx, USER, [step])  # a payout would reach for the database
    assert store.challenges.completions == {
        (USER, "free", 1): {"tenant_id": 1, "period_key": "", "completed_at": NOW - 1}
    }
    assert store.transactions.rows == []


# --- milestones --------------------------------------------------------------------------------

STATUS = milestones.MilestoneSet(
    id="status",
    milestones=[
        milestones.Milestone(id="bronze", threshold=100),
        milestones.Milestone(id="silver", threshold=500),
    ],
)
WALLET = msgspec.structs.replace(STATUS, id="wallet", basis="balance")


def tiers_tenant(*sets: milestones.MilestoneSet) -> TenantConfig:
    return tenant_with(milestones={s.id: (s, milestones.compile_set(s)) for s in sets})


@pytest.fixture
def notified(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """The notifications sent (the messaging feature's repository is not behind a port yet)."""
    sent: list[dict[str, Any]] = []

    async def notify(tx: Any, user_pk: int, **fields: Any) -> int:
        sent.append({"user_pk": user_pk, **fields})
        return len(sent)

    monkeypatch.setattr(notifications, "notify", notify)
    return sent


async def test_a_first_crossing_claims_the_tier_and_notifies(notified: list[dict[str, Any]]) -> None:
    store = FakeStore()
    store.milestones.balances[(USER, "points")] = (50, 150)
    changes = await milestones.reevaluate(fake_tx(store, tenant=tiers_tenant(STATUS, WALLET)), USER)
    assert changes == {"status": {"oldValue": None, "newValue": "bronze"}}
    assert store.milestones.tiers == {(USER, "status"): "bronze"}  # the balance (50) crossed nothing
    assert [(n["user_pk"], n["type"], n["payload"]) for n in notified] == [
        (USER, "milestoneChanged", {"milestoneChanges": changes})
    ]


async def test_a_balance_tier_moves_down_when_the_balance_drops(notified: list[dict[str, Any]]) -> None:
    store = FakeStore()
    store.milestones.balances[(USER, "points")] = (120, 900)
    store.milestones.tiers[(USER, "wallet")] = "silver"
    changes = await milestones.reevaluate(fake_tx(store, tenant=tiers_tenant(WALLET)), USER)
    assert changes == {"wallet": {"oldValue": "silver", "newValue": "bronze"}}
    assert store.milestones.tiers[(USER, "wallet")] == "bronze"
    assert len(notified) == 1


async def test_no_crossing_writes_and_notifies_nothing(notified: list[dict[str, Any]]) -> None:
    store = FakeStore()
    store.milestones.balances[(USER, "points")] = (150, 150)
    store.milestones.tiers[(USER, "status")] = "bronze"
    assert await milestones.reevaluate(fake_tx(store, tenant=tiers_tenant(STATUS)), USER) == {}
    assert store.milestones.tiers == {(USER, "status"): "bronze"}
    assert notified == []


class StaleTiers(FakeMilestoneTiers):
    """Reads the tier a concurrent transaction has since moved away from."""

    async def tiers_of(self, user_pk: int) -> dict[str, str | None]:
        return {"status": None}


async def test_a_crossing_another_transaction_reported_first_is_not_reported_again(
    notified: list[dict[str, Any]],
) -> None:
    store = FakeStore(milestones=StaleTiers())
    store.milestones.balances[(USER, "points")] = (0, 150)
    store.milestones.tiers[(USER, "status")] = "bronze"  # moved by the winner
    assert await milestones.reevaluate(fake_tx(store, tenant=tiers_tenant(STATUS)), USER) == {}
    assert store.milestones.tiers == {(USER, "status"): "bronze"}
    assert notified == []


async def test_without_milestone_sets_nothing_is_read() -> None:
    store = FakeStore(milestones=cast(FakeMilestoneTiers, None))
    assert await milestones.reevaluate(fake_tx(store), USER) == {}


# --- leaderboards ------------------------------------------------------------------------------

MONTHLY = leaderboards.LeaderboardDefinition(leaderboardId="lb", periods=["all"], title="Top")


def board_tenant() -> TenantConfig:
    return tenant_with(leaderboards={"lb": (MONTHLY, leaderboards.compile_definition(MONTHLY))})


def seed_scores(store: FakeStore, scores: dict[str, tuple[int, int]]) -> None:
    for pk, (user_id, (score, at)) in enumerate(scores.items(), start=1):
        store.leaderboards.user_ids[pk] = user_id
        store.leaderboards.add(
            tenant_id=1, user_pk=pk, leaderboard_id="lb", bucket="all", amount=score, now=at
        )


async def test_the_top_shares_ranks_among_equal_scores_and_leaves_out_zero() -> None:
    store = FakeStore()
    seed_scores(store, {"a": (30, 5), "b": (50, 9), "c": (30, 2), "d": (10, 1), "z": (0, 1)})
    tenant = board_tenant()
    answer = await leaderboards.leaderboard(
        services_of(store, tenant), admin(), "lb", period=None, limit=3, user_id=None
    )
    assert answer.entries == (
        leaderboards.RankedEntryView(rank=1, user_id="b", score=50),
        leaderboards.RankedEntryView(rank=2, user_id="c", score=30),  # reached 30 first
        leaderboards.RankedEntryView(rank=2, user_id="a", score=30),
    )
    assert (answer.period, answer.period_key, answer.user, answer.above, answer.below) == (
        "all",
        "all",
        None,
        (),
        (),
    )


async def test_an_unknown_leaderboard_or_period_is_refused_by_name() -> None:
    services = services_of(FakeStore(), board_tenant())
    with pytest.raises(LoyaltyError) as missing:
        await leaderboards.leaderboard(services, admin(), "nope", period=None, limit=3, user_id=None)
    assert missing.value.code == ErrorCode.NOT_FOUND
    with pytest.raises(LoyaltyError) as period:
        await leaderboards.leaderboard(services, admin(), "lb", period="week", limit=3, user_id=None)
    assert (period.value.code, period.value.field) == (ErrorCode.INVALID_INPUT, "period")


# --- streaks -----------------------------------------------------------------------------------

DAILY = streaks.StreakDefinition(streakId="walk", eventIds=["walked"], freezes=1)


def streak_row(user_pk: int, *, count: int, last: int, longest: int, freezes_used: int = 0) -> StreakRow:
    return StreakRow(
        user_pk=user_pk,
        streak_id="walk",
        tenant_id=1,
        time_frame="daily",
        current_count=count,
        longest=longest,
        current_start=None,
        last_period=last,
        last_completed_at=None,
        missed_count=0,
        freezes_used=freezes_used,
        completed_dates=[],
        milestones_claimed=[],
        version=1,
        updated_at=NOW,
    )


async def test_streak_analytics_count_live_runs_with_the_freezes_left() -> None:
    store = FakeStore()
    tenant = tenant_with(streaks={"walk": (DAILY, streaks.compile_definition(DAILY))})
    services = services_of(store, tenant)
    assert await streaks.streak_analytics(services, admin(), "walk") is None
    today = streak_core.period_of(NOW, tenant.settings.timeZone, "daily").ordinal
    store.streaks.rows[(1, "walk")] = streak_row(1, count=4, last=today, longest=4)
    store.streaks.rows[(2, "walk")] = streak_row(2, count=2, last=today - 2, longest=9)  # a freeze bridges
    store.streaks.rows[(3, "walk")] = streak_row(3, count=5, last=today - 2, longest=5, freezes_used=1)
    assert await streaks.streak_analytics(services, admin(), "walk") == streaks.StreakAnalyticsView(
        streak_id="walk",
        total_participants=3,
        active_participants=2,
        average_length=3.0,
        longest=9,
        completion_rate=0.67,
    )


async def test_a_users_streak_reads_as_of_now_and_one_not_started_reads_as_zero() -> None:
    store = FakeStore()
    tenant = tenant_with(streaks={"walk": (DAILY, streaks.compile_definition(DAILY))})
    services = services_of(store, tenant)
    today = streak_core.period_of(NOW, tenant.settings.timeZone, "daily")
    pk = store.users.add(1, "ann", now=NOW)
    store.streaks.time_zones[pk] = None
    store.streaks.rows[(pk, "walk")] = {
        **streak_row(pk, count=3, last=today.ordinal, longest=5),
        "current_start": today.start_ms - 2 * 86_400_000,
        "last_completed_at": NOW - 1000,
        "completed_dates": ["2025-01-01"],
        "milestones_claimed": [3],
    }
    ann = streaks.StreakView(
        user_id="ann",
        streak_id="walk",
        current_start=today.start_ms - 2 * 86_400_000,
        time_frame="daily",
        current_count=3,
        longest=5,
        last_completed_at=NOW - 1000,
        missed_count=0,
        completed_dates=("2025-01-01",),
        milestones_claimed=(3,),
    )
    assert await streaks.user_streak(services, admin(), "ann", "walk") == ann
    assert await streaks.user_streaks(services, admin(), "ann") == [ann]
    assert await streaks.user_streaks(services, admin(), "bob") == []
    assert await streaks.user_streak(services, admin(), "bob", "walk") == replace(
        ann,
        user_id="bob",
        current_start=today.start_ms,  # a run not going starts in the current period
        current_count=0,
        longest=0,
        last_completed_at=None,
        completed_dates=(),
        milestones_claimed=(),
    )
    with pytest.raises(LoyaltyError) as missing:
        await streaks.user_streak(services, admin(), "ann", "run")
    assert missing.value.code == ErrorCode.NOT_FOUND


async def test_a_users_own_time_zone_must_be_a_known_zone() -> None:
    store = FakeStore()
    pk = store.users.add(1, "ann", now=NOW)
    tx = fake_tx(store)
    assert await streaks.set_time_zone(tx, "ann", "Europe/Berlin") == streaks.TimeZoneView(
        "ann", "Europe/Berlin"
    )
    assert store.users.rows[pk]["time_zone"] == "Europe/Berlin"
    assert await streaks.set_time_zone(tx, "ann", None) == streaks.TimeZoneView("ann", None)
    with pytest.raises(LoyaltyError) as wrong:
        await streaks.set_time_zone(tx, "ann", "Mars/Olympus")
    assert (wrong.value.code, wrong.value.field) == (ErrorCode.INVALID_INPUT, "timeZone")


# --- the transaction history -------------------------------------------------------------------


async def test_a_recorded_achievement_reads_back_as_recorded() -> None:
    store = FakeStore()
    payload = {"challengeId": "c", **transactions.Changes().payload_fields()}
    row_id = await transactions.record(fake_tx(store), USER, type="challengeCompleted", payload=payload)
    rows = await store.transactions.list_for_user(USER, from_ts=NOW, to_ts=NOW, limit=10)
    entry = transactions.recorded_entry(rows[0])
    assert entry == transactions.RecordedEntry(
        id=str(row_id), timestamp=NOW, type="challengeCompleted", payload=payload
    )
    assert history_item(entry) == {
        "id": "1",
        "timestamp": NOW,
        "type": "challengeCompleted",
        "payload": payload,
    }
    assert await store.transactions.list_for_user(USER, from_ts=NOW + 1, to_ts=None, limit=10) == []


def ledger_line(**fields: Any) -> dict[str, Any]:
    line = {"id": 4, "amount": 25, "balance_after": 125, "metric": "points", "created_at": NOW}
    line.update({"source": "event", "kind": "credit", "reference": "17"})
    return {**line, **fields}


async def test_a_ledger_line_reads_as_a_change_named_by_its_source() -> None:
    credit = transactions.ledger_entry(ledger_line(), "purchase")
    assert credit == transactions.LedgerEntry(
        id="ledger-4",
        timestamp=NOW,
        type="pointsEarned",
        source="event",
        reference="purchase",
        change=MetricChange(metric="points", old_value=100, new_value=125),
    )
    assert history_item(credit)["payload"] == {
        "source": "event",
        "eventId": "purchase",
        "metricChanges": {"points": {"oldValue": 100, "newValue": 125}},
        "inventoryChanges": {"received": [], "lost": []},
    }
    streak = transactions.ledger_entry(ledger_line(source="streak", reference="walk#7"), None)
    assert (streak.reference, history_item(streak)["payload"]["streakId"]) == ("walk", "walk")
    gone = history_item(transactions.ledger_entry(ledger_line(), None))["payload"]
    assert gone["eventId"] is None  # the logged event is gone: still named, as null
    redeemed = transactions.ledger_entry(ledger_line(source="offer", amount=-50, reference=None), None)
    assert redeemed.type == "pointsRedeemed"
    assert "offerId" not in history_item(redeemed)["payload"]
