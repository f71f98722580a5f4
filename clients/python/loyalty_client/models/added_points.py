from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AddedPoints")


@_attrs_define
class AddedPoints:
    """The ``addedPoints`` object: body of ``addPoints`` and ``startPoints`` of a new customer.
    ``createdAt``, ``allPointsAfterCreation``, ``usedPoints`` and ``usedWith`` are read-only:
    accepted (a client may echo an entry back) and ignored.

    Attributes:
        points (int):
        id (None | str | Unset):
        reference_id (None | str | Unset):
        description (None | str | Unset):
        created_at (None | str | Unset):
        valid_until (None | str | Unset):
        all_points_after_creation (int | None | Unset):
        used_points (int | None | Unset):
        used_with (list[str] | None | Unset):
    """

    points: int
    id: None | str | Unset = UNSET
    reference_id: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    created_at: None | str | Unset = UNSET
    valid_until: None | str | Unset = UNSET
    all_points_after_creation: int | None | Unset = UNSET
    used_points: int | None | Unset = UNSET
    used_with: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        points = self.points

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        reference_id: None | str | Unset
        if isinstance(self.reference_id, Unset):
            reference_id = UNSET
        else:
            reference_id = self.reference_id

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        else:
            created_at = self.created_at

        valid_until: None | str | Unset
        if isinstance(self.valid_until, Unset):
            valid_until = UNSET
        else:
            valid_until = self.valid_until

        all_points_after_creation: int | None | Unset
        if isinstance(self.all_points_after_creation, Unset):
            all_points_after_creation = UNSET
        else:
            all_points_after_creation = self.all_points_after_creation

        used_points: int | None | Unset
        if isinstance(self.used_points, Unset):
            used_points = UNSET
        else:
            used_points = self.used_points

        used_with: list[str] | None | Unset
        if isinstance(self.used_with, Unset):
            used_with = UNSET
        elif isinstance(self.used_with, list):
            used_with = self.used_with

        else:
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

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_reference_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference_id = _parse_reference_id(d.pop("reference-id", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_created_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_at = _parse_created_at(d.pop("createdAt", UNSET))

        def _parse_valid_until(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        valid_until = _parse_valid_until(d.pop("validUntil", UNSET))

        def _parse_all_points_after_creation(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        all_points_after_creation = _parse_all_points_after_creation(d.pop("allPointsAfterCreation", UNSET))

        def _parse_used_points(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        used_points = _parse_used_points(d.pop("usedPoints", UNSET))

        def _parse_used_with(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                used_with_type_0 = cast(list[str], data)

                return used_with_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        used_with = _parse_used_with(d.pop("usedWith", UNSET))

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
