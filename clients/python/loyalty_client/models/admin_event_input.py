from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.admin_event_input_limit_period import AdminEventInputLimitPeriod
from ..models.admin_event_input_status import AdminEventInputStatus
from ..models.admin_event_input_type import AdminEventInputType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.admin_event_input_conditions_type_0 import AdminEventInputConditionsType0
    from ..models.admin_event_input_history_description_type_0 import AdminEventInputHistoryDescriptionType0
    from ..models.admin_event_input_history_title_type_0 import AdminEventInputHistoryTitleType0
    from ..models.admin_event_input_reward import AdminEventInputReward
    from ..models.metadata_field import MetadataField
    from ..models.notification import Notification


T = TypeVar("T", bound="AdminEventInput")


@_attrs_define
class AdminEventInput:
    """Events users log: reward, conditions, metadata fields, per-user limits.

    Attributes:
        title (str):
        event_id (None | str | Unset):
        type_ (AdminEventInputType | Unset):  Default: AdminEventInputType.FIXED.
        status (AdminEventInputStatus | Unset):  Default: AdminEventInputStatus.ACTIVE.
        description (None | str | Unset):
        limit (int | None | Unset):
        limit_period (AdminEventInputLimitPeriod | Unset):  Default: AdminEventInputLimitPeriod.LIFETIME.
        maximum_reward (int | None | Unset):
        reward (AdminEventInputReward | Unset):
        conditions (AdminEventInputConditionsType0 | None | Unset):
        metadata_fields (list[MetadataField] | Unset):
        reward_value_field (None | str | Unset):
        requires_api_key (bool | Unset):  Default: False.
        image (None | str | Unset):
        history_title (AdminEventInputHistoryTitleType0 | None | Unset):
        history_description (AdminEventInputHistoryDescriptionType0 | None | Unset):
        notification (None | Notification | Unset):
        pending_days (int | None | Unset):
        version (int | None | Unset):
    """

    title: str
    event_id: None | str | Unset = UNSET
    type_: AdminEventInputType | Unset = AdminEventInputType.FIXED
    status: AdminEventInputStatus | Unset = AdminEventInputStatus.ACTIVE
    description: None | str | Unset = UNSET
    limit: int | None | Unset = UNSET
    limit_period: AdminEventInputLimitPeriod | Unset = AdminEventInputLimitPeriod.LIFETIME
    maximum_reward: int | None | Unset = UNSET
    reward: AdminEventInputReward | Unset = UNSET
    conditions: AdminEventInputConditionsType0 | None | Unset = UNSET
    metadata_fields: list[MetadataField] | Unset = UNSET
    reward_value_field: None | str | Unset = UNSET
    requires_api_key: bool | Unset = False
    image: None | str | Unset = UNSET
    history_title: AdminEventInputHistoryTitleType0 | None | Unset = UNSET
    history_description: AdminEventInputHistoryDescriptionType0 | None | Unset = UNSET
    notification: None | Notification | Unset = UNSET
    pending_days: int | None | Unset = UNSET
    version: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.admin_event_input_conditions_type_0 import AdminEventInputConditionsType0  # noqa: PLC0415
        from ..models.admin_event_input_history_description_type_0 import AdminEventInputHistoryDescriptionType0  # noqa: PLC0415
        from ..models.admin_event_input_history_title_type_0 import AdminEventInputHistoryTitleType0  # noqa: PLC0415
        from ..models.notification import Notification  # noqa: PLC0415

        title = self.title

        event_id: None | str | Unset
        if isinstance(self.event_id, Unset):
            event_id = UNSET
        else:
            event_id = self.event_id

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
        elif isinstance(self.conditions, AdminEventInputConditionsType0):
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
        elif isinstance(self.history_title, AdminEventInputHistoryTitleType0):
            history_title = self.history_title.to_dict()
        else:
            history_title = self.history_title

        history_description: dict[str, Any] | None | Unset
        if isinstance(self.history_description, Unset):
            history_description = UNSET
        elif isinstance(self.history_description, AdminEventInputHistoryDescriptionType0):
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

        version: int | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
            }
        )
        if event_id is not UNSET:
            field_dict["eventId"] = event_id
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
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.admin_event_input_conditions_type_0 import AdminEventInputConditionsType0  # noqa: PLC0415
        from ..models.admin_event_input_history_description_type_0 import AdminEventInputHistoryDescriptionType0  # noqa: PLC0415
        from ..models.admin_event_input_history_title_type_0 import AdminEventInputHistoryTitleType0  # noqa: PLC0415
        from ..models.admin_event_input_reward import AdminEventInputReward  # noqa: PLC0415
        from ..models.metadata_field import MetadataField  # noqa: PLC0415
        from ..models.notification import Notification  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title")

        def _parse_event_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        event_id = _parse_event_id(d.pop("eventId", UNSET))

        _type_ = d.pop("type", UNSET)
        type_: AdminEventInputType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = AdminEventInputType(_type_)

        _status = d.pop("status", UNSET)
        status: AdminEventInputStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = AdminEventInputStatus(_status)

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
        limit_period: AdminEventInputLimitPeriod | Unset
        if isinstance(_limit_period, Unset):
            limit_period = UNSET
        else:
            limit_period = AdminEventInputLimitPeriod(_limit_period)

        def _parse_maximum_reward(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        maximum_reward = _parse_maximum_reward(d.pop("maximumReward", UNSET))

        _reward = d.pop("reward", UNSET)
        reward: AdminEventInputReward | Unset
        if isinstance(_reward, Unset):
            reward = UNSET
        else:
            reward = AdminEventInputReward.from_dict(_reward)

        def _parse_conditions(data: object) -> AdminEventInputConditionsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                conditions_type_0 = AdminEventInputConditionsType0.from_dict(data)

                return conditions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminEventInputConditionsType0 | None | Unset, data)

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

        def _parse_history_title(data: object) -> AdminEventInputHistoryTitleType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                history_title_type_0 = AdminEventInputHistoryTitleType0.from_dict(data)

                return history_title_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminEventInputHistoryTitleType0 | None | Unset, data)

        history_title = _parse_history_title(d.pop("historyTitle", UNSET))

        def _parse_history_description(data: object) -> AdminEventInputHistoryDescriptionType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                history_description_type_0 = AdminEventInputHistoryDescriptionType0.from_dict(data)

                return history_description_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminEventInputHistoryDescriptionType0 | None | Unset, data)

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

        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))

        admin_event_input = cls(
            title=title,
            event_id=event_id,
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
            version=version,
        )

        return admin_event_input
