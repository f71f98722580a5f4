from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Overview")


@_attrs_define
class Overview:
    """
    Attributes:
        user_id (str):
        has_unseen_challenges (bool):
        has_unseen_rewards (bool):
        has_unseen_surveys (bool):
    """

    user_id: str
    has_unseen_challenges: bool
    has_unseen_rewards: bool
    has_unseen_surveys: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        has_unseen_challenges = self.has_unseen_challenges

        has_unseen_rewards = self.has_unseen_rewards

        has_unseen_surveys = self.has_unseen_surveys

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "userId": user_id,
                "hasUnseenChallenges": has_unseen_challenges,
                "hasUnseenRewards": has_unseen_rewards,
                "hasUnseenSurveys": has_unseen_surveys,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_id = d.pop("userId")

        has_unseen_challenges = d.pop("hasUnseenChallenges")

        has_unseen_rewards = d.pop("hasUnseenRewards")

        has_unseen_surveys = d.pop("hasUnseenSurveys")

        overview = cls(
            user_id=user_id,
            has_unseen_challenges=has_unseen_challenges,
            has_unseen_rewards=has_unseen_rewards,
            has_unseen_surveys=has_unseen_surveys,
        )

        overview.additional_properties = d
        return overview

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
