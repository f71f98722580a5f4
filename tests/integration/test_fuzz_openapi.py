"""Property-based fuzzing of every operation in the app's own OpenAPI document (docs/reliability.md).

Schemathesis generates requests (valid ones and, in negative mode, ones that break the schema) for
each operation; they are sent with the tenant's admin API key to the in-process app, and every
response is checked: never a 5xx, and a response whose status the document declares matches the
declared schema. Generation is derandomized and bounded so the run is the same each time and short;
``LOYALTY_FUZZ_EXAMPLES`` raises the number of examples per operation for a longer run.
"""

from __future__ import annotations

import asyncio
import os
import re
import time
from collections.abc import Coroutine
from typing import Any, TypeVar

import httpx
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.support import TenantHandle

T = TypeVar("T")

EXAMPLES = int(os.environ.get("LOYALTY_FUZZ_EXAMPLES", "8"))
ADMIN_KIND_EXAMPLES = max(2, EXAMPLES // 4)
"""The generic admin route is documented once per kind (``putAdminEvent``, ``getAdminOffer`` …): the
same handler each time, so fewer cases per kind still check every kind's body and answer schema."""
ADMIN_KIND_OPERATION = re.compile(r"^(list|get|put|delete)Admin[A-Z]")
CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance, content_type_conformance]


async def test_fuzz_every_operation_with_admin_credentials(tenant: TenantHandle) -> None:
    document = (await tenant.client.get("/openapi.json")).json()
    schema = schemathesis.openapi.from_dict(document)
    operations = [result.ok() for result in schema.get_all_operations()]
    loop = asyncio.get_running_loop()
    await tenant.create_user("u1")
    failures: list[str] = []
    sent = 0

    def on_loop(coroutine: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, loop).result()

    def fuzz(operation: Any, mode: GenerationMode) -> None:
        strategy = operation.as_strategy(
            generation_mode=mode,
            path_parameters={"tenant": tenant.name} if "{tenant}" in operation.path else None,
        )

        @settings(
            max_examples=ADMIN_KIND_EXAMPLES
            if ADMIN_KIND_OPERATION.match(operation.definition.raw.get("operationId", ""))
            else EXAMPLES,
            derandomize=True,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
            phases=[Phase.explicit, Phase.reuse, Phase.generate],
        )
        @given(case=strategy, data=st.data())
        def run(case: Any, data: Any) -> None:
            nonlocal sent
            kwargs = case.as_transport_kwargs(base_url="http://testserver")
            headers = {**(kwargs.get("headers") or {}), **tenant.admin}
            headers.pop("Authorization", None)
            sent += 1
            try:
                response: httpx.Response = on_loop(
                    tenant.client.request(
                        kwargs["method"],
                        kwargs["url"],
                        params=kwargs.get("params"),
                        headers=headers,
                        content=_content(kwargs),
                    )
                )
            except Exception as crash:  # an unhandled error is a 500 to a client
                failures.append(f"{case.method} {case.formatted_path} crashed: {crash!r}"[:300])
                return
            try:
                case.validate_response(response, checks=CHECKS)
            except Exception as failure:  # every failure is collected, the run goes on
                failures.append(
                    f"{case.method} {case.formatted_path} -> {response.status_code} {response.text[:200]}: "
                    f"{str(failure).splitlines()[0] if str(failure) else type(failure).__name__}"
                )

        run()

    started = time.monotonic()
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            await asyncio.to_thread(fuzz, operation, mode)
    elapsed = time.monotonic() - started
    print(f"fuzzed {len(operations)} operations with {sent} requests in {elapsed:.1f}s")
    assert len(operations) >= 40
    assert failures == [], "\n".join(failures[:40])


def _content(kwargs: dict[str, Any]) -> bytes | None:
    if "json" in kwargs:
        import json

        return json.dumps(kwargs["json"]).encode()
    data = kwargs.get("content", kwargs.get("data"))
    if isinstance(data, str):
        return data.encode()
    return data  # type: ignore[no-any-return]
