"""Recording statistics without the event endpoints: the rollup write of one logged event (what the
event path writes with it), at any time, so that the range reads can be checked on crafted data."""

from __future__ import annotations

from loyalty.app.kernel.uow import Tx
from loyalty.app.users.users import resolve_user
from loyalty.core import timeutil
from loyalty.storage.stats import stats as stats_repo


async def record_hit(tx: Tx, user: str, event: str, ts: int, points: int, met: bool, limited: bool) -> None:
    user_pk = await resolve_user(tx, user, create=True)
    zone = tx.tenant.settings.timeZone
    hit = stats_repo.Hit(
        tenant_id=tx.tenant.id,
        user_pk=user_pk,
        event_id=event,
        day=timeutil.day_key(ts, zone),
        hour=timeutil.local_hour(ts, zone),
        points=points,
        condition_met=met,
        limit_reached=limited,
    )
    await stats_repo.record(tx.store.conn, hit)  # the test store is a SqlStore: its connection
