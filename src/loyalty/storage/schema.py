"""Imports every table module so ``metadata`` is complete (Alembic and the checks use this).

A feature with tables of its own adds ``storage/<feature>_tables.py`` and one import line here.
"""

from __future__ import annotations

from loyalty.storage.ledger import ledger_tables  # noqa: F401 (the expiry sweep's index)
from loyalty.storage.tables import metadata

__all__ = ["metadata"]
