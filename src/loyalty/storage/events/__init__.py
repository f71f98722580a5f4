"""Storage of events: its tables and repositories."""
