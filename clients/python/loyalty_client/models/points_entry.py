from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PointsEntry")


@_attrs_define
class PointsEntry:
    """
    Attributes:
        id (str):
        reference_id (None | str):
        description (None | str):
        points (int):
        created_at (str):
        valid_until (None | str):
        all_points_after_creation (int):
        used_points (int):
        used_with (list[str]):
        site_code (None | str):
    """

    id: str
    reference_id: None | str
    description: None | str
    points: int
    created_at: str
    valid_until: None | str
    all_points_after_creation: int
    used_points: int
    used_with: list[str]
    site_code: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        reference_id: None | str
        reference_id = self.reference_id

        description: None | str
        description = self.description

        points = self.points

        created_at = self.created_at

        valid_until: None | str
        valid_until = self.valid_until

        all_points_after_creation = self.all_points_after_creation

        used_points = self.used_points

        used_with = self.used_with

        site_code: None | str
        site_code = self.site_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "reference-id": reference_id,
                "description": description,
                "points": points,
                "createdAt": created_at,
                "validUntil": valid_until,
                "allPointsAfterCreation": all_points_after_creation,
                "usedPoints": used_points,
                "usedWith": used_with,
                "siteCode": site_code,
            }
        )

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

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        points = d.pop("points")

        created_at = d.pop("createdAt")

        def _parse_valid_until(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        valid_until = _parse_valid_until(d.pop("validUntil"))

        all_points_after_creation = d.pop("allPointsAfterCreation")

        used_points = d.pop("usedPoints")

        used_with = cast(list[str], d.pop("usedWith"))

        def _parse_site_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        site_code = _parse_site_code(d.pop("siteCode"))

        points_entry = cls(
            id=id,
            reference_id=reference_id,
            description=description,
            points=points,
            created_at=created_at,
            valid_until=valid_until,
            all_points_after_creation=all_points_after_creation,
            used_points=used_points,
            used_with=used_with,
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
