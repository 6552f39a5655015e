"""The metadata vocabulary (``patterns/metadata.yaml``), the regular expressions built
from it, and the small text helpers every part of the metadata reader shares."""
from __future__ import annotations

from dataclasses import dataclass

import regex
from pydantic import ConfigDict

from ... import levels as admin_levels
from ... import patterns
from ...models import PeriodKind
from ...patterns import alternation
from ...periods import Bounds
from ...vietnamese import fold_phrase, is_caps, is_syllable, unaccent



class PeriodPhrase(patterns.Schema):
    model_config = ConfigDict(extra="forbid")
    pattern: str
    kind: PeriodKind
    bounds: str | None = None  # key of period_bounds when it is not ``kind`` (H2 -> "other")


class MetadataPatterns(patterns.Schema):
    model_config = ConfigDict(extra="forbid")
    draft_markers: list[str]
    level_abbrevs: dict[str, str]
    central_cities: list[str]
    bodies: dict[str, str]
    agencies: list[str]
    issuer_verbs: list[str]
    verb_types: dict[str, str]
    motto: list[str]
    capacities: list[str]
    collective_capacities: list[str]
    positions: list[str]
    position_abbrevs: dict[str, str]
    agency_abbrevs: dict[str, str]
    stamp_labels: list[str]
    signer_fields: list[str]
    signed_marks: list[str]
    recipients_heading: list[str]
    addressee_heading: list[str]
    body_openers: list[str]
    subject_prefix: list[str]
    data_line: list[str]
    subject_after_number: list[str]
    periods: list[PeriodPhrase]
    period_spans: list[str]
    period_bounds: dict[str, Bounds]


    # the level words and their tiers have one home, patterns/levels.yaml
    @property
    def levels(self) -> list[str]:
        return list(admin_levels.tiers())

    @property
    def below_district(self) -> list[str]:
        """Levels whose unit lies inside a district (or, since 2025, directly in a province)."""
        return list(admin_levels.of_tier("commune"))

    @property
    def district_levels(self) -> list[str]:
        return list(admin_levels.of_tier("district"))


def vocab() -> MetadataPatterns:
    return patterns.load("metadata.yaml", MetadataPatterns)


@dataclass(frozen=True)
class Rx:
    """Regular expressions built once from the vocabulary."""

    level: regex.Pattern  # on unaccent() text
    body: regex.Pattern
    opener_start: regex.Pattern
    opener_inline: regex.Pattern
    capacity: regex.Pattern
    position: regex.Pattern  # on unaccent() text
    periods: tuple[tuple[regex.Pattern, PeriodPhrase], ...]
    spans: tuple[regex.Pattern, ...]
    report_verb: regex.Pattern  # the issuer's "báo cáo …" and the words after it
    recipients: regex.Pattern   # "Nơi nhận:"
    subject: regex.Pattern      # "V/v …"
    subject_after_number: regex.Pattern  # "Về thực hiện …" right under (or after) "Số: 21 /TTVH"
    glued_level: regex.Pattern  # a level word glued to the name after it: "phườngLong Anh"
    data_line: regex.Pattern    # "(Số liệu tính từ ngày …", "Thời gian lấy số liệu: từ …" (a span follows)
    positions: dict[str, str]   # folded unaccented position -> its spelling
    capacity_inside: regex.Pattern  # before a TM./KT./… marker inside a signature line
    position_abbrev: regex.Pattern  # "P. " before a position ("P. GIÁM ĐỐC")
    signer_field: regex.Pattern  # "Người ký văn bản: Lã Quang Thức" (a web page's field)
    signed_mark: regex.Pattern  # "(Đã ký)" between a position and a name
    stamp_line: regex.Pattern  # "Người ký: …", "Thời gian ký: …" of a digital-signature stamp, to the line's end


