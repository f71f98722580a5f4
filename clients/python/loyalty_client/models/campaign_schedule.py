from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.campaign_schedule_days_of_week_type_0_item import CampaignScheduleDaysOfWeekType0Item
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.hours import Hours


T = TypeVar("T", bound="CampaignSchedule")


@_attrs_define
class CampaignSchedule:
    """
    Attributes:
        days_of_week (list[CampaignScheduleDaysOfWeekType0Item] | None | Unset):
        hours (Hours | None | Unset):
    """

    days_of_week: list[CampaignScheduleDaysOfWeekType0Item] | None | Unset = UNSET
    hours: Hours | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.hours import Hours  # noqa: PLC0415

        days_of_week: list[str] | None | Unset
        if isinstance(self.days_of_week, Unset):
            days_of_week = UNSET
        elif isinstance(self.days_of_week, list):
            days_of_week = []
            for days_of_week_type_0_item_data in self.days_of_week:
                days_of_week_type_0_item = days_of_week_type_0_item_data.value
                days_of_week.append(days_of_week_type_0_item)

        else:
            days_of_week = self.days_of_week

        hours: dict[str, Any] | None | Unset
        if isinstance(self.hours, Unset):
            hours = UNSET
        elif isinstance(self.hours, Hours):
            hours = self.hours.to_dict()
        else:
            hours = self.hours

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if days_of_week is not UNSET:
            field_dict["daysOfWeek"] = days_of_week
        if hours is not UNSET:
            field_dict["hours"] = hours

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.hours import Hours  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_days_of_week(data: object) -> list[CampaignScheduleDaysOfWeekType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                days_of_week_type_0 = []
                _days_of_week_type_0 = data
                for days_of_week_type_0_item_data in _days_of_week_type_0:
                    days_of_week_type_0_item = CampaignScheduleDaysOfWeekType0Item(days_of_week_type_0_item_data)

                    days_of_week_type_0.append(days_of_week_type_0_item)

                return days_of_week_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[CampaignScheduleDaysOfWeekType0Item] | None | Unset, data)

        days_of_week = _parse_days_of_week(d.pop("daysOfWeek", UNSET))

        def _parse_hours(data: object) -> Hours | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                hours_type_0 = Hours.from_dict(data)

                return hours_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Hours | None | Unset, data)

        hours = _parse_hours(d.pop("hours", UNSET))

        campaign_schedule = cls(
            days_of_week=days_of_week,
            hours=hours,
        )

        return campaign_schedule
