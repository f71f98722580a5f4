from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.admin_audit_record_after_type_0 import AdminAuditRecordAfterType0
    from ..models.admin_audit_record_before_type_0 import AdminAuditRecordBeforeType0


T = TypeVar("T", bound="AdminAuditRecord")


@_attrs_define
class AdminAuditRecord:
    """One change of the tenant's configuration, with the item before and after.

    Attributes:
        id (int):
        actor (str):
        action (str):
        target (str):
        before (AdminAuditRecordBeforeType0 | None):
        after (AdminAuditRecordAfterType0 | None):
        created_at (int):
    """

    id: int
    actor: str
    action: str
    target: str
    before: AdminAuditRecordBeforeType0 | None
    after: AdminAuditRecordAfterType0 | None
    created_at: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.admin_audit_record_after_type_0 import AdminAuditRecordAfterType0  # noqa: PLC0415
        from ..models.admin_audit_record_before_type_0 import AdminAuditRecordBeforeType0  # noqa: PLC0415

        id = self.id

        actor = self.actor

        action = self.action

        target = self.target

        before: dict[str, Any] | None
        if isinstance(self.before, AdminAuditRecordBeforeType0):
            before = self.before.to_dict()
        else:
            before = self.before

        after: dict[str, Any] | None
        if isinstance(self.after, AdminAuditRecordAfterType0):
            after = self.after.to_dict()
        else:
            after = self.after

        created_at = self.created_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "actor": actor,
                "action": action,
                "target": target,
                "before": before,
                "after": after,
                "createdAt": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.admin_audit_record_after_type_0 import AdminAuditRecordAfterType0  # noqa: PLC0415
        from ..models.admin_audit_record_before_type_0 import AdminAuditRecordBeforeType0  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        actor = d.pop("actor")

        action = d.pop("action")

        target = d.pop("target")

        def _parse_before(data: object) -> AdminAuditRecordBeforeType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                before_type_0 = AdminAuditRecordBeforeType0.from_dict(data)

                return before_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminAuditRecordBeforeType0 | None, data)

        before = _parse_before(d.pop("before"))

        def _parse_after(data: object) -> AdminAuditRecordAfterType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                after_type_0 = AdminAuditRecordAfterType0.from_dict(data)

                return after_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminAuditRecordAfterType0 | None, data)

        after = _parse_after(d.pop("after"))

        created_at = d.pop("createdAt")

        admin_audit_record = cls(
            id=id,
            actor=actor,
            action=action,
            target=target,
            before=before,
            after=after,
            created_at=created_at,
        )

        admin_audit_record.additional_properties = d
        return admin_audit_record

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
