"""Seed 003 "Reward Points Management": an employee's view of any customer's points."""

from __future__ import annotations

from msgspec import UNSET

from loyalty.api.dialects.emporix import schemas
from loyalty.api.request_checks import query_int
from loyalty.api.routing import Call, Endpoint, Query, Reply
from loyalty.app.kernel.validation import MAX_SAFE_INTEGER
from loyalty.app.ledger import points
from loyalty.app.users.users import check_user_id
from loyalty.core.errors import invalid

TAGS = ("Emporix: reward points",)
SITE_QUERY = {"siteCode": "Site code, defined when a site is created (default main)"}


def _customer_id(call: Call) -> str:
    return check_user_id(call.params.get("customerId"), "customerId")


def _site_code(call: Call) -> str:
    site = call.query.get("siteCode") or "main"
    if len(site) > 100:
        raise invalid("siteCode", "'siteCode' must be at most 100 characters")
    return str(site)


def _int_query(call: Call, name: str, default: int) -> int:
    return query_int(call.query.get(name), name, default, low=-MAX_SAFE_INTEGER, high=MAX_SAFE_INTEGER)


async def summary_batch(call: Call) -> Reply:
    views = await points.summaries_page(
        call.services,
        call.principal,
        page=_int_query(call, "pageNumber", 1),
        size=_int_query(call, "pageSize", points.MAX_PAGE),
    )
    return Reply([schemas.summary(v) for v in views])


async def get_points(call: Call) -> Reply:
    value = await points.points_of(call.services, call.principal, _customer_id(call))
    return Reply(str(value).encode(), raw=True)


async def create_customer(call: Call) -> Reply:
    assert call.tx is not None
    customer_id = _customer_id(call)
    body: schemas.NewCustomer | None = call.body
    if body is not None and isinstance(body.customerId, str) and body.customerId != customer_id:
        raise invalid("customerId", "'customerId' must match the customer in the path")
    start = None
    if body is not None and isinstance(body.startPoints, schemas.AddedPoints):
        start = schemas.new_points(body.startPoints, site_code=_site_code(call), field="startPoints.")
    view = await points.open_account(call.tx, customer_id, start)
    return Reply(schemas.summary(view))


async def delete_customer(call: Call) -> Reply:
    assert call.tx is not None
    await points.close_account(call.tx, _customer_id(call))
    return Reply(b"", raw=True)


async def get_summary(call: Call) -> Reply:
    return Reply(schemas.summary(await points.summary_of(call.services, call.principal, _customer_id(call))))


async def add_points(call: Call) -> Reply:
    assert call.tx is not None
    new = schemas.new_points(call.body, site_code=_site_code(call))
    view = await points.add_points(call.tx, _customer_id(call), new)
    return Reply(schemas.entry(view), status=201)


async def redeem_points(call: Call) -> Reply:
    assert call.tx is not None
    body: schemas.RedeemedPoints = call.body
    schemas.check_redeemed(body)
    view = await points.redeem_points(
        call.tx,
        _customer_id(call),
        body.points,
        description=None if body.description is UNSET else body.description,
        entry_key=None if body.id is UNSET else body.id,
    )
    return Reply(schemas.redeemed_entry(view), status=201)


ENDPOINTS = [
    Endpoint(
        "GET",
        "/summaryBatch",
        summary_batch,
        "Summaries of all customers (view scope), pageNumber/pageSize pages",
        responses={200: list[schemas.CustomerSummary]},
        query={
            "pageNumber": Query("1-based page (default 1)", int),
            "pageSize": Query("customers per page (1-1000, default 1000)", int),
        },
        tags=TAGS,
        operation_id="listRewardSummaries",
    ),
    Endpoint(
        "GET",
        "/customer/{customerId}",
        get_points,
        "A customer's active points as a bare integer (view scope)",
        responses={200: int},
        tags=TAGS,
        operation_id="getCustomerRewardPoints",
    ),
    Endpoint(
        "POST",
        "/customer/{customerId}",
        create_customer,
        "Open a customer's points account with optional startPoints (manage scope); 409 if it exists",
        body=schemas.NewCustomer,
        body_optional=True,
        write=True,
        responses={200: schemas.CustomerSummary},
        query=SITE_QUERY,
        tags=TAGS,
        operation_id="createRewardCustomer",
    ),
    Endpoint(
        "DELETE",
        "/customer/{customerId}",
        delete_customer,
        "Delete a customer's points and data (manage scope)",
        write=True,
        responses={200: None},
        tags=TAGS,
        operation_id="deleteRewardCustomer",
    ),
    Endpoint(
        "GET",
        "/customer/{customerId}/summary",
        get_summary,
        "A customer's points summary (view scope)",
        responses={200: schemas.CustomerSummary},
        tags=TAGS,
        operation_id="getCustomerRewardSummary",
    ),
    Endpoint(
        "POST",
        "/customer/{customerId}/addPoints",
        add_points,
        "Add points to a customer (manage scope); honours validUntil, reference-id, siteCode",
        body=schemas.AddedPoints,
        write=True,
        responses={201: schemas.PointsEntry},
        query=SITE_QUERY,
        tags=TAGS,
        operation_id="addPoints",
    ),
    Endpoint(
        "POST",
        "/customer/{customerId}/redeemPoints",
        redeem_points,
        "Redeem a customer's points without a coupon (manage scope)",
        body=schemas.RedeemedPoints,
        write=True,
        responses={201: schemas.RedeemedEntry},
        tags=TAGS,
        operation_id="redeemPoints",
    ),
]
