"""What the ledger adds to the core tables: the index the periodic expiry sweep reads."""

from __future__ import annotations

from sqlalchemy import Index

from loyalty.storage.tables import balances

# The sweep asks "which accounts have a credit expiring before now?" without scanning balances.
Index("ix_balances_next_expiry_at", balances.c.next_expiry_at)
