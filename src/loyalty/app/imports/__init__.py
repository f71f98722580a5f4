"""Importing an earlier system's members, balances and event history (CSV or JSON Lines),
validated first, idempotent, streamed and resumable. Each kind of row is an ``ImportKind``
(``kinds``, ``event_kind``), listed in ``catalog``; the runner in ``runner`` is the same for all."""
