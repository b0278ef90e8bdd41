"""The HTML report as a reader sees it: opened from a file in headless Chromium (Debian's `chromium`).

Chromium is driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`: it reads commands on
fd 3 and writes replies on fd 4, JSON messages ended by a NUL byte), with only the standard library. So
the test sees what the page really did, not what a log line suggests:

- network: every request the page makes (Network.requestWillBeSent, which fires even for a request the
  page's Content-Security-Policy then blocks); the only one allowed is the report file itself;
- console: console messages, uncaught exceptions and browser log entries (Runtime.*, Log.entryAdded,
  where CSP violations and failed loads are reported); there must be none;
- the charts: every targeted indicator's <svg> is in the DOM and laid out with a real size;
- Chinese text: a screenshot, cut into one box per character of the plan's title. Missing glyphs show as
  identical boxes (tofu) or as nothing; real glyphs have ink and differ from one another.

Two control pages prove the checks can fail: one fetches an image, one uses characters no font has.
Host names resolve nowhere (`--host-resolver-rules`), so even the control page cannot reach a network.

Skipped only when there is no Chromium (`.ci/run` installs it); `SCIPLAN_CHROMIUM` names another binary.
"""

from __future__ import annotations

import base64
import fcntl
import io
import json
import os
import re
import select
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from test_report import MADE, PLAN, fixture_overview, write_progress

from sciplan.i18n import LANGUAGES
from sciplan.report import build_report

CHROMIUM = os.environ.get("SCIPLAN_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium (Debian: apt-get install chromium "
                                                          "fonts-noto-cjk; .ci/run does this)")
WIDTH, HEIGHT = 1240, 1754  # an A4 page at 150 dpi
TIMEOUT = 60.0


class DevToolsError(Exception):
    pass


