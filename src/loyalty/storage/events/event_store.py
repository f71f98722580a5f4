"""The event path's store (:class:`loyalty.app.events.event_store.EventStore`), once per engine.

PostgreSQL reads the snapshot in one statement outside any transaction and writes the outcome in
one statement: a chain of data-modifying CTEs that all hang on the first one, which moves the
user's ``version`` on from the one read. When another event of the same user committed in between
(or an account's state changed the way the snapshot ruled out), that first CTE finds no row and
nothing is written; the caller decides again. A write that stands alone commits by itself (two
round trips for the whole event); one that the command follows with more writes runs inside the
command's transaction. SQLite holds the one write transaction of its process already: the same
reads and writes run there as separate statements (a few microseconds each).

Statements are plain SQL written once per shape (the number of challenge, streak and score rows)
and run on the database driver's own connection, taken through SQLAlchemy's public
``get_raw_connection().driver_connection``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import orjson
from sqlalchemy import Table
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.app.events.event_store import (
    Applied,
    EventWrites,
    ProgressWrite,
    SnapshotQuery,
    UserSnapshotRows,
    credit_entry_key,
)
from loyalty.storage.database import Database
from loyalty.storage.driver import Statement
from loyalty.storage.events import events as events_repo
from loyalty.storage.events.event_reversals import EventReversals
from loyalty.storage.events.event_tables import logged_events
from loyalty.storage.gamification import challenges as challenge_repo
from loyalty.storage.gamification import leaderboards as score_repo
from loyalty.storage.gamification import streaks as streak_repo
from loyalty.storage.gamification.gamification_tables import challenge_progress
from loyalty.storage.gamification.progress_tables import leaderboard_scores, streak_progress
from loyalty.storage.kernel import history as history_repo
from loyalty.storage.ledger import ledger as ledger_repo
from loyalty.storage.promotions import campaigns as campaign_repo
from loyalty.storage.stats import stats as stats_repo
from loyalty.storage.tables import history_entries, ledger_entries

# Every statement here is built from this module's column names, casts and placeholders only (no
# value is ever interpolated), hence the per-file S608 exemption in pyproject.toml.
POINTS = "points"

_CHALLENGE_COLUMNS = challenge_repo.COLUMNS
_STREAK_COLUMNS = streak_repo.COLUMNS
_JSON_STREAK_COLUMNS = streak_repo.JSON_COLUMNS


_DRIVER = "loyalty.event_store.driver"


async def _driver_connection(conn: AsyncConnection) -> Any:
    """The database driver's own connection (asyncpg's, or the SQLite inline one), kept in the
    pooled connection's ``info`` like ``driver_of``'s: asking SQLAlchemy for it each time is a
    greenlet hand-off."""
    raw = conn.info.get(_DRIVER)
    if raw is None:
        raw = (await conn.get_raw_connection()).driver_connection
        conn.info[_DRIVER] = raw
    return raw


def _json(value: Any) -> str | None:
    return None if value is None else orjson.dumps(value).decode()


def _decoded(value: Any) -> Any:
    """A JSON value as PostgreSQL's adapter hands it (decoded) or as SQLite stores it (text)."""
    return orjson.loads(value) if isinstance(value, str | bytes) else value


def _challenge_row(values: Sequence[Any]) -> dict[str, Any]:
    row = dict(zip(_CHALLENGE_COLUMNS, values, strict=True))
    row["missions"] = _decoded(row["missions"])
    row["round_done"] = bool(row["round_done"])
    return row


def _streak_row(values: Sequence[Any]) -> dict[str, Any]:
    row = dict(zip(_STREAK_COLUMNS, values, strict=True))
    for column in _JSON_STREAK_COLUMNS:
        row[column] = _decoded(row[column])
    return row


