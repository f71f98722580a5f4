"""The keys of imported rows (see ``storage.imports.import_tables``;
:class:`loyalty.app.imports.ports.ImportKeys`)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from loyalty.storage.imports.import_tables import import_rows
from loyalty.storage.repository import Repository


class SqlImportKeys(Repository):
    async def claim(self, *, tenant_id: int, kind: str, keys: Sequence[str], now: int) -> set[str]:
        """Record the keys; returns those that were new (the rows to import now). One statement, so a
        batch costs one round trip however many of its rows an earlier run imported."""
        if not keys:
            return set()
        stmt = (
            self.db.insert(import_rows)
            .on_conflict_do_nothing(index_elements=["tenant_id", "kind", "row_key"])
            .returning(import_rows.c.row_key)
        )
        # Many parameter sets for one statement: compiled once, sent in multi-row batches.
        rows = [{"tenant_id": tenant_id, "kind": kind, "row_key": k, "imported_at": now} for k in keys]
        return {str(k) for k in (await self.conn.execute(stmt, rows)).scalars()}

    async def known(self, *, tenant_id: int, kind: str, keys: Sequence[str]) -> set[str]:
        """Which of the keys an earlier run imported (for a dry run's count)."""
        if not keys:
            return set()
        rows = await self.conn.execute(
            select(import_rows.c.row_key).where(
                import_rows.c.tenant_id == tenant_id,
                import_rows.c.kind == kind,
                import_rows.c.row_key.in_(keys),
            )
        )
        return {str(k) for k in rows.scalars()}
