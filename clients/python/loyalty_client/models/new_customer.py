from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.added_points import AddedPoints


T = TypeVar("T", bound="NewCustomer")


@_attrs_define
class NewCustomer:
    """``newCustomerIn``.

    Attributes:
        customer_id (str | Unset):
        start_points (AddedPoints | Unset): ``addedPoints``: body of ``addPoints`` and ``startPoints`` of a new
            customer.
                ``createdAt``, ``allPointsAfterCreation``, ``usedPoints`` and ``usedWith`` are read-only:
                validated (a client may echo an entry back) and ignored.
    """

    customer_id: str | Unset = UNSET
    start_points: AddedPoints | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        customer_id = self.customer_id

        start_points: dict[str, Any] | Unset = UNSET
        if not isinstance(self.start_points, Unset):
            start_points = self.start_points.to_dict()

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
        customer_id = d.pop("customerId", UNSET)

        _start_points = d.pop("startPoints", UNSET)
        start_points: AddedPoints | Unset
        if isinstance(_start_points, Unset):
            start_points = UNSET
        else:
            start_points = AddedPoints.from_dict(_start_points)

        new_customer = cls(
            customer_id=customer_id,
            start_points=start_points,
        )

        return new_customer
