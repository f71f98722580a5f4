from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Redeemable")


@_attrs_define
class Redeemable:
    """
    Attributes:
        offer_id (str):
        redeemable (bool):
        reasons (list[str]):
        messages (list[str]):
        points (int):
        user_points (int):
        stock_left (int | None):
        user_redemptions (int):
        per_user_limit (int | None):
    """

    offer_id: str
    redeemable: bool
    reasons: list[str]
    messages: list[str]
    points: int
    user_points: int
    stock_left: int | None
    user_redemptions: int
    per_user_limit: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        offer_id = self.offer_id

        redeemable = self.redeemable

        reasons = self.reasons

        messages = self.messages

        points = self.points

        user_points = self.user_points

        stock_left: int | None
        stock_left = self.stock_left

        user_redemptions = self.user_redemptions

        per_user_limit: int | None
        per_user_limit = self.per_user_limit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "offerId": offer_id,
                "redeemable": redeemable,
                "reasons": reasons,
                "messages": messages,
                "points": points,
                "userPoints": user_points,
                "stockLeft": stock_left,
                "userRedemptions": user_redemptions,
                "perUserLimit": per_user_limit,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        offer_id = d.pop("offerId")

        redeemable = d.pop("redeemable")

        reasons = cast(list[str], d.pop("reasons"))

        messages = cast(list[str], d.pop("messages"))

        points = d.pop("points")

        user_points = d.pop("userPoints")

        def _parse_stock_left(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        stock_left = _parse_stock_left(d.pop("stockLeft"))

        user_redemptions = d.pop("userRedemptions")

        def _parse_per_user_limit(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        per_user_limit = _parse_per_user_limit(d.pop("perUserLimit"))

        redeemable = cls(
            offer_id=offer_id,
            redeemable=redeemable,
            reasons=reasons,
            messages=messages,
            points=points,
            user_points=user_points,
            stock_left=stock_left,
            user_redemptions=user_redemptions,
            per_user_limit=per_user_limit,
        )

        redeemable.additional_properties = d
        return redeemable

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
