"""The reference grammar: ``patterns/references.yaml`` validated, then compiled.

The vocabulary (type names and codes of Nghị định 30/2020/NĐ-CP Phụ lục III,
normative and Party types, issuer codes, heads of issuing bodies) is data; this
module only turns it into regular expressions and lookup tables. Every pattern
is bounded (no unbounded repetition), so long runs of digits, slashes and dashes
cannot make it backtrack for long; the finders also pass a ``timeout``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import regex
from pydantic import ConfigDict, Field, model_validator

from .. import levels as admin_levels
from .. import patterns, structure_words

Kind = Literal["administrative", "normative", "party", "official_letter"]

# seconds per search; a safety net only: the patterns are bounded and take milliseconds on a
# report, so the net is wide enough that a normal report on a machine busy with OCR never hits it
REGEX_TIMEOUT = 20.0


class DocType(patterns.Schema):
    model_config = ConfigDict(extra="forbid")
    name: str
    code: str | None = None
    kind: Kind
    words: list[str] = Field(min_length=1)
    abbrevs: list[str] = Field(default_factory=list)


class DefaultType(patterns.Schema):
    model_config = ConfigDict(extra="forbid")
    pattern: str
    type: str


class ReferenceGrammar(patterns.Schema):
    """Schema of ``patterns/references.yaml``."""

    model_config = ConfigDict(extra="forbid")
    types: list[DocType] = Field(min_length=1)
    generic_words: list[str] = Field(default_factory=list)
    not_reference_words: list[str] = Field(default_factory=list)
    default_type_by_issuer: list[DefaultType] = Field(default_factory=list)
    titled_types: list[str] = Field(default_factory=list)
    issuers: dict[str, str] = Field(default_factory=dict)
    issuer_by_type: dict[str, str] = Field(default_factory=dict)
    local_issuers: list[str] = Field(default_factory=list)
    bodies: list[str] = Field(default_factory=list)
    issuer_heads: list[str] = Field(default_factory=list)
    office_heads: list[str] = Field(default_factory=list)
    name_stop_words: list[str] = Field(min_length=1)
    levels: list[str] = Field(default_factory=list)  # more level words than patterns/levels.yaml (a district's)
    issue_verbs: list[str] = Field(default_factory=list)
    tense_words: list[str] = Field(default_factory=list)
    subject_stops: list[str] = Field(default_factory=list)
    subject_tail_words: list[str] = Field(default_factory=list)
    not_subject_openers: list[str] = Field(default_factory=list)
    subject_continues: list[str] = Field(default_factory=list)
    subject_filler: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _names_exist(self) -> "ReferenceGrammar":
        names = {t.name for t in self.types}
        for d in self.default_type_by_issuer:
            if d.type not in names:
                raise ValueError(f"default_type_by_issuer: unknown type {d.type!r}")
            regex.compile(d.pattern)
        for t in self.titled_types + list(self.issuer_by_type):
            if t not in names:
                raise ValueError(f"titled_types/issuer_by_type: unknown type {t!r}")
        return self


def _phrase(words: str) -> str:
    """A phrase with its spaces (leading and trailing ones too) matching any short
    run of whitespace: " như sau" needs a space before "như"."""
    body = r"\s{1,3}".join(regex.escape(p) for p in words.split())
    return (r"\s{1,3}" if words[:1].isspace() else "") + body + (
        r"\s{1,3}" if words[-1:].isspace() else "")


def _alternation(words: list[str], *, ignore_case: bool) -> str:
    """Longest first, spaces matching any short run of whitespace."""
    alts = sorted({w for w in words if w.strip()}, key=len, reverse=True)
    body = "|".join(_phrase(w) for w in alts)
    return f"(?i:{body})" if ignore_case else f"(?-i:{body})"


def _guard(words: list[str], *, ignore_case: bool, also: str = "") -> str:
    """A lookahead on the first characters a match can start with. ``regex``
    scans for such a set without starting the whole pattern at each position,
    which keeps long runs of digits and dashes cheap."""
    firsts = {w[0] for w in words if w}
    if ignore_case:
        firsts |= {c.swapcase() for c in firsts}
    chars = "".join(sorted(regex.escape(c) if not c.isspace() else r"\s" for c in firsts))
    return f"(?=[{chars}{also}])" if chars or also else "(?!)"


def _head_alternation(heads: list[str]) -> str:
    """Heads of bodies: the first letter as written (so "bộ máy" is not "Bộ"),
    the rest in any case ("Thủ tướng chính phủ")."""
    alts = []
    for h in sorted(set(heads), key=len, reverse=True):
        first, rest = h[0], h[1:]
        rest_re = r"\s{1,3}".join(regex.escape(p) for p in rest.split(" "))
        alts.append(regex.escape(first) + (f"(?i:{rest_re})" if rest else ""))
    return "|".join(alts)


# a code unit of a symbol: capitals, each optionally followed by one small
# letter ("TTr", "QyĐ", "TTg"), then digits ("QH13", "PA83")
_UNIT = r"(?:[A-ZĐÐ][a-zđ]?){1,9}\d{0,3}"
_SEG = _UNIT + r"(?:&" + _UNIT + r")?(?![\p{L}\d])"
# a hyphen (spaced or broken over a line), or a dot typed for it between two codes ("12/KH.UBND")
_DASH = r"(?:[ \t]?+-[ \t\n]{0,2}+|\.(?=[A-ZĐÐ]))"
_SLASH = r"[ \t\n]{0,2}+/[ \t\n]{0,2}+"
SYMBOL_PATTERN = (
    # not inside a word or a number; "số" may be glued to it ("Kế hoạch số12/KH-UBND")
    r"(?:(?<![\p{L}\d/])|(?<=(?<!\p{L})(?i:số)))(?:"
    # Party: number first, "18-NQ/TW", "225-CV/ĐU"
    r"(?P<pnum>\d{1,5}+[a-zđ]?+)[ \t]?+-[ \t]?+(?P<pcode>" + _SEG + ")" + _SLASH
    + r"(?P<piss>" + _SEG + "(?:" + _DASH + _SEG + "){0,3})"
    r"|"
    # State: "309/KH-UBND", "130/2005/NĐ-CP", "80/2015/QH13", "508/UBND-VP"
    r"(?P<num>\d{1,5}+[a-zđ]?+)" + _SLASH + r"(?:(?P<year>(?:19|20)\d{2})" + _SLASH + r")?"
    + r"(?P<segs>" + _SEG + "(?:" + _DASH + _SEG + "){0,5})"
    r")"
)


@dataclass(frozen=True)
class Symbol:
    """A symbol read by the grammar: "165/BC-UBND", "130/2005/NĐ-CP", "18-NQ/TW"."""

    number: str
    symbol: str                 # canonical: no spaces, "6773/KH-UBND"
    coded: DocType | None       # the type its code names (or the issuer's default type)
    kind: str
    year: int | None
    issuer_code: str | None
    has_code: bool = True  # False when the type is only a default for the issuer ("80/2015/QH13")


def _segments(s: str) -> list[str]:
    return [p for p in regex.split(r"\s*-\s*|\.", s.strip()) if p]


@dataclass(frozen=True)
class Grammar:
    """Compiled reference grammar."""

    spec: ReferenceGrammar
    symbol_re: regex.Pattern
    lead_re: regex.Pattern        # type word and/or "số" right before a symbol (searched up to it)
    number_ref_re: regex.Pattern  # "Nghị quyết số 18" (no symbol)
    not_ref_re: regex.Pattern     # "Mẫu số", "Điều" right before a number: not a citation
    titled_re: regex.Pattern      # "Luật" opening a title before "số"
    dated_title_re: regex.Pattern  # "Luật Cán bộ, công chức ngày 24/6/2025" (no number)
    issuer_re: regex.Pattern      # a body as the text names it
    verb_tail_re: regex.Pattern   # "đã ban hành " between a body or a date and the reference
    subject_stop_re: regex.Pattern  # where a subject (trích yếu) ends
    subject_tail_re: regex.Pattern  # small words left dangling at a subject's end ("... và")
    predicate_re: regex.Pattern   # a predicate, not a subject, after a short citation
    continues_re: regex.Pattern   # a subject that goes on through the next citation
    attached_re: regex.Pattern    # "(Kèm theo " right before a citation: the document's own number
    appendix_re: regex.Pattern    # "(Kèm theo Báo cáo", "(Ban hành kèm theo Quyết định": group tw, the type
    by_code: dict[str, DocType]   # state type codes (KH, NĐ, TTLT…)
    party_by_code: dict[str, DocType]
    by_word: dict[str, DocType]   # lower-case word or abbreviation -> type (first listed wins)
    by_name: dict[str, DocType]

    def parse_symbol(self, text: str) -> Symbol | None:
        """The first symbol in ``text``, read (None when there is none); with
        :meth:`read_symbol` the only reader of the symbol pattern's groups, so
        metadata, the resolver and the citation finder agree on what a symbol says.
        A draft's blank number ("/BC-SNV") reads as number "0"."""
        m = self.symbol_re.search("0" + text if text.startswith("/") else text, timeout=REGEX_TIMEOUT)
        return self.read_symbol(m) if m else None

    def read_symbol(self, m: regex.Match) -> Symbol:
        """Number, canonical symbol, type, kind, year and issuer code of a match of
        ``symbol_re``: the first code after the number (or the year) is a type code
        when the grammar knows it, else the symbol is a law's ("80/2015/QH13") or an
        official letter's ("508/UBND-VP")."""
        if m.group("pnum"):
            num, code, iss = m.group("pnum"), m.group("pcode"), _segments(m.group("piss"))
            return Symbol(num, f"{num}-{code}/{'-'.join(iss)}", self.party_by_code.get(code), "party",
                          None, iss[0])
        num, segs = m.group("num"), _segments(m.group("segs"))
        if len(segs) == 1:
            segs = self._unglued(segs[0])
        year = int(m.group("year")) if m.group("year") else None
        symbol = f"{num}/{f'{year}/' if year else ''}{'-'.join(segs)}"
        coded = self.by_code.get(segs[0])
        if coded is not None:
            iss = segs[1:]
            issuer_code = "-".join(iss) if coded.code == "TTLT" else (iss[0] if iss else None)
            kind = "normative" if year or coded.kind == "normative" else coded.kind
            return Symbol(num, symbol, coded, kind, year, issuer_code)
        default = self.default_type_for_issuer(segs[0])
        if default is not None or year:
            return Symbol(num, symbol, default, "normative", year, segs[0], has_code=False)
        return Symbol(num, symbol, self.by_name.get("Công văn"), "official_letter", None, segs[0],
                      has_code=False)

    def _unglued(self, seg: str) -> list[str]:
        """A text layer that drops hyphens glues a type code to its issuer code: "QĐUBND",
        "NĐCP", "TTVPCP" are "QĐ-UBND", "NĐ-CP", "TT-VPCP" when the first part is a type code
        and the rest an issuer code the grammar knows (else the segment is kept)."""
        if seg in self.by_code:
            return [seg]
        for i in range(len(seg) - 1, 0, -1):
            head, rest = seg[:i], seg[i:]
            if head in self.by_code and (self.issuer_name(rest) or rest in self.spec.local_issuers):
                return [head, rest]
        return [seg]

    def type_of_word(self, word: str) -> DocType | None:
        """The type a word names ("kế hoạch", "QĐ"), None for a generic word."""
        key = " ".join(word.split())
        return self.by_word.get(key) or self.by_word.get(key.lower())

    def default_type_for_issuer(self, code: str) -> DocType | None:
        for d in self.spec.default_type_by_issuer:
            if regex.match(d.pattern, code):
                return self.by_name[d.type]
        return None

    def issuer_name(self, code: str) -> str | None:
        """Name of an issuer code; "QH13" -> "Quốc hội" (the term number dropped)."""
        if code in self.spec.issuers:
            return self.spec.issuers[code]
        bare = regex.sub(r"\d+$", "", code)
        return self.spec.issuers.get(bare)

    def compatible(self, stated: DocType, coded: DocType) -> bool:
        """True when a stated type word may name a document of the coded type
        ("Thông tư" for a TTLT, "Nghị quyết" for a Party NQ)."""
        if stated.name == coded.name:
            return True
        return stated.words[0].lower() in {w.lower() for w in coded.words}


