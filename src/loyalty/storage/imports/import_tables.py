"""Imports from an earlier system: one row per imported row, so a re-run changes nothing.

The key is written in the same transaction as the row's effect (a user, a ledger credit): a row
whose key is here has had its effect, and one whose key is not has not. Not a per-user table: the
record that a file's row was imported outlives the user's deletion, so re-running an old file
does not bring a deleted member back.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, ForeignKey, Integer, PrimaryKeyConstraint, String, Table

from loyalty.storage.tables import metadata

import_rows = Table(
    "import_rows",
    metadata,
    Column("tenant_id", Integer, ForeignKey("tenants.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(20), nullable=False),
    # sha256 of the row's stable key (its reference, or the file's name, line and content).
    Column("row_key", String(64), nullable=False),
    Column("imported_at", BigInteger, nullable=False),
    PrimaryKeyConstraint("tenant_id", "kind", "row_key", name="pk_import_rows"),
)
