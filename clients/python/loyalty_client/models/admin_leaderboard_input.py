from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.admin_leaderboard_input_metric import AdminLeaderboardInputMetric
from ..models.admin_leaderboard_input_periods_item import AdminLeaderboardInputPeriodsItem
from ..models.admin_leaderboard_input_status import AdminLeaderboardInputStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.admin_leaderboard_input_description_type_1 import AdminLeaderboardInputDescriptionType1
    from ..models.admin_leaderboard_input_title_type_1 import AdminLeaderboardInputTitleType1


T = TypeVar("T", bound="AdminLeaderboardInput")


@_attrs_define
class AdminLeaderboardInput:
    """Leaderboards: users ranked by points or events over a period.

    Attributes:
        leaderboard_id (None | str | Unset):
        metric (AdminLeaderboardInputMetric | Unset):  Default: AdminLeaderboardInputMetric.POINTS.
        event_ids (list[str] | None | Unset):
        periods (list[AdminLeaderboardInputPeriodsItem] | Unset):
        usergroup (None | str | Unset):
        title (AdminLeaderboardInputTitleType1 | None | str | Unset):
        description (AdminLeaderboardInputDescriptionType1 | None | str | Unset):
        status (AdminLeaderboardInputStatus | Unset):  Default: AdminLeaderboardInputStatus.ACTIVE.
        version (int | None | Unset):
    """

    leaderboard_id: None | str | Unset = UNSET
    metric: AdminLeaderboardInputMetric | Unset = AdminLeaderboardInputMetric.POINTS
    event_ids: list[str] | None | Unset = UNSET
    periods: list[AdminLeaderboardInputPeriodsItem] | Unset = UNSET
    usergroup: None | str | Unset = UNSET
    title: AdminLeaderboardInputTitleType1 | None | str | Unset = UNSET
    description: AdminLeaderboardInputDescriptionType1 | None | str | Unset = UNSET
    status: AdminLeaderboardInputStatus | Unset = AdminLeaderboardInputStatus.ACTIVE
    version: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.admin_leaderboard_input_description_type_1 import AdminLeaderboardInputDescriptionType1  # noqa: PLC0415
        from ..models.admin_leaderboard_input_title_type_1 import AdminLeaderboardInputTitleType1  # noqa: PLC0415

        leaderboard_id: None | str | Unset
        if isinstance(self.leaderboard_id, Unset):
            leaderboard_id = UNSET
        else:
            leaderboard_id = self.leaderboard_id

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
        elif isinstance(self.title, AdminLeaderboardInputTitleType1):
            title = self.title.to_dict()
        else:
            title = self.title

        description: dict[str, Any] | None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        elif isinstance(self.description, AdminLeaderboardInputDescriptionType1):
            description = self.description.to_dict()
        else:
            description = self.description

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        version: int | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if leaderboard_id is not UNSET:
            field_dict["leaderboardId"] = leaderboard_id
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
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.admin_leaderboard_input_description_type_1 import AdminLeaderboardInputDescriptionType1  # noqa: PLC0415
        from ..models.admin_leaderboard_input_title_type_1 import AdminLeaderboardInputTitleType1  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_leaderboard_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        leaderboard_id = _parse_leaderboard_id(d.pop("leaderboardId", UNSET))

        _metric = d.pop("metric", UNSET)
        metric: AdminLeaderboardInputMetric | Unset
        if isinstance(_metric, Unset):
            metric = UNSET
        else:
            metric = AdminLeaderboardInputMetric(_metric)

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
        periods: list[AdminLeaderboardInputPeriodsItem] | Unset = UNSET
        if _periods is not UNSET:
            periods = []
            for periods_item_data in _periods:
                periods_item = AdminLeaderboardInputPeriodsItem(periods_item_data)

                periods.append(periods_item)

        def _parse_usergroup(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        usergroup = _parse_usergroup(d.pop("usergroup", UNSET))

        def _parse_title(data: object) -> AdminLeaderboardInputTitleType1 | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                title_type_1 = AdminLeaderboardInputTitleType1.from_dict(data)

                return title_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminLeaderboardInputTitleType1 | None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_description(data: object) -> AdminLeaderboardInputDescriptionType1 | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                description_type_1 = AdminLeaderboardInputDescriptionType1.from_dict(data)

                return description_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminLeaderboardInputDescriptionType1 | None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        _status = d.pop("status", UNSET)
        status: AdminLeaderboardInputStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = AdminLeaderboardInputStatus(_status)

        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))

        admin_leaderboard_input = cls(
            leaderboard_id=leaderboard_id,
            metric=metric,
            event_ids=event_ids,
            periods=periods,
            usergroup=usergroup,
            title=title,
            description=description,
            status=status,
            version=version,
        )

        return admin_leaderboard_input
