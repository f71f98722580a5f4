from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.redeem_option_coupon_discount_type import RedeemOptionCouponDiscountType
from ..models.redeem_option_coupon_status import RedeemOptionCouponStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.link import Link
    from ..models.money import Money
    from ..models.restrictions import Restrictions


T = TypeVar("T", bound="RedeemOptionCoupon")


@_attrs_define
class RedeemOptionCoupon:
    """The vendor's ``coupon`` ("RedeemOptionCoupon API"): the template copied onto every issued coupon.

    Attributes:
        name (str):
        discount_type (RedeemOptionCouponDiscountType):
        code (str | Unset):
        description (str | Unset):
        discount_percentage (float | Unset):
        discount_absolute (Money | Unset): ``Money Amount``.
        allow_anonymous (bool | Unset):
        max_redemptions (float | Unset):
        max_redemptions_per_customer (float | Unset):
        restrictions (Restrictions | Unset):
        issued_to (str | Unset):
        redemption_count (float | Unset):
        status (RedeemOptionCouponStatus | Unset):
        links (list[Link] | Unset):
        deleted (bool | Unset):
    """

    name: str
    discount_type: RedeemOptionCouponDiscountType
    code: str | Unset = UNSET
    description: str | Unset = UNSET
    discount_percentage: float | Unset = UNSET
    discount_absolute: Money | Unset = UNSET
    allow_anonymous: bool | Unset = UNSET
    max_redemptions: float | Unset = UNSET
    max_redemptions_per_customer: float | Unset = UNSET
    restrictions: Restrictions | Unset = UNSET
    issued_to: str | Unset = UNSET
    redemption_count: float | Unset = UNSET
    status: RedeemOptionCouponStatus | Unset = UNSET
    links: list[Link] | Unset = UNSET
    deleted: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        discount_type = self.discount_type.value

        code = self.code

        description = self.description

        discount_percentage = self.discount_percentage

        discount_absolute: dict[str, Any] | Unset = UNSET
        if not isinstance(self.discount_absolute, Unset):
            discount_absolute = self.discount_absolute.to_dict()

        allow_anonymous = self.allow_anonymous

        max_redemptions = self.max_redemptions

        max_redemptions_per_customer = self.max_redemptions_per_customer

        restrictions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.restrictions, Unset):
            restrictions = self.restrictions.to_dict()

        issued_to = self.issued_to

        redemption_count = self.redemption_count

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        links: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = []
            for links_item_data in self.links:
                links_item = links_item_data.to_dict()
                links.append(links_item)

        deleted = self.deleted

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "discountType": discount_type,
            }
        )
        if code is not UNSET:
            field_dict["code"] = code
        if description is not UNSET:
            field_dict["description"] = description
        if discount_percentage is not UNSET:
            field_dict["discountPercentage"] = discount_percentage
        if discount_absolute is not UNSET:
            field_dict["discountAbsolute"] = discount_absolute
        if allow_anonymous is not UNSET:
            field_dict["allowAnonymous"] = allow_anonymous
        if max_redemptions is not UNSET:
            field_dict["maxRedemptions"] = max_redemptions
        if max_redemptions_per_customer is not UNSET:
            field_dict["maxRedemptionsPerCustomer"] = max_redemptions_per_customer
        if restrictions is not UNSET:
            field_dict["restrictions"] = restrictions
        if issued_to is not UNSET:
            field_dict["issuedTo"] = issued_to
        if redemption_count is not UNSET:
            field_dict["redemptionCount"] = redemption_count
        if status is not UNSET:
            field_dict["status"] = status
        if links is not UNSET:
            field_dict["links"] = links
        if deleted is not UNSET:
            field_dict["deleted"] = deleted

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.link import Link  # noqa: PLC0415
        from ..models.money import Money  # noqa: PLC0415
        from ..models.restrictions import Restrictions  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        discount_type = RedeemOptionCouponDiscountType(d.pop("discountType"))

        code = d.pop("code", UNSET)

        description = d.pop("description", UNSET)

        discount_percentage = d.pop("discountPercentage", UNSET)

        _discount_absolute = d.pop("discountAbsolute", UNSET)
        discount_absolute: Money | Unset
        if isinstance(_discount_absolute, Unset):
            discount_absolute = UNSET
        else:
            discount_absolute = Money.from_dict(_discount_absolute)

        allow_anonymous = d.pop("allowAnonymous", UNSET)

        max_redemptions = d.pop("maxRedemptions", UNSET)

        max_redemptions_per_customer = d.pop("maxRedemptionsPerCustomer", UNSET)

        _restrictions = d.pop("restrictions", UNSET)
        restrictions: Restrictions | Unset
        if isinstance(_restrictions, Unset):
            restrictions = UNSET
        else:
            restrictions = Restrictions.from_dict(_restrictions)

        issued_to = d.pop("issuedTo", UNSET)

        redemption_count = d.pop("redemptionCount", UNSET)

        _status = d.pop("status", UNSET)
        status: RedeemOptionCouponStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = RedeemOptionCouponStatus(_status)

        _links = d.pop("links", UNSET)
        links: list[Link] | Unset = UNSET
        if _links is not UNSET:
            links = []
            for links_item_data in _links:
                links_item = Link.from_dict(links_item_data)

                links.append(links_item)

        deleted = d.pop("deleted", UNSET)

        redeem_option_coupon = cls(
            name=name,
            discount_type=discount_type,
            code=code,
            description=description,
            discount_percentage=discount_percentage,
            discount_absolute=discount_absolute,
            allow_anonymous=allow_anonymous,
            max_redemptions=max_redemptions,
            max_redemptions_per_customer=max_redemptions_per_customer,
            restrictions=restrictions,
            issued_to=issued_to,
            redemption_count=redemption_count,
            status=status,
            links=links,
            deleted=deleted,
        )

        return redeem_option_coupon
