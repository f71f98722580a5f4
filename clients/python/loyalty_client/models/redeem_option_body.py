from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.redeem_option_body_coupon_type_0 import RedeemOptionBodyCouponType0
    from ..models.redeem_option_body_metadata_type_0 import RedeemOptionBodyMetadataType0


T = TypeVar("T", bound="RedeemOptionBody")


@_attrs_define
class RedeemOptionBody:
    """
    Attributes:
        type_ (str):
        name (str):
        points (int):
        id (None | str | Unset):
        description (None | str | Unset):
        coupon (None | RedeemOptionBodyCouponType0 | Unset):
        points_after_coupon (int | None | Unset):
        metadata (None | RedeemOptionBodyMetadataType0 | Unset):
    """

    type_: str
    name: str
    points: int
    id: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    coupon: None | RedeemOptionBodyCouponType0 | Unset = UNSET
    points_after_coupon: int | None | Unset = UNSET
    metadata: None | RedeemOptionBodyMetadataType0 | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.redeem_option_body_coupon_type_0 import RedeemOptionBodyCouponType0  # noqa: PLC0415
        from ..models.redeem_option_body_metadata_type_0 import RedeemOptionBodyMetadataType0  # noqa: PLC0415

        type_ = self.type_

        name = self.name

        points = self.points

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        coupon: dict[str, Any] | None | Unset
        if isinstance(self.coupon, Unset):
            coupon = UNSET
        elif isinstance(self.coupon, RedeemOptionBodyCouponType0):
            coupon = self.coupon.to_dict()
        else:
            coupon = self.coupon

        points_after_coupon: int | None | Unset
        if isinstance(self.points_after_coupon, Unset):
            points_after_coupon = UNSET
        else:
            points_after_coupon = self.points_after_coupon

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, RedeemOptionBodyMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

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
        from ..models.redeem_option_body_coupon_type_0 import RedeemOptionBodyCouponType0  # noqa: PLC0415
        from ..models.redeem_option_body_metadata_type_0 import RedeemOptionBodyMetadataType0  # noqa: PLC0415

        d = dict(src_dict)
        type_ = d.pop("type")

        name = d.pop("name")

        points = d.pop("points")

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_coupon(data: object) -> None | RedeemOptionBodyCouponType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                coupon_type_0 = RedeemOptionBodyCouponType0.from_dict(data)

                return coupon_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RedeemOptionBodyCouponType0 | Unset, data)

        coupon = _parse_coupon(d.pop("coupon", UNSET))

        def _parse_points_after_coupon(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        points_after_coupon = _parse_points_after_coupon(d.pop("pointsAfterCoupon", UNSET))

        def _parse_metadata(data: object) -> None | RedeemOptionBodyMetadataType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = RedeemOptionBodyMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RedeemOptionBodyMetadataType0 | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

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
