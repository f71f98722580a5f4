"""Storage every feature shares: idempotency keys, rate-limit counters, history entries."""
