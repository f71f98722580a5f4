from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RedeemedPoints")


@_attrs_define
class RedeemedPoints:
    """``redeemedPoints``: body of ``redeemPoints``; ``createdAt`` and ``allPointsAfterCreation``
    are read-only (validated and ignored).

    Attributes:
        points (int):
        id (str | Unset):
        description (str | Unset):
        created_at (str | Unset):
        all_points_after_creation (int | Unset):
    """

    points: int
    id: str | Unset = UNSET
    description: str | Unset = UNSET
    created_at: str | Unset = UNSET
    all_points_after_creation: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        points = self.points

        id = self.id

        description = self.description

        created_at = self.created_at

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

        id = d.pop("id", UNSET)

        description = d.pop("description", UNSET)

        created_at = d.pop("createdAt", UNSET)

        all_points_after_creation = d.pop("allPointsAfterCreation", UNSET)

        redeemed_points = cls(
            points=points,
            id=id,
            description=description,
            created_at=created_at,
            all_points_after_creation=all_points_after_creation,
        )

        return redeemed_points
