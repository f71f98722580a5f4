from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.logged_event_data_metadata import LoggedEventDataMetadata


T = TypeVar("T", bound="LoggedEventData")


@_attrs_define
class LoggedEventData:
    """
    Attributes:
        user_id (str):
        event_id (str):
        points (int):
        type_ (str):
        title (str):
        limit (int | None):
        maximum_reward (int | None):
        metadata (LoggedEventDataMetadata):
        condition_reached (bool):
        limit_reached (bool):
        user_group_id (str):
    """

    user_id: str
    event_id: str
    points: int
    type_: str
    title: str
    limit: int | None
    maximum_reward: int | None
    metadata: LoggedEventDataMetadata
    condition_reached: bool
    limit_reached: bool
    user_group_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        event_id = self.event_id

        points = self.points

        type_ = self.type_

        title = self.title

        limit: int | None
        limit = self.limit

        maximum_reward: int | None
        maximum_reward = self.maximum_reward

        metadata = self.metadata.to_dict()

        condition_reached = self.condition_reached

        limit_reached = self.limit_reached

        user_group_id = self.user_group_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "userId": user_id,
                "eventId": event_id,
                "points": points,
                "type": type_,
                "title": title,
                "limit": limit,
                "maximumReward": maximum_reward,
                "metadata": metadata,
                "conditionReached": condition_reached,
                "limitReached": limit_reached,
                "userGroupId": user_group_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.logged_event_data_metadata import LoggedEventDataMetadata  # noqa: PLC0415

        d = dict(src_dict)
        user_id = d.pop("userId")

        event_id = d.pop("eventId")

        points = d.pop("points")

        type_ = d.pop("type")

        title = d.pop("title")

        def _parse_limit(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        limit = _parse_limit(d.pop("limit"))

        def _parse_maximum_reward(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        maximum_reward = _parse_maximum_reward(d.pop("maximumReward"))

        metadata = LoggedEventDataMetadata.from_dict(d.pop("metadata"))

        condition_reached = d.pop("conditionReached")

        limit_reached = d.pop("limitReached")

        user_group_id = d.pop("userGroupId")

        logged_event_data = cls(
            user_id=user_id,
            event_id=event_id,
            points=points,
            type_=type_,
            title=title,
            limit=limit,
            maximum_reward=maximum_reward,
            metadata=metadata,
            condition_reached=condition_reached,
            limit_reached=limit_reached,
            user_group_id=user_group_id,
        )

        logged_event_data.additional_properties = d
        return logged_event_data

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
