from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.points_entry import PointsEntry


T = TypeVar("T", bound="Summary")


@_attrs_define
class Summary:
    """
    Attributes:
        added_points (list[PointsEntry]):
        redeemed_points (list[PointsEntry]):
        expired_points (list[PointsEntry]):
        reversed_points (list[PointsEntry]):
        total_added_points (int):
        total_redeemed_points (int):
        total_expired_points (int):
        total_reversed_points (int):
    """

    added_points: list[PointsEntry]
    redeemed_points: list[PointsEntry]
    expired_points: list[PointsEntry]
    reversed_points: list[PointsEntry]
    total_added_points: int
    total_redeemed_points: int
    total_expired_points: int
    total_reversed_points: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        added_points = []
        for added_points_item_data in self.added_points:
            added_points_item = added_points_item_data.to_dict()
            added_points.append(added_points_item)

        redeemed_points = []
        for redeemed_points_item_data in self.redeemed_points:
            redeemed_points_item = redeemed_points_item_data.to_dict()
            redeemed_points.append(redeemed_points_item)

        expired_points = []
        for expired_points_item_data in self.expired_points:
            expired_points_item = expired_points_item_data.to_dict()
            expired_points.append(expired_points_item)

        reversed_points = []
        for reversed_points_item_data in self.reversed_points:
            reversed_points_item = reversed_points_item_data.to_dict()
            reversed_points.append(reversed_points_item)

        total_added_points = self.total_added_points

        total_redeemed_points = self.total_redeemed_points

        total_expired_points = self.total_expired_points

        total_reversed_points = self.total_reversed_points

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "addedPoints": added_points,
                "redeemedPoints": redeemed_points,
                "expiredPoints": expired_points,
                "reversedPoints": reversed_points,
                "totalAddedPoints": total_added_points,
                "totalRedeemedPoints": total_redeemed_points,
                "totalExpiredPoints": total_expired_points,
                "totalReversedPoints": total_reversed_points,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.points_entry import PointsEntry  # noqa: PLC0415

        d = dict(src_dict)
        added_points = []
        _added_points = d.pop("addedPoints")
        for added_points_item_data in _added_points:
            added_points_item = PointsEntry.from_dict(added_points_item_data)

            added_points.append(added_points_item)

        redeemed_points = []
        _redeemed_points = d.pop("redeemedPoints")
        for redeemed_points_item_data in _redeemed_points:
            redeemed_points_item = PointsEntry.from_dict(redeemed_points_item_data)

            redeemed_points.append(redeemed_points_item)

        expired_points = []
        _expired_points = d.pop("expiredPoints")
        for expired_points_item_data in _expired_points:
            expired_points_item = PointsEntry.from_dict(expired_points_item_data)

            expired_points.append(expired_points_item)

        reversed_points = []
        _reversed_points = d.pop("reversedPoints")
        for reversed_points_item_data in _reversed_points:
            reversed_points_item = PointsEntry.from_dict(reversed_points_item_data)

            reversed_points.append(reversed_points_item)

        total_added_points = d.pop("totalAddedPoints")

        total_redeemed_points = d.pop("totalRedeemedPoints")

        total_expired_points = d.pop("totalExpiredPoints")

        total_reversed_points = d.pop("totalReversedPoints")

        summary = cls(
            added_points=added_points,
            redeemed_points=redeemed_points,
            expired_points=expired_points,
            reversed_points=reversed_points,
            total_added_points=total_added_points,
            total_redeemed_points=total_redeemed_points,
            total_expired_points=total_expired_points,
            total_reversed_points=total_reversed_points,
        )

        summary.additional_properties = d
        return summary

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
