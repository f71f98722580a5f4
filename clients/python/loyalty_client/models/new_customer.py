from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.added_points import AddedPoints


T = TypeVar("T", bound="NewCustomer")


@_attrs_define
class NewCustomer:
    """
    Attributes:
        customer_id (None | str | Unset):
        start_points (AddedPoints | None | Unset):
    """

    customer_id: None | str | Unset = UNSET
    start_points: AddedPoints | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.added_points import AddedPoints  # noqa: PLC0415

        customer_id: None | str | Unset
        if isinstance(self.customer_id, Unset):
            customer_id = UNSET
        else:
            customer_id = self.customer_id

        start_points: dict[str, Any] | None | Unset
        if isinstance(self.start_points, Unset):
            start_points = UNSET
        elif isinstance(self.start_points, AddedPoints):
            start_points = self.start_points.to_dict()
        else:
            start_points = self.start_points

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if customer_id is not UNSET:
            field_dict["customerId"] = customer_id
        if start_points is not UNSET:
            field_dict["startPoints"] = start_points

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.added_points import AddedPoints  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_customer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_id = _parse_customer_id(d.pop("customerId", UNSET))

        def _parse_start_points(data: object) -> AddedPoints | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                start_points_type_0 = AddedPoints.from_dict(data)

                return start_points_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AddedPoints | None | Unset, data)

        start_points = _parse_start_points(d.pop("startPoints", UNSET))

        new_customer = cls(
            customer_id=customer_id,
            start_points=start_points,
        )

        return new_customer
