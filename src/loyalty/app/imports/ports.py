"""What the imports feature reads and writes, as ``storage`` must provide it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class ImportKeys(Protocol):
    """The keys of the rows imported so far, per tenant and kind: what makes a re-run import
    nothing twice."""

    async def claim(self, *, tenant_id: int, kind: str, keys: Sequence[str], now: int) -> set[str]:
        """Record the keys; those that were new (the rows to import now). One statement: of two
        runs claiming the same key, one gets it."""
        ...

    async def known(self, *, tenant_id: int, kind: str, keys: Sequence[str]) -> set[str]:
        """Which of the keys an earlier run imported (for a dry run's count)."""
        ...
