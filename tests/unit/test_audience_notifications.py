"""The Audience notifications' wire form: ids (a stored notification's number, ``ledger-<n>``
for points earned by an event) and the seed 001 shape of one notification."""

from __future__ import annotations

import pytest

from loyalty.api.dialects.audience.notifications import notification_data, parse_ids
from loyalty.app.messaging import notifications
from loyalty.core.errors import ErrorCode, LoyaltyError


def _view(id: int, *, derived: bool) -> notifications.NotificationView:
    return notifications.NotificationView(
        id=id,
        derived=derived,
        timestamp=5,
        type="pointsEarned",
        display="toast",
        title="Points",
        message=None,
        payload={"eventId": "e1"},
    )


def test_a_notification_is_sent_in_the_seed_shape_with_its_wire_id() -> None:
    assert notification_data(_view(40, derived=True)) == {
        "id": "ledger-40",
        "timestamp": 5,
        "type": "pointsEarned",
        "display": "toast",
        "title": "Points",
        "message": None,
        "payload": {"eventId": "e1"},
    }
    assert notification_data(_view(12, derived=False))["id"] == "12"


def test_notification_ids_to_mark_are_checked() -> None:
    assert parse_ids(None) is None
    parsed = parse_ids(["12", 13, "ledger-40"])
    assert parsed == notifications.ReadRequest(stored=[12, 13], derived=[40])
    for bad in ("12", ["x1"], ["ledger-"], [True], ["1" * 19], list(range(notifications.MAX_MARK + 1))):
        with pytest.raises(LoyaltyError) as raised:
            parse_ids(bad)
        assert (raised.value.code, raised.value.field) == (ErrorCode.INVALID_INPUT, "ids")
