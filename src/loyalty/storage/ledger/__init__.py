"""Storage of ledger: its tables and repositories."""
