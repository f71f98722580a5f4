from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.option_metadata import OptionMetadata
    from ..models.redeem_option_coupon import RedeemOptionCoupon


T = TypeVar("T", bound="RedeemOptionBody")


@_attrs_define
class RedeemOptionBody:
    """``redeemOption`` as a request body (create and update).

    Attributes:
        type_ (str):
        name (str):
        points (int):
        id (str | Unset):
        description (str | Unset):
        coupon (RedeemOptionCoupon | Unset): The vendor's ``coupon`` ("RedeemOptionCoupon API"): the template copied
            onto every issued coupon.
        points_after_coupon (int | Unset):
        metadata (OptionMetadata | Unset): ``redeemOption.metadata``: ``version`` is the optimistic-lock version; the
            timestamps are
                read-only (validated and ignored).
    """

    type_: str
    name: str
    points: int
    id: str | Unset = UNSET
    description: str | Unset = UNSET
    coupon: RedeemOptionCoupon | Unset = UNSET
    points_after_coupon: int | Unset = UNSET
    metadata: OptionMetadata | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        name = self.name

        points = self.points

        id = self.id

        description = self.description

        coupon: dict[str, Any] | Unset = UNSET
        if not isinstance(self.coupon, Unset):
            coupon = self.coupon.to_dict()

        points_after_coupon = self.points_after_coupon

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "name": name,
                "points": points,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if description is not UNSET:
            field_dict["description"] = description
        if coupon is not UNSET:
            field_dict["coupon"] = coupon
        if points_after_coupon is not UNSET:
            field_dict["pointsAfterCoupon"] = points_after_coupon
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.option_metadata import OptionMetadata  # noqa: PLC0415
        from ..models.redeem_option_coupon import RedeemOptionCoupon  # noqa: PLC0415

        d = dict(src_dict)
        type_ = d.pop("type")

        name = d.pop("name")

        points = d.pop("points")

        id = d.pop("id", UNSET)

        description = d.pop("description", UNSET)

        _coupon = d.pop("coupon", UNSET)
        coupon: RedeemOptionCoupon | Unset
        if isinstance(_coupon, Unset):
            coupon = UNSET
        else:
            coupon = RedeemOptionCoupon.from_dict(_coupon)

        points_after_coupon = d.pop("pointsAfterCoupon", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: OptionMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = OptionMetadata.from_dict(_metadata)

        redeem_option_body = cls(
            type_=type_,
            name=name,
            points=points,
            id=id,
            description=description,
            coupon=coupon,
            points_after_coupon=points_after_coupon,
            metadata=metadata,
        )

        return redeem_option_body
