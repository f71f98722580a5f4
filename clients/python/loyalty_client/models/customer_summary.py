from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.summary import Summary


T = TypeVar("T", bound="CustomerSummary")


@_attrs_define
class CustomerSummary:
    """``pointsSummaryOut`` (and each element of ``customerSummaryBatchOut``).

    Attributes:
        customer_id (str):
        active_points (int):
        summary (Summary): ``customerSummary``; the expired and reversed lists and the totals are ours.
        pending_points (int | Unset):  Default: 0.
    """

    customer_id: str
    active_points: int
    summary: Summary
    pending_points: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        customer_id = self.customer_id

        active_points = self.active_points

        summary = self.summary.to_dict()

        pending_points = self.pending_points

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "customerId": customer_id,
                "activePoints": active_points,
                "summary": summary,
            }
        )
        if pending_points is not UNSET:
            field_dict["pendingPoints"] = pending_points

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.summary import Summary  # noqa: PLC0415

        d = dict(src_dict)
        customer_id = d.pop("customerId")

        active_points = d.pop("activePoints")

        summary = Summary.from_dict(d.pop("summary"))

        pending_points = d.pop("pendingPoints", UNSET)

        customer_summary = cls(
            customer_id=customer_id,
            active_points=active_points,
            summary=summary,
            pending_points=pending_points,
        )

        customer_summary.additional_properties = d
        return customer_summary

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
