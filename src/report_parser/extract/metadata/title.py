"""The title line ("BÁO CÁO", "TỜ TRÌNH", "DỰ THẢO NGHỊ QUYẾT"), the document type it
names (or its symbol's code names), the title under it and an official letter's
trích yếu ("V/v …")."""
from __future__ import annotations

from itertools import islice

import regex

from ...patterns import alternation
from ...structure import lines
from ...structure_words import numbered_block, part_heading
from ...vietnamese import fold_phrase, is_caps, unaccent
from ..references_grammar import grammar
from .vocab import CELL_SPLIT, NUMBER_RE, PLACE_DATE_RE, Rx, rx, vocab


def find_type_line(text: str, max_lines: int = 60) -> tuple[int, int, str] | None:
    """``(line start, line end, type name)`` of the title line ("BÁO CÁO",
    "TỜ TRÌNH", "DỰ THẢO NGHỊ QUYẾT") among the first lines, or None."""
    names = type_names()
    drafts = [fold_phrase(d) for d in vocab().draft_markers]
    previous: tuple[int, str] | None = None  # a short caps line that may be a wrapped type's first word
    for pos, line in islice(lines(text), max_lines):
        if previous and is_caps(line.strip()) and \
                fold_phrase(previous[1] + " " + line.strip()) in names:  # "QUYẾT" / "ĐỊNH"
            return previous[0], pos + len(line), names[fold_phrase(previous[1] + " " + line.strip())]
        previous = (pos, line.strip()) if 0 < len(line.strip()) <= 8 and is_caps(line.strip()) else None
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
    return _type_then_title(text, max_lines) or _type_opening_a_line(text, max_lines)


def _type_then_title(text: str, max_lines: int) -> tuple[int, int, str] | None:
    """A caps type name with its title on the same line, after a colon or in running case
    ("BÁO CÁO: Kết quả công tác …", "BÁO CÁO Kết quả công tác …"), which a text export may
    join after the place and date: ``(start of the type's words, end of them and the colon, type name)``."""
    starts = regex.compile(rf"[ \t|#*]*({alternation(type_names().values())})(?:[ \t]*:|(?=[ \t]+\p{{Lu}}\p{{Ll}}))"
                           rf"(?=[ \t]+\p{{Lu}})", regex.IGNORECASE)
    for pos, line in islice(lines(text), max_lines):
        # at the line's start, or after the place and date the text export joined it to
        for at in [0] + [d.end() for d in PLACE_DATE_RE.finditer(line)]:
            m = starts.match(line, at)
            if m and is_caps(m.group(1)) and rx().opener_start.match(line[m.end():].strip()) is None:
                return pos + at, pos + m.end(), type_names()[fold_phrase(m.group(1))]
    return None


def _type_opening_a_line(text: str, max_lines: int) -> tuple[int, int, str] | None:
    """The first caps line under the motto that opens with a type's name and goes on with
    its subject ("QUY CHẾ LÀM" / "VIỆC" / "CỦA ỦY BAN NHÂN DÂN XÃ XUÂN PHÚ …"), before the
    body: ``(line start, end of the type's words, type name)``."""
    names = sorted(type_names().items(), key=lambda kv: -len(kv[0]))
    motto = [fold_phrase(m) for m in vocab().motto]
    below_motto = False
    for pos, line in islice(lines(text), max_lines):
        core = " ".join(line.strip(" |#*").split())
        f = fold_phrase(core)
        if len(f) >= 6 and any(f in m or m in f for m in motto) or PLACE_DATE_RE.search(core):
            below_motto = True  # under the motto, or under the place and date when the motto is lost
            continue
        if rx().opener_start.match(core):
            return None
        if not (below_motto and is_caps(core)):
            continue
        for key, name in names:
            if f.startswith(key + " "):
                return pos, pos + line.find(core[:1]) + len(" ".join(core.split()[:len(key.split())])), name
    return None


def headline(text: str, max_lines: int = 15) -> tuple[str, str, int] | None:
    """``(type, title, end of the line)`` of a text without a title line whose heading
    names the type in running case, as a web page or an excerpt prints it ("Báo cáo kết
    quả công tác cải cách hành chính quý I năm 2025"): a short line that starts with a
    type name followed by its subject, not a citation ("Báo cáo số 12/BC-UBND …").
    Web chrome (dates, view counters, menus, breadcrumbs) never starts that way."""
    names = type_names()
    starts = regex.compile(rf"(?i)^({alternation(names.values())})\s+(?!số\b)(\p{{Ll}}.{{10,300}})$")
    for pos, line in islice(lines(text), max_lines):
        m = starts.match(line.strip())
        # a heading line may join two clauses ("… năm 2018; Kế hoạch … năm 2019, tỉnh Điện Biên.")
        if m and _is_subject(subject := _WEB_FIELD.split(m.group(2))[0], clauses=True):
            return names[fold_phrase(m.group(1))], subject.rstrip(" .;:"), pos + len(line)
    return _joined_headline(text) or _repeated_headline(text)


