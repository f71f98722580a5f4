"""Tenants, their settings and configuration kinds, config as code, credentials and staff."""
