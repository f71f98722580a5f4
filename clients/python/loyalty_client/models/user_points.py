from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UserPoints")


@_attrs_define
class UserPoints:
    """
    Attributes:
        user_id (str):
        points (int):
        user_exists (bool):
        pending_points (int | Unset):  Default: 0.
    """

    user_id: str
    points: int
    user_exists: bool
    pending_points: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        points = self.points

        user_exists = self.user_exists

        pending_points = self.pending_points

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "userId": user_id,
                "points": points,
                "userExists": user_exists,
            }
        )
        if pending_points is not UNSET:
            field_dict["pendingPoints"] = pending_points

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_id = d.pop("userId")

        points = d.pop("points")

        user_exists = d.pop("userExists")

        pending_points = d.pop("pendingPoints", UNSET)

        user_points = cls(
            user_id=user_id,
            points=points,
            user_exists=user_exists,
            pending_points=pending_points,
        )

        user_points.additional_properties = d
        return user_points

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
