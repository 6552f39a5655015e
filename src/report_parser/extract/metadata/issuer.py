"""The issuer and its places: the header's organisation chain ("UBND HUYỆN THANH
MIỆN / ỦY BAN NHÂN DÂN XÃ LÊ HỒNG"), completed from the body ("Ủy ban nhân dân xã
Lê Hồng báo cáo …", "huyện Thanh Miện", "tỉnh Hải Dương"). A place takes its
official spelling when it is unambiguously close to one (see :mod:`..places`)."""
from __future__ import annotations

import datetime as dt
from itertools import islice
from dataclasses import dataclass

import regex

from ...models import Issuer
from ... import patterns
from ...patterns import alternation
from ...places import official_name
from ...structure import lines
from ...vietnamese import fold_phrase, is_caps, unaccent
from .. import Context
from ..references_grammar import grammar
from .header import header_orgs, level_place
from .place import complete_places, place_at
from .vocab import PROPER, agency_case, rx, vocab


@dataclass
class _Org:
    name: str
    level: str | None = None
    place: str | None = None


def _parse_org(caps: str, body_text: str) -> _Org:
    """'UBND HUYỆN THANH MIỆN' -> _Org('UBND huyện Thanh Miện', 'huyện', 'Thanh Miện');
    'SỞ NỘI VỤ' -> _Org('Sở Nội vụ'). The body's own spelling wins when it has one."""
    v, r = vocab(), rx()
    if m := r.body.match(caps):
        body = v.bodies[fold_phrase(m.group(1))]
        rest = m.group(2).strip()
        if placed := level_place(rest):
            return _Org(" ".join(w for w in (body, *placed) if w), *placed)
        return _Org(_spelled_in_body(caps, body_text) or (body + (" " + agency_case(rest) if rest else "")))
    for agency in sorted(v.agencies, key=len, reverse=True):
        if fold_phrase(caps).startswith(fold_phrase(agency) + " "):
            rest = caps[len(agency):].strip()
            if placed := level_place(rest, exact=True):  # "CÔNG AN TP ĐÀ NẴNG", not "BAN QUẢN LÝ …"
                return _Org(" ".join(w for w in (agency, *placed) if w), *placed)
            guess = f"{agency} {agency_case(rest)}"
            return _Org(_spelled_in_body(caps, body_text) or guess)
    return _Org(_spelled_in_body(caps, body_text) or agency_case(caps))


def _spelled_in_body(caps: str, body_text: str) -> str | None:
    """The same words written in mixed case in the body ('Sở Nội vụ')."""
    words = [regex.escape(w) for w in caps.split()]
    m = regex.search(r"(?i)(?<!\p{L})" + r"\s+".join(words) + r"(?!\p{L})", body_text)
    if m and not is_caps(m.group(0)):
        return regex.sub(r"\s+", " ", m.group(0))
    return None


def _letters(name: str) -> str:
    """A name's letters and digits: "Đưng K’Nớ" and the official "Đưng KNớ" are written alike
    (the document's spelling is kept), "VNHLONG" and "Vĩnh Long" are not."""
    return regex.sub(r"[^\p{L}\d]", "", name).casefold()


def issuer_from_header(header: str, text: str) -> Issuer:
    """Issuer (the last organisation line) and its parent (the line above it)."""
    body_text = text[len(header):]
    orgs = [_parse_org(c, body_text) for c in header_orgs(header)]
    if not orgs:
        return Issuer()
    _official_places(orgs)
    own = orgs[-1]
    issuer = Issuer(name=own.name, parent=orgs[-2].name if len(orgs) > 1 else None)
    chain = [o for o in orgs if o.level]
    issuer.level = own.level or (chain[-1].level if chain else None)
    for o in chain:
        place_at(issuer, o.level, o.place)
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
        if official and _letters(official) != _letters(org.place) and org.name.endswith(org.place):
            # a numbered ward's official name keeps its level word ("Phường 1"): not "phường Phường 1"
            tail = f"{org.level} {org.place}" if fold_phrase(official).startswith(org.level + " ") else org.place
            if org.name.endswith(tail):
                org.name = org.name[:-len(tail)] + official
            org.place = official
        place_at(within, org.level, org.place)