class Browser:
    """Headless Chromium and its DevTools protocol over a pipe; events are kept in `events`."""

    def __init__(self, executable: str, profile: Path):
        commands_read, self._commands = os.pipe()
        self._replies, replies_write = os.pipe()

        def wire_pipes() -> None:
            # In the child, before exec: Chromium expects the pipes on fds 3 and 4. Copy both above 10
            # first, so neither is overwritten by the other's dup2. dup2 makes 3 and 4 inheritable; every
            # other descriptor Python opened is not (PEP 446), so close_fds=False leaks nothing of ours,
            # and pass_fds is avoided: it fails with EBADF when the parent has no fd 3 or 4 open.
            read_end = fcntl.fcntl(commands_read, fcntl.F_DUPFD, 10)
            write_end = fcntl.fcntl(replies_write, fcntl.F_DUPFD, 10)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        args = [executable, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-default-apps", "--disable-extensions", "--disable-quic",
                "--mute-audio", "--hide-scrollbars", "--host-resolver-rules=MAP * ~NOTFOUND",
                f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"]
        self.process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, close_fds=False, preexec_fn=wire_pipes)
        os.close(commands_read)
        os.close(replies_write)
        self._buffer = b""
        self._last_id = 0
        self.events: list[dict] = []

    def _receive(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise DevToolsError("Chromium did not answer in time")
            ready, _, _ = select.select([self._replies], [], [], left)
            if ready:
                chunk = os.read(self._replies, 1 << 20)
                if not chunk:
                    raise DevToolsError("Chromium closed the DevTools pipe")
                self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(message)

    def call(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        self._last_id += 1
        message: dict = {"id": self._last_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._commands, json.dumps(message).encode("utf-8") + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while True:
            reply = self._receive(deadline)
            if reply.get("id") == self._last_id:
                if "error" in reply:
                    raise DevToolsError(f"{method}: {reply['error']}")
                return reply["result"]
            self.events.append(reply)

    def wait_for(self, method: str, session: str) -> dict:
        deadline = time.monotonic() + TIMEOUT
        seen = next((e for e in self.events if e.get("method") == method and e.get("sessionId") == session),
                    None)
        while seen is None:
            event = self._receive(deadline)
            self.events.append(event)
            if event.get("method") == method and event.get("sessionId") == session:
                seen = event
        return seen

    def close(self) -> None:
        try:
            self.call("Browser.close")
        except (DevToolsError, OSError):
            pass
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._commands)
        os.close(self._replies)


class Page:
    """One tab that has loaded a file, with what happened while it loaded."""

    def __init__(self, browser: Browser, path: Path):
        self.browser, self.url = browser, path.as_uri()
        self.target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = browser.call("Target.attachToTarget", {"targetId": self.target, "flatten": True})[
            "sessionId"]
        for domain in ("Runtime", "Log", "Network", "Page"):
            browser.call(f"{domain}.enable", session=self.session)
        browser.call("Emulation.setDeviceMetricsOverride",
                     {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False},
                     session=self.session)
        browser.call("Page.navigate", {"url": self.url}, session=self.session)
        browser.wait_for("Page.loadEventFired", self.session)
        self.evaluate("document.fonts.ready.then(() => true)")

    def evaluate(self, expression: str):
        result = self.browser.call("Runtime.evaluate", {"expression": expression, "awaitPromise": True,
                                                        "returnByValue": True}, session=self.session)
        if "exceptionDetails" in result:
            raise DevToolsError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def _events(self, *methods: str) -> list[dict]:
        return [e["params"] for e in self.browser.events
                if e.get("sessionId") == self.session and e.get("method") in methods]

    def requests(self) -> list[str]:
        return [e["request"]["url"] for e in self._events("Network.requestWillBeSent")]

    def console_problems(self) -> list[str]:
        problems = [f"log {e['entry']['level']}: {e['entry']['text']}" for e in self._events("Log.entryAdded")
                    if e["entry"]["level"] in ("error", "warning")]
        problems += [f"console.{e['type']}: {e['args']}" for e in self._events("Runtime.consoleAPICalled")
                     if e["type"] in ("error", "warning", "assert")]
        problems += [f"exception: {e['exceptionDetails']}" for e in self._events("Runtime.exceptionThrown")]
        return problems

    def screenshot(self):
        from PIL import Image

        data = self.browser.call("Page.captureScreenshot", {"format": "png"}, session=self.session)["data"]
        return Image.open(io.BytesIO(base64.b64decode(data))).convert("L")

    def close(self) -> None:
        self.browser.call("Target.closeTarget", {"targetId": self.target})


# The box of every CJK (or private-use) character inside the first element matching a selector.
CHARACTER_BOXES = r"""(() => {
  const element = document.querySelector(%s);
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const boxes = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.data.length; i++) {
      if (!/[\u3400-\u9fff\ue000-\uf8ff]/.test(node.data[i])) continue;
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const r = range.getBoundingClientRect();
      boxes.push({ch: node.data[i], x: r.x, y: r.y, w: r.width, h: r.height});
    }
  }
  return boxes;
})()"""


def glyph_problems(page: Page, selector: str) -> list[str]:
    """Why the characters in `selector` are not drawn as real glyphs; empty when they are.

    Each character's box is cut from a screenshot of the first screen (so `selector` must be near the
    top of the page) and reduced to a 24x24 black-and-white stencil.
    A blank stencil is a missing glyph drawn as nothing; two different characters with (nearly) the
    same stencil are tofu boxes, which look alike whatever the character.
    """
    boxes = page.evaluate(CHARACTER_BOXES % json.dumps(selector))
    if not boxes:
        return [f"no Chinese characters in {selector}"]
    shot = page.screenshot()
    stencils: dict[str, bytes] = {}
    problems = []
    for box in boxes:
        if box["ch"] in stencils:
            continue
        if box["w"] < 4 or box["x"] < 0 or box["y"] < 0 or box["x"] + box["w"] > shot.width \
                or box["y"] + box["h"] > shot.height:
            problems.append(f"{box['ch']!r} is not drawn inside the first screen: {box}")
            continue
        crop = shot.crop((int(box["x"]), int(box["y"]), int(box["x"] + box["w"] + 0.5),
                          int(box["y"] + box["h"] + 0.5)))
        stencil = bytes(1 if value < 128 else 0 for value in crop.resize((24, 24)).tobytes())
        if sum(stencil) == 0:
            problems.append(f"{box['ch']!r} is blank")
        stencils[box["ch"]] = stencil
    characters = list(stencils)
    for a, b in zip(characters, characters[1:], strict=False):
        differing = sum(x != y for x, y in zip(stencils[a], stencils[b], strict=True)) / len(stencils[a])
        if differing < 0.05:
            problems.append(f"{a!r} and {b!r} look the same ({differing:.0%} of pixels differ): tofu?")
    return problems


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    browser = Browser(CHROMIUM, tmp_path_factory.mktemp("chromium-profile"))  # type: ignore[arg-type]
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, Path]:
    pytest.importorskip("matplotlib")
    from sciplan.render.html import render_report

    folder = tmp_path_factory.mktemp("browser")
    data = build_report(fixture_overview(write_progress(folder / "progress")), MADE)
    paths = {}
    for lang in LANGUAGES:
        paths[lang] = folder / f"report.{lang}.html"
        paths[lang].write_text(render_report(data, lang), encoding="utf-8")
    return paths


@pytest.fixture
def open_page(browser):
    opened = []

    def open_(path: Path) -> Page:
        opened.append(Page(browser, path))
        return opened[-1]

    yield open_
    for page in opened:
        page.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_report_loads_without_console_errors_or_network_requests(open_page, reports, lang):
    page = open_page(reports[lang])
    assert page.requests() == [page.url]
    assert page.console_problems() == []
    assert page.evaluate("document.title").startswith(("2024", "Progress report 2024"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_chart_is_in_the_page_and_drawn(open_page, reports, lang):
    from sciplan.validation import load_plan

    page = open_page(reports[lang])
    charts = page.evaluate("""[...document.querySelectorAll('figure.chart-figure')].map(f => {
        const svg = f.querySelector('svg.chart');
        const box = svg ? svg.getBoundingClientRect() : null;
        return {indicator: f.dataset.indicator, svg: svg ? svg.id : null,
                width: box ? box.width : 0, height: box ? box.height : 0,
                texts: svg ? svg.querySelectorAll('text').length : 0,
                lines: svg ? svg.querySelectorAll('path').length : 0};
    })""")
    wanted = [i.id for i in load_plan(PLAN).targeted_indicators()]
    assert [c["indicator"] for c in charts] == wanted
    for chart in charts:
        assert chart["svg"] == f"chart-{chart['indicator']}"
        assert chart["width"] > 300 and chart["height"] > 150, chart
        assert chart["texts"] >= 6 and chart["lines"] >= 5, chart


@pytest.mark.parametrize(("lang", "selector"), [("zh", "#report-title"), ("zh", "#plan-title"),
                                                ("en", "#plan-title")])
def test_chinese_text_is_drawn_with_real_glyphs(open_page, reports, lang, selector):
    page = open_page(reports[lang])
    assert glyph_problems(page, selector) == []


def test_report_prints_on_a4_pages(open_page, reports):
    page = open_page(reports["zh"])
    pdf = base64.b64decode(page.browser.call("Page.printToPDF", {"preferCSSPageSize": True},
                                             session=page.session)["data"])
    assert pdf.startswith(b"%PDF")
    boxes = {tuple(round(float(v)) for v in box.split()) for box in
             re.findall(rb"/MediaBox\s*\[([^\]]*)\]", pdf)}
    assert boxes == {(0, 0, 595, 842)}  # A4 in points


# --- the checks can fail -----------------------------------------------------------------------------

def test_control_a_fetch_is_seen_and_reported(open_page, tmp_path):
    blocked = tmp_path / "blocked.html"
    blocked.write_text('<!DOCTYPE html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" '
                       'content="default-src \'none\'"><img src="http://sciplan.invalid/logo.png">',
                       encoding="utf-8")
    page = open_page(blocked)
    assert "http://sciplan.invalid/logo.png" in page.requests()
    assert any("Content Security Policy" in p for p in page.console_problems())


def test_control_missing_glyphs_are_caught(open_page, tmp_path):
    tofu = tmp_path / "tofu.html"
    # Private-use characters: no font has them, so Chromium draws its missing-glyph box.
    tofu.write_text('<!DOCTYPE html><meta charset="utf-8"><h1 id="t" style="font-size:28px">'
                    "\ue000\ue001\ue002\ue003\ue004\ue005</h1>", encoding="utf-8")
    page = open_page(tofu)
    problems = glyph_problems(page, "#t")
    assert problems and all("blank" in p or "look the same" in p for p in problems)
