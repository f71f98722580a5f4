from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="Restrictions")


@_attrs_define
class Restrictions:
    """
    Attributes:
        valid_for (list[str] | Unset):
        valid_from (str | Unset):
        valid_until (str | Unset):
        min_order_value (Money | Unset): ``Money Amount``.
    """

    valid_for: list[str] | Unset = UNSET
    valid_from: str | Unset = UNSET
    valid_until: str | Unset = UNSET
    min_order_value: Money | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        valid_for: list[str] | Unset = UNSET
        if not isinstance(self.valid_for, Unset):
            valid_for = self.valid_for

        valid_from = self.valid_from

        valid_until = self.valid_until

        min_order_value: dict[str, Any] | Unset = UNSET
        if not isinstance(self.min_order_value, Unset):
            min_order_value = self.min_order_value.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if valid_for is not UNSET:
            field_dict["validFor"] = valid_for
        if valid_from is not UNSET:
            field_dict["validFrom"] = valid_from
        if valid_until is not UNSET:
            field_dict["validUntil"] = valid_until
        if min_order_value is not UNSET:
            field_dict["minOrderValue"] = min_order_value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        valid_for = cast(list[str], d.pop("validFor", UNSET))

        valid_from = d.pop("validFrom", UNSET)

        valid_until = d.pop("validUntil", UNSET)

        _min_order_value = d.pop("minOrderValue", UNSET)
        min_order_value: Money | Unset
        if isinstance(_min_order_value, Unset):
            min_order_value = UNSET
        else:
            min_order_value = Money.from_dict(_min_order_value)

        restrictions = cls(
            valid_for=valid_for,
            valid_from=valid_from,
            valid_until=valid_until,
            min_order_value=min_order_value,
        )

        return restrictions
