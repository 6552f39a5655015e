"""The report's own metadata: type, number/symbol, place and date, issuer, title,
reporting period, signer and recipients (the contract's ``report`` object).

Where each field comes from, in order of trust:

* the **header block** above the title line ("ỦY BAN NHÂN DÂN / XÃ LÊ HỒNG",
  "Số: 165/BC-UBND", "Lê Hồng, ngày 13 tháng 6 năm 2022"), then the title line
  ("BÁO CÁO") and the title under it;
* when a field is missing there (a text export without its header), the
  appendix line "(Kèm theo Báo cáo số 165/BC-UBND ngày 13/6/2022)" and the body
  ("Ủy ban nhân dân xã Lê Hồng báo cáo …", "huyện Thanh Miện", "tỉnh Hải Dương");
* the **signature block** after "Nơi nhận:" for the signer and the recipients,
  also when a PDF text layer interleaves the two columns line by line.

A place in the header (province, district, commune after its level word) takes
its official spelling when it is unambiguously close to one: OCR reads caps
badly ("UBND TỈNH VNHLONG"), see :func:`units.official_name`.

A draft leaves its number blank ("Số: /BC-SNV"): ``number`` is then None and
``symbol`` keeps the printed part ("/BC-SNV"), which still says the type (BC)
and the issuer code (SNV). A blank day or month ("ngày    tháng    năm 2026")
gives ``date`` None.

All vocabulary (type names and codes, levels, positions, period phrasings) is
data in ``patterns/metadata.yaml``.
"""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from itertools import islice

import regex
from pydantic import BaseModel, ConfigDict

from .. import patterns
from ..patterns import alternation
from ..models import Issuer, Period, PeriodKind, ReportMeta, Signer
from ..structure import lines
from ..units import official_name
from ..vietnamese import fold_phrase, is_caps, unaccent
from . import Context
from .dates import find_dates, parse_date
from .references_grammar import grammar

# ----------------------------------------------------------------------------- vocabulary


class PeriodPhrase(BaseModel):
    model_config = ConfigDict(extra="forbid")
    pattern: str
    kind: PeriodKind
    bounds: str | None = None  # key of period_bounds when it is not ``kind`` (H2 -> "other")


class Bounds(BaseModel):
    model_config = ConfigDict(extra="forbid")
    start: tuple[int, int]  # (month, day)
    end: tuple[int, int]


class MetadataPatterns(BaseModel):
    model_config = ConfigDict(extra="forbid")
    draft_markers: list[str]
    levels: list[str]
    level_abbrevs: dict[str, str]
    below_district: list[str]
    district_levels: list[str]
    central_cities: list[str]
    bodies: dict[str, str]
    agencies: list[str]
    issuer_verbs: list[str]
    motto: list[str]
    capacities: list[str]
    positions: list[str]
    recipients_heading: list[str]
    body_openers: list[str]
    subject_prefix: list[str]
    periods: list[PeriodPhrase]
    period_bounds: dict[str, Bounds]


def vocab() -> MetadataPatterns:
    return patterns.load("metadata.yaml", MetadataPatterns)


@dataclass(frozen=True)
class _Rx:
    """Regular expressions built once from the vocabulary."""

    level: regex.Pattern  # on unaccent() text
    body: regex.Pattern
    opener_start: regex.Pattern
    opener_inline: regex.Pattern
    capacity: regex.Pattern
    position: regex.Pattern  # on unaccent() text
    periods: tuple[tuple[regex.Pattern, PeriodPhrase], ...]


