from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="TimeZoneBody")


@_attrs_define
class TimeZoneBody:
    """
    Attributes:
        time_zone (None | str):
    """

    time_zone: None | str

    def to_dict(self) -> dict[str, Any]:
        time_zone: None | str
        time_zone = self.time_zone

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "timeZone": time_zone,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_time_zone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        time_zone = _parse_time_zone(d.pop("timeZone"))

        time_zone_body = cls(
            time_zone=time_zone,
        )

        return time_zone_body
