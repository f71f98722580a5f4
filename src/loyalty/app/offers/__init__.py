"""The reward catalog, offers, redemption and coupons."""
