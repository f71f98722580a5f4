"""Panels above the editor of a stored offer, survey or webhook: what the item did, read through
the same app use cases as the admin API (``GET /v1/admin/offers/{id}/codes``,
``GET /v1/admin/surveys/{id}/results`` and ``GET /v1/admin/webhooks/{id}/deliveries``)."""

from __future__ import annotations

from typing import Any

from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.services import Services
from loyalty.app.messaging import webhooks
from loyalty.app.offers import offers
from loyalty.app.surveys import surveys
from loyalty.web import charts, extensions


def option_label(option: surveys.OptionCountView) -> str:
    label = next(iter(option.label.values()), None) if option.label else None
    return f"{label} ({option.option_id})" if label else option.option_id


async def survey_results(
    services: Services, principal: Principal, survey_id: str, item: dict[str, Any]
) -> dict[str, Any]:
    results = await surveys.results(services, principal, survey_id)
    points = [(option_label(o), float(o.count)) for o in results.options]
    return {
        "results": results,
        "chart": charts.hbar_chart(points, title=f"Answers per option of {survey_id}"),
    }


async def offer_pool(
    services: Services, principal: Principal, offer_id: str, item: dict[str, Any]
) -> dict[str, Any]:
    template = item.get("couponTemplate") or {}
    if not template.get("codePool"):
        return {"pool": None}
    state = await offers.pool_state(services, principal, offer_id)
    return {"pool": state, "claimed": state.total - state.available}


LATEST_DELIVERIES = 20


async def webhook_deliveries(
    services: Services, principal: Principal, webhook_id: str, item: dict[str, Any]
) -> dict[str, Any]:
    rows = await webhooks.list_deliveries(
        services, principal, webhook_id, status=None, limit=LATEST_DELIVERIES, last_attempt=True
    )
    return {"deliveries": rows, "limit": LATEST_DELIVERIES}


PANELS: tuple[tuple[str, str, extensions.KindPanelLoader], ...] = (
    ("surveys", "kinds/survey_results.html", survey_results),
    ("offers", "kinds/offer_pool.html", offer_pool),
    ("webhooks", "kinds/webhook_deliveries.html", webhook_deliveries),
)
"""Kind, template and loader of each panel the dashboard ships with."""


def register() -> None:
    """Called at start-up by the app factory (``api/app.py``), next to ``features.load()``."""
    for kind, template, loader in PANELS:
        extensions.register_kind_panel(kind, template, loader)
