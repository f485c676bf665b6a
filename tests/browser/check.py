#!/usr/bin/env python3
"""Checks an HTML report of `corroborate compare` in a real browser (headless Chromium).

    check.py REPORT.html FINDINGS.json SCREENSHOT.png [--finding N] [--width W --height H]

FINDINGS.json is `compare --format json` over the same reports, unfiltered: finding N of the
page is findings[N-1] there. The check clicks a finding that several reports state (the first
discrepancy, else the first agreement, or --finding N) in the side-by-side view, and asserts:
every report of the finding has its column marked and its figure highlighted and scrolled
into view; the other columns are not marked; the findings view and the kind filter work; and
no script error, exception or Content Security Policy violation is logged. It saves a
screenshot of the side-by-side view after the click.

Chromium is driven through its DevTools protocol over a pipe (--remote-debugging-pipe), with
the Python standard library only: nothing to install besides Chromium itself.
"""
import argparse
import base64
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
    "--remote-debugging-pipe",
]


class Browser:
    """A Chromium process and one page, spoken to over the DevTools pipe (fds 3 and 4)."""

    def __init__(self, exe, width, height):
        self.profile = tempfile.mkdtemp(prefix="corroborate-browser-")
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()

        def fds():
            # Chromium reads commands on fd 3 and answers on fd 4. Copy both ends out of the
            # way first: either may already be fd 3 or 4.
            r, w = os.dup(to_chrome_r), os.dup(from_chrome_w)
            os.dup2(r, 3)
            os.dup2(w, 4)

        # close_fds would close the new fds 3 and 4 after preexec_fn; the pipes' own fds are
        # not inheritable, so nothing else reaches Chromium.
        self.proc = subprocess.Popen(
            [exe, *CHROMIUM_FLAGS, f"--user-data-dir={self.profile}",
             f"--window-size={width},{height}", "about:blank"],
            close_fds=False, preexec_fn=fds,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.buf = b""
        self.next_id = 0
        self.events = []
        self.session = None
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget",
                                 {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable")
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})

    def _read(self, timeout=30):
        deadline = time.time() + timeout
        while b"\0" not in self.buf:
            if time.time() > deadline:
                raise TimeoutError("no answer from Chromium")
            chunk = os.read(self.from_chrome, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def call(self, method, params=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if self.session:
            msg["sessionId"] = self.session
        os.write(self.to_chrome, json.dumps(msg).encode() + b"\0")
        while True:
            m = self._read()
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError(f"{method}: {m['error']}")
                return m.get("result", {})
            self.events.append(m)

    def wait_event(self, method, timeout=30):
        deadline = time.time() + timeout
        while True:
            for k, e in enumerate(self.events):
                if e.get("method") == method:
                    del self.events[k]
                    return e
            if time.time() > deadline:
                raise TimeoutError(f"no {method}")
            self.events.append(self._read(deadline - time.time()))

    def js(self, expr):
        r = self.call("Runtime.evaluate", {"expression": expr, "returnByValue": True,
                                           "awaitPromise": True})
        if "exceptionDetails" in r:
            raise RuntimeError(f"{expr}: {r['exceptionDetails']}")
        return r["result"].get("value")

    def click(self, selector):
        """A real mouse click at the middle of the element (scrolled into view first)."""
        box = self.js(f"""(() => {{ const e = document.querySelector({json.dumps(selector)});
            if (!e) return null; e.scrollIntoView({{block: 'center'}});
            const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }})()""")
        if box is None:
            raise AssertionError(f"nothing to click at {selector}")
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", {"type": kind, "x": box[0], "y": box[1],
                                                   "button": "left", "clickCount": 1})

    def errors(self):
        """Script errors, exceptions and policy violations logged so far."""
        out = []
        for e in self.events:
            m, p = e.get("method"), e.get("params", {})
            if m == "Runtime.exceptionThrown":
                out.append(p["exceptionDetails"].get("exception", {}).get("description")
                           or p["exceptionDetails"].get("text"))
            elif m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                out.append(" ".join(str(a.get("value", a.get("description"))) for a in p["args"]))
            elif m == "Log.entryAdded" and p["entry"].get("level") == "error":
                out.append(p["entry"].get("text"))
        return out

    def close(self):
        try:
            self.call("Browser.close")
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("html")
    ap.add_argument("findings")
    ap.add_argument("screenshot")
    ap.add_argument("--finding", type=int, help="1-based finding to click")
    ap.add_argument("--width", type=int, default=1440)
    ap.add_argument("--height", type=int, default=900)
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    a = ap.parse_args()

    data = json.load(open(a.findings, encoding="utf-8"))
    ids = [s["id"] for s in data["sources"]]
    findings = data["findings"]
    pick = a.finding
    if pick is None:
        for kind in ("discrepancy", "agreement"):
            pick = next((i + 1 for i, f in enumerate(findings)
                         if f["kind"] == kind and len(f["claims"]) > 1), None)
            if pick:
                break
    if not pick:
        sys.exit("check.py: the report has no finding stated by two reports to click")
    want = sorted({ids.index(c["source"]) for c in findings[pick - 1]["claims"]})

    failures = []

    def check(name, ok, detail=""):
        print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + str(detail) if detail else ''}", flush=True)
        if not ok:
            failures.append(name)

    b = Browser(a.chromium, a.width, a.height)
    try:
        url = pathlib.Path(a.html).resolve().as_uri()
        b.call("Page.navigate", {"url": url})
        b.wait_event("Page.loadEventFired")
        columns = b.js("document.querySelectorAll('.column').length")
        check("one column per report", columns == len(ids), f"{columns} columns, {len(ids)} reports")
        check("script ran", b.js("document.documentElement.classList.contains('js')"))

        b.click(f'.finding-list button[data-f="{pick}"]')
        time.sleep(0.3)
        state = b.js(f"""(() => Array.from(document.querySelectorAll('.column')).map(c => {{
            const t = c.querySelector('.text');
            const m = t.querySelector('mark.active[data-f~="{pick}"]');
            const s = t.querySelector('.sent.active[data-f~="{pick}"]');
            let shown = false;
            if (m) {{ const r = m.getBoundingClientRect(), v = t.getBoundingClientRect();
                      shown = r.top >= Math.max(v.top, 0) && r.bottom <= Math.min(v.bottom, innerHeight); }}
            return {{ marked: c.classList.contains('has-ev'), mark: !!m, sentence: !!s, shown: shown }};
        }}))()""")
        marked = [k for k, s in enumerate(state) if s["marked"]]
        check(f"finding {pick}: the columns of its reports are marked", marked == want,
              f"marked {marked}, expected {want}")
        for k in want:
            s = state[k]
            check(f"finding {pick}: {ids[k]}: figure highlighted in its sentence",
                  s["mark"] and s["sentence"], s)
            check(f"finding {pick}: {ids[k]}: evidence scrolled into view (in its column and the window)",
                  s["shown"], s)
        active = b.js(f"""document.querySelector('.finding-list button[data-f="{pick}"]')
                         .classList.contains('active')""")
        check("the finding is selected in the list", active)
        png = base64.b64decode(b.call("Page.captureScreenshot", {"format": "png"})["data"])
        pathlib.Path(a.screenshot).parent.mkdir(parents=True, exist_ok=True)
        pathlib.Path(a.screenshot).write_bytes(png)
        check("screenshot saved", len(png) > 1000, f"{a.screenshot}, {len(png)} bytes")

        # Filters: hiding agreements hides them in the list and unmarks their claims.
        b.click('[data-filter-kind="agreement"]')
        hidden = b.js("""Array.from(document.querySelectorAll('.finding-list [data-kind="agreement"]'))
                         .every(e => e.hidden)""")
        check("the kind filter hides agreements", hidden)
        b.click('[data-filter-kind="agreement"]')
        # The findings view shows the finding's evidence in place.
        b.click('[data-view-btn="findings"]')
        shown = b.js(f"""(() => {{ const f = document.getElementById('f{pick}');
            return !!f && f.offsetParent !== null && f.querySelectorAll('blockquote mark').length; }})()""")
        check("the findings view quotes the evidence with the figure marked",
              shown == len(findings[pick - 1]["claims"]), shown)
        time.sleep(0.2)
        b.call("Runtime.evaluate", {"expression": "0"})  # collect late events
        errors = b.errors()
        check("no script error, exception or policy violation logged", not errors, errors)
    finally:
        b.close()
    print(f"browser: {'all checks passed' if not failures else f'{len(failures)} failed'}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