def _snapshot(
    query: SnapshotQuery, row: Sequence[Any], rest: list[Any], logged_id: int | None
) -> UserSnapshotRows:
    """The fixed columns (id, group, time zone, version) and then, in the read's order: the limit
    count, the challenge rows, the streak rows, the points account, the unpaid referral."""
    used = rest.pop(0) if query.limit_period_key is not None else None
    challenges: dict[str, dict[str, Any]] = {}
    if query.challenges:
        for values in _decoded(rest.pop(0)) or []:
            state = _challenge_row(values)
            challenges[state["challenge_id"]] = state
    streaks: dict[str, dict[str, Any]] = {}
    if query.streak_ids:
        for values in _decoded(rest.pop(0)) or []:
            progress = _streak_row(values)
            streaks[progress["streak_id"]] = progress
    balance = next_expiry = None
    if query.points_account:
        account = _decoded(rest.pop(0))
        if account is not None:
            balance, next_expiry = int(account[0]), None if account[1] is None else int(account[1])
    referral = None
    if query.referral:
        registration = _decoded(rest.pop(0))
        if registration is not None:
            referral = (str(registration[0]), int(registration[1]))
    campaign_totals = (
        {k: int(v) for k, v in campaign_repo.pairs(rest.pop(0)).items()} if query.campaign_ids else {}
    )
    tiers = {k: str(v) for k, v in campaign_repo.pairs(rest.pop(0)).items()} if query.tiers else {}
    return UserSnapshotRows(
        user_pk=int(row[0]),
        usergroup=row[1],
        time_zone=row[2],
        version=int(row[3]),
        limit_used=int(used or 0),
        challenges=challenges,
        streaks=streaks,
        points_balance=balance,
        points_next_expiry=next_expiry,
        logged_id=logged_id,
        referral=referral,
        campaign_totals=campaign_totals,
        tiers=tiers,
    )


def _snapshot_params(query: SnapshotQuery) -> dict[str, Any]:
    params: dict[str, Any] = {"tenant_id": query.tenant_id, "external_id": query.user_id}
    params.update({f"streak_{i}": streak_id for i, streak_id in enumerate(query.streak_ids)})
    if query.limit_period_key is not None:
        params.update(event_id=query.event_id, period_key=query.limit_period_key)
    params.update(campaign_repo.read_params(query.campaign_ids))
    return params


# ---------------------------------------------------------------------------------------------
# PostgreSQL


_PENDING_REFERRAL = (
    "SELECT json_build_array(r.referral_id, r.referrer_pk) FROM referral_registrations r "
    "WHERE r.user_pk = {user} AND r.rewarded_at IS NULL"
)


@lru_cache(maxsize=64)
def _read_sql(
    allocate: bool,
    limit: bool,
    challenges: bool,
    streaks: int,
    points: bool,
    referral: bool = False,
    campaigns: int = 0,
    tiers: bool = False,
) -> Statement:
    columns = ["u.id", "u.usergroup", "u.time_zone", "u.version"]
    if allocate:
        columns.append("nextval('logged_events_id_seq')")
    if limit:
        columns.append(
            "(SELECT n FROM event_limit_counters l WHERE l.user_pk = u.id AND l.event_id = :event_id "
            "AND l.period_key = :period_key)"
        )
    if challenges:
        row = ", ".join(f"c.{name}" for name in _CHALLENGE_COLUMNS)
        columns.append(
            f"(SELECT json_agg(json_build_array({row})) FROM challenge_progress c WHERE c.user_pk = u.id)"
        )
    if streaks:
        row = ", ".join(f"s.{name}" for name in _STREAK_COLUMNS)
        ids = ", ".join(f":streak_{i}" for i in range(streaks))
        columns.append(
            f"(SELECT json_agg(json_build_array({row})) FROM streak_progress s "
            f"WHERE s.user_pk = u.id AND s.streak_id IN ({ids}))"
        )
    if points:
        columns.append(
            "(SELECT json_build_array(b.balance, b.next_expiry_at) FROM balances b "
            f"WHERE b.user_pk = u.id AND b.metric = '{POINTS}')"
        )
    if referral:
        columns.append(f"({_PENDING_REFERRAL.format(user='u.id')})")
    columns += campaign_repo.read_columns(campaigns, tiers)
    return Statement(
        f"SELECT {', '.join(columns)} FROM users u "
        "WHERE u.tenant_id = :tenant_id AND u.external_id = :external_id"
    )


