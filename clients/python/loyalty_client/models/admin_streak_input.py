from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.admin_streak_input_status import AdminStreakInputStatus
from ..models.admin_streak_input_time_frame import AdminStreakInputTimeFrame
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.admin_streak_input_description_type_1 import AdminStreakInputDescriptionType1
    from ..models.admin_streak_input_milestones import AdminStreakInputMilestones
    from ..models.admin_streak_input_title_type_1 import AdminStreakInputTitleType1


T = TypeVar("T", bound="AdminStreakInput")


@_attrs_define
class AdminStreakInput:
    """Streaks: consecutive daily/weekly/monthly periods with a qualifying event.

    Attributes:
        event_ids (list[str]):
        streak_id (None | str | Unset):
        time_frame (AdminStreakInputTimeFrame | Unset):  Default: AdminStreakInputTimeFrame.DAILY.
        title (AdminStreakInputTitleType1 | None | str | Unset):
        description (AdminStreakInputDescriptionType1 | None | str | Unset):
        image (None | str | Unset):
        status (AdminStreakInputStatus | Unset):  Default: AdminStreakInputStatus.ACTIVE.
        milestones (AdminStreakInputMilestones | Unset):
        freezes (int | Unset):  Default: 0.
        version (int | None | Unset):
    """

    event_ids: list[str]
    streak_id: None | str | Unset = UNSET
    time_frame: AdminStreakInputTimeFrame | Unset = AdminStreakInputTimeFrame.DAILY
    title: AdminStreakInputTitleType1 | None | str | Unset = UNSET
    description: AdminStreakInputDescriptionType1 | None | str | Unset = UNSET
    image: None | str | Unset = UNSET
    status: AdminStreakInputStatus | Unset = AdminStreakInputStatus.ACTIVE
    milestones: AdminStreakInputMilestones | Unset = UNSET
    freezes: int | Unset = 0
    version: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.admin_streak_input_description_type_1 import AdminStreakInputDescriptionType1  # noqa: PLC0415
        from ..models.admin_streak_input_title_type_1 import AdminStreakInputTitleType1  # noqa: PLC0415

        event_ids = self.event_ids

        streak_id: None | str | Unset
        if isinstance(self.streak_id, Unset):
            streak_id = UNSET
        else:
            streak_id = self.streak_id

        time_frame: str | Unset = UNSET
        if not isinstance(self.time_frame, Unset):
            time_frame = self.time_frame.value

        title: dict[str, Any] | None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        elif isinstance(self.title, AdminStreakInputTitleType1):
            title = self.title.to_dict()
        else:
            title = self.title

        description: dict[str, Any] | None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        elif isinstance(self.description, AdminStreakInputDescriptionType1):
            description = self.description.to_dict()
        else:
            description = self.description

        image: None | str | Unset
        if isinstance(self.image, Unset):
            image = UNSET
        else:
            image = self.image

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        milestones: dict[str, Any] | Unset = UNSET
        if not isinstance(self.milestones, Unset):
            milestones = self.milestones.to_dict()

        freezes = self.freezes

        version: int | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "eventIds": event_ids,
            }
        )
        if streak_id is not UNSET:
            field_dict["streakId"] = streak_id
        if time_frame is not UNSET:
            field_dict["timeFrame"] = time_frame
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if image is not UNSET:
            field_dict["image"] = image
        if status is not UNSET:
            field_dict["status"] = status
        if milestones is not UNSET:
            field_dict["milestones"] = milestones
        if freezes is not UNSET:
            field_dict["freezes"] = freezes
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.admin_streak_input_description_type_1 import AdminStreakInputDescriptionType1  # noqa: PLC0415
        from ..models.admin_streak_input_milestones import AdminStreakInputMilestones  # noqa: PLC0415
        from ..models.admin_streak_input_title_type_1 import AdminStreakInputTitleType1  # noqa: PLC0415

        d = dict(src_dict)
        event_ids = cast(list[str], d.pop("eventIds"))

        def _parse_streak_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        streak_id = _parse_streak_id(d.pop("streakId", UNSET))

        _time_frame = d.pop("timeFrame", UNSET)
        time_frame: AdminStreakInputTimeFrame | Unset
        if isinstance(_time_frame, Unset):
            time_frame = UNSET
        else:
            time_frame = AdminStreakInputTimeFrame(_time_frame)

        def _parse_title(data: object) -> AdminStreakInputTitleType1 | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                title_type_1 = AdminStreakInputTitleType1.from_dict(data)

                return title_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminStreakInputTitleType1 | None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_description(data: object) -> AdminStreakInputDescriptionType1 | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                description_type_1 = AdminStreakInputDescriptionType1.from_dict(data)

                return description_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminStreakInputDescriptionType1 | None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_image(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        image = _parse_image(d.pop("image", UNSET))

        _status = d.pop("status", UNSET)
        status: AdminStreakInputStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = AdminStreakInputStatus(_status)

        _milestones = d.pop("milestones", UNSET)
        milestones: AdminStreakInputMilestones | Unset
        if isinstance(_milestones, Unset):
            milestones = UNSET
        else:
            milestones = AdminStreakInputMilestones.from_dict(_milestones)

        freezes = d.pop("freezes", UNSET)

        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))

        admin_streak_input = cls(
            event_ids=event_ids,
            streak_id=streak_id,
            time_frame=time_frame,
            title=title,
            description=description,
            image=image,
            status=status,
            milestones=milestones,
            freezes=freezes,
            version=version,
        )

        return admin_streak_input
