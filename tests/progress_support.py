"""Logging an activity without the HTTP event endpoint (see ``tests.activity_support``)."""

from __future__ import annotations

from tests.activity_support import in_write, log_activity, service_principal

__all__ = ["in_write", "log_activity", "service_principal"]
