"""Who is calling, and what they may do (the credentials contract of PRODUCT.md)."""

from __future__ import annotations

from dataclasses import dataclass

from loyalty.core.errors import forbidden

ADMIN = "loyalty:admin"
MANAGE = "loyalty:manage"
VIEW = "loyalty:view"
# Emporix scope names are the same permissions under another name.
SCOPE_ALIASES = {
    "rewardspoints.rewardpoints_manage": MANAGE,
    "rewardspoints.rewardpoints_view": VIEW,
}


def normalise_scopes(raw: str | list[str] | None) -> frozenset[str]:
    if raw is None:
        return frozenset()
    parts = raw.split() if isinstance(raw, str) else [str(p) for p in raw]
    return frozenset(SCOPE_ALIASES.get(p, p) for p in parts)


@dataclass(frozen=True, slots=True)
class Principal:
    tenant_id: int
    tenant: str
    subject: str | None
    """The end user's id for a user token; None for an API key."""
    scopes: frozenset[str]
    api_key_role: str | None = None
    api_key_id: str | None = None
    staff_email: str | None = None
    """A person signed in to the dashboard (see ``app.tenancy.staff``); their role is ``staff_role``."""
    staff_role: str | None = None

    @property
    def via_api_key(self) -> bool:
        return self.api_key_role is not None

    @property
    def is_admin(self) -> bool:
        return self.api_key_role == "admin" or self.staff_role == "admin" or ADMIN in self.scopes

    @property
    def can_manage(self) -> bool:
        return self.is_admin or self.api_key_role == "service" or MANAGE in self.scopes

    @property
    def can_view(self) -> bool:
        return self.can_manage or VIEW in self.scopes

    @property
    def can_support(self) -> bool:
        """Member care: an admin, or a support agent of the dashboard."""
        return self.is_admin or self.staff_role == "support"

    @property
    def can_read_programme(self) -> bool:
        """Read the programme's configuration and audit trail: an admin or any staff member."""
        return self.is_admin or self.staff_role is not None

    @property
    def actor(self) -> str:
        if self.staff_email is not None:
            return f"staff:{self.staff_email}"
        if self.api_key_id is not None:
            return f"api-key:{self.api_key_id}"
        return f"user:{self.subject}"

    def require_admin(self) -> None:
        if not self.is_admin:
            raise forbidden("this needs an admin API key or the loyalty:admin scope")

    def require_support(self) -> None:
        if not self.can_support:
            raise forbidden("this needs an admin API key or a staff member with the support role")

    def require_read_programme(self) -> None:
        if not self.can_read_programme:
            raise forbidden("this needs an admin API key or a staff member's session")

    def require_manage(self) -> None:
        if not self.can_manage:
            raise forbidden(
                "this needs the manage scope (loyalty:manage or rewardspoints.rewardpoints_manage)"
            )

    def require_view(self) -> None:
        if not self.can_view:
            raise forbidden("this needs the view scope (loyalty:view or rewardspoints.rewardpoints_view)")

    def require_read_user(self, user_id: str) -> None:
        """Read a user's data: the user themself, or a view/manage/admin credential."""
        if self.subject != user_id and not self.can_view:
            raise forbidden(f"this credential may not read user '{user_id}'")

    def require_act_for_user(self, user_id: str) -> None:
        """App-level actions (log events, redeem, answer surveys): the user themself, or manage."""
        if self.subject != user_id and not self.can_manage:
            raise forbidden(f"this credential may not act for user '{user_id}'")
