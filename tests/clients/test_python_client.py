"""The generated Python client (clients/python) against a real ``loyalty serve`` on SQLite or PostgreSQL.

One walk through what a shop does with the SDK: configure the programme (admin PUTs), create a user,
log an order, read the balance and the history, redeem an offer, log an Audience action and add
points through the Emporix face. Every call goes through the generated functions and models; the
answers are the generated models, so a document that stopped matching the server fails here.
"""

from __future__ import annotations

import time

import jwt
from loyalty_client import AuthenticatedClient
from loyalty_client.api.admin import (
    get_admin_event,
    get_admin_settings,
    put_admin_event,
    put_admin_offer,
    put_admin_settings,
)
from loyalty_client.api.audience_actions import log_audience_action
from loyalty_client.api.emporix_reward_points import add_points, get_customer_reward_summary
from loyalty_client.api.lynes_events import log_event, reverse_event
from loyalty_client.api.lynes_offers_and_coupons import list_user_coupons, redeem_offer
from loyalty_client.api.lynes_users import create_user, get_user_history, get_user_points
from loyalty_client.models import (
    ActionResult,
    ActionToLog,
    AddedPoints,
    AdminEvent,
    AdminEventInput,
    AdminOffer,
    AdminOfferInput,
    AdminSettings,
    AdminSettingsInput,
    CreateUserBody,
    EmporixError,
    EventToLog,
    EventToLogMetadataType0,
    HistoryEntry,
    LoggedEvent,
    LynesError,
    PointsEntry,
    Redeemed,
    ReversedEvent,
    UserCreated,
    UserPoints,
)

from tests.support import TenantHandle

PURCHASE = {
    "eventId": "purchase_completed",
    "title": "Purchase completed",
    "status": "ACTIVE",
    "type": "TRANSACTION",
    "rewardValueField": "amount",
    "reward": {"default": 2},
    "metadataFields": [{"key": "amount", "type": "number", "required": True}],
}
APP_LOGIN = {"title": "App login", "status": "ACTIVE", "type": "FIXED", "reward": {"default": 5}}
COFFEE = {"title": "Free coffee", "type": "LOCAL", "points": 100}


def clients(
    base_url: str, tenant: TenantHandle, user_id: str
) -> tuple[AuthenticatedClient, AuthenticatedClient]:
    shop = AuthenticatedClient(base_url, token=tenant.admin_key, prefix="", auth_header_name="X-API-Key")
    user = AuthenticatedClient(base_url, token=tenant.token(user_id))
    return shop, user


