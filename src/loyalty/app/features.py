"""Imports every feature module once, so each registers its config kinds.

One aliased import line per feature (aliases keep the lines separate, so merges stay trivial).
"""

from __future__ import annotations

from loyalty.app import campaigns as _campaigns  # noqa: F401
from loyalty.app import catalog as _catalog  # noqa: F401  (offers = redeem options)
from loyalty.app import challenges as _challenges  # noqa: F401  (challenges, metrics, inventory)
from loyalty.app import events as _events  # noqa: F401
from loyalty.app import leaderboards as _leaderboards  # noqa: F401
from loyalty.app import milestones as _milestones  # noqa: F401
from loyalty.app import referrals as _referrals  # noqa: F401
from loyalty.app import stats as _stats  # noqa: F401
from loyalty.app import streaks as _streaks  # noqa: F401
from loyalty.app import surveys as _surveys  # noqa: F401
from loyalty.app import usergroups as _usergroups  # noqa: F401
from loyalty.app import webhooks as _webhooks  # noqa: F401


def load() -> None:
    """Called by the app factory and the CLI; importing this module did the registering."""
