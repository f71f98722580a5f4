"""User group membership: ``POST /v1/usergroup`` (manage scope) and reading a user's group."""

from __future__ import annotations

import msgspec

from loyalty.api.routing import Call, Endpoint, Reply
from loyalty.app.users import usergroups
from loyalty.app.users.users import check_user_id

TAGS = ("Lynes: user groups",)


class SetUserGroupBody(msgspec.Struct, forbid_unknown_fields=True):
    userId: str
    usergroup: str | None
    """A configured group id, or ``default``/null to remove the user from their group."""


class UserGroupMembership(msgspec.Struct):
    userId: str
    usergroup: str


async def set_usergroup(call: Call) -> Reply:
    assert call.tx is not None
    body: SetUserGroupBody = call.body
    user_id = check_user_id(body.userId)
    return Reply(await usergroups.set_usergroup(call.tx, user_id, body.usergroup))


async def get_usergroup(call: Call) -> Reply:
    user_id = check_user_id(call.params.get("userId"))
    return Reply(await usergroups.usergroup_of(call.services, call.principal, user_id))


ENDPOINTS = [
    Endpoint(
        "POST",
        "/v1/usergroup",
        set_usergroup,
        "Put a user in a user group (needs the manage scope: the group changes rewards)",
        body=SetUserGroupBody,
        write=True,
        responses={200: UserGroupMembership},
        tags=TAGS,
        operation_id="setUserGroup",
    ),
    Endpoint(
        "GET",
        "/v1/user/{userId}/usergroup",
        get_usergroup,
        "Get a user's group ('default' when none)",
        responses={200: UserGroupMembership},
        tags=TAGS,
        operation_id="getUserGroup",
    ),
]
