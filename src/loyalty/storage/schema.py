"""Imports every table module so ``metadata`` is complete (Alembic and the checks use this).

A feature with tables of its own adds ``storage/<feature>/<name>_tables.py`` and one import line here.
"""

from __future__ import annotations

from loyalty.storage.events import event_tables as _events  # noqa: F401
from loyalty.storage.gamification import gamification_tables as _gamification  # noqa: F401
from loyalty.storage.gamification import progress_tables as _progress  # noqa: F401
from loyalty.storage.imports import import_tables as _imports  # noqa: F401
from loyalty.storage.ledger import ledger_tables  # noqa: F401 (the expiry sweep's index)
from loyalty.storage.ledger import ledger_tables as _ledger  # noqa: F401
from loyalty.storage.messaging import engagement_tables as _engagement  # noqa: F401
from loyalty.storage.messaging import ops_tables as _ops  # noqa: F401
from loyalty.storage.offers import coupon_tables as _coupons  # noqa: F401
from loyalty.storage.offers import offer_tables as _offers  # noqa: F401
from loyalty.storage.promotions import campaign_tables as _campaigns  # noqa: F401
from loyalty.storage.promotions import lifecycle_tables as _lifecycle  # noqa: F401
from loyalty.storage.promotions import referral_tables as _referrals  # noqa: F401
from loyalty.storage.stats import stats_tables as _stats  # noqa: F401
from loyalty.storage.surveys import survey_tables as _surveys  # noqa: F401
from loyalty.storage.tables import metadata
from loyalty.storage.tenancy import staff_tables as _staff  # noqa: F401

__all__ = ["metadata"]
