"""Where features add their own views to the generic dashboard pages.

- ``KIND_FRAGMENTS``: kind → template (under ``templates/``) rendered on that kind's edit page above
  the editor, with ``item`` (the stored body) in its context — e.g. the event condition tree.
- ``KIND_PANELS``: kind → (template, loader) rendered on the edit page of a stored item, below the
  fragment: ``loader(services, principal, item_id, item)`` returns the template's context (read
  through the same app use cases as the admin API — e.g. a survey's results, an offer's code pool).
- ``USER_SECTIONS``: extra sections of the user page: (title, loader) where the loader is
  ``async (services, principal, user_id) -> list[dict] | dict | None`` shown as a table.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

KIND_FRAGMENTS: dict[str, str] = {"events": "kinds/events.html"}

KindPanelLoader = Callable[[Any, Any, str, dict[str, Any]], Awaitable[dict[str, Any]]]
KIND_PANELS: dict[str, tuple[str, KindPanelLoader]] = {}

UserSectionLoader = Callable[[Any, Any, str], Awaitable[Any]]
USER_SECTIONS: list[tuple[str, UserSectionLoader]] = []


def register_kind_fragment(kind: str, template: str) -> None:
    KIND_FRAGMENTS[kind] = template


def register_kind_panel(kind: str, template: str, loader: KindPanelLoader) -> None:
    KIND_PANELS[kind] = (template, loader)


def register_user_section(title: str, loader: UserSectionLoader) -> None:
    USER_SECTIONS[:] = [s for s in USER_SECTIONS if s[0] != title]
    USER_SECTIONS.append((title, loader))
