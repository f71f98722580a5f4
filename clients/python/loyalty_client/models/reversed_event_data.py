from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReversedEventData")


@_attrs_define
class ReversedEventData:
    """
    Attributes:
        logged_event_id (int):
        event_id (str):
        user_id (str):
        points (int):
        shortfall (int):
    """

    logged_event_id: int
    event_id: str
    user_id: str
    points: int
    shortfall: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        logged_event_id = self.logged_event_id

        event_id = self.event_id

        user_id = self.user_id

        points = self.points

        shortfall = self.shortfall

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "loggedEventId": logged_event_id,
                "eventId": event_id,
                "userId": user_id,
                "points": points,
                "shortfall": shortfall,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        logged_event_id = d.pop("loggedEventId")

        event_id = d.pop("eventId")

        user_id = d.pop("userId")

        points = d.pop("points")

        shortfall = d.pop("shortfall")

        reversed_event_data = cls(
            logged_event_id=logged_event_id,
            event_id=event_id,
            user_id=user_id,
            points=points,
            shortfall=shortfall,
        )

        reversed_event_data.additional_properties = d
        return reversed_event_data

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
