from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.admin_referral_input_status import AdminReferralInputStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.admin_referral_input_conditions_type_0 import AdminReferralInputConditionsType0
    from ..models.admin_referral_input_description_type_1 import AdminReferralInputDescriptionType1
    from ..models.admin_referral_input_title_type_1 import AdminReferralInputTitleType1


T = TypeVar("T", bound="AdminReferralInput")


@_attrs_define
class AdminReferralInput:
    """Referral programmes: the referred user's qualifying event and what both sides earn.

    Attributes:
        event_id (str):
        referral_id (None | str | Unset):
        status (AdminReferralInputStatus | Unset):  Default: AdminReferralInputStatus.ACTIVE.
        conditions (AdminReferralInputConditionsType0 | None | Unset):
        referrer_points (int | Unset):  Default: 0.
        referee_points (int | Unset):  Default: 0.
        max_referrals_per_referrer (int | None | Unset):
        title (AdminReferralInputTitleType1 | None | str | Unset):
        description (AdminReferralInputDescriptionType1 | None | str | Unset):
        version (int | None | Unset):
    """

    event_id: str
    referral_id: None | str | Unset = UNSET
    status: AdminReferralInputStatus | Unset = AdminReferralInputStatus.ACTIVE
    conditions: AdminReferralInputConditionsType0 | None | Unset = UNSET
    referrer_points: int | Unset = 0
    referee_points: int | Unset = 0
    max_referrals_per_referrer: int | None | Unset = UNSET
    title: AdminReferralInputTitleType1 | None | str | Unset = UNSET
    description: AdminReferralInputDescriptionType1 | None | str | Unset = UNSET
    version: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.admin_referral_input_conditions_type_0 import AdminReferralInputConditionsType0  # noqa: PLC0415
        from ..models.admin_referral_input_description_type_1 import AdminReferralInputDescriptionType1  # noqa: PLC0415
        from ..models.admin_referral_input_title_type_1 import AdminReferralInputTitleType1  # noqa: PLC0415

        event_id = self.event_id

        referral_id: None | str | Unset
        if isinstance(self.referral_id, Unset):
            referral_id = UNSET
        else:
            referral_id = self.referral_id

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        conditions: dict[str, Any] | None | Unset
        if isinstance(self.conditions, Unset):
            conditions = UNSET
        elif isinstance(self.conditions, AdminReferralInputConditionsType0):
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
        elif isinstance(self.title, AdminReferralInputTitleType1):
            title = self.title.to_dict()
        else:
            title = self.title

        description: dict[str, Any] | None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        elif isinstance(self.description, AdminReferralInputDescriptionType1):
            description = self.description.to_dict()
        else:
            description = self.description

        version: int | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "eventId": event_id,
            }
        )
        if referral_id is not UNSET:
            field_dict["referralId"] = referral_id
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
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.admin_referral_input_conditions_type_0 import AdminReferralInputConditionsType0  # noqa: PLC0415
        from ..models.admin_referral_input_description_type_1 import AdminReferralInputDescriptionType1  # noqa: PLC0415
        from ..models.admin_referral_input_title_type_1 import AdminReferralInputTitleType1  # noqa: PLC0415

        d = dict(src_dict)
        event_id = d.pop("eventId")

        def _parse_referral_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        referral_id = _parse_referral_id(d.pop("referralId", UNSET))

        _status = d.pop("status", UNSET)
        status: AdminReferralInputStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = AdminReferralInputStatus(_status)

        def _parse_conditions(data: object) -> AdminReferralInputConditionsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                conditions_type_0 = AdminReferralInputConditionsType0.from_dict(data)

                return conditions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminReferralInputConditionsType0 | None | Unset, data)

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

        def _parse_title(data: object) -> AdminReferralInputTitleType1 | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                title_type_1 = AdminReferralInputTitleType1.from_dict(data)

                return title_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminReferralInputTitleType1 | None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_description(data: object) -> AdminReferralInputDescriptionType1 | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                description_type_1 = AdminReferralInputDescriptionType1.from_dict(data)

                return description_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminReferralInputDescriptionType1 | None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))

        admin_referral_input = cls(
            event_id=event_id,
            referral_id=referral_id,
            status=status,
            conditions=conditions,
            referrer_points=referrer_points,
            referee_points=referee_points,
            max_referrals_per_referrer=max_referrals_per_referrer,
            title=title,
            description=description,
            version=version,
        )

        return admin_referral_input
