from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.inventory_item_title_type_1 import InventoryItemTitleType1


T = TypeVar("T", bound="InventoryItem")


@_attrs_define
class InventoryItem:
    """
    Attributes:
        id (str):
        title (InventoryItemTitleType1 | None | str | Unset):
        media (None | str | Unset):
    """

    id: str
    title: InventoryItemTitleType1 | None | str | Unset = UNSET
    media: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.inventory_item_title_type_1 import InventoryItemTitleType1  # noqa: PLC0415

        id = self.id

        title: dict[str, Any] | None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        elif isinstance(self.title, InventoryItemTitleType1):
            title = self.title.to_dict()
        else:
            title = self.title

        media: None | str | Unset
        if isinstance(self.media, Unset):
            media = UNSET
        else:
            media = self.media

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if media is not UNSET:
            field_dict["media"] = media

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.inventory_item_title_type_1 import InventoryItemTitleType1  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_title(data: object) -> InventoryItemTitleType1 | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                title_type_1 = InventoryItemTitleType1.from_dict(data)

                return title_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InventoryItemTitleType1 | None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_media(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        media = _parse_media(d.pop("media", UNSET))

        inventory_item = cls(
            id=id,
            title=title,
            media=media,
        )

        return inventory_item
