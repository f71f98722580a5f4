"""Seed 003 "Redeem Options Management": the catalog (one with the Lynes offers) under ``{tenant}``."""

from __future__ import annotations

from loyalty.api.dialects.emporix import schemas
from loyalty.api.routing import Call, Endpoint, Reply
from loyalty.app.offers import catalog
from loyalty.core.errors import invalid

TAGS = ("Emporix: redeem options",)


async def create_option(call: Call) -> Reply:
    assert call.tx is not None
    fields, _ = schemas.offer_fields(call.body)
    created = await catalog.create_offer(call.tx, fields)
    return Reply([schemas.redeem_option(created)])


async def list_options(call: Call) -> Reply:
    views = await catalog.list_offers(call.services, call.principal)
    return Reply([schemas.redeem_option(v) for v in views])


async def update_option(call: Call) -> Reply:
    assert call.tx is not None
    option_id = call.params["redeemOptionId"]
    fields, version = schemas.offer_fields(call.body)
    if fields.pop("offerId", option_id) != option_id:
        raise invalid("id", "'id' must match the redeem option in the path")
    updated = await catalog.update_offer(call.tx, option_id, fields, version)
    return Reply(schemas.redeem_option(updated))


async def delete_option(call: Call) -> Reply:
    assert call.tx is not None
    await catalog.delete_offer(call.tx, call.params["redeemOptionId"])
    return Reply(status=204)


ENDPOINTS = [
    Endpoint(
        "POST",
        "/{tenant}/redeemOptions",
        create_option,
        "Create a redeem option (manage scope); answers it in a list",
        body=schemas.RedeemOptionBody,
        write=True,
        responses={200: list[schemas.RedeemOption]},
        tags=TAGS,
        operation_id="createRedeemOption",
    ),
    Endpoint(
        "GET",
        "/{tenant}/redeemOptions",
        list_options,
        "List the redeem options (any credential of the tenant)",
        responses={200: list[schemas.RedeemOption]},
        tags=TAGS,
        operation_id="listRedeemOptions",
    ),
    Endpoint(
        "PUT",
        "/{tenant}/redeemOptions/{redeemOptionId}",
        update_option,
        "Update a redeem option (manage scope); 409 when metadata.version is stale",
        body=schemas.RedeemOptionBody,
        write=True,
        responses={200: schemas.RedeemOption},
        tags=TAGS,
        operation_id="updateRedeemOption",
    ),
    Endpoint(
        "DELETE",
        "/{tenant}/redeemOptions/{redeemOptionId}",
        delete_option,
        "Delete a redeem option (manage scope)",
        write=True,
        responses={204: None},
        tags=TAGS,
        operation_id="deleteRedeemOption",
    ),
]