@functools.lru_cache(maxsize=None)
def _rx() -> _Rx:
    v = vocab()
    openers = "|".join(sorted(v.body_openers, key=len, reverse=True))
    caps = alternation(c.rstrip(".") for c in v.capacities)
    return _Rx(
        level=regex.compile(
            rf"(?i)^({alternation(unaccent(w) for w in list(v.levels) + list(v.level_abbrevs))})\.?\s+(.+)$"),
        body=regex.compile(rf"(?i)^({alternation(v.bodies)})\b\s*(.*)$"),
        opener_start=regex.compile(rf"^(?:{openers})"),
        opener_inline=regex.compile(rf"\s(?:{openers})"),
        capacity=regex.compile(rf"^({caps})\s*\.\s*(.*)$"),
        position=regex.compile(rf"(?i)(?<!\p{{L}})({alternation(unaccent(p) for p in v.positions)})(?!\p{{L}})"),
        periods=tuple((regex.compile(p.pattern, regex.IGNORECASE), p) for p in v.periods),
    )


# ----------------------------------------------------------------------------- small text helpers
NAME_WORD = r"\p{Lu}\p{Ll}*"
PROPER = rf"{NAME_WORD}(?:[ ]{NAME_WORD}){{0,3}}"  # "Lê Hồng", "Thanh Miện", "Hồ Chí Minh"
SYMBOL_TAIL = r"/(?:[ ]{0,2}\d{4}[ ]{0,2}/)?[ ]{0,2}[\p{L}\d&]+(?:[ ]{0,2}-[ ]{0,2}[\p{L}\d&]+)*"
NUMBER_RE = regex.compile(
    rf"\bSố\s{{0,3}}:?[ \t]{{0,12}}(?P<num>\d+[a-z]?)?[ \t.…]{{0,12}}(?P<tail>{SYMBOL_TAIL})")
PLACE_DATE_RE = regex.compile(
    rf"(?<![\p{{L}}\d/\-])(?P<place>(?:TP\.\s?)?{PROPER})\s{{0,3}},\s{{0,3}}ngày(?P<d>[^\n]{{0,12}}?)"
    r"tháng(?P<m>[^\n]{0,12}?)năm\s{0,3}(?P<y>\d{4})")
# a day or month as the blank leaves it: digits, or nothing (a draft), or OCR noise (-> None)
BLANK_OR_NUMBER = regex.compile(r"^[\s.…]*(\d{1,2})?[\s.…]*$")
# a person's name ends the signature block, after a rank or a stamp's noise ("Trung tá Ngô Văn Công")
TRAILING_NAME_RE = regex.compile(r"(?<![\p{L}\d])\p{Lu}\p{Ll}+(?:[ ]\p{Lu}\p{Ll}+){1,4}$")
YEAR_RE = regex.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
CELL_SPLIT = regex.compile(r"\s*\|\s*|\s*-{3,}\s*|\s+#\s+")


