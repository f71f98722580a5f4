from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AnswerBody")


@_attrs_define
class AnswerBody:
    """
    Attributes:
        user_id (None | str | Unset):
        survey_id (None | str | Unset):
        responses (list[str] | None | Unset):
    """

    user_id: None | str | Unset = UNSET
    survey_id: None | str | Unset = UNSET
    responses: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        user_id: None | str | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        else:
            user_id = self.user_id

        survey_id: None | str | Unset
        if isinstance(self.survey_id, Unset):
            survey_id = UNSET
        else:
            survey_id = self.survey_id

        responses: list[str] | None | Unset
        if isinstance(self.responses, Unset):
            responses = UNSET
        elif isinstance(self.responses, list):
            responses = self.responses

        else:
            responses = self.responses

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if user_id is not UNSET:
            field_dict["userId"] = user_id
        if survey_id is not UNSET:
            field_dict["surveyId"] = survey_id
        if responses is not UNSET:
            field_dict["responses"] = responses

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_user_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_id = _parse_user_id(d.pop("userId", UNSET))

        def _parse_survey_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        survey_id = _parse_survey_id(d.pop("surveyId", UNSET))

        def _parse_responses(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                responses_type_0 = cast(list[str], data)

                return responses_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        responses = _parse_responses(d.pop("responses", UNSET))

        answer_body = cls(
            user_id=user_id,
            survey_id=survey_id,
            responses=responses,
        )

        return answer_body
