"""The Emporix face against the vendor's own published OpenAPI document (docs/emporix.md).

``../shared/vendor/emporix-reward-points.openapi.yml`` (beside the repository; CI has it there) is
the contract the vendor's clients are written against. Schemathesis drives every operation of it
against our face, on seeded data (a customer with points, a redeem option with the id of the
vendor's own redeem example), with valid requests and with requests that break the schema, and
checks every answer: never a server error, the content type the vendor documents, and a body that
matches the vendor's schema for its status. Any violation fails the test. Generation is
derandomized and bounded (a few hundred requests), so the run is the same each time and short.
"""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar

import httpx
import schemathesis
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from tests.support import TenantHandle

T = TypeVar("T")

VENDOR_DIR = Path(
    os.environ.get("LOYALTY_VENDOR_DIR") or Path(__file__).resolve().parents[2] / ".." / "shared" / "vendor"
)
DOCUMENT = VENDOR_DIR / "emporix-reward-points.openapi.yml"
EXAMPLES = 6
"""Per operation and mode: 14 operations x 2 modes x 6, plus the document's own examples."""
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]
CUSTOMER = "C4289081720"
"""The customer of the vendor's "New entry example"."""
OPTION = "575937654bf757001d8496c9"
"""The redeem option id of the vendor's "Redeem points" example."""
OPEN_ACCOUNT = "POST /reward-points/customer/{customerId}"
SCOPES = "rewardspoints.rewardpoints_manage rewardspoints.rewardpoints_view"


async def seed(tenant: TenantHandle, headers: dict[str, str]) -> None:
    r = await tenant.client.post(
        f"/reward-points/customer/{CUSTOMER}/addPoints", json={"points": 1_000_000}, headers=headers
    )
    assert r.status_code == 201, r.text
    option = {"id": OPTION, "type": "coupon", "name": "10 Euro Gutschein", "points": 1}
    r = await tenant.client.post(f"/reward-points/{tenant.name}/redeemOptions", json=option, headers=headers)
    assert r.status_code == 200, r.text


def closed(document: Any) -> Any:
    """The document with ``additionalProperties: false`` on every object schema, for generating
    requests only: the vendor's schemas leave objects open, so generated bodies would mostly carry
    unknown keys, which this face refuses (docs/emporix.md). Answers are checked against the
    document as published."""
    if isinstance(document, list):
        return [closed(item) for item in document]
    if not isinstance(document, dict):
        return document
    copy = {key: closed(value) for key, value in document.items()}
    if isinstance(copy.get("properties"), dict) and "additionalProperties" not in copy:
        copy["additionalProperties"] = False
    return copy


async def test_every_operation_of_the_vendor_document(tenant: TenantHandle) -> None:
    assert DOCUMENT.is_file(), f"the vendor document is expected at {DOCUMENT} (../shared/vendor)"
    document = yaml.safe_load(DOCUMENT.read_text(encoding="utf-8"))
    published = {op.label: op for op in _operations(schemathesis.openapi.from_dict(document))}
    generating = _operations(schemathesis.openapi.from_dict(closed(document)))
    # A signed-in customer who is also an employee: every operation of the document is allowed.
    headers = tenant.user(CUSTOMER, SCOPES)
    await seed(tenant, headers)
    fixed = {"tenant": tenant.name, "customerId": CUSTOMER, "redeemOptionId": OPTION}
    loop = asyncio.get_running_loop()
    failures: list[str] = []
    succeeded: set[str] = set()
    sent = 0

    def on_loop(coroutine: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, loop).result()

    def send(case: Any) -> None:
        nonlocal sent
        kwargs = case.as_transport_kwargs(base_url="http://testserver")
        content = _content(kwargs)
        sent += 1
        try:
            response: httpx.Response = on_loop(
                tenant.client.request(
                    kwargs["method"],
                    kwargs["url"],
                    params=kwargs.get("params"),
                    headers={**(kwargs.get("headers") or {}), **headers},
                    content=content,
                )
            )
        except Exception as crash:  # an unhandled error is a 500 to a client
            failures.append(f"{case.method} {case.formatted_path} crashed: {crash!r}"[:300])
            return
        if response.status_code < 300:
            succeeded.add(case.operation.label)
        as_published = published[case.operation.label].Case(
            method=case.method,
            path_parameters=case.path_parameters,
            headers=case.headers,
            query=case.query,
            body=case.body,
            media_type=case.media_type,
        )
        try:
            as_published.validate_response(response, checks=CHECKS)
        except BaseExceptionGroup as failure:  # every failure is collected, the run goes on
            found = " / ".join(line.strip() for line in str(failure).splitlines()[2:5] if line.strip())
            failures.append(
                f"{case.method} {case.formatted_path} {content!r:.200} -> {response.status_code} "
                f"{response.headers.get('content-type')} {response.text[:300]}: {found}"
            )

    def drive(strategy: Any, examples: int) -> None:
        @settings(
            max_examples=examples,
            derandomize=True,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
            phases=[Phase.generate],
        )
        @given(case=strategy)
        def run(case: Any) -> None:
            send(case)

        run()

    for operation in generating:
        names = {p.name for p in operation.path_parameters}
        if operation.label == OPEN_ACCOUNT:
            names.discard("customerId")  # the seeded customer has an account: new ones get 200
        path_parameters = {k: v for k, v in fixed.items() if k in names} or None
        for example in operation.get_strategies_from_examples(path_parameters=path_parameters):
            await asyncio.to_thread(drive, example, 1)  # the vendor's own request examples
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            strategy = operation.as_strategy(generation_mode=mode, path_parameters=path_parameters)
            try:
                await asyncio.to_thread(drive, strategy, EXAMPLES)
            except Unsatisfiable:
                # Nothing to break in an operation without a body or free parameters.
                assert mode is GenerationMode.NEGATIVE, operation.label
    print(f"drove {len(generating)} vendor operations with {sent} requests")
    assert failures == [], "\n".join(failures[:40])
    assert len(generating) == 14
    # Every operation answered with success at least once: the checks saw real bodies, not only errors.
    assert succeeded == set(published)
    assert sent <= 400


def _operations(schema: Any) -> list[Any]:
    """Deletes last and the option update just before them, so the seed serves the others."""
    operations = [result.ok() for result in schema.get_all_operations()]
    return sorted(operations, key=lambda op: {"DELETE": 2, "PUT": 1}.get(op.method.upper(), 0))


def _content(kwargs: dict[str, Any]) -> bytes | None:
    if "json" in kwargs:
        return json.dumps(kwargs["json"]).encode()
    data = kwargs.get("content", kwargs.get("data"))
    if isinstance(data, str):
        return data.encode()
    return data  # type: ignore[no-any-return]
