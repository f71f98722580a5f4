from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CouponData")


@_attrs_define
class CouponData:
    """
    Attributes:
        id (str):
        title (None | str):
        link (None | str):
        coupon_id (None | str):
        coupon_type (str):
        coupon_code (str):
        show_on_notification (bool):
    """

    id: str
    title: None | str
    link: None | str
    coupon_id: None | str
    coupon_type: str
    coupon_code: str
    show_on_notification: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title: None | str
        title = self.title

        link: None | str
        link = self.link

        coupon_id: None | str
        coupon_id = self.coupon_id

        coupon_type = self.coupon_type

        coupon_code = self.coupon_code

        show_on_notification = self.show_on_notification

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "link": link,
                "coupon_id": coupon_id,
                "coupon_type": coupon_type,
                "coupon_code": coupon_code,
                "showOnNotification": show_on_notification,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        def _parse_link(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        link = _parse_link(d.pop("link"))

        def _parse_coupon_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        coupon_id = _parse_coupon_id(d.pop("coupon_id"))

        coupon_type = d.pop("coupon_type")

        coupon_code = d.pop("coupon_code")

        show_on_notification = d.pop("showOnNotification")

        coupon_data = cls(
            id=id,
            title=title,
            link=link,
            coupon_id=coupon_id,
            coupon_type=coupon_type,
            coupon_code=coupon_code,
            show_on_notification=show_on_notification,
        )

        coupon_data.additional_properties = d
        return coupon_data

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
