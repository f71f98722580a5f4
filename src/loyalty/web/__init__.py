"""The dashboard: server-rendered pages at ``/dashboard`` over the same app use cases as the API."""
