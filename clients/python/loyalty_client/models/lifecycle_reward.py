from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LifecycleReward")


@_attrs_define
class LifecycleReward:
    """What a birthday or a membership anniversary pays (docs/lifecycle-rewards.md).

    Attributes:
        points (int | Unset):  Default: 0.
        offer_id (None | str | Unset):
        active (bool | Unset):  Default: True.
    """

    points: int | Unset = 0
    offer_id: None | str | Unset = UNSET
    active: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        points = self.points

        offer_id: None | str | Unset
        if isinstance(self.offer_id, Unset):
            offer_id = UNSET
        else:
            offer_id = self.offer_id

        active = self.active

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if points is not UNSET:
            field_dict["points"] = points
        if offer_id is not UNSET:
            field_dict["offerId"] = offer_id
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        points = d.pop("points", UNSET)

        def _parse_offer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        offer_id = _parse_offer_id(d.pop("offerId", UNSET))

        active = d.pop("active", UNSET)

        lifecycle_reward = cls(
            points=points,
            offer_id=offer_id,
            active=active,
        )

        return lifecycle_reward
