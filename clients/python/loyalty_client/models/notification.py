from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.notification_display import NotificationDisplay
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.notification_message_type_1 import NotificationMessageType1
    from ..models.notification_title_type_1 import NotificationTitleType1


T = TypeVar("T", bound="Notification")


@_attrs_define
class Notification:
    """
    Attributes:
        display (NotificationDisplay | Unset):  Default: NotificationDisplay.TOAST.
        title (None | NotificationTitleType1 | str | Unset):
        message (None | NotificationMessageType1 | str | Unset):
    """

    display: NotificationDisplay | Unset = NotificationDisplay.TOAST
    title: None | NotificationTitleType1 | str | Unset = UNSET
    message: None | NotificationMessageType1 | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.notification_message_type_1 import NotificationMessageType1  # noqa: PLC0415
        from ..models.notification_title_type_1 import NotificationTitleType1  # noqa: PLC0415

        display: str | Unset = UNSET
        if not isinstance(self.display, Unset):
            display = self.display.value

        title: dict[str, Any] | None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        elif isinstance(self.title, NotificationTitleType1):
            title = self.title.to_dict()
        else:
            title = self.title

        message: dict[str, Any] | None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        elif isinstance(self.message, NotificationMessageType1):
            message = self.message.to_dict()
        else:
            message = self.message

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if display is not UNSET:
            field_dict["display"] = display
        if title is not UNSET:
            field_dict["title"] = title
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.notification_message_type_1 import NotificationMessageType1  # noqa: PLC0415
        from ..models.notification_title_type_1 import NotificationTitleType1  # noqa: PLC0415

        d = dict(src_dict)
        _display = d.pop("display", UNSET)
        display: NotificationDisplay | Unset
        if isinstance(_display, Unset):
            display = UNSET
        else:
            display = NotificationDisplay(_display)

        def _parse_title(data: object) -> None | NotificationTitleType1 | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                title_type_1 = NotificationTitleType1.from_dict(data)

                return title_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | NotificationTitleType1 | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_message(data: object) -> None | NotificationMessageType1 | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                message_type_1 = NotificationMessageType1.from_dict(data)

                return message_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | NotificationMessageType1 | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        notification = cls(
            display=display,
            title=title,
            message=message,
        )

        return notification
