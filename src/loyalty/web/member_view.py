"""Everything the member page shows, each part read through the use case the API serves it with:
balances and the ledger (with FIFO use), history, coupons (with their state, and the offers a
support agent may grant), challenges with progress, streaks,
tiers and unread notifications."""

from __future__ import annotations

from typing import Any

from loyalty.app.gamification import challenges, streaks
from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.services import Services
from loyalty.app.ledger.ledger_view import UserLedgerView, user_ledger
from loyalty.app.messaging import notifications
from loyalty.app.offers import catalog
from loyalty.app.offers.coupon_care import coupon_state
from loyalty.app.offers.coupons import user_coupons
from loyalty.app.users import members, users

HISTORY_ROWS = 100


def pending_expiry(ledger: UserLedgerView, now: int) -> dict[str, int] | None:
    """The points that expire first: the earliest expiry date of a credit with points left, and
    how many points expire then."""
    due: dict[int, int] = {}
    for line in ledger.lines:
        open_credit = line.metric == "points" and line.amount > 0 and line.remaining > 0
        if open_credit and line.valid_until and line.valid_until > now:
            due[line.valid_until] = due.get(line.valid_until, 0) + line.remaining
    if not due:
        return None
    first = min(due)
    return {"at": first, "points": due[first]}


async def load(services: Services, principal: Principal, user_id: str) -> dict[str, Any]:
    ledger = await user_ledger(services, principal, user_id)
    history = await users.history(services, principal, user_id, ascending=False, show_all=True)
    page = await challenges.list_user_challenges(
        services, principal, user_id, completed=None, limit=challenges.MAX_PAGE, after=None
    )
    now = services.now()
    rows = await user_coupons(services, principal, user_id)
    coupons = [{**row, "state": coupon_state(row, now)} for row in rows]
    grantable = [
        view.offer
        for view in await catalog.list_offers(services, principal)
        if catalog.outside_window(view.offer, now) is None
    ]
    tenant = await services.tenants.by_id(principal.tenant_id)
    languages = tenant.settings.languages if tenant else ["en"]
    return {
        "ledger": ledger,
        "expiry": pending_expiry(ledger, services.now()),
        "history": history[:HISTORY_ROWS],
        "coupons": coupons,
        "grantable_offers": sorted(grantable, key=lambda o: o.offerId or ""),
        "challenges": page.challenges,
        "streaks": await streaks.user_streaks(services, principal, user_id),
        "tiers": await members.tiers_of(services, principal, user_id),
        "notifications": await notifications.unread(services, principal, user_id, languages),
    }
