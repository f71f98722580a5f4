"""The dashboard's member search: one index drives each query and pages by key, never by offset.

Which index drives depends on the filters (the most selective one the person gave):

| filters include | driving index | key (order) |
|---|---|---|
| a balance range | ``ix_balances_tenant_metric_balance`` (tenant, metric, balance, user) | (balance, user) |
| a tier | ``ix_user_tiers_tenant_tier`` (tenant, tier, user_pk) | user_pk |
| a group | ``ix_users_tenant_group`` (tenant, group, external_id) | external_id |
| an id prefix or nothing | ``uq_users_tenant_id_external_id`` (tenant, external_id) | external_id |

The other filters are checked on the rows the driving index yields, so a page reads about as many
index entries as it shows, unless the filters rarely meet (see docs/dashboard.md).
"""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Select, and_, select, tuple_

from loyalty.app.users.ports import MemberFilter, MemberSearchRow
from loyalty.storage.gamification.progress_tables import user_tiers
from loyalty.storage.repository import Repository
from loyalty.storage.tables import balances, users

POINTS = "points"


def _prefix_range(column: Any, prefix: str) -> Any:
    # A range, not LIKE: both engines seek the index with it, whatever the collation.
    return and_(column >= prefix, column < prefix + "\U0010ffff")


def build_query(tenant_id: int, f: MemberFilter, after: tuple[Any, ...] | None, limit: int) -> Select[Any]:
    balance = balances.c.balance.label("balance")
    columns = [users.c.id, users.c.external_id, users.c.usergroup, users.c.created_at, balance]
    on_points = and_(balances.c.user_pk == users.c.id, balances.c.metric == POINTS)
    if f.mode == "balance":
        query = (
            select(*columns)
            .select_from(balances.join(users, users.c.id == balances.c.user_pk))
            .where(balances.c.tenant_id == tenant_id, balances.c.metric == POINTS)
        )
        if f.min_balance is not None:
            query = query.where(balances.c.balance >= f.min_balance)
        if f.max_balance is not None:
            query = query.where(balances.c.balance <= f.max_balance)
        if after is not None:
            query = query.where(tuple_(balances.c.balance, balances.c.user_pk) > tuple_(after[0], after[1]))
        query = query.order_by(balances.c.balance, balances.c.user_pk)
    elif f.mode == "tier":
        query = (
            select(*columns)
            .select_from(
                user_tiers.join(users, users.c.id == user_tiers.c.user_pk).outerjoin(balances, on_points)
            )
            .where(user_tiers.c.tenant_id == tenant_id, user_tiers.c.tier_id == f.tier)
        )
        if after is not None:
            query = query.where(user_tiers.c.user_pk > after[0])
        query = query.order_by(user_tiers.c.user_pk)
    else:
        query = (
            select(*columns)
            .select_from(users.outerjoin(balances, on_points))
            .where(users.c.tenant_id == tenant_id)
        )
        if f.group:
            query = query.where(users.c.usergroup == f.group)
        if after is not None:
            query = query.where(users.c.external_id > after[0])
        query = query.order_by(users.c.external_id)
    if f.prefix:
        query = query.where(_prefix_range(users.c.external_id, f.prefix))
    if f.group and f.mode != "id":
        query = query.where(users.c.usergroup == f.group)
    if f.tier and f.mode == "balance":
        tiered = select(user_tiers.c.user_pk).where(
            user_tiers.c.tenant_id == tenant_id,
            user_tiers.c.tier_id == f.tier,
            user_tiers.c.user_pk == users.c.id,
        )
        query = query.where(tiered.exists())
    return query.limit(limit)


class SqlMemberSearch(Repository):
    async def search(
        self, tenant_id: int, f: MemberFilter, *, after: tuple[Any, ...] | None, limit: int
    ) -> list[MemberSearchRow]:
        rows = await self.conn.execute(build_query(tenant_id, f, after, limit))
        return [cast(MemberSearchRow, dict(r)) for r in rows.mappings()]
