from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AddedPoints")


@_attrs_define
class AddedPoints:
    """``addedPoints``: body of ``addPoints`` and ``startPoints`` of a new customer.
    ``createdAt``, ``allPointsAfterCreation``, ``usedPoints`` and ``usedWith`` are read-only:
    validated (a client may echo an entry back) and ignored.

    Attributes:
        points (int):
        id (str | Unset):
        reference_id (None | str | Unset):
        description (str | Unset):
        created_at (str | Unset):
        valid_until (str | Unset):
        all_points_after_creation (int | Unset):
        used_points (int | Unset):
        used_with (list[str] | Unset):
    """

    points: int
    id: str | Unset = UNSET
    reference_id: None | str | Unset = UNSET
    description: str | Unset = UNSET
    created_at: str | Unset = UNSET
    valid_until: str | Unset = UNSET
    all_points_after_creation: int | Unset = UNSET
    used_points: int | Unset = UNSET
    used_with: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        points = self.points

        id = self.id

        reference_id: None | str | Unset
        if isinstance(self.reference_id, Unset):
            reference_id = UNSET
        else:
            reference_id = self.reference_id

        description = self.description

        created_at = self.created_at

        valid_until = self.valid_until

        all_points_after_creation = self.all_points_after_creation

        used_points = self.used_points

        used_with: list[str] | Unset = UNSET
        if not isinstance(self.used_with, Unset):
            used_with = self.used_with

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "points": points,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if reference_id is not UNSET:
            field_dict["reference-id"] = reference_id
        if description is not UNSET:
            field_dict["description"] = description
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if valid_until is not UNSET:
            field_dict["validUntil"] = valid_until
        if all_points_after_creation is not UNSET:
            field_dict["allPointsAfterCreation"] = all_points_after_creation
        if used_points is not UNSET:
            field_dict["usedPoints"] = used_points
        if used_with is not UNSET:
            field_dict["usedWith"] = used_with

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        points = d.pop("points")

        id = d.pop("id", UNSET)

        def _parse_reference_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference_id = _parse_reference_id(d.pop("reference-id", UNSET))

        description = d.pop("description", UNSET)

        created_at = d.pop("createdAt", UNSET)

        valid_until = d.pop("validUntil", UNSET)

        all_points_after_creation = d.pop("allPointsAfterCreation", UNSET)

        used_points = d.pop("usedPoints", UNSET)

        used_with = cast(list[str], d.pop("usedWith", UNSET))

        added_points = cls(
            points=points,
            id=id,
            reference_id=reference_id,
            description=description,
            created_at=created_at,
            valid_until=valid_until,
            all_points_after_creation=all_points_after_creation,
            used_points=used_points,
            used_with=used_with,
        )

        return added_points
