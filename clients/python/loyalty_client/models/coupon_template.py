from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CouponTemplate")


@_attrs_define
class CouponTemplate:
    """What every coupon of the offer gets: texts, validity and where its code comes from.

    Attributes:
        title (None | str | Unset):
        description (None | str | Unset):
        valid_days (int | None | Unset):
        valid_until (int | None | Unset):
        code_pattern (None | str | Unset):
        code_pool (bool | Unset):  Default: False.
        link (None | str | Unset):
        show_on_notification (bool | Unset):  Default: True.
    """

    title: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    valid_days: int | None | Unset = UNSET
    valid_until: int | None | Unset = UNSET
    code_pattern: None | str | Unset = UNSET
    code_pool: bool | Unset = False
    link: None | str | Unset = UNSET
    show_on_notification: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        valid_days: int | None | Unset
        if isinstance(self.valid_days, Unset):
            valid_days = UNSET
        else:
            valid_days = self.valid_days

        valid_until: int | None | Unset
        if isinstance(self.valid_until, Unset):
            valid_until = UNSET
        else:
            valid_until = self.valid_until

        code_pattern: None | str | Unset
        if isinstance(self.code_pattern, Unset):
            code_pattern = UNSET
        else:
            code_pattern = self.code_pattern

        code_pool = self.code_pool

        link: None | str | Unset
        if isinstance(self.link, Unset):
            link = UNSET
        else:
            link = self.link

        show_on_notification = self.show_on_notification

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if valid_days is not UNSET:
            field_dict["validDays"] = valid_days
        if valid_until is not UNSET:
            field_dict["validUntil"] = valid_until
        if code_pattern is not UNSET:
            field_dict["codePattern"] = code_pattern
        if code_pool is not UNSET:
            field_dict["codePool"] = code_pool
        if link is not UNSET:
            field_dict["link"] = link
        if show_on_notification is not UNSET:
            field_dict["showOnNotification"] = show_on_notification

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_valid_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        valid_days = _parse_valid_days(d.pop("validDays", UNSET))

        def _parse_valid_until(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        valid_until = _parse_valid_until(d.pop("validUntil", UNSET))

        def _parse_code_pattern(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code_pattern = _parse_code_pattern(d.pop("codePattern", UNSET))

        code_pool = d.pop("codePool", UNSET)

        def _parse_link(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        link = _parse_link(d.pop("link", UNSET))

        show_on_notification = d.pop("showOnNotification", UNSET)

        coupon_template = cls(
            title=title,
            description=description,
            valid_days=valid_days,
            valid_until=valid_until,
            code_pattern=code_pattern,
            code_pool=code_pool,
            link=link,
            show_on_notification=show_on_notification,
        )

        return coupon_template