def _title_case(s: str) -> str:
    """'LÊ HỒNG' -> 'Lê Hồng' (place names capitalise every syllable)."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in s.split())


def _agency_case(s: str) -> str:
    """'GIÁO DỤC VÀ ĐÀO TẠO' -> 'Giáo dục và Đào tạo' (each joined part capitalised once)."""
    parts = regex.split(r"\s+(và|VÀ)\s+", s.strip())
    out = []
    for i, p in enumerate(parts):
        if i % 2:
            out.append("và")
        else:
            p = p.lower()
            out.append(p[:1].upper() + p[1:])
    return " ".join(out)


def _clean_item(s: str) -> str:
    s = regex.sub(r"^[\s\-+•–]+", "", s)
    return regex.sub(r"[\s;,.]+$", "", s).strip()


# ----------------------------------------------------------------------------- entry point
def extract(ctx: Context) -> ReportMeta:
    """Fill the contract's ``report`` object from the header, title, appendix
    line, body and signature block; every field is None when the document does
    not state it."""
    text = ctx.text
    meta = ReportMeta()
    type_line = find_type_line(text)
    head_end = type_line[0] if type_line else min(len(text), _nth_line_end(text, 15))
    header = text[:head_end]
    if type_line:
        meta.type = type_line[2]
    _number_from(header, meta)
    _place_date_from(header, meta)
    subject = _subject_line(header)
    if type_line:
        title_text, after = read_title(text, type_line[1])
        meta.title = title_text or subject
    else:
        meta.title, after = subject, head_end
    _appendix_line(ctx, meta)
    if meta.type is None and meta.symbol:
        meta.type = type_from_symbol(meta.symbol)
    meta.issuer = issuer_from_header(header, text)
    _complete_issuer_from_body(ctx, meta.issuer, head_end)
    meta.period = read_period(text, after, meta)
    meta.signer, meta.recipients = read_signature(ctx)
    return meta


def _nth_line_end(text: str, n: int) -> int:
    pos = -1
    for _ in range(n):
        pos = text.find("\n", pos + 1)
        if pos < 0:
            return len(text)
    return pos


# ----------------------------------------------------------------------------- type, number, date
def find_type_line(text: str, max_lines: int = 60) -> tuple[int, int, str] | None:
    """``(line start, line end, type name)`` of the title line ("BÁO CÁO",
    "TỜ TRÌNH", "DỰ THẢO NGHỊ QUYẾT") among the first lines, or None."""
    names = _type_names()
    drafts = [fold_phrase(d) for d in vocab().draft_markers]
    for pos, line in islice(lines(text), max_lines):
        for cell in CELL_SPLIT.split(line):
            core = cell.strip(" #*")
            if not is_caps(core):
                continue
            key = fold_phrase(core)
            changed = True
            while changed:  # "DỰ THẢO DỰ THẢO NGHỊ QUYẾT"
                changed = False
                for d in drafts:
                    if key.startswith(d + " "):
                        key, changed = key[len(d) + 1:], True
            if key in names:
                return pos, pos + len(line), names[key]
    return None


def _type_names() -> dict[str, str]:
    """Folded name -> name of every document type of the reference grammar."""
    return {fold_phrase(t.name): t.name for t in grammar().spec.types}


def type_from_symbol(symbol: str) -> str | None:
    """The type a symbol's code names, by the reference grammar: '165/BC-UBND' ->
    'Báo cáo', '48/2013/NĐ-CP' -> 'Nghị định', '508/UBND-VP' (issuer code first,
    an official letter) -> 'Công văn'. A blank draft number ("/BC-SNV") is read too."""
    read = grammar().parse_symbol(symbol)
    return read.coded.name if read and read.coded else None


def _canonical_symbol(num: str | None, tail: str) -> str:
    return (num or "") + regex.sub(r"\s+", "", tail)


def _number_from(header: str, meta: ReportMeta) -> None:
    m = NUMBER_RE.search(header)
    if m:
        meta.number = m.group("num")
        meta.symbol = _canonical_symbol(m.group("num"), m.group("tail"))


def _place_date_from(header: str, meta: ReportMeta) -> None:
    m = PLACE_DATE_RE.search(header)
    if not m:
        return
    meta.place = m.group("place").strip()
    day, month = (BLANK_OR_NUMBER.match(m.group(g)) for g in ("d", "m"))
    if day and month and day.group(1) and month.group(1):
        meta.date = parse_date(f"{day.group(1)}/{month.group(1)}/{m.group('y')}")


def _subject_line(header: str) -> str | None:
    """The trích yếu of an official letter: 'V/v khẩn trương thực hiện …'."""
    v = vocab()
    m = regex.search(rf"(?:^|\s)(?:{alternation(v.subject_prefix)})\s*:?\s*(.+)", header)
    if not m:
        return None
    s = CELL_SPLIT.split(m.group(1))[0]
    stops = (PLACE_DATE_RE.search(s), _rx().opener_inline.search(s), regex.search(r"\sCỘNG H", s),
             regex.search(r"\s\d{1,2}\.\s", s))  # OCR glues a numbered note to the line
    for stop in stops:
        if stop:
            s = s[:stop.start()]
    return s.strip(" ,;") or None


def _appendix_line(ctx: Context, meta: ReportMeta) -> None:
    """Fill type/number/symbol/date from "(Kèm theo Báo cáo số 165/BC-UBND ngày
    13/6/2022)" when the header did not give them (a text export without header)."""
    if meta.number and meta.date and meta.type:
        return
    names = alternation(_type_names().values())
    rx = regex.compile(rf"(?i)\(\s*(?:ban hành\s+)?kèm theo\s+({names})\s+số\s*(?P<num>\d+[a-z]?)?\s*"
                       rf"(?P<tail>{SYMBOL_TAIL})(?P<rest>[^)\n]*)")
    for m in rx.finditer(ctx.text):
        name = _type_names()[fold_phrase(m.group(1))]
        if meta.type and fold_phrase(meta.type) != fold_phrase(name):
            continue
        meta.type = meta.type or name
        if not meta.number and m.group("num"):
            meta.number = m.group("num")
            meta.symbol = _canonical_symbol(m.group("num"), m.group("tail"))
        meta.symbol = meta.symbol or _canonical_symbol(None, m.group("tail"))
        if meta.date is None:
            meta.date = parse_date(m.group("rest"))
        return


