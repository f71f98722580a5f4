from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReadBody")


@_attrs_define
class ReadBody:
    """
    Attributes:
        ids (list[int | str] | None | Unset):
    """

    ids: list[int | str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        ids: list[int | str] | None | Unset
        if isinstance(self.ids, Unset):
            ids = UNSET
        elif isinstance(self.ids, list):
            ids = []
            for ids_type_0_item_data in self.ids:
                ids_type_0_item: int | str
                ids_type_0_item = ids_type_0_item_data
                ids.append(ids_type_0_item)

        else:
            ids = self.ids

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if ids is not UNSET:
            field_dict["ids"] = ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_ids(data: object) -> list[int | str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                ids_type_0 = []
                _ids_type_0 = data
                for ids_type_0_item_data in _ids_type_0:

                    def _parse_ids_type_0_item(data: object) -> int | str:
                        return cast(int | str, data)

                    ids_type_0_item = _parse_ids_type_0_item(ids_type_0_item_data)

                    ids_type_0.append(ids_type_0_item)

                return ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int | str] | None | Unset, data)

        ids = _parse_ids(d.pop("ids", UNSET))

        read_body = cls(
            ids=ids,
        )

        return read_body
