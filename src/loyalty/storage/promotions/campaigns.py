"""The event path's campaign and pending-points parts, for both stores.

PostgreSQL: the read's extra columns (what the event's capped campaigns gave the user, the user's
tiers), the conditions a campaign's cap adds to the write's guard (the guard fails, and the event
is decided again, when a concurrent event of the user has used up the room the snapshot saw), and
the CTEs that write the campaign totals, the campaign statistics and a pending credit, all hanging
on ``g``. SQLite: the same reads and writes as plain statements in the writer's transaction.

The campaign statistics ``app`` reads are :class:`SqlCampaigns`
(:class:`loyalty.app.promotions.ports.Campaigns`).

Every statement is built from this module's column names, casts and placeholders only.
"""

from __future__ import annotations

from typing import Any

import orjson
from sqlalchemy import func, select

from loyalty.app.events.event_store import EventWrites
from loyalty.app.promotions.ports import CampaignTotals
from loyalty.storage.promotions.campaign_tables import campaign_stats_daily
from loyalty.storage.repository import Repository
from loyalty.storage.stats.stats import PG_SHARDS

NO_CAP = 2**62
"""Stands for "no cap" in the guard's comparison (far above any total)."""


def read_columns(campaigns: int, tiers: bool) -> list[str]:
    """PostgreSQL: the snapshot's extra columns (JSON arrays), in this order."""
    columns = []
    if campaigns:
        ids = ", ".join(f":campaign_{i}" for i in range(campaigns))
        columns.append(
            "(SELECT json_agg(json_build_array(t.campaign_id, t.points)) FROM campaign_totals t "
            f"WHERE t.user_pk = u.id AND t.campaign_id IN ({ids}))"
        )
    if tiers:
        columns.append(
            "(SELECT json_agg(json_build_array(m.set_id, m.tier_id)) FROM user_tiers m "
            "WHERE m.user_pk = u.id AND m.tier_id IS NOT NULL)"
        )
    return columns


def read_params(campaign_ids: tuple[str, ...]) -> dict[str, Any]:
    return {f"campaign_{i}": campaign_id for i, campaign_id in enumerate(campaign_ids)}


def pairs(value: Any) -> dict[str, Any]:
    """A read column's ``[[key, value], …]`` (JSON text, decoded JSON, or rows) as a dict."""
    if isinstance(value, str | bytes):
        value = orjson.loads(value)
    return {str(key): item for key, item in value or []}


def guard_conditions(campaigns: int) -> str:
    """PostgreSQL: the guard holds only while every campaign's total plus what it adds stays
    within its cap (the database checks it, whatever the snapshot saw)."""
    return "".join(
        " AND COALESCE((SELECT t.points FROM campaign_totals t WHERE t.user_pk = CAST(:user_pk AS BIGINT) "
        f"AND t.campaign_id = CAST(:k{i}_id AS VARCHAR)), 0) + CAST(:k{i}_points AS BIGINT) "
        f"<= CAST(:k{i}_cap AS BIGINT)"
        for i in range(campaigns)
    )


def ctes(campaigns: int, pending: bool) -> list[str]:
    """PostgreSQL: the campaign totals and statistics, and the pending credit, hanging on ``g``."""
    out = []
    if campaigns:
        totals = " UNION ALL ".join(
            f"SELECT g.id, CAST(:k{i}_id AS VARCHAR), CAST(:tenant_id AS INTEGER), "
            f"CAST(:k{i}_points AS BIGINT), CAST(:now AS BIGINT) FROM g"
            for i in range(campaigns)
        )
        out.append(
            "ct AS (INSERT INTO campaign_totals (user_pk, campaign_id, tenant_id, points, updated_at) "
            f"{totals} ON CONFLICT (user_pk, campaign_id) DO UPDATE SET "
            "points = campaign_totals.points + excluded.points, updated_at = excluded.updated_at)"
        )
        daily = " UNION ALL ".join(
            f"SELECT CAST(:tenant_id AS INTEGER), CAST(:k{i}_id AS VARCHAR), CAST(:day AS VARCHAR), "
            f"CAST(:k_shard AS INTEGER), 1, CAST(:k{i}_points AS BIGINT) FROM g"
            for i in range(campaigns)
        )
        out.append(
            "cs AS (INSERT INTO campaign_stats_daily "
            "(tenant_id, campaign_id, day_key, shard, events, points) "
            f"{daily} ON CONFLICT (tenant_id, campaign_id, day_key, shard) DO UPDATE SET "
            "events = campaign_stats_daily.events + 1, "
            "points = campaign_stats_daily.points + excluded.points)"
        )
    if pending:
        out.append(
            "pc AS (INSERT INTO pending_credits (tenant_id, user_pk, logged_id, points, matures_at, state, "
            "description, created_at) SELECT CAST(:tenant_id AS INTEGER), g.id, CAST(:logged_id AS BIGINT), "
            "CAST(:points AS BIGINT), CAST(:p_matures_at AS BIGINT), 'pending', "
            "CAST(:p_description AS TEXT), "
            "CAST(:now AS BIGINT) FROM g)"
        )
    return out


