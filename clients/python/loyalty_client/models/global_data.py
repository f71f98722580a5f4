from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.global_data_campaign_breakdown import GlobalDataCampaignBreakdown
    from ..models.global_data_daily_data import GlobalDataDailyData
    from ..models.global_data_event_breakdown import GlobalDataEventBreakdown
    from ..models.users_metadata import UsersMetadata


T = TypeVar("T", bound="GlobalData")


@_attrs_define
class GlobalData:
    """Seed 002's shape; the campaign fields appear only when campaigns added points.

    Attributes:
        total_events (int):
        unique_users (int):
        total_points (int):
        event_breakdown (GlobalDataEventBreakdown):
        top_events (list[str]):
        daily_data (GlobalDataDailyData):
        field_metadata (UsersMetadata):
        campaign_points (int | Unset):  Default: 0.
        campaign_breakdown (GlobalDataCampaignBreakdown | Unset):
    """

    total_events: int
    unique_users: int
    total_points: int
    event_breakdown: GlobalDataEventBreakdown
    top_events: list[str]
    daily_data: GlobalDataDailyData
    field_metadata: UsersMetadata
    campaign_points: int | Unset = 0
    campaign_breakdown: GlobalDataCampaignBreakdown | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total_events = self.total_events

        unique_users = self.unique_users

        total_points = self.total_points

        event_breakdown = self.event_breakdown.to_dict()

        top_events = self.top_events

        daily_data = self.daily_data.to_dict()

        field_metadata = self.field_metadata.to_dict()

        campaign_points = self.campaign_points

        campaign_breakdown: dict[str, Any] | Unset = UNSET
        if not isinstance(self.campaign_breakdown, Unset):
            campaign_breakdown = self.campaign_breakdown.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "totalEvents": total_events,
                "uniqueUsers": unique_users,
                "totalPoints": total_points,
                "eventBreakdown": event_breakdown,
                "topEvents": top_events,
                "dailyData": daily_data,
                "_metadata": field_metadata,
            }
        )
        if campaign_points is not UNSET:
            field_dict["campaignPoints"] = campaign_points
        if campaign_breakdown is not UNSET:
            field_dict["campaignBreakdown"] = campaign_breakdown

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.global_data_campaign_breakdown import GlobalDataCampaignBreakdown  # noqa: PLC0415
        from ..models.global_data_daily_data import GlobalDataDailyData  # noqa: PLC0415
        from ..models.global_data_event_breakdown import GlobalDataEventBreakdown  # noqa: PLC0415
        from ..models.users_metadata import UsersMetadata  # noqa: PLC0415

        d = dict(src_dict)
        total_events = d.pop("totalEvents")

        unique_users = d.pop("uniqueUsers")

        total_points = d.pop("totalPoints")

        event_breakdown = GlobalDataEventBreakdown.from_dict(d.pop("eventBreakdown"))

        top_events = cast(list[str], d.pop("topEvents"))

        daily_data = GlobalDataDailyData.from_dict(d.pop("dailyData"))

        field_metadata = UsersMetadata.from_dict(d.pop("_metadata"))

        campaign_points = d.pop("campaignPoints", UNSET)

        _campaign_breakdown = d.pop("campaignBreakdown", UNSET)
        campaign_breakdown: GlobalDataCampaignBreakdown | Unset
        if isinstance(_campaign_breakdown, Unset):
            campaign_breakdown = UNSET
        else:
            campaign_breakdown = GlobalDataCampaignBreakdown.from_dict(_campaign_breakdown)

        global_data = cls(
            total_events=total_events,
            unique_users=unique_users,
            total_points=total_points,
            event_breakdown=event_breakdown,
            top_events=top_events,
            daily_data=daily_data,
            field_metadata=field_metadata,
            campaign_points=campaign_points,
            campaign_breakdown=campaign_breakdown,
        )

        global_data.additional_properties = d
        return global_data

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
