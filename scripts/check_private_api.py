"""CI: no module of ours uses a private (``_``-prefixed) module or name of a third-party package.

An upgrade of a dependency may change its private parts without notice, so reaching into them
breaks us silently. This walks every module under ``src/`` and reports:

- ``import pkg._private`` / ``from pkg._private import x`` / ``from pkg import _private``;
- ``alias._private`` where ``alias`` is a name bound by importing a third-party module.

Attribute access on objects (``obj._attr``) is ruff's ``SLF001``, enabled for ``src`` in
``pyproject.toml``. Exceptions go in ``ALLOWED`` with the reason; the list is empty today.

Usage: ``python scripts/check_private_api.py [PATH ...]`` (default ``src``); exit 1 on a finding.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

OURS = "loyalty"
ALLOWED: dict[tuple[str, str], str] = {}
"""(file relative to the repository, the private name used) -> why it is needed."""


def _private(dotted: str) -> str | None:
    """The first private part of a dotted name below its top-level package, if any
    (``__future__`` and dunder names are not private)."""
    for part in dotted.split(".")[1:]:
        if part.startswith("_") and not (part.startswith("__") and part.endswith("__")):
            return part
    return None


def _third_party(module: str) -> bool:
    top = module.split(".")[0]
    return bool(top) and top != OURS and top != "__future__"


def findings(path: Path) -> Iterator[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    modules: dict[str, str] = {}  # local name -> third-party module it is bound to
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if not _third_party(alias.name):
                    continue
                if _private(alias.name):
                    yield node.lineno, alias.name
                if alias.asname:  # import a.b as c: c is a.b
                    modules[alias.asname] = alias.name
                else:  # import a.b: binds a
                    top = alias.name.split(".")[0]
                    modules[top] = top
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if not _third_party(node.module):
                continue
            if _private(node.module):
                yield node.lineno, node.module
            for alias in node.names:
                name = alias.name
                if name.startswith("_") and not (name.startswith("__") and name.endswith("__")):
                    yield node.lineno, f"{node.module}.{name}"
                else:
                    modules[alias.asname or name] = f"{node.module}.{name}"
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in modules:
            attr = node.attr
            if attr.startswith("_") and not (attr.startswith("__") and attr.endswith("__")):
                yield node.lineno, f"{modules[node.value.id]}.{attr}"


def main(argv: list[str]) -> int:
    roots = [Path(p) for p in argv] or [Path("src")]
    failed = 0
    for root in roots:
        for path in sorted(root.rglob("*.py") if root.is_dir() else [root]):
            for line, name in findings(path):
                if (path.as_posix(), name) in ALLOWED:
                    continue
                print(f"{path}:{line}: private API of a dependency: {name}")
                failed += 1
    if failed:
        print(f"{failed} use(s) of private APIs: use a public API, or add the use with its reason to ALLOWED")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
