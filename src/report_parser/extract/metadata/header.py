"""The header block: the all-caps organisation lines above the number line (the
issuing body, its parent above it), without the national motto."""
from __future__ import annotations

from ...vietnamese import fold_phrase, is_caps, unaccent
from .vocab import CELL_SPLIT, rx, title_case, vocab


def header_orgs(header: str) -> list[str]:
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
    r = rx()
    if not (is_caps(c) and _names_org(c)):
        return
    if orgs and level_place(c) and r.body.match(orgs[-1]) and not r.body.match(orgs[-1]).group(2):
        orgs[-1] += " " + c
    else:
        orgs.append(c)


def _names_org(caps: str) -> bool:
    """An issuing body, an agency or (after a body line) a place: not OCR noise."""
    v, r = vocab(), rx()
    f = fold_phrase(caps)
    return bool(r.body.match(caps) or level_place(caps)
                or any(f == fold_phrase(a) or f.startswith(fold_phrase(a) + " ") for a in v.agencies))


def level_place(s: str) -> tuple[str, str] | None:
    """'HUYỆN THANH MIỆN' -> ('huyện', 'Thanh Miện'); 'TP ĐÀ NẴNG' -> ('thành phố', 'Đà Nẵng')."""
    m = rx().level.match(unaccent(s))
    if not m:
        return None
    v = vocab()
    by_bare = {fold_phrase(unaccent(w)): w for w in v.levels} \
        | {fold_phrase(unaccent(k)): w for k, w in v.level_abbrevs.items()}
    return by_bare[fold_phrase(m.group(1))], title_case(s[m.start(2):])
