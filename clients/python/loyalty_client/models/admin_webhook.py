from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.admin_webhook_signature_format import AdminWebhookSignatureFormat
from ..types import UNSET, Unset

T = TypeVar("T", bound="AdminWebhook")


@_attrs_define
class AdminWebhook:
    """HTTP endpoints that receive signed messages about changes (see docs/webhooks.md)

    Attributes:
        id (str):
        url (str):
        event_types (list[str]):
        secret_set (bool):
        version (int):
        active (bool | Unset):  Default: True.
        description (None | str | Unset):
        signature_format (AdminWebhookSignatureFormat | Unset):  Default: AdminWebhookSignatureFormat.STANDARD.
    """

    id: str
    url: str
    event_types: list[str]
    secret_set: bool
    version: int
    active: bool | Unset = True
    description: None | str | Unset = UNSET
    signature_format: AdminWebhookSignatureFormat | Unset = AdminWebhookSignatureFormat.STANDARD
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        url = self.url

        event_types = self.event_types

        secret_set = self.secret_set

        version = self.version

        active = self.active

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        signature_format: str | Unset = UNSET
        if not isinstance(self.signature_format, Unset):
            signature_format = self.signature_format.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "url": url,
                "eventTypes": event_types,
                "secretSet": secret_set,
                "version": version,
            }
        )
        if active is not UNSET:
            field_dict["active"] = active
        if description is not UNSET:
            field_dict["description"] = description
        if signature_format is not UNSET:
            field_dict["signatureFormat"] = signature_format

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        url = d.pop("url")

        event_types = cast(list[str], d.pop("eventTypes"))

        secret_set = d.pop("secretSet")

        version = d.pop("version")

        active = d.pop("active", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        _signature_format = d.pop("signatureFormat", UNSET)
        signature_format: AdminWebhookSignatureFormat | Unset
        if isinstance(_signature_format, Unset):
            signature_format = UNSET
        else:
            signature_format = AdminWebhookSignatureFormat(_signature_format)

        admin_webhook = cls(
            id=id,
            url=url,
            event_types=event_types,
            secret_set=secret_set,
            version=version,
            active=active,
            description=description,
            signature_format=signature_format,
        )

        admin_webhook.additional_properties = d
        return admin_webhook

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
