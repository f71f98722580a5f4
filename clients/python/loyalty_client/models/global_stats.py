from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.global_data import GlobalData


T = TypeVar("T", bound="GlobalStats")


@_attrs_define
class GlobalStats:
    """
    Attributes:
        period (str):
        event_id (None):
        start_date (None | str):
        end_date (str):
        data (GlobalData): Seed 002's shape; the campaign fields appear only when campaigns added points.
    """

    period: str
    event_id: None
    start_date: None | str
    end_date: str
    data: GlobalData
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period = self.period

        event_id = self.event_id

        start_date: None | str
        start_date = self.start_date

        end_date = self.end_date

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period": period,
                "eventId": event_id,
                "startDate": start_date,
                "endDate": end_date,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.global_data import GlobalData  # noqa: PLC0415

        d = dict(src_dict)
        period = d.pop("period")

        event_id = d.pop("eventId")

        def _parse_start_date(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        start_date = _parse_start_date(d.pop("startDate"))

        end_date = d.pop("endDate")

        data = GlobalData.from_dict(d.pop("data"))

        global_stats = cls(
            period=period,
            event_id=event_id,
            start_date=start_date,
            end_date=end_date,
            data=data,
        )

        global_stats.additional_properties = d
        return global_stats

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
