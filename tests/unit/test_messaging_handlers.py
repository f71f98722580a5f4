"""Messaging, surveys and stats over the in-memory store: the outbox's rows, notifications read
and unseen, survey answers (validated, once per user) and the statistics' users counters.

Where a use case still reaches a repository nobody has put behind a port yet (the user's key, the
ledger's latest gain), the test stands in for that module's function with a stub.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from types import SimpleNamespace
from typing import Any, cast

import httpx
import pytest

from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.services import Services
from loyalty.app.kernel.uow import Tx
from loyalty.app.ledger.ports import LedgerLineRow
from loyalty.app.messaging import notifications, outbox
from loyalty.app.messaging.delivery import FIRST_BACKOFF_MS, Deliverer
from loyalty.app.messaging.outbox import forget_user, publish, publish_for, queue_depth
from loyalty.app.messaging.ports import DELIVERED, FAILED, PENDING, USER_DELETED
from loyalty.app.messaging.webhooks import Webhook
from loyalty.app.stats import stats
from loyalty.app.stats.ports import ALL_EVENTS, HOURS, DailyRow
from loyalty.app.surveys import surveys
from loyalty.app.surveys.surveys import SurveyDefinition, SurveyOption
from loyalty.app.tenancy.tenants import TenantConfig
from loyalty.core import periods
from loyalty.core.errors import ErrorCode, LoyaltyError
from tests.fakes.store import NOW, FakeStore, admin, fake_tenant, fake_tx
from tests.fakes.surveys import Answer

RETRY_HOURS = 24


class _Services:
    """What ``run_read`` and the outbox need of the services: the tenant, a read store, the
    clock, the delivery settings."""

    def __init__(self, store: FakeStore, tenant: TenantConfig) -> None:
        self.store, self.tenant = store, tenant
        self.tenants = SimpleNamespace(by_id=self._by_id)
        self.stores = SimpleNamespace(read=self._read, write=self._read)
        self.settings = SimpleNamespace(
            delivery_retry_hours=RETRY_HOURS,
            delivery_batch_size=10,
            delivery_timeout_seconds=5.0,
            delivery_retention_days=7,
            webhook_allowed_destinations="",
        )
        self.extras: dict[str, Any] = {}

    async def _by_id(self, tenant_id: int) -> TenantConfig | None:
        return self.tenant if tenant_id == self.tenant.id else None

    @asynccontextmanager
    async def _read(self) -> AsyncIterator[FakeStore]:
        yield self.store

    def now(self) -> int:
        return NOW


def _tx(store: FakeStore, tenant: TenantConfig, principal: Principal | None = None) -> Tx:
    tx = fake_tx(store, tenant=tenant, principal=principal)
    return dataclasses.replace(tx, services=cast(Services, _Services(store, tenant)))


def _with(tenant: TenantConfig, kind: str, items: dict[str, Any]) -> TenantConfig:
    return dataclasses.replace(
        tenant, items={**tenant.items, kind: items}, prepared={**tenant.prepared, kind: items}
    )


def _hooks(*hooks: Webhook) -> TenantConfig:
    return _with(fake_tenant(), "webhooks", {h.id: h for h in hooks})


# outbox


async def test_publish_queues_one_message_per_subscribed_active_webhook() -> None:
    store = FakeStore()
    tenant = _hooks(
        Webhook(id="crm", url="https://crm.example/h", eventTypes=["coupon.issued", "points.awarded"]),
        Webhook(id="erp", url="https://erp.example/h", eventTypes=["coupon.issued"]),
        Webhook(id="off", url="https://off.example/h", eventTypes=["coupon.issued"], active=False),
        Webhook(id="other", url="https://other.example/h", eventTypes=["points.awarded"]),
    )
    await publish(_tx(store, tenant), "coupon.issued", {"couponId": 5}, user_id="u1")
    rows = sorted(store.outbox.rows.values(), key=lambda r: r["webhook_id"])
    assert [r["webhook_id"] for r in rows] == ["crm", "erp"]
    for row in rows:
        assert (row["event_type"], row["status"], row["attempts"], row["user_id"]) == (
            "coupon.issued",
            PENDING,
            0,
            "u1",
        )
        assert (row["next_attempt_at"], row["created_at"]) == (NOW, NOW)
        assert row["retry_until"] == NOW + RETRY_HOURS * 3_600_000
        assert row["delivery_id"].startswith("whd_")
        assert '"data":{"userId":"u1","couponId":5}' in row["body"]
    assert rows[0]["delivery_id"] != rows[1]["delivery_id"]


async def test_publish_without_a_subscriber_writes_nothing_and_an_unknown_type_is_refused() -> None:
    store = FakeStore()
    tenant = _hooks(Webhook(id="crm", url="https://crm.example/h", eventTypes=["points.awarded"]))
    await publish(_tx(store, tenant), "coupon.issued", {"couponId": 5})
    assert store.outbox.rows == {}
    with pytest.raises(ValueError, match=r"unknown webhook event type 'coupon\.eaten'"):
        await publish(_tx(store, tenant), "coupon.eaten", {})
    assert store.outbox.rows == {}


async def test_publish_for_looks_the_user_up_only_when_a_webhook_wants_the_event() -> None:
    store = FakeStore()
    store.outbox.users[7] = "user_7"
    tenant = _hooks(Webhook(id="crm", url="https://crm.example/h", eventTypes=["points.awarded"]))
    await publish_for(_tx(store, tenant), "coupon.issued", {}, user_pk=8)  # unknown user, unwanted
    await publish_for(_tx(store, tenant), "points.awarded", {"amount": 3}, user_pk=7)
    [row] = store.outbox.rows.values()
    assert (row["event_type"], row["user_id"]) == ("points.awarded", "user_7")


async def test_publish_wakes_the_in_process_deliverer_after_commit_once() -> None:
    store = FakeStore()
    tenant = _hooks(Webhook(id="crm", url="https://crm.example/h", eventTypes=["coupon.issued"]))
    tx = _tx(store, tenant)
    tx.services.extras[outbox.WAKEUP] = wakeup = asyncio.Event()
    await publish(tx, "coupon.issued", {})
    await publish(tx, "coupon.issued", {})
    assert len(tx.after_commit) == 1
    await tx.after_commit[0]()
    assert wakeup.is_set()


async def test_forget_user_redacts_their_messages_but_not_the_deletion_notice() -> None:
    store = FakeStore()
    tenant = _hooks(
        Webhook(id="crm", url="https://crm.example/h", eventTypes=["coupon.issued", USER_DELETED])
    )
    tx = _tx(store, tenant)
    await publish(tx, "coupon.issued", {"couponId": 1}, user_id="u1")
    await publish(tx, USER_DELETED, {}, user_id="u1")
    await publish(tx, "coupon.issued", {"couponId": 2}, user_id="u2")
    assert await forget_user(tx, "u1") == 1
    first, notice, other = (store.outbox.rows[i] for i in (1, 2, 3))
    assert first["user_id"] is None
    assert '"data":{}' in first["body"]
    assert '"redacted":true' in first["body"]
    assert first["body"].startswith(f'{{"id":"{first["delivery_id"]}","type":"coupon.issued"')
    assert (notice["user_id"], other["user_id"]) == ("u1", "u2")
    assert '"userId":"u1"' in notice["body"]
    assert '"couponId":2' in other["body"]


async def test_the_queue_depth_counts_pending_and_failed_messages() -> None:
    store = FakeStore()
    tenant = _hooks(Webhook(id="crm", url="https://crm.example/h", eventTypes=["coupon.issued"]))
    tx = _tx(store, tenant)
    for _ in range(3):
        await publish(tx, "coupon.issued", {})
    store.outbox.rows[1]["status"] = FAILED
    store.outbox.rows[2]["status"] = "delivered"
    assert await queue_depth(tx.services) == {PENDING: 1, FAILED: 1}


async def test_a_batch_is_claimed_sent_and_settled_and_a_deleted_webhooks_message_fails_unsent() -> None:
    store = FakeStore()
    crm = Webhook(id="crm", url="https://crm.example/h", eventTypes=["coupon.issued"], secret="s" * 32)
    gone = Webhook(id="gone", url="https://gone.example/h", eventTypes=["coupon.issued"], secret="s" * 32)
    await publish(_tx(store, _hooks(crm, gone)), "coupon.issued", {"couponId": 1})
    sent: list[httpx.Request] = []

    def receive(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(204)

    services = _Services(store, _hooks(crm))  # "gone" was deleted since
    async with httpx.AsyncClient(transport=httpx.MockTransport(receive)) as client:
        deliverer = Deliverer(cast(Services, services), owner="w1", client=client)
        assert await deliverer.run_once() == 2
        assert await deliverer.run_once() == 0
    by_hook = {r["webhook_id"]: r for r in store.outbox.rows.values()}
    assert [str(r.url) for r in sent] == ["https://crm.example/h"]
    assert sent[0].content.decode() == by_hook["crm"]["body"]
    assert (by_hook["crm"]["status"], by_hook["crm"]["attempts"], by_hook["crm"]["delivered_at"]) == (
        DELIVERED,
        1,
        NOW,
    )
    assert by_hook["crm"]["lease_owner"] is None
    assert (by_hook["gone"]["status"], by_hook["gone"]["attempts"], by_hook["gone"]["last_error"]) == (
        FAILED,
        0,
        "webhook was deleted",
    )
    [attempt] = store.outbox.attempts
    assert (attempt["outbox_id"], attempt["status_code"], attempt["error"]) == (
        by_hook["crm"]["id"],
        204,
        None,
    )


async def test_a_failed_send_is_retried_after_the_backoff() -> None:
    store = FakeStore()
    crm = Webhook(id="crm", url="https://crm.example/h", eventTypes=["coupon.issued"], secret="s" * 32)
    await publish(_tx(store, _hooks(crm)), "coupon.issued", {})
    async with httpx.AsyncClient(transport=httpx.MockTransport(lambda _: httpx.Response(503))) as client:
        assert await Deliverer(cast(Services, _Services(store, _hooks(crm))), client=client).run_once() == 1
    [row] = store.outbox.rows.values()
    assert (row["status"], row["attempts"], row["next_attempt_at"]) == (PENDING, 1, NOW + FIRST_BACKOFF_MS)
    assert (row["last_status_code"], row["last_error"], row["lease_owner"]) == (503, "HTTP 503", None)


# notifications


async def test_a_notification_keeps_the_default_language_and_its_translations() -> None:
    store = FakeStore()
    tx = fake_tx(store, tenant=fake_tenant(defaultLanguage="de"))
    title = {"en": "Coupon", "de": "Gutschein"}
    notification_id = await notifications.notify(
        tx, 7, type="couponIssued", payload={"couponId": 1}, title=title, message="Enjoy", section="rewards"
    )
    row = store.notifications.rows[notification_id]
    assert (row["user_pk"], row["type"], row["display"], row["section"], row["ts"]) == (
        7,
        "couponIssued",
        "toast",
        "rewards",
        NOW,
    )
    assert (row["title"], row["message"], row["read_at"]) == ("Gutschein", "Enjoy", None)
    assert row["texts"] == {"title": title, "message": "Enjoy"}
    assert notifications.view(row, ["en"], "de") == notifications.NotificationView(
        id=notification_id,
        derived=False,
        timestamp=NOW,
        type="couponIssued",
        display="toast",
        title="Coupon",
        message="Enjoy",
        payload={"couponId": 1},
    )


async def test_a_notification_of_an_unknown_section_is_refused() -> None:
    store = FakeStore()
    with pytest.raises(ValueError, match="unknown notification section 'inbox'"):
        await notifications.notify(fake_tx(store), 7, type="x", payload={}, section="inbox")
    assert store.notifications.rows == {}


def _users(store: FakeStore, *user_ids: str) -> None:
    """Seed the users, whose keys are then 1, 2, … in this order."""
    for user_id in user_ids:
        store.users.add(1, user_id)


async def test_marking_named_notifications_read_marks_only_the_users_unread_ones() -> None:
    store = FakeStore()
    _users(store, "alice", "bob")
    tx = fake_tx(store)
    mine = [await notifications.notify(tx, 1, type="x", payload={}) for _ in range(3)]
    theirs = await notifications.notify(tx, 2, type="x", payload={})
    request = notifications.ReadRequest(stored=[mine[0], mine[1], theirs], derived=[])
    assert await notifications.mark_read(tx, "alice", request) == 2
    assert await notifications.mark_read(tx, "alice", request) == 0  # already read
    assert [r["id"] for r in await store.notifications.unread(1, limit=10)] == [mine[2]]
    assert store.notifications.rows[theirs]["read_at"] is None
    assert await notifications.mark_read(tx, "nobody", None) == 0


async def test_unread_notifications_merge_event_points_from_the_ledger_oldest_first() -> None:
    store = FakeStore()
    _users(store, "alice", "bob")
    tx = fake_tx(store, now=NOW - 5)
    stored = await notifications.notify(tx, 1, type="couponIssued", payload={"couponId": 3}, title="Coupon")
    await notifications.notify(tx, 2, type="couponIssued", payload={}, title="Not hers")
    store.ledger_tables.logged_events[7] = "e1"
    store.ledger_tables.lines[40] = LedgerLineRow(
        id=40, tenant_id=1, user_pk=1, metric="points", kind="credit", amount=10, remaining=10,
        valid_until=None, source="event", reference="7", description="Visit", site_code=None,
        entry_key=None, reversal_of=None, balance_after=30, created_at=NOW - 10,
    )  # fmt: skip
    services = cast(Services, _Services(store, fake_tenant()))
    assert await notifications.unread(services, admin(), "alice", ["en"]) == [
        notifications.NotificationView(
            id=40,
            derived=True,
            timestamp=NOW - 10,
            type="pointsEarned",
            display="toast",
            title="Visit",
            message=None,
            payload={"eventId": "e1", "metricChanges": {"points": {"oldValue": 20, "newValue": 30}}},
        ),
        notifications.NotificationView(
            id=stored,
            derived=False,
            timestamp=NOW - 5,
            type="couponIssued",
            display="toast",
            title="Coupon",
            message=None,
            payload={"couponId": 3},
        ),
    ]
    assert await notifications.unread(services, admin(), "ghost", ["en"]) == []


async def _overview(store: FakeStore, tenant: TenantConfig, user_id: str = "alice") -> dict[str, bool]:
    services = cast(Services, _Services(store, tenant))
    view = await notifications.overview(services, admin(), user_id)
    assert view.user_id == user_id
    return {
        "Challenges": view.has_unseen_challenges,
        "Rewards": view.has_unseen_rewards,
        "Surveys": view.has_unseen_surveys,
    }


async def test_a_screen_is_unseen_until_viewed_after_its_latest_notification(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store, tenant = FakeStore(), fake_tenant()
    _users(store, "alice", "bob")
    gains: dict[int, int] = {}

    async def latest_gain_at(pk: int, *, leave_out: Any) -> int | None:
        return gains.get(pk)

    monkeypatch.setattr(store.ledger_history, "latest_gain_at", latest_gain_at)
    nothing = {"Challenges": False, "Rewards": False, "Surveys": False}
    assert await _overview(store, tenant) == nothing
    await notifications.notify(fake_tx(store, now=NOW - 10), 1, type="x", payload={}, section="challenges")
    await notifications.notify(fake_tx(store, now=NOW - 10), 2, type="x", payload={}, section="rewards")
    assert await _overview(store, tenant) == {**nothing, "Challenges": True}
    await notifications.view_screen(fake_tx(store), "alice", "challenges")
    assert store.notifications.screens == {(1, "challenges"): NOW}
    assert await _overview(store, tenant) == nothing
    gains[1] = NOW - 5  # points from any source are new rewards
    assert await _overview(store, tenant) == {**nothing, "Rewards": True}
    await notifications.reset_screens(fake_tx(store), "alice", ["challenges"])
    assert await _overview(store, tenant) == {**nothing, "Rewards": True, "Challenges": True}
    assert await _overview(store, tenant, "nobody") == nothing


async def test_an_open_unanswered_survey_is_unseen_until_the_surveys_screen_is_viewed() -> None:
    store = FakeStore()
    _users(store, "alice")
    tenant = _with(fake_tenant(), surveys.KIND, {"s1": _survey(validFrom=NOW - 100)})
    assert (await _overview(store, tenant))["Surveys"] is True
    store.notifications.screens[(1, "surveys")] = NOW - 50  # viewed after it opened
    assert (await _overview(store, tenant))["Surveys"] is False
    store.notifications.screens[(1, "surveys")] = NOW - 200
    assert (await _overview(store, tenant))["Surveys"] is True
    store.surveys.answers[(1, "s1")] = Answer(1, ["a"], 0, NOW)
    assert (await _overview(store, tenant))["Surveys"] is False


# surveys


def _survey(**fields: Any) -> SurveyDefinition:
    options = [SurveyOption("a", "A"), SurveyOption("b", "B"), SurveyOption("c", "C")]
    return SurveyDefinition(**{"surveyId": "s1", "title": "Q", "options": options, **fields})


def _survey_tenant(**fields: Any) -> TenantConfig:
    return _with(fake_tenant(), surveys.KIND, {"s1": _survey(**fields)})


@pytest.mark.parametrize(
    ("fields", "responses", "field", "message"),
    [
        ({}, [], "responses", "'responses' must list the selected option ids"),
        ({}, "a", "responses", "'responses' must list the selected option ids"),
        ({}, ["z"], "responses", "'responses': 'z' is not an option of survey 's1'"),
        ({}, [1], "responses", "'responses': 1 is not an option of survey 's1'"),
        ({}, ["a", "b"], "responses", "'responses': a SINGLE survey takes exactly one option"),
        ({"type": "MULTIPLE"}, ["a", "a"], "responses", "'responses': option 'a' is given twice"),
        ({"validUntil": NOW - 1}, ["a"], "surveyId", "survey 's1' is not open for answers"),
        ({"validFrom": NOW + 1}, ["a"], "surveyId", "survey 's1' is not open for answers"),
        ({"status": "INACTIVE"}, ["a"], "surveyId", "survey 's1' is not open for answers"),
    ],
)
async def test_an_invalid_answer_names_the_field_and_stores_nothing(
    fields: dict[str, Any], responses: object, field: str, message: str
) -> None:
    store = FakeStore()
    with pytest.raises(LoyaltyError) as raised:
        await surveys.answer(fake_tx(store, tenant=_survey_tenant(**fields)), "alice", "s1", responses)
    assert (raised.value.code, raised.value.field, raised.value.message) == (
        ErrorCode.INVALID_INPUT,
        field,
        message,
    )
    assert (store.surveys.answers, store.surveys.counts) == ({}, {})


async def test_answering_an_unknown_survey_is_not_found() -> None:
    store = FakeStore()
    with pytest.raises(LoyaltyError) as raised:
        await surveys.answer(fake_tx(store, tenant=_survey_tenant()), "alice", "s9", ["a"])
    assert (raised.value.code, raised.value.message) == (ErrorCode.NOT_FOUND, "survey 's9' does not exist")


async def test_a_survey_is_answered_once_per_user_and_counts_each_option() -> None:
    store = FakeStore()
    _users(store, "alice", "bob")
    tenant = _survey_tenant(type="MULTIPLE")
    done = await surveys.answer(fake_tx(store, tenant=tenant), "alice", "s1", ["a", "c"])
    assert done == surveys.AnsweredView(survey_id="s1", responses=("a", "c"), points=0)
    await surveys.answer(fake_tx(store, tenant=tenant), "bob", "s1", ["c"])
    with pytest.raises(LoyaltyError) as raised:
        await surveys.answer(fake_tx(store, tenant=tenant), "alice", "s1", ["b"])
    assert (raised.value.code, raised.value.field, raised.value.message) == (
        ErrorCode.INVALID_INPUT,
        "surveyId",
        "survey 's1' was already answered by user 'alice'",
    )
    assert store.surveys.answers[(1, "s1")].responses == ["a", "c"]
    assert store.surveys.counts == {(1, "s1", "a"): 1, (1, "s1", "c"): 2}
    services = cast(Services, _Services(store, tenant))
    result = await surveys.results(services, admin(), "s1")
    assert (result.survey_id, result.type, result.answers) == ("s1", "MULTIPLE", 2)
    assert result.options == (
        surveys.OptionCountView(option_id="a", label={"en": "A"}, count=1),
        surveys.OptionCountView(option_id="b", label={"en": "B"}, count=0),
        surveys.OptionCountView(option_id="c", label={"en": "C"}, count=2),
    )


async def test_open_surveys_leave_out_those_the_user_answered() -> None:
    store = FakeStore()
    _users(store, "alice")
    tenant = _with(
        fake_tenant(),
        surveys.KIND,
        {
            "s1": _survey(),
            "s2": _survey(surveyId="s2", validFrom=NOW - 1),
            "closed": _survey(surveyId="closed", validUntil=NOW - 1),
        },
    )
    store.surveys.answers[(1, "s1")] = Answer(1, ["a"], 0, NOW)
    services = cast(Services, _Services(store, tenant))
    [open_survey] = await surveys.available(services, admin(), "alice", ["en"])
    assert open_survey == surveys.SurveyView(
        survey_id="s2",
        title="Q",
        type="SINGLE",
        valid_from=NOW - 1,
        valid_until=None,
        options=(
            surveys.SurveyOptionView(option_id="a", label="A"),
            surveys.SurveyOptionView(option_id="b", label="B"),
            surveys.SurveyOptionView(option_id="c", label="C"),
        ),
    )
    assert [s.survey_id for s in await surveys.available(services, admin(), "new", ["en"])] == ["s1", "s2"]


# stats


def _day(day: str, event_id: str = ALL_EVENTS, **counts: int) -> DailyRow:
    names = ("events", "points", "condition_met", "condition_failed", "limit_reached")
    users = ("day_users", "month_users", "last_users")
    return DailyRow(day, event_id, {**dict.fromkeys((*names, *users, *HOURS), 0), **counts})


async def test_event_stats_count_users_by_the_counter_that_is_exact_for_the_range() -> None:
    store = FakeStore()
    store.stats.days[1] = [
        _day("2025-11-04", "e", events=3, day_users=2, month_users=2, last_users=0, h09=3),
        _day("2025-11-05", "e", events=2, points=10, day_users=1, month_users=0, last_users=2, h10=2),
        _day("2025-11-05", "other", events=9),
    ]
    services = cast(Services, _Services(store, fake_tenant()))
    today = periods.resolve("7d", None, None, date(2025, 11, 5))
    week = await stats.event_stats(services, admin(), today, "e")
    assert (week.total_count, week.points, week.unique_users, week.users_method) == (
        5,
        10,
        2,
        "exact_latest_active_day",
    )
    assert week.daily["2025-11-05"].hourly[10] == 2
    assert week.users_note is None
    one_day = periods.resolve("1d", None, None, date(2025, 11, 4))
    assert one_day.start == one_day.end
    day = await stats.event_stats(services, admin(), one_day, "e")
    assert (day.total_count, day.unique_users, day.users_method) == (3, 2, "exact_first_seen_per_day")
    assert day.users_note is None  # a later day with data does not matter for one day
