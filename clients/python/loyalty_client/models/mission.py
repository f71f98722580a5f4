from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.mission_type import MissionType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.mission_conditions_type_0 import MissionConditionsType0
    from ..models.mission_title_type_1 import MissionTitleType1
    from ..models.notification import Notification


T = TypeVar("T", bound="Mission")


@_attrs_define
class Mission:
    """
    Attributes:
        id (str):
        event_id (str):
        title (MissionTitleType1 | None | str | Unset):
        type_ (MissionType | Unset):  Default: MissionType.FIXED.
        conditions (MissionConditionsType0 | None | Unset):
        value_field (None | str | Unset):
        goal (int | Unset):  Default: 1.
        notification (None | Notification | Unset):
    """

    id: str
    event_id: str
    title: MissionTitleType1 | None | str | Unset = UNSET
    type_: MissionType | Unset = MissionType.FIXED
    conditions: MissionConditionsType0 | None | Unset = UNSET
    value_field: None | str | Unset = UNSET
    goal: int | Unset = 1
    notification: None | Notification | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.mission_conditions_type_0 import MissionConditionsType0  # noqa: PLC0415
        from ..models.mission_title_type_1 import MissionTitleType1  # noqa: PLC0415
        from ..models.notification import Notification  # noqa: PLC0415

        id = self.id

        event_id = self.event_id

        title: dict[str, Any] | None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        elif isinstance(self.title, MissionTitleType1):
            title = self.title.to_dict()
        else:
            title = self.title

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        conditions: dict[str, Any] | None | Unset
        if isinstance(self.conditions, Unset):
            conditions = UNSET
        elif isinstance(self.conditions, MissionConditionsType0):
            conditions = self.conditions.to_dict()
        else:
            conditions = self.conditions

        value_field: None | str | Unset
        if isinstance(self.value_field, Unset):
            value_field = UNSET
        else:
            value_field = self.value_field

        goal = self.goal

        notification: dict[str, Any] | None | Unset
        if isinstance(self.notification, Unset):
            notification = UNSET
        elif isinstance(self.notification, Notification):
            notification = self.notification.to_dict()
        else:
            notification = self.notification

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "eventId": event_id,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if type_ is not UNSET:
            field_dict["type"] = type_
        if conditions is not UNSET:
            field_dict["conditions"] = conditions
        if value_field is not UNSET:
            field_dict["valueField"] = value_field
        if goal is not UNSET:
            field_dict["goal"] = goal
        if notification is not UNSET:
            field_dict["notification"] = notification

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.mission_conditions_type_0 import MissionConditionsType0  # noqa: PLC0415
        from ..models.mission_title_type_1 import MissionTitleType1  # noqa: PLC0415
        from ..models.notification import Notification  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        event_id = d.pop("eventId")

        def _parse_title(data: object) -> MissionTitleType1 | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                title_type_1 = MissionTitleType1.from_dict(data)

                return title_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MissionTitleType1 | None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        _type_ = d.pop("type", UNSET)
        type_: MissionType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = MissionType(_type_)

        def _parse_conditions(data: object) -> MissionConditionsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                conditions_type_0 = MissionConditionsType0.from_dict(data)

                return conditions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MissionConditionsType0 | None | Unset, data)

        conditions = _parse_conditions(d.pop("conditions", UNSET))

        def _parse_value_field(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        value_field = _parse_value_field(d.pop("valueField", UNSET))

        goal = d.pop("goal", UNSET)

        def _parse_notification(data: object) -> None | Notification | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                notification_type_0 = Notification.from_dict(data)

                return notification_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Notification | Unset, data)

        notification = _parse_notification(d.pop("notification", UNSET))

        mission = cls(
            id=id,
            event_id=event_id,
            title=title,
            type_=type_,
            conditions=conditions,
            value_field=value_field,
            goal=goal,
            notification=notification,
        )

        return mission
