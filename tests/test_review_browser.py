"""The review page in a real browser: Debian's headless Chromium driven by Selenium through the
system chromedriver (no browser download). One page load serves every test of the module.

Skipped when chromium, chromium-driver or selenium is missing (``make test`` installs them).
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest

from report_parser.pipeline import parse_with_context
from report_parser.review import page_for
from report_parser.store import import_report, open_store

from conftest import SAMPLE_PDF
import review_measure as measure

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
webdriver = pytest.importorskip("selenium.webdriver")
pytestmark = [pytest.mark.slow,  # a browser start and a parse: tens of seconds on a busy machine
              pytest.mark.skipif(not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()),
                                 reason="Debian chromium and chromium-driver are not installed")]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1400,900"]


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    from selenium.webdriver.chrome.service import Service

    tmp = tmp_path_factory.mktemp("review")
    report, ctx = parse_with_context(SAMPLE_PDF)
    page = tmp / "review.html"
    page.write_text(page_for(report, ctx.doc, SAMPLE_PDF), encoding="utf-8")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS + [f"--user-data-dir={tmp / 'profile'}"]:
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(tmp / "downloads"),
                                              "download.prompt_for_download": False})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    try:
        driver.get(page.as_uri())
        yield driver, report, tmp
    finally:
        driver.quit()


def _visible_and_lit(driver, element) -> bool:
    return driver.execute_script(
        "const m = arguments[0], r = m.getBoundingClientRect(), box = document.getElementById('pages')"
        ".getBoundingClientRect();"
        "return r.width > 0 && r.height > 0 && r.top >= box.top && r.bottom <= box.bottom"
        " && m.classList.contains('active') && getComputedStyle(m).outlineStyle !== 'none';", element)


def test_the_page_loads_without_console_error_or_network_request(session):
    driver, _, _ = session
    assert driver.find_elements("css selector", "section.page img")
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
    requests = [json.loads(e["message"])["message"] for e in driver.get_log("performance")]
    urls = [m["params"]["request"]["url"] for m in requests if m["method"] == "Network.requestWillBeSent"]
    assert urls and [u for u in urls if u.split(":")[0] in ("http", "https", "ws", "wss", "ftp")] == []


def test_clicking_an_indicator_row_scrolls_to_its_mark_and_lights_it(session):
    driver, report, _ = session
    k = max(range(len(report.indicators)), key=lambda k: report.indicators[k].page or 0)  # the last pages
    row = driver.find_element("css selector", f'tr[data-id="ind-{k}"]')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", row)
    row.click()
    marks = driver.find_elements("css selector", f'.mark[data-id="ind-{k}"]')
    assert marks and _visible_and_lit(driver, marks[0])
    assert int(marks[0].get_attribute("data-page")) == report.indicators[k].page
    assert "selected" in row.get_attribute("class")


def test_clicking_a_mark_shows_what_was_read_there(session):
    driver, report, _ = session
    mark = driver.find_element("css selector", '.mark[data-kind="reference"]')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    mark.click()
    info = driver.find_element("id", "info")
    ref = report.references[int(mark.get_attribute("data-id").split("-")[1])]
    assert info.is_displayed() and (ref.symbol or ref.number) in info.text


def test_the_text_under_the_drawn_boxes_is_the_value(session):
    """The boxes as the browser lays them out (not as the HTML says) read back in the PDF."""
    driver, report, _ = session
    boxes = driver.execute_script("""
        const ids = Array.from(new Set(Array.from(document.querySelectorAll('div.mark:not([data-kind=check])'),
                                                      m => m.dataset.id))).filter((id, i) => i % 4 == 0);
        return Array.from(document.querySelectorAll('div.mark:not([data-kind=check])')).filter(m => ids.includes(m.dataset.id))
          .map(m => { const p = m.parentElement.querySelector('img').getBoundingClientRect(), r = m.getBoundingClientRect();
            return [m.dataset.kind, m.dataset.id, +m.dataset.page, (r.left - p.left) / p.width, (r.top - p.top) / p.height,
                    (r.right - p.left) / p.width, (r.bottom - p.top) / p.height]; });""")
    sample = [measure.Box(kind, id_, page, (x0, y0, x1, y1)) for kind, id_, page, x0, y0, x1, y1 in boxes]
    ok, total, bad = measure.agreement(report, sample, measure.pdf_text_under(SAMPLE_PDF))
    assert total >= 40 and ok / total >= 0.95, bad


def test_a_correction_made_in_the_page_reaches_the_district_spreadsheet(session, tmp_path):
    driver, report, tmp = session
    db = tmp_path / "district.sqlite"
    conn = open_store(db)
    import_report(conn, report)
    conn.close()
    k = next(k for k, i in enumerate(report.indicators) if i.code == "dossiers.received" and not i.dimension)
    row = driver.find_element("css selector", f'tr[data-id="ind-{k}"]')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", row)
    row.find_element("css selector", "input.fix").send_keys("1.204")
    check = driver.find_element("css selector", 'tr[data-id="chk-0"] select.verdict')
    driver.execute_script("arguments[0].value = 'dismiss'; arguments[0].dispatchEvent(new Event('change'))", check)
    driver.find_element("id", "download").click()
    download = tmp / "downloads" / "corrections.json"
    for _ in range(100):
        if download.exists() and download.stat().st_size:
            break
        time.sleep(0.1)
    data = json.loads(download.read_text(encoding="utf-8"))
    assert sorted((c["target"], c["action"], c.get("value") or 0) for c in data["corrections"]) == [
        ("check", "dismiss", 0), ("indicator", "value", 1204)]
    cli = [sys.executable, "-m", "report_parser"]
    r = subprocess.run(cli + ["correct", "--db", str(db), str(download), "--by", "Lan"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    conn = open_store(db)
    import_report(conn, report, force=True)  # re-importing the same file keeps the correction
    conn.close()
    out = tmp_path / "district.xlsx"
    r = subprocess.run(cli + ["aggregate", "--db", str(db), "-o", str(out)], capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    wb = openpyxl.load_workbook(out)
    ws = wb["Theo xã"]
    col = [c.value for c in ws[2]].index("dossiers.received") + 1
    cell = ws.cell(row=3, column=col)
    assert cell.value == 1204 and "Lan" in cell.comment.text
    assert [r[4].value for r in wb["Kiểm tra đã bỏ qua"].iter_rows(min_row=3)] == [report.checks[0].rule]
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []
