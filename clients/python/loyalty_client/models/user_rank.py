from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UserRank")


@_attrs_define
class UserRank:
    """
    Attributes:
        leaderboard_id (str):
        period (str):
        period_key (str):
        rank (int | None):
        score (int):
    """

    leaderboard_id: str
    period: str
    period_key: str
    rank: int | None
    score: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        leaderboard_id = self.leaderboard_id

        period = self.period

        period_key = self.period_key

        rank: int | None
        rank = self.rank

        score = self.score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "leaderboardId": leaderboard_id,
                "period": period,
                "periodKey": period_key,
                "rank": rank,
                "score": score,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        leaderboard_id = d.pop("leaderboardId")

        period = d.pop("period")

        period_key = d.pop("periodKey")

        def _parse_rank(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        rank = _parse_rank(d.pop("rank"))

        score = d.pop("score")

        user_rank = cls(
            leaderboard_id=leaderboard_id,
            period=period,
            period_key=period_key,
            rank=rank,
            score=score,
        )

        user_rank.additional_properties = d
        return user_rank

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
