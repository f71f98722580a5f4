from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.admin_event_limit_period import AdminEventLimitPeriod
from ..models.admin_event_status import AdminEventStatus
from ..models.admin_event_type import AdminEventType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.admin_event_conditions_type_0 import AdminEventConditionsType0
    from ..models.admin_event_history_description_type_0 import AdminEventHistoryDescriptionType0
    from ..models.admin_event_history_title_type_0 import AdminEventHistoryTitleType0
    from ..models.admin_event_reward import AdminEventReward
    from ..models.metadata_field import MetadataField
    from ..models.notification import Notification


T = TypeVar("T", bound="AdminEvent")


@_attrs_define
class AdminEvent:
    """Events users log: reward, conditions, metadata fields, per-user limits.

    Attributes:
        event_id (str):
        title (str):
        version (int):
        type_ (AdminEventType | Unset):  Default: AdminEventType.FIXED.
        status (AdminEventStatus | Unset):  Default: AdminEventStatus.ACTIVE.
        description (None | str | Unset):
        limit (int | None | Unset):
        limit_period (AdminEventLimitPeriod | Unset):  Default: AdminEventLimitPeriod.LIFETIME.
        maximum_reward (int | None | Unset):
        reward (AdminEventReward | Unset):
        conditions (AdminEventConditionsType0 | None | Unset):
        metadata_fields (list[MetadataField] | Unset):
        reward_value_field (None | str | Unset):
        requires_api_key (bool | Unset):  Default: False.
        image (None | str | Unset):
        history_title (AdminEventHistoryTitleType0 | None | Unset):
        history_description (AdminEventHistoryDescriptionType0 | None | Unset):
        notification (None | Notification | Unset):
        pending_days (int | None | Unset):
    """

    event_id: str
    title: str
    version: int
    type_: AdminEventType | Unset = AdminEventType.FIXED
    status: AdminEventStatus | Unset = AdminEventStatus.ACTIVE
    description: None | str | Unset = UNSET
    limit: int | None | Unset = UNSET
    limit_period: AdminEventLimitPeriod | Unset = AdminEventLimitPeriod.LIFETIME
    maximum_reward: int | None | Unset = UNSET
    reward: AdminEventReward | Unset = UNSET
    conditions: AdminEventConditionsType0 | None | Unset = UNSET
    metadata_fields: list[MetadataField] | Unset = UNSET
    reward_value_field: None | str | Unset = UNSET
    requires_api_key: bool | Unset = False
    image: None | str | Unset = UNSET
    history_title: AdminEventHistoryTitleType0 | None | Unset = UNSET
    history_description: AdminEventHistoryDescriptionType0 | None | Unset = UNSET
    notification: None | Notification | Unset = UNSET
    pending_days: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.admin_event_conditions_type_0 import AdminEventConditionsType0  # noqa: PLC0415
        from ..models.admin_event_history_description_type_0 import AdminEventHistoryDescriptionType0  # noqa: PLC0415
        from ..models.admin_event_history_title_type_0 import AdminEventHistoryTitleType0  # noqa: PLC0415
        from ..models.notification import Notification  # noqa: PLC0415

        event_id = self.event_id

        title = self.title

        version = self.version

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        limit: int | None | Unset
        if isinstance(self.limit, Unset):
            limit = UNSET
        else:
            limit = self.limit

        limit_period: str | Unset = UNSET
        if not isinstance(self.limit_period, Unset):
            limit_period = self.limit_period.value

        maximum_reward: int | None | Unset
        if isinstance(self.maximum_reward, Unset):
            maximum_reward = UNSET
        else:
            maximum_reward = self.maximum_reward

        reward: dict[str, Any] | Unset = UNSET
        if not isinstance(self.reward, Unset):
            reward = self.reward.to_dict()

        conditions: dict[str, Any] | None | Unset
        if isinstance(self.conditions, Unset):
            conditions = UNSET
        elif isinstance(self.conditions, AdminEventConditionsType0):
            conditions = self.conditions.to_dict()
        else:
            conditions = self.conditions

        metadata_fields: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.metadata_fields, Unset):
            metadata_fields = []
            for metadata_fields_item_data in self.metadata_fields:
                metadata_fields_item = metadata_fields_item_data.to_dict()
                metadata_fields.append(metadata_fields_item)

        reward_value_field: None | str | Unset
        if isinstance(self.reward_value_field, Unset):
            reward_value_field = UNSET
        else:
            reward_value_field = self.reward_value_field

        requires_api_key = self.requires_api_key

        image: None | str | Unset
        if isinstance(self.image, Unset):
            image = UNSET
        else:
            image = self.image

        history_title: dict[str, Any] | None | Unset
        if isinstance(self.history_title, Unset):
            history_title = UNSET
        elif isinstance(self.history_title, AdminEventHistoryTitleType0):
            history_title = self.history_title.to_dict()
        else:
            history_title = self.history_title

        history_description: dict[str, Any] | None | Unset
        if isinstance(self.history_description, Unset):
            history_description = UNSET
        elif isinstance(self.history_description, AdminEventHistoryDescriptionType0):
            history_description = self.history_description.to_dict()
        else:
            history_description = self.history_description

        notification: dict[str, Any] | None | Unset
        if isinstance(self.notification, Unset):
            notification = UNSET
        elif isinstance(self.notification, Notification):
            notification = self.notification.to_dict()
        else:
            notification = self.notification

        pending_days: int | None | Unset
        if isinstance(self.pending_days, Unset):
            pending_days = UNSET
        else:
            pending_days = self.pending_days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "eventId": event_id,
                "title": title,
                "version": version,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if status is not UNSET:
            field_dict["status"] = status
        if description is not UNSET:
            field_dict["description"] = description
        if limit is not UNSET:
            field_dict["limit"] = limit
        if limit_period is not UNSET:
            field_dict["limitPeriod"] = limit_period
        if maximum_reward is not UNSET:
            field_dict["maximumReward"] = maximum_reward
        if reward is not UNSET:
            field_dict["reward"] = reward
        if conditions is not UNSET:
            field_dict["conditions"] = conditions
        if metadata_fields is not UNSET:
            field_dict["metadataFields"] = metadata_fields
        if reward_value_field is not UNSET:
            field_dict["rewardValueField"] = reward_value_field
        if requires_api_key is not UNSET:
            field_dict["requiresApiKey"] = requires_api_key
        if image is not UNSET:
            field_dict["image"] = image
        if history_title is not UNSET:
            field_dict["historyTitle"] = history_title
        if history_description is not UNSET:
            field_dict["historyDescription"] = history_description
        if notification is not UNSET:
            field_dict["notification"] = notification
        if pending_days is not UNSET:
            field_dict["pendingDays"] = pending_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.admin_event_conditions_type_0 import AdminEventConditionsType0  # noqa: PLC0415
        from ..models.admin_event_history_description_type_0 import AdminEventHistoryDescriptionType0  # noqa: PLC0415
        from ..models.admin_event_history_title_type_0 import AdminEventHistoryTitleType0  # noqa: PLC0415
        from ..models.admin_event_reward import AdminEventReward  # noqa: PLC0415
        from ..models.metadata_field import MetadataField  # noqa: PLC0415
        from ..models.notification import Notification  # noqa: PLC0415

        d = dict(src_dict)
        event_id = d.pop("eventId")

        title = d.pop("title")

        version = d.pop("version")

        _type_ = d.pop("type", UNSET)
        type_: AdminEventType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = AdminEventType(_type_)

        _status = d.pop("status", UNSET)
        status: AdminEventStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = AdminEventStatus(_status)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        limit = _parse_limit(d.pop("limit", UNSET))

        _limit_period = d.pop("limitPeriod", UNSET)
        limit_period: AdminEventLimitPeriod | Unset
        if isinstance(_limit_period, Unset):
            limit_period = UNSET
        else:
            limit_period = AdminEventLimitPeriod(_limit_period)

        def _parse_maximum_reward(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        maximum_reward = _parse_maximum_reward(d.pop("maximumReward", UNSET))

        _reward = d.pop("reward", UNSET)
        reward: AdminEventReward | Unset
        if isinstance(_reward, Unset):
            reward = UNSET
        else:
            reward = AdminEventReward.from_dict(_reward)

        def _parse_conditions(data: object) -> AdminEventConditionsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                conditions_type_0 = AdminEventConditionsType0.from_dict(data)

                return conditions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminEventConditionsType0 | None | Unset, data)

        conditions = _parse_conditions(d.pop("conditions", UNSET))

        _metadata_fields = d.pop("metadataFields", UNSET)
        metadata_fields: list[MetadataField] | Unset = UNSET
        if _metadata_fields is not UNSET:
            metadata_fields = []
            for metadata_fields_item_data in _metadata_fields:
                metadata_fields_item = MetadataField.from_dict(metadata_fields_item_data)

                metadata_fields.append(metadata_fields_item)

        def _parse_reward_value_field(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reward_value_field = _parse_reward_value_field(d.pop("rewardValueField", UNSET))

        requires_api_key = d.pop("requiresApiKey", UNSET)

        def _parse_image(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        image = _parse_image(d.pop("image", UNSET))

        def _parse_history_title(data: object) -> AdminEventHistoryTitleType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                history_title_type_0 = AdminEventHistoryTitleType0.from_dict(data)

                return history_title_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminEventHistoryTitleType0 | None | Unset, data)

        history_title = _parse_history_title(d.pop("historyTitle", UNSET))

        def _parse_history_description(data: object) -> AdminEventHistoryDescriptionType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                history_description_type_0 = AdminEventHistoryDescriptionType0.from_dict(data)

                return history_description_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminEventHistoryDescriptionType0 | None | Unset, data)

        history_description = _parse_history_description(d.pop("historyDescription", UNSET))

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

        def _parse_pending_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        pending_days = _parse_pending_days(d.pop("pendingDays", UNSET))

        admin_event = cls(
            event_id=event_id,
            title=title,
            version=version,
            type_=type_,
            status=status,
            description=description,
            limit=limit,
            limit_period=limit_period,
            maximum_reward=maximum_reward,
            reward=reward,
            conditions=conditions,
            metadata_fields=metadata_fields,
            reward_value_field=reward_value_field,
            requires_api_key=requires_api_key,
            image=image,
            history_title=history_title,
            history_description=history_description,
            notification=notification,
            pending_days=pending_days,
        )

        admin_event.additional_properties = d
        return admin_event

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
