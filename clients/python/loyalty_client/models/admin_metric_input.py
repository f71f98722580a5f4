from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.admin_metric_input_title_type_1 import AdminMetricInputTitleType1


T = TypeVar("T", bound="AdminMetricInput")


@_attrs_define
class AdminMetricInput:
    """Counters besides points, each with its own ledger and balance.

    Attributes:
        id (None | str | Unset):
        title (AdminMetricInputTitleType1 | None | str | Unset):
        media (None | str | Unset):
        default_value (int | Unset):  Default: 0.
        minimum_value (int | Unset):  Default: 0.
        maximum_value (int | None | Unset):
        version (int | None | Unset):
    """

    id: None | str | Unset = UNSET
    title: AdminMetricInputTitleType1 | None | str | Unset = UNSET
    media: None | str | Unset = UNSET
    default_value: int | Unset = 0
    minimum_value: int | Unset = 0
    maximum_value: int | None | Unset = UNSET
    version: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.admin_metric_input_title_type_1 import AdminMetricInputTitleType1  # noqa: PLC0415

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        title: dict[str, Any] | None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        elif isinstance(self.title, AdminMetricInputTitleType1):
            title = self.title.to_dict()
        else:
            title = self.title

        media: None | str | Unset
        if isinstance(self.media, Unset):
            media = UNSET
        else:
            media = self.media

        default_value = self.default_value

        minimum_value = self.minimum_value

        maximum_value: int | None | Unset
        if isinstance(self.maximum_value, Unset):
            maximum_value = UNSET
        else:
            maximum_value = self.maximum_value

        version: int | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if title is not UNSET:
            field_dict["title"] = title
        if media is not UNSET:
            field_dict["media"] = media
        if default_value is not UNSET:
            field_dict["defaultValue"] = default_value
        if minimum_value is not UNSET:
            field_dict["minimumValue"] = minimum_value
        if maximum_value is not UNSET:
            field_dict["maximumValue"] = maximum_value
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.admin_metric_input_title_type_1 import AdminMetricInputTitleType1  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_title(data: object) -> AdminMetricInputTitleType1 | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                title_type_1 = AdminMetricInputTitleType1.from_dict(data)

                return title_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminMetricInputTitleType1 | None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_media(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        media = _parse_media(d.pop("media", UNSET))

        default_value = d.pop("defaultValue", UNSET)

        minimum_value = d.pop("minimumValue", UNSET)

        def _parse_maximum_value(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        maximum_value = _parse_maximum_value(d.pop("maximumValue", UNSET))

        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))

        admin_metric_input = cls(
            id=id,
            title=title,
            media=media,
            default_value=default_value,
            minimum_value=minimum_value,
            maximum_value=maximum_value,
            version=version,
        )

        return admin_metric_input