def complete_issuer_from_body(ctx: Context, issuer: Issuer, head_end: int, on: dt.date | None = None,
                              named: tuple[str | None, ...] = ()) -> None:
    """A header-less text, or a header without district and province: read them
    from the body ("Ủy ban nhân dân xã Lê Hồng báo cáo …", "huyện Thanh Miện",
    "tỉnh Hải Dương"), main body only (not the appendix), then complete them from
    the official units as they were on the report's date ``on`` (see :mod:`.place`).
    ``named`` are the place line's place and the title, where a body that names itself
    by its level alone ("Ủy ban nhân dân tỉnh ban hành Kế hoạch …") has its own name."""
    body = _issuer_from_text(ctx, issuer, head_end)
    if not issuer.level:
        _self_named_by_level(ctx.text[:ctx.structure.appendix_start or len(ctx.text)], issuer, named)
    header = ctx.text[:head_end]
    addressed = min((i for h in vocab().addressee_heading if (i := header.find(h)) >= 0), default=head_end)
    # an official letter's "Kính gửi: UBND huyện …" stands above its first paragraph
    complete_places(issuer, header[addressed:] + "\n" + body, on)


def _issuer_from_text(ctx: Context, issuer: Issuer, head_end: int) -> str:
    """Fill an issuer the header did not name (or named without its place) from the
    appendix line, the authority line under the title, or the body; returns the text in
    which to look for the places above it (the main body, not the appendix)."""
    end = ctx.structure.appendix_start or len(ctx.text)
    body = ctx.text[head_end:end]
    if not issuer.name:
        _issuer_from_body(appendix_issuer(ctx.text) or "", issuer)
    if issuer.name and not issuer.level:
        _authority_line(ctx.text[:end], issuer)
    if not issuer.name:
        ctx.cache["issuer_reports"] = _issuer_from_body(body, issuer)
    if not issuer.name:  # a web copy whose lines were joined into the "header"
        body = ctx.text[:end]
        ctx.cache["issuer_reports"] = _issuer_from_body(body, issuer)
    return body


def _authority_line(text: str, issuer: Issuer, max_lines: int = 30) -> None:
    """A header that kept only "ỦY BAN NHÂN DÂN" (a web copy drops the second row of its
    table): the authority line under the title names the same body with its place
    ("ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ")."""
    r = rx()
    own = r.body.match(issuer.name)
    for _pos, line in islice(lines(text), max_lines):
        s = line.strip(" |")
        m = r.body.match(s)
        if not (own and m and is_caps(s) and fold_phrase(m.group(1)) == fold_phrase(own.group(1))):
            continue
        org = _parse_org(s, "")
        if org.level:
            issuer.name, issuer.level, issuer.unit = org.name, org.level, org.place
            place_at(issuer, org.level, org.place)
            return


def appendix_issuer(text: str) -> str | None:
    """The issuer an appendix names: "(Kèm theo Báo cáo số 187/BC-UBND ngày 18/9/2023
    của UBND phường Tân Lập)" -> "UBND phường Tân Lập" (a text without its header)."""
    for lead in grammar().appendix_re.finditer(text):
        m = _APPENDIX_ISSUER.match(text, lead.end())
        if m:
            return m.group(1) + " "
    return None


# what follows the appendix line's type name up to its issuer: " số 187/BC-UBND ngày … của <issuer>)"
_APPENDIX_ISSUER = regex.compile(r"(?i)[^)\n]{0,120}?(?<!\p{L})của\s+([^)\n]{3,120})\)")


@dataclass(frozen=True)
class _BodyRx:
    org: regex.Pattern
    verbs: regex.Pattern
    cited_by: regex.Pattern   # "… của " right before a body: the issuer of a cited document
    by_level: regex.Pattern   # a body and its level, with or without its name


