from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.repeat_per import RepeatPer
from ..types import UNSET, Unset

T = TypeVar("T", bound="Repeat")


@_attrs_define
class Repeat:
    """
    Attributes:
        per (RepeatPer | Unset):  Default: RepeatPer.TOTAL.
        max_completions (int | None | Unset):
    """

    per: RepeatPer | Unset = RepeatPer.TOTAL
    max_completions: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        per: str | Unset = UNSET
        if not isinstance(self.per, Unset):
            per = self.per.value

        max_completions: int | None | Unset
        if isinstance(self.max_completions, Unset):
            max_completions = UNSET
        else:
            max_completions = self.max_completions

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if per is not UNSET:
            field_dict["per"] = per
        if max_completions is not UNSET:
            field_dict["maxCompletions"] = max_completions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _per = d.pop("per", UNSET)
        per: RepeatPer | Unset
        if isinstance(_per, Unset):
            per = UNSET
        else:
            per = RepeatPer(_per)

        def _parse_max_completions(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_completions = _parse_max_completions(d.pop("maxCompletions", UNSET))

        repeat = cls(
            per=per,
            max_completions=max_completions,
        )

        return repeat
