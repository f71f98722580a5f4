from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StreakAnalytics")


@_attrs_define
class StreakAnalytics:
    """
    Attributes:
        streak_id (str):
        total_participants (int):
        active_participants (int):
        average_streak_length (float):
        longest_user_streak (int):
        completion_rate (float):
    """

    streak_id: str
    total_participants: int
    active_participants: int
    average_streak_length: float
    longest_user_streak: int
    completion_rate: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        streak_id = self.streak_id

        total_participants = self.total_participants

        active_participants = self.active_participants

        average_streak_length = self.average_streak_length

        longest_user_streak = self.longest_user_streak

        completion_rate = self.completion_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "streakId": streak_id,
                "totalParticipants": total_participants,
                "activeParticipants": active_participants,
                "averageStreakLength": average_streak_length,
                "longestUserStreak": longest_user_streak,
                "completionRate": completion_rate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        streak_id = d.pop("streakId")

        total_participants = d.pop("totalParticipants")

        active_participants = d.pop("activeParticipants")

        average_streak_length = d.pop("averageStreakLength")

        longest_user_streak = d.pop("longestUserStreak")

        completion_rate = d.pop("completionRate")

        streak_analytics = cls(
            streak_id=streak_id,
            total_participants=total_participants,
            active_participants=active_participants,
            average_streak_length=average_streak_length,
            longest_user_streak=longest_user_streak,
            completion_rate=completion_rate,
        )

        streak_analytics.additional_properties = d
        return streak_analytics

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
