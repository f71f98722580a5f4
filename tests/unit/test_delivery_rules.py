"""The retry schedule and the signature, as pure functions."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from loyalty.app.messaging.delivery import backoff_ms, next_attempt_at, signature

HOUR = 3_600_000


@pytest.mark.parametrize(
    ("failed_attempts", "wait_ms"),
    [(1, 1_000), (2, 2_000), (3, 4_000), (4, 8_000), (12, 2_048_000), (13, HOUR), (40, HOUR), (10_000, HOUR)],
)
def test_backoff_doubles_from_one_second_and_is_capped_at_one_hour(
    failed_attempts: int, wait_ms: int
) -> None:
    assert backoff_ms(failed_attempts) == wait_ms


def test_next_attempt_is_now_plus_the_backoff_within_the_retry_period() -> None:
    assert next_attempt_at(now=10_000, failed_attempts=3, retry_until=10_001) == 14_000


def test_a_failure_at_or_after_the_end_of_the_retry_period_gives_up() -> None:
    assert next_attempt_at(now=10_000, failed_attempts=3, retry_until=10_000) is None


def test_retrying_for_24_hours_takes_about_35_attempts() -> None:
    now, attempts, retry_until = 0, 0, 24 * HOUR
    while True:
        attempts += 1
        due = next_attempt_at(now=now, failed_attempts=attempts, retry_until=retry_until)
        if due is None:
            break
        now = due
    assert now >= 24 * HOUR
    assert attempts == 36


def test_signature_is_hmac_sha256_of_timestamp_dot_body() -> None:
    body = '{"id":"whd_1","type":"user.deleted"}'
    expected = hmac.new(b"s3cret-s3cret-s3cret", f"1700000000.{body}".encode(), hashlib.sha256).hexdigest()
    assert signature("s3cret-s3cret-s3cret", 1_700_000_000, body) == f"t=1700000000,v1={expected}"