def _type_tables(spec: ReferenceGrammar) -> dict:
    """Lookups by code, word and name; the first listed type wins a shared word."""
    by_word: dict[str, DocType] = {}
    by_code: dict[str, DocType] = {}
    party_by_code: dict[str, DocType] = {}
    by_name: dict[str, DocType] = {}
    for t in spec.types:
        by_name.setdefault(t.name, t)
        for w in t.words:
            by_word.setdefault(w.lower(), t)
        for a in t.abbrevs:
            by_word.setdefault(a, t)
        if t.code:
            (party_by_code if t.kind == "party" else by_code).setdefault(t.code, t)
    # Party documents also use the state codes (NQ, CT, TB, KH, BC, ĐA…)
    for code, t in by_code.items():
        party_by_code.setdefault(code, t)
    return dict(by_code=by_code, party_by_code=party_by_code, by_word=by_word, by_name=by_name)


def _type_word_pattern(spec: ReferenceGrammar) -> str:
    """A type word or a generic word as a whole word ("kế hoạch", "QĐ", "văn bản")."""
    words = [w for t in spec.types for w in t.words] + spec.generic_words
    abbrevs = [a for t in spec.types for a in t.abbrevs]
    alts = _alternation(words, ignore_case=True)
    if abbrevs:
        alts = f"{alts}|{_alternation(abbrevs, ignore_case=False)}"
    return rf"(?<![\p{{L}}\d])(?:{alts})(?![\p{{L}}\d])"


