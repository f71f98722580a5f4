"""Use cases: one handler per command, owning its transaction; read models end in ``View``."""
