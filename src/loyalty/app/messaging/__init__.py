"""Notifications, the webhook outbox, webhooks and their delivery."""
