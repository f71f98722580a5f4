"""Storage of users: its tables and repositories."""
