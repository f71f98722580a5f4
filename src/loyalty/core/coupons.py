"""Coupon codes: from a pattern (every ``#`` is a random digit, everything else is literal), or
imported into a pool (CSV or a JSON list)."""

from __future__ import annotations

import csv
import io
import secrets
from collections.abc import Callable

from loyalty.core.errors import invalid


def make_code(pattern: str, digit: Callable[[], int] | None = None) -> str:
    """``LLS-######`` → ``LLS-232394``. ``digit`` (returning 0-9) is for tests."""
    draw = digit or (lambda: secrets.randbelow(10))
    return "".join(str(draw()) if ch == "#" else ch for ch in pattern)


MAX_CODE = 100
MAX_CODES = 100_000


def _check_code(code: str, where: str) -> str:
    code = code.strip()
    if not code or len(code) > MAX_CODE or any(ch.isspace() or not ch.isprintable() for ch in code):
        raise invalid(where, f"{where}: a code is 1-{MAX_CODE} printable characters without spaces")
    return code


def parse_csv_codes(text: str) -> list[str]:
    """The first column of every non-empty row; a first row ``code`` is a header. Duplicates
    inside the file are kept once."""
    rows = [r for r in csv.reader(io.StringIO(text)) if r and any(c.strip() for c in r)]
    if rows and rows[0][0].strip().lower() == "code":
        rows = rows[1:]
    return _unique([_check_code(r[0], f"line {n}") for n, r in enumerate(rows, start=1)])


def check_codes(codes: list[object]) -> list[str]:
    out = []
    for n, code in enumerate(codes):
        if not isinstance(code, str):
            raise invalid(f"codes[{n}]", f"codes[{n}]: a code must be a string")
        out.append(_check_code(code, f"codes[{n}]"))
    return _unique(out)


def _unique(codes: list[str]) -> list[str]:
    if not codes:
        raise invalid("codes", "no codes given")
    if len(codes) > MAX_CODES:
        raise invalid("codes", f"at most {MAX_CODES} codes per import")
    return list(dict.fromkeys(codes))


OPEN, REDEEMED, REVOKED, EXPIRED = "open", "redeemed", "revoked", "expired"


def state_of(*, redeemed: bool, revoked_at: int | None, valid_until: int | None, now: int) -> str:
    """A coupon's state. Redeemed wins over revoked (a redemption and a revoke never both happen,
    but a redeemed coupon is what it is), and both over an end that has passed."""
    if redeemed:
        return REDEEMED
    if revoked_at is not None:
        return REVOKED
    if valid_until is not None and valid_until <= now:
        return EXPIRED
    return OPEN
