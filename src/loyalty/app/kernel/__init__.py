"""What every use case stands on: the unit of work, the principal, texts, telemetry, validation."""
