from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.admin_survey_status import AdminSurveyStatus
from ..models.admin_survey_type import AdminSurveyType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.admin_survey_title_type_1 import AdminSurveyTitleType1
    from ..models.notification import Notification
    from ..models.survey_option import SurveyOption


T = TypeVar("T", bound="AdminSurvey")


@_attrs_define
class AdminSurvey:
    """Surveys: SINGLE/MULTIPLE choice questions, answered once per user, may pay points.

    Attributes:
        survey_id (str):
        title (AdminSurveyTitleType1 | str):
        options (list[SurveyOption]):
        version (int):
        type_ (AdminSurveyType | Unset):  Default: AdminSurveyType.SINGLE.
        valid_from (int | None | Unset):
        valid_until (int | None | Unset):
        points (int | Unset):  Default: 0.
        status (AdminSurveyStatus | Unset):  Default: AdminSurveyStatus.ACTIVE.
        notification (None | Notification | Unset):
    """

    survey_id: str
    title: AdminSurveyTitleType1 | str
    options: list[SurveyOption]
    version: int
    type_: AdminSurveyType | Unset = AdminSurveyType.SINGLE
    valid_from: int | None | Unset = UNSET
    valid_until: int | None | Unset = UNSET
    points: int | Unset = 0
    status: AdminSurveyStatus | Unset = AdminSurveyStatus.ACTIVE
    notification: None | Notification | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.admin_survey_title_type_1 import AdminSurveyTitleType1  # noqa: PLC0415
        from ..models.notification import Notification  # noqa: PLC0415

        survey_id = self.survey_id

        title: dict[str, Any] | str
        if isinstance(self.title, AdminSurveyTitleType1):
            title = self.title.to_dict()
        else:
            title = self.title

        options = []
        for options_item_data in self.options:
            options_item = options_item_data.to_dict()
            options.append(options_item)

        version = self.version

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        valid_from: int | None | Unset
        if isinstance(self.valid_from, Unset):
            valid_from = UNSET
        else:
            valid_from = self.valid_from

        valid_until: int | None | Unset
        if isinstance(self.valid_until, Unset):
            valid_until = UNSET
        else:
            valid_until = self.valid_until

        points = self.points

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        notification: dict[str, Any] | None | Unset
        if isinstance(self.notification, Unset):
            notification = UNSET
        elif isinstance(self.notification, Notification):
            notification = self.notification.to_dict()
        else:
            notification = self.notification

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "surveyId": survey_id,
                "title": title,
                "options": options,
                "version": version,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if valid_from is not UNSET:
            field_dict["validFrom"] = valid_from
        if valid_until is not UNSET:
            field_dict["validUntil"] = valid_until
        if points is not UNSET:
            field_dict["points"] = points
        if status is not UNSET:
            field_dict["status"] = status
        if notification is not UNSET:
            field_dict["notification"] = notification

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.admin_survey_title_type_1 import AdminSurveyTitleType1  # noqa: PLC0415
        from ..models.notification import Notification  # noqa: PLC0415
        from ..models.survey_option import SurveyOption  # noqa: PLC0415

        d = dict(src_dict)
        survey_id = d.pop("surveyId")

        def _parse_title(data: object) -> AdminSurveyTitleType1 | str:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                title_type_1 = AdminSurveyTitleType1.from_dict(data)

                return title_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminSurveyTitleType1 | str, data)

        title = _parse_title(d.pop("title"))

        options = []
        _options = d.pop("options")
        for options_item_data in _options:
            options_item = SurveyOption.from_dict(options_item_data)

            options.append(options_item)

        version = d.pop("version")

        _type_ = d.pop("type", UNSET)
        type_: AdminSurveyType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = AdminSurveyType(_type_)

        def _parse_valid_from(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        valid_from = _parse_valid_from(d.pop("validFrom", UNSET))

        def _parse_valid_until(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        valid_until = _parse_valid_until(d.pop("validUntil", UNSET))

        points = d.pop("points", UNSET)

        _status = d.pop("status", UNSET)
        status: AdminSurveyStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = AdminSurveyStatus(_status)

        def _parse_notification(data: object) -> None | Notification | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                notification_type_0 = Notification.from_dict(data)

                return notification_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Notification | Unset, data)

        notification = _parse_notification(d.pop("notification", UNSET))

        admin_survey = cls(
            survey_id=survey_id,
            title=title,
            options=options,
            version=version,
            type_=type_,
            valid_from=valid_from,
            valid_until=valid_until,
            points=points,
            status=status,
            notification=notification,
        )

        admin_survey.additional_properties = d
        return admin_survey

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
