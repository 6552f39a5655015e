"""The header block: the all-caps organisation lines above the number line (the
issuing body, its parent above it), without the national motto."""
from __future__ import annotations

import regex

from ...vietnamese import fold_phrase, is_caps, unaccent
from .vocab import CELL_SPLIT, PLACEHOLDER, rx, title_case, vocab


def header_orgs(header: str) -> list[str]:
    """The all-caps organisation lines of the header, up to the number line,
    without the national motto; an organisation wrapped over lines (or blank lines)
    is joined: "ỦY BAN NHÂN DÂN" + "XÃ LÊ HỒNG", "ỦY BAN NHÂN DÂN" + "PHƯỜNG" +
    "LONG ANH", "BAN CHỈ ĐẠO …, ĐỔI MỚI SÁNG TẠO," + "CHUYỂN ĐỔI SỐ VÀ ĐỀ ÁN 06"."""
    motto = [fold_phrase(m) for m in vocab().motto]
    orgs: list[str] = []
    pending = ""  # the start of the motto a line ended with, its rest wrapped onto the next line
    for line in _rejoined(header.split("\n")):
        carry, pending = pending, ""
        for cell in CELL_SPLIT.split(line):
            c = " ".join(cell.strip(" #*").split())
            f = fold_phrase(c)
            if not c:
                continue
            if f.startswith("số"):
                if orgs:
                    return orgs
                continue  # a web page's field above the header ("Số kí hiệu Số: 218 /BC-UBND")
            if carry:
                c, f, carry = _without_motto_rest(c, f, carry, motto[0])
            # the motto may share a line with the issuer when OCR or a layout export reads both
            # header columns together: "UBND TỈNH VĨNH LONG CỘNG HÒA XÃ HỘI …"; a PDF text layer
            # may wrap it ("… CHỦ NGHĨA VIỆT" / "NAM" / "PHƯỜNG TÂN LẬP Độc lập - …"), also beside
            # the issuer's next line ("PHƯỜNG TRẦN PHÚ      VIỆT NAM")
            cut = min((i for m in motto if (i := f.find(m[:20])) >= 0), default=len(c))
            if cut < len(c) and motto[0].startswith(f[cut:]) and f[cut:] != motto[0]:
                pending = f[cut:]
            _add_org(orgs, _expanded(c[:cut].strip()))
    return orgs


def _without_motto_rest(c: str, f: str, carry: str, motto: str) -> tuple[str, str, str]:
    """(cell, folded cell, motto start still pending) once the rest of a motto wrapped from the
    line before is taken off the cell's start ("NAM …") or its right column ("… VIỆT NAM")."""
    if n := _motto_rest(carry, f, motto):
        return " ".join(c.split(" ")[n:]), " ".join(f.split(" ")[n:]), ""
    if rest := _motto_column(c, carry, motto):
        return c[:-len(rest)].strip(), fold_phrase(c[:-len(rest)]), ""
    return c, f, carry


def _motto_column(c: str, start: str, motto: str) -> str | None:
    """The rest of a wrapped motto printed as the right column of the issuer's next line
    ("PHƯỜNG TRẦN PHÚ  VIỆT NAM" after "… CỘNG HÒA XÃ HỘI CHỦ NGHĨA"): last words that end
    the motto exactly, when what they leave still names a body or place."""
    words = c.split(" ")
    for n in range(1, len(words)):
        rest = " ".join(words[-n:])
        if f"{start} {fold_phrase(rest)}" == motto and _names_org(" ".join(words[:-n])):
            return rest
    return None


def _motto_rest(start: str, cell: str, motto: str) -> int:
    """How many first words of ``cell`` finish the motto whose start ended the line before."""
    words = cell.split(" ")
    return max((n for n in range(1, len(words) + 1)
                if motto.startswith(f"{start} {' '.join(words[:n])}")), default=0)


def _expanded(c: str) -> str:
    """An agency's short kind opening the line, written out: 'VP UBND TỈNH' -> 'VĂN PHÒNG UBND TỈNH'."""
    head, _, rest = c.partition(" ")
    full = vocab().agency_abbrevs.get(head)
    return f"{full.upper()} {rest}" if full and rest else c


