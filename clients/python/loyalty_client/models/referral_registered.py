from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReferralRegistered")


@_attrs_define
class ReferralRegistered:
    """
    Attributes:
        message (str):
        user_id (str):
        referral_id (str):
        code (str):
    """

    message: str
    user_id: str
    referral_id: str
    code: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        user_id = self.user_id

        referral_id = self.referral_id

        code = self.code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message": message,
                "userId": user_id,
                "referralId": referral_id,
                "code": code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        message = d.pop("message")

        user_id = d.pop("userId")

        referral_id = d.pop("referralId")

        code = d.pop("code")

        referral_registered = cls(
            message=message,
            user_id=user_id,
            referral_id=referral_id,
            code=code,
        )

        referral_registered.additional_properties = d
        return referral_registered

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
