from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.single_sign_on_role_mapping import SingleSignOnRoleMapping


T = TypeVar("T", bound="SingleSignOn")


@_attrs_define
class SingleSignOn:
    """Dashboard sign-in through the tenant's OpenID Connect provider (docs/dashboard.md).

    Attributes:
        issuer (str):
        client_id (str):
        client_secret (None | str | Unset):
        role_claim (str | Unset):  Default: 'groups'.
        role_mapping (SingleSignOnRoleMapping | Unset):
        default_role (None | str | Unset):
    """

    issuer: str
    client_id: str
    client_secret: None | str | Unset = UNSET
    role_claim: str | Unset = "groups"
    role_mapping: SingleSignOnRoleMapping | Unset = UNSET
    default_role: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        issuer = self.issuer

        client_id = self.client_id

        client_secret: None | str | Unset
        if isinstance(self.client_secret, Unset):
            client_secret = UNSET
        else:
            client_secret = self.client_secret

        role_claim = self.role_claim

        role_mapping: dict[str, Any] | Unset = UNSET
        if not isinstance(self.role_mapping, Unset):
            role_mapping = self.role_mapping.to_dict()

        default_role: None | str | Unset
        if isinstance(self.default_role, Unset):
            default_role = UNSET
        else:
            default_role = self.default_role

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "issuer": issuer,
                "clientId": client_id,
            }
        )
        if client_secret is not UNSET:
            field_dict["clientSecret"] = client_secret
        if role_claim is not UNSET:
            field_dict["roleClaim"] = role_claim
        if role_mapping is not UNSET:
            field_dict["roleMapping"] = role_mapping
        if default_role is not UNSET:
            field_dict["defaultRole"] = default_role

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.single_sign_on_role_mapping import SingleSignOnRoleMapping  # noqa: PLC0415

        d = dict(src_dict)
        issuer = d.pop("issuer")

        client_id = d.pop("clientId")

        def _parse_client_secret(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_secret = _parse_client_secret(d.pop("clientSecret", UNSET))

        role_claim = d.pop("roleClaim", UNSET)

        _role_mapping = d.pop("roleMapping", UNSET)
        role_mapping: SingleSignOnRoleMapping | Unset
        if isinstance(_role_mapping, Unset):
            role_mapping = UNSET
        else:
            role_mapping = SingleSignOnRoleMapping.from_dict(_role_mapping)

        def _parse_default_role(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        default_role = _parse_default_role(d.pop("defaultRole", UNSET))

        single_sign_on = cls(
            issuer=issuer,
            client_id=client_id,
            client_secret=client_secret,
            role_claim=role_claim,
            role_mapping=role_mapping,
            default_role=default_role,
        )

        return single_sign_on
