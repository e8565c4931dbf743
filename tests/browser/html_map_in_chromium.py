#!/usr/bin/python3
"""Opens an HTML map depmap wrote in headless Chromium, as a reader would, and checks what
it draws: one marker per feature, a click on a marker shows that feature's attributes as
text (Chinese names intact, markup in the data shown, not obeyed), and a screenshot that
is not blank. Talks to Chromium over its DevTools pipe (--remote-debugging-pipe: JSON
messages ended by NUL on fds 3 and 4), standard library only. No network: every host
name fails to resolve, so the map must draw from the file alone.

    html_map_in_chromium.py DEPMAP WORK_DIR      exit 0 passed, 1 failed, 77 no chromium
"""
import base64
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib

WIDTH, HEIGHT = 1200, 900


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def moved_to_3_and_4(read_end, write_end):
    """Chromium reads DevTools commands from fd 3 and answers on fd 4."""
    read_copy, write_copy = os.dup(read_end), os.dup(write_end)  # so neither move overwrites the other
    os.dup2(read_copy, 3)
    os.dup2(write_copy, 4)


class Browser:
    def __init__(self, profile):
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()
        chromium = shutil.which("chromium")
        self.process = subprocess.Popen(
            [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--remote-debugging-pipe", "--user-data-dir=" + profile,
             "--host-resolver-rules=MAP * ~NOTFOUND", f"--window-size={WIDTH},{HEIGHT}",
             "about:blank"],
            # Kept open: the pipe ends, and 3 and 4 that preexec_fn makes them (the other
            # descriptors are closed after it runs).
            pass_fds=(to_chrome_r, from_chrome_w, 3, 4), stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=lambda: moved_to_3_and_4(to_chrome_r, from_chrome_w))
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.buffer = b""
        self.next_id = 0
        self.session = None

    def call(self, method, **params):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if self.session:
            message["sessionId"] = self.session
        os.write(self.to_chrome, json.dumps(message).encode() + b"\0")
        while True:
            while b"\0" not in self.buffer:
                chunk = os.read(self.from_chrome, 1 << 16)
                if not chunk:
                    fail(f"chromium closed its DevTools pipe during {method}")
                self.buffer += chunk
            raw, self.buffer = self.buffer.split(b"\0", 1)
            reply = json.loads(raw)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    fail(f"{method}: {reply['error']}")
                return reply["result"]

    def open(self, url):
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.call("Page.enable")
        self.call("Page.navigate", url=url)

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            fail(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression, what):
        for _ in range(200):
            if self.evaluate(expression):
                return
            time.sleep(0.05)
        fail("timed out waiting for " + what)

    def close(self):
        try:
            self.session = None
            self.call("Browser.close")
        except SystemExit:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def png_colours(png):
    """The distinct pixels of an 8-bit RGB(A) PNG, counted roughly (filters undone for
    None and Sub only would be wrong, so count distinct raw rows instead)."""
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        fail("the screenshot is not a PNG")
    width, height = struct.unpack(">II", png[16:24])
    data, at = b"", 8
    while at < len(png):
        length, kind = struct.unpack(">I4s", png[at:at + 8])
        if kind == b"IDAT":
            data += png[at + 8:at + 8 + length]
        at += 12 + length
    raw = zlib.decompress(data)
    return width, height, len(set(raw))


def check_map(browser, path, markers, click_title, expect_text, expect_no_element=None):
    browser.open("file://" + path)
    browser.wait_for("document.readyState === 'complete' && typeof L !== 'undefined'", path + " to load")
    drawn = browser.evaluate("document.querySelectorAll('.leaflet-marker-pane .depmap-marker').length")
    if drawn != markers:
        fail(f"{path}: {drawn} markers drawn, expected {markers}")
    legend = browser.evaluate("document.querySelector('.depmap-legend').textContent")
    if not legend:
        fail(f"{path}: no legend")
    found = browser.evaluate(
        "(function(){var m=[].filter.call(document.querySelectorAll('.depmap-marker'),"
        f"function(e){{return e.title === {json.dumps(click_title)};}});"
        "if (!m.length) return false; m[0].click(); return true;})()")
    if not found:
        fail(f"{path}: no marker titled {click_title}")
    browser.wait_for("document.querySelector('.leaflet-popup-content') !== null", "the popup")
    text = browser.evaluate("document.querySelector('.leaflet-popup-content').textContent")
    for expected in expect_text:
        if expected not in text:
            fail(f"{path}: the popup of {click_title} says {text!r}, without {expected!r}")
    if expect_no_element and browser.evaluate(
            f"document.querySelector('.leaflet-popup-content {expect_no_element}') !== null"):
        fail(f"{path}: the popup obeyed markup in the data: a <{expect_no_element}> element")
    print(f"{path}: {drawn} markers; the popup of {click_title} shows {expect_text}")
    return legend


def main():
    if shutil.which("chromium") is None:
        print("chromium is not installed (Debian: apt install chromium): skipped")
        return 77
    depmap, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    sites = os.path.join(work, "sites.html")
    odd_csv = os.path.join(work, "odd.csv")
    odd = os.path.join(work, "odd.html")
    with open(odd_csv, "w", encoding="utf-8") as f:
        f.write('lon,lat,name,name_zh,commodities\n110.5,41.5,"<b>bold</b> & co",测试矿,Gold\n'
                '111.5,42.5,plain,,Coal\n')
    for args in (["export", "-o", sites, "-O"], ["export", "--layer", odd_csv, "-o", odd, "-O"]):
        subprocess.run([depmap] + args, check=True)

    with tempfile.TemporaryDirectory() as profile:
        browser = Browser(profile)
        try:
            legend = check_map(browser, sites, 460, "Bayan Obo",
                               ["白云鄂博", "Rare Earth Elements;Iron;Niobium", "site-IM-GEMIRON-0003"])
            if "Coal (415)" not in legend:
                fail(f"the legend says {legend!r}, without Coal (415)")
            shot = base64.b64decode(browser.call("Page.captureScreenshot", format="png")["data"])
            with open(os.path.join(work, "sites.png"), "wb") as f:
                f.write(shot)
            width, height, values = png_colours(shot)
            if width < 100 or height < 100 or values < 16:
                fail(f"the screenshot is blank: {width}x{height}, {values} distinct byte values")
            print(f"screenshot {width}x{height}, {len(shot)} bytes")
            check_map(browser, odd, 2, "<b>bold</b> & co", ["<b>bold</b> & co", "测试矿"], expect_no_element="b")
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
