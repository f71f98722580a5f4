"""One challenge, two faces: a Lynes event and an Audience action advance the same progress."""

from __future__ import annotations

from tests.support import TenantHandle


async def test_lynes_event_and_audience_action_advance_the_same_challenge(tenant: TenantHandle) -> None:
    event = {
        "eventId": "ride",
        "title": "Ride",
        "status": "ACTIVE",
        "type": "FIXED",
        "reward": {"default": 10},
    }
    assert (await tenant.put("events", "ride", event)).status_code == 200
    challenge = {"challengeId": "two-rides", "title": "Two rides", "eventId": "ride", "goal": 2, "points": 15}
    assert (await tenant.put("challenges", "two-rides", challenge)).status_code == 200
    await tenant.create_user("u1")
    headers = tenant.user("u1")

    lynes_event = await tenant.client.post(
        "/v1/event", json={"eventId": "ride", "userId": "u1", "metadata": {}}, headers=headers
    )
    assert lynes_event.status_code == 200, lynes_event.text
    halfway = await tenant.client.get("/v1/user/u1/challenge/two-rides", headers=headers)
    assert (halfway.json()["progress"], halfway.json()["completed"]) == (1, False)

    action = await tenant.client.post(
        "/api/loyalty/action", json={"action": "ride", "data": {}}, headers=headers
    )
    assert action.status_code in (200, 204), action.text
    done = await tenant.client.get("/v1/user/u1/challenge/two-rides", headers=headers)
    assert (done.json()["progress"], done.json()["completed"]) == (2, True)

    profile = await tenant.client.get("/api/loyalty/profile", headers=headers)
    assert profile.json()["data"]["challenges"]["two-rides"] == {"isCompleted": True, "missionsCompleted": []}
    points = await tenant.client.get("/v1/user/u1/points", headers=headers)
    assert points.json()["points"] == 10 + 10 + 15
