from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.event_to_log_metadata_type_0 import EventToLogMetadataType0


T = TypeVar("T", bound="EventToLog")


@_attrs_define
class EventToLog:
    """An event a user did (the document's shape of ``LogEventBody``).

    Attributes:
        event_id (str):
        user_id (str):
        metadata (EventToLogMetadataType0 | None | Unset):
    """

    event_id: str
    user_id: str
    metadata: EventToLogMetadataType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.event_to_log_metadata_type_0 import EventToLogMetadataType0  # noqa: PLC0415

        event_id = self.event_id

        user_id = self.user_id

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, EventToLogMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "eventId": event_id,
                "userId": user_id,
            }
        )
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_to_log_metadata_type_0 import EventToLogMetadataType0  # noqa: PLC0415

        d = dict(src_dict)
        event_id = d.pop("eventId")

        user_id = d.pop("userId")

        def _parse_metadata(data: object) -> EventToLogMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = EventToLogMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EventToLogMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        event_to_log = cls(
            event_id=event_id,
            user_id=user_id,
            metadata=metadata,
        )

        event_to_log.additional_properties = d
        return event_to_log

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