def _rejoined(rows: list[str]) -> list[str]:
    """A word of the header wrapped on its own line by a narrow column is joined to the
    next line when together they open a body, an agency or the motto: "ỦY" + "BAN NHÂN DÂN",
    "HỘI" + "ĐỒNG NHÂN DÂN QUẬN 2", "CHÍNH" + "PHỦ |", "CỘNG" + "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"."""
    motto = [fold_phrase(m)[:20] for m in vocab().motto]
    out: list[str] = []
    i = 0
    while i < len(rows):
        cell = rows[i].strip(" |#*")
        if i + 1 < len(rows) and _wrapped_word(cell):
            joined = cell + " " + rows[i + 1].strip()
            if rx().body.match(joined) or _names_org(joined) or any(fold_phrase(joined).startswith(m) for m in motto):
                out.append(joined)
                i += 2
                continue
        out.append(rows[i])
        i += 1
    return out


def _wrapped_word(cell: str) -> bool:
    return 0 < len(cell) <= 6 and " " not in cell and is_caps(cell) and not _names_org(cell)


def _add_org(orgs: list[str], c: str) -> None:
    if not is_caps(c):
        return
    if orgs and _wrapped(orgs[-1], c):
        orgs[-1] += " " + c
    elif _names_org(c):
        orgs.append(c)


def _wrapped(last: str, c: str) -> bool:
    """``c`` continues the organisation line ``last``: a body without its place
    ("ỦY BAN NHÂN DÂN" + "XÃ HOÀI HẢI"), a level word without its name ("… PHƯỜNG" +
    "LONG ANH"), a name cut after a comma or "VÀ"."""
    r = rx()
    body = r.body.match(last)
    if body and not body.group(2):
        return bool(level_place(c) or _level_word(c))
    if body and _level_word(body.group(2)):
        return True
    if _names_org(c):
        return False
    # a name cut after a comma or "VÀ", or an agency's name wrapped by a narrow column
    # ("TRUNG TÂM PHỤC VỤ" / "HÀNH CHÍNH CÔNG")
    return last.endswith(",") or fold_phrase(last).endswith(" và") or _is_agency_line(last)


def _is_agency_line(caps: str) -> bool:
    f = fold_phrase(caps)
    return any(f.startswith(fold_phrase(a) + " ") for a in vocab().agencies)


def _level_word(s: str) -> bool:
    v = vocab()
    return fold_phrase(s) in {fold_phrase(w) for w in list(v.levels) + list(v.level_abbrevs)}


def _names_org(caps: str) -> bool:
    """An issuing body, an agency or (after a body line) a place: not OCR noise."""
    v, r = vocab(), rx()
    f = fold_phrase(caps)
    return bool(r.body.match(caps) or level_place(caps)
                or any(f == fold_phrase(a) or f.startswith(fold_phrase(a) + " ") for a in v.agencies))


def level_place(s: str, exact: bool = False) -> tuple[str, str | None] | None:
    """'HUYỆN THANH MIỆN' -> ('huyện', 'Thanh Miện'); 'TP ĐÀ NẴNG' -> ('thành phố', 'Đà Nẵng');
    a form's blank 'XÃ ..........' -> ('xã', None). A header line may have lost or misread its
    marks ("UBND THÀNH PHÓ ĐÀ NẴNG"); ``exact``: a word with marks must be the level's own."""
    m = rx().level.match(unaccent(s))
    if not m:
        return None
    v = vocab()
    word = s[m.start(1):m.end(1)]
    if exact and word != unaccent(word) and not _level_word(word.rstrip(".")):
        return None  # matched only without its marks: "BAN" + "QUẢN LÝ …" names no "quận"
    by_bare = {fold_phrase(unaccent(w)): w for w in v.levels} \
        | {fold_phrase(unaccent(k)): w for k, w in v.level_abbrevs.items()}
    place = s[m.start(2):].strip()
    return by_bare[fold_phrase(m.group(1))], None if regex.fullmatch(PLACEHOLDER, place) else title_case(place)
