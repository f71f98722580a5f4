from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.coupon import Coupon


T = TypeVar("T", bound="Redeemed")


@_attrs_define
class Redeemed:
    """
    Attributes:
        redeemed (bool):
        offer_id (str):
        points (int):
        balance (int | None):
        coupon (Coupon):
    """

    redeemed: bool
    offer_id: str
    points: int
    balance: int | None
    coupon: Coupon
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        redeemed = self.redeemed

        offer_id = self.offer_id

        points = self.points

        balance: int | None
        balance = self.balance

        coupon = self.coupon.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "redeemed": redeemed,
                "offerId": offer_id,
                "points": points,
                "balance": balance,
                "coupon": coupon,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.coupon import Coupon  # noqa: PLC0415

        d = dict(src_dict)
        redeemed = d.pop("redeemed")

        offer_id = d.pop("offerId")

        points = d.pop("points")

        def _parse_balance(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        balance = _parse_balance(d.pop("balance"))

        coupon = Coupon.from_dict(d.pop("coupon"))

        redeemed = cls(
            redeemed=redeemed,
            offer_id=offer_id,
            points=points,
            balance=balance,
            coupon=coupon,
        )

        redeemed.additional_properties = d
        return redeemed

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
