from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RedeemedEntry")


@_attrs_define
class RedeemedEntry:
    """``redeemedPoints`` as answered; ``usedPoints``, ``usedWith`` and ``siteCode`` are ours.

    Attributes:
        id (str):
        points (int):
        created_at (str):
        all_points_after_creation (int):
        used_points (int):
        used_with (list[str]):
        description (str | Unset):
        site_code (str | Unset):
    """

    id: str
    points: int
    created_at: str
    all_points_after_creation: int
    used_points: int
    used_with: list[str]
    description: str | Unset = UNSET
    site_code: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        points = self.points

        created_at = self.created_at

        all_points_after_creation = self.all_points_after_creation

        used_points = self.used_points

        used_with = self.used_with

        description = self.description

        site_code = self.site_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "points": points,
                "createdAt": created_at,
                "allPointsAfterCreation": all_points_after_creation,
                "usedPoints": used_points,
                "usedWith": used_with,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if site_code is not UNSET:
            field_dict["siteCode"] = site_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        points = d.pop("points")

        created_at = d.pop("createdAt")

        all_points_after_creation = d.pop("allPointsAfterCreation")

        used_points = d.pop("usedPoints")

        used_with = cast(list[str], d.pop("usedWith"))

        description = d.pop("description", UNSET)

        site_code = d.pop("siteCode", UNSET)

        redeemed_entry = cls(
            id=id,
            points=points,
            created_at=created_at,
            all_points_after_creation=all_points_after_creation,
            used_points=used_points,
            used_with=used_with,
            description=description,
            site_code=site_code,
        )

        redeemed_entry.additional_properties = d
        return redeemed_entry

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
