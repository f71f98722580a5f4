from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.admin_campaign_status import AdminCampaignStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.admin_campaign_title_type_1 import AdminCampaignTitleType1
    from ..models.campaign_schedule import CampaignSchedule


T = TypeVar("T", bound="AdminCampaign")


@_attrs_define
class AdminCampaign:
    """Campaigns: multiply and/or add to the points of events in a time window and schedule.

    Attributes:
        campaign_id (str):
        event_ids (list[str]):
        version (int):
        title (AdminCampaignTitleType1 | None | str | Unset):
        status (AdminCampaignStatus | Unset):  Default: AdminCampaignStatus.ACTIVE.
        usergroups (list[str] | None | Unset):
        tiers (list[str] | None | Unset):
        from_ (int | None | Unset):
        to (int | None | Unset):
        schedule (CampaignSchedule | None | Unset):
        multiplier (float | Unset):  Default: 1.0.
        bonus_points (int | Unset):  Default: 0.
        max_points_per_user (int | None | Unset):
    """

    campaign_id: str
    event_ids: list[str]
    version: int
    title: AdminCampaignTitleType1 | None | str | Unset = UNSET
    status: AdminCampaignStatus | Unset = AdminCampaignStatus.ACTIVE
    usergroups: list[str] | None | Unset = UNSET
    tiers: list[str] | None | Unset = UNSET
    from_: int | None | Unset = UNSET
    to: int | None | Unset = UNSET
    schedule: CampaignSchedule | None | Unset = UNSET
    multiplier: float | Unset = 1.0
    bonus_points: int | Unset = 0
    max_points_per_user: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.admin_campaign_title_type_1 import AdminCampaignTitleType1  # noqa: PLC0415
        from ..models.campaign_schedule import CampaignSchedule  # noqa: PLC0415

        campaign_id = self.campaign_id

        event_ids = self.event_ids

        version = self.version

        title: dict[str, Any] | None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        elif isinstance(self.title, AdminCampaignTitleType1):
            title = self.title.to_dict()
        else:
            title = self.title

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        usergroups: list[str] | None | Unset
        if isinstance(self.usergroups, Unset):
            usergroups = UNSET
        elif isinstance(self.usergroups, list):
            usergroups = self.usergroups

        else:
            usergroups = self.usergroups

        tiers: list[str] | None | Unset
        if isinstance(self.tiers, Unset):
            tiers = UNSET
        elif isinstance(self.tiers, list):
            tiers = self.tiers

        else:
            tiers = self.tiers

        from_: int | None | Unset
        if isinstance(self.from_, Unset):
            from_ = UNSET
        else:
            from_ = self.from_

        to: int | None | Unset
        if isinstance(self.to, Unset):
            to = UNSET
        else:
            to = self.to

        schedule: dict[str, Any] | None | Unset
        if isinstance(self.schedule, Unset):
            schedule = UNSET
        elif isinstance(self.schedule, CampaignSchedule):
            schedule = self.schedule.to_dict()
        else:
            schedule = self.schedule

        multiplier = self.multiplier

        bonus_points = self.bonus_points

        max_points_per_user: int | None | Unset
        if isinstance(self.max_points_per_user, Unset):
            max_points_per_user = UNSET
        else:
            max_points_per_user = self.max_points_per_user

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "campaignId": campaign_id,
                "eventIds": event_ids,
                "version": version,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if status is not UNSET:
            field_dict["status"] = status
        if usergroups is not UNSET:
            field_dict["usergroups"] = usergroups
        if tiers is not UNSET:
            field_dict["tiers"] = tiers
        if from_ is not UNSET:
            field_dict["from"] = from_
        if to is not UNSET:
            field_dict["to"] = to
        if schedule is not UNSET:
            field_dict["schedule"] = schedule
        if multiplier is not UNSET:
            field_dict["multiplier"] = multiplier
        if bonus_points is not UNSET:
            field_dict["bonusPoints"] = bonus_points
        if max_points_per_user is not UNSET:
            field_dict["maxPointsPerUser"] = max_points_per_user

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.admin_campaign_title_type_1 import AdminCampaignTitleType1  # noqa: PLC0415
        from ..models.campaign_schedule import CampaignSchedule  # noqa: PLC0415

        d = dict(src_dict)
        campaign_id = d.pop("campaignId")

        event_ids = cast(list[str], d.pop("eventIds"))

        version = d.pop("version")

        def _parse_title(data: object) -> AdminCampaignTitleType1 | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                title_type_1 = AdminCampaignTitleType1.from_dict(data)

                return title_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminCampaignTitleType1 | None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        _status = d.pop("status", UNSET)
        status: AdminCampaignStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = AdminCampaignStatus(_status)

        def _parse_usergroups(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                usergroups_type_0 = cast(list[str], data)

                return usergroups_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        usergroups = _parse_usergroups(d.pop("usergroups", UNSET))

        def _parse_tiers(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tiers_type_0 = cast(list[str], data)

                return tiers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        tiers = _parse_tiers(d.pop("tiers", UNSET))

        def _parse_from_(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        from_ = _parse_from_(d.pop("from", UNSET))

        def _parse_to(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        to = _parse_to(d.pop("to", UNSET))

        def _parse_schedule(data: object) -> CampaignSchedule | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                schedule_type_0 = CampaignSchedule.from_dict(data)

                return schedule_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CampaignSchedule | None | Unset, data)

        schedule = _parse_schedule(d.pop("schedule", UNSET))

        multiplier = d.pop("multiplier", UNSET)

        bonus_points = d.pop("bonusPoints", UNSET)

        def _parse_max_points_per_user(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_points_per_user = _parse_max_points_per_user(d.pop("maxPointsPerUser", UNSET))

        admin_campaign = cls(
            campaign_id=campaign_id,
            event_ids=event_ids,
            version=version,
            title=title,
            status=status,
            usergroups=usergroups,
            tiers=tiers,
            from_=from_,
            to=to,
            schedule=schedule,
            multiplier=multiplier,
            bonus_points=bonus_points,
            max_points_per_user=max_points_per_user,
        )

        admin_campaign.additional_properties = d
        return admin_campaign

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
