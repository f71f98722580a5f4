from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.admin_user_group_input_description_type_1 import AdminUserGroupInputDescriptionType1
    from ..models.admin_user_group_input_title_type_1 import AdminUserGroupInputTitleType1


T = TypeVar("T", bound="AdminUserGroupInput")


@_attrs_define
class AdminUserGroupInput:
    """User groups: select event rewards, leaderboards and challenges.

    Attributes:
        id (None | str | Unset):
        title (AdminUserGroupInputTitleType1 | None | str | Unset):
        description (AdminUserGroupInputDescriptionType1 | None | str | Unset):
        version (int | None | Unset):
    """

    id: None | str | Unset = UNSET
    title: AdminUserGroupInputTitleType1 | None | str | Unset = UNSET
    description: AdminUserGroupInputDescriptionType1 | None | str | Unset = UNSET
    version: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.admin_user_group_input_description_type_1 import AdminUserGroupInputDescriptionType1  # noqa: PLC0415
        from ..models.admin_user_group_input_title_type_1 import AdminUserGroupInputTitleType1  # noqa: PLC0415

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        title: dict[str, Any] | None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        elif isinstance(self.title, AdminUserGroupInputTitleType1):
            title = self.title.to_dict()
        else:
            title = self.title

        description: dict[str, Any] | None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        elif isinstance(self.description, AdminUserGroupInputDescriptionType1):
            description = self.description.to_dict()
        else:
            description = self.description

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
        if description is not UNSET:
            field_dict["description"] = description
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.admin_user_group_input_description_type_1 import AdminUserGroupInputDescriptionType1  # noqa: PLC0415
        from ..models.admin_user_group_input_title_type_1 import AdminUserGroupInputTitleType1  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_title(data: object) -> AdminUserGroupInputTitleType1 | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                title_type_1 = AdminUserGroupInputTitleType1.from_dict(data)

                return title_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminUserGroupInputTitleType1 | None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_description(data: object) -> AdminUserGroupInputDescriptionType1 | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                description_type_1 = AdminUserGroupInputDescriptionType1.from_dict(data)

                return description_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminUserGroupInputDescriptionType1 | None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))

        admin_user_group_input = cls(
            id=id,
            title=title,
            description=description,
            version=version,
        )

        return admin_user_group_input
