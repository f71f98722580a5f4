"""The HTTP app: three wire dialects and the admin API over the one ``app`` layer."""
