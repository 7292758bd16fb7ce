"""Browser fixtures: the portal on a live server with real data, one headless Debian Chromium, a page per role."""

import re

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from partners.demo_accounts import demo_users_create
from partners.models import User
from programmes.demo import demo_generate

from ..helpers import hyde_projects_create
from .support import ANONYMOUS, CHROMIUM, CHROMIUM_ARGS, DEMO_USERNAMES


@pytest.fixture(scope="package")
def browser() -> Browser:
    """One headless Chromium for all the browser tests."""
    # Playwright's sync API keeps an event loop running in this thread while it is open; the tests'
    # own ORM calls are still plain synchronous code, which Django would otherwise refuse inside it.
    # Only while the browser tests run, so no other test (or subprocess) inherits the switch.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def portal(live_server):  # pytest.ini: --liveserver 127.0.0.1, on a free port, so parallel runs never collide
    """The live portal at 127.0.0.1 with the partnership's facts, a little demo data, the demo accounts,
    and Hyde's projects and returns in each state the pages show."""
    demo_generate(projects=12, seed=3)
    demo_users_create(password=settings.DEMO_PASSWORD)
    hyde_projects_create()
    return live_server


class BrowserWatch:
    """One browser context per role for all the browser tests (so files stay cached), and what the browser
    refused or failed during the current test: CSP violations, script errors, failed files."""

    def __init__(self, browser: Browser):
        self.browser = browser
        self.contexts: dict[str, BrowserContext] = {}
        self.problems: list[str] = []
        self.tolerated: dict[Page, str] = {}

    def context(self, role: str, base_url: str) -> BrowserContext:
        if role not in self.contexts:
            context = self.browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
            context.on("console", self.on_console)
            context.on("weberror", lambda error: self.problems.append(f"script error: {error.error}"))
            context.on("response", self.on_response)
            self.contexts[role] = context
        return self.contexts[role]

    def on_console(self, message) -> None:
        tolerated = self.tolerated.get(message.page, "")
        # A 4xx page (404, 429) is expected by some tests; the files it loads are checked in on_response.
        if message.text.startswith("Failed to load resource") or (tolerated and re.search(tolerated, message.text)):
            return
        if message.type == "error":
            self.problems.append(f"{message.page.url if message.page else '?'}: console error: {message.text}")

    def on_response(self, response) -> None:
        # The portal's own icon answers too (Chromium may ask for /favicon.ico on its own): no 404 is let pass.
        kind = response.request.resource_type
        if response.status >= 400 and kind != "document":
            self.problems.append(f"{response.url}: {response.status} for a {kind}")


@pytest.fixture(scope="package")
def browser_watch(browser):
    watch = BrowserWatch(browser)
    yield watch
    for context in watch.contexts.values():
        context.close()


def session_cookie(username: str, url: str) -> dict:
    """A signed-in session for this user, made the way Django's test client logs in."""
    client = Client()
    client.force_login(User.objects.get(username=username))
    return {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": url,
    }


@pytest.fixture
def page_as(browser_watch, portal):
    """page_as(role) opens a browser page signed in as that role's demo user (or ANONYMOUS).

    After the test, fails if any page broke the Content-Security-Policy, raised a script error or
    failed to load a file, unless the console message matches that page's `tolerated` pattern.
    """
    pages: list[Page] = []
    sessions: dict[str, dict] = {}  # one sign-in per role per test
    browser_watch.problems.clear()

    def open_page(role: str, *, tolerated: str = "") -> Page:
        context = browser_watch.context(role, portal.url)
        context.clear_cookies()
        if role != ANONYMOUS:
            if role not in sessions:
                sessions[role] = session_cookie(DEMO_USERNAMES[role], portal.url)
            context.add_cookies([sessions[role]])
        page = context.new_page()
        browser_watch.tolerated[page] = tolerated
        pages.append(page)
        return page

    yield open_page
    for page in pages:
        browser_watch.tolerated.pop(page)
        page.close()
    assert not browser_watch.problems, "The browser reported problems:\n" + "\n".join(browser_watch.problems)
