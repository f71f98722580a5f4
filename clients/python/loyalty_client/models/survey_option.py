from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.survey_option_label_type_1 import SurveyOptionLabelType1


T = TypeVar("T", bound="SurveyOption")


@_attrs_define
class SurveyOption:
    """
    Attributes:
        option_id (str):
        label (str | SurveyOptionLabelType1):
    """

    option_id: str
    label: str | SurveyOptionLabelType1

    def to_dict(self) -> dict[str, Any]:
        from ..models.survey_option_label_type_1 import SurveyOptionLabelType1  # noqa: PLC0415

        option_id = self.option_id

        label: dict[str, Any] | str
        if isinstance(self.label, SurveyOptionLabelType1):
            label = self.label.to_dict()
        else:
            label = self.label

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "optionId": option_id,
                "label": label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.survey_option_label_type_1 import SurveyOptionLabelType1  # noqa: PLC0415

        d = dict(src_dict)
        option_id = d.pop("optionId")

        def _parse_label(data: object) -> str | SurveyOptionLabelType1:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                label_type_1 = SurveyOptionLabelType1.from_dict(data)

                return label_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | SurveyOptionLabelType1, data)

        label = _parse_label(d.pop("label"))

        survey_option = cls(
            option_id=option_id,
            label=label,
        )

        return survey_option
