"""What the users feature reads and writes, as ``storage`` must provide it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NotRequired, Protocol, TypedDict, Unpack


class UserRow(TypedDict):
    """A member of a tenant: ``id`` is the surrogate key every per-user row hangs on."""

    id: int
    tenant_id: int
    external_id: str
    usergroup: str | None
    time_zone: str | None
    profile: dict[str, Any]
    created_at: int
    version: int
    birthday: str | None
    """``MM-DD``."""


class NewUser(TypedDict):
    """A user to create in bulk (imports)."""

    external_id: str
    created_at: int
    usergroup: NotRequired[str | None]
    birthday: NotRequired[str | None]


class UserFields(TypedDict, total=False):
    """The columns a use case may change on a user."""

    usergroup: str | None
    birthday: str | None
    time_zone: str | None


class Users(Protocol):
    """A tenant's members, by external id (the caller's) or surrogate key (ours)."""

    async def find_pk(self, tenant_id: int, external_id: str) -> int | None:
        """The user's surrogate key, or None (the event path's first read: one round trip)."""
        ...

    async def get(self, tenant_id: int, external_id: str) -> UserRow | None: ...

    async def insert_if_absent(
        self,
        *,
        tenant_id: int,
        external_id: str,
        now: int,
        usergroup: str | None = None,
        birthday: str | None = None,
    ) -> int | None:
        """The new user's key, or None when the user exists already (whoever created them, even
        a concurrent transaction: one statement decides)."""
        ...

    async def delete(self, tenant_id: int, external_id: str) -> int | None:
        """Remove the user; their key, or None when there was no such user."""
        ...

    async def update_fields(self, user_pk: int, **values: Unpack[UserFields]) -> None:
        """Set the columns given (the others stay as they are)."""
        ...

    async def list_page(self, tenant_id: int, *, after_pk: int, limit: int) -> list[UserRow]:
        """Up to ``limit`` users whose key is above ``after_pk``, by key."""
        ...

    async def insert_many_if_absent(self, *, tenant_id: int, rows: list[NewUser]) -> None:
        """Create the users that do not exist yet, in one statement; existing ones stay as they are."""
        ...

    async def pks_of(self, tenant_id: int, external_ids: list[str]) -> dict[str, int]:
        """External id -> key, for the ids that exist."""
        ...


class DeletionJobRow(TypedDict):
    """A deleted user whose rows are still being swept."""

    id: int
    tenant_id: int
    user_pk: int
    external_id: str
    requested_at: int
    finished_at: int | None
    deleted_rows: int


class OpenCreditRow(TypedDict):
    """A credit with points left and not yet due to expire."""

    id: int
    user_pk: int
    remaining: int
    valid_until: int | None
    description: str | None


UserData = dict[str, list[dict[str, Any]]]
"""Every per-user table's rows of one user, by table name (the GDPR export)."""


class UserDataStore(Protocol):
    """Whole-user operations across every per-user table: export and batched GDPR deletion."""

    async def export(self, user_pk: int) -> UserData:
        """Each per-user table's rows of the user, in key order (the same data exports the same)."""
        ...

    async def export_many(self, user_pks: list[int]) -> dict[int, UserData]:
        """``export`` of each user (every table named, empty ones too)."""
        ...

    async def open_credits(self, user_pks: list[int], *, metric: str, now: int) -> list[OpenCreditRow]:
        """The users' credits of ``metric`` with points left and not yet due to expire, oldest first."""
        ...

    async def enqueue_deletion(self, *, tenant_id: int, user_pk: int, external_id: str, now: int) -> int:
        """Record that the user's rows are to be swept; the job's id."""
        ...

    async def pending_jobs(self, *, limit: int = 10) -> list[DeletionJobRow]:
        """Unfinished sweeps, oldest first."""
        ...

    async def delete_batch(self, user_pk: int, *, batch: int) -> int:
        """Delete up to ``batch`` of the user's rows from each per-user table; the rows deleted
        (0: nothing of the user is left)."""
        ...

    async def add_deleted(self, job_id: int, rows: int) -> None:
        """Count ``rows`` more deleted by the job."""
        ...

    async def finish_job(self, job_id: int, *, now: int) -> None: ...


@dataclass(frozen=True)
class MemberFilter:
    """The dashboard's member search: which filters drive the query (``mode``) decides the order
    the members come in and so the key a page ends on."""

    prefix: str = ""
    group: str = ""
    tier: str = ""
    min_balance: int | None = None
    max_balance: int | None = None

    @property
    def by_balance(self) -> bool:
        return self.min_balance is not None or self.max_balance is not None

    @property
    def mode(self) -> str:
        if self.by_balance:
            return "balance"
        if self.tier:
            return "tier"
        return "id"

    def key_of(self, row: MemberSearchRow) -> tuple[Any, ...]:
        """The page key of ``row`` in this search (what ``after`` takes)."""
        if self.mode == "balance":
            return (int(row["balance"] or 0), int(row["id"]))
        if self.mode == "tier":
            return (int(row["id"]),)
        return (str(row["external_id"]),)


class MemberSearchRow(TypedDict):
    id: int
    external_id: str
    usergroup: str | None
    created_at: int
    balance: int | None
    """The points balance (None: the member never had one)."""


class MemberSearch(Protocol):
    async def search(
        self, tenant_id: int, f: MemberFilter, *, after: tuple[Any, ...] | None, limit: int
    ) -> list[MemberSearchRow]:
        """Up to ``limit`` members matching ``f`` after the key ``after`` (None: from the first),
        in the order of ``f.mode``: by (balance, key), by key, or by external id (``f.key_of``)."""
        ...
