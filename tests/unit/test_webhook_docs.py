"""The verification snippet in docs/webhooks.md accepts our signatures and refuses tampering."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

from loyalty.app.delivery import signature

DOC = Path(__file__).resolve().parents[2] / "docs" / "webhooks.md"
SECRET = "whsec-0123456789abcdef"
BODY = b'{"id":"whd_1","type":"user.deleted","data":{"userId":"user_123"}}'


def _verify() -> Any:
    [snippet] = re.findall(r"```python\n(.*?)```", DOC.read_text(), re.S)
    namespace: dict[str, Any] = {}
    exec(snippet, namespace)  # the documented code, as a receiver would paste it
    return namespace["verify"]


def test_documented_verification_accepts_a_fresh_signature() -> None:
    header = signature(SECRET, int(time.time()), BODY.decode())
    assert _verify()(SECRET, header, BODY) is True


def test_documented_verification_refuses_a_changed_body_wrong_secret_or_old_timestamp() -> None:
    verify = _verify()
    fresh = signature(SECRET, int(time.time()), BODY.decode())
    old = signature(SECRET, int(time.time()) - 3600, BODY.decode())
    assert verify(SECRET, fresh, BODY.replace(b"user_123", b"user_999")) is False
    assert verify("another-secret-123", fresh, BODY) is False
    assert verify(SECRET, old, BODY) is False
    assert verify(SECRET, "garbage", BODY) is False
