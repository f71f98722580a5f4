"""Campaigns, referrals, lifecycle rewards and the bonus credit they share."""
