from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.admin_survey_input_status import AdminSurveyInputStatus
from ..models.admin_survey_input_type import AdminSurveyInputType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.admin_survey_input_title_type_1 import AdminSurveyInputTitleType1
    from ..models.notification import Notification
    from ..models.survey_option import SurveyOption


T = TypeVar("T", bound="AdminSurveyInput")


@_attrs_define
class AdminSurveyInput:
    """Surveys: SINGLE/MULTIPLE choice questions, answered once per user, may pay points.

    Attributes:
        title (AdminSurveyInputTitleType1 | str):
        options (list[SurveyOption]):
        survey_id (None | str | Unset):
        type_ (AdminSurveyInputType | Unset):  Default: AdminSurveyInputType.SINGLE.
        valid_from (int | None | Unset):
        valid_until (int | None | Unset):
        points (int | Unset):  Default: 0.
        status (AdminSurveyInputStatus | Unset):  Default: AdminSurveyInputStatus.ACTIVE.
        notification (None | Notification | Unset):
        version (int | None | Unset):
    """

    title: AdminSurveyInputTitleType1 | str
    options: list[SurveyOption]
    survey_id: None | str | Unset = UNSET
    type_: AdminSurveyInputType | Unset = AdminSurveyInputType.SINGLE
    valid_from: int | None | Unset = UNSET
    valid_until: int | None | Unset = UNSET
    points: int | Unset = 0
    status: AdminSurveyInputStatus | Unset = AdminSurveyInputStatus.ACTIVE
    notification: None | Notification | Unset = UNSET
    version: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.admin_survey_input_title_type_1 import AdminSurveyInputTitleType1  # noqa: PLC0415
        from ..models.notification import Notification  # noqa: PLC0415

        title: dict[str, Any] | str
        if isinstance(self.title, AdminSurveyInputTitleType1):
            title = self.title.to_dict()
        else:
            title = self.title

        options = []
        for options_item_data in self.options:
            options_item = options_item_data.to_dict()
            options.append(options_item)

        survey_id: None | str | Unset
        if isinstance(self.survey_id, Unset):
            survey_id = UNSET
        else:
            survey_id = self.survey_id

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

        version: int | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
                "options": options,
            }
        )
        if survey_id is not UNSET:
            field_dict["surveyId"] = survey_id
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
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.admin_survey_input_title_type_1 import AdminSurveyInputTitleType1  # noqa: PLC0415
        from ..models.notification import Notification  # noqa: PLC0415
        from ..models.survey_option import SurveyOption  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_title(data: object) -> AdminSurveyInputTitleType1 | str:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                title_type_1 = AdminSurveyInputTitleType1.from_dict(data)

                return title_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminSurveyInputTitleType1 | str, data)

        title = _parse_title(d.pop("title"))

        options = []
        _options = d.pop("options")
        for options_item_data in _options:
            options_item = SurveyOption.from_dict(options_item_data)

            options.append(options_item)

        def _parse_survey_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        survey_id = _parse_survey_id(d.pop("surveyId", UNSET))

        _type_ = d.pop("type", UNSET)
        type_: AdminSurveyInputType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = AdminSurveyInputType(_type_)

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
        status: AdminSurveyInputStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = AdminSurveyInputStatus(_status)

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

        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))

        admin_survey_input = cls(
            title=title,
            options=options,
            survey_id=survey_id,
            type_=type_,
            valid_from=valid_from,
            valid_until=valid_until,
            points=points,
            status=status,
            notification=notification,
            version=version,
        )

        return admin_survey_input
