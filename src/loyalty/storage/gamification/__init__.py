"""Storage of gamification: its tables and repositories."""
