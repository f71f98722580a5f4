from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CouponChangeReply")


@_attrs_define
class CouponChangeReply:
    """
    Attributes:
        user_id (str):
        coupon_id (str):
        code (str):
        offer_id (None | str):
        reason (str):
        valid_until (int | None):
        revoked_at (int | None):
    """

    user_id: str
    coupon_id: str
    code: str
    offer_id: None | str
    reason: str
    valid_until: int | None
    revoked_at: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        coupon_id = self.coupon_id

        code = self.code

        offer_id: None | str
        offer_id = self.offer_id

        reason = self.reason

        valid_until: int | None
        valid_until = self.valid_until

        revoked_at: int | None
        revoked_at = self.revoked_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "userId": user_id,
                "couponId": coupon_id,
                "code": code,
                "offerId": offer_id,
                "reason": reason,
                "validUntil": valid_until,
                "revokedAt": revoked_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_id = d.pop("userId")

        coupon_id = d.pop("couponId")

        code = d.pop("code")

        def _parse_offer_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        offer_id = _parse_offer_id(d.pop("offerId"))

        reason = d.pop("reason")

        def _parse_valid_until(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        valid_until = _parse_valid_until(d.pop("validUntil"))

        def _parse_revoked_at(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        revoked_at = _parse_revoked_at(d.pop("revokedAt"))

        coupon_change_reply = cls(
            user_id=user_id,
            coupon_id=coupon_id,
            code=code,
            offer_id=offer_id,
            reason=reason,
            valid_until=valid_until,
            revoked_at=revoked_at,
        )

        coupon_change_reply.additional_properties = d
        return coupon_change_reply

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
