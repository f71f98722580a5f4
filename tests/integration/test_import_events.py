"""Importing event history: each row decided as of ``occurredAt`` (limits per original day,
streaks across original days, statistics on the original day), time order, whole-file checks,
re-runs, resuming after an interruption, the admin endpoint and the command, on SQLite and
PostgreSQL."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from loyalty.app.imports.event_kind import EVENTS
from loyalty.app.imports.runner import ImportInvalid, run_import
from tests.integration.test_import import admin_of, points, rows_of
from tests.support import Clock, TenantHandle

PURCHASE = {
    "eventId": "purchase",
    "title": "Purchase",
    "type": "FIXED",
    "reward": {"default": 10},
    "limit": 2,
    "limitPeriod": "day",
}
SPEND = {
    "eventId": "spend",
    "title": "Spend",
    "type": "TRANSACTION",
    "reward": {"default": 1},
    "rewardValueField": "amount",
    "metadataFields": [{"key": "amount", "type": "number", "required": True}],
}
DAILY = {"streakId": "daily_buyer", "eventIds": ["purchase"], "timeFrame": "daily"}


def utc(text: str) -> int:
    return int(datetime.fromisoformat(text).replace(tzinfo=UTC).timestamp() * 1000)


def jsonl(*rows: dict[str, Any]) -> str:
    return "".join(json.dumps(row) + "\n" for row in rows)


def bought(user: str, at: str, **extra: Any) -> dict[str, Any]:
    return {"eventId": "purchase", "userId": user, "occurredAt": at, **extra}


async def configure(tenant: TenantHandle) -> None:
    for kind, body in (("events", PURCHASE), ("events", SPEND), ("streaks", DAILY)):
        item = body.get("eventId") or body["streakId"]
        r = await tenant.put(kind, str(item), body)
        assert r.status_code == 200, r.text


async def test_back_dated_events_count_limits_streaks_and_statistics_on_their_own_days(
    app: Any, tenant: TenantHandle, clock: Clock
) -> None:
    await configure(tenant)
    clock.set(utc("2025-03-04 12:00"))
    text = jsonl(
        bought("ann", "2025-03-01T09:00:00Z"),
        bought("ann", "2025-03-01T10:00:00Z"),
        bought("ann", "2025-03-01T11:00:00Z"),  # the day's third: over the limit of 2 a day
        bought("ann", str(utc("2025-03-02 09:00"))),  # epoch ms; a new day, a new limit
        bought("ann", "2025-03-03T09:00:00+00:00"),
    )
    done = await run_import(*admin_of(app, tenant), EVENTS, rows_of(text, "jsonl"), source="e.jsonl")
    assert (done.rows, done.imported, done.skipped) == (5, 5, 0)
    assert await points(tenant, "ann") == 40  # 10 + 10 + 0 + 10 + 10

    history = await tenant.client.get("/v1/user/ann/history?sort=asc", headers=tenant.admin)
    assert [(e["timestamp"], e["globalEventDateKey"], e["points"]) for e in history.json()] == [
        (utc("2025-03-01 09:00"), "2025-03-01", 10),
        (utc("2025-03-01 10:00"), "2025-03-01", 10),
        (utc("2025-03-02 09:00"), "2025-03-02", 10),
        (utc("2025-03-03 09:00"), "2025-03-03", 10),
    ]
    streak = await tenant.client.get("/v1/user/ann/streak/daily_buyer", headers=tenant.admin)
    assert streak.json() == {
        "userId": "ann",
        "streakId": "daily_buyer",
        "currentStartDate": utc("2025-03-01 00:00"),
        "timeFrame": "daily",
        "currentCount": 3,
        "longestStreak": 3,
        "lastCompletedAt": "2025-03-03T09:00:00.000Z",
        "missedCount": 0,
        "completedDates": ["2025-03-01", "2025-03-02", "2025-03-03"],
        "milestonesClaimed": [],
    }
    stats = await tenant.client.get("/v1/stats/event?timeframe=month&month=2025-03", headers=tenant.admin)
    daily = stats.json()["data"]["dailyData"]
    assert {day: (v["events"], v["points"]) for day, v in daily.items()} == {
        "2025-03-01": (3, 20),
        "2025-03-02": (1, 10),
        "2025-03-03": (1, 10),
    }
    assert daily["2025-03-01"]["hourlyDistribution"][9:12] == [1, 1, 1]
    # The member the file brought in joined at their first event.
    services, principal = admin_of(app, tenant)
    from loyalty.app.users.users import export_user

    assert (await export_user(services, principal, "ann"))["user"]["created_at"] == utc("2025-03-01 09:00")


async def test_every_bad_row_is_listed_with_its_line_and_field_and_nothing_is_written(
    app: Any, tenant: TenantHandle, clock: Clock
) -> None:
    await configure(tenant)
    clock.set(utc("2025-03-04 12:00"))
    text = (
        "eventId,userId,metadata,occurredAt\n"
        "purchase,ann,,2025-03-01T09:00:00Z\n"
        "nope,ann,,2025-03-01T10:00:00Z\n"
        "purchase,ann,,2025-03-09T10:00:00Z\n"
        "spend,ann,{},2025-03-01T11:00:00Z\n"
        'spend,ann,"{""amount"": ""x""}",2025-03-01T12:00:00Z\n'
        "purchase,,,2025-03-01T13:00:00Z\n"
        "purchase,bob,,\n"
        "purchase,bob,[1],2025-03-01T14:00:00Z\n"
        "purchase,bob,,2025-02-01T00:00:00Z\n"
        'spend,bob,"{""amount"": 12}",2025-03-02T00:00:00Z\n'
    )
    with pytest.raises(ImportInvalid) as caught:
        await run_import(*admin_of(app, tenant), EVENTS, rows_of(text), source="e.csv")
    assert [e.text() for e in caught.value.errors] == [
        "line 3, field 'eventId': event 'nope' does not exist",
        "line 4, field 'occurredAt': 'occurredAt' must not be in the future",
        "line 5, field 'metadata.amount': 'metadata.amount' is required",
        "line 6, field 'metadata.amount': 'metadata.amount' must be a number",
        "line 7, field 'userId': 'userId' is required",
        "line 8, field 'occurredAt': 'occurredAt' is required",
        "line 9, field 'metadata': 'metadata' must be a JSON object",
        "line 10, field 'occurredAt': 'occurredAt' is earlier than line 2's: the rows must be in order "
        "of 'occurredAt' (sort the file by it)",
    ]
    assert await points(tenant, "ann") == 0
    found = await tenant.client.get("/v1/user/bob/points", headers=tenant.admin)
    assert found.json()["userExists"] is False


async def test_a_rerun_changes_nothing_and_an_interrupted_import_resumes(
    app: Any, tenant: TenantHandle, clock: Clock
) -> None:
    await configure(tenant)
    clock.set(utc("2025-03-20 12:00"))
    rows = [
        {
            "eventId": "spend",
            "userId": f"u{i % 3}",
            "metadata": {"amount": i + 1},
            "occurredAt": f"2025-03-{i + 1:02}T08:00:00Z",
        }
        for i in range(10)
    ]
    text = jsonl(*rows)
    batches = 0

    async def failing(tx: Any, values: list[Any]) -> None:
        nonlocal batches
        batches += 1
        await EVENTS.apply(tx, values)
        if batches == 2:  # after the second batch's events, before its commit
            raise RuntimeError("power cut")

    broken = dataclasses.replace(EVENTS, apply=failing)
    with pytest.raises(RuntimeError):
        await run_import(
            *admin_of(app, tenant), broken, rows_of(text, "jsonl"), source="e.jsonl", batch_rows=4
        )
    # The first batch (amounts 1-4) committed; the second rolled back with its keys.
    assert [await points(tenant, f"u{i}") for i in range(3)] == [1 + 4, 2, 3]
    resumed = await run_import(
        *admin_of(app, tenant), EVENTS, rows_of(text, "jsonl"), source="e.jsonl", batch_rows=4
    )
    assert (resumed.imported, resumed.skipped) == (6, 4)
    expected = [1 + 4 + 7 + 10, 2 + 5 + 8, 3 + 6 + 9]
    assert [await points(tenant, f"u{i}") for i in range(3)] == expected
    again = await run_import(*admin_of(app, tenant), EVENTS, rows_of(text, "jsonl"), source="e.jsonl")
    assert (again.imported, again.skipped) == (0, 10)
    assert [await points(tenant, f"u{i}") for i in range(3)] == expected
    history = await tenant.client.get("/v1/user/u0/history?sort=asc", headers=tenant.admin)
    assert [e["globalEventDateKey"] for e in history.json()] == [
        "2025-03-01",
        "2025-03-04",
        "2025-03-07",
        "2025-03-10",
    ]


async def test_a_reference_is_the_rows_key_across_files(app: Any, tenant: TenantHandle, clock: Clock) -> None:
    await configure(tenant)
    clock.set(utc("2025-03-20 12:00"))
    first = jsonl(bought("ann", "2025-03-01T08:00:00Z", reference="old-1"))
    second = jsonl(
        bought("ann", "2025-03-01T08:00:00Z", reference="old-1"),
        bought("ann", "2025-03-02T08:00:00Z", reference="old-2"),
    )
    await run_import(*admin_of(app, tenant), EVENTS, rows_of(first, "jsonl"), source="a.jsonl")
    done = await run_import(*admin_of(app, tenant), EVENTS, rows_of(second, "jsonl"), source="b.jsonl")
    assert (done.imported, done.skipped) == (1, 1)
    assert await points(tenant, "ann") == 20


async def test_the_admin_endpoint_imports_events_and_answers_400_with_every_bad_row(
    tenant: TenantHandle, clock: Clock
) -> None:
    await configure(tenant)
    clock.set(utc("2025-03-20 12:00"))
    body = jsonl(bought("ann", "2025-03-01T08:00:00Z"), bought("ann", "2025-03-01T09:00:00Z"))
    headers = {**tenant.admin, "Content-Type": "application/x-ndjson"}
    r = await tenant.client.post("/v1/admin/import/events?source=e.jsonl", content=body, headers=headers)
    assert r.status_code == 200, r.text
    assert r.json() == {"kind": "events", "rows": 2, "imported": 2, "skipped": 0, "dryRun": False}
    again = await tenant.client.post("/v1/admin/import/events?source=e.jsonl", content=body, headers=headers)
    assert again.json() == {"kind": "events", "rows": 2, "imported": 0, "skipped": 2, "dryRun": False}
    assert await points(tenant, "ann") == 20
    csv_body = (
        "eventId,userId,occurredAt\npurchase,bob,2025-03-02T08:00:00Z\npurchase,bob,2025-03-01T08:00:00Z\n"
    )
    bad = await tenant.client.post(
        "/v1/admin/import/events", content=csv_body, headers={**tenant.admin, "Content-Type": "text/csv"}
    )
    assert bad.status_code == 400
    assert bad.json()["data"]["errors"] == [
        {
            "line": 3,
            "field": "occurredAt",
            "message": "'occurredAt' is earlier than line 2's: the rows must be in order of 'occurredAt' "
            "(sort the file by it)",
        }
    ]
    assert (await tenant.client.get("/v1/user/bob/points", headers=tenant.admin)).json()[
        "userExists"
    ] is False


async def test_the_command_imports_events_with_progress_and_a_second_run_skips_them(
    database_url: str, tenant: TenantHandle, tmp_path: Path
) -> None:
    from tests.integration.test_import import SRC

    await configure(tenant)
    file = tmp_path / "history.csv"
    file.write_text(
        "eventId,userId,metadata,occurredAt\n"
        + "".join(f'spend,m{i},"{{""amount"": {i + 1}}}",{1_700_000_000_000 + i}\n' for i in range(5))
    )

    def loyalty(*args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONPATH": SRC, "LOYALTY_DATABASE_URL": database_url}
        command = [sys.executable, "-m", "loyalty", *args]
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)

    done = loyalty("import", "events", str(file), "--tenant", tenant.name)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "5 row(s): imported 5, skipped 0 already imported"
    assert "5/5" in done.stderr
    again = loyalty("import", "events", str(file), "--tenant", tenant.name)
    assert again.stdout.strip() == "5 row(s): imported 0, skipped 5 already imported"
    assert await points(tenant, "m4") == 5


async def test_a_challenge_of_a_closed_window_and_leaderboard_periods_count_as_of_the_events(
    app: Any, tenant: TenantHandle, clock: Clock
) -> None:
    await configure(tenant)
    march = {"from": utc("2025-03-01 00:00"), "to": utc("2025-03-31 23:59")}
    challenge = {"challengeId": "march", "title": {"en": "March"}, "eventId": "purchase", "goal": 3}
    challenge = {**challenge, "points": 100, "time": march}
    r = await tenant.put("challenges", "march", challenge)
    assert r.status_code == 200, r.text
    board = {"leaderboardId": "top", "metric": "points", "periods": ["month", "all"]}
    assert (await tenant.put("leaderboards", "top", board)).status_code == 200
    clock.set(utc("2025-04-04 12:00"))  # the challenge's window has closed
    text = jsonl(
        bought("ann", "2025-02-28T09:00:00Z"),  # before the window: not counted
        bought("ann", "2025-03-01T09:00:00Z"),
        bought("ann", "2025-03-02T09:00:00Z"),
        bought("ann", "2025-03-03T09:00:00Z"),
        bought("bob", "2025-04-01T09:00:00Z"),  # after it
    )
    await run_import(*admin_of(app, tenant), EVENTS, rows_of(text, "jsonl"), source="e.jsonl")
    assert (await points(tenant, "ann"), await points(tenant, "bob")) == (4 * 10 + 100, 10)
    history = await tenant.client.get("/v1/user/ann/history?sort=asc", headers=tenant.admin)
    paid = [e for e in history.json() if e["type"] != "EVENT"]
    assert [(e["points"], e["timestamp"]) for e in paid] == [(100, utc("2025-03-03 09:00"))]

    async def top(period: str) -> list[tuple[str, int]]:
        r = await tenant.client.get(f"/v1/leaderboard/top?period={period}", headers=tenant.admin)
        return [(e["userId"], e["score"]) for e in r.json()["entries"]]

    assert await top("month") == [("bob", 10)]  # April
    assert await top("all") == [("ann", 40), ("bob", 10)]
    clock.set(utc("2025-03-31 12:00"))
    assert await top("month") == [("ann", 30)]
    clock.set(utc("2025-02-28 12:00"))
    assert await top("month") == [("ann", 10)]
