from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.admin_user_group_description_type_1 import AdminUserGroupDescriptionType1
    from ..models.admin_user_group_title_type_1 import AdminUserGroupTitleType1


T = TypeVar("T", bound="AdminUserGroup")


@_attrs_define
class AdminUserGroup:
    """User groups: select event rewards, leaderboards and challenges.

    Attributes:
        id (str):
        version (int):
        title (AdminUserGroupTitleType1 | None | str | Unset):
        description (AdminUserGroupDescriptionType1 | None | str | Unset):
    """

    id: str
    version: int
    title: AdminUserGroupTitleType1 | None | str | Unset = UNSET
    description: AdminUserGroupDescriptionType1 | None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.admin_user_group_description_type_1 import AdminUserGroupDescriptionType1  # noqa: PLC0415
        from ..models.admin_user_group_title_type_1 import AdminUserGroupTitleType1  # noqa: PLC0415

        id = self.id

        version = self.version

        title: dict[str, Any] | None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        elif isinstance(self.title, AdminUserGroupTitleType1):
            title = self.title.to_dict()
        else:
            title = self.title

        description: dict[str, Any] | None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        elif isinstance(self.description, AdminUserGroupDescriptionType1):
            description = self.description.to_dict()
        else:
            description = self.description

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
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.admin_user_group_description_type_1 import AdminUserGroupDescriptionType1  # noqa: PLC0415
        from ..models.admin_user_group_title_type_1 import AdminUserGroupTitleType1  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        version = d.pop("version")

        def _parse_title(data: object) -> AdminUserGroupTitleType1 | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                title_type_1 = AdminUserGroupTitleType1.from_dict(data)

                return title_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminUserGroupTitleType1 | None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_description(data: object) -> AdminUserGroupDescriptionType1 | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                description_type_1 = AdminUserGroupDescriptionType1.from_dict(data)

                return description_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminUserGroupDescriptionType1 | None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        admin_user_group = cls(
            id=id,
            version=version,
            title=title,
            description=description,
        )

        admin_user_group.additional_properties = d
        return admin_user_group

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
