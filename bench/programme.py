"""The benchmark tenant's programme: the full hot path, not a stripped one.

Items whose kind the server does not offer are skipped with a note in the report.
"""

from __future__ import annotations

from typing import Any

PROGRAMME: list[tuple[str, str, dict[str, Any]]] = [
    (
        "events",
        "purchase_completed",
        {
            "eventId": "purchase_completed",
            "title": "Purchase completed",
            "description": "Purchases",
            "status": "ACTIVE",
            "type": "TRANSACTION",
            "rewardValueField": "amount",
            "reward": {"default": 2},
            "maximumReward": 1000,
            "limit": 1000,
            "limitPeriod": "day",
            "conditions": {
                "type": "AND",
                "conditions": [{"field": "amount", "operator": "greater_than", "value": 0}],
            },
            "metadataFields": [{"key": "amount", "type": "number", "required": True}],
        },
    ),
    (
        "events",
        "app_login",
        {
            "eventId": "app_login",
            "title": "Login",
            "status": "ACTIVE",
            "type": "FIXED",
            "reward": {"default": 5},
        },
    ),
    (
        "challenges",
        "ten_purchases",
        {
            "challengeId": "ten_purchases",
            "title": {"en": "Ten purchases"},
            "eventId": "purchase_completed",
            "goal": 10,
            "points": 100,
        },
    ),
    (
        "streaks",
        "weekly_buyer",
        {
            "streakId": "weekly_buyer",
            "eventIds": ["purchase_completed"],
            "timeFrame": "weekly",
            "milestones": {"4": 200},
        },
    ),
    ("leaderboards", "top_savers", {"leaderboardId": "top_savers", "metric": "points"}),
    (
        "offers",
        "coffee",
        {
            "title": "Free coffee",
            "type": "LOCAL",
            "points": 10,
            "couponTemplate": {"title": "Coffee voucher", "validDays": 30, "codePattern": "CAFE-##########"},
        },
    ),
]

CAMPAIGN: tuple[str, str, dict[str, Any]] = (
    "campaigns",
    "double_points",
    {
        "campaignId": "double_points",
        "title": {"en": "Double points"},
        "eventIds": ["purchase_completed"],
        "multiplier": 2.0,
        "bonusPoints": 5,
        "maxPointsPerUser": 1_000_000,
    },
)
"""``--campaign``: a campaign that applies to every purchase, with a per-user cap the write checks
(high enough never to be reached during a run)."""

OPENING_POINTS = 1_000_000
"""What every user holds before the ``redeem`` scenario (an opening credit line per user)."""


def event_request(user: str) -> dict[str, Any]:
    return {"eventId": "purchase_completed", "userId": user, "metadata": {"amount": 49.99, "currency": "EUR"}}
