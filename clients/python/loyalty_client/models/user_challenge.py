from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.user_challenge_title_type_0 import UserChallengeTitleType0


T = TypeVar("T", bound="UserChallenge")


@_attrs_define
class UserChallenge:
    """
    Attributes:
        challenge_id (str):
        status (str):
        goal (int):
        points (int):
        title (None | UserChallengeTitleType0):
        type_ (str):
        progress (int):
        completed (bool):
        completed_date (int | None):
        series_id (None | str):
        is_last_step (bool):
    """

    challenge_id: str
    status: str
    goal: int
    points: int
    title: None | UserChallengeTitleType0
    type_: str
    progress: int
    completed: bool
    completed_date: int | None
    series_id: None | str
    is_last_step: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.user_challenge_title_type_0 import UserChallengeTitleType0  # noqa: PLC0415

        challenge_id = self.challenge_id

        status = self.status

        goal = self.goal

        points = self.points

        title: dict[str, Any] | None
        if isinstance(self.title, UserChallengeTitleType0):
            title = self.title.to_dict()
        else:
            title = self.title

        type_ = self.type_

        progress = self.progress

        completed = self.completed

        completed_date: int | None
        completed_date = self.completed_date

        series_id: None | str
        series_id = self.series_id

        is_last_step = self.is_last_step

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "challengeId": challenge_id,
                "status": status,
                "goal": goal,
                "points": points,
                "title": title,
                "type": type_,
                "progress": progress,
                "completed": completed,
                "completedDate": completed_date,
                "seriesId": series_id,
                "isLastStep": is_last_step,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user_challenge_title_type_0 import UserChallengeTitleType0  # noqa: PLC0415

        d = dict(src_dict)
        challenge_id = d.pop("challengeId")

        status = d.pop("status")

        goal = d.pop("goal")

        points = d.pop("points")

        def _parse_title(data: object) -> None | UserChallengeTitleType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                title_type_0 = UserChallengeTitleType0.from_dict(data)

                return title_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UserChallengeTitleType0, data)

        title = _parse_title(d.pop("title"))

        type_ = d.pop("type")

        progress = d.pop("progress")

        completed = d.pop("completed")

        def _parse_completed_date(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        completed_date = _parse_completed_date(d.pop("completedDate"))

        def _parse_series_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        series_id = _parse_series_id(d.pop("seriesId"))

        is_last_step = d.pop("isLastStep")

        user_challenge = cls(
            challenge_id=challenge_id,
            status=status,
            goal=goal,
            points=points,
            title=title,
            type_=type_,
            progress=progress,
            completed=completed,
            completed_date=completed_date,
            series_id=series_id,
            is_last_step=is_last_step,
        )

        user_challenge.additional_properties = d
        return user_challenge

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
