from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.redeem_option_coupon_type_0 import RedeemOptionCouponType0
    from ..models.redeem_option_metadata import RedeemOptionMetadata


T = TypeVar("T", bound="RedeemOption")


@_attrs_define
class RedeemOption:
    """
    Attributes:
        id (str):
        type_ (str):
        name (str):
        points (int):
        metadata (RedeemOptionMetadata):
        description (None | str | Unset):
        coupon (None | RedeemOptionCouponType0 | Unset):
        points_after_coupon (int | None | Unset):
    """

    id: str
    type_: str
    name: str
    points: int
    metadata: RedeemOptionMetadata
    description: None | str | Unset = UNSET
    coupon: None | RedeemOptionCouponType0 | Unset = UNSET
    points_after_coupon: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.redeem_option_coupon_type_0 import RedeemOptionCouponType0  # noqa: PLC0415

        id = self.id

        type_ = self.type_

        name = self.name

        points = self.points

        metadata = self.metadata.to_dict()

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        coupon: dict[str, Any] | None | Unset
        if isinstance(self.coupon, Unset):
            coupon = UNSET
        elif isinstance(self.coupon, RedeemOptionCouponType0):
            coupon = self.coupon.to_dict()
        else:
            coupon = self.coupon

        points_after_coupon: int | None | Unset
        if isinstance(self.points_after_coupon, Unset):
            points_after_coupon = UNSET
        else:
            points_after_coupon = self.points_after_coupon

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "name": name,
                "points": points,
                "metadata": metadata,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if coupon is not UNSET:
            field_dict["coupon"] = coupon
        if points_after_coupon is not UNSET:
            field_dict["pointsAfterCoupon"] = points_after_coupon

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.redeem_option_coupon_type_0 import RedeemOptionCouponType0  # noqa: PLC0415
        from ..models.redeem_option_metadata import RedeemOptionMetadata  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        type_ = d.pop("type")

        name = d.pop("name")

        points = d.pop("points")

        metadata = RedeemOptionMetadata.from_dict(d.pop("metadata"))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_coupon(data: object) -> None | RedeemOptionCouponType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                coupon_type_0 = RedeemOptionCouponType0.from_dict(data)

                return coupon_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RedeemOptionCouponType0 | Unset, data)

        coupon = _parse_coupon(d.pop("coupon", UNSET))

        def _parse_points_after_coupon(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        points_after_coupon = _parse_points_after_coupon(d.pop("pointsAfterCoupon", UNSET))

        redeem_option = cls(
            id=id,
            type_=type_,
            name=name,
            points=points,
            metadata=metadata,
            description=description,
            coupon=coupon,
            points_after_coupon=points_after_coupon,
        )

        redeem_option.additional_properties = d
        return redeem_option

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
