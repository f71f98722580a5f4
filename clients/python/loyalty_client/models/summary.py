from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.points_entry import PointsEntry
    from ..models.redeemed_entry import RedeemedEntry


T = TypeVar("T", bound="Summary")


@_attrs_define
class Summary:
    """``customerSummary``; the expired and reversed lists and the totals are ours.

    Attributes:
        added_points_list (list[PointsEntry]):
        redeemed_points_list (list[RedeemedEntry]):
        expired_points_list (list[PointsEntry]):
        reversed_points_list (list[PointsEntry]):
        total_added_points (int):
        total_redeemed_points (int):
        total_expired_points (int):
        total_reversed_points (int):
    """

    added_points_list: list[PointsEntry]
    redeemed_points_list: list[RedeemedEntry]
    expired_points_list: list[PointsEntry]
    reversed_points_list: list[PointsEntry]
    total_added_points: int
    total_redeemed_points: int
    total_expired_points: int
    total_reversed_points: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        added_points_list = []
        for added_points_list_item_data in self.added_points_list:
            added_points_list_item = added_points_list_item_data.to_dict()
            added_points_list.append(added_points_list_item)

        redeemed_points_list = []
        for redeemed_points_list_item_data in self.redeemed_points_list:
            redeemed_points_list_item = redeemed_points_list_item_data.to_dict()
            redeemed_points_list.append(redeemed_points_list_item)

        expired_points_list = []
        for expired_points_list_item_data in self.expired_points_list:
            expired_points_list_item = expired_points_list_item_data.to_dict()
            expired_points_list.append(expired_points_list_item)

        reversed_points_list = []
        for reversed_points_list_item_data in self.reversed_points_list:
            reversed_points_list_item = reversed_points_list_item_data.to_dict()
            reversed_points_list.append(reversed_points_list_item)

        total_added_points = self.total_added_points

        total_redeemed_points = self.total_redeemed_points

        total_expired_points = self.total_expired_points

        total_reversed_points = self.total_reversed_points

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "addedPointsList": added_points_list,
                "redeemedPointsList": redeemed_points_list,
                "expiredPointsList": expired_points_list,
                "reversedPointsList": reversed_points_list,
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
        from ..models.redeemed_entry import RedeemedEntry  # noqa: PLC0415

        d = dict(src_dict)
        added_points_list = []
        _added_points_list = d.pop("addedPointsList")
        for added_points_list_item_data in _added_points_list:
            added_points_list_item = PointsEntry.from_dict(added_points_list_item_data)

            added_points_list.append(added_points_list_item)

        redeemed_points_list = []
        _redeemed_points_list = d.pop("redeemedPointsList")
        for redeemed_points_list_item_data in _redeemed_points_list:
            redeemed_points_list_item = RedeemedEntry.from_dict(redeemed_points_list_item_data)

            redeemed_points_list.append(redeemed_points_list_item)

        expired_points_list = []
        _expired_points_list = d.pop("expiredPointsList")
        for expired_points_list_item_data in _expired_points_list:
            expired_points_list_item = PointsEntry.from_dict(expired_points_list_item_data)

            expired_points_list.append(expired_points_list_item)

        reversed_points_list = []
        _reversed_points_list = d.pop("reversedPointsList")
        for reversed_points_list_item_data in _reversed_points_list:
            reversed_points_list_item = PointsEntry.from_dict(reversed_points_list_item_data)

            reversed_points_list.append(reversed_points_list_item)

        total_added_points = d.pop("totalAddedPoints")

        total_redeemed_points = d.pop("totalRedeemedPoints")

        total_expired_points = d.pop("totalExpiredPoints")

        total_reversed_points = d.pop("totalReversedPoints")

        summary = cls(
            added_points_list=added_points_list,
            redeemed_points_list=redeemed_points_list,
            expired_points_list=expired_points_list,
            reversed_points_list=reversed_points_list,
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
