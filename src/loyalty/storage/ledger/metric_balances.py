"""Balance rows of the tenant's metrics: opening them at their default and locking them
(:class:`loyalty.app.ledger.ports.MetricBalances`)."""

from __future__ import annotations

from sqlalchemy import bindparam, select, text

from loyalty.storage.repository import Repository
from loyalty.storage.tables import balances

# Hot path (every challenge reward): written once, the same text on SQLite and PostgreSQL.
_OPEN_SQL = text(
    "INSERT INTO balances (user_pk, metric, tenant_id, balance, lifetime_earned, updated_at) "
    "VALUES (:user_pk, :metric, :tenant_id, 0, 0, :now) "
    "ON CONFLICT (user_pk, metric) DO NOTHING RETURNING balance"
)
_BALANCE = select(balances.c.balance).where(
    balances.c.user_pk == bindparam("user_pk"), balances.c.metric == bindparam("metric")
)
_BALANCE_FOR_UPDATE = _BALANCE.with_for_update()


class SqlMetricBalances(Repository):
    async def open_if_absent(self, *, tenant_id: int, user_pk: int, metric: str, now: int) -> bool:
        """Create an empty (0) balance row; True only for the one transaction that created it."""
        params = {"user_pk": user_pk, "metric": metric, "tenant_id": tenant_id, "now": now}
        return (await self.conn.execute(_OPEN_SQL, params)).scalar_one_or_none() is not None

    async def locked_balance(self, user_pk: int, metric: str) -> int | None:
        """The balance, row-locked until commit on PostgreSQL (SQLite writers are serialised anyway)."""
        query = _BALANCE_FOR_UPDATE if self.conn.dialect.name == "postgresql" else _BALANCE
        value = (await self.conn.execute(query, {"user_pk": user_pk, "metric": metric})).scalar_one_or_none()
        return None if value is None else int(value)

    async def balances_of_user(self, user_pk: int) -> dict[str, int]:
        rows = await self.conn.execute(
            select(balances.c.metric, balances.c.balance).where(balances.c.user_pk == user_pk)
        )
        return {r[0]: int(r[1]) for r in rows.all()}
