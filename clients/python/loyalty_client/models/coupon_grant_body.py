from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CouponGrantBody")


@_attrs_define
class CouponGrantBody:
    """
    Attributes:
        offer_id (str):
        reason (str):
    """

    offer_id: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        offer_id = self.offer_id

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "offerId": offer_id,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        offer_id = d.pop("offerId")

        reason = d.pop("reason")

        coupon_grant_body = cls(
            offer_id=offer_id,
            reason=reason,
        )

        return coupon_grant_body