def _issuer_pattern(spec: ReferenceGrammar) -> str:
    """A body: a local head with its level and place ("UBND tỉnh Hải Dương"), an
    office with its name ("Bộ Tài chính"), or a body named in full."""
    levels = _alternation(list(admin_levels.tiers()) + spec.levels, ignore_case=False)
    bodies = _head_alternation(list(spec.issuers.values()) + spec.bodies)
    proper = r"\p{Lu}(?:\p{L}|\.(?=\p{L})){0,14}(?![\p{L}\d/])"
    place = rf"{proper}(?:[ \t]{proper}){{0,4}}"
    # an office's name: capitalised words, each may carry one small word
    # ("Bộ Tài chính", "Sở Văn hóa, Thể thao và Du lịch")
    stop = rf"(?!(?:{_alternation(spec.name_stop_words, ignore_case=False)})(?![\p{{L}}]))"
    small = rf"(?:[ \t]{stop}\p{{Ll}}{{1,7}}(?![\p{{L}}\d/]))?"
    # "…, Nghị định số" / "… và Nghị định số" after a body starts the next citation
    joined = rf"(?:,[ \t]|[ \t]và[ \t])(?!{_type_word_pattern(spec)})"
    named = rf"{proper}{small}(?:(?:[ \t]|{joined}){proper}{small}){{0,5}}"
    local = (rf"(?:{_head_alternation(spec.issuer_heads)})"
             rf"(?:[ \t\n]{{1,2}}(?:{levels})(?![\p{{L}}]))?(?:[ \t\n]{{1,2}}{place})?")
    office = rf"(?:{_head_alternation(spec.office_heads)})[ \t\n]{{1,2}}{named}"
    guard = _guard(spec.issuer_heads + spec.office_heads + list(spec.issuers.values())
                   + spec.bodies, ignore_case=False)
    return (rf"{guard}(?<![\p{{L}}])(?P<body>(?:{local}|{office}|(?:{bodies})(?![\p{{L}}]))"
            r"(?:[ \t]cũ(?![\p{L}]))?)")


