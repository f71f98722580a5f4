"""The README's tour works on what ``./demo`` prepares: the printed credentials log an event, spend
the points on the demo offer and answer the demo survey."""

from __future__ import annotations

import re
from pathlib import Path

import httpx

from loyalty.api.app import create_app
from loyalty.app.tenancy.demo import prepare_demo
from loyalty.settings import Settings
from loyalty.wiring import start

DEMO_PROGRAMME = [
    ("events", "purchase_completed"),
    ("events", "app_login"),
    ("challenges", "three_purchases"),
    ("offers", "coffee"),
    ("surveys", "satisfaction"),
]


async def test_the_demo_tenant_answers_the_readme_tour(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'demo.db'}", delivery_in_process=False)
    runtime = start(settings)
    await runtime.migrate()
    printed = await prepare_demo(runtime.stores, tmp_path, base_url="http://127.0.0.1:8000")
    again = await prepare_demo(runtime.stores, tmp_path, base_url="http://127.0.0.1:8000")
    await runtime.close()
    key = re.search(r"^KEY=(\S+)$", printed, flags=re.MULTILINE)
    token = re.search(r"^TOKEN=([\w.-]+)$", printed, flags=re.MULTILINE)
    assert "autoCreateUsers is off" in printed
    assert "loyalty token demo second-user" in printed
    assert key is not None
    assert token is not None
    assert key.group(1) in again  # the credentials are kept across runs
    user = {"Authorization": f"Bearer {token.group(1)}"}
    app = create_app(settings)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as http,
    ):
        admin = {"X-API-Key": key.group(1)}
        for kind, item in DEMO_PROGRAMME:
            assert (await http.get(f"/v1/admin/{kind}/{item}", headers=admin)).status_code == 200, kind
        event = {"eventId": "purchase_completed", "userId": "demo-user", "metadata": {"amount": 49.99}}
        logged = await http.post("/v1/event", json=event, headers=user)
        assert (logged.status_code, logged.json()["data"]["points"]) == (200, 100)
        redeemed = await http.post("/v1/user/demo-user/offer/coffee/redeem", headers=user)
        assert redeemed.status_code == 200, redeemed.text
        assert redeemed.json()["balance"] == 0
        assert re.fullmatch(r"CAFE-\d{6}", redeemed.json()["coupon"]["metadata"]["code"])
        answer = {"userId": "demo-user", "surveyId": "satisfaction", "responses": ["good"]}
        answered = await http.put("/v1/user/demo-user/survey/satisfaction", json=answer, headers=user)
        assert answered.status_code == 201, answered.text
        points = await http.get("/v1/user/demo-user/points", headers=user)
        assert points.json()["points"] == 10
        # autoCreateUsers is off: a second user is created first, as the demo says.
        second = {"eventId": "app_login", "userId": "second-user"}
        assert (await http.post("/v1/event", json=second, headers=admin)).status_code == 404
        made = await http.post("/v1/user", json={"userId": "second-user"}, headers=admin)
        assert made.status_code == 201, made.text
