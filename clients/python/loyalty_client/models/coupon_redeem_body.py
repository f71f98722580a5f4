from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CouponRedeemBody")


@_attrs_define
class CouponRedeemBody:
    """
    Attributes:
        user_id (Any | Unset):
        sk (Any | Unset):
    """

    user_id: Any | Unset = UNSET
    sk: Any | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        sk = self.sk

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if user_id is not UNSET:
            field_dict["userId"] = user_id
        if sk is not UNSET:
            field_dict["SK"] = sk

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_id = d.pop("userId", UNSET)

        sk = d.pop("SK", UNSET)

        coupon_redeem_body = cls(
            user_id=user_id,
            sk=sk,
        )

        return coupon_redeem_body
