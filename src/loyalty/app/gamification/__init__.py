"""Challenges, inventory, streaks, leaderboards, milestones (tiers) and the transaction history."""
