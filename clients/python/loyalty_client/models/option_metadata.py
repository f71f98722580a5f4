from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="OptionMetadata")


@_attrs_define
class OptionMetadata:
    """``redeemOption.metadata``: ``version`` is the optimistic-lock version; the timestamps are
    read-only (validated and ignored).

    Attributes:
        version (int | Unset):
        created_at (str | Unset):
        modified_at (str | Unset):
    """

    version: int | Unset = UNSET
    created_at: str | Unset = UNSET
    modified_at: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        created_at = self.created_at

        modified_at = self.modified_at

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if version is not UNSET:
            field_dict["version"] = version
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if modified_at is not UNSET:
            field_dict["modifiedAt"] = modified_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        version = d.pop("version", UNSET)

        created_at = d.pop("createdAt", UNSET)

        modified_at = d.pop("modifiedAt", UNSET)

        option_metadata = cls(
            version=version,
            created_at=created_at,
            modified_at=modified_at,
        )

        return option_metadata