async def test_the_python_client_runs_a_shop_integration(live_server: str, tenant: TenantHandle) -> None:
    shop, user = clients(live_server, tenant, "u-42")
    async with shop, user:
        # the programme, through the typed admin API
        put = await put_admin_event.asyncio_detailed(
            "purchase_completed", client=shop, body=AdminEventInput.from_dict(PURCHASE)
        )
        assert put.status_code == 200
        assert isinstance(put.parsed, AdminEvent)
        assert (put.parsed.event_id, put.parsed.version) == ("purchase_completed", 1)
        assert await put_admin_event.asyncio(
            "app_login", client=shop, body=AdminEventInput.from_dict(APP_LOGIN)
        )
        offer = await put_admin_offer.asyncio("coffee", client=shop, body=AdminOfferInput.from_dict(COFFEE))
        assert isinstance(offer, AdminOffer)
        assert offer.points == 100
        read = await get_admin_event.asyncio("purchase_completed", client=shop)
        assert isinstance(read, AdminEvent)
        assert read.reward.to_dict() == {"default": 2}

        created = await create_user.asyncio(client=shop, body=CreateUserBody(user_id="u-42"))
        assert isinstance(created, UserCreated)
        assert created.user_id == "u-42"

        # seed 002: a TRANSACTION event of 49.99 at 2 points per unit → 100 points
        order = EventToLog(
            event_id="purchase_completed",
            user_id="u-42",
            metadata=EventToLogMetadataType0.from_dict({"amount": 49.99}),
        )
        logged = await log_event.asyncio_detailed(client=shop, body=order, idempotency_key="order-A-1001")
        assert logged.status_code == 200
        assert isinstance(logged.parsed, LoggedEvent)
        assert logged.parsed.data.points == 100
        again = await log_event.asyncio_detailed(client=shop, body=order, idempotency_key="order-A-1001")
        assert again.headers.get("Idempotent-Replayed") == "true"

        # a refund: the second order's event is reversed by the id its answer carried
        refunded = EventToLog.from_dict(
            {"eventId": "purchase_completed", "userId": "u-42", "metadata": {"amount": 10}}
        )
        second = await log_event.asyncio_detailed(client=shop, body=refunded, idempotency_key="order-A-1002")
        assert isinstance(second.parsed, LoggedEvent)
        assert second.parsed.data.points == 20
        reversed_ = await reverse_event.asyncio_detailed(
            second.headers["Loyalty-Logged-Event-Id"], client=shop
        )
        assert reversed_.status_code == 200
        assert isinstance(reversed_.parsed, ReversedEvent)
        assert (reversed_.parsed.data.points, reversed_.parsed.data.shortfall) == (20, 0)

        points = await get_user_points.asyncio("u-42", client=user)
        assert isinstance(points, UserPoints)
        assert (points.points, points.user_exists) == (100, True)
        history = await get_user_history.asyncio("u-42", client=user)
        assert isinstance(history, list)
        assert all(isinstance(entry, HistoryEntry) for entry in history)
        assert [entry.points for entry in history] == [-20, 20, 100]

        redeemed = await redeem_offer.asyncio_detailed("u-42", "coffee", client=user)
        assert redeemed.status_code == 200
        assert isinstance(redeemed.parsed, Redeemed)
        coupons = await list_user_coupons.asyncio("u-42", client=user)
        assert isinstance(coupons, list)
        assert len(coupons) == 1
        assert (await get_user_points.asyncio("u-42", client=user)).points == 0  # type: ignore[union-attr]

        # seed 001: an Audience action is an event of the user's own token
        action = await log_audience_action.asyncio(client=user, body=ActionToLog(action="app_login"))
        assert isinstance(action, ActionResult)
        assert action.data["points"] == 5

        # the Emporix face: add points, then the summary counts them
        added = await add_points.asyncio("u-42", client=shop, body=AddedPoints(points=123))
        assert isinstance(added, PointsEntry)
        assert added.points == 123
        summary = await get_customer_reward_summary.asyncio_detailed("u-42", client=shop)
        assert summary.status_code == 200
        assert (await get_user_points.asyncio("u-42", client=user)).points == 128  # type: ignore[union-attr]


async def test_errors_come_back_as_the_dialects_typed_envelopes(
    live_server: str, tenant: TenantHandle
) -> None:
    shop, _ = clients(live_server, tenant, "u-1")
    async with shop:
        missing = await log_event.asyncio_detailed(
            client=shop, body=EventToLog(event_id="no_such_event", user_id="nobody")
        )
        assert missing.status_code == 404
        assert isinstance(missing.parsed, LynesError)
        assert missing.parsed.status_code == 404
        bad = await add_points.asyncio_detailed("u-1", client=shop, body=AddedPoints(points=0))
        assert bad.status_code == 400
        assert isinstance(bad.parsed, EmporixError)  # the vendor's 400: an RFC 7807-style body
        assert (bad.parsed.status, bad.parsed.field, bad.parsed.code) == (400, "points", "invalid_input")


async def test_the_guides_hs256_tokens_from_the_shops_login(live_server: str, tenant: TenantHandle) -> None:
    """docs/integration.md step 5: the shop sets its own secret through the settings and signs tokens."""
    shop, _ = clients(live_server, tenant, "u-7")
    secret = "the-shops-own-secret-" + "x" * 24
    async with shop:
        current = await get_admin_settings.asyncio("tenant", client=shop)
        assert isinstance(current, AdminSettings)
        assert current.jwt_secret_set is True
        body = AdminSettingsInput.from_dict({**current.to_dict(), "jwtSecret": secret})
        assert isinstance(await put_admin_settings.asyncio("tenant", client=shop, body=body), AdminSettings)
        await create_user.asyncio(client=shop, body=CreateUserBody(user_id="u-7"))
    now = int(time.time())
    token = jwt.encode(
        {"sub": "u-7", "tenant": tenant.name, "iat": now, "exp": now + 900}, secret, algorithm="HS256"
    )
    async with AuthenticatedClient(live_server, token=token) as me:
        points = await get_user_points.asyncio("u-7", client=me)
        assert isinstance(points, UserPoints)
        assert (points.points, points.user_exists) == (0, True)
        other = await get_user_points.asyncio_detailed("u-42", client=me)
        assert other.status_code == 403
    async with AuthenticatedClient(live_server, token=tenant.token("u-7")) as old:
        assert (await get_user_points.asyncio_detailed("u-7", client=old)).status_code == 401