# a web page's field joined to its heading: "… phường Dương Nội Ngày bắt đầu có hiệu lực: 29/08/2018"
_WEB_FIELD = regex.compile(r"\s+(?=\p{Lu}\p{Ll}*(?:\s+\p{Ll}+){0,5}\s*:)")


def _is_subject(s: str, clauses: bool = False) -> bool:
    return not regex.search(r"[.:]\s+\p{Lu}" if clauses else r"[.;:]\s+\p{Lu}", s) and len(s.split()) >= 3


def _repeated_headline(text: str, within: int = 800, min_words: int = 6) -> tuple[str, str, int] | None:
    """The headline a web page prints twice (its heading and its breadcrumb or lead), joined
    with the page's chrome by a text export ("Skip to main content Báo cáo kết quả … Duy Tiên
    Thông tin tuyên truyền, phổ biến Báo cáo kết quả … Duy Tiên Ủy ban nhân dân huyện …"): the
    words that follow the type's name both times, when they are a subject of six words or more."""
    names = type_names()
    head = text[:within].split("\n", 1)[0]
    found = list(regex.finditer(rf"(?<!\p{{L}})({alternation(names.values())})\s+(?!số\b)(?=\p{{Ll}})", head))
    for i, a in enumerate(found):
        for b in found[i + 1:]:
            if fold_phrase(a.group(1)) != fold_phrase(b.group(1)):
                continue
            x, y = head[a.end():].split(), head[b.end():].split()
            n = next((k for k, (u, v) in enumerate(zip(x, y)) if u != v), min(len(x), len(y)))
            if n >= min_words and len(x) > n and _is_subject(" ".join(x[:n])):
                return names[fold_phrase(a.group(1))], " ".join(x[:n]).rstrip(" .;:"), a.end()
    return None


def _joined_headline(text: str, within: int = 600) -> tuple[str, str, int] | None:
    """The headline of a web copy whose short lines a text export joined with the page's
    chrome ("… Cải cách hành chính Báo cáo Báo cáo kết quả … quý I năm 2025 Ngày cập nhật:
    12/04/2025 | …"): a capitalised type name and its subject, up to the next field label
    with a figure ("Ngày cập nhật: 12/04/2025", "Đăng lúc: 09:15") or a "|"; never inside a
    sentence of the body ("Thực hiện Kế hoạch … của UBND huyện …")."""
    names = type_names()
    first = text[:within].split("\n", 1)[0]
    m = regex.search(rf"(?<!\p{{L}})({alternation(names.values())})\s+(?!số\b)(\p{{Ll}}[^|\n]{{10,200}}?)"
                     r"(?=\s+\p{Lu}\p{Ll}*(?:\s+\p{Ll}+){0,5}\s*:\s*\d|\s*\|)", first)
    if m and _is_subject(m.group(2)) and not rx().opener_inline.search(" " + first[:m.start()]):
        return names[fold_phrase(m.group(1))], m.group(2).rstrip(" .;:"), m.end()
    return None


def type_names() -> dict[str, str]:
    """Folded name -> name of every document type of the reference grammar."""
    return {fold_phrase(t.name): t.name for t in grammar().spec.types}


def type_from_symbol(symbol: str) -> str | None:
    """The type a symbol's code names, by the reference grammar: '165/BC-UBND' ->
    'Báo cáo', '48/2013/NĐ-CP' -> 'Nghị định', '508/UBND-VP' (issuer code first,
    an official letter) -> 'Công văn'. A blank draft number ("/BC-SNV") is read too."""
    read = grammar().parse_symbol(symbol)
    return read.coded.name if read and read.coded else None


def subject_line(header: str) -> str | None:
    """The trích yếu of an official letter: 'V/v khẩn trương thực hiện …', or the line under
    its number that opens with "Về" ("Số: 21 /TTVH" / "Về thực hiện chế độ thông tin, …")."""
    m = rx().subject.search(header) or _subject_after_number(header)
    if not m:
        return None
    s = CELL_SPLIT.split(m.group(1))[0]
    stops = (PLACE_DATE_RE.search(s), rx().opener_inline.search(s), regex.search(r"\sCỘNG H", s),
             regex.search(r"\s\d{1,2}\.\s", s))  # OCR glues a numbered note to the line
    for stop in stops:
        if stop:
            s = s[:stop.start()]
    return s.strip(" ,;.") or None


