"""Generate a corpus of commune CCHC reports, with the true values, by varying the sample report.

Why: the district workflow adds up dozens of reports, and a total can only be
asserted exactly when every input's true figures are known. Each generated
report is the sample (``samples/le-hong-2022-h1.docx``) with

* a real commune of a real district (names and codes from ``vietnamadminunits``),
* its own consistent numbers (dossiers per field, tasks, staff, procedures...),
* its own report number, date and signer,
* a few harmless phrasing variants and number spellings ("1.224" or "1224"),

written as .docx, as .txt (the document text in reading order) and, for a few,
as .pdf (LibreOffice converts the .docx). ``truth.json`` holds, per file, the
commune, its codes, and every catalogue indicator the text states.

    python tests/generate_corpus.py OUT_DIR [--n 60] [--pdf 3] [--seed 7]
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

import docx
from docx.oxml.ns import qn

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DOCX = ROOT / "samples" / "le-hong-2022-h1.docx"
PERIOD = "2022-H1"
# three real districts (legacy units) with at least 20 communes each
DISTRICTS = [("Vũ Thư", "Thái Bình"), ("Hưng Hà", "Thái Bình"), ("Ý Yên", "Nam Định")]
SIGNERS = ["Nguyễn Văn An", "Trần Thị Bình", "Phạm Văn Cường", "Lê Thị Dung", "Hoàng Văn Em", "Vũ Đức Giang",
           "Đỗ Thị Hà", "Bùi Quang Huy", "Ngô Văn Khải", "Đặng Thị Lan", "Phan Văn Minh", "Trịnh Thị Nga"]
FIELDS = ("Hộ tịch", "Chứng thực", "Bảo trợ xã hội")


@dataclass
class Truth:
    """What one generated report states: the commune and every catalogue indicator."""

    file: str
    format: str
    unit: str
    district: str
    province: str
    unit_code: str
    district_code: str
    province_code: str
    number: str
    date: str
    period: str
    indicators: dict[str, float] = field(default_factory=dict)             # code -> value
    fields: dict[str, dict[str, float]] = field(default_factory=dict)       # field -> code -> value
    variants: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- numbers

def vn_count(n: int, dotted: bool) -> str:
    """1224 -> '1.224' (Vietnamese thousands) when dotted, else '1224'; 1..9 -> '01'..'09' like the sample."""
    if dotted and n >= 1000:
        return f"{n:,}".replace(",", ".")
    return f"{n:02d}" if 0 < n < 10 else str(n)


def vn_rate(x: float) -> str:
    """99.9 -> '99,9'; 100.0 -> '100'."""
    return str(int(x)) if float(x).is_integer() else f"{x:.1f}".replace(".", ",")


def r1(x: float) -> float:
    return round(x + 1e-9, 1)


def draw_values(rng: random.Random) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    """A commune's consistent figures, in the catalogue's codes."""
    h, c, b = rng.randint(120, 500), rng.randint(300, 1500), rng.randint(40, 150)
    online = {f: round(n * rng.uniform(0.3, 0.6)) for f, n in zip(FIELDS, (h, c, b))}
    late, returned = rng.randint(1, 3), rng.randint(1, 4)
    fields = {f: {"dossiers.received": n, "dossiers.received_online": online[f],
                  "dossiers.received_direct": n - online[f]} for f, n in zip(FIELDS, (h, c, b))}
    for f in FIELDS[:2]:
        fields[f].update({"dossiers.early": fields[f]["dossiers.received"], "dossiers.early_rate": 100})
    fields["Bảo trợ xã hội"].update({"dossiers.early": b - late - returned, "dossiers.late": late,
                                     "dossiers.returned": returned})
    received = h + c + b
    carried = rng.randint(2, 15)
    resolved = received - returned
    early = resolved - late
    tasks_total = rng.randint(20, 35)
    tasks_done = tasks_total - rng.randint(0, 6)
    tthc = rng.randint(120, 160)
    one_stop = tthc - rng.choice((0, 0, 0, 1, 2))
    l3, l4 = rng.randint(50, 80), rng.randint(30, 60)
    officials, civil = rng.randint(8, 12), rng.randint(8, 12)
    oq, cq = officials - rng.randint(0, 2), civil - rng.randint(1, 2)
    v = {
        "plan.tasks_main": rng.randint(5, 9), "plan.tasks_total": tasks_total, "plan.tasks_done": tasks_done,
        "plan.completion_rate": round(100 * tasks_done / tasks_total),
        "direction.docs_issued": rng.randint(5, 30),
        "propaganda.radio_items": rng.randint(2, 15), "propaganda.web_items": rng.randint(3, 20),
        "survey.forms": received, "legal.docs_issued": rng.randint(150, 400), "legal.normative_issued": 0,
        "tthc.total": tthc, "tthc.published": tthc, "tthc.public": tthc, "tthc.one_stop": one_stop,
        "tthc.one_stop_rate": r1(100 * one_stop / tthc), "feedback.received": 0, "feedback.resolved": 0,
        "dvc.level34": l3 + l4, "dvc.level3": l3, "dvc.level4": l4,
        "dossiers.received": received, "dossiers.received_online": sum(online.values()),
        "dossiers.received_direct": received - sum(online.values()) - carried,
        "dossiers.carried_over": carried, "dossiers.received_in_period": received - carried,
        "dossiers.online_rate": 80, "dossiers.resolved": resolved, "dossiers.early": early,
        "dossiers.early_rate": r1(100 * early / resolved), "dossiers.on_time": early,
        "dossiers.on_time_rate": r1(100 * early / resolved), "dossiers.late": late,
        "dossiers.late_rate": r1(100 * late / resolved), "dossiers.returned": returned,
        "dossiers.synced": received, "satisfaction.rate": r1(rng.uniform(95, 100)),
        "staff.quota": officials + civil, "staff.present": officials + civil, "staff.contract": rng.randint(1, 4),
        "staff.officials": officials, "staff.civil_servants": civil,
        "staff.officials_qualified": oq, "staff.officials_qualified_rate": r1(100 * oq / officials),
        "staff.civil_servants_qualified": cq, "staff.civil_servants_qualified_rate": r1(100 * cq / civil),
        "staff.disciplined": 0, "finance.budget_plan": 10000, "finance.budget_disbursed": 0,
        "edocs.incoming": rng.randint(300, 900), "edocs.outgoing": rng.randint(150, 400),
        "edocs.outgoing_online_rate": 100, "esign.rate": 100,
    }
    return v, fields


# --------------------------------------------------------------------------- text edits

def sentence_edits(v: dict, f: dict, dotted: bool, variants: list[str]) -> list[tuple[str, str]]:
    """(sample text, new text) pairs for every sentence that states a figure."""
    n = lambda code: vn_count(int(v[code]), dotted)  # noqa: E731
    fn = lambda fld, code: vn_count(int(f[fld][code]), dotted)  # noqa: E731
    total_word = "Tổng" if "field-total-word" in variants else "Tổng số"
    news = "tin, bài" if "news-comma" in variants else "tin bài"
    satisfied = ("Tỷ lệ hài lòng của người dân, tổ chức đạt" if "satisfaction-long" in variants
                 else "Tỷ lệ hài lòng đạt")
    ht, ct, bt = (f[x] for x in FIELDS)
    return [
        ("Theo kế hoạch có 07 nhiệm vụ chính với 28 nhiệm vụ cụ thể. Tính đến thời điểm 09/6/2022 đã hoàn thành "
         "24/28 nhiệm vụ mà kế hoạch đã đề ra từ đầu năm (đạt 85%).",
         f"Theo kế hoạch có {n('plan.tasks_main')} nhiệm vụ chính với {n('plan.tasks_total')} nhiệm vụ cụ thể. "
         f"Tính đến thời điểm 09/6/2022 đã hoàn thành {n('plan.tasks_done')}/{n('plan.tasks_total')} nhiệm vụ "
         f"mà kế hoạch đã đề ra từ đầu năm (đạt {vn_rate(v['plan.completion_rate'])}%)."),
        ("đã phát 06 tin bài trên hệ thống đài truyền thanh; đăng tải 08 tin bài trên Trang",
         f"đã phát {n('propaganda.radio_items')} {news} trên hệ thống đài truyền thanh; đăng tải "
         f"{n('propaganda.web_items')} {news} trên Trang"),
        ("đã ban hành 255 văn bản các loại", f"đã ban hành {n('legal.docs_issued')} văn bản các loại"),
        ("được công bố gồm 143 thủ tục; trong đó TTHC được công khai: 143 thủ tục.",
         f"được công bố gồm {n('tthc.published')} thủ tục; trong đó TTHC được công khai: {n('tthc.public')} thủ tục."),
        ("thẩm quyền giải quyết của xã: 143 thủ tục;", f"thẩm quyền giải quyết của xã: {n('tthc.total')} thủ tục;"),
        ("có 143/143 TTHC (tỷ lệ 100%)",
         f"có {n('tthc.one_stop')}/{n('tthc.total')} TTHC (tỷ lệ {vn_rate(v['tthc.one_stop_rate'])}%)"),
        ("Đưa 116 TTHC thực hiện dịch vụ công trực tuyến mức độ 3,4 (trong đó: 70 TTHC mức độ 3, 46 TTHC mức độ 4).",
         f"Đưa {n('dvc.level34')} TTHC thực hiện dịch vụ công trực tuyến mức độ 3,4 (trong đó: {n('dvc.level3')} "
         f"TTHC mức độ 3, {n('dvc.level4')} TTHC mức độ 4)."),
        ("đã tiếp nhận 1224 hồ sơ. Trong đó: 539 hồ sơ tiếp nhận online, 676 hồ sơ tiếp nhận trực tiếp, 9 hồ sơ tồn "
         "kỳ trước, hồ sơ tiếp nhận trong kỳ 1215 hồ sơ. Đã giải quyết 1221 hồ sơ, có 1220 hồ sơ trả trước hạn đạt "
         "99,9%, 01 hồ sơ trả quá hạn đạt 0,1%, 03 hồ sơ trả lại",
         f"đã tiếp nhận {n('dossiers.received')} hồ sơ. Trong đó: {n('dossiers.received_online')} hồ sơ tiếp nhận "
         f"online, {n('dossiers.received_direct')} hồ sơ tiếp nhận trực tiếp, {int(v['dossiers.carried_over'])} hồ "
         f"sơ tồn kỳ trước, hồ sơ tiếp nhận trong kỳ {n('dossiers.received_in_period')} hồ sơ. Đã giải quyết "
         f"{n('dossiers.resolved')} hồ sơ, có {n('dossiers.early')} hồ sơ trả trước hạn đạt "
         f"{vn_rate(v['dossiers.early_rate'])}%, {n('dossiers.late')} hồ sơ trả quá hạn đạt "
         f"{vn_rate(v['dossiers.late_rate'])}%, {n('dossiers.returned')} hồ sơ trả lại"),
        ("Lĩnh vực Hộ tịch: Tổng số 224 hồ sơ: tiếp nhận online 94 hồ sơ, tiếp nhận trực tiếp 150 hồ sơ, đã trả "
         "trước hạn 224 hồ sơ đạt 100%.",
         f"Lĩnh vực Hộ tịch: {total_word} {fn('Hộ tịch', 'dossiers.received')} hồ sơ: tiếp nhận online "
         f"{fn('Hộ tịch', 'dossiers.received_online')} hồ sơ, tiếp nhận trực tiếp "
         f"{fn('Hộ tịch', 'dossiers.received_direct')} hồ sơ, đã trả trước hạn {fn('Hộ tịch', 'dossiers.early')} "
         f"hồ sơ đạt {vn_rate(ht['dossiers.early_rate'])}%."),
        ("Lĩnh vực Chứng thực: Tổng 873 hồ sơ: tiếp nhận online 407 hồ sơ, tiếp nhận trực tiếp 466 hồ sơ, đã trả "
         "trước hạn 873 hồ sơ đạt 100%.",
         f"Lĩnh vực Chứng thực: Tổng {fn('Chứng thực', 'dossiers.received')} hồ sơ: tiếp nhận online "
         f"{fn('Chứng thực', 'dossiers.received_online')} hồ sơ, tiếp nhận trực tiếp "
         f"{fn('Chứng thực', 'dossiers.received_direct')} hồ sơ, đã trả trước hạn "
         f"{fn('Chứng thực', 'dossiers.early')} hồ sơ đạt {vn_rate(ct['dossiers.early_rate'])}%."),
        ("Lĩnh vực Bảo trợ xã hội: Tổng 107 hồ sơ: tiếp nhận online 38 hồ sơ, tiếp nhận trực tiếp 60 hồ sơ, đã trả "
         "trước hạn 103 hồ sơ, quá hạn 01 hồ sơ, 03 hồ sơ trả lại",
         f"Lĩnh vực Bảo trợ xã hội: Tổng {fn('Bảo trợ xã hội', 'dossiers.received')} hồ sơ: tiếp nhận online "
         f"{fn('Bảo trợ xã hội', 'dossiers.received_online')} hồ sơ, tiếp nhận trực tiếp "
         f"{fn('Bảo trợ xã hội', 'dossiers.received_direct')} hồ sơ, đã trả trước hạn "
         f"{fn('Bảo trợ xã hội', 'dossiers.early')} hồ sơ, quá hạn {vn_count(bt['dossiers.late'], dotted)} hồ sơ, "
         f"{vn_count(bt['dossiers.returned'], dotted)} hồ sơ trả lại"),
        ("Có 1224 hồ sơ đã được cập nhật", f"Có {n('dossiers.synced')} hồ sơ đã được cập nhật"),
        ("99,9% hồ sơ được trả trước hạn, có 01 hồ sơ trễ hạn đạt 0,1%. Tỷ lệ hài lòng đạt 99,9%.",
         f"{vn_rate(v['dossiers.early_rate'])}% hồ sơ được trả trước hạn, có {n('dossiers.late')} hồ sơ trễ hạn đạt "
         f"{vn_rate(v['dossiers.late_rate'])}%. {satisfied} {vn_rate(v['satisfaction.rate'])}%."),
        ("Tổng số cán bộ, công chức được giao là 20, hiện tại có mặt là 20 người, trong đó có 02 cán bộ hợp đồng.",
         f"Tổng số cán bộ, công chức được giao là {n('staff.quota')}, hiện tại có mặt là {n('staff.present')} "
         f"người, trong đó có {n('staff.contract')} cán bộ hợp đồng."),
        ("được giao 20 người, hiện có mặt 20 người (đủ biên chế), trong đó: cán bộ có 10 người, công chức 10 người. "
         "Số lượng cán bộ đạt chuẩn có 8/10 người, đạt 80%; Số lượng công chức đạt chuẩn 9/10 người, đạt 90%; "
         "không đạt chuẩn 01/10 người, chiếm tỷ lệ 10%.",
         f"được giao {n('staff.quota')} người, hiện có mặt {n('staff.present')} người (đủ biên chế), trong đó: cán "
         f"bộ có {n('staff.officials')} người, công chức {n('staff.civil_servants')} người. Số lượng cán bộ đạt "
         f"chuẩn có {int(v['staff.officials_qualified'])}/{int(v['staff.officials'])} người, đạt "
         f"{vn_rate(v['staff.officials_qualified_rate'])}%; Số lượng công chức đạt chuẩn "
         f"{int(v['staff.civil_servants_qualified'])}/{int(v['staff.civil_servants'])} người, đạt "
         f"{vn_rate(v['staff.civil_servants_qualified_rate'])}%; không đạt chuẩn "
         f"{vn_count(int(v['staff.civil_servants'] - v['staff.civil_servants_qualified']), False)}/"
         f"{int(v['staff.civil_servants'])} người, chiếm tỷ lệ "
         f"{vn_rate(r1(100 - v['staff.civil_servants_qualified_rate']))}%."),
        ("(tiếp nhận 656 văn bản đến); 255 văn bản đi (đạt 100%)",
         f"(tiếp nhận {n('edocs.incoming')} văn bản đến); {n('edocs.outgoing')} văn bản đi (đạt 100%)"),
    ]


# form rows (table index in the sample, STT) -> indicator code whose value the cell holds
FORM_CELLS = {(2, "1."): "direction.docs_issued", (2, "2."): "plan.completion_rate", (2, "2.1."): "plan.tasks_total",
              (2, "2.2."): "plan.tasks_done", (2, "5.1"): "survey.forms", (4, "1.1."): "tthc.total",
              (4, "1.4"): "tthc.total", (4, "3.3."): "dossiers.on_time_rate", (4, "3.3.1."): "dossiers.resolved",
              (4, "3.3.2."): "dossiers.on_time", (5, "2.1."): "staff.quota", (5, "2.2."): "staff.present",
              (5, "2.3."): "staff.contract", (8, "6.4.1."): "dvc.level3", (8, "6.4.2."): "dvc.level3",
              (8, "6.5.1."): "dvc.level4", (8, "6.5.2."): "dvc.level4", (8, "6.6.1."): "dvc.level34",
              (8, "6.6.2."): "dvc.level34"}


def _set_text(paragraph, text: str) -> None:
    """Replace a paragraph's text, keeping the first run's formatting (bold headings stay bold)."""
    runs = paragraph.runs
    if not runs:
        paragraph.add_run(text)
        return
    runs[0].text = text
    for r in runs[1:]:
        r.text = ""


_BREAKS = {qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:tab"): "\t"}


def _text(p_el) -> str:
    """A paragraph's text with its line breaks (python-docx's Paragraph.text, without its slowness)."""
    return "".join(_BREAKS.get(el.tag) or el.text or "" for el in p_el.iter(qn("w:t"), *_BREAKS))


def apply_edits(document, edits: list[tuple[str, str]]) -> list[str]:
    """Apply (old, new) substring edits to every paragraph (tables too); returns the edits that matched nowhere."""
    from docx.text.paragraph import Paragraph

    unused = {old for old, _ in edits}
    for p_el in document.element.body.iter(qn("w:p")):
        text = _text(p_el)
        new = text
        for old, repl in edits:
            if old in new:
                new = new.replace(old, repl)
                unused.discard(old)
        if new != text:
            _set_text(Paragraph(p_el, document), new)
    return sorted(unused)


def set_form_values(document, v: dict, dotted: bool) -> None:
    from docx.text.paragraph import Paragraph

    tables = document.element.body.findall(qn("w:tbl"))
    for (ti, stt), code in FORM_CELLS.items():
        for tr in tables[ti].iter(qn("w:tr")):
            tcs = tr.findall(qn("w:tc"))
            if len(tcs) == 5 and _text(tcs[0]).strip() == stt:
                value = v[code]
                text = vn_rate(value) if code.endswith("_rate") else vn_count(int(value), dotted)
                _set_text(Paragraph(tcs[3].find(qn("w:p")), document), text)


def document_text(document) -> str:
    """The document in reading order, tables one row per line (what a plain-text export holds)."""
    lines: list[str] = []
    for el in document.element.body.iterchildren():
        if el.tag == qn("w:p"):
            lines.append(_text(el))
        elif el.tag == qn("w:tbl"):
            rows = [["\n".join(_text(p) for p in tc.iter(qn("w:p"))) for tc in tr.findall(qn("w:tc"))]
                    for tr in el.iter(qn("w:tr"))]
            form = bool(rows) and rows[0][0].strip() == "STT"
            for cells in rows:
                # a form row reads as one line; header and signature blocks one cell after the other
                lines.extend([" ".join(c.replace("\n", " ") for c in cells if c)] if form else cells)
            lines.append("")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- communes

_MOTTO = "conghoaxahoichunghiavietnamdoclaptudohanhphuc"


def communes(n: int) -> list:
    """n communes spread evenly over DISTRICTS (type 'xã' only, names that resolve back to their code)."""
    from report_parser.places import communes_of, fold, resolve

    per = [n // len(DISTRICTS) + (i < n % len(DISTRICTS)) for i in range(len(DISTRICTS))]
    out = []
    for (district, province), k in zip(DISTRICTS, per):
        picked = []
        for u in communes_of(district, province):
            if u.level != "xã" or fold(district) in fold(u.unit) or fold(u.unit) in fold(province) \
                    or fold(u.unit) in _MOTTO:  # "xã Cộng Hòa" would read like the national motto
                continue
            if resolve(u.unit, district, province, "xã").unit_code == u.unit_code:
                picked.append(u)
            if len(picked) == k:
                break
        if len(picked) < k:
            raise SystemExit(f"{district}: only {len(picked)} communes usable, {k} needed")
        out += picked
    return out


def slug(text: str) -> str:
    from report_parser.export import slug as _slug

    return _slug(text)


def generate(out: Path, n: int = 60, *, pdf: int = 3, seed: int = 7) -> list[Truth]:
    """Write n reports into ``out`` (txt, docx and ``pdf`` PDFs) and ``out/truth.json``."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    truths, to_pdf = [], []
    for i, u in enumerate(communes(n)):
        v, f = draw_values(rng)
        dotted = rng.random() < 0.5
        variants = [x for x in ("field-total-word", "news-comma", "satisfaction-long") if rng.random() < 0.3]
        number, day = str(rng.randint(60, 240)), rng.randint(10, 20)
        document = docx.Document(str(SAMPLE_DOCX))
        unused = apply_edits(document, sentence_edits(v, f, dotted, variants))
        if unused:
            raise RuntimeError(f"the sample changed; these sentences were not found: {unused}")
        set_form_values(document, v, dotted)
        apply_edits(document, [("165/BC-UBND", f"{number}/BC-UBND"), ("ngày 13 tháng 6 năm 2022",
                                                                      f"ngày {day} tháng 6 năm 2022"),
                               ("ngày 13/6/2022", f"ngày {day}/6/2022"), ("Bùi Văn Tiến", rng.choice(SIGNERS)),
                               ("Lê Hồng", u.unit), ("LÊ HỒNG", u.unit.upper()), ("Thanh Miện", u.district),
                               ("Hải Dương", u.province)])
        fmt = "pdf" if i < pdf else ("txt" if i % 3 == 1 else "docx")
        stem = f"{slug(u.district)}-{slug(u.unit)}-{PERIOD.lower()}"
        if fmt == "txt":
            (out / f"{stem}.txt").write_text(document_text(document), encoding="utf-8")
        else:
            document.save(str(out / f"{stem}.docx"))
            if fmt == "pdf":
                to_pdf.append(out / f"{stem}.docx")
        truths.append(Truth(file=f"{stem}.{fmt}", format=fmt, unit=u.unit, district=u.district,
                            province=u.province, unit_code=u.unit_code, district_code=u.district_code,
                            province_code=u.province_code, number=number, date=f"2022-06-{day:02d}",
                            period=PERIOD, indicators=v, fields=f, variants=variants))
    if to_pdf:
        to_pdfs(to_pdf, out)
    (out / "truth.json").write_text(json.dumps([asdict(t) for t in truths], ensure_ascii=False, indent=1),
                                    encoding="utf-8")
    return truths


def to_pdfs(files: list[Path], out: Path) -> None:
    """Convert .docx to .pdf with one LibreOffice run (a private profile, so it never collides)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is needed to write the PDF reports")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(out), *map(str, files)], check=True, capture_output=True, timeout=300)
    for f in files:
        if not f.with_suffix(".pdf").is_file():
            raise RuntimeError(f"LibreOffice did not convert {f.name}")
        f.unlink()


def load_truth(out: Path) -> list[Truth]:
    return [Truth(**t) for t in json.loads((out / "truth.json").read_text(encoding="utf-8"))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--pdf", type=int, default=3)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    truths = generate(a.out, a.n, pdf=a.pdf, seed=a.seed)
    print(f"{len(truths)} reports in {a.out} (truth in {a.out / 'truth.json'})")


if __name__ == "__main__":
    main()