def _any_of(words: list[str]) -> str:
    """The case-insensitive alternation of ``words``; never matches when empty."""
    return _alternation(words, ignore_case=True) if words else "(?!)"


def _subject_stop_pattern(spec: ReferenceGrammar, tw: str) -> str:
    """The end of a subject: ";", a new line that is not a continuation, a
    sentence end, a listed stop, or a comma before another citation or body."""
    stops = _any_of(spec.subject_stops)
    heads = _head_alternation(spec.issuer_heads)
    guard = _guard(spec.subject_stops, ignore_case=True, also=r";\n.,")
    return (rf"{guard}(?:;|\n(?!\p{{Ll}}|\d{{4}}(?![.)]))|\.(?=\s*$|\s+\p{{Lu}}|\s*\n)|{stops}"
            rf"|,[ \t]{{1,3}}(?=(?:{tw})[ \t]{{1,3}}(?:(?i:số)|\d))"
            rf"|,[ \t]{{1,3}}(?=(?:{heads})(?![\p{{L}}])))")


def _appendix_patterns(spec: ReferenceGrammar) -> dict[str, regex.Pattern]:
    """The words an appendix line opens with (structure.yaml ``attached_to``), as the end of the
    text before a citation and as the lead of the line up to its type name."""
    v = structure_words.words()
    attached = _alternation(v.attached_to, ignore_case=True)
    verbs = rf"(?:{_alternation(v.attached_verbs, ignore_case=True)})\s+" if v.attached_verbs else ""
    names = patterns.alternation(t.name for t in spec.types)
    return dict(
        attached_re=regex.compile(rf"(?:^|\n|\()[ \t]*{attached}[ \t]{{1,3}}\Z"),
        appendix_re=regex.compile(rf"(?i)\(\s*(?:{verbs})?{attached}\s+(?P<tw>{names})(?!\p{{L}})"),
    )


