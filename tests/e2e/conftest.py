"""A real browser (Debian's headless Chromium driven by Playwright) against a real server."""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
DOC_IMAGES = ROOT / "docs" / "images"
CHROMIUM = os.environ.get("LOYALTY_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
async def chromium() -> AsyncIterator[Any]:
    if not os.path.exists(CHROMIUM):  # noqa: ASYNC240 - once per session, before any browser
        message = f"needs Chromium at {CHROMIUM} (apt-get install chromium) for the browser tests"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    # The async API: it shares pytest-asyncio's loop with the app and tenant fixtures.
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        await browser.close()


@pytest.fixture
async def page(chromium: Any) -> AsyncIterator[Any]:
    context = await chromium.new_context(viewport={"width": 1280, "height": 860}, device_scale_factor=1)
    tab = await context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    await context.close()


async def screenshot(page: Any, name: str) -> Path:
    """Save ``name.png`` as a test artefact; with LOYALTY_UPDATE_DOCS_IMAGES=1 also for the docs."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    await page.screenshot(path=str(path), full_page=True)
    if os.environ.get("LOYALTY_UPDATE_DOCS_IMAGES") == "1":
        DOC_IMAGES.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, DOC_IMAGES / f"dashboard-{name}.png")
    return path
