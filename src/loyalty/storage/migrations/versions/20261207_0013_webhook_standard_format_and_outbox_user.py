"""webhooks: existing ones keep their signature format; outbox messages know their user

Revision ID: 0013
Revises: 0014
Create Date: 2026-12-07 04:40:00.000000

New webhooks are signed in the Standard Webhooks format unless they say otherwise; the webhooks
that exist now were set up for the ``X-Loyalty-Signature`` header, so they are given
``"signatureFormat": "loyalty-v1"`` and keep it. Outbox messages gain ``user_id`` (filled from the
body's ``data.userId`` for the messages already queued) so that a user's deletion can redact them.
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | Sequence[str] | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FORMAT_FIELD = "signatureFormat"
config_items = sa.table(
    "config_items",
    sa.column("tenant_id", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("item_id", sa.String),
    sa.column("body", sa.JSON),
)


def upgrade() -> None:
    with op.batch_alter_table("webhook_outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("user_id", sa.String(length=200), nullable=True))
        batch_op.create_index("ix_webhook_outbox_user", ["tenant_id", "user_id"], unique=False)
    if op.get_context().dialect.name == "postgresql":
        op.execute("UPDATE webhook_outbox SET user_id = (body::json -> 'data' ->> 'userId')")
    else:
        op.execute("UPDATE webhook_outbox SET user_id = json_extract(body, '$.data.userId')")
    _set_format(lambda body: {FORMAT_FIELD: "loyalty-v1", **body})


def downgrade() -> None:
    _set_format(lambda body: {k: v for k, v in body.items() if k != FORMAT_FIELD})
    with op.batch_alter_table("webhook_outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_webhook_outbox_user")
        batch_op.drop_column("user_id")


def _set_format(change: Any) -> None:
    conn = op.get_bind()
    rows = conn.execute(
        sa.select(config_items.c.tenant_id, config_items.c.item_id, config_items.c.body).where(
            config_items.c.kind == "webhooks"
        )
    ).all()
    for tenant_id, item_id, body in rows:
        conn.execute(
            config_items.update()
            .where(
                config_items.c.tenant_id == tenant_id,
                config_items.c.kind == "webhooks",
                config_items.c.item_id == item_id,
            )
            .values(body=change(dict(body)))
        )
