from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.reward_type import RewardType
from ..types import UNSET, Unset

T = TypeVar("T", bound="Reward")


@_attrs_define
class Reward:
    """
    Attributes:
        type_ (RewardType):
        metric_id (None | str | Unset):
        metric_quantity (int | None | Unset):
        inventory_set_id (None | str | Unset):
        inventory_item_id (None | str | Unset):
        remove (bool | Unset):  Default: False.
    """

    type_: RewardType
    metric_id: None | str | Unset = UNSET
    metric_quantity: int | None | Unset = UNSET
    inventory_set_id: None | str | Unset = UNSET
    inventory_item_id: None | str | Unset = UNSET
    remove: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        metric_id: None | str | Unset
        if isinstance(self.metric_id, Unset):
            metric_id = UNSET
        else:
            metric_id = self.metric_id

        metric_quantity: int | None | Unset
        if isinstance(self.metric_quantity, Unset):
            metric_quantity = UNSET
        else:
            metric_quantity = self.metric_quantity

        inventory_set_id: None | str | Unset
        if isinstance(self.inventory_set_id, Unset):
            inventory_set_id = UNSET
        else:
            inventory_set_id = self.inventory_set_id

        inventory_item_id: None | str | Unset
        if isinstance(self.inventory_item_id, Unset):
            inventory_item_id = UNSET
        else:
            inventory_item_id = self.inventory_item_id

        remove = self.remove

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
            }
        )
        if metric_id is not UNSET:
            field_dict["metricId"] = metric_id
        if metric_quantity is not UNSET:
            field_dict["metricQuantity"] = metric_quantity
        if inventory_set_id is not UNSET:
            field_dict["inventorySetId"] = inventory_set_id
        if inventory_item_id is not UNSET:
            field_dict["inventoryItemId"] = inventory_item_id
        if remove is not UNSET:
            field_dict["remove"] = remove

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = RewardType(d.pop("type"))

        def _parse_metric_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        metric_id = _parse_metric_id(d.pop("metricId", UNSET))

        def _parse_metric_quantity(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        metric_quantity = _parse_metric_quantity(d.pop("metricQuantity", UNSET))

        def _parse_inventory_set_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        inventory_set_id = _parse_inventory_set_id(d.pop("inventorySetId", UNSET))

        def _parse_inventory_item_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        inventory_item_id = _parse_inventory_item_id(d.pop("inventoryItemId", UNSET))

        remove = d.pop("remove", UNSET)

        reward = cls(
            type_=type_,
            metric_id=metric_id,
            metric_quantity=metric_quantity,
            inventory_set_id=inventory_set_id,
            inventory_item_id=inventory_item_id,
            remove=remove,
        )

        return reward