def caps_title_after_date(header: str) -> tuple[str, int] | None:
    """``(title, end)`` of a document whose type line a web copy dropped: the all-caps
    line(s) right under its place and date line, up to the authority line ("Quận 2, ngày 11
    tháng 01 năm 2008 |" / "VỀ NHIỆM VỤ KINH TẾ - XÃ HỘI NĂM 2008" / "HỘI ĐỒNG NHÂN DÂN QUẬN 2
    KHÓA III")."""
    date = PLACE_DATE_RE.search(header)
    if date is None:
        return None
    start = header.find("\n", date.end())
    parts: list[str] = []
    end = start
    for pos, line in islice(lines(header, start + 1), 4) if start >= 0 else ():
        s = line.strip(" |#*")
        if not s or not is_caps(s) or rx().body.match(s) or len(s.split()) < 2 or _is_agency(s):
            break  # "CHÍNH PHỦ" under the title is the authority, not its last words
        parts.append(s)
        end = pos + len(line)
    title = " ".join(parts)
    return (title, end) if len(title.split()) >= 3 else None


def _subject_after_number(header: str) -> regex.Match | None:
    number = NUMBER_RE.search(header)
    if number is None:
        return None
    return rx().subject_after_number.match(header, number.end())


# the rule drawn under a title, which a text export may join to the title's last line
_RULE_TAIL = regex.compile(r"\s*[_=*~-]{3,}$")


def read_title(text: str, after: int, max_lines: int = 5) -> tuple[str | None, int]:
    """The title: the line(s) after the type line, joined, up to the first line
    that opens the body (subtitle in parentheses, "Căn cứ", "Kính gửi", a section
    heading, an all-caps authority line). Returns (title, offset after it)."""
    r = rx()
    parts: list[str] = []
    end = after
    for pos, line in islice(lines(text, min(after + 1, len(text))), max_lines):
        s = _RULE_TAIL.sub("", line.strip().strip("|#* ").strip())
        if not s:
            if parts:
                break
            continue
        tail = _figures_before_body(s, parts, r)
        if tail:  # '… GIAI ĐOẠN' / '2020 - 2025" Thực hiện Quyết định số …' joined by the export
            parts.append(tail)
            end = pos + line.find(s) + len(tail)
            break
        if _ends_title(s, parts, r):
            break
        note = r.data_line.search(s)
        if note and (note.start() >= 20 or (parts and note.start() == 0)):
            parts.append(s[:note.start()].strip())  # "… năm 2024 (Số liệu tính từ ngày …)" joined to it
            end = pos + line.find(s) + note.start()
            break
        cut = r.opener_inline.search(s)
        if cut and cut.start() >= 20:
            parts.append(s[:cut.start()].strip())
            end = pos + cut.start()
            break
        parts.append(s)
        end = pos + len(line)
    title = r.glued_level.sub(r"\1 ", regex.sub(r"\s+", " ", " ".join(parts))).strip(" ,;") or None
    return title, end


def _ends_title(s: str, parts: list[str], r: Rx) -> bool:
    if s.startswith("(") or r.opener_start.match(s) or not regex.search(r"[\p{L}\d]", s):
        return True  # a subtitle, the body, or the rule drawn under the title ("_____", "-----")
    if regex.match(r"^(?:[IVX]+|\d+)\.\s", s) or numbered_block().match(s) or part_heading().match(s):
        return True
    if parts and is_caps(s) and (_authority(s, r) or r.body.match(s) or _is_agency(s)):
        return True  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …", "CHÍNH PHỦ" under a title
    if parts and not regex.search(r"\p{L}", s):
        return False  # a wrapped caps title's last words are figures: "… GIAI ĐOẠN" / "2020 - 2025”"
    return bool(parts) and is_caps(s) != is_caps(parts[-1])


def _figures_before_body(s: str, parts: list[str], r: Rx) -> str | None:
    """The figures that end a wrapped title, when the body's first words were joined after them."""
    cut = r.opener_inline.search(s)
    head = s[:cut.start()].strip() if cut else ""
    return head if parts and regex.search(r"\d", head) and not regex.search(r"\p{L}", head) else None


def _is_agency(s: str) -> bool:
    """A line that is an agency's bare name ("CHÍNH PHỦ")."""
    return fold_phrase(s) in {fold_phrase(a) for a in vocab().agencies}


def _authority(s: str, r: Rx) -> bool:
    """A position alone or followed by its body ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …", "BỘ TRƯỞNG
    BỘ GIÁO DỤC VÀ ĐÀO TẠO"): the authority line under a title; not a title's wrapped words
    that start with a position ("… CỦA BAN" / "BÍ THƯ VỀ TĂNG CƯỜNG …")."""
    m = r.position.match(unaccent(s))
    if m is None:
        return False
    rest = s[m.end():].strip()
    agencies = [fold_phrase(a) for a in vocab().agencies]
    return not rest or bool(r.body.match(rest)) or any(fold_phrase(rest).startswith(a + " ") for a in agencies)
