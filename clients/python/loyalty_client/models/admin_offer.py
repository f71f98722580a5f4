from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.admin_offer_status import AdminOfferStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.admin_offer_coupon_type_0 import AdminOfferCouponType0
    from ..models.admin_offer_metadata_type_0 import AdminOfferMetadataType0
    from ..models.coupon_template import CouponTemplate


T = TypeVar("T", bound="AdminOffer")


@_attrs_define
class AdminOffer:
    """Reward catalog: Lynes offers and Emporix redeem options.

    Attributes:
        version (int):
        offer_id (None | str | Unset):
        id (None | str | Unset):
        type_ (str | Unset):  Default: 'coupon'.
        title (None | str | Unset):
        name (None | str | Unset):
        description (None | str | Unset):
        points (int | Unset):  Default: 0.
        coupon (AdminOfferCouponType0 | None | Unset):
        points_after_coupon (int | None | Unset):
        metadata (AdminOfferMetadataType0 | None | Unset):
        shop_id (None | str | Unset):
        image (None | str | Unset):
        valid_from (int | None | Unset):
        valid_until (int | None | Unset):
        coupon_valid_days (int | None | Unset):
        stock (int | None | Unset):
        per_user_limit (int | None | Unset):
        coupon_template (CouponTemplate | None | Unset):
        status (AdminOfferStatus | Unset):  Default: AdminOfferStatus.ACTIVE.
    """

    version: int
    offer_id: None | str | Unset = UNSET
    id: None | str | Unset = UNSET
    type_: str | Unset = "coupon"
    title: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    points: int | Unset = 0
    coupon: AdminOfferCouponType0 | None | Unset = UNSET
    points_after_coupon: int | None | Unset = UNSET
    metadata: AdminOfferMetadataType0 | None | Unset = UNSET
    shop_id: None | str | Unset = UNSET
    image: None | str | Unset = UNSET
    valid_from: int | None | Unset = UNSET
    valid_until: int | None | Unset = UNSET
    coupon_valid_days: int | None | Unset = UNSET
    stock: int | None | Unset = UNSET
    per_user_limit: int | None | Unset = UNSET
    coupon_template: CouponTemplate | None | Unset = UNSET
    status: AdminOfferStatus | Unset = AdminOfferStatus.ACTIVE
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.admin_offer_coupon_type_0 import AdminOfferCouponType0  # noqa: PLC0415
        from ..models.admin_offer_metadata_type_0 import AdminOfferMetadataType0  # noqa: PLC0415
        from ..models.coupon_template import CouponTemplate  # noqa: PLC0415

        version = self.version

        offer_id: None | str | Unset
        if isinstance(self.offer_id, Unset):
            offer_id = UNSET
        else:
            offer_id = self.offer_id

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        type_ = self.type_

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        points = self.points

        coupon: dict[str, Any] | None | Unset
        if isinstance(self.coupon, Unset):
            coupon = UNSET
        elif isinstance(self.coupon, AdminOfferCouponType0):
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
        elif isinstance(self.metadata, AdminOfferMetadataType0):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        shop_id: None | str | Unset
        if isinstance(self.shop_id, Unset):
            shop_id = UNSET
        else:
            shop_id = self.shop_id

        image: None | str | Unset
        if isinstance(self.image, Unset):
            image = UNSET
        else:
            image = self.image

        valid_from: int | None | Unset
        if isinstance(self.valid_from, Unset):
            valid_from = UNSET
        else:
            valid_from = self.valid_from

        valid_until: int | None | Unset
        if isinstance(self.valid_until, Unset):
            valid_until = UNSET
        else:
            valid_until = self.valid_until

        coupon_valid_days: int | None | Unset
        if isinstance(self.coupon_valid_days, Unset):
            coupon_valid_days = UNSET
        else:
            coupon_valid_days = self.coupon_valid_days

        stock: int | None | Unset
        if isinstance(self.stock, Unset):
            stock = UNSET
        else:
            stock = self.stock

        per_user_limit: int | None | Unset
        if isinstance(self.per_user_limit, Unset):
            per_user_limit = UNSET
        else:
            per_user_limit = self.per_user_limit

        coupon_template: dict[str, Any] | None | Unset
        if isinstance(self.coupon_template, Unset):
            coupon_template = UNSET
        elif isinstance(self.coupon_template, CouponTemplate):
            coupon_template = self.coupon_template.to_dict()
        else:
            coupon_template = self.coupon_template

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "version": version,
            }
        )
        if offer_id is not UNSET:
            field_dict["offerId"] = offer_id
        if id is not UNSET:
            field_dict["id"] = id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if title is not UNSET:
            field_dict["title"] = title
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if points is not UNSET:
            field_dict["points"] = points
        if coupon is not UNSET:
            field_dict["coupon"] = coupon
        if points_after_coupon is not UNSET:
            field_dict["pointsAfterCoupon"] = points_after_coupon
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if shop_id is not UNSET:
            field_dict["shopId"] = shop_id
        if image is not UNSET:
            field_dict["image"] = image
        if valid_from is not UNSET:
            field_dict["validFrom"] = valid_from
        if valid_until is not UNSET:
            field_dict["validUntil"] = valid_until
        if coupon_valid_days is not UNSET:
            field_dict["couponValidDays"] = coupon_valid_days
        if stock is not UNSET:
            field_dict["stock"] = stock
        if per_user_limit is not UNSET:
            field_dict["perUserLimit"] = per_user_limit
        if coupon_template is not UNSET:
            field_dict["couponTemplate"] = coupon_template
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.admin_offer_coupon_type_0 import AdminOfferCouponType0  # noqa: PLC0415
        from ..models.admin_offer_metadata_type_0 import AdminOfferMetadataType0  # noqa: PLC0415
        from ..models.coupon_template import CouponTemplate  # noqa: PLC0415

        d = dict(src_dict)
        version = d.pop("version")

        def _parse_offer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        offer_id = _parse_offer_id(d.pop("offerId", UNSET))

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        type_ = d.pop("type", UNSET)

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        points = d.pop("points", UNSET)

        def _parse_coupon(data: object) -> AdminOfferCouponType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                coupon_type_0 = AdminOfferCouponType0.from_dict(data)

                return coupon_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminOfferCouponType0 | None | Unset, data)

        coupon = _parse_coupon(d.pop("coupon", UNSET))

        def _parse_points_after_coupon(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        points_after_coupon = _parse_points_after_coupon(d.pop("pointsAfterCoupon", UNSET))

        def _parse_metadata(data: object) -> AdminOfferMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = AdminOfferMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminOfferMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_shop_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        shop_id = _parse_shop_id(d.pop("shopId", UNSET))

        def _parse_image(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        image = _parse_image(d.pop("image", UNSET))

        def _parse_valid_from(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        valid_from = _parse_valid_from(d.pop("validFrom", UNSET))

        def _parse_valid_until(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        valid_until = _parse_valid_until(d.pop("validUntil", UNSET))

        def _parse_coupon_valid_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        coupon_valid_days = _parse_coupon_valid_days(d.pop("couponValidDays", UNSET))

        def _parse_stock(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        stock = _parse_stock(d.pop("stock", UNSET))

        def _parse_per_user_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        per_user_limit = _parse_per_user_limit(d.pop("perUserLimit", UNSET))

        def _parse_coupon_template(data: object) -> CouponTemplate | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                coupon_template_type_0 = CouponTemplate.from_dict(data)

                return coupon_template_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CouponTemplate | None | Unset, data)

        coupon_template = _parse_coupon_template(d.pop("couponTemplate", UNSET))

        _status = d.pop("status", UNSET)
        status: AdminOfferStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = AdminOfferStatus(_status)

        admin_offer = cls(
            version=version,
            offer_id=offer_id,
            id=id,
            type_=type_,
            title=title,
            name=name,
            description=description,
            points=points,
            coupon=coupon,
            points_after_coupon=points_after_coupon,
            metadata=metadata,
            shop_id=shop_id,
            image=image,
            valid_from=valid_from,
            valid_until=valid_until,
            coupon_valid_days=coupon_valid_days,
            stock=stock,
            per_user_limit=per_user_limit,
            coupon_template=coupon_template,
            status=status,
        )

        admin_offer.additional_properties = d
        return admin_offer

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
