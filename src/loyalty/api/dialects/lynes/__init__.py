"""The Lynes-style "User & Loyalty" and "Events & Analytics" face under ``/v0`` … ``/v3``."""

from __future__ import annotations

from loyalty.api.dialects.lynes import challenges as _challenges
from loyalty.api.dialects.lynes import events as _events
from loyalty.api.dialects.lynes import leaderboards as _leaderboards
from loyalty.api.dialects.lynes import offers as _offers
from loyalty.api.dialects.lynes import referrals as _referrals
from loyalty.api.dialects.lynes import stats as _stats
from loyalty.api.dialects.lynes import streaks as _streaks
from loyalty.api.dialects.lynes import surveys as _surveys
from loyalty.api.dialects.lynes import usergroups as _usergroups
from loyalty.api.dialects.lynes import users as _users
from loyalty.api.dialects.lynes.errors import LynesError, render_error
from loyalty.api.routing import Dialect, Endpoint

DIALECT = Dialect(name="lynes", render_error=render_error, error_shape=LynesError)
PREFIX = ""  # paths carry their own /v1; /v0, /v2 and /v3 are rewritten to /v1 before routing

# One line per module; routing order is the order here.
ENDPOINTS: list[Endpoint] = [
    *_users.ENDPOINTS,
    *_events.ENDPOINTS,
    *_challenges.ENDPOINTS,
    *_streaks.ENDPOINTS,
    *_leaderboards.ENDPOINTS,
    *_usergroups.ENDPOINTS,
    *_stats.ENDPOINTS,
    *_surveys.ENDPOINTS,
    *_offers.ENDPOINTS,
    *_referrals.ENDPOINTS,
]
