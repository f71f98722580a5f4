from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RateLimit")


@_attrs_define
class RateLimit:
    """
    Attributes:
        requests_per_minute (int | Unset):  Default: 0.
        per_credential_per_minute (int | Unset):  Default: 0.
    """

    requests_per_minute: int | Unset = 0
    per_credential_per_minute: int | Unset = 0

    def to_dict(self) -> dict[str, Any]:
        requests_per_minute = self.requests_per_minute

        per_credential_per_minute = self.per_credential_per_minute

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if requests_per_minute is not UNSET:
            field_dict["requestsPerMinute"] = requests_per_minute
        if per_credential_per_minute is not UNSET:
            field_dict["perCredentialPerMinute"] = per_credential_per_minute

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        requests_per_minute = d.pop("requestsPerMinute", UNSET)

        per_credential_per_minute = d.pop("perCredentialPerMinute", UNSET)

        rate_limit = cls(
            requests_per_minute=requests_per_minute,
            per_credential_per_minute=per_credential_per_minute,
        )

        return rate_limit
