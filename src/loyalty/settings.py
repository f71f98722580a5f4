"""One settings object, read from ``LOYALTY_*`` environment variables once at start."""

from __future__ import annotations

from pathlib import Path

from pydantic import field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LOYALTY_", extra="ignore")

    database_url: str = "sqlite:///./loyalty.db"
    """``sqlite:///path`` (embedded, default) or ``postgresql://user@host/db``."""
    db_pool_size: int = 4
    """Connections per server process; small pools win on few cores."""
    db_timeout_seconds: float = 30.0
    """Longest wait for a pooled connection (and, on PostgreSQL, to connect); past it the request is a 503."""
    migrate_on_start: bool = True
    max_body_bytes: int = 1024 * 1024
    max_import_bytes: int = 1024 * 1024 * 1024
    """Largest body of ``POST /v1/admin/import/…`` (streamed to a temporary file, not held in memory)."""
    max_json_depth: int = 32
    max_json_string_chars: int = 10_000
    """Longest string (or object key) accepted anywhere in a request body."""
    max_json_object_keys: int = 100
    """Most keys in any one JSON object of a request body (event metadata, config maps)."""
    config_cache_seconds: float = 2.0
    """How long a process trusts its cached tenant configuration before re-checking its version."""
    idempotency_ttl_hours: int = 24
    log_level: str = "INFO"
    log_json: bool = True
    """One JSON object per log line (request id, tenant, route, status, duration); plain text when false."""
    redis_url: str | None = None
    """``redis://host:6379/0``: keep rate-limit counters in Redis instead of the database."""

    delivery_in_process: bool = True
    """Deliver webhooks from each server process; set false when ``loyalty worker`` runs instead."""
    delivery_poll_seconds: float = 2.0
    """How often a delivery loop looks for retries that have come due."""
    delivery_batch_size: int = 50
    delivery_timeout_seconds: float = 10.0
    """Per HTTP request to a webhook receiver."""
    delivery_retry_hours: int = 24
    """How long a message is retried (exponential backoff, capped at one hour) before it is failed."""
    delivery_retention_days: int = 30
    """Delivered and failed webhook messages (they hold personal data) are removed after this many
    days; 0 keeps them."""
    sweep_seconds: float = 60.0
    """How often each server process expires credits that are due and credits pending points whose
    window has closed (both exactly once, whatever else runs them); 0 leaves both to ``loyalty
    worker`` and the CLI."""
    lifecycle_poll_seconds: float = 60.0
    """How often ``loyalty worker`` looks for birthdays, anniversaries and expiry reminders that
    are due (docs/lifecycle-rewards.md)."""
    webhook_allowed_destinations: str | None = None
    """Host names (``*.suffix`` too), addresses and networks webhooks may reach although they are
    not public (loopback, private, link-local, metadata …); comma- or space-separated."""
    metrics_enabled: bool = True
    """Serve ``/metrics`` in the Prometheus text format."""

    bootstrap_tenant: str | None = None
    bootstrap_admin_key: str | None = None
    bootstrap_jwt_secret: str | None = None

    dashboard_secret: str | None = None
    """Signs dashboard session cookies; a random one per process when unset."""
    password_hash_time_cost: int = 3
    """argon2id passes over memory for staff passwords (RFC 9106's second recommended choice)."""
    password_hash_memory_kib: int = 65536
    """argon2id memory for staff passwords, in KiB (64 MiB)."""
    dashboard_signin_per_account_per_minute: int = 5
    """Dashboard sign-in attempts per tenant and email in one minute (every attempt counts)."""
    dashboard_signin_per_address_per_minute: int = 30
    """Dashboard sign-in attempts per client address in one minute."""

    @field_validator("webhook_allowed_destinations")
    @classmethod
    def _destinations_readable(cls, value: str | None) -> str | None:
        from loyalty.app.messaging.destinations import DestinationPolicy

        DestinationPolicy.from_setting(value or "")  # a typo stops the start, naming the entry
        return value

    def sqlite_path(self) -> Path | None:
        if not self.database_url.startswith("sqlite"):
            return None
        return Path(self.database_url.split(":///", 1)[1])
