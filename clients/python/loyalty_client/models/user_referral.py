from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UserReferral")


@_attrs_define
class UserReferral:
    """
    Attributes:
        user_id (str):
        referral_id (None | str):
        code (str):
        referred_count (int):
    """

    user_id: str
    referral_id: None | str
    code: str
    referred_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        referral_id: None | str
        referral_id = self.referral_id

        code = self.code

        referred_count = self.referred_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "userId": user_id,
                "referralId": referral_id,
                "code": code,
                "referredCount": referred_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_id = d.pop("userId")

        def _parse_referral_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        referral_id = _parse_referral_id(d.pop("referralId"))

        code = d.pop("code")

        referred_count = d.pop("referredCount")

        user_referral = cls(
            user_id=user_id,
            referral_id=referral_id,
            code=code,
            referred_count=referred_count,
        )

        user_referral.additional_properties = d
        return user_referral

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
