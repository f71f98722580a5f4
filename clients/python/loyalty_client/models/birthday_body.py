from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="BirthdayBody")


@_attrs_define
class BirthdayBody:
    """
    Attributes:
        birthday (None | str):
    """

    birthday: None | str

    def to_dict(self) -> dict[str, Any]:
        birthday: None | str
        birthday = self.birthday

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "birthday": birthday,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_birthday(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        birthday = _parse_birthday(d.pop("birthday"))

        birthday_body = cls(
            birthday=birthday,
        )

        return birthday_body
