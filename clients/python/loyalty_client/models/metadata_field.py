from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.metadata_field_type import MetadataFieldType
from ..types import UNSET, Unset

T = TypeVar("T", bound="MetadataField")


@_attrs_define
class MetadataField:
    """
    Attributes:
        key (str):
        type_ (MetadataFieldType | Unset):  Default: MetadataFieldType.STRING.
        required (bool | Unset):  Default: False.
    """

    key: str
    type_: MetadataFieldType | Unset = MetadataFieldType.STRING
    required: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        required = self.required

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "key": key,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if required is not UNSET:
            field_dict["required"] = required

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        _type_ = d.pop("type", UNSET)
        type_: MetadataFieldType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = MetadataFieldType(_type_)

        required = d.pop("required", UNSET)

        metadata_field = cls(
            key=key,
            type_=type_,
            required=required,
        )

        return metadata_field
