from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UsersMetadata")


@_attrs_define
class UsersMetadata:
    """
    Attributes:
        unique_users_calculation_method (str):
        unique_users_note (None | str):
    """

    unique_users_calculation_method: str
    unique_users_note: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        unique_users_calculation_method = self.unique_users_calculation_method

        unique_users_note: None | str
        unique_users_note = self.unique_users_note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uniqueUsersCalculationMethod": unique_users_calculation_method,
                "uniqueUsersNote": unique_users_note,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        unique_users_calculation_method = d.pop("uniqueUsersCalculationMethod")

        def _parse_unique_users_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        unique_users_note = _parse_unique_users_note(d.pop("uniqueUsersNote"))

        users_metadata = cls(
            unique_users_calculation_method=unique_users_calculation_method,
            unique_users_note=unique_users_note,
        )

        users_metadata.additional_properties = d
        return users_metadata

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
