"""Coupon codes from a tenant pattern: every ``#`` is a random digit, everything else is literal."""

from __future__ import annotations

import secrets
from collections.abc import Callable


def make_code(pattern: str, digit: Callable[[], int] | None = None) -> str:
    """``LLS-######`` → ``LLS-232394``. ``digit`` (returning 0-9) is for tests."""
    draw = digit or (lambda: secrets.randbelow(10))
    return "".join(str(draw()) if ch == "#" else ch for ch in pattern)
