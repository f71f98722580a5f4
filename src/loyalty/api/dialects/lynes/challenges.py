"""Seed 000 challenge endpoints: a user's challenges (paginated) and one challenge."""

from __future__ import annotations

import msgspec

from loyalty.api.dialects.lynes.users import parse_bool
from loyalty.api.gamification_shapes import challenge_data
from loyalty.api.routing import Call, Endpoint, Query, Reply
from loyalty.app.gamification import challenges
from loyalty.app.kernel.validation import is_whole
from loyalty.app.users.users import check_user_id
from loyalty.core.errors import invalid

TAGS = ("Lynes: challenges",)


class UserChallenge(msgspec.Struct):
    challengeId: str
    status: str
    goal: int
    points: int
    title: dict[str, str] | None
    type: str
    progress: int
    completed: bool
    completedDate: int | None
    seriesId: str | None
    isLastStep: bool


class UserChallengeList(msgspec.Struct):
    challenges: list[UserChallenge]
    lastEvaluatedKey: str | None


def parse_limit(value: str | None) -> int:
    if value is None or value == "":
        return challenges.DEFAULT_PAGE
    if not is_whole(value):
        raise invalid("limit", "'limit' must be a whole number")
    return int(value)


async def list_challenges(call: Call) -> Reply:
    user_id = check_user_id(call.params.get("userId"))
    completed_raw = call.query.get("completed")
    completed = None if completed_raw in (None, "") else parse_bool(completed_raw, "completed", False)
    page = await challenges.list_user_challenges(
        call.services,
        call.principal,
        user_id,
        completed=completed,
        limit=parse_limit(call.query.get("limit")),
        after=call.query.get("lastEvaluatedKey") or None,
    )
    return Reply(
        {
            "challenges": [challenge_data(view) for view in page.challenges],
            "lastEvaluatedKey": page.last_evaluated_key,
        }
    )


async def get_challenge(call: Call) -> Reply:
    user_id = check_user_id(call.params.get("userId"))
    challenge_id = call.params["challengeId"]
    view = await challenges.get_user_challenge(call.services, call.principal, user_id, challenge_id)
    return Reply(challenge_data(view))


ENDPOINTS = [
    Endpoint(
        "GET",
        "/v1/user/{userId}/challenge",
        list_challenges,
        "Get a user's challenges with progress",
        responses={200: UserChallengeList},
        query={
            "completed": Query("true: completed only, false: open only, omitted: all", bool),
            "limit": Query(
                f"page size (default {challenges.DEFAULT_PAGE}, at most {challenges.MAX_PAGE})", int
            ),
            "lastEvaluatedKey": "the previous page's lastEvaluatedKey, to get the next page",
        },
        tags=TAGS,
        operation_id="listUserChallenges",
    ),
    Endpoint(
        "GET",
        "/v1/user/{userId}/challenge/{challengeId}",
        get_challenge,
        "Get one of a user's challenges with progress",
        responses={200: UserChallenge},
        tags=TAGS,
        operation_id="getUserChallenge",
    ),
]
