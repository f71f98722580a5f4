from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.ranked_entry import RankedEntry


T = TypeVar("T", bound="Neighbours")


@_attrs_define
class Neighbours:
    """
    Attributes:
        above (list[RankedEntry]):
        below (list[RankedEntry]):
    """

    above: list[RankedEntry]
    below: list[RankedEntry]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        above = []
        for above_item_data in self.above:
            above_item = above_item_data.to_dict()
            above.append(above_item)

        below = []
        for below_item_data in self.below:
            below_item = below_item_data.to_dict()
            below.append(below_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "above": above,
                "below": below,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ranked_entry import RankedEntry  # noqa: PLC0415

        d = dict(src_dict)
        above = []
        _above = d.pop("above")
        for above_item_data in _above:
            above_item = RankedEntry.from_dict(above_item_data)

            above.append(above_item)

        below = []
        _below = d.pop("below")
        for below_item_data in _below:
            below_item = RankedEntry.from_dict(below_item_data)

            below.append(below_item)

        neighbours = cls(
            above=above,
            below=below,
        )

        neighbours.additional_properties = d
        return neighbours

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
