#!/usr/bin/python3
"""Drives `kb serve` in a real headless browser (Chromium through WebDriver) on the sample KB:
the home page, a search for IESALC, the 2 Sep meeting, a person, the graph, and an edit on
disk that the open page shows by itself. Screenshots go to ARTIFACTS (default ./serve-artifacts).
Exits 77 (skipped) with a message when no browser is installed.
Usage: browser_test.py KB_BINARY SOURCE_DIR [ARTIFACTS]"""
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kbserve import Server  # noqa: E402

SKIP = 77


def browser_or_skip():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    try:
        from selenium import webdriver  # noqa: F401
    except ImportError:
        chromium = None
    if not chromium or not driver:
        print("skipped: the browser tests need chromium, chromium-driver and python3-selenium (scripts/install-deps.sh installs them)")
        sys.exit(SKIP)
    return chromium, driver


def start_browser(chromium, driver, profile):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for a in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync",
              "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900"]:
        opts.add_argument(a)
    b = webdriver.Chrome(service=Service(driver), options=opts)
    b.set_page_load_timeout(20)
    return b


def wait_for(what, test, seconds=10):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if test():
                return True
        except Exception:  # the page is reloading under us
            pass
        time.sleep(0.1)
    raise AssertionError("timed out waiting for " + what)


def run(b, s, shots):
    from selenium.webdriver.common.by import By
    shot = lambda name: b.save_screenshot(os.path.join(shots, name + ".png"))
    b.get(s.url)
    wait_for("the home page", lambda: "This week" in b.find_element(By.TAG_NAME, "h1").text)
    shot("1-home")
    box = b.find_element(By.CSS_SELECTOR, "form.quick input[name=text]")
    box.send_keys("IESALC")
    box.submit()
    wait_for("search results", lambda: b.find_elements(By.CSS_SELECTOR, "ol.results li"))
    shot("2-search")
    b.find_element(By.PARTIAL_LINK_TEXT, "Bilateral meeting with UNESCO-IESALC").click()
    wait_for("the 2 Sep meeting", lambda: "2 September 2024" in b.find_element(By.CSS_SELECTOR, "p.sub").text)
    shot("3-meeting")
    b.find_element(By.PARTIAL_LINK_TEXT, "Francesc Pedro").click()  # "Mr. Francesc Pedro"
    wait_for("the person page", lambda: b.find_element(By.TAG_NAME, "h1").text.endswith("Francesc Pedro"))
    assert "Affiliations over time" in b.page_source
    shot("4-person")
    b.find_element(By.LINK_TEXT, "graph").click()
    wait_for("the graph", lambda: int(b.find_element(By.ID, "graph").get_attribute("data-nodes") or 0) > 3)
    before = int(b.find_element(By.ID, "graph").get_attribute("data-nodes"))
    b.find_element(By.CSS_SELECTOR, "#graph g.node.event circle").click()
    wait_for("the graph to grow", lambda: int(b.find_element(By.ID, "graph").get_attribute("data-nodes")) > before)
    shot("5-graph")
    b.get(s.url + "r/meetings/2024/2024-09-02-unesco-iesalc")
    wait_for("the meeting again", lambda: b.find_element(By.TAG_NAME, "h1").text.startswith("Bilateral"))
    time.sleep(0.5)  # the page's event stream is open
    path = s.note("meetings/2024/2024-09-02-unesco-iesalc.md")
    text = open(path, encoding="utf-8").read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace("title: Bilateral meeting with UNESCO-IESALC", "title: Bilateral meeting, edited on disk"))
    wait_for("the open page to show the edit", lambda: b.find_element(By.TAG_NAME, "h1").text == "Bilateral meeting, edited on disk")
    shot("6-live-edit")


def main():
    chromium, driver = browser_or_skip()
    kb, src = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    shots = os.path.abspath(sys.argv[3] if len(sys.argv) > 3 else "serve-artifacts")
    os.makedirs(shots, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="kb-chromium-")
    s = Server(kb, os.path.join(src, "records"))
    b = None
    try:
        b = start_browser(chromium, driver, profile)
        run(b, s, shots)
        print("ok: home, search, meeting, person, graph and a live edit; screenshots in " + shots)
        return 0
    except AssertionError as e:
        if b:
            b.save_screenshot(os.path.join(shots, "failure.png"))
        print("FAIL: %s" % e)
        return 1
    finally:
        if b:
            b.quit()
        s.stop()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
