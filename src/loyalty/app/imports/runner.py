"""Run an import: validate the whole file, then apply it in batches, each row once.

1. Every row is checked before anything is written; the errors (line, field, message — up to
   ``MAX_ERRORS``) are all reported and nothing is written.
2. The rows are applied in batches of ``BATCH_ROWS``, one transaction each. A batch first records
   its rows' stable keys (one statement); a row whose key an earlier run recorded is skipped. The key
   and the row's effect commit together, so an interrupted import is resumed by running the same
   command again, and a finished one run again changes nothing.

The file is read twice as a stream (check, then apply), never held whole.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol

from loyalty.app.imports.kinds import Context, ImportKind
from loyalty.app.imports.rows import FieldError, Row, RowError
from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.services import Services
from loyalty.app.kernel.uow import Encoded, Tx, run_write, tenant_of
from loyalty.core.errors import ErrorCode, LoyaltyError

MAX_ERRORS = 100
BATCH_ROWS = 500

RowSource = Callable[[], AbstractContextManager[Iterator[Row | RowError]]]
"""Opens the file afresh and yields its rows (it is read once to check, once to apply)."""


class Progress(Protocol):
    def start(self, total: int) -> None: ...
    def advance(self, rows: int) -> None: ...


@dataclass
class Summary:
    rows: int
    imported: int
    """Rows applied now (with ``dry_run``: that would be)."""
    skipped: int
    """Rows an earlier run (or an earlier row of this file with the same key) already imported."""
    dry_run: bool


class ImportStopped(Exception):
    """The caller asked to stop (Ctrl-C); every batch before it committed. ``summary`` counts them."""

    def __init__(self, summary: Summary) -> None:
        super().__init__(f"stopped after {summary.imported + summary.skipped} of {summary.rows} rows")
        self.summary = summary


class ImportInvalid(LoyaltyError):
    """The file has bad rows; nothing was written. ``errors`` holds the first ``MAX_ERRORS``."""

    def __init__(self, errors: list[RowError], total: int) -> None:
        shown = "; ".join(e.text() for e in errors[:5])
        more = f" (and {total - 5} more)" if total > 5 else ""
        super().__init__(ErrorCode.INVALID_INPUT, f"{total} bad row(s), nothing imported: {shown}{more}")
        self.errors = errors
        self.total = total


def _check(kind: ImportKind, item: Row | RowError, ctx: Context) -> tuple[Row, Any] | RowError:
    if isinstance(item, RowError):
        return item
    unknown = sorted(set(item.fields) - set(kind.fields))
    if unknown:
        allowed = ", ".join(kind.fields)
        return RowError(
            item.line, unknown[0], f"unknown field '{unknown[0]}' (a {kind.name} row has {allowed})"
        )
    try:
        return item, kind.parse(item.fields, ctx)
    except FieldError as exc:
        return RowError(item.line, exc.field, exc.message)


class _InOrder:
    """Refuses a row that comes before the previous one in the kind's order (events: their time).
    Applying them in order matters (a streak, a daily limit); sorting is left to the user, who can
    do it without the import holding the file."""

    def __init__(self, kind: ImportKind) -> None:
        self._kind = kind
        self._last: tuple[int, int] | None = None  # (value, line)

    def check(self, checked: tuple[Row, Any] | RowError) -> tuple[Row, Any] | RowError:
        if self._kind.order is None or isinstance(checked, RowError):
            return checked
        name, order = self._kind.order
        row, value = checked
        at = order(value)
        if self._last is not None and at < self._last[0]:
            return RowError(
                row.line,
                name,
                f"'{name}' is earlier than line {self._last[1]}'s: the rows must be in order of "
                f"'{name}' (sort the file by it)",
            )
        self._last = (at, row.line)
        return checked


def row_key(kind: ImportKind, source: str, row: Row, value: Any) -> str:
    """The row's stable key: its reference, else the file's name, the line and the row's content."""
    reference = kind.reference(value)
    material = f"ref\0{reference}" if reference is not None else f"row\0{source}\0{row.line}\0{row.raw}"
    return hashlib.sha256(material.encode()).hexdigest()


async def run_import(
    services: Services,
    principal: Principal,
    kind: ImportKind,
    open_rows: RowSource,
    *,
    source: str,
    dry_run: bool = False,
    progress: Progress | None = None,
    batch_rows: int = BATCH_ROWS,
    stop: Callable[[], bool] | None = None,
) -> Summary:
    """Check every row, then (unless ``dry_run``) apply the new ones. Raises ``ImportInvalid``, or
    ``ImportStopped`` when ``stop()`` turns true (checked after each committed batch)."""
    principal.require_admin()
    tenant = await tenant_of(services, principal)
    ctx = Context(tenant=tenant, now=services.now())
    errors: list[RowError] = []
    bad = rows = 0
    in_order = _InOrder(kind)
    with open_rows() as items:
        for item in items:
            checked = in_order.check(_check(kind, item, ctx))
            if isinstance(checked, RowError):
                bad += 1
                if len(errors) < MAX_ERRORS:
                    errors.append(checked)
            else:
                rows += 1
    if bad:
        raise ImportInvalid(errors, bad)
    if stop is not None and stop():
        raise ImportStopped(Summary(rows=rows, imported=0, skipped=0, dry_run=dry_run))
    if progress is not None:
        progress.start(rows)
    summary = Summary(rows=rows, imported=0, skipped=0, dry_run=dry_run)
    batch: list[tuple[str, Any]] = []

    async def flush() -> None:
        if dry_run:
            done = await _count_new(services, tenant.id, kind, batch)
        else:
            done = await _apply_batch(services, principal, kind, batch)
        summary.imported += done
        summary.skipped += len(batch) - done
        if progress is not None:
            progress.advance(len(batch))
        batch.clear()

    with open_rows() as items:
        for item in items:
            checked = _check(kind, item, ctx)
            assert not isinstance(checked, RowError)  # the file was checked whole above
            row, value = checked
            batch.append((row_key(kind, source, row, value), value))
            if len(batch) >= batch_rows:
                await flush()
                if stop is not None and stop():
                    raise ImportStopped(summary)
    if batch:
        await flush()
    return summary


async def _apply_batch(
    services: Services, principal: Principal, kind: ImportKind, batch: list[tuple[str, Any]]
) -> int:
    async def work(tx: Tx) -> int:
        keys = [key for key, _ in batch]
        new = await tx.store.import_keys.claim(tenant_id=tx.tenant.id, kind=kind.name, keys=keys, now=tx.now)
        fresh = []
        for key, value in batch:
            if key in new:
                new.discard(key)  # a key twice in one batch: the first row only
                fresh.append(value)
        await kind.apply(tx, fresh)
        return len(fresh)

    count: list[int] = []

    async def counted(tx: Tx) -> None:
        count.append(await work(tx))

    await run_write(services, principal, counted, lambda _: Encoded(200, b"", "text/plain"))
    return count[0]


async def _count_new(
    services: Services, tenant_id: int, kind: ImportKind, batch: list[tuple[str, Any]]
) -> int:
    keys = list(dict.fromkeys(key for key, _ in batch))
    async with services.stores.read() as store:
        known = await store.import_keys.known(tenant_id=tenant_id, kind=kind.name, keys=keys)
    return len(keys) - len(known)
