"""The verification snippets in docs/webhooks.md accept our signatures and refuse tampering: the
Standard Webhooks one (the default format) and the ``loyalty-v1`` one."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

from loyalty.app.messaging.delivery import signature, signature_headers
from loyalty.app.messaging.webhooks import Webhook
from tests.webhook_receiver import LEGACY_SECRET, STANDARD_SECRET

DOC = Path(__file__).resolve().parents[2] / "docs" / "webhooks.md"
SECRET = LEGACY_SECRET
BODY = b'{"id":"whd_1","type":"user.deleted","data":{"userId":"user_123"}}'


def _verify(marker: str) -> Any:
    """The documented ``verify`` of the Python snippet containing ``marker``."""
    [snippet] = [s for s in re.findall(r"```python\n(.*?)```", DOC.read_text(), re.S) if marker in s]
    namespace: dict[str, Any] = {}
    exec(snippet, namespace)  # the documented code, as a receiver would paste it
    return namespace["verify"]


def _standard_headers(timestamp_s: int, secret: str = STANDARD_SECRET) -> dict[str, str]:
    hook = Webhook(id="crm", url="https://crm.example.com/h", eventTypes=["user.deleted"], secret=secret)
    return signature_headers(hook, "whd_1", timestamp_s, BODY.decode())


def test_documented_standard_verification_accepts_a_fresh_signature() -> None:
    verify = _verify("standardwebhooks")
    assert verify(STANDARD_SECRET, _standard_headers(int(time.time())), BODY) == {
        "id": "whd_1",
        "type": "user.deleted",
        "data": {"userId": "user_123"},
    }


def test_documented_standard_verification_refuses_a_changed_body_wrong_secret_or_old_timestamp() -> None:
    verify = _verify("standardwebhooks")
    fresh = _standard_headers(int(time.time()))
    old = _standard_headers(int(time.time()) - 3600)
    other = "whsec_" + "B" * 44
    assert verify(STANDARD_SECRET, fresh, BODY.replace(b"user_123", b"user_999")) is None
    assert verify(other, fresh, BODY) is None
    assert verify(STANDARD_SECRET, old, BODY) is None
    assert verify(STANDARD_SECRET, {**fresh, "webhook-signature": "garbage"}, BODY) is None


def test_documented_loyalty_v1_verification_accepts_a_fresh_signature() -> None:
    header = signature(SECRET, int(time.time()), BODY.decode())
    assert _verify("hashlib")(SECRET, header, BODY) is True


def test_documented_loyalty_v1_verification_refuses_a_changed_body_wrong_secret_or_old_timestamp() -> None:
    verify = _verify("hashlib")
    fresh = signature(SECRET, int(time.time()), BODY.decode())
    old = signature(SECRET, int(time.time()) - 3600, BODY.decode())
    assert verify(SECRET, fresh, BODY.replace(b"user_123", b"user_999")) is False
    assert verify("another-secret-123", fresh, BODY) is False
    assert verify(SECRET, old, BODY) is False
    assert verify(SECRET, "garbage", BODY) is False


def test_the_documented_example_secret_is_a_valid_standard_secret() -> None:
    [example] = re.findall(r'"secret": "(whsec_[^"]+)"', DOC.read_text())
    from loyalty.app.messaging.webhooks import standard_key

    assert len(standard_key(example)) == 24
