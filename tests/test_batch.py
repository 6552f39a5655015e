"""The batch command: supervised parallel parsing, errors.csv, the store, and the district end to end."""
from __future__ import annotations

import csv
import io
import os
from collections import defaultdict
from pathlib import Path

import openpyxl
import pytest

from generate_corpus import generate
from report_factory import fake_parse
from report_parser.aggregate import aggregate, catalogue, load_reports
from report_parser.batch import EXIT_SOME_FAILED, Progress, collect, run_batch
from report_parser.cli import main
from report_parser.export import write
from report_parser.store import open_store

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")


def read_errors(out: Path) -> dict[str, tuple[str, str]]:
    raw = (out / "errors.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["path", "error", "message"]
    return {Path(p).name: (e, m) for p, e, m in rows[1:]}


def stored(db: Path) -> int:
    conn = open_store(db)
    try:
        return conn.execute("SELECT COUNT(*) FROM reports").fetchone()[0]
    finally:
        conn.close()


# --------------------------------------------------------------------------- machinery (stand-in parser)

def test_collect_walks_folders_skips_hidden_and_unsupported_but_keeps_named_files(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in ("a/x.pdf", "a/b/y.DOCX", "a/z.xlsx", "a/.hidden.txt", "a/~$lock.docx", "named.xyz"):
        (tmp_path / name).write_text("x")
    found = collect([tmp_path / "a", tmp_path / "named.xyz", tmp_path / "a" / "x.pdf"])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a/b/y.DOCX", "a/x.pdf", "named.xyz"]


@pytest.mark.slow
def test_hanging_crashing_and_failing_files_never_stop_the_batch(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a1.txt", "b2.txt", "c3.txt", "slow.txt", "crash.txt", "bad.txt"):
        (src / name).write_text(name * 3)
    log = io.StringIO()
    out = tmp_path / "out"
    # the time limit leaves a loaded machine room for the good files (a worker may resolve its
    # first commune); only the hanging file comes near it
    summary = run_batch([src], out, workers=2, timeout=10, parse_fn=fake_parse, progress=Progress(6, log))
    assert summary.total == 6 and summary.parsed == 3 and summary.exit_code == EXIT_SOME_FAILED
    errors = read_errors(out)
    assert {k: v[0] for k, v in errors.items()} == {"slow.txt": "Timeout", "crash.txt": "WorkerCrashed",
                                                   "bad.txt": "UnreadableInput"}
    assert "longer than 10 s" in errors["slow.txt"][1] and "exit code 3" in errors["crash.txt"][1]
    assert sorted(p.name for p in (out / "json").iterdir()) == ["a1.txt.json", "b2.txt.json", "c3.txt.json"]
    assert len((out / "reports.jsonl").read_text(encoding="utf-8").splitlines()) == 3
    assert stored(out / "district.sqlite") == 3
    lines = log.getvalue().splitlines()
    assert sum(line.startswith("[") for line in lines) == 6 and any("FAILED Timeout" in x for x in lines)


def test_a_second_run_parses_nothing_and_stores_nothing_new(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a.txt", "b.txt"):
        (src / name).write_text(name)
    db = tmp_path / "d.sqlite"
    quiet = dict(db=db, workers=1, parse_fn=fake_parse)
    first = run_batch([src], tmp_path / "o1", progress=Progress(2, io.StringIO()), **quiet)
    again = run_batch([src], tmp_path / "o2", progress=Progress(2, io.StringIO()), **quiet)
    assert (first.parsed, first.stored) == (2, {"new": 2})
    assert (again.parsed, again.already_stored, again.stored, again.exit_code) == (0, 2, {}, 0)
    # the outputs of the second run are complete anyway, taken from the store
    assert len((tmp_path / "o2" / "reports.jsonl").read_text(encoding="utf-8").splitlines()) == 2
    forced = run_batch([src], tmp_path / "o3", force=True, progress=Progress(2, io.StringIO()), **quiet)
    assert forced.parsed == 2 and stored(db) == 2


def test_cli_batch_lists_bad_files_and_exits_5_and_aggregate_writes_xlsx(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    (src / "empty.txt").write_bytes(b"")
    (src / "broken.pdf").write_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 50)
    out = tmp_path / "out"
    assert main(["batch", str(src), "--out", str(out), "--workers", "1", "--timeout", "60"]) == EXIT_SOME_FAILED
    errors = read_errors(out)
    assert set(errors) == {"empty.txt", "broken.pdf"} and errors["empty.txt"][0] == "UnreadableInput"
    assert "2 failed" in capsys.readouterr().err
    xlsx = tmp_path / "d.xlsx"
    assert main(["aggregate", "--db", str(out / "district.sqlite"), "-o", str(xlsx)]) == 0
    assert openpyxl.load_workbook(xlsx)["Tệp lỗi"]["A3"].value.endswith("broken.pdf")
    assert main(["aggregate", "--db", str(out / "district.sqlite"), "-o", str(xlsx), "--by", "cum"]) == 2
    assert main(["aggregate", "--db", str(tmp_path / "none.sqlite"), "-o", str(xlsx)]) == 2
    assert main(["batch", str(tmp_path / "nowhere"), "--out", str(out)]) == 2


# --------------------------------------------------------------------------- the district end to end

@pytest.fixture(scope="module")
def district(tmp_path_factory):
    """60 generated reports from 3 districts plus a corrupt PDF, an empty file and a named pipe
    (whose reading would never end: refused at once, only regular files are read), in one batch."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("named pipes need a POSIX system")
    root = tmp_path_factory.mktemp("district")
    truths = generate(root / "reports", 60, pdf=3, seed=7)
    bad = root / "bad"
    bad.mkdir()
    (bad / "hong.pdf").write_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 100)
    (bad / "trong.txt").write_bytes(b"")
    os.mkfifo(bad / "treo.docx")
    out, db = root / "out", root / "district.sqlite"
    summary = run_batch([bad, root / "reports"], out, db=db, workers=2, timeout=20,
                        progress=Progress(63, io.StringIO()))
    return {"root": root, "truths": truths, "out": out, "db": db, "summary": summary}


@pytest.mark.slow
def test_district_batch_stores_60_and_lists_the_3_bad_files(district):
    summary, out = district["summary"], district["out"]
    errors = read_errors(out)
    assert {k: v[0] for k, v in errors.items() if k in ("hong.pdf", "trong.txt", "treo.docx")} == {
        "hong.pdf": "UnreadableInput", "trong.txt": "UnreadableInput", "treo.docx": "UnreadableInput"}
    assert "empty" in errors["trong.txt"][1] and "not a regular file" in errors["treo.docx"][1]
    assert len(errors) == 3, f"generated reports failed: {errors}"
    assert summary.total == 63 and summary.parsed == 60 and summary.stored == {"new": 60}
    assert stored(district["db"]) == 60
    assert len(list((out / "json").iterdir())) == 60
    assert len((out / "reports.jsonl").read_text(encoding="utf-8").splitlines()) == 60


def _expected(truths) -> tuple[dict, dict]:
    """Per district code: the summed counts and the (numerator, denominator) sums of each rate."""
    sums: dict = defaultdict(lambda: defaultdict(float))
    fields: dict = defaultdict(lambda: defaultdict(float))
    for t in truths:
        for code, v in t.indicators.items():
            sums[t.district_code][code] += v
        for f, vals in t.fields.items():
            for code, v in vals.items():
                fields[(t.district_code, f)][code] += v
    return sums, fields


@pytest.mark.slow
def test_every_generated_report_yields_its_true_figures(district):
    """The values the district totals are made of, report by report (a readable diff when one is off)."""
    conn = open_store(district["db"])
    got = {Path(r.row["path"]).name: r.values for r in load_reports(conn, "district", None, None)}
    conn.close()
    wrong = []
    for t in district["truths"]:
        values = got.get(t.file, {})
        expected = {(c, None): v for c, v in t.indicators.items()}
        expected |= {(c, f): v for f, vals in t.fields.items() for c, v in vals.items()}
        wrong += [f"{t.file}: {c}{'/' + f if f else ''} = {values.get((c, f))}, expected {v}"
                  for (c, f), v in expected.items() if values.get((c, f)) != pytest.approx(v)]
    assert not wrong, f"{len(wrong)} wrong values, first ones:\n" + "\n".join(wrong[:40])


@pytest.mark.slow
def test_district_totals_and_recomputed_rates_equal_the_truth(district):
    conn = open_store(district["db"])
    agg = aggregate(conn, by="district", period="2022-H1")
    conn.close()
    sums, field_sums = _expected(district["truths"])
    summary = agg.sheets[0]
    codes = [c.code for c in summary.columns]
    rows = {row[1]: row for row in summary.rows}
    assert len(sums) == 3 and set(sums) <= set(codes)
    assert rows["reports"][codes.index(next(iter(sums)))] == 20
    for dcode, totals in sums.items():
        col = codes.index(dcode)
        for code, value in totals.items():
            info = catalogue().get(code)
            if info and info.unit == "%":
                if info.of:
                    num, den = info.of
                    assert rows[code][col] == pytest.approx(100 * totals[num] / totals[den]), (dcode, code)
                assert rows[f"{code}:mean"][col] == pytest.approx(value / 20), (dcode, code)
            else:
                assert rows[code][col] == value, (dcode, code)
    fsheet = next(s for s in agg.sheets if s.name == "Lĩnh vực")
    fcodes = [c.code for c in fsheet.columns]
    names = {g.code: g.name for g in agg.groups}
    frows = {(r[0], r[1]): r for r in fsheet.rows}
    for (dcode, f), totals in field_sums.items():
        for code, value in totals.items():
            if not code.endswith("_rate"):
                assert frows[(names[dcode], f)][fcodes.index(code)] == value, (dcode, f, code)


@pytest.mark.slow
def test_second_district_run_stores_0_new(district):
    again = run_batch([district["root"] / "reports"], district["root"] / "out2", db=district["db"], workers=2,
                      progress=Progress(60, io.StringIO()))
    assert (again.parsed, again.already_stored, again.stored, again.exit_code) == (0, 60, {}, 0)
    assert stored(district["db"]) == 60


@pytest.mark.slow
def test_district_spreadsheet_reads_back_with_the_summed_values(district, tmp_path):
    conn = open_store(district["db"])
    out = tmp_path / "district.xlsx"
    write(aggregate(conn, by="province").sheets, out)
    conn.close()
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Tổng hợp", "Theo xã", "Lĩnh vực", "Biểu mẫu", "Văn bản", "Kiểm tra", "Kiểm tra đã bỏ qua", "Tệp lỗi"]
    ws = wb["Tổng hợp"]
    row = next(r for r in ws.iter_rows(min_row=3, values_only=True) if r[1] == "dossiers.received")
    assert row[-1] == sum(t.indicators["dossiers.received"] for t in district["truths"])
    assert ws.max_column == 4 + 2 + 1  # Thái Bình, Nam Định, Toàn bộ
    assert wb["Theo xã"].max_row == 2 + 60
    assert {r[0] for r in wb["Tệp lỗi"].iter_rows(min_row=3, values_only=True)} >= {
        str(district["root"] / "bad" / "hong.pdf")}
