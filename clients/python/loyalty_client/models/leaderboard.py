from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.leaderboard_title_type_1 import LeaderboardTitleType1
    from ..models.neighbours import Neighbours
    from ..models.ranked_entry import RankedEntry


T = TypeVar("T", bound="Leaderboard")


@_attrs_define
class Leaderboard:
    """
    Attributes:
        leaderboard_id (str):
        title (LeaderboardTitleType1 | None | str):
        metric (str):
        usergroup (None | str):
        period (str):
        period_key (str):
        entries (list[RankedEntry]):
        user (None | RankedEntry):
        neighbours (Neighbours):
    """

    leaderboard_id: str
    title: LeaderboardTitleType1 | None | str
    metric: str
    usergroup: None | str
    period: str
    period_key: str
    entries: list[RankedEntry]
    user: None | RankedEntry
    neighbours: Neighbours
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.leaderboard_title_type_1 import LeaderboardTitleType1  # noqa: PLC0415
        from ..models.ranked_entry import RankedEntry  # noqa: PLC0415

        leaderboard_id = self.leaderboard_id

        title: dict[str, Any] | None | str
        if isinstance(self.title, LeaderboardTitleType1):
            title = self.title.to_dict()
        else:
            title = self.title

        metric = self.metric

        usergroup: None | str
        usergroup = self.usergroup

        period = self.period

        period_key = self.period_key

        entries = []
        for entries_item_data in self.entries:
            entries_item = entries_item_data.to_dict()
            entries.append(entries_item)

        user: dict[str, Any] | None
        if isinstance(self.user, RankedEntry):
            user = self.user.to_dict()
        else:
            user = self.user

        neighbours = self.neighbours.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "leaderboardId": leaderboard_id,
                "title": title,
                "metric": metric,
                "usergroup": usergroup,
                "period": period,
                "periodKey": period_key,
                "entries": entries,
                "user": user,
                "neighbours": neighbours,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.leaderboard_title_type_1 import LeaderboardTitleType1  # noqa: PLC0415
        from ..models.neighbours import Neighbours  # noqa: PLC0415
        from ..models.ranked_entry import RankedEntry  # noqa: PLC0415

        d = dict(src_dict)
        leaderboard_id = d.pop("leaderboardId")

        def _parse_title(data: object) -> LeaderboardTitleType1 | None | str:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                title_type_1 = LeaderboardTitleType1.from_dict(data)

                return title_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LeaderboardTitleType1 | None | str, data)

        title = _parse_title(d.pop("title"))

        metric = d.pop("metric")

        def _parse_usergroup(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        usergroup = _parse_usergroup(d.pop("usergroup"))

        period = d.pop("period")

        period_key = d.pop("periodKey")

        entries = []
        _entries = d.pop("entries")
        for entries_item_data in _entries:
            entries_item = RankedEntry.from_dict(entries_item_data)

            entries.append(entries_item)

        def _parse_user(data: object) -> None | RankedEntry:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                user_type_0 = RankedEntry.from_dict(data)

                return user_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RankedEntry, data)

        user = _parse_user(d.pop("user"))

        neighbours = Neighbours.from_dict(d.pop("neighbours"))

        leaderboard = cls(
            leaderboard_id=leaderboard_id,
            title=title,
            metric=metric,
            usergroup=usergroup,
            period=period,
            period_key=period_key,
            entries=entries,
            user=user,
            neighbours=neighbours,
        )

        leaderboard.additional_properties = d
        return leaderboard

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
