"""Loyalty: a self-hosted loyalty and gamification engine."""

__version__ = "0.1.0"
