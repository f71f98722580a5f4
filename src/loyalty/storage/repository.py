"""What every repository is: a class bound to one transaction's connection (``storage/store.py``
builds them on first use), with the database for its engine-specific statements."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncConnection

if TYPE_CHECKING:
    from loyalty.storage.database import Database


class Repository:
    def __init__(self, conn: AsyncConnection, db: Database) -> None:
        self.conn = conn
        self.db = db
