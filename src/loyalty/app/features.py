"""The features of the product, listed once, and what each registers at start-up.

Importing a feature module registers nothing: :func:`load` does, and the server, the worker, the
CLI and the demo call it before serving. A new configuration kind is added to ``CONFIG_KINDS``
here; the admin API, config-as-code and the dashboard then serve it.
"""

from __future__ import annotations

from loyalty.app.events import events
from loyalty.app.gamification import challenge_config, inventory, leaderboards, milestones, streaks
from loyalty.app.ledger import metrics
from loyalty.app.messaging import webhooks
from loyalty.app.offers import catalog
from loyalty.app.promotions import campaigns, referrals
from loyalty.app.surveys import surveys
from loyalty.app.tenancy.config_kinds import ConfigKind, register
from loyalty.app.users import usergroups

CONFIG_KINDS: tuple[ConfigKind, ...] = (
    campaigns.CONFIG_KIND,
    catalog.CONFIG_KIND,  # offers (Lynes offers, Emporix redeem options)
    inventory.CONFIG_KIND,
    metrics.CONFIG_KIND,
    challenge_config.CONFIG_KIND,
    milestones.CONFIG_KIND,
    referrals.CONFIG_KIND,
    streaks.CONFIG_KIND,
    events.CONFIG_KIND,
    leaderboards.CONFIG_KIND,
    surveys.CONFIG_KIND,
    usergroups.CONFIG_KIND,
    webhooks.CONFIG_KIND,
)
"""Every configuration kind, in the order the admin API has always listed them."""


def load() -> None:
    """Registers every feature's configuration kind; calling it again changes nothing."""
    for kind in CONFIG_KINDS:
        register(kind)