# ----------------------------------------------------------------------------- title
def read_title(text: str, after: int, max_lines: int = 5) -> tuple[str | None, int]:
    """The title: the line(s) after the type line, joined, up to the first line
    that opens the body (subtitle in parentheses, "Căn cứ", "Kính gửi", a section
    heading, an all-caps authority line). Returns (title, offset after it)."""
    r = _rx()
    parts: list[str] = []
    end = after
    for pos, line in islice(lines(text, min(after + 1, len(text))), max_lines):
        s = line.strip().strip("|#* ").strip()
        if not s:
            if parts:
                break
            continue
        if _ends_title(s, parts, r):
            break
        cut = r.opener_inline.search(s)
        if cut and cut.start() >= 20:
            parts.append(s[:cut.start()].strip())
            end = pos + cut.start()
            break
        parts.append(s)
        end = pos + len(line)
    title = regex.sub(r"\s+", " ", " ".join(parts)).strip(" ,;") or None
    return title, end


def _ends_title(s: str, parts: list[str], r: _Rx) -> bool:
    if s.startswith("(") or r.opener_start.match(s):
        return True
    if regex.match(r"^(?:[IVX]+|\d+)\.\s|^Điều\s+\d|^(?:PHẦN|Phần|Chương|CHƯƠNG)\b", s):
        return True
    if parts and is_caps(s) and (r.position.match(unaccent(s)) or r.body.match(s)
                                  or fold_phrase(s) in {fold_phrase(a) for a in vocab().agencies}):
        return True  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …", "CHÍNH PHỦ" under a title
    return bool(parts) and is_caps(s) != is_caps(parts[-1])


# ----------------------------------------------------------------------------- issuer
@dataclass
class _Org:
    name: str
    level: str | None = None
    place: str | None = None


def _header_orgs(header: str) -> list[str]:
    """The all-caps organisation lines of the header, up to the number line,
    without the national motto, a body and its place on the next line merged
    ("ỦY BAN NHÂN DÂN" + "XÃ LÊ HỒNG")."""
    v = vocab()
    motto = [fold_phrase(m) for m in v.motto]
    orgs: list[str] = []
    for line in header.split("\n"):
        for cell in CELL_SPLIT.split(line):
            c = " ".join(cell.strip(" #*").split())
            f = fold_phrase(c)
            if not c:
                continue
            if f.startswith("số"):
                return orgs
            # the motto may share a line with the issuer when OCR or a layout export reads both
            # header columns together: "UBND TỈNH VĨNH LONG CỘNG HÒA XÃ HỘI …"
            cut = min((i for m in motto if (i := f.find(m[:20])) >= 0), default=len(c))
            _add_org(orgs, c[:cut].strip())
    return orgs


def _add_org(orgs: list[str], c: str) -> None:
    r = _rx()
    if not (is_caps(c) and _names_org(c)):
        return
    if orgs and _level_place(c) and r.body.match(orgs[-1]) and not r.body.match(orgs[-1]).group(2):
        orgs[-1] += " " + c
    else:
        orgs.append(c)


