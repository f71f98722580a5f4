from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AdminApiKey")


@_attrs_define
class AdminApiKey:
    """An API key as listed: never the key itself.

    Attributes:
        id (str):
        name (str):
        role (str):
        prefix (str):
        created_at (int):
        revoked (bool):
        revoked_at (int | None):
    """

    id: str
    name: str
    role: str
    prefix: str
    created_at: int
    revoked: bool
    revoked_at: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        role = self.role

        prefix = self.prefix

        created_at = self.created_at

        revoked = self.revoked

        revoked_at: int | None
        revoked_at = self.revoked_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "role": role,
                "prefix": prefix,
                "createdAt": created_at,
                "revoked": revoked,
                "revokedAt": revoked_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        role = d.pop("role")

        prefix = d.pop("prefix")

        created_at = d.pop("createdAt")

        revoked = d.pop("revoked")

        def _parse_revoked_at(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        revoked_at = _parse_revoked_at(d.pop("revokedAt"))

        admin_api_key = cls(
            id=id,
            name=name,
            role=role,
            prefix=prefix,
            created_at=created_at,
            revoked=revoked,
            revoked_at=revoked_at,
        )

        admin_api_key.additional_properties = d
        return admin_api_key

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
