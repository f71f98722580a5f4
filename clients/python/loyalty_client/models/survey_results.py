from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.option_count import OptionCount


T = TypeVar("T", bound="SurveyResults")


@_attrs_define
class SurveyResults:
    """
    Attributes:
        survey_id (str):
        type_ (str):
        answers (int):
        options (list[OptionCount]):
    """

    survey_id: str
    type_: str
    answers: int
    options: list[OptionCount]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        survey_id = self.survey_id

        type_ = self.type_

        answers = self.answers

        options = []
        for options_item_data in self.options:
            options_item = options_item_data.to_dict()
            options.append(options_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "surveyId": survey_id,
                "type": type_,
                "answers": answers,
                "options": options,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.option_count import OptionCount  # noqa: PLC0415

        d = dict(src_dict)
        survey_id = d.pop("surveyId")

        type_ = d.pop("type")

        answers = d.pop("answers")

        options = []
        _options = d.pop("options")
        for options_item_data in _options:
            options_item = OptionCount.from_dict(options_item_data)

            options.append(options_item)

        survey_results = cls(
            survey_id=survey_id,
            type_=type_,
            answers=answers,
            options=options,
        )

        survey_results.additional_properties = d
        return survey_results

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
