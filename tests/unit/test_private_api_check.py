"""The CI check that no module of ours reaches into a dependency's private parts."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("check_private_api", ROOT / "scripts/check_private_api.py")
assert spec is not None
assert spec.loader is not None
check = importlib.util.module_from_spec(spec)
sys.modules["check_private_api"] = check
spec.loader.exec_module(check)


def test_private_modules_and_names_of_dependencies_are_found(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        "import sqlalchemy\n"
        "import uvicorn.protocols as protocols\n"
        "from starlette._utils import get_route_path\n"
        "from asyncpg import _testbase\n"
        "from loyalty.app import _ours\n"
        "version = sqlalchemy.__version__\n"
        "hidden = protocols._hidden\n"
    )
    assert list(check.findings(module)) == [
        (3, "starlette._utils"),
        (4, "asyncpg._testbase"),
        (7, "uvicorn.protocols._hidden"),
    ]


def test_the_source_tree_uses_no_private_api_of_a_dependency() -> None:
    assert check.main([str(ROOT / "src")]) == 0
