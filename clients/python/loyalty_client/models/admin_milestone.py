from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.admin_milestone_basis import AdminMilestoneBasis
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.admin_milestone_title_type_1 import AdminMilestoneTitleType1
    from ..models.milestone import Milestone


T = TypeVar("T", bound="AdminMilestone")


@_attrs_define
class AdminMilestone:
    """Milestones/tiers: thresholds on a metric's balance or lifetime earned.

    Attributes:
        id (str):
        milestones (list[Milestone]):
        version (int):
        metric (str | Unset):  Default: 'points'.
        basis (AdminMilestoneBasis | Unset):  Default: AdminMilestoneBasis.LIFETIME.
        title (AdminMilestoneTitleType1 | None | str | Unset):
    """

    id: str
    milestones: list[Milestone]
    version: int
    metric: str | Unset = "points"
    basis: AdminMilestoneBasis | Unset = AdminMilestoneBasis.LIFETIME
    title: AdminMilestoneTitleType1 | None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.admin_milestone_title_type_1 import AdminMilestoneTitleType1  # noqa: PLC0415

        id = self.id

        milestones = []
        for milestones_item_data in self.milestones:
            milestones_item = milestones_item_data.to_dict()
            milestones.append(milestones_item)

        version = self.version

        metric = self.metric

        basis: str | Unset = UNSET
        if not isinstance(self.basis, Unset):
            basis = self.basis.value

        title: dict[str, Any] | None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        elif isinstance(self.title, AdminMilestoneTitleType1):
            title = self.title.to_dict()
        else:
            title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "milestones": milestones,
                "version": version,
            }
        )
        if metric is not UNSET:
            field_dict["metric"] = metric
        if basis is not UNSET:
            field_dict["basis"] = basis
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.admin_milestone_title_type_1 import AdminMilestoneTitleType1  # noqa: PLC0415
        from ..models.milestone import Milestone  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        milestones = []
        _milestones = d.pop("milestones")
        for milestones_item_data in _milestones:
            milestones_item = Milestone.from_dict(milestones_item_data)

            milestones.append(milestones_item)

        version = d.pop("version")

        metric = d.pop("metric", UNSET)

        _basis = d.pop("basis", UNSET)
        basis: AdminMilestoneBasis | Unset
        if isinstance(_basis, Unset):
            basis = UNSET
        else:
            basis = AdminMilestoneBasis(_basis)

        def _parse_title(data: object) -> AdminMilestoneTitleType1 | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                title_type_1 = AdminMilestoneTitleType1.from_dict(data)

                return title_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminMilestoneTitleType1 | None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        admin_milestone = cls(
            id=id,
            milestones=milestones,
            version=version,
            metric=metric,
            basis=basis,
            title=title,
        )

        admin_milestone.additional_properties = d
        return admin_milestone

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
