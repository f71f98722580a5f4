"""Which database errors are a 503 (the database is away) rather than a 500 (a bug)."""

from __future__ import annotations

import asyncpg
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from loyalty.storage.database import is_unavailable


class DriverError(Exception):
    """Stands in for the SQLAlchemy adapter's error that wraps the asyncpg exception."""


def wrapped(cause: BaseException) -> DBAPIError:
    driver = DriverError(str(cause))
    driver.__cause__ = cause
    return DBAPIError("SELECT 1", None, driver)


def test_connection_failures_and_waits_are_unavailable() -> None:
    assert is_unavailable(ConnectionRefusedError(111, "refused"))
    assert is_unavailable(PoolTimeout("QueuePool limit reached"))
    assert is_unavailable(OperationalError("SELECT 1", None, Exception("database is locked")))


def test_a_server_starting_up_or_shutting_down_is_unavailable() -> None:
    assert is_unavailable(
        wrapped(asyncpg.exceptions.CannotConnectNowError("the database system is starting up"))
    )
    assert is_unavailable(wrapped(asyncpg.exceptions.AdminShutdownError("terminating connection")))
    assert is_unavailable(wrapped(asyncpg.exceptions.ConnectionDoesNotExistError("connection was closed")))


def test_a_bug_or_a_constraint_is_not_unavailable() -> None:
    assert not is_unavailable(ValueError("boom"))
    assert not is_unavailable(IntegrityError("INSERT", None, Exception("duplicate key")))
    assert not is_unavailable(wrapped(asyncpg.exceptions.UniqueViolationError("duplicate key")))
