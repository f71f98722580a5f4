from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.event_view_conditions_type_0 import EventViewConditionsType0
    from ..models.event_view_metadata_fields_item import EventViewMetadataFieldsItem
    from ..models.event_view_reward import EventViewReward


T = TypeVar("T", bound="EventView")


@_attrs_define
class EventView:
    """
    Attributes:
        event_id (str):
        title (str):
        description (None | str):
        status (str):
        limit (int | None):
        maximum_reward (int | None):
        reward (EventViewReward):
        conditions (EventViewConditionsType0 | None):
        metadata_fields (list[EventViewMetadataFieldsItem]):
        type_ (str):
    """

    event_id: str
    title: str
    description: None | str
    status: str
    limit: int | None
    maximum_reward: int | None
    reward: EventViewReward
    conditions: EventViewConditionsType0 | None
    metadata_fields: list[EventViewMetadataFieldsItem]
    type_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.event_view_conditions_type_0 import EventViewConditionsType0  # noqa: PLC0415

        event_id = self.event_id

        title = self.title

        description: None | str
        description = self.description

        status = self.status

        limit: int | None
        limit = self.limit

        maximum_reward: int | None
        maximum_reward = self.maximum_reward

        reward = self.reward.to_dict()

        conditions: dict[str, Any] | None
        if isinstance(self.conditions, EventViewConditionsType0):
            conditions = self.conditions.to_dict()
        else:
            conditions = self.conditions

        metadata_fields = []
        for metadata_fields_item_data in self.metadata_fields:
            metadata_fields_item = metadata_fields_item_data.to_dict()
            metadata_fields.append(metadata_fields_item)

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "eventId": event_id,
                "title": title,
                "description": description,
                "status": status,
                "limit": limit,
                "maximumReward": maximum_reward,
                "reward": reward,
                "conditions": conditions,
                "metadataFields": metadata_fields,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_view_conditions_type_0 import EventViewConditionsType0  # noqa: PLC0415
        from ..models.event_view_metadata_fields_item import EventViewMetadataFieldsItem  # noqa: PLC0415
        from ..models.event_view_reward import EventViewReward  # noqa: PLC0415

        d = dict(src_dict)
        event_id = d.pop("eventId")

        title = d.pop("title")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        status = d.pop("status")

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

        reward = EventViewReward.from_dict(d.pop("reward"))

        def _parse_conditions(data: object) -> EventViewConditionsType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                conditions_type_0 = EventViewConditionsType0.from_dict(data)

                return conditions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EventViewConditionsType0 | None, data)

        conditions = _parse_conditions(d.pop("conditions"))

        metadata_fields = []
        _metadata_fields = d.pop("metadataFields")
        for metadata_fields_item_data in _metadata_fields:
            metadata_fields_item = EventViewMetadataFieldsItem.from_dict(metadata_fields_item_data)

            metadata_fields.append(metadata_fields_item)

        type_ = d.pop("type")

        event_view = cls(
            event_id=event_id,
            title=title,
            description=description,
            status=status,
            limit=limit,
            maximum_reward=maximum_reward,
            reward=reward,
            conditions=conditions,
            metadata_fields=metadata_fields,
            type_=type_,
        )

        event_view.additional_properties = d
        return event_view

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
