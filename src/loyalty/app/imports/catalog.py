"""The kinds of import, by the name the CLI command and the admin endpoint take."""

from __future__ import annotations

from loyalty.app.imports.event_kind import EVENTS
from loyalty.app.imports.kinds import BALANCES, USERS, ImportKind

IMPORT_KINDS: dict[str, ImportKind] = {kind.name: kind for kind in (USERS, BALANCES, EVENTS)}