def write_params(writes: EventWrites) -> dict[str, Any]:
    params: dict[str, Any] = {}
    if writes.campaigns:
        params["k_shard"] = writes.user_pk % PG_SHARDS
        params.setdefault("day", writes.day_key)
    for i, campaign in enumerate(writes.campaigns):
        params[f"k{i}_id"] = campaign.campaign_id
        params[f"k{i}_points"] = campaign.points
        params[f"k{i}_cap"] = NO_CAP if campaign.cap is None else campaign.cap
    if writes.pending is not None:
        params["p_matures_at"] = writes.pending.matures_at
        params["p_description"] = writes.pending.description
    return params


# ---------------------------------------------------------------------------------------------
# SQLite (the writer's transaction holds the database)


def sqlite_read(db: Any, user_pk: int, campaign_ids: tuple[str, ...], tiers: bool) -> list[Any]:
    """The same extra values as :func:`read_columns`, as ``[[key, value], …]`` lists."""
    rest: list[Any] = []
    if campaign_ids:
        marks = ", ".join("?" for _ in campaign_ids)
        rest.append(
            db.execute(
                "SELECT campaign_id, points FROM campaign_totals "
                f"WHERE user_pk = ? AND campaign_id IN ({marks})",
                (user_pk, *campaign_ids),
            ).fetchall()
        )
    if tiers:
        rest.append(
            db.execute(
                "SELECT set_id, tier_id FROM user_tiers WHERE user_pk = ? AND tier_id IS NOT NULL", (user_pk,)
            ).fetchall()
        )
    return rest


def sqlite_within_caps(db: Any, writes: EventWrites) -> bool:
    """Every campaign's total plus what it adds stays within its cap (checked before writing)."""
    for campaign in writes.campaigns:
        if campaign.cap is None:
            continue
        row = db.execute(
            "SELECT points FROM campaign_totals WHERE user_pk = ? AND campaign_id = ?",
            (writes.user_pk, campaign.campaign_id),
        ).fetchone()
        if (0 if row is None else int(row[0])) + campaign.points > campaign.cap:
            return False
    return True


def sqlite_write(db: Any, writes: EventWrites, logged_id: int) -> None:
    for campaign in writes.campaigns:
        db.execute(
            "INSERT INTO campaign_totals (user_pk, campaign_id, tenant_id, points, updated_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_pk, campaign_id) DO UPDATE SET "
            "points = campaign_totals.points + excluded.points, updated_at = excluded.updated_at",
            (writes.user_pk, campaign.campaign_id, writes.tenant_id, campaign.points, writes.now),
        )
        db.execute(
            "INSERT INTO campaign_stats_daily (tenant_id, campaign_id, day_key, shard, events, points) "
            "VALUES (?, ?, ?, 0, 1, ?) ON CONFLICT (tenant_id, campaign_id, day_key, shard) DO UPDATE SET "
            "events = campaign_stats_daily.events + 1, "
            "points = campaign_stats_daily.points + excluded.points",
            (writes.tenant_id, campaign.campaign_id, writes.day_key, campaign.points),
        )
    if writes.pending is not None:
        db.execute(
            "INSERT INTO pending_credits (tenant_id, user_pk, logged_id, points, matures_at, state, "
            "description, created_at) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)",
            (
                writes.tenant_id,
                writes.user_pk,
                logged_id,
                writes.points,
                writes.pending.matures_at,
                writes.pending.description,
                writes.now,
            ),
        )


class SqlCampaigns(Repository):
    """The campaign statistics app reads (:class:`loyalty.app.promotions.ports.Campaigns`)."""

    async def totals_by_campaign(
        self, tenant_id: int, *, start: str | None, end: str
    ) -> list[CampaignTotals]:
        """Campaign points and events per campaign over local days ``start`` … ``end``."""
        table = campaign_stats_daily
        query = (
            select(table.c.campaign_id, func.sum(table.c.events), func.sum(table.c.points))
            .where(table.c.tenant_id == tenant_id, table.c.day_key <= end)
            .group_by(table.c.campaign_id)
            .order_by(table.c.campaign_id)
        )
        if start is not None:
            query = query.where(table.c.day_key >= start)
        rows = await self.conn.execute(query)
        return [CampaignTotals(campaign_id=r[0], events=int(r[1]), points=int(r[2])) for r in rows]