_LOCK_USER = Statement(
    "SELECT id FROM users WHERE tenant_id = :tenant_id AND external_id = :external_id FOR UPDATE"
)


# SQLAlchemy's dialect constructors carry no annotations.
_PG_DIALECT: Any = postgresql.dialect()  # type: ignore[no-untyped-call]


def _pg_type(table: Table, column: str) -> str:
    return str(table.c[column].type.compile(dialect=_PG_DIALECT))


class _Builder:
    """One guarded statement: every part selects from ``g`` (the user's version moved on), and
    every parameter is cast to its column's type (a value in a SELECT list has none to infer)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.names: list[str] = []

    def param(self, name: str, table: Table, column: str) -> str:
        return f"CAST(:{name} AS {_pg_type(table, column)})"

    def rows(
        self, table: Table, columns: Sequence[str], prefixes: Sequence[str], fixed: dict[str, str]
    ) -> str:
        """``SELECT … FROM g`` for each row (its parameters ``<prefix><column>``), in UNION ALL;
        ``fixed`` gives a column's expression instead (the user's key, a constant)."""
        selects = []
        for prefix in prefixes:
            values = [fixed[c] if c in fixed else self.param(f"{prefix}{c}", table, c) for c in columns]
            selects.append(f"SELECT {', '.join(values)} FROM g")
        return " UNION ALL ".join(selects)


_LOGGED = (
    "id",
    "tenant_id",
    "user_pk",
    "user_id",
    "event_id",
    "ts",
    "points",
    "usergroup",
    "condition_reached",
    "limit_reached",
    "period_key",
    "metadata",
)
_HISTORY = history_repo.COLUMNS
_LINE = ledger_repo.LINE_COLUMNS
_BALANCE = ("user_pk", "metric", "tenant_id", "balance", "lifetime_earned", "next_expiry_at", "updated_at")
_SCORE = ("tenant_id", "leaderboard_id", "bucket", "user_pk", "score", "updated_at")


@lru_cache(maxsize=64)
def _apply_sql(
    limit: bool,
    credit: bool,
    challenges: int,
    streaks: int,
    scores: int,
    campaigns: int = 0,
    pending: bool = False,
) -> Statement:
    b = _Builder()
    user = "g.id"
    guard = (
        "UPDATE users SET version = version + 1 "
        "WHERE id = CAST(:user_pk AS BIGINT) AND version = CAST(:version AS BIGINT)"
    )
    if credit:  # the snapshot ruled these out; the write holds only while they stay so
        guard += (
            " AND NOT EXISTS (SELECT 1 FROM balances a WHERE a.user_pk = CAST(:user_pk AS BIGINT) "
            f"AND a.metric = '{POINTS}' AND (a.balance < 0 OR a.next_expiry_at <= CAST(:now AS BIGINT)))"
        )
    guard += campaign_repo.guard_conditions(campaigns)
    ctes = [f"g AS ({guard} RETURNING id)"]
    fixed_user = {"user_pk": user, "tenant_id": "CAST(:tenant_id AS INTEGER)"}
    if limit:
        ctes.append(
            "lim AS (INSERT INTO event_limit_counters (tenant_id, user_pk, event_id, period_key, n) "
            "SELECT CAST(:tenant_id AS INTEGER), g.id, CAST(:event_id AS VARCHAR), "
            "CAST(:counted_in AS VARCHAR), 1 FROM g "
            "ON CONFLICT (user_pk, event_id, period_key) DO UPDATE SET n = event_limit_counters.n + 1)"
        )
    logged_fixed = {
        **fixed_user,
        "id": "CAST(:logged_id AS BIGINT)",
        "event_id": "CAST(:event_id AS VARCHAR)",
        "ts": "CAST(:now AS BIGINT)",
        "points": "CAST(:points AS BIGINT)",
        "period_key": "CAST(:counted_in AS VARCHAR)",
        "condition_reached": "CAST(:condition_reached AS INTEGER)",
        "limit_reached": "CAST(:limit_reached AS INTEGER)",
    }
    ctes.append(
        f"le AS (INSERT INTO logged_events ({', '.join(_LOGGED)}) "
        f"{b.rows(logged_events, _LOGGED, ['le_'], logged_fixed)})"
    )
    details = (
        "json_build_object('loggedEventId', CAST(:logged_id AS BIGINT), 'conditionReached', "
        "CAST(:condition_reached AS INTEGER) = 1, 'limitReached', CAST(:limit_reached AS INTEGER) = 1)"
    )
    if campaigns or pending:  # what the history entry adds: the campaigns, when the points mature
        details = f"(({details})::jsonb || CAST(:h_details AS JSONB))::json"
    history_fixed = {
        **fixed_user,
        "type": "'EVENT'",
        "ref_id": "CAST(:event_id AS VARCHAR)",
        "points": "CAST(:points AS BIGINT)",
        "ts": "CAST(:now AS BIGINT)",
        "details": details,
    }
    ctes.append(
        f"h AS (INSERT INTO history_entries ({', '.join(_HISTORY)}) "
        f"{b.rows(history_entries, _HISTORY, ['h_'], history_fixed)})"
    )
    if credit:
        ctes.append(
            f"b AS (INSERT INTO balances ({', '.join(_BALANCE)}) SELECT g.id, '{POINTS}', "
            "CAST(:tenant_id AS INTEGER), CAST(:points AS BIGINT), CAST(:points AS BIGINT), "
            "CAST(:valid_until AS BIGINT), CAST(:now AS BIGINT) FROM g "
            "ON CONFLICT (user_pk, metric) DO UPDATE SET balance = balances.balance + excluded.balance, "
            "lifetime_earned = balances.lifetime_earned + excluded.lifetime_earned, "
            "updated_at = excluded.updated_at, next_expiry_at = CASE "
            "WHEN excluded.next_expiry_at IS NULL THEN balances.next_expiry_at "
            "WHEN balances.next_expiry_at IS NULL OR balances.next_expiry_at > excluded.next_expiry_at "
            "THEN excluded.next_expiry_at ELSE balances.next_expiry_at END RETURNING balance)"
        )
        ctes.append(
            f"line AS (INSERT INTO ledger_entries ({', '.join(_LINE)}) SELECT CAST(:tenant_id AS INTEGER), "
            f"CAST(:user_pk AS BIGINT), '{POINTS}', 'credit', CAST(:points AS BIGINT), "
            "CAST(:points AS BIGINT), "
            "CAST(:valid_until AS BIGINT), 'event', CAST(:reference AS VARCHAR), "
            f"{b.param('credit_description', ledger_entries, 'description')}, NULL, "
            "CAST(:entry_key AS VARCHAR), NULL, b.balance, CAST(:now AS BIGINT) FROM b RETURNING id)"
        )
    if challenges:
        ctes.append(_progress_cte(b, "cp", challenge_progress, "challenge_id", "c", challenges, fixed_user))
    if streaks:
        ctes.append(_progress_cte(b, "sp", streak_progress, "streak_id", "s", streaks, fixed_user))
    if scores:
        fixed = {
            "user_pk": user,
            "tenant_id": "CAST(:tenant_id AS INTEGER)",
            "updated_at": "CAST(:now AS BIGINT)",
        }
        rows = b.rows(leaderboard_scores, _SCORE, [f"l{i}_" for i in range(scores)], fixed)
        ctes.append(
            f"lb AS (INSERT INTO leaderboard_scores ({', '.join(_SCORE)}) {rows} "
            "ON CONFLICT (user_pk, leaderboard_id, bucket) DO UPDATE SET "
            "score = leaderboard_scores.score + excluded.score, updated_at = excluded.updated_at)"
        )
    ctes.extend(campaign_repo.ctes(campaigns, pending))
    ctes.extend(stats_repo.guarded_ctes())
    returned = ["(SELECT count(*) FROM g)"]
    if credit:
        returned += ["(SELECT balance FROM b)", "(SELECT id FROM line)"]
    return Statement(f"WITH {', '.join(ctes)} SELECT {', '.join(returned)}")


def _progress_cte(
    b: _Builder, name: str, table: Table, key: str, prefix: str, count: int, fixed: dict[str, str]
) -> str:
    """A progress row per step (challenge or streak), written as the decision left it."""
    columns = tuple(c.name for c in table.c)
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in ("user_pk", key))
    rows = b.rows(table, columns, [f"{prefix}{i}_" for i in range(count)], fixed)
    return (
        f"{name} AS (INSERT INTO {table.name} ({', '.join(columns)}) {rows} "
        f"ON CONFLICT (user_pk, {key}) DO UPDATE SET {updates})"
    )


def _progress_params(
    prefix: str, key_column: str, write: ProgressWrite, json_columns: Sequence[str]
) -> dict[str, Any]:
    values = {**write.values, key_column: write.key}
    for column in json_columns:
        values[column] = _json(values[column])
    return {f"{prefix}{column}": value for column, value in values.items()}


def _apply_params(writes: EventWrites, logged_id: int) -> dict[str, Any]:
    params: dict[str, Any] = {
        "user_pk": writes.user_pk,
        "version": writes.version,
        "now": writes.now,
        "tenant_id": writes.tenant_id,
        "event_id": writes.event_id,
        "counted_in": writes.counted_in,
        "logged_id": logged_id,
        "points": writes.points,
        "condition_reached": int(writes.condition_reached),
        "limit_reached": int(writes.limit_reached),
        "le_user_id": writes.user_id,
        "le_usergroup": writes.usergroup,
        "le_metadata": _json(writes.metadata),
        "h_entry_id": writes.history["entry_id"],
        "h_date_key": writes.history["date_key"],
        "h_title": _json(writes.history["title"]),
        "h_description": _json(writes.history["description"]),
        "h_image": writes.history["image"],
        **stats_repo.guarded_params(_hit(writes)),
        **campaign_repo.write_params(writes),
    }
    params["h_details"] = _json(writes.details)
    if writes.credit is not None:
        params.update(
            valid_until=writes.credit.valid_until,
            reference=str(logged_id),
            entry_key=credit_entry_key(logged_id),
            credit_description=writes.credit.description,
        )
    for i, write in enumerate(writes.challenges):
        params.update(_progress_params(f"c{i}_", "challenge_id", write, ("missions",)))
    for i, write in enumerate(writes.streaks):
        params.update(_progress_params(f"s{i}_", "streak_id", write, _JSON_STREAK_COLUMNS))
    for i, (board, bucket, amount) in enumerate(writes.scores):
        params.update({f"l{i}_leaderboard_id": board, f"l{i}_bucket": bucket, f"l{i}_score": amount})
    return params


def _hit(writes: EventWrites) -> stats_repo.Hit:
    return stats_repo.Hit(
        tenant_id=writes.tenant_id,
        user_pk=writes.user_pk,
        event_id=writes.event_id,
        day=writes.day_key,
        hour=writes.hour,
        points=writes.points,
        condition_met=writes.condition_reached,
        limit_reached=writes.limit_reached,
    )


class PostgresEventStore(EventReversals):
    __slots__ = ()
    read_lock = "FOR UPDATE OF l"

    async def read(self, query: SnapshotQuery, *, lock: bool = False) -> UserSnapshotRows | None:
        conn = self.conn
        params = _snapshot_params(query)
        if lock:  # through SQLAlchemy: it begins the command's transaction, which keeps the lock
            locked = await conn.exec_driver_sql(_LOCK_USER.postgresql, tuple(_LOCK_USER.args(params)))
            if locked.first() is None:
                return None
        sql = _read_sql(
            query.allocate_id,
            query.limit_period_key is not None,
            query.challenges,
            len(query.streak_ids),
            query.points_account,
            query.referral,
            len(query.campaign_ids),
            query.tiers,
        )
        driver = await _driver_connection(conn)
        row = await driver.fetchrow(sql.postgresql, *sql.args(params))
        if row is None:
            return None
        rest = list(row[4:])
        logged_id = int(rest.pop(0)) if query.allocate_id else None
        return _snapshot(query, row, rest, logged_id)

    async def apply(self, writes: EventWrites, *, transaction: bool) -> Applied | None:
        conn = self.conn
        assert writes.logged_id is not None  # taken by the read
        sql = _apply_sql(
            writes.counted_in is not None,
            writes.credit is not None,
            len(writes.challenges),
            len(writes.streaks),
            len(writes.scores),
            len(writes.campaigns),
            writes.pending is not None,
        )
        args = sql.args(_apply_params(writes, writes.logged_id))
        if transaction:  # through SQLAlchemy: it begins the command's transaction if need be
            row: Any = (await conn.exec_driver_sql(sql.postgresql, tuple(args))).first()
        else:  # alone, outside any transaction: the statement commits by itself
            driver = await _driver_connection(conn)
            row = await driver.fetchrow(sql.postgresql, *args)
        if row is None or int(row[0]) == 0:
            return None
        balance = int(row[1]) if writes.credit is not None else None
        entry = int(row[2]) if writes.credit is not None else None
        return Applied(writes.logged_id, balance, entry)


# ---------------------------------------------------------------------------------------------
# SQLite: inside the process's one write transaction, statement by statement.

_SQLITE_USER = Statement(
    "SELECT id, usergroup, time_zone, version FROM users "
    "WHERE tenant_id = :tenant_id AND external_id = :external_id"
)
_SQLITE_LIMIT = Statement(
    "SELECT n FROM event_limit_counters "
    "WHERE user_pk = :user_pk AND event_id = :event_id AND period_key = :period_key"
)
_SQLITE_ACCOUNT = Statement(
    f"SELECT balance, next_expiry_at FROM balances WHERE user_pk = :user_pk AND metric = '{POINTS}'"
)
_SQLITE_REFERRAL = (
    "SELECT referral_id, referrer_pk FROM referral_registrations WHERE user_pk = ? AND rewarded_at IS NULL"
)
_SQLITE_CHALLENGES = Statement(
    f"SELECT {', '.join(_CHALLENGE_COLUMNS)} FROM challenge_progress WHERE user_pk = :user_pk"
)


@lru_cache(maxsize=16)
def _sqlite_streaks_sql(streaks: int) -> str:
    ids = ", ".join("?" for _ in range(streaks))
    return (
        f"SELECT {', '.join(_STREAK_COLUMNS)} FROM streak_progress WHERE user_pk = ? AND streak_id IN ({ids})"
    )


_SQLITE_COUNT = Statement(
    "INSERT INTO event_limit_counters (tenant_id, user_pk, event_id, period_key, n) "
    "VALUES (:tenant_id, :user_pk, :event_id, :period_key, 1) "
    "ON CONFLICT (user_pk, event_id, period_key) DO UPDATE SET n = event_limit_counters.n + 1"
)


class SqliteEventStore(EventReversals):
    __slots__ = ()

    @staticmethod
    async def _sqlite(conn: AsyncConnection) -> Any:
        return (await _driver_connection(conn)).sqlite

    async def read(self, query: SnapshotQuery, *, lock: bool = False) -> UserSnapshotRows | None:
        conn = self.conn
        db = await self._sqlite(conn)  # the write transaction holds the database: no lock to take
        params = _snapshot_params(query)
        user = db.execute(_SQLITE_USER.sqlite, _SQLITE_USER.args(params)).fetchone()
        if user is None:
            return None
        params["user_pk"] = user[0]
        rest: list[Any] = []
        if query.limit_period_key is not None:
            found = db.execute(_SQLITE_LIMIT.sqlite, _SQLITE_LIMIT.args(params)).fetchone()
            rest.append(None if found is None else found[0])
        if query.challenges:
            rest.append(db.execute(_SQLITE_CHALLENGES.sqlite, (user[0],)).fetchall())
        if query.streak_ids:
            sql = _sqlite_streaks_sql(len(query.streak_ids))
            rest.append(db.execute(sql, (user[0], *query.streak_ids)).fetchall())
        if query.points_account:
            account = db.execute(_SQLITE_ACCOUNT.sqlite, _SQLITE_ACCOUNT.args(params)).fetchone()
            rest.append(None if account is None else list(account))
        if query.referral:
            found = db.execute(_SQLITE_REFERRAL, (user[0],)).fetchone()
            rest.append(None if found is None else list(found))
        rest += campaign_repo.sqlite_read(db, user[0], query.campaign_ids, query.tiers)
        return _snapshot(query, user, rest, None)  # the write assigns the logged event's id

    async def apply(self, writes: EventWrites, *, transaction: bool) -> Applied | None:
        conn = self.conn
        # The snapshot was read in this same write transaction, which holds the database: nothing
        # can have changed since, so no guard is needed (and the users row is not written again:
        # each page an event changes is one more page in the WAL).
        db = await self._sqlite(conn)
        if not campaign_repo.sqlite_within_caps(db, writes):
            return None  # cannot happen in the writer's transaction; the caps hold regardless
        if writes.counted_in is not None:
            values = {
                "tenant_id": writes.tenant_id,
                "user_pk": writes.user_pk,
                "event_id": writes.event_id,
                "period_key": writes.counted_in,
            }
            db.execute(_SQLITE_COUNT.sqlite, _SQLITE_COUNT.args(values))
        logged_id = await events_repo.insert_logged_with_history(
            conn,
            writes.history,
            tenant_id=writes.tenant_id,
            user_pk=writes.user_pk,
            user_id=writes.user_id,
            event_id=writes.event_id,
            ts=writes.now,
            points=writes.points,
            usergroup=writes.usergroup,
            condition_reached=int(writes.condition_reached),
            limit_reached=int(writes.limit_reached),
            period_key=writes.counted_in,
            metadata=writes.metadata,
            extra_details=writes.details,
        )
        campaign_repo.sqlite_write(db, writes, logged_id)
        balance = entry_id = None
        if writes.credit is not None:
            balance = await self._credit(conn, writes, logged_id)
            entry_id = await ledger_repo.insert_line(
                conn,
                tenant_id=writes.tenant_id,
                user_pk=writes.user_pk,
                metric=POINTS,
                kind="credit",
                amount=writes.points,
                remaining=writes.points,
                valid_until=writes.credit.valid_until,
                source="event",
                reference=str(logged_id),
                description=writes.credit.description,
                site_code=None,
                entry_key=credit_entry_key(logged_id),
                balance_after=balance,
                created_at=writes.now,
            )
        for write in writes.challenges:
            await challenge_repo.save_state(
                conn,
                create=write.created,
                tenant_id=writes.tenant_id,
                user_pk=writes.user_pk,
                challenge_id=write.key,
                **write.values,
            )
        for write in writes.streaks:
            values = {k: v for k, v in write.values.items() if k != "version"}
            version = int(write.values["version"])
            if version == 1:
                key = {"user_pk": writes.user_pk, "streak_id": write.key, "tenant_id": writes.tenant_id}
                await streak_repo.insert_if_absent(conn, {**key, **values})
            else:
                await streak_repo.update_if_version(conn, writes.user_pk, write.key, version - 1, values)
        await score_repo.add(
            conn, tenant_id=writes.tenant_id, user_pk=writes.user_pk, increments=writes.scores, now=writes.now
        )
        await stats_repo.record(conn, _hit(writes))
        return Applied(logged_id, balance, entry_id)

    @staticmethod
    async def _credit(conn: AsyncConnection, writes: EventWrites, logged_id: int) -> int:
        assert writes.credit is not None
        balance, _, _ = await ledger_repo.credit_balance(
            conn,
            tenant_id=writes.tenant_id,
            user_pk=writes.user_pk,
            metric=POINTS,
            amount=writes.points,
            earned=writes.points,
            now=writes.now,
            valid_until=writes.credit.valid_until,
        )
        return balance


def event_store_for(conn: AsyncConnection, db: Database) -> PostgresEventStore | SqliteEventStore:
    """The event path's store for the database's engine (the one place that asks), bound to the
    transaction's connection."""
    return SqliteEventStore(conn) if db.is_sqlite else PostgresEventStore(conn)
