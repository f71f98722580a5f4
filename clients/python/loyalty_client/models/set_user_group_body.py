from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="SetUserGroupBody")


@_attrs_define
class SetUserGroupBody:
    """
    Attributes:
        user_id (str):
        usergroup (None | str):
    """

    user_id: str
    usergroup: None | str

    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        usergroup: None | str
        usergroup = self.usergroup

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "userId": user_id,
                "usergroup": usergroup,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_id = d.pop("userId")

        def _parse_usergroup(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        usergroup = _parse_usergroup(d.pop("usergroup"))

        set_user_group_body = cls(
            user_id=user_id,
            usergroup=usergroup,
        )

        return set_user_group_body
