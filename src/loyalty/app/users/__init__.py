"""Users, user groups, the member list, exports and the signed-in member's own reads."""
