from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.admin_settings_input_jwks_type_0 import AdminSettingsInputJwksType0
    from ..models.expiry_policy import ExpiryPolicy
    from ..models.lifecycle_reward import LifecycleReward
    from ..models.rate_limit import RateLimit
    from ..models.single_sign_on import SingleSignOn


T = TypeVar("T", bound="AdminSettingsInput")


@_attrs_define
class AdminSettingsInput:
    """The tenant's settings (id 'tenant'); jwtSecret is write-only.

    Attributes:
        time_zone (str | Unset):  Default: 'UTC'.
        expiry_policy (ExpiryPolicy | Unset):
        coupon_code_pattern (str | Unset):  Default: 'LLS-######'.
        coupon_valid_days (int | Unset):  Default: 365.
        languages (list[str] | Unset):
        default_language (str | Unset):  Default: 'en'.
        auto_create_users (bool | Unset):  Default: False.
        allow_negative_balance (bool | Unset):  Default: False.
        jwks (AdminSettingsInputJwksType0 | None | Unset):
        jwt_secret (None | str | Unset):
        rate_limit (RateLimit | Unset):
        sso (None | SingleSignOn | Unset):
        birthday_reward (LifecycleReward | None | Unset):
        anniversary_reward (LifecycleReward | None | Unset):
        expiry_reminder_days (int | None | Unset):
        jwt_secret_set (bool | None | Unset):
    """

    time_zone: str | Unset = "UTC"
    expiry_policy: ExpiryPolicy | Unset = UNSET
    coupon_code_pattern: str | Unset = "LLS-######"
    coupon_valid_days: int | Unset = 365
    languages: list[str] | Unset = UNSET
    default_language: str | Unset = "en"
    auto_create_users: bool | Unset = False
    allow_negative_balance: bool | Unset = False
    jwks: AdminSettingsInputJwksType0 | None | Unset = UNSET
    jwt_secret: None | str | Unset = UNSET
    rate_limit: RateLimit | Unset = UNSET
    sso: None | SingleSignOn | Unset = UNSET
    birthday_reward: LifecycleReward | None | Unset = UNSET
    anniversary_reward: LifecycleReward | None | Unset = UNSET
    expiry_reminder_days: int | None | Unset = UNSET
    jwt_secret_set: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.admin_settings_input_jwks_type_0 import AdminSettingsInputJwksType0  # noqa: PLC0415
        from ..models.lifecycle_reward import LifecycleReward  # noqa: PLC0415
        from ..models.single_sign_on import SingleSignOn  # noqa: PLC0415

        time_zone = self.time_zone

        expiry_policy: dict[str, Any] | Unset = UNSET
        if not isinstance(self.expiry_policy, Unset):
            expiry_policy = self.expiry_policy.to_dict()

        coupon_code_pattern = self.coupon_code_pattern

        coupon_valid_days = self.coupon_valid_days

        languages: list[str] | Unset = UNSET
        if not isinstance(self.languages, Unset):
            languages = self.languages

        default_language = self.default_language

        auto_create_users = self.auto_create_users

        allow_negative_balance = self.allow_negative_balance

        jwks: dict[str, Any] | None | Unset
        if isinstance(self.jwks, Unset):
            jwks = UNSET
        elif isinstance(self.jwks, AdminSettingsInputJwksType0):
            jwks = self.jwks.to_dict()
        else:
            jwks = self.jwks

        jwt_secret: None | str | Unset
        if isinstance(self.jwt_secret, Unset):
            jwt_secret = UNSET
        else:
            jwt_secret = self.jwt_secret

        rate_limit: dict[str, Any] | Unset = UNSET
        if not isinstance(self.rate_limit, Unset):
            rate_limit = self.rate_limit.to_dict()

        sso: dict[str, Any] | None | Unset
        if isinstance(self.sso, Unset):
            sso = UNSET
        elif isinstance(self.sso, SingleSignOn):
            sso = self.sso.to_dict()
        else:
            sso = self.sso

        birthday_reward: dict[str, Any] | None | Unset
        if isinstance(self.birthday_reward, Unset):
            birthday_reward = UNSET
        elif isinstance(self.birthday_reward, LifecycleReward):
            birthday_reward = self.birthday_reward.to_dict()
        else:
            birthday_reward = self.birthday_reward

        anniversary_reward: dict[str, Any] | None | Unset
        if isinstance(self.anniversary_reward, Unset):
            anniversary_reward = UNSET
        elif isinstance(self.anniversary_reward, LifecycleReward):
            anniversary_reward = self.anniversary_reward.to_dict()
        else:
            anniversary_reward = self.anniversary_reward

        expiry_reminder_days: int | None | Unset
        if isinstance(self.expiry_reminder_days, Unset):
            expiry_reminder_days = UNSET
        else:
            expiry_reminder_days = self.expiry_reminder_days

        jwt_secret_set: bool | None | Unset
        if isinstance(self.jwt_secret_set, Unset):
            jwt_secret_set = UNSET
        else:
            jwt_secret_set = self.jwt_secret_set

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if time_zone is not UNSET:
            field_dict["timeZone"] = time_zone
        if expiry_policy is not UNSET:
            field_dict["expiryPolicy"] = expiry_policy
        if coupon_code_pattern is not UNSET:
            field_dict["couponCodePattern"] = coupon_code_pattern
        if coupon_valid_days is not UNSET:
            field_dict["couponValidDays"] = coupon_valid_days
        if languages is not UNSET:
            field_dict["languages"] = languages
        if default_language is not UNSET:
            field_dict["defaultLanguage"] = default_language
        if auto_create_users is not UNSET:
            field_dict["autoCreateUsers"] = auto_create_users
        if allow_negative_balance is not UNSET:
            field_dict["allowNegativeBalance"] = allow_negative_balance
        if jwks is not UNSET:
            field_dict["jwks"] = jwks
        if jwt_secret is not UNSET:
            field_dict["jwtSecret"] = jwt_secret
        if rate_limit is not UNSET:
            field_dict["rateLimit"] = rate_limit
        if sso is not UNSET:
            field_dict["sso"] = sso
        if birthday_reward is not UNSET:
            field_dict["birthdayReward"] = birthday_reward
        if anniversary_reward is not UNSET:
            field_dict["anniversaryReward"] = anniversary_reward
        if expiry_reminder_days is not UNSET:
            field_dict["expiryReminderDays"] = expiry_reminder_days
        if jwt_secret_set is not UNSET:
            field_dict["jwtSecretSet"] = jwt_secret_set

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.admin_settings_input_jwks_type_0 import AdminSettingsInputJwksType0  # noqa: PLC0415
        from ..models.expiry_policy import ExpiryPolicy  # noqa: PLC0415
        from ..models.lifecycle_reward import LifecycleReward  # noqa: PLC0415
        from ..models.rate_limit import RateLimit  # noqa: PLC0415
        from ..models.single_sign_on import SingleSignOn  # noqa: PLC0415

        d = dict(src_dict)
        time_zone = d.pop("timeZone", UNSET)

        _expiry_policy = d.pop("expiryPolicy", UNSET)
        expiry_policy: ExpiryPolicy | Unset
        if isinstance(_expiry_policy, Unset):
            expiry_policy = UNSET
        else:
            expiry_policy = ExpiryPolicy.from_dict(_expiry_policy)

        coupon_code_pattern = d.pop("couponCodePattern", UNSET)

        coupon_valid_days = d.pop("couponValidDays", UNSET)

        languages = cast(list[str], d.pop("languages", UNSET))

        default_language = d.pop("defaultLanguage", UNSET)

        auto_create_users = d.pop("autoCreateUsers", UNSET)

        allow_negative_balance = d.pop("allowNegativeBalance", UNSET)

        def _parse_jwks(data: object) -> AdminSettingsInputJwksType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                jwks_type_0 = AdminSettingsInputJwksType0.from_dict(data)

                return jwks_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdminSettingsInputJwksType0 | None | Unset, data)

        jwks = _parse_jwks(d.pop("jwks", UNSET))

        def _parse_jwt_secret(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        jwt_secret = _parse_jwt_secret(d.pop("jwtSecret", UNSET))

        _rate_limit = d.pop("rateLimit", UNSET)
        rate_limit: RateLimit | Unset
        if isinstance(_rate_limit, Unset):
            rate_limit = UNSET
        else:
            rate_limit = RateLimit.from_dict(_rate_limit)

        def _parse_sso(data: object) -> None | SingleSignOn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                sso_type_0 = SingleSignOn.from_dict(data)

                return sso_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SingleSignOn | Unset, data)

        sso = _parse_sso(d.pop("sso", UNSET))

        def _parse_birthday_reward(data: object) -> LifecycleReward | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                birthday_reward_type_0 = LifecycleReward.from_dict(data)

                return birthday_reward_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LifecycleReward | None | Unset, data)

        birthday_reward = _parse_birthday_reward(d.pop("birthdayReward", UNSET))

        def _parse_anniversary_reward(data: object) -> LifecycleReward | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                anniversary_reward_type_0 = LifecycleReward.from_dict(data)

                return anniversary_reward_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LifecycleReward | None | Unset, data)

        anniversary_reward = _parse_anniversary_reward(d.pop("anniversaryReward", UNSET))

        def _parse_expiry_reminder_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        expiry_reminder_days = _parse_expiry_reminder_days(d.pop("expiryReminderDays", UNSET))

        def _parse_jwt_secret_set(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        jwt_secret_set = _parse_jwt_secret_set(d.pop("jwtSecretSet", UNSET))

        admin_settings_input = cls(
            time_zone=time_zone,
            expiry_policy=expiry_policy,
            coupon_code_pattern=coupon_code_pattern,
            coupon_valid_days=coupon_valid_days,
            languages=languages,
            default_language=default_language,
            auto_create_users=auto_create_users,
            allow_negative_balance=allow_negative_balance,
            jwks=jwks,
            jwt_secret=jwt_secret,
            rate_limit=rate_limit,
            sso=sso,
            birthday_reward=birthday_reward,
            anniversary_reward=anniversary_reward,
            expiry_reminder_days=expiry_reminder_days,
            jwt_secret_set=jwt_secret_set,
        )

        return admin_settings_input
