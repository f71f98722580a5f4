from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.user_challenge import UserChallenge


T = TypeVar("T", bound="UserChallengeList")


@_attrs_define
class UserChallengeList:
    """
    Attributes:
        challenges (list[UserChallenge]):
        last_evaluated_key (None | str):
    """

    challenges: list[UserChallenge]
    last_evaluated_key: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        challenges = []
        for challenges_item_data in self.challenges:
            challenges_item = challenges_item_data.to_dict()
            challenges.append(challenges_item)

        last_evaluated_key: None | str
        last_evaluated_key = self.last_evaluated_key

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "challenges": challenges,
                "lastEvaluatedKey": last_evaluated_key,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user_challenge import UserChallenge  # noqa: PLC0415

        d = dict(src_dict)
        challenges = []
        _challenges = d.pop("challenges")
        for challenges_item_data in _challenges:
            challenges_item = UserChallenge.from_dict(challenges_item_data)

            challenges.append(challenges_item)

        def _parse_last_evaluated_key(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_evaluated_key = _parse_last_evaluated_key(d.pop("lastEvaluatedKey"))

        user_challenge_list = cls(
            challenges=challenges,
            last_evaluated_key=last_evaluated_key,
        )

        user_challenge_list.additional_properties = d
        return user_challenge_list

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