def _names_org(caps: str) -> bool:
    """An issuing body, an agency or (after a body line) a place: not OCR noise."""
    v, r = vocab(), _rx()
    f = fold_phrase(caps)
    return bool(r.body.match(caps) or _level_place(caps)
                or any(f == fold_phrase(a) or f.startswith(fold_phrase(a) + " ") for a in v.agencies))


def _parse_org(caps: str, body_text: str) -> _Org:
    """'UBND HUYỆN THANH MIỆN' -> _Org('UBND huyện Thanh Miện', 'huyện', 'Thanh Miện');
    'SỞ NỘI VỤ' -> _Org('Sở Nội vụ'). The body's own spelling wins when it has one."""
    v, r = vocab(), _rx()
    if m := r.body.match(caps):
        body = v.bodies[fold_phrase(m.group(1))]
        rest = m.group(2).strip()
        if placed := _level_place(rest):
            return _Org(f"{body} {placed[0]} {placed[1]}", *placed)
        return _Org(_spelled_in_body(caps, body_text) or (body + (" " + _agency_case(rest) if rest else "")))
    for agency in sorted(v.agencies, key=len, reverse=True):
        if fold_phrase(caps).startswith(fold_phrase(agency) + " "):
            rest = caps[len(agency):].strip()
            if placed := _level_place(rest):  # "CÔNG AN TP ĐÀ NẴNG"
                return _Org(f"{agency} {placed[0]} {placed[1]}", *placed)
            guess = f"{agency} {_agency_case(rest)}"
            return _Org(_spelled_in_body(caps, body_text) or guess)
    return _Org(_spelled_in_body(caps, body_text) or _agency_case(caps))


def _level_place(s: str) -> tuple[str, str] | None:
    """'HUYỆN THANH MIỆN' -> ('huyện', 'Thanh Miện'); 'TP ĐÀ NẴNG' -> ('thành phố', 'Đà Nẵng')."""
    m = _rx().level.match(unaccent(s))
    if not m:
        return None
    v = vocab()
    by_bare = {fold_phrase(unaccent(w)): w for w in v.levels} \
        | {fold_phrase(unaccent(k)): w for k, w in v.level_abbrevs.items()}
    return by_bare[fold_phrase(m.group(1))], _title_case(s[m.start(2):])


def _spelled_in_body(caps: str, body_text: str) -> str | None:
    """The same words written in mixed case in the body ('Sở Nội vụ')."""
    words = [regex.escape(w) for w in caps.split()]
    m = regex.search(r"(?i)(?<!\p{L})" + r"\s+".join(words) + r"(?!\p{L})", body_text)
    if m and not is_caps(m.group(0)):
        return regex.sub(r"\s+", " ", m.group(0))
    return None


def issuer_from_header(header: str, text: str) -> Issuer:
    """Issuer (the last organisation line) and its parent (the line above it)."""
    body_text = text[len(header):]
    orgs = [_parse_org(c, body_text) for c in _header_orgs(header)]
    if not orgs:
        return Issuer()
    _official_places(orgs)
    own = orgs[-1]
    issuer = Issuer(name=own.name, parent=orgs[-2].name if len(orgs) > 1 else None)
    chain = [o for o in orgs if o.level]
    issuer.level = own.level or (chain[-1].level if chain else None)
    for o in chain:
        _place_at(issuer, o.level, o.place)
    if issuer.level:
        issuer.unit = next((o.place for o in reversed(chain) if o.level == issuer.level), None)
    return issuer


def _official_places(orgs: list[_Org]) -> None:
    """Each place of the header chain as officially spelled, top down, each within
    the places above it: OCR misreads a caps header ("UBND TỈNH VNHLONG" while the
    place line says "Vĩnh Long"). A name with no unambiguous official match is kept."""
    within = Issuer()
    for org in orgs:
        if not (org.level and org.place):
            continue
        official = official_name(org.place, org.level, within.province, within.district)
        if official and official != org.place and org.name.endswith(org.place):
            org.name = org.name[:-len(org.place)] + official
            org.place = official
        _place_at(within, org.level, org.place)


