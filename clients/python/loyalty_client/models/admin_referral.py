from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.admin_referral_status import AdminReferralStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.admin_referral_conditions_type_0 import AdminReferralConditionsType0
    from ..models.admin_referral_description_type_1 import AdminReferralDescriptionType1
    from ..models.admin_referral_title_type_1 import AdminReferralTitleType1


T = TypeVar("T", bound="AdminReferral")


@_attrs_define
class AdminReferral:
    """Referral programmes: the referred user's qualifying event and what both sides earn.

    Attributes:
        referral_id (str):
        event_id (str):
        version (int):
        status (AdminReferralStatus | Unset):  Default: AdminReferralStatus.ACTIVE.
        conditions (AdminReferralConditionsType0 | None | Unset):
        referrer_points (int | Unset):  Default: 0.
        referee_points (int | Unset):  Default: 0.
        max_referrals_per_referrer (int | None | Unset):
        title (AdminReferralTitleType1 | None | str | Unset):
        description (AdminReferralDescriptionType1 | None | str | Unset):
    """

    referral_id: str
    event_id: str
    version: int
    status: AdminReferralStatus | Unset = AdminReferralStatus.ACTIVE
    conditions: AdminReferralConditionsType0 | None | Unset = UNSET
    referrer_points: int | Unset = 0
    referee_points: int | Unset = 0
    max_referrals_per_referrer: int | None | Unset = UNSET
    title: AdminReferralTitleType1 | None | str | Unset = UNSET
    description: AdminReferralDescriptionType1 | None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.admin_referral_conditions_type_0 import AdminReferralConditionsType0  # noqa: PLC0415
        from ..models.admin_referral_description_type_1 import AdminReferralDescriptionType1  # noqa: PLC0415
        from ..models.admin_referral_title_type_1 import AdminReferralTitleType1  # noqa: PLC0415

        referral_id = self.referral_id

        event_id = self.event_id

        version = self.version

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        conditions: dict[str, Any] | None | Unset
        if isinstance(self.conditions, Unset):
            conditions = UNSET
        elif isinstance(self.conditions, AdminReferralConditionsType0):
            conditions = self.conditions.to_dict()
        else:
            conditions = self.conditions

        referrer_points = self.referrer_points

        referee_points = self.referee_points

        max_referrals_per_referrer: int | None | Unset
        if isinstance(self.max_referrals_per_referrer, Unset):
            max_referrals_per_referrer = UNSET
        else:
            max_referrals_per_referrer = self.max_referrals_per_referrer

        title: dict[str, Any] | None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        elif isinstance(self.title, AdminReferralTitleType1):
            title = self.title.to_dict()
        else:
            title = self.title

        description: dict[str, Any] | None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        elif isinstance(self.description, AdminReferralDescriptionType1):
            description = self.description.to_dict()
        else:
            description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "referralId": referral_id,
                "eventId": event_id,
                "version": version,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status
        if conditions is not UNSET:
            field_dict["conditions"] = conditions
        if referrer_points is not UNSET:
            field_dict["referrerPoints"] = referrer_points
        if referee_points is not UNSET:
            field_dict["refereePoints"] = referee_points
        if max_referrals_per_referrer is not UNSET:
            field_dict["maxReferralsPerReferrer"] = max_referrals_per_referrer
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.admin_referral_conditions_type_0 import AdminReferralConditionsType0  # noqa: PLC0415
        from ..models.admin_referral_description_type_1 import AdminReferralDescriptionType1  # noqa: PLC0415
        from ..models.admin_referral_title_type_1 import AdminReferralTitleType1  # noqa: PLC0415

        d = dict(src_dict)
        referral_id = d.pop("referralId")

        event_id = d.pop("eventId")

        version = d.pop("version")

        _status = d.pop("status", UNSET)
        status: AdminReferralStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = AdminReferralStatus(_status)

        def _parse_conditions(data: object) -> AdminReferralConditionsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                conditions_type_0 = AdminReferralConditionsType0.from_dict(data)

                return conditions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminReferralConditionsType0 | None | Unset, data)

        conditions = _parse_conditions(d.pop("conditions", UNSET))

        referrer_points = d.pop("referrerPoints", UNSET)

        referee_points = d.pop("refereePoints", UNSET)

        def _parse_max_referrals_per_referrer(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_referrals_per_referrer = _parse_max_referrals_per_referrer(d.pop("maxReferralsPerReferrer", UNSET))

        def _parse_title(data: object) -> AdminReferralTitleType1 | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                title_type_1 = AdminReferralTitleType1.from_dict(data)

                return title_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminReferralTitleType1 | None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_description(data: object) -> AdminReferralDescriptionType1 | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                description_type_1 = AdminReferralDescriptionType1.from_dict(data)

                return description_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminReferralDescriptionType1 | None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        admin_referral = cls(
            referral_id=referral_id,
            event_id=event_id,
            version=version,
            status=status,
            conditions=conditions,
            referrer_points=referrer_points,
            referee_points=referee_points,
            max_referrals_per_referrer=max_referrals_per_referrer,
            title=title,
            description=description,
        )

        admin_referral.additional_properties = d
        return admin_referral

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
