"""Storage of offers: its tables and repositories."""
