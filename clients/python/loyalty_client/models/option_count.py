from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.option_count_label_type_0 import OptionCountLabelType0


T = TypeVar("T", bound="OptionCount")


@_attrs_define
class OptionCount:
    """
    Attributes:
        option_id (str):
        label (None | OptionCountLabelType0):
        count (int):
    """

    option_id: str
    label: None | OptionCountLabelType0
    count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.option_count_label_type_0 import OptionCountLabelType0  # noqa: PLC0415

        option_id = self.option_id

        label: dict[str, Any] | None
        if isinstance(self.label, OptionCountLabelType0):
            label = self.label.to_dict()
        else:
            label = self.label

        count = self.count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "optionId": option_id,
                "label": label,
                "count": count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.option_count_label_type_0 import OptionCountLabelType0  # noqa: PLC0415

        d = dict(src_dict)
        option_id = d.pop("optionId")

        def _parse_label(data: object) -> None | OptionCountLabelType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                label_type_0 = OptionCountLabelType0.from_dict(data)

                return label_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OptionCountLabelType0, data)

        label = _parse_label(d.pop("label"))

        count = d.pop("count")

        option_count = cls(
            option_id=option_id,
            label=label,
            count=count,
        )

        option_count.additional_properties = d
        return option_count

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
