"""What the browser tests share: Chromium's launch, the roles' demo accounts, the axe check and screenshots."""

from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.utils.text import slugify
from playwright.sync_api import Page

from core.roles import Role

CHROMIUM = "/usr/bin/chromium"  # Debian's package (scripts/install-chromium.sh); never a downloaded build
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCREENSHOTS = settings.BASE_DIR / "test-artifacts" / "screenshots"

ANONYMOUS = "anonymous"
# The demo account (partners/demo_accounts.py) each role signs in as.
DEMO_USERNAMES = {
    Role.YOUTH_LEAD: "lead.hyde",
    Role.PROGRAMME_MANAGER: "programme.manager",
    Role.PROGRAMME_COORDINATOR: "programme.coordinator",
    Role.ADMINISTRATOR: "admin",
}

_axe = Axe()  # axe-core 4.12.1 as bundled by axe-playwright-python: nothing fetched at run time


def axe_report(url: str, violations: list[dict]) -> str:
    """Each violated rule with its impact and help link, then each failing element's selector and markup."""
    lines = [f"axe-core found {len(violations)} WCAG A/AA rule(s) violated on {url}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>")
        for node in violation["nodes"]:
            lines.append(f"    at {' '.join(map(str, node['target']))}: {node['html'][:200]}")
            lines.extend(f"      {line}" for line in node.get("failureSummary", "").splitlines())
    return "\n".join(lines)


def axe_check(page: Page, known: frozenset[str] = frozenset()) -> None:
    """Fail unless axe-core finds no violation of the WCAG 2.0, 2.1 and 2.2 A and AA rules on the page as it is now.

    `known` names rules a page is known to break for a documented reason (Django admin's own widgets);
    each must still fail there, so the list cannot outlive the problem.
    """
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    violations = _axe.run(page, options=options).response["violations"]
    unexpected = [violation for violation in violations if violation["id"] not in known]
    assert not unexpected, axe_report(page.url, unexpected)
    fixed = known - {violation["id"] for violation in violations}
    assert not fixed, f"{page.url} no longer breaks {sorted(fixed)}: take them off its known list"


def screenshot(page: Page, name: str):
    """Save a full-page PNG of the page as a test artefact in test-artifacts/screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{slugify(name)}.png"
    page.screenshot(path=path, full_page=True)
    return path


# What the keyboard user is on: the focused element, its label (or text) and its fieldset's legend.
FOCUSED = r"""() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const words = (text) => (text || "").replace(/\s+/g, " ").trim();
  const own = el.labels?.length ? el.labels[0].textContent : el.getAttribute("aria-label") || el.textContent;
  const legend = el.closest("fieldset")?.querySelector("legend")?.textContent || "";
  const selected = el.tagName === "SELECT" ? el.selectedOptions[0]?.text || "" : "";
  const details = el.tagName === "SUMMARY" ? el.parentElement : null;
  return {tag: el.tagName.toLowerCase(), type: (el.type || "").toLowerCase(), label: words(own),
          legend: words(legend), checked: !!el.checked, selected: words(selected),
          closed: details ? !details.open : false, inside: words(details?.textContent)};
}"""


def keyboard_fill(page: Page, values: dict[str, str | bool], submit: str, max_tabs: int = 200) -> list[str]:
    """Fill and send a form with the keyboard alone: Tab to each field, type or press keys, Enter on the button.

    `values` is keyed by a field's label (or "<legend> <label>" for the parts of a date or a box in a
    group, or the legend of a radio group, whose value is the label of the radio to choose); True ticks
    a checkbox. A closed details element holding a field still to fill is opened with Enter. Returns
    the tab stops visited, in order. Fails if Tab never reaches a field or the button.
    """
    remaining = dict(values)
    visited: list[str] = []
    for _ in range(max_tabs):
        stop = page.evaluate(FOCUSED)
        if stop is None:
            page.keyboard.press("Tab")
            continue
        visited.append(stop["label"])
        key = next(
            (k for k in (f"{stop['legend']} {stop['label']}", stop["label"], stop["legend"]) if k in remaining), None
        )
        if stop["tag"] == "summary":
            if stop["closed"] and any(
                part in stop["inside"] for key in remaining for part in (key, key.split(" ", 1)[-1])
            ):
                page.keyboard.press("Enter")
        elif stop["tag"] == "button" or stop["type"] == "submit":
            if stop["label"] == submit:
                assert not remaining, f"Tab reached {submit!r} before {sorted(remaining)}; tab stops: {visited}"
                page.keyboard.press("Enter")
                page.wait_for_load_state()
                return visited
        elif key is not None:
            _keyboard_enter(page, stop, remaining.pop(key))
        page.keyboard.press("Tab")
    raise AssertionError(
        f"Tab never reached {submit!r} within {max_tabs} stops; still to fill {sorted(remaining)}: {visited}"
    )


def _keyboard_enter(page: Page, stop: dict, value: str | bool) -> None:
    """Give the focused field its value with keys only."""
    if stop["type"] == "checkbox":
        if stop["checked"] != value:
            page.keyboard.press("Space")
    elif stop["type"] == "radio":
        for _ in range(50):  # arrows move through the group and choose as they go
            if page.evaluate(FOCUSED)["label"] == value:
                break
            page.keyboard.press("ArrowDown")
        assert page.evaluate(FOCUSED)["label"] == value, f"no radio {value!r} in {stop['legend']!r}"
        if not page.evaluate(FOCUSED)["checked"]:
            page.keyboard.press("Space")
    elif stop["tag"] == "select":
        page.keyboard.type(value)  # a closed select jumps to the option its typed text starts
        assert page.evaluate(FOCUSED)["selected"] == value, f"no option {value!r} in {stop['label']!r}"
    else:
        page.keyboard.press("ControlOrMeta+A")
        page.keyboard.type(value)
