from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.event_data_daily_data import EventDataDailyData


T = TypeVar("T", bound="EventData")


@_attrs_define
class EventData:
    """
    Attributes:
        total_count (int):
        unique_users (int):
        points_awarded (int):
        condition_met (int):
        condition_failed (int):
        limit_reached (int):
        daily_data (EventDataDailyData):
    """

    total_count: int
    unique_users: int
    points_awarded: int
    condition_met: int
    condition_failed: int
    limit_reached: int
    daily_data: EventDataDailyData
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total_count = self.total_count

        unique_users = self.unique_users

        points_awarded = self.points_awarded

        condition_met = self.condition_met

        condition_failed = self.condition_failed

        limit_reached = self.limit_reached

        daily_data = self.daily_data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "totalCount": total_count,
                "uniqueUsers": unique_users,
                "pointsAwarded": points_awarded,
                "conditionMet": condition_met,
                "conditionFailed": condition_failed,
                "limitReached": limit_reached,
                "dailyData": daily_data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_data_daily_data import EventDataDailyData  # noqa: PLC0415

        d = dict(src_dict)
        total_count = d.pop("totalCount")

        unique_users = d.pop("uniqueUsers")

        points_awarded = d.pop("pointsAwarded")

        condition_met = d.pop("conditionMet")

        condition_failed = d.pop("conditionFailed")

        limit_reached = d.pop("limitReached")

        daily_data = EventDataDailyData.from_dict(d.pop("dailyData"))

        event_data = cls(
            total_count=total_count,
            unique_users=unique_users,
            points_awarded=points_awarded,
            condition_met=condition_met,
            condition_failed=condition_failed,
            limit_reached=limit_reached,
            daily_data=daily_data,
        )

        event_data.additional_properties = d
        return event_data

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
