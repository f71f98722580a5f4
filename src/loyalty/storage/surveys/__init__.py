"""Storage of surveys: its tables and repositories."""
