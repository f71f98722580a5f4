"""Storage of promotions: its tables and repositories."""
