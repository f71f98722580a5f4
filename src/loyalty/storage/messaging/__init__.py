"""Storage of messaging: its tables and repositories."""
