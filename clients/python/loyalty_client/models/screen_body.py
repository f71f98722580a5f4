from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ScreenBody")


@_attrs_define
class ScreenBody:
    """
    Attributes:
        screen_id (None | str | Unset):
    """

    screen_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        screen_id: None | str | Unset
        if isinstance(self.screen_id, Unset):
            screen_id = UNSET
        else:
            screen_id = self.screen_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if screen_id is not UNSET:
            field_dict["screenId"] = screen_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_screen_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        screen_id = _parse_screen_id(d.pop("screenId", UNSET))

        screen_body = cls(
            screen_id=screen_id,
        )

        return screen_body
