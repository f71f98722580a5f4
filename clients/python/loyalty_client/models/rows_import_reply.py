from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RowsImportReply")


@_attrs_define
class RowsImportReply:
    """
    Attributes:
        kind (str):
        rows (int):
        imported (int):
        skipped (int):
        dry_run (bool):
    """

    kind: str
    rows: int
    imported: int
    skipped: int
    dry_run: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        rows = self.rows

        imported = self.imported

        skipped = self.skipped

        dry_run = self.dry_run

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "rows": rows,
                "imported": imported,
                "skipped": skipped,
                "dryRun": dry_run,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = d.pop("kind")

        rows = d.pop("rows")

        imported = d.pop("imported")

        skipped = d.pop("skipped")

        dry_run = d.pop("dryRun")

        rows_import_reply = cls(
            kind=kind,
            rows=rows,
            imported=imported,
            skipped=skipped,
            dry_run=dry_run,
        )

        rows_import_reply.additional_properties = d
        return rows_import_reply

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