def _place_at(issuer: Issuer, level: str, place: str) -> None:
    v = vocab()
    if level == "tỉnh" or (level == "thành phố" and place in v.central_cities):
        issuer.province = issuer.province or place
    elif level in v.district_levels:
        issuer.district = issuer.district or place


def _complete_issuer_from_body(ctx: Context, issuer: Issuer, head_end: int) -> None:
    """A header-less text, or a header without district and province: read them
    from the body ("Ủy ban nhân dân xã Lê Hồng báo cáo …", "huyện Thanh Miện",
    "tỉnh Hải Dương"), main body only (not the appendix)."""
    v = vocab()
    end = ctx.structure.appendix_start or len(ctx.text)
    body = ctx.text[head_end:end]
    if not issuer.name:
        _issuer_from_body(body, issuer)
    if issuer.level in v.below_district and not issuer.district:
        issuer.district = _most_named(body, v.district_levels)
    if issuer.level in v.below_district + v.district_levels and not issuer.province:
        issuer.province = _most_named(body, ["tỉnh"])
    if issuer.level == "tỉnh" and not issuer.province:
        issuer.province = issuer.unit
    if issuer.level in v.district_levels and not issuer.district and issuer.unit \
            and issuer.unit not in v.central_cities:
        issuer.district = issuer.unit


def _issuer_from_body(body: str, issuer: Issuer) -> None:
    v = vocab()
    rx = regex.compile(rf"(?i:({alternation(v.bodies)}))\s+(?i:({alternation(v.levels)}))\s+({PROPER})(?=\W)")
    found = list(rx.finditer(body))
    if not found:
        return
    # the subject of the report ("Ủy ban nhân dân xã Lê Hồng báo cáo"), else the most named
    verbs = regex.compile(rf"\s+(?:{alternation(v.issuer_verbs)})(?!\p{{L}})")
    speaker = next((m for m in found if verbs.match(body, m.end())), None)
    if speaker is None:
        counts: dict[tuple[str, str], int] = {}
        for m in found:
            key = (fold_phrase(m.group(2)), m.group(3))
            counts[key] = counts.get(key, 0) + 1
        best = max(counts, key=counts.get)
        speaker = next(m for m in found if (fold_phrase(m.group(2)), m.group(3)) == best)
    level = fold_phrase(speaker.group(2))
    body_name = v.bodies.get(fold_phrase(speaker.group(1)), speaker.group(1))
    issuer.name = f"{body_name} {level} {speaker.group(3)}"
    issuer.level, issuer.unit = level, speaker.group(3)
    _place_at(issuer, level, speaker.group(3))


def _most_named(body: str, levels: list[str]) -> str | None:
    """The place most often named after one of ``levels`` ("huyện Thanh Miện")."""
    counts: dict[str, int] = {}
    for lv in levels:
        for m in regex.finditer(rf"(?<!\p{{L}}){regex.escape(lv)}\s+({PROPER})(?=\W|$)", body):
            counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    return max(counts, key=counts.get) if counts else None


# ----------------------------------------------------------------------------- period
def read_period(text: str, after: int, meta: ReportMeta) -> Period:
    """Reporting period: explicit dates from the subtitle "(Số liệu tính từ ngày
    10/12/2021 đến ngày 09/6/2022)", kind and label from the title's words."""
    period = Period()
    phrase = _period_phrase(meta.title or "")
    if phrase:
        m, spec, year = phrase
        period.kind = spec.kind
        period.year = year or (meta.date.year if meta.date else None)
        period.label = _year_label(meta.title or "", m, year) or \
            (f"{m.group(0)} {period.year}" if period.year else m.group(0))
    start, end = _explicit_dates(text, after)
    if start or end:
        period.start, period.end = start, end
        if period.year is None and end:
            period.year = end.year
    elif phrase and period.year:
        period.start, period.end = period_bounds(phrase[1].bounds or phrase[1].kind, period.year)
    return period


