from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DayStats")


@_attrs_define
class DayStats:
    """
    Attributes:
        events (int):
        users (int):
        points (int):
        hourly_distribution (list[int]):
    """

    events: int
    users: int
    points: int
    hourly_distribution: list[int]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        events = self.events

        users = self.users

        points = self.points

        hourly_distribution = self.hourly_distribution

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "events": events,
                "users": users,
                "points": points,
                "hourlyDistribution": hourly_distribution,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        events = d.pop("events")

        users = d.pop("users")

        points = d.pop("points")

        hourly_distribution = cast(list[int], d.pop("hourlyDistribution"))

        day_stats = cls(
            events=events,
            users=users,
            points=points,
            hourly_distribution=hourly_distribution,
        )

        day_stats.additional_properties = d
        return day_stats

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
