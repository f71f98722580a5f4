from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.admin_metric_title_type_1 import AdminMetricTitleType1


T = TypeVar("T", bound="AdminMetric")


@_attrs_define
class AdminMetric:
    """Counters besides points, each with its own ledger and balance.

    Attributes:
        id (str):
        version (int):
        title (AdminMetricTitleType1 | None | str | Unset):
        media (None | str | Unset):
        default_value (int | Unset):  Default: 0.
        minimum_value (int | Unset):  Default: 0.
        maximum_value (int | None | Unset):
    """

    id: str
    version: int
    title: AdminMetricTitleType1 | None | str | Unset = UNSET
    media: None | str | Unset = UNSET
    default_value: int | Unset = 0
    minimum_value: int | Unset = 0
    maximum_value: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.admin_metric_title_type_1 import AdminMetricTitleType1  # noqa: PLC0415

        id = self.id

        version = self.version

        title: dict[str, Any] | None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        elif isinstance(self.title, AdminMetricTitleType1):
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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "version": version,
            }
        )
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.admin_metric_title_type_1 import AdminMetricTitleType1  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        version = d.pop("version")

        def _parse_title(data: object) -> AdminMetricTitleType1 | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                title_type_1 = AdminMetricTitleType1.from_dict(data)

                return title_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminMetricTitleType1 | None | str | Unset, data)

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

        admin_metric = cls(
            id=id,
            version=version,
            title=title,
            media=media,
            default_value=default_value,
            minimum_value=minimum_value,
            maximum_value=maximum_value,
        )

        admin_metric.additional_properties = d
        return admin_metric

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
