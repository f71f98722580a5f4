from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ResetBody")


@_attrs_define
class ResetBody:
    """
    Attributes:
        reset_challenges (bool | None | Unset):
        reset_rewards (bool | None | Unset):
        reset_surveys (bool | None | Unset):
    """

    reset_challenges: bool | None | Unset = UNSET
    reset_rewards: bool | None | Unset = UNSET
    reset_surveys: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reset_challenges: bool | None | Unset
        if isinstance(self.reset_challenges, Unset):
            reset_challenges = UNSET
        else:
            reset_challenges = self.reset_challenges

        reset_rewards: bool | None | Unset
        if isinstance(self.reset_rewards, Unset):
            reset_rewards = UNSET
        else:
            reset_rewards = self.reset_rewards

        reset_surveys: bool | None | Unset
        if isinstance(self.reset_surveys, Unset):
            reset_surveys = UNSET
        else:
            reset_surveys = self.reset_surveys

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if reset_challenges is not UNSET:
            field_dict["resetChallenges"] = reset_challenges
        if reset_rewards is not UNSET:
            field_dict["resetRewards"] = reset_rewards
        if reset_surveys is not UNSET:
            field_dict["resetSurveys"] = reset_surveys

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_reset_challenges(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        reset_challenges = _parse_reset_challenges(d.pop("resetChallenges", UNSET))

        def _parse_reset_rewards(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        reset_rewards = _parse_reset_rewards(d.pop("resetRewards", UNSET))

        def _parse_reset_surveys(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        reset_surveys = _parse_reset_surveys(d.pop("resetSurveys", UNSET))

        reset_body = cls(
            reset_challenges=reset_challenges,
            reset_rewards=reset_rewards,
            reset_surveys=reset_surveys,
        )

        return reset_body
