from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.expiry_policy_mode import ExpiryPolicyMode
from ..models.expiry_policy_period_type_0 import ExpiryPolicyPeriodType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="ExpiryPolicy")


@_attrs_define
class ExpiryPolicy:
    """
    Attributes:
        mode (ExpiryPolicyMode | Unset):  Default: ExpiryPolicyMode.NEVER.
        days (int | None | Unset):
        period (ExpiryPolicyPeriodType0 | None | Unset):
        after_months (int | Unset):  Default: 0.
    """

    mode: ExpiryPolicyMode | Unset = ExpiryPolicyMode.NEVER
    days: int | None | Unset = UNSET
    period: ExpiryPolicyPeriodType0 | None | Unset = UNSET
    after_months: int | Unset = 0

    def to_dict(self) -> dict[str, Any]:
        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode.value

        days: int | None | Unset
        if isinstance(self.days, Unset):
            days = UNSET
        else:
            days = self.days

        period: None | str | Unset
        if isinstance(self.period, Unset):
            period = UNSET
        elif isinstance(self.period, ExpiryPolicyPeriodType0):
            period = self.period.value
        else:
            period = self.period

        after_months = self.after_months

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if mode is not UNSET:
            field_dict["mode"] = mode
        if days is not UNSET:
            field_dict["days"] = days
        if period is not UNSET:
            field_dict["period"] = period
        if after_months is not UNSET:
            field_dict["afterMonths"] = after_months

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _mode = d.pop("mode", UNSET)
        mode: ExpiryPolicyMode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = ExpiryPolicyMode(_mode)

        def _parse_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        days = _parse_days(d.pop("days", UNSET))

        def _parse_period(data: object) -> ExpiryPolicyPeriodType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_type_0 = ExpiryPolicyPeriodType0(data)

                return period_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExpiryPolicyPeriodType0 | None | Unset, data)

        period = _parse_period(d.pop("period", UNSET))

        after_months = d.pop("afterMonths", UNSET)

        expiry_policy = cls(
            mode=mode,
            days=days,
            period=period,
            after_months=after_months,
        )

        return expiry_policy
