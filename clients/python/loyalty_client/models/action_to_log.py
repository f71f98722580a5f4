from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.action_to_log_data_type_0 import ActionToLogDataType0


T = TypeVar("T", bound="ActionToLog")


@_attrs_define
class ActionToLog:
    """An action of the user (the document's shape of ``ActionBody``).

    Attributes:
        action (str):
        data (ActionToLogDataType0 | None | Unset):
        user_id (None | str | Unset):
    """

    action: str
    data: ActionToLogDataType0 | None | Unset = UNSET
    user_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.action_to_log_data_type_0 import ActionToLogDataType0  # noqa: PLC0415

        action = self.action

        data: dict[str, Any] | None | Unset
        if isinstance(self.data, Unset):
            data = UNSET
        elif isinstance(self.data, ActionToLogDataType0):
            data = self.data.to_dict()
        else:
            data = self.data

        user_id: None | str | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        else:
            user_id = self.user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
            }
        )
        if data is not UNSET:
            field_dict["data"] = data
        if user_id is not UNSET:
            field_dict["userId"] = user_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.action_to_log_data_type_0 import ActionToLogDataType0  # noqa: PLC0415

        d = dict(src_dict)
        action = d.pop("action")

        def _parse_data(data: object) -> ActionToLogDataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = ActionToLogDataType0.from_dict(data)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ActionToLogDataType0 | None | Unset, data)

        data = _parse_data(d.pop("data", UNSET))

        def _parse_user_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_id = _parse_user_id(d.pop("userId", UNSET))

        action_to_log = cls(
            action=action,
            data=data,
            user_id=user_id,
        )

        action_to_log.additional_properties = d
        return action_to_log

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