@patterns.memoised
def _body_rx() -> _BodyRx:
    v = vocab()
    return _BodyRx(
        org=regex.compile(rf"(?i:({alternation(v.bodies)}))\s+(?i:({alternation(v.levels)}))\s+({PROPER})(?=\W)"),
        verbs=regex.compile(rf"\s+(?:{alternation(v.issuer_verbs)})(?!\p{{L}})"),
        cited_by=regex.compile(r"(?<!\p{L})của\s+\Z"),
        by_level=regex.compile(rf"(?<!\p{{L}})(?i:({alternation(v.bodies)}))\s+(?i:({alternation(v.levels)}))"
                               rf"(?!\p{{L}})(?:\s+({PROPER}))?"),
    )


def _issuer_from_body(body: str, issuer: Issuer) -> str:
    """The issuer named in the body; returns the verb when a sentence has it report
    ("Ủy ban nhân dân xã Lê Hồng báo cáo …"), "" when the body only names it."""
    v = vocab()
    found = [m for m in _body_rx().org.finditer(body)
             if not _body_rx().cited_by.search(body, max(0, m.start() - 8), m.start())
             and _may_be_unit(m.group(3), fold_phrase(m.group(2)))]
    if not found:
        return ""
    # the subject of the report ("Ủy ban nhân dân xã Lê Hồng báo cáo"), else the most named
    verbs = _body_rx().verbs
    speaker = next((m for m in found if verbs.match(body, m.end())), None)
    reports = verbs.match(body, speaker.end()).group(0).strip() if speaker else ""
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
    place_at(issuer, level, speaker.group(3))
    return reports




def _may_be_unit(name: str, level: str) -> bool:
    """A name after a level word that may be a unit: an official one, or a commune's (too many,
    and renamed too often, to refuse one); not the capitalised verb of a sentence that names a
    district or province by its level alone ("Ủy ban nhân dân huyện Xây dựng Kế hoạch")."""
    return level in vocab().below_district or official_name(name, level) is not None


def _self_named_by_level(text: str, issuer: Issuer, named: tuple[str | None, ...]) -> None:
    """A body that names itself by its level alone ("Ủy ban nhân dân tỉnh ban hành Kế hoach
    …", "UBND tỉnh ban hành" under a header that kept only "ỦY BAN NHÂN DÂN"): its own name is
    the place of its place line or the place of that level its title names ("… trên địa bàn
    huyện U Minh Thượng"), when that is an official unit of that level."""
    r = _body_rx()
    head = rx().body.match(issuer.name or "")
    for m in r.by_level.finditer(text):
        level = fold_phrase(m.group(2))
        if r.cited_by.search(text, max(0, m.start() - 8), m.start()) or level in vocab().below_district:
            continue
        if head and _initials(head.group(1)) != _initials(m.group(1)):
            continue
        if m.group(3) and _may_be_unit(m.group(3), level):
            return  # a named body: not the issuer naming itself
        unit = _own_unit(level, named)
        if unit:
            body = vocab().bodies[fold_phrase(m.group(1))] if not head else head.group(1)
            issuer.name, issuer.level, issuer.unit = f"{body} {level} {unit}", level, unit
            place_at(issuer, level, unit)
        return


def _initials(body: str) -> str:
    """"Ủy ban nhân dân" and "UBND" are one body: 'UBND'."""
    words = body.split()
    return unaccent("".join(w[0] for w in words) if len(words) > 1 else body).upper()


def _own_unit(level: str, named: tuple[str | None, ...]) -> str | None:
    """The first official unit of ``level`` among the place line's place and the places the
    title names after that level word."""
    candidates: list[str] = []
    for i, s in enumerate(named):
        if not s:
            continue
        if i == 0:
            candidates.append(s)
        candidates += [m.group(1) for m in
                       regex.finditer(rf"(?i:(?<!\p{{L}}){regex.escape(level)})\s+({PROPER})", s)]
    return next((o for c in candidates if (o := official_name(c, level))), None)
