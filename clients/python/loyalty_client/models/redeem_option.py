from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.option_metadata import OptionMetadata
    from ..models.redeem_option_coupon import RedeemOptionCoupon


T = TypeVar("T", bound="RedeemOption")


@_attrs_define
class RedeemOption:
    """``redeemOption`` as answered.

    Attributes:
        id (str):
        type_ (str):
        name (str):
        points (int):
        metadata (OptionMetadata): ``redeemOption.metadata``: ``version`` is the optimistic-lock version; the timestamps
            are
                read-only (validated and ignored).
        description (str | Unset):
        coupon (RedeemOptionCoupon | Unset): The vendor's ``coupon`` ("RedeemOptionCoupon API"): the template copied
            onto every issued coupon.
        points_after_coupon (int | Unset):
    """

    id: str
    type_: str
    name: str
    points: int
    metadata: OptionMetadata
    description: str | Unset = UNSET
    coupon: RedeemOptionCoupon | Unset = UNSET
    points_after_coupon: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_

        name = self.name

        points = self.points

        metadata = self.metadata.to_dict()

        description = self.description

        coupon: dict[str, Any] | Unset = UNSET
        if not isinstance(self.coupon, Unset):
            coupon = self.coupon.to_dict()

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
        from ..models.option_metadata import OptionMetadata  # noqa: PLC0415
        from ..models.redeem_option_coupon import RedeemOptionCoupon  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        type_ = d.pop("type")

        name = d.pop("name")

        points = d.pop("points")

        metadata = OptionMetadata.from_dict(d.pop("metadata"))

        description = d.pop("description", UNSET)

        _coupon = d.pop("coupon", UNSET)
        coupon: RedeemOptionCoupon | Unset
        if isinstance(_coupon, Unset):
            coupon = UNSET
        else:
            coupon = RedeemOptionCoupon.from_dict(_coupon)

        points_after_coupon = d.pop("pointsAfterCoupon", UNSET)

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
