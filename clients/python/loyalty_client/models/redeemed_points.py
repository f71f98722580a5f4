from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RedeemedPoints")


@_attrs_define
class RedeemedPoints:
    """
    Attributes:
        points (int):
        id (None | str | Unset):
        description (None | str | Unset):
        created_at (None | str | Unset):
        all_points_after_creation (int | None | Unset):
    """

    points: int
    id: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    created_at: None | str | Unset = UNSET
    all_points_after_creation: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        points = self.points

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

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

        all_points_after_creation: int | None | Unset
        if isinstance(self.all_points_after_creation, Unset):
            all_points_after_creation = UNSET
        else:
            all_points_after_creation = self.all_points_after_creation

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "points": points,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if description is not UNSET:
            field_dict["description"] = description
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if all_points_after_creation is not UNSET:
            field_dict["allPointsAfterCreation"] = all_points_after_creation

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

        def _parse_all_points_after_creation(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        all_points_after_creation = _parse_all_points_after_creation(d.pop("allPointsAfterCreation", UNSET))

        redeemed_points = cls(
            points=points,
            id=id,
            description=description,
            created_at=created_at,
            all_points_after_creation=all_points_after_creation,
        )

        return redeemed_points
