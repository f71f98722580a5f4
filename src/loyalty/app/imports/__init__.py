"""Importing an earlier system's members and balances (CSV or JSON Lines), validated first,
idempotent, streamed and resumable. Each kind of row is an ``ImportKind`` in ``kinds``; the
runner in ``runner`` is the same for all of them."""
