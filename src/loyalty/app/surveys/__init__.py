"""Surveys: the config kind, a user's open surveys and answers, results."""
