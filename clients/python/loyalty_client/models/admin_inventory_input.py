from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.admin_inventory_input_title_type_1 import AdminInventoryInputTitleType1
    from ..models.inventory_item import InventoryItem


T = TypeVar("T", bound="AdminInventoryInput")


@_attrs_define
class AdminInventoryInput:
    """Inventory sets and their items, which challenges hand out (and take back).

    Attributes:
        id (None | str | Unset):
        title (AdminInventoryInputTitleType1 | None | str | Unset):
        items (list[InventoryItem] | Unset):
        version (int | None | Unset):
    """

    id: None | str | Unset = UNSET
    title: AdminInventoryInputTitleType1 | None | str | Unset = UNSET
    items: list[InventoryItem] | Unset = UNSET
    version: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.admin_inventory_input_title_type_1 import AdminInventoryInputTitleType1  # noqa: PLC0415

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        title: dict[str, Any] | None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        elif isinstance(self.title, AdminInventoryInputTitleType1):
            title = self.title.to_dict()
        else:
            title = self.title

        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        version: int | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if title is not UNSET:
            field_dict["title"] = title
        if items is not UNSET:
            field_dict["items"] = items
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.admin_inventory_input_title_type_1 import AdminInventoryInputTitleType1  # noqa: PLC0415
        from ..models.inventory_item import InventoryItem  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_title(data: object) -> AdminInventoryInputTitleType1 | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                title_type_1 = AdminInventoryInputTitleType1.from_dict(data)

                return title_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminInventoryInputTitleType1 | None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        _items = d.pop("items", UNSET)
        items: list[InventoryItem] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = InventoryItem.from_dict(items_item_data)

                items.append(items_item)

        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))

        admin_inventory_input = cls(
            id=id,
            title=title,
            items=items,
            version=version,
        )

        return admin_inventory_input
