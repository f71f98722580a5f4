"""Logging events: the event path (read, decide in core, write once), its store port, the use cases."""
