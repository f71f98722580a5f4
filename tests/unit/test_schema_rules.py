"""Rules every table must keep, checked on the models so a new table cannot forget them."""

from __future__ import annotations

from sqlalchemy import BigInteger

from loyalty.storage.schema import metadata


def test_surrogate_keys_are_never_reused_on_sqlite() -> None:
    # Without AUTOINCREMENT SQLite hands out the highest deleted rowid again, so a re-created user
    # could inherit the key (and, until the background sweep, the rows) of a deleted one.
    offenders = [
        table.name
        for table in metadata.sorted_tables
        if len(table.primary_key.columns) == 1
        and isinstance(next(iter(table.primary_key.columns)).type, BigInteger)
        and next(iter(table.primary_key.columns)).autoincrement is True
        and not table.dialect_options["sqlite"].get("autoincrement")
    ]
    assert offenders == []
