from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.admin_inventory_title_type_1 import AdminInventoryTitleType1
    from ..models.inventory_item import InventoryItem


T = TypeVar("T", bound="AdminInventory")


@_attrs_define
class AdminInventory:
    """Inventory sets and their items, which challenges hand out (and take back).

    Attributes:
        id (str):
        version (int):
        title (AdminInventoryTitleType1 | None | str | Unset):
        items (list[InventoryItem] | Unset):
    """

    id: str
    version: int
    title: AdminInventoryTitleType1 | None | str | Unset = UNSET
    items: list[InventoryItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.admin_inventory_title_type_1 import AdminInventoryTitleType1  # noqa: PLC0415

        id = self.id

        version = self.version

        title: dict[str, Any] | None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        elif isinstance(self.title, AdminInventoryTitleType1):
            title = self.title.to_dict()
        else:
            title = self.title

        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "version": version,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if items is not UNSET:
            field_dict["items"] = items

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.admin_inventory_title_type_1 import AdminInventoryTitleType1  # noqa: PLC0415
        from ..models.inventory_item import InventoryItem  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        version = d.pop("version")

        def _parse_title(data: object) -> AdminInventoryTitleType1 | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                title_type_1 = AdminInventoryTitleType1.from_dict(data)

                return title_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminInventoryTitleType1 | None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        _items = d.pop("items", UNSET)
        items: list[InventoryItem] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = InventoryItem.from_dict(items_item_data)

                items.append(items_item)

        admin_inventory = cls(
            id=id,
            version=version,
            title=title,
            items=items,
        )

        admin_inventory.additional_properties = d
        return admin_inventory

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
