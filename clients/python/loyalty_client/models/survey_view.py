from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.survey_option_view import SurveyOptionView


T = TypeVar("T", bound="SurveyView")


@_attrs_define
class SurveyView:
    """
    Attributes:
        survey_id (str):
        title (None | str):
        type_ (str):
        valid_from (int | None):
        valid_until (int | None):
        options (list[SurveyOptionView]):
    """

    survey_id: str
    title: None | str
    type_: str
    valid_from: int | None
    valid_until: int | None
    options: list[SurveyOptionView]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        survey_id = self.survey_id

        title: None | str
        title = self.title

        type_ = self.type_

        valid_from: int | None
        valid_from = self.valid_from

        valid_until: int | None
        valid_until = self.valid_until

        options = []
        for options_item_data in self.options:
            options_item = options_item_data.to_dict()
            options.append(options_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "surveyId": survey_id,
                "title": title,
                "type": type_,
                "validFrom": valid_from,
                "validUntil": valid_until,
                "options": options,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.survey_option_view import SurveyOptionView  # noqa: PLC0415

        d = dict(src_dict)
        survey_id = d.pop("surveyId")

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        type_ = d.pop("type")

        def _parse_valid_from(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        valid_from = _parse_valid_from(d.pop("validFrom"))

        def _parse_valid_until(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        valid_until = _parse_valid_until(d.pop("validUntil"))

        options = []
        _options = d.pop("options")
        for options_item_data in _options:
            options_item = SurveyOptionView.from_dict(options_item_data)

            options.append(options_item)

        survey_view = cls(
            survey_id=survey_id,
            title=title,
            type_=type_,
            valid_from=valid_from,
            valid_until=valid_until,
            options=options,
        )

        survey_view.additional_properties = d
        return survey_view

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