@patterns.memoised
def rx() -> Rx:
    v = vocab()
    openers = "|".join(sorted(v.body_openers, key=len, reverse=True))
    caps = alternation(c.rstrip(".") for c in v.capacities)
    return Rx(
        level=regex.compile(
            rf"(?i)^({alternation(unaccent(w) for w in list(v.levels) + list(v.level_abbrevs))})\.?\s+(.+)$"),
        body=regex.compile(rf"(?i)^({alternation(v.bodies)})\b\s*(.*)$"),
        opener_start=regex.compile(rf"^(?:{openers})"),
        opener_inline=regex.compile(rf"\s(?:{openers})"),
        capacity=regex.compile(rf"^({caps})\s*\.\s*(.*)$"),
        position=regex.compile(rf"(?i)(?<!\p{{L}})({alternation(unaccent(p) for p in v.positions)})(?!\p{{L}})"),
        periods=tuple((regex.compile(p.pattern, regex.IGNORECASE), p) for p in v.periods),
        spans=tuple(regex.compile(p, regex.IGNORECASE) for p in v.period_spans),
        report_verb=regex.compile(rf"(?<!\p{{L}})(?:{alternation(v.issuer_verbs)})(?!\p{{L}})([^.:;\n]*)"),
        recipients=regex.compile(rf"(?m)(?:^|\|)\s*(?i:{alternation(v.recipients_heading)})\s*:"),
        subject=regex.compile(rf"(?:^|\s)(?:{alternation(v.subject_prefix)})\s*:?\s*(.+)"),
        data_line=regex.compile(
            rf"(?i)(?:^|(?<=\s))\(?\s*(?:{alternation(v.data_line)})(?!\p{{L}})(?=[^\n()]{{0,40}}?\d{{1,2}}\s*[/.-]\s*\d{{1,2}}"
            rf"|[^\n()]{{0,40}}?ngày\s+\d)"),
        glued_level=regex.compile(rf"(?<!\p{{L}})({alternation(v.levels)})(?=\p{{Lu}}\p{{Ll}})"),
        subject_after_number=regex.compile(
            rf"[ \t]*\n?[ \t]*((?:{alternation(v.subject_after_number)})[ \t]+\p{{Ll}}[^\n]+)"),
        positions={fold_phrase(unaccent(p)): p for p in v.positions},
        signer_field=regex.compile(
            rf"(?m)(?:^|(?<=\s))(?:{alternation(v.signer_fields)})[ \t]*(?::[ \t|]*\n?[ \t\n|]*|[ \t]+)"
            # the name ends its line or cell, or the next field's label follows ("… Hùng Nội dung")
            rf"(\p{{Lu}}\p{{Ll}}+(?:[ ]\p{{Lu}}\p{{Ll}}+){{1,4}})(?=[ \t]*(?:\||$)|[ ]\p{{Lu}}\p{{Ll}}*[ ]\p{{Ll}})"),
        signed_mark=regex.compile(rf"\((?i:{alternation(v.signed_marks)})\)"),
        # up to the line's end, or up to a person's name that an export joined after the stamp's time
        # ("… Thời gian ký: 10.04.2024 09:00:00 +07:00 Nguyễn Văn An")
        stamp_line=regex.compile(rf"(?:^|(?<=\s))(?:{alternation(v.stamp_labels)})\s*:.*?"
                                 rf"(?:(?<=\d)(?=\s+\p{{Lu}}\p{{Ll}}+(?:[ ]\p{{Lu}}\p{{Ll}}+){{1,4}}\s*$)|$)"),
        position_abbrev=regex.compile(
            rf"(?<!\p{{L}})({alternation(v.position_abbrevs)})\s*(?=(?i:{alternation(v.positions)})(?!\p{{L}}))"),
        capacity_inside=regex.compile(rf"\s+(?=(?:{caps})\s*\.\s*\p{{Lu}}{{2}})"),
    )


