"""Examples for the OpenAPI document, quoted from the seed documents (``shared/seeds``) and the
Emporix document (``shared/vendor``), by operation id: ``"request"`` for the body, a status for an
answer. ``tests/contract/test_openapi_typed.py`` checks each against its operation's types."""

from __future__ import annotations

from typing import Any

EXAMPLES: dict[str, dict[str | int, Any]] = {
    # seed 000, POST /user
    "createUser": {
        "request": {"userId": "user_123"},
        201: {"message": "user created successfully", "userId": "user_123", "createdAt": 1730818799123},
    },
    # seed 000, GET /user/{userId}/points (user exists)
    "getUserPoints": {200: {"userId": "user_123", "points": 1200, "userExists": True}},
    # seed 000, GET /user/{userId}/history
    "getUserHistory": {
        200: [
            {
                "id": "EVENT#purchase_completed#1730818799123",
                "timestamp": 1730818799123,
                "type": "EVENT",
                "points": 50,
                "image": "https://example.com/icons/purchase.png",
                "description": {
                    "de": "Du hast deinen ersten Einkauf getätigt",
                    "en": "You made your first purchase",
                },
                "title": {"de": "Event abgeschlossen", "en": "Event completed"},
                "userId": "user_123",
                "globalEventDateKey": "2025-11-05",
            }
        ]
    },
    # seed 000, GET /user/{userId}/coupon
    "listUserCoupons": {
        200: [
            {
                "PK": "USER#user_123#COUPON",
                "SK": "COUPON#abc123",
                "title": "10% Discount",
                "description": "Get 10% off your next order",
                "validUntil": 1762354799000,
                "redeemed": False,
                "metadata": {"shopId": "shop_1"},
            }
        ]
    },
    # seed 000, PUT /user/{userId}/coupon/{couponId}
    "redeemCoupon": {"request": {"userId": "user_123", "SK": "COUPON#abc123"}, 200: {"redeemed": True}},
    # seed 000, PUT /user/{userId}/notifications/overview
    "markNotificationsOverviewViewed": {
        "request": {"screenId": "rewards"},
        200: {"message": "Screen viewed successfully"},
    },
    # seed 000, GET /user/{userId}/notifications/overview
    "getNotificationsOverview": {
        200: {
            "userId": "user_123",
            "hasUnseenChallenges": True,
            "hasUnseenRewards": False,
            "hasUnseenSurveys": True,
        }
    },
    # seed 000, PUT /user/{userId}/notifications/change
    "resetNotificationCounters": {
        "request": {"resetChallenges": True, "resetRewards": False, "resetSurveys": True},
        200: {"message": "User viewed screens reset successfully"},
    },
    # seed 000, POST /user/{userId}/offer/{offerId}/redeem
    "redeemOffer": {"request": {"metadata": {"source": "app"}}},
    # seed 002, POST /event
    "logEvent": {
        "request": {
            "eventId": "purchase_completed",
            "userId": "user-123",
            "metadata": {"amount": 49.99, "currency": "EUR", "usergroup": ["default"], "source": "web"},
        }
    },
    # seed 001, POST /api/loyalty/action
    "logAudienceAction": {
        "request": {
            "action": "<action_name>",
            "data": {
                "<prop_string>": "arbitrary string up to 1024 characters long",
                "<prop_number>": 1000,
                "<prop_boolean>": True,
            },
        }
    },
    # the Emporix document, POST /customer/{customerId}/addPoints ("Add points")
    "addPoints": {
        "request": {
            "id": "12345fee-0b83-48aa-95dc-11e3dcf84aaa",
            "reference-id": "123456",
            "description": "points added",
            "points": 123,
            "createdAt": "2023-10-24T14:15:22Z",
            "allPointsAfterCreation": 56778,
        }
    },
}
