from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MemberCoupon")


@_attrs_define
class MemberCoupon:
    """
    Attributes:
        coupon_id (str):
        code (str):
        offer_id (None | str):
        title (None | str):
        state (str):
        issued_at (int):
        valid_until (int | None):
        redeemed_at (int | None):
        revoked_at (int | None):
        revoke_reason (None | str):
    """

    coupon_id: str
    code: str
    offer_id: None | str
    title: None | str
    state: str
    issued_at: int
    valid_until: int | None
    redeemed_at: int | None
    revoked_at: int | None
    revoke_reason: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        coupon_id = self.coupon_id

        code = self.code

        offer_id: None | str
        offer_id = self.offer_id

        title: None | str
        title = self.title

        state = self.state

        issued_at = self.issued_at

        valid_until: int | None
        valid_until = self.valid_until

        redeemed_at: int | None
        redeemed_at = self.redeemed_at

        revoked_at: int | None
        revoked_at = self.revoked_at

        revoke_reason: None | str
        revoke_reason = self.revoke_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "couponId": coupon_id,
                "code": code,
                "offerId": offer_id,
                "title": title,
                "state": state,
                "issuedAt": issued_at,
                "validUntil": valid_until,
                "redeemedAt": redeemed_at,
                "revokedAt": revoked_at,
                "revokeReason": revoke_reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        coupon_id = d.pop("couponId")

        code = d.pop("code")

        def _parse_offer_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        offer_id = _parse_offer_id(d.pop("offerId"))

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        state = d.pop("state")

        issued_at = d.pop("issuedAt")

        def _parse_valid_until(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        valid_until = _parse_valid_until(d.pop("validUntil"))

        def _parse_redeemed_at(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        redeemed_at = _parse_redeemed_at(d.pop("redeemedAt"))

        def _parse_revoked_at(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        revoked_at = _parse_revoked_at(d.pop("revokedAt"))

        def _parse_revoke_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        revoke_reason = _parse_revoke_reason(d.pop("revokeReason"))

        member_coupon = cls(
            coupon_id=coupon_id,
            code=code,
            offer_id=offer_id,
            title=title,
            state=state,
            issued_at=issued_at,
            valid_until=valid_until,
            redeemed_at=redeemed_at,
            revoked_at=revoked_at,
            revoke_reason=revoke_reason,
        )

        member_coupon.additional_properties = d
        return member_coupon

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