def _build(spec: ReferenceGrammar) -> Grammar:
    tw = _type_word_pattern(spec)
    type_words = ([w for t in spec.types for w in t.words + t.abbrevs] + spec.generic_words)
    titled_guard = _guard(spec.titled_types, ignore_case=False)
    titled_types = _alternation(spec.titled_types, ignore_case=False)
    # never empty, so that a search does not try every position of a long text
    so = r"(?:(?P<so>(?i:số))(?:[ \t]{0,2}+:)?[ \t\n]{0,3}+(?=\d)|(?P<so>(?i:số))(?:[ \t]{0,2}+:)?[ \t\n]{1,3}+|(?P<so2>(?i:số)):)"
    lead = (_guard(type_words + ["số"], ignore_case=True)
            + rf"(?:(?P<tw>{tw})[ \t\n]{{1,3}}+{so}?|{so})\Z")
    number_ref = (_guard(type_words, ignore_case=True)
                  + rf"(?P<tw>{tw})[ \t\n]{{1,3}}(?i:số)[ \t]{{0,2}}:?[ \t\n]{{1,3}}"
                  r"(?P<num>\d{1,4}+[a-zđ]?+)(?![\p{L}\d/]|[ \t]?[-/.,][ \t]?[\dA-ZĐ])")
    not_ref = (_guard(spec.not_reference_words, ignore_case=True) + r"(?<![\p{L}])(?:"
               + _any_of(spec.not_reference_words) + r")[ \t\n]{1,3}\Z")
    titled = titled_guard + r"(?<![\p{L}\d])(?:" + titled_types + r")(?=\s)"
    # a title without number or slash, then its date: the law is cited by name
    dated_title = (titled_guard + r"(?<![\p{L}\d])(?P<tw>" + titled_types
                   + r")[ \t](?P<title>\p{L}[^;.\n()/\d\"]{2,150}?)[ \t]ngày[ \t]{1,3}(?=\d)")
    tense = r"(?:(?:" + _any_of(spec.tense_words) + r")[ \t]{1,3}){0,2}"
    verb_tail = r"[ \t]{1,3}" + tense + "(?:" + _any_of(spec.issue_verbs) + r")[ \t]{0,3}\Z"
    predicate = (_guard(spec.not_subject_openers, ignore_case=True) + "(?:"
                 + _any_of(spec.not_subject_openers) + r")(?![\p{L}])")
    continues = (_guard(spec.subject_continues, ignore_case=True) + r"(?<![\p{L}])(?:"
                 + _any_of(spec.subject_continues) + r")[ \t\n]{0,3}\Z")
    flags = regex.VERSION1
    return Grammar(
        spec=spec,
        symbol_re=regex.compile(SYMBOL_PATTERN, flags),
        lead_re=regex.compile(lead, flags),
        number_ref_re=regex.compile(number_ref, flags),
        not_ref_re=regex.compile(not_ref, flags),
        titled_re=regex.compile(titled, flags),
        dated_title_re=regex.compile(dated_title, flags),
        issuer_re=regex.compile(_issuer_pattern(spec), flags),
        verb_tail_re=regex.compile(verb_tail, flags),
        subject_stop_re=regex.compile(_subject_stop_pattern(spec, tw), flags),
        subject_tail_re=regex.compile(
            rf"(?:\s+(?:{_alternation(spec.subject_tail_words, ignore_case=False) if spec.subject_tail_words else '(?!)'}))+$", flags),
        predicate_re=regex.compile(predicate, flags),
        continues_re=regex.compile(continues, flags),
        **_appendix_patterns(spec),
        **_type_tables(spec),
    )


@patterns.memoised
def grammar() -> Grammar:
    """The compiled grammar of ``patterns/references.yaml`` (cached)."""
    return _build(patterns.load("references.yaml", ReferenceGrammar))
