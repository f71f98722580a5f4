from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Streak")


@_attrs_define
class Streak:
    """
    Attributes:
        user_id (str):
        streak_id (str):
        current_start_date (int):
        time_frame (str):
        current_count (int):
        longest_streak (int):
        last_completed_at (None | str):
        missed_count (int):
        completed_dates (list[str]):
        milestones_claimed (list[int]):
    """

    user_id: str
    streak_id: str
    current_start_date: int
    time_frame: str
    current_count: int
    longest_streak: int
    last_completed_at: None | str
    missed_count: int
    completed_dates: list[str]
    milestones_claimed: list[int]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        streak_id = self.streak_id

        current_start_date = self.current_start_date

        time_frame = self.time_frame

        current_count = self.current_count

        longest_streak = self.longest_streak

        last_completed_at: None | str
        last_completed_at = self.last_completed_at

        missed_count = self.missed_count

        completed_dates = self.completed_dates

        milestones_claimed = self.milestones_claimed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "userId": user_id,
                "streakId": streak_id,
                "currentStartDate": current_start_date,
                "timeFrame": time_frame,
                "currentCount": current_count,
                "longestStreak": longest_streak,
                "lastCompletedAt": last_completed_at,
                "missedCount": missed_count,
                "completedDates": completed_dates,
                "milestonesClaimed": milestones_claimed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_id = d.pop("userId")

        streak_id = d.pop("streakId")

        current_start_date = d.pop("currentStartDate")

        time_frame = d.pop("timeFrame")

        current_count = d.pop("currentCount")

        longest_streak = d.pop("longestStreak")

        def _parse_last_completed_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_completed_at = _parse_last_completed_at(d.pop("lastCompletedAt"))

        missed_count = d.pop("missedCount")

        completed_dates = cast(list[str], d.pop("completedDates"))

        milestones_claimed = cast(list[int], d.pop("milestonesClaimed"))

        streak = cls(
            user_id=user_id,
            streak_id=streak_id,
            current_start_date=current_start_date,
            time_frame=time_frame,
            current_count=current_count,
            longest_streak=longest_streak,
            last_completed_at=last_completed_at,
            missed_count=missed_count,
            completed_dates=completed_dates,
            milestones_claimed=milestones_claimed,
        )

        streak.additional_properties = d
        return streak

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
