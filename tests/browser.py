"""Headless Chromium for browser tests: Debian's chromium driven by Playwright, never a downloaded browser."""

import os
import re
import shutil

import pytest

# Playwright's sync API runs an event loop in the test's thread; the ORM calls the tests make are still
# synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def page():
    from playwright.sync_api import sync_playwright

    executable = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if not executable:
        raise RuntimeError("Browser tests need Chromium: apt-get install chromium (or set CHROMIUM_PATH).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1300, "height": 900})
        yield context.new_page()
        context.close()
        browser.close()


def log_in(page, base_url: str, username: str, password: str) -> None:
    """Sign in through the login form and wait for the dashboard."""
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_selector("h1:has-text('Dashboard')")


def decide_every_record(page, choice: str = "adopt") -> None:
    """On a preview, open the records that need a decision, take `choice` for each and save.

    It waits for the filtered page to load: a locator's `all()` does not wait, and on a busy machine it
    would read the page still being left, or one half parsed."""
    page.click("text=Show the records to decide")
    page.wait_for_url(re.compile(r"[?&]outcome=decide"))
    page.wait_for_load_state()
    for select in page.locator("select[name^='decision-']").all():
        select.select_option(choice)
    page.click("button:has-text('Save decisions')")
    page.wait_for_selector("text=No decision pending")
