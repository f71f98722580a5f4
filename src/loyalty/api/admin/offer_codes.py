"""Code pools of offers: import codes from a shop system (CSV or JSON) and see how many are left."""

from __future__ import annotations

import msgspec

from loyalty.api.routing import Call, Endpoint, Reply
from loyalty.app.offers import offers

TAGS = ("Admin",)


class PoolReply(msgspec.Struct):
    offerId: str
    total: int
    available: int
    claimed: int


class ImportReply(msgspec.Struct):
    offerId: str
    imported: int
    duplicates: int
    """Codes skipped because the tenant already knows them."""
    total: int
    available: int


async def import_codes(call: Call) -> Reply:
    assert call.tx is not None
    codes = offers.codes_from_body(call.raw, call.request.headers.get("content-type", ""))
    done = await offers.import_codes(call.tx, call.params["offerId"], codes)
    return Reply(
        ImportReply(
            offerId=done.offer_id,
            imported=done.imported,
            duplicates=done.duplicates,
            total=done.total,
            available=done.available,
        ),
        status=201,
    )


async def pool(call: Call) -> Reply:
    state = await offers.pool_state(call.services, call.principal, call.params["offerId"])
    return Reply(
        PoolReply(
            offerId=state.offer_id,
            total=state.total,
            available=state.available,
            claimed=state.total - state.available,
        )
    )


ENDPOINTS = [
    Endpoint(
        "POST",
        "/v1/admin/offers/{offerId}/codes",
        import_codes,
        "Import codes into the offer's pool (admin): text/csv (first column, optional 'code' header), "
        'a JSON list or {"codes": [...]}; codes the tenant already has are skipped',
        write=True,
        content_types=("text/csv", "text/plain"),
        responses={201: ImportReply},
        tags=TAGS,
        operation_id="importOfferCodes",
    ),
    Endpoint(
        "GET",
        "/v1/admin/offers/{offerId}/codes",
        pool,
        "How many codes the offer's pool holds and how many are left (admin)",
        responses={200: PoolReply},
        tags=TAGS,
        operation_id="getOfferCodePool",
    ),
]
