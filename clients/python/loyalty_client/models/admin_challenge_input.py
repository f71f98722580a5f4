from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.admin_challenge_input_status import AdminChallengeInputStatus
from ..models.admin_challenge_input_type import AdminChallengeInputType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.admin_challenge_input_conditions_type_0 import AdminChallengeInputConditionsType0
    from ..models.admin_challenge_input_subtitle_type_1 import AdminChallengeInputSubtitleType1
    from ..models.admin_challenge_input_title_type_1 import AdminChallengeInputTitleType1
    from ..models.mission import Mission
    from ..models.notification import Notification
    from ..models.repeat import Repeat
    from ..models.reward import Reward
    from ..models.time_window import TimeWindow


T = TypeVar("T", bound="AdminChallengeInput")


@_attrs_define
class AdminChallengeInput:
    """Challenges: trigger, goal, window, missions, rewards, series and repeats.

    Attributes:
        title (AdminChallengeInputTitleType1 | str):
        challenge_id (None | str | Unset):
        subtitle (AdminChallengeInputSubtitleType1 | None | str | Unset):
        status (AdminChallengeInputStatus | Unset):  Default: AdminChallengeInputStatus.ACTIVE.
        type_ (AdminChallengeInputType | Unset):  Default: AdminChallengeInputType.FIXED.
        event_id (None | str | Unset):
        conditions (AdminChallengeInputConditionsType0 | None | Unset):
        value_field (None | str | Unset):
        goal (int | Unset):  Default: 1.
        points (int | Unset):  Default: 0.
        rewards (list[Reward] | Unset):
        missions (list[Mission] | Unset):
        time (None | TimeWindow | Unset):
        notification (None | Notification | Unset):
        show_in_profile (bool | Unset):  Default: True.
        show_in_rail (bool | Unset):  Default: True.
        series_id (None | str | Unset):
        series_step (int | Unset):  Default: 0.
        repeat (None | Repeat | Unset):
        version (int | None | Unset):
    """

    title: AdminChallengeInputTitleType1 | str
    challenge_id: None | str | Unset = UNSET
    subtitle: AdminChallengeInputSubtitleType1 | None | str | Unset = UNSET
    status: AdminChallengeInputStatus | Unset = AdminChallengeInputStatus.ACTIVE
    type_: AdminChallengeInputType | Unset = AdminChallengeInputType.FIXED
    event_id: None | str | Unset = UNSET
    conditions: AdminChallengeInputConditionsType0 | None | Unset = UNSET
    value_field: None | str | Unset = UNSET
    goal: int | Unset = 1
    points: int | Unset = 0
    rewards: list[Reward] | Unset = UNSET
    missions: list[Mission] | Unset = UNSET
    time: None | TimeWindow | Unset = UNSET
    notification: None | Notification | Unset = UNSET
    show_in_profile: bool | Unset = True
    show_in_rail: bool | Unset = True
    series_id: None | str | Unset = UNSET
    series_step: int | Unset = 0
    repeat: None | Repeat | Unset = UNSET
    version: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.admin_challenge_input_conditions_type_0 import AdminChallengeInputConditionsType0  # noqa: PLC0415
        from ..models.admin_challenge_input_subtitle_type_1 import AdminChallengeInputSubtitleType1  # noqa: PLC0415
        from ..models.admin_challenge_input_title_type_1 import AdminChallengeInputTitleType1  # noqa: PLC0415
        from ..models.notification import Notification  # noqa: PLC0415
        from ..models.repeat import Repeat  # noqa: PLC0415
        from ..models.time_window import TimeWindow  # noqa: PLC0415

        title: dict[str, Any] | str
        if isinstance(self.title, AdminChallengeInputTitleType1):
            title = self.title.to_dict()
        else:
            title = self.title

        challenge_id: None | str | Unset
        if isinstance(self.challenge_id, Unset):
            challenge_id = UNSET
        else:
            challenge_id = self.challenge_id

        subtitle: dict[str, Any] | None | str | Unset
        if isinstance(self.subtitle, Unset):
            subtitle = UNSET
        elif isinstance(self.subtitle, AdminChallengeInputSubtitleType1):
            subtitle = self.subtitle.to_dict()
        else:
            subtitle = self.subtitle

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        event_id: None | str | Unset
        if isinstance(self.event_id, Unset):
            event_id = UNSET
        else:
            event_id = self.event_id

        conditions: dict[str, Any] | None | Unset
        if isinstance(self.conditions, Unset):
            conditions = UNSET
        elif isinstance(self.conditions, AdminChallengeInputConditionsType0):
            conditions = self.conditions.to_dict()
        else:
            conditions = self.conditions

        value_field: None | str | Unset
        if isinstance(self.value_field, Unset):
            value_field = UNSET
        else:
            value_field = self.value_field

        goal = self.goal

        points = self.points

        rewards: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.rewards, Unset):
            rewards = []
            for rewards_item_data in self.rewards:
                rewards_item = rewards_item_data.to_dict()
                rewards.append(rewards_item)

        missions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.missions, Unset):
            missions = []
            for missions_item_data in self.missions:
                missions_item = missions_item_data.to_dict()
                missions.append(missions_item)

        time: dict[str, Any] | None | Unset
        if isinstance(self.time, Unset):
            time = UNSET
        elif isinstance(self.time, TimeWindow):
            time = self.time.to_dict()
        else:
            time = self.time

        notification: dict[str, Any] | None | Unset
        if isinstance(self.notification, Unset):
            notification = UNSET
        elif isinstance(self.notification, Notification):
            notification = self.notification.to_dict()
        else:
            notification = self.notification

        show_in_profile = self.show_in_profile

        show_in_rail = self.show_in_rail

        series_id: None | str | Unset
        if isinstance(self.series_id, Unset):
            series_id = UNSET
        else:
            series_id = self.series_id

        series_step = self.series_step

        repeat: dict[str, Any] | None | Unset
        if isinstance(self.repeat, Unset):
            repeat = UNSET
        elif isinstance(self.repeat, Repeat):
            repeat = self.repeat.to_dict()
        else:
            repeat = self.repeat

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
        if challenge_id is not UNSET:
            field_dict["challengeId"] = challenge_id
        if subtitle is not UNSET:
            field_dict["subtitle"] = subtitle
        if status is not UNSET:
            field_dict["status"] = status
        if type_ is not UNSET:
            field_dict["type"] = type_
        if event_id is not UNSET:
            field_dict["eventId"] = event_id
        if conditions is not UNSET:
            field_dict["conditions"] = conditions
        if value_field is not UNSET:
            field_dict["valueField"] = value_field
        if goal is not UNSET:
            field_dict["goal"] = goal
        if points is not UNSET:
            field_dict["points"] = points
        if rewards is not UNSET:
            field_dict["rewards"] = rewards
        if missions is not UNSET:
            field_dict["missions"] = missions
        if time is not UNSET:
            field_dict["time"] = time
        if notification is not UNSET:
            field_dict["notification"] = notification
        if show_in_profile is not UNSET:
            field_dict["showInProfile"] = show_in_profile
        if show_in_rail is not UNSET:
            field_dict["showInRail"] = show_in_rail
        if series_id is not UNSET:
            field_dict["seriesId"] = series_id
        if series_step is not UNSET:
            field_dict["seriesStep"] = series_step
        if repeat is not UNSET:
            field_dict["repeat"] = repeat
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.admin_challenge_input_conditions_type_0 import AdminChallengeInputConditionsType0  # noqa: PLC0415
        from ..models.admin_challenge_input_subtitle_type_1 import AdminChallengeInputSubtitleType1  # noqa: PLC0415
        from ..models.admin_challenge_input_title_type_1 import AdminChallengeInputTitleType1  # noqa: PLC0415
        from ..models.mission import Mission  # noqa: PLC0415
        from ..models.notification import Notification  # noqa: PLC0415
        from ..models.repeat import Repeat  # noqa: PLC0415
        from ..models.reward import Reward  # noqa: PLC0415
        from ..models.time_window import TimeWindow  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_title(data: object) -> AdminChallengeInputTitleType1 | str:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                title_type_1 = AdminChallengeInputTitleType1.from_dict(data)

                return title_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminChallengeInputTitleType1 | str, data)

        title = _parse_title(d.pop("title"))

        def _parse_challenge_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        challenge_id = _parse_challenge_id(d.pop("challengeId", UNSET))

        def _parse_subtitle(data: object) -> AdminChallengeInputSubtitleType1 | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                subtitle_type_1 = AdminChallengeInputSubtitleType1.from_dict(data)

                return subtitle_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminChallengeInputSubtitleType1 | None | str | Unset, data)

        subtitle = _parse_subtitle(d.pop("subtitle", UNSET))

        _status = d.pop("status", UNSET)
        status: AdminChallengeInputStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = AdminChallengeInputStatus(_status)

        _type_ = d.pop("type", UNSET)
        type_: AdminChallengeInputType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = AdminChallengeInputType(_type_)

        def _parse_event_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        event_id = _parse_event_id(d.pop("eventId", UNSET))

        def _parse_conditions(data: object) -> AdminChallengeInputConditionsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                conditions_type_0 = AdminChallengeInputConditionsType0.from_dict(data)

                return conditions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminChallengeInputConditionsType0 | None | Unset, data)

        conditions = _parse_conditions(d.pop("conditions", UNSET))

        def _parse_value_field(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        value_field = _parse_value_field(d.pop("valueField", UNSET))

        goal = d.pop("goal", UNSET)

        points = d.pop("points", UNSET)

        _rewards = d.pop("rewards", UNSET)
        rewards: list[Reward] | Unset = UNSET
        if _rewards is not UNSET:
            rewards = []
            for rewards_item_data in _rewards:
                rewards_item = Reward.from_dict(rewards_item_data)

                rewards.append(rewards_item)

        _missions = d.pop("missions", UNSET)
        missions: list[Mission] | Unset = UNSET
        if _missions is not UNSET:
            missions = []
            for missions_item_data in _missions:
                missions_item = Mission.from_dict(missions_item_data)

                missions.append(missions_item)

        def _parse_time(data: object) -> None | TimeWindow | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                time_type_0 = TimeWindow.from_dict(data)

                return time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TimeWindow | Unset, data)

        time = _parse_time(d.pop("time", UNSET))

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

        show_in_profile = d.pop("showInProfile", UNSET)

        show_in_rail = d.pop("showInRail", UNSET)

        def _parse_series_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        series_id = _parse_series_id(d.pop("seriesId", UNSET))

        series_step = d.pop("seriesStep", UNSET)

        def _parse_repeat(data: object) -> None | Repeat | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                repeat_type_0 = Repeat.from_dict(data)

                return repeat_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Repeat | Unset, data)

        repeat = _parse_repeat(d.pop("repeat", UNSET))

        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))

        admin_challenge_input = cls(
            title=title,
            challenge_id=challenge_id,
            subtitle=subtitle,
            status=status,
            type_=type_,
            event_id=event_id,
            conditions=conditions,
            value_field=value_field,
            goal=goal,
            points=points,
            rewards=rewards,
            missions=missions,
            time=time,
            notification=notification,
            show_in_profile=show_in_profile,
            show_in_rail=show_in_rail,
            series_id=series_id,
            series_step=series_step,
            repeat=repeat,
            version=version,
        )

        return admin_challenge_input
