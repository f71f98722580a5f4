from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.admin_milestone_input_basis import AdminMilestoneInputBasis
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.admin_milestone_input_title_type_1 import AdminMilestoneInputTitleType1
    from ..models.milestone import Milestone


T = TypeVar("T", bound="AdminMilestoneInput")


@_attrs_define
class AdminMilestoneInput:
    """Milestones/tiers: thresholds on a metric's balance or lifetime earned.

    Attributes:
        milestones (list[Milestone]):
        id (None | str | Unset):
        metric (str | Unset):  Default: 'points'.
        basis (AdminMilestoneInputBasis | Unset):  Default: AdminMilestoneInputBasis.LIFETIME.
        title (AdminMilestoneInputTitleType1 | None | str | Unset):
        version (int | None | Unset):
    """

    milestones: list[Milestone]
    id: None | str | Unset = UNSET
    metric: str | Unset = "points"
    basis: AdminMilestoneInputBasis | Unset = AdminMilestoneInputBasis.LIFETIME
    title: AdminMilestoneInputTitleType1 | None | str | Unset = UNSET
    version: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.admin_milestone_input_title_type_1 import AdminMilestoneInputTitleType1  # noqa: PLC0415

        milestones = []
        for milestones_item_data in self.milestones:
            milestones_item = milestones_item_data.to_dict()
            milestones.append(milestones_item)

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        metric = self.metric

        basis: str | Unset = UNSET
        if not isinstance(self.basis, Unset):
            basis = self.basis.value

        title: dict[str, Any] | None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        elif isinstance(self.title, AdminMilestoneInputTitleType1):
            title = self.title.to_dict()
        else:
            title = self.title

        version: int | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "milestones": milestones,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if metric is not UNSET:
            field_dict["metric"] = metric
        if basis is not UNSET:
            field_dict["basis"] = basis
        if title is not UNSET:
            field_dict["title"] = title
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.admin_milestone_input_title_type_1 import AdminMilestoneInputTitleType1  # noqa: PLC0415
        from ..models.milestone import Milestone  # noqa: PLC0415

        d = dict(src_dict)
        milestones = []
        _milestones = d.pop("milestones")
        for milestones_item_data in _milestones:
            milestones_item = Milestone.from_dict(milestones_item_data)

            milestones.append(milestones_item)

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        metric = d.pop("metric", UNSET)

        _basis = d.pop("basis", UNSET)
        basis: AdminMilestoneInputBasis | Unset
        if isinstance(_basis, Unset):
            basis = UNSET
        else:
            basis = AdminMilestoneInputBasis(_basis)

        def _parse_title(data: object) -> AdminMilestoneInputTitleType1 | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                title_type_1 = AdminMilestoneInputTitleType1.from_dict(data)

                return title_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminMilestoneInputTitleType1 | None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))

        admin_milestone_input = cls(
            milestones=milestones,
            id=id,
            metric=metric,
            basis=basis,
            title=title,
            version=version,
        )

        return admin_milestone_input
