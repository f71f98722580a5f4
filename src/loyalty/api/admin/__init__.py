"""The admin API under ``/v1/admin``: one generic path for every configuration kind."""
