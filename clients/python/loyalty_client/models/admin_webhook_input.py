from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.admin_webhook_input_signature_format import AdminWebhookInputSignatureFormat
from ..types import UNSET, Unset

T = TypeVar("T", bound="AdminWebhookInput")


@_attrs_define
class AdminWebhookInput:
    """HTTP endpoints that receive signed messages about changes (see docs/webhooks.md)

    Attributes:
        url (str):
        event_types (list[str]):
        id (None | str | Unset):
        secret (None | str | Unset):
        active (bool | Unset):  Default: True.
        description (None | str | Unset):
        signature_format (AdminWebhookInputSignatureFormat | Unset):  Default:
            AdminWebhookInputSignatureFormat.STANDARD.
        secret_set (bool | None | Unset):
        version (int | None | Unset):
    """

    url: str
    event_types: list[str]
    id: None | str | Unset = UNSET
    secret: None | str | Unset = UNSET
    active: bool | Unset = True
    description: None | str | Unset = UNSET
    signature_format: AdminWebhookInputSignatureFormat | Unset = AdminWebhookInputSignatureFormat.STANDARD
    secret_set: bool | None | Unset = UNSET
    version: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        event_types = self.event_types

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        secret: None | str | Unset
        if isinstance(self.secret, Unset):
            secret = UNSET
        else:
            secret = self.secret

        active = self.active

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        signature_format: str | Unset = UNSET
        if not isinstance(self.signature_format, Unset):
            signature_format = self.signature_format.value

        secret_set: bool | None | Unset
        if isinstance(self.secret_set, Unset):
            secret_set = UNSET
        else:
            secret_set = self.secret_set

        version: int | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
                "eventTypes": event_types,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if secret is not UNSET:
            field_dict["secret"] = secret
        if active is not UNSET:
            field_dict["active"] = active
        if description is not UNSET:
            field_dict["description"] = description
        if signature_format is not UNSET:
            field_dict["signatureFormat"] = signature_format
        if secret_set is not UNSET:
            field_dict["secretSet"] = secret_set
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        event_types = cast(list[str], d.pop("eventTypes"))

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_secret(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        secret = _parse_secret(d.pop("secret", UNSET))

        active = d.pop("active", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        _signature_format = d.pop("signatureFormat", UNSET)
        signature_format: AdminWebhookInputSignatureFormat | Unset
        if isinstance(_signature_format, Unset):
            signature_format = UNSET
        else:
            signature_format = AdminWebhookInputSignatureFormat(_signature_format)

        def _parse_secret_set(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        secret_set = _parse_secret_set(d.pop("secretSet", UNSET))

        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))

        admin_webhook_input = cls(
            url=url,
            event_types=event_types,
            id=id,
            secret=secret,
            active=active,
            description=description,
            signature_format=signature_format,
            secret_set=secret_set,
            version=version,
        )

        return admin_webhook_input
