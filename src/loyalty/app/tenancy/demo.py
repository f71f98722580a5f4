"""The demo tenant: credentials kept in the data folder, a small programme, one demo user."""

from __future__ import annotations

import json
import secrets
import time
from pathlib import Path
from typing import Any

from loyalty.app import features
from loyalty.app.kernel.store import Stores
from loyalty.app.tenancy.bootstrap import ensure_tenant
from loyalty.app.tenancy.config_kinds import KINDS
from loyalty.app.tenancy.credentials import mint_token

DEMO_TENANT = "demo"
DEMO_USER = "demo-user"

# (kind, id, body) applied when the kind exists and the item does not yet.
DEMO_ITEMS: list[tuple[str, str, dict[str, Any]]] = [
    (
        "events",
        "purchase_completed",
        {
            "eventId": "purchase_completed",
            "title": "Purchase completed",
            "description": "Tracks completed purchases",
            "status": "ACTIVE",
            "limit": 10,
            "maximumReward": 1000,
            "reward": {"default": 2},
            "conditions": {
                "type": "AND",
                "conditions": [{"field": "amount", "operator": "greater_than", "value": 0}],
            },
            "metadataFields": [{"key": "amount", "type": "number", "required": True}],
            "type": "TRANSACTION",
            "rewardValueField": "amount",
        },
    ),
    (
        "events",
        "app_login",
        {
            "eventId": "app_login",
            "title": "App login",
            "description": "Daily login",
            "status": "ACTIVE",
            "limit": 1,
            "limitPeriod": "day",
            "reward": {"default": 5},
            "type": "FIXED",
        },
    ),
    (
        "challenges",
        "three_purchases",
        {
            "challengeId": "three_purchases",
            "title": {"en": "Three purchases"},
            "eventId": "purchase_completed",
            "goal": 3,
            "points": 50,
        },
    ),
    (
        "offers",
        "coffee",
        {
            "title": "Free coffee",
            "description": "A coffee on the house",
            "type": "LOCAL",
            "points": 100,
            "couponTemplate": {"title": "Coffee voucher", "validDays": 30, "codePattern": "CAFE-######"},
        },
    ),
    (
        "surveys",
        "satisfaction",
        {
            "surveyId": "satisfaction",
            "title": "How was your last visit?",
            "type": "SINGLE",
            "options": [
                {"optionId": "good", "label": "Good"},
                {"optionId": "bad", "label": "Could be better"},
            ],
            "points": 10,
        },
    ),
]


async def prepare_demo(stores: Stores, data_dir: Path, *, base_url: str) -> str:
    """Make the demo tenant, its programme and its user exist in the (migrated) store, with the
    credentials kept in ``data_dir``; what ``./demo`` prints."""
    features.load()
    creds_path = data_dir / "credentials.json"
    if creds_path.exists():
        creds = json.loads(creds_path.read_text())
    else:
        creds = {"adminKey": "lyk_demo_" + secrets.token_urlsafe(24), "jwtSecret": secrets.token_urlsafe(32)}
        creds_path.write_text(json.dumps(creds, indent=2))
        creds_path.chmod(0o600)
    now = time.time_ns() // 1_000_000
    tenant_id = await ensure_tenant(
        stores, name=DEMO_TENANT, admin_key=creds["adminKey"], jwt_secret=creds["jwtSecret"], now=now
    )
    async with stores.write() as store:
        for kind_name, item_id, body in DEMO_ITEMS:
            kind = KINDS.get(kind_name)
            if kind is None or await store.config.get(tenant_id, kind_name, item_id):
                continue
            value = kind.parse(item_id, body)
            await store.config.upsert(tenant_id, kind_name, item_id, kind.dump(value), 1, now)
        await store.tenants.bump_version(tenant_id)
        await store.users.insert_if_absent(tenant_id=tenant_id, external_id=DEMO_USER, now=now)
    token = mint_token(
        creds["jwtSecret"], tenant=DEMO_TENANT, sub=DEMO_USER, now_s=now // 1000, ttl_s=30 * 86400
    )
    return demo_text(base_url, admin_key=creds["adminKey"], token=token)


def demo_text(base_url: str, *, admin_key: str, token: str) -> str:
    """What ``./demo`` prints: each credential on a line of its own, ready to paste into a shell."""
    return "\n".join(
        [
            "",
            f"Loyalty demo is starting at {base_url}  (API docs: {base_url}/docs)",
            f"  tenant: {DEMO_TENANT}",
            "",
            "The admin API key (header X-API-Key; also signs in to the dashboard):",
            f"KEY={admin_key}",
            f"The user token of '{DEMO_USER}' (header Authorization: Bearer …, valid 30 days):",
            f"TOKEN={token}",
            "",
            "Try:",
            f'  curl -s -X POST {base_url}/v1/event -H "Authorization: Bearer $TOKEN" \\',
            "       -H 'Content-Type: application/json' \\",
            "       -d '"
            + f'{{"eventId":"purchase_completed","userId":"{DEMO_USER}","metadata":{{"amount":49.99}}}}'
            + "'",
            f'  curl -s {base_url}/v1/user/{DEMO_USER}/points -H "Authorization: Bearer $TOKEN"',
            f'  curl -s {base_url}/v1/admin/settings -H "X-API-Key: $KEY"',
            "",
            "autoCreateUsers is off: events for unknown users are refused (404). A second user:",
            f'  curl -s -X POST {base_url}/v1/user -H "X-API-Key: $KEY" \\',
            "       -H 'Content-Type: application/json' -d '{\"userId\":\"second-user\"}'",
            f"  TOKEN2=$(.venv/bin/loyalty token {DEMO_TENANT} second-user)   # their token",
            "",
        ]
    )
