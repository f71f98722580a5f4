"""Storage of imports: the keys of imported rows."""
