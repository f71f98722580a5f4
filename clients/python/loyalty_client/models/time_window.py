from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TimeWindow")


@_attrs_define
class TimeWindow:
    """
    Attributes:
        show_in_ui (bool | Unset):  Default: True.
        from_ (int | None | Unset):
        to (int | None | Unset):
    """

    show_in_ui: bool | Unset = True
    from_: int | None | Unset = UNSET
    to: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        show_in_ui = self.show_in_ui

        from_: int | None | Unset
        if isinstance(self.from_, Unset):
            from_ = UNSET
        else:
            from_ = self.from_

        to: int | None | Unset
        if isinstance(self.to, Unset):
            to = UNSET
        else:
            to = self.to

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if show_in_ui is not UNSET:
            field_dict["showInUI"] = show_in_ui
        if from_ is not UNSET:
            field_dict["from"] = from_
        if to is not UNSET:
            field_dict["to"] = to

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        show_in_ui = d.pop("showInUI", UNSET)

        def _parse_from_(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        from_ = _parse_from_(d.pop("from", UNSET))

        def _parse_to(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        to = _parse_to(d.pop("to", UNSET))

        time_window = cls(
            show_in_ui=show_in_ui,
            from_=from_,
            to=to,
        )

        return time_window
