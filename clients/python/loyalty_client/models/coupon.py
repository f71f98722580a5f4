from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.coupon_metadata import CouponMetadata


T = TypeVar("T", bound="Coupon")


@_attrs_define
class Coupon:
    """
    Attributes:
        pk (str):
        sk (str):
        title (None | str):
        description (None | str):
        valid_until (int):
        redeemed (bool):
        metadata (CouponMetadata):
    """

    pk: str
    sk: str
    title: None | str
    description: None | str
    valid_until: int
    redeemed: bool
    metadata: CouponMetadata
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pk = self.pk

        sk = self.sk

        title: None | str
        title = self.title

        description: None | str
        description = self.description

        valid_until = self.valid_until

        redeemed = self.redeemed

        metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "PK": pk,
                "SK": sk,
                "title": title,
                "description": description,
                "validUntil": valid_until,
                "redeemed": redeemed,
                "metadata": metadata,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.coupon_metadata import CouponMetadata  # noqa: PLC0415

        d = dict(src_dict)
        pk = d.pop("PK")

        sk = d.pop("SK")

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        valid_until = d.pop("validUntil")

        redeemed = d.pop("redeemed")

        metadata = CouponMetadata.from_dict(d.pop("metadata"))

        coupon = cls(
            pk=pk,
            sk=sk,
            title=title,
            description=description,
            valid_until=valid_until,
            redeemed=redeemed,
            metadata=metadata,
        )

        coupon.additional_properties = d
        return coupon

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
