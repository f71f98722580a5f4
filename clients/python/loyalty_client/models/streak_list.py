from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.streak import Streak


T = TypeVar("T", bound="StreakList")


@_attrs_define
class StreakList:
    """
    Attributes:
        streaks (list[Streak]):
        count (int):
    """

    streaks: list[Streak]
    count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        streaks = []
        for streaks_item_data in self.streaks:
            streaks_item = streaks_item_data.to_dict()
            streaks.append(streaks_item)

        count = self.count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "streaks": streaks,
                "count": count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.streak import Streak  # noqa: PLC0415

        d = dict(src_dict)
        streaks = []
        _streaks = d.pop("streaks")
        for streaks_item_data in _streaks:
            streaks_item = Streak.from_dict(streaks_item_data)

            streaks.append(streaks_item)

        count = d.pop("count")

        streak_list = cls(
            streaks=streaks,
            count=count,
        )

        streak_list.additional_properties = d
        return streak_list

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
