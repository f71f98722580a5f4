from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Link")


@_attrs_define
class Link:
    """
    Attributes:
        rel (str):
        title (str):
        href (str):
        type_ (str):
    """

    rel: str
    title: str
    href: str
    type_: str

    def to_dict(self) -> dict[str, Any]:
        rel = self.rel

        title = self.title

        href = self.href

        type_ = self.type_

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "rel": rel,
                "title": title,
                "href": href,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rel = d.pop("rel")

        title = d.pop("title")

        href = d.pop("href")

        type_ = d.pop("type")

        link = cls(
            rel=rel,
            title=title,
            href=href,
            type_=type_,
        )

        return link
