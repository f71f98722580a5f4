"""The ``loyalty`` command."""
