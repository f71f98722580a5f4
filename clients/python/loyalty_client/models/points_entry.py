from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PointsEntry")


@_attrs_define
class PointsEntry:
    """``addedPoints`` as answered (and the extra expired/reversed lists); ``siteCode`` is ours.

    Attributes:
        id (str):
        reference_id (None | str):
        points (int):
        created_at (str):
        all_points_after_creation (int):
        used_points (int):
        used_with (list[str]):
        description (str | Unset):
        valid_until (str | Unset):
        site_code (str | Unset):
    """

    id: str
    reference_id: None | str
    points: int
    created_at: str
    all_points_after_creation: int
    used_points: int
    used_with: list[str]
    description: str | Unset = UNSET
    valid_until: str | Unset = UNSET
    site_code: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        reference_id: None | str
        reference_id = self.reference_id

        points = self.points

        created_at = self.created_at

        all_points_after_creation = self.all_points_after_creation

        used_points = self.used_points

        used_with = self.used_with

        description = self.description

        valid_until = self.valid_until

        site_code = self.site_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "reference-id": reference_id,
                "points": points,
                "createdAt": created_at,
                "allPointsAfterCreation": all_points_after_creation,
                "usedPoints": used_points,
                "usedWith": used_with,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if valid_until is not UNSET:
            field_dict["validUntil"] = valid_until
        if site_code is not UNSET:
            field_dict["siteCode"] = site_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_reference_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reference_id = _parse_reference_id(d.pop("reference-id"))

        points = d.pop("points")

        created_at = d.pop("createdAt")

        all_points_after_creation = d.pop("allPointsAfterCreation")

        used_points = d.pop("usedPoints")

        used_with = cast(list[str], d.pop("usedWith"))

        description = d.pop("description", UNSET)

        valid_until = d.pop("validUntil", UNSET)

        site_code = d.pop("siteCode", UNSET)

        points_entry = cls(
            id=id,
            reference_id=reference_id,
            points=points,
            created_at=created_at,
            all_points_after_creation=all_points_after_creation,
            used_points=used_points,
            used_with=used_with,
            description=description,
            valid_until=valid_until,
            site_code=site_code,
        )

        points_entry.additional_properties = d
        return points_entry

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
