"""The points ledger and what stands on it: points accounts, adjustments, pending points, metrics."""
