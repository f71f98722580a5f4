from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.campaign_points import CampaignPoints
    from ..models.history_entry_description_type_0 import HistoryEntryDescriptionType0
    from ..models.history_entry_title_type_0 import HistoryEntryTitleType0


T = TypeVar("T", bound="HistoryEntry")


@_attrs_define
class HistoryEntry:
    """
    Attributes:
        id (str):
        timestamp (int):
        type_ (str):
        points (int):
        image (None | str):
        description (HistoryEntryDescriptionType0 | None):
        title (HistoryEntryTitleType0 | None):
        user_id (str):
        global_event_date_key (str):
        campaigns (list[CampaignPoints] | Unset):
        tier_points (int | Unset):
        pending_until (int | Unset):
    """

    id: str
    timestamp: int
    type_: str
    points: int
    image: None | str
    description: HistoryEntryDescriptionType0 | None
    title: HistoryEntryTitleType0 | None
    user_id: str
    global_event_date_key: str
    campaigns: list[CampaignPoints] | Unset = UNSET
    tier_points: int | Unset = UNSET
    pending_until: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.history_entry_description_type_0 import HistoryEntryDescriptionType0  # noqa: PLC0415
        from ..models.history_entry_title_type_0 import HistoryEntryTitleType0  # noqa: PLC0415

        id = self.id

        timestamp = self.timestamp

        type_ = self.type_

        points = self.points

        image: None | str
        image = self.image

        description: dict[str, Any] | None
        if isinstance(self.description, HistoryEntryDescriptionType0):
            description = self.description.to_dict()
        else:
            description = self.description

        title: dict[str, Any] | None
        if isinstance(self.title, HistoryEntryTitleType0):
            title = self.title.to_dict()
        else:
            title = self.title

        user_id = self.user_id

        global_event_date_key = self.global_event_date_key

        campaigns: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.campaigns, Unset):
            campaigns = []
            for campaigns_item_data in self.campaigns:
                campaigns_item = campaigns_item_data.to_dict()
                campaigns.append(campaigns_item)

        tier_points = self.tier_points

        pending_until = self.pending_until

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "timestamp": timestamp,
                "type": type_,
                "points": points,
                "image": image,
                "description": description,
                "title": title,
                "userId": user_id,
                "globalEventDateKey": global_event_date_key,
            }
        )
        if campaigns is not UNSET:
            field_dict["campaigns"] = campaigns
        if tier_points is not UNSET:
            field_dict["tierPoints"] = tier_points
        if pending_until is not UNSET:
            field_dict["pendingUntil"] = pending_until

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.campaign_points import CampaignPoints  # noqa: PLC0415
        from ..models.history_entry_description_type_0 import HistoryEntryDescriptionType0  # noqa: PLC0415
        from ..models.history_entry_title_type_0 import HistoryEntryTitleType0  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        timestamp = d.pop("timestamp")

        type_ = d.pop("type")

        points = d.pop("points")

        def _parse_image(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        image = _parse_image(d.pop("image"))

        def _parse_description(data: object) -> HistoryEntryDescriptionType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                description_type_0 = HistoryEntryDescriptionType0.from_dict(data)

                return description_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HistoryEntryDescriptionType0 | None, data)

        description = _parse_description(d.pop("description"))

        def _parse_title(data: object) -> HistoryEntryTitleType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                title_type_0 = HistoryEntryTitleType0.from_dict(data)

                return title_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HistoryEntryTitleType0 | None, data)

        title = _parse_title(d.pop("title"))

        user_id = d.pop("userId")

        global_event_date_key = d.pop("globalEventDateKey")

        _campaigns = d.pop("campaigns", UNSET)
        campaigns: list[CampaignPoints] | Unset = UNSET
        if _campaigns is not UNSET:
            campaigns = []
            for campaigns_item_data in _campaigns:
                campaigns_item = CampaignPoints.from_dict(campaigns_item_data)

                campaigns.append(campaigns_item)

        tier_points = d.pop("tierPoints", UNSET)

        pending_until = d.pop("pendingUntil", UNSET)

        history_entry = cls(
            id=id,
            timestamp=timestamp,
            type_=type_,
            points=points,
            image=image,
            description=description,
            title=title,
            user_id=user_id,
            global_event_date_key=global_event_date_key,
            campaigns=campaigns,
            tier_points=tier_points,
            pending_until=pending_until,
        )

        history_entry.additional_properties = d
        return history_entry

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
