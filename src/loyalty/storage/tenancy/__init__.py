"""Storage of tenancy: its tables and repositories."""