# ----------------------------------------------------------------------------- small text helpers
NAME_WORD = r"\p{Lu}\p{Ll}*(?:['’]\p{Lu}\p{Ll}*)?"  # "K’Nớ", "D’Ran"
PROPER = rf"{NAME_WORD}(?:[ ]{NAME_WORD}){{0,3}}"  # "Lê Hồng", "Thanh Miện", "Hồ Chí Minh"
SYMBOL_TAIL = r"/(?:[ ]{0,2}\d{4}[ ]{0,2}/)?[ ]{0,2}[\p{L}\d&]+(?:[ ]{0,2}-[ ]{0,2}[\p{L}\d&]+)*"
# a blank left to be filled in by hand: ".........., ngày 20 tháng 6 năm 2018", "XÃ .........."
PLACEHOLDER = r"[.…_]{3,}"
# a Party document's type code between its number and its slash: "Số: 01-CV/BCĐ", "Số 225-BC/ĐU"
PARTY_CODE = r"(?:-[ ]{0,2}\p{Lu}[\p{L}]{0,5}[ ]{0,2}(?=/))"
NUMBER_RE = regex.compile(
    rf"\bSố\s{{0,3}}:?[ \t]{{0,12}}(?:\n[ \t]{{0,12}}){{0,2}}(?P<num>\d+[a-z]?)?[ \t.…]{{0,12}}(?:\n[ \t]{{0,12}})?"
    rf"(?P<tail>{PARTY_CODE}?{SYMBOL_TAIL})")
PLACE_DATE_RE = regex.compile(
    rf"(?<![\p{{L}}\d/\-])(?P<place>(?:TP\.\s?)?(?:{NAME_WORD}[ ]\d{{1,3}}|{PROPER})|{PLACEHOLDER})\s{{0,3}},\s{{0,3}}ngày(?P<d>[^\n]{{0,12}}?(?:\n[^\n]{{0,4}}?)?)"
    r"tháng(?P<m>[^\n]{0,12}?)năm\s{0,3}(?P<y>\d{4})")
# a day or month as the blank leaves it: digits, or nothing (a draft), or OCR noise (-> None)
BLANK_OR_NUMBER = regex.compile(r"^[\s.…]*(\d{1,2})?[\s.…]*$")
# a person's name ends the signature block, after a rank or a stamp's noise ("Trung tá Ngô Văn Công")
TRAILING_NAME_RE = regex.compile(r"(?<![\p{L}\d])\p{Lu}\p{Ll}+(?:[ ]\p{Lu}\p{Ll}+){1,4}$")
YEAR_RE = regex.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
CELL_SPLIT = regex.compile(r"\s*\|\s*|\s*-{3,}\s*|\s+#\s+")


def title_case(s: str) -> str:
    """'LÊ HỒNG' -> 'Lê Hồng', "K’NỚ" -> "K’Nớ" (place names capitalise every syllable)."""
    return regex.sub(r"(?<=['’])\p{Ll}", lambda m: m.group(0).upper(),
                     " ".join(w[:1].upper() + w[1:].lower() for w in s.split()))


def agency_case(s: str) -> str:
    """'GIÁO DỤC VÀ ĐÀO TẠO' -> 'Giáo dục và Đào tạo' (each joined part capitalised once; an
    acronym, no Vietnamese syllable, keeps its capitals: 'Văn phòng HĐND và UBND')."""
    parts = regex.split(r"\s+(và|VÀ)\s+", s.strip())
    out = []
    for i, p in enumerate(parts):
        if i % 2:
            out.append("và")
        else:
            # an acronym keeps its capitals ("VĂN PHÒNG HĐND VÀ UBND", "TRUNG TÂM PVHCC")
            p = " ".join(w if _acronym(w) else w.lower() for w in p.split())
            out.append(p[:1].upper() + p[1:])
    return " ".join(out)


def _acronym(word: str) -> bool:
    """A caps word that is no Vietnamese syllable ("HĐND", "PVHCC", "KCN"), punctuation aside."""
    core = word.strip(",.;:()\"'")
    return core.isalpha() and is_caps(core) and not is_syllable(core)


def clean_item(s: str) -> str:
    s = regex.sub(r"^[\s\-+•–]+", "", s)
    return regex.sub(r"[\s;,.]+$", "", s).strip()