def _period_phrase(title: str) -> tuple[regex.Match, PeriodPhrase, int | None] | None:
    """The first period phrase in the title and the year written after it."""
    hits = [(m, spec) for rx, spec in _rx().periods if (m := rx.search(title))]
    if not hits:
        return None
    m, spec = min(hits, key=lambda h: (h[0].start(), -len(h[0].group(0))))
    y = YEAR_RE.search(title, m.end())
    return m, spec, int(y.group(1)) if y else None


def _year_label(title: str, m: regex.Match, year: int | None) -> str | None:
    """'6 tháng đầu năm 2022' when the year follows the phrase directly."""
    if year is None:
        return None
    tail = regex.match(r"\s*(?:năm\s+)?\d{4}", title[m.end():])
    return (m.group(0) + tail.group(0)) if tail else None


def period_bounds(kind: str, year: int) -> tuple[dt.date | None, dt.date | None]:
    """Start and end of a period named only in words, by the reporting
    convention of Nghị định 09/2019/NĐ-CP (the 15th to the 14th; see
    patterns/metadata.yaml): H1 2022 -> 2021-12-15 .. 2022-06-14."""
    b = vocab().period_bounds.get(kind)
    if b is None:
        return None, None
    (sm, sd), (em, ed) = b.start, b.end
    start_year = year - 1 if (sm, sd) > (em, ed) else year
    return dt.date(start_year, sm, sd), dt.date(year, em, ed)


def _explicit_dates(text: str, after: int) -> tuple[dt.date | None, dt.date | None]:
    """Dates of the "(Số liệu tính từ ngày … đến ngày …)" line under the title."""
    for _pos, line in islice(lines(text, after), 4):
        s = line.strip()
        if not (s.startswith("(") and regex.search(r"(?i)\bđến\b", s)):
            continue
        dates = [d for _, _, d in find_dates(s)]
        if len(dates) >= 2 and regex.search(r"(?i)\btừ\b", s):
            return dates[0], dates[1]
        if dates:
            return None, dates[-1]
    return None, None


# ----------------------------------------------------------------------------- signature
def read_signature(ctx: Context) -> tuple[Signer, list[str]]:
    """Signer and recipients from the block that starts at "Nơi nhận:" (the
    first one: later ones belong to attached documents). The two columns may come
    interleaved line by line ("- Phòng Nội vụ; CHỦ TỊCH"): each line is split into
    recipient items and signature pieces."""
    text = ctx.text
    end = ctx.structure.appendix_start or len(text)
    heading = regex.compile(rf"(?m)(?:^|\|)\s*(?i:{alternation(vocab().recipients_heading)})\s*:")
    m = heading.search(text)
    if m:
        recipients, pieces = _split_block(text, m.end(), len(text))
        signer = _signer(pieces)
        if signer.name or signer.position:
            return signer, recipients
    else:
        recipients = []
    anchor = _last_capacity_line(text, end)
    if anchor is None:
        return Signer(), recipients
    _, pieces = _split_block(text, anchor, end)
    return _signer(pieces), recipients


def _last_capacity_line(text: str, end: int) -> int | None:
    r = _rx()
    found = None
    for pos, line in lines(text, 0, end):
        if r.capacity.match(line.strip()):
            found = pos
    return found


def _split_block(text: str, start: int, end: int, max_lines: int = 40) -> tuple[list[str], list[str]]:
    """(recipient items, signature pieces) of the lines from ``start``."""
    recipients: list[str] = []
    pieces: list[str] = []
    have_name = False
    for _pos, line in islice(lines(text, start, end), max_lines):
        cells = [c for c in CELL_SPLIT.split(line) if c.strip()]
        if have_name and not any(c.strip().startswith("-") for c in cells) or _ends_block(line):
            break
        for cell in cells:
            items, sig = _split_cell(cell.strip(), bool(recipients))
            if items and recipients and not items[0][1]:
                recipients[-1] += " " + items[0][0]  # continuation of a wrapped item
                items = items[1:]
            recipients.extend(i for i, _ in items)
            for p in sig:
                pieces.append(p)
                have_name = have_name or _split_caps_name(_strip_capacity(p)[1])[1] is not None
    return [r for r in (_clean_item(x) for x in recipients) if r], pieces


