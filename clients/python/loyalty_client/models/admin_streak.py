from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.admin_streak_status import AdminStreakStatus
from ..models.admin_streak_time_frame import AdminStreakTimeFrame
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.admin_streak_description_type_1 import AdminStreakDescriptionType1
    from ..models.admin_streak_milestones import AdminStreakMilestones
    from ..models.admin_streak_title_type_1 import AdminStreakTitleType1


T = TypeVar("T", bound="AdminStreak")


@_attrs_define
class AdminStreak:
    """Streaks: consecutive daily/weekly/monthly periods with a qualifying event.

    Attributes:
        streak_id (str):
        event_ids (list[str]):
        version (int):
        time_frame (AdminStreakTimeFrame | Unset):  Default: AdminStreakTimeFrame.DAILY.
        title (AdminStreakTitleType1 | None | str | Unset):
        description (AdminStreakDescriptionType1 | None | str | Unset):
        image (None | str | Unset):
        status (AdminStreakStatus | Unset):  Default: AdminStreakStatus.ACTIVE.
        milestones (AdminStreakMilestones | Unset):
        freezes (int | Unset):  Default: 0.
    """

    streak_id: str
    event_ids: list[str]
    version: int
    time_frame: AdminStreakTimeFrame | Unset = AdminStreakTimeFrame.DAILY
    title: AdminStreakTitleType1 | None | str | Unset = UNSET
    description: AdminStreakDescriptionType1 | None | str | Unset = UNSET
    image: None | str | Unset = UNSET
    status: AdminStreakStatus | Unset = AdminStreakStatus.ACTIVE
    milestones: AdminStreakMilestones | Unset = UNSET
    freezes: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.admin_streak_description_type_1 import AdminStreakDescriptionType1  # noqa: PLC0415
        from ..models.admin_streak_title_type_1 import AdminStreakTitleType1  # noqa: PLC0415

        streak_id = self.streak_id

        event_ids = self.event_ids

        version = self.version

        time_frame: str | Unset = UNSET
        if not isinstance(self.time_frame, Unset):
            time_frame = self.time_frame.value

        title: dict[str, Any] | None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        elif isinstance(self.title, AdminStreakTitleType1):
            title = self.title.to_dict()
        else:
            title = self.title

        description: dict[str, Any] | None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        elif isinstance(self.description, AdminStreakDescriptionType1):
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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "streakId": streak_id,
                "eventIds": event_ids,
                "version": version,
            }
        )
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.admin_streak_description_type_1 import AdminStreakDescriptionType1  # noqa: PLC0415
        from ..models.admin_streak_milestones import AdminStreakMilestones  # noqa: PLC0415
        from ..models.admin_streak_title_type_1 import AdminStreakTitleType1  # noqa: PLC0415

        d = dict(src_dict)
        streak_id = d.pop("streakId")

        event_ids = cast(list[str], d.pop("eventIds"))

        version = d.pop("version")

        _time_frame = d.pop("timeFrame", UNSET)
        time_frame: AdminStreakTimeFrame | Unset
        if isinstance(_time_frame, Unset):
            time_frame = UNSET
        else:
            time_frame = AdminStreakTimeFrame(_time_frame)

        def _parse_title(data: object) -> AdminStreakTitleType1 | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                title_type_1 = AdminStreakTitleType1.from_dict(data)

                return title_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminStreakTitleType1 | None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_description(data: object) -> AdminStreakDescriptionType1 | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                description_type_1 = AdminStreakDescriptionType1.from_dict(data)

                return description_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminStreakDescriptionType1 | None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_image(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        image = _parse_image(d.pop("image", UNSET))

        _status = d.pop("status", UNSET)
        status: AdminStreakStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = AdminStreakStatus(_status)

        _milestones = d.pop("milestones", UNSET)
        milestones: AdminStreakMilestones | Unset
        if isinstance(_milestones, Unset):
            milestones = UNSET
        else:
            milestones = AdminStreakMilestones.from_dict(_milestones)

        freezes = d.pop("freezes", UNSET)

        admin_streak = cls(
            streak_id=streak_id,
            event_ids=event_ids,
            version=version,
            time_frame=time_frame,
            title=title,
            description=description,
            image=image,
            status=status,
            milestones=milestones,
            freezes=freezes,
        )

        admin_streak.additional_properties = d
        return admin_streak

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
