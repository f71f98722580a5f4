"""Storage of stats: its tables and repositories."""
