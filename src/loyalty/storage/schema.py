"""Imports every table module so ``metadata`` is complete (Alembic and the checks use this).

A feature with tables of its own adds ``storage/<feature>_tables.py`` and one import line here.
"""

from __future__ import annotations

from loyalty.storage import campaign_tables as _campaigns  # noqa: F401
from loyalty.storage import coupon_tables as _coupons  # noqa: F401
from loyalty.storage import engagement_tables as _engagement  # noqa: F401
from loyalty.storage import event_tables as _events  # noqa: F401
from loyalty.storage import gamification_tables as _gamification  # noqa: F401
from loyalty.storage import import_tables as _imports  # noqa: F401
from loyalty.storage import ledger_tables as _ledger  # noqa: F401
from loyalty.storage import lifecycle_tables as _lifecycle  # noqa: F401
from loyalty.storage import offer_tables as _offers  # noqa: F401
from loyalty.storage import ops_tables as _ops  # noqa: F401
from loyalty.storage import progress_tables as _progress  # noqa: F401
from loyalty.storage import referral_tables as _referrals  # noqa: F401
from loyalty.storage import staff_tables as _staff  # noqa: F401
from loyalty.storage import stats_tables as _stats  # noqa: F401
from loyalty.storage import survey_tables as _surveys  # noqa: F401
from loyalty.storage.tables import metadata

__all__ = ["metadata"]
