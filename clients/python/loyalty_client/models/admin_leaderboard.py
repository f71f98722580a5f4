from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.admin_leaderboard_metric import AdminLeaderboardMetric
from ..models.admin_leaderboard_periods_item import AdminLeaderboardPeriodsItem
from ..models.admin_leaderboard_status import AdminLeaderboardStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.admin_leaderboard_description_type_1 import AdminLeaderboardDescriptionType1
    from ..models.admin_leaderboard_title_type_1 import AdminLeaderboardTitleType1


T = TypeVar("T", bound="AdminLeaderboard")


@_attrs_define
class AdminLeaderboard:
    """Leaderboards: users ranked by points or events over a period.

    Attributes:
        leaderboard_id (str):
        version (int):
        metric (AdminLeaderboardMetric | Unset):  Default: AdminLeaderboardMetric.POINTS.
        event_ids (list[str] | None | Unset):
        periods (list[AdminLeaderboardPeriodsItem] | Unset):
        usergroup (None | str | Unset):
        title (AdminLeaderboardTitleType1 | None | str | Unset):
        description (AdminLeaderboardDescriptionType1 | None | str | Unset):
        status (AdminLeaderboardStatus | Unset):  Default: AdminLeaderboardStatus.ACTIVE.
    """

    leaderboard_id: str
    version: int
    metric: AdminLeaderboardMetric | Unset = AdminLeaderboardMetric.POINTS
    event_ids: list[str] | None | Unset = UNSET
    periods: list[AdminLeaderboardPeriodsItem] | Unset = UNSET
    usergroup: None | str | Unset = UNSET
    title: AdminLeaderboardTitleType1 | None | str | Unset = UNSET
    description: AdminLeaderboardDescriptionType1 | None | str | Unset = UNSET
    status: AdminLeaderboardStatus | Unset = AdminLeaderboardStatus.ACTIVE
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.admin_leaderboard_description_type_1 import AdminLeaderboardDescriptionType1  # noqa: PLC0415
        from ..models.admin_leaderboard_title_type_1 import AdminLeaderboardTitleType1  # noqa: PLC0415

        leaderboard_id = self.leaderboard_id

        version = self.version

        metric: str | Unset = UNSET
        if not isinstance(self.metric, Unset):
            metric = self.metric.value

        event_ids: list[str] | None | Unset
        if isinstance(self.event_ids, Unset):
            event_ids = UNSET
        elif isinstance(self.event_ids, list):
            event_ids = self.event_ids

        else:
            event_ids = self.event_ids

        periods: list[str] | Unset = UNSET
        if not isinstance(self.periods, Unset):
            periods = []
            for periods_item_data in self.periods:
                periods_item = periods_item_data.value
                periods.append(periods_item)

        usergroup: None | str | Unset
        if isinstance(self.usergroup, Unset):
            usergroup = UNSET
        else:
            usergroup = self.usergroup

        title: dict[str, Any] | None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        elif isinstance(self.title, AdminLeaderboardTitleType1):
            title = self.title.to_dict()
        else:
            title = self.title

        description: dict[str, Any] | None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        elif isinstance(self.description, AdminLeaderboardDescriptionType1):
            description = self.description.to_dict()
        else:
            description = self.description

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "leaderboardId": leaderboard_id,
                "version": version,
            }
        )
        if metric is not UNSET:
            field_dict["metric"] = metric
        if event_ids is not UNSET:
            field_dict["eventIds"] = event_ids
        if periods is not UNSET:
            field_dict["periods"] = periods
        if usergroup is not UNSET:
            field_dict["usergroup"] = usergroup
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.admin_leaderboard_description_type_1 import AdminLeaderboardDescriptionType1  # noqa: PLC0415
        from ..models.admin_leaderboard_title_type_1 import AdminLeaderboardTitleType1  # noqa: PLC0415

        d = dict(src_dict)
        leaderboard_id = d.pop("leaderboardId")

        version = d.pop("version")

        _metric = d.pop("metric", UNSET)
        metric: AdminLeaderboardMetric | Unset
        if isinstance(_metric, Unset):
            metric = UNSET
        else:
            metric = AdminLeaderboardMetric(_metric)

        def _parse_event_ids(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                event_ids_type_0 = cast(list[str], data)

                return event_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        event_ids = _parse_event_ids(d.pop("eventIds", UNSET))

        _periods = d.pop("periods", UNSET)
        periods: list[AdminLeaderboardPeriodsItem] | Unset = UNSET
        if _periods is not UNSET:
            periods = []
            for periods_item_data in _periods:
                periods_item = AdminLeaderboardPeriodsItem(periods_item_data)

                periods.append(periods_item)

        def _parse_usergroup(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        usergroup = _parse_usergroup(d.pop("usergroup", UNSET))

        def _parse_title(data: object) -> AdminLeaderboardTitleType1 | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                title_type_1 = AdminLeaderboardTitleType1.from_dict(data)

                return title_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminLeaderboardTitleType1 | None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_description(data: object) -> AdminLeaderboardDescriptionType1 | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                description_type_1 = AdminLeaderboardDescriptionType1.from_dict(data)

                return description_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminLeaderboardDescriptionType1 | None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        _status = d.pop("status", UNSET)
        status: AdminLeaderboardStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = AdminLeaderboardStatus(_status)

        admin_leaderboard = cls(
            leaderboard_id=leaderboard_id,
            version=version,
            metric=metric,
            event_ids=event_ids,
            periods=periods,
            usergroup=usergroup,
            title=title,
            description=description,
            status=status,
        )

        admin_leaderboard.additional_properties = d
        return admin_leaderboard

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