def _ends_block(line: str) -> bool:
    """An appendix heading, a numbered line or a prose paragraph: the block is over
    (a scan may lose the signer's lines, then nothing else stops the reading)."""
    s = line.strip()
    if regex.match(r"(?i)^phụ lục\b|^(?:[IVX]+|\d{1,2})[.)]\s|^[a-zđ]\)\s", s):
        return True
    return len(s) > 160 and "|" not in s and not s.startswith("-")


def _split_cell(cell: str, in_list: bool) -> tuple[list[tuple[str, bool]], list[str]]:
    """A cell's recipient items ``(text, starts with a dash)`` and the signature
    pieces glued to them ("- Lưu: VP. Bùi Văn Tiến" -> "Lưu: VP" + "Bùi Văn Tiến")."""
    items: list[tuple[str, bool]] = []
    sig: list[str] = []
    parts = regex.split(r"(?<=;)\s+|(?<=[;.:]|^)\s*(?=-\s)", cell)
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if part.startswith("-") or part.startswith("+") or part.startswith("•"):
            item, rest = _detach_signature(part)
            items.append((item, True))
            if rest:
                sig.append(rest)
        elif in_list and not items and part[:1].islower():
            items.append((part, False))
        elif _is_signature_like(part):
            sig.append(part)
        elif part.endswith(";"):
            items.append((part, True))  # an item whose dash OCR lost: "Như trên;"
        # anything else (prose, scan noise) is neither a recipient nor the signature
    return items, sig


def _detach_signature(item: str) -> tuple[str, str | None]:
    for m in regex.finditer(r"[.;]\s+", item):
        rest = item[m.end():].strip()
        if rest and _is_signature_like(rest):
            return item[:m.start() + 1], rest
    return item, None


def _is_signature_like(s: str) -> bool:
    r = _rx()
    s = s.strip()
    if r.capacity.match(s):
        return True
    caps, name = _split_caps_name(s)
    return bool(name) or (bool(caps) and caps == s and is_caps(s))


def _strip_capacity(piece: str) -> tuple[str | None, str]:
    m = _rx().capacity.match(piece.strip())
    if not m:
        return None, piece.strip()
    return m.group(1) + ".", m.group(2).strip()


def _split_caps_name(s: str) -> tuple[str, str | None]:
    """'CHỦ TỊCH Nguyễn Ngọc Hai' -> ('CHỦ TỊCH', 'Nguyễn Ngọc Hai')."""
    s = regex.sub(r"\([^)]*\)", " ", s).strip()  # "(Đã ký)", "(ký, đóng dấu)"
    words = s.split()
    i = 0
    while i < len(words) and (is_caps(words[i]) or words[i] == "-"):
        i += 1
    caps, rest = " ".join(words[:i]), " ".join(words[i:])
    m = TRAILING_NAME_RE.search(rest)
    if m and not _rx().position.fullmatch(unaccent(m.group(0))):
        return caps, m.group(0)
    return caps, None


def _signer(pieces: list[str]) -> Signer:
    """Capacity (first TM./KT./… marker), position (the last position named: the
    one under "KT. CHỦ TỊCH" is the signer's own) and name (the last person name)."""
    v, r = vocab(), _rx()
    proper = {fold_phrase(unaccent(p)): p for p in v.positions}
    signer = Signer()
    for piece in pieces:
        cap, rest = _strip_capacity(piece)
        if cap and signer.capacity is None:
            signer.capacity = cap
        caps, name = _split_caps_name(rest)
        found = list(r.position.finditer(unaccent(caps)))
        if found:
            last = max(found, key=lambda m: (m.end(), len(m.group(0))))
            signer.position = proper.get(fold_phrase(last.group(0)), last.group(0))
        if name:
            signer.name = name
    return signer
