"""Text typed in the legacy 8-bit Vietnamese fonts (TCVN3/ABC ".VnTime", VNI "VNI-Times"),
detected from the text itself and converted to Unicode.

Such a document stores font glyph codes, so once the font is gone it reads as
Latin-1 soup: "Céng hoµ x· héi chñ nghÜa ViÖt Nam" (TCVN3), "Coäng hoøa xaõ
hoäi chuû nghóa Vieät Nam" (VNI). A font name alone proves nothing (a .VnTime
run often holds plain ASCII, a Unicode file may keep the old font name), so
each line is decided on its own words: it is converted when more of its words
become Vietnamese syllables decoded than as they stand. Unicode Vietnamese
(which shares letters such as "é", "ô", "ã" with both tables) is left alone
because its words already are syllables.

TCVN3 (TCVN 5712:1993 VN3) has codes for lower-case toned letters only; upper
case was drawn by a second font (".VnTimeH") from the same codes, so a toned
code in an all-capitals word ("CéNG") is read as a capital ("CỘNG").
"""
from __future__ import annotations

import unicodedata
from collections import Counter

import regex

from .vietnamese import is_syllable

# tone order of both tables: none, acute (sắc), grave (huyền), hook (hỏi), tilde (ngã), dot (nặng)
_TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
_BASES = "a ă â e ê i o ô ơ u ư y".split()

# TCVN3 code (as the Latin-1 / Windows-1252 character a converter shows) of each lower-case letter,
# one string per base letter in tone order
_TCVN3_LOWER = {
    "a": "a¸µ¶·¹", "ă": "¨¾»¼½Æ", "â": "©ÊÇÈÉË", "e": "eÐÌÎÏÑ", "ê": "ªÕÒÓÔÖ", "i": "iÝ×ØÜÞ",
    "o": "oãßáâä", "ô": "«èåæçé", "ơ": "¬íêëìî", "u": "uóïñòô", "ư": "\u00adøõö÷ù", "y": "yýúûüþ",
}
_TCVN3_EXTRA = {"đ": "®", "Đ": "§", "Ă": "¡", "Â": "¢", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦"}
_TCVN3_CAPITALS = "§¡¢£¤¥¦"

# VNI Windows: a base letter followed by a mark character; a few letters are one character
_VNI_MARKS = {  # (shape, tone index) -> mark, lower case; upper case is the mark's upper case
    ("", 1): "ù", ("", 2): "ø", ("", 3): "û", ("", 4): "õ", ("", 5): "ï",
    ("^", 0): "â", ("^", 1): "á", ("^", 2): "à", ("^", 3): "å", ("^", 4): "ã", ("^", 5): "ä",
    ("(", 0): "ê", ("(", 1): "é", ("(", 2): "è", ("(", 3): "ú", ("(", 4): "ü", ("(", 5): "ë",
}
_VNI_SHAPE = {"a": ("a", ""), "ă": ("a", "("), "â": ("a", "^"), "e": ("e", ""), "ê": ("e", "^"),
              "o": ("o", ""), "ô": ("o", "^"), "ơ": ("ô", ""), "u": ("u", ""), "ư": ("ö", ""),
              "y": ("y", ""), "i": ("i", "")}
_VNI_I = "iíìæóò"  # i and its toned forms are single characters
_VNI_Y_DOT = "î"  # ỵ is one character; the other y tones are y + mark
_VNI_EXTRA = {"đ": "ñ", "Đ": "Ñ"}


def _letter(base: str, tone: int) -> str:
    return unicodedata.normalize("NFC", base + _TONES[tone])


def _build_tcvn3() -> dict[str, str]:
    """Unicode letter -> TCVN3 character; upper-case toned letters share the lower-case codes."""
    table: dict[str, str] = {}
    for base, codes in _TCVN3_LOWER.items():
        for tone, code in enumerate(codes):
            if code.isascii():
                continue
            table[_letter(base, tone)] = code
            upper = _letter(base, tone).upper()
            table.setdefault(upper, _TCVN3_EXTRA.get(upper, code))
    table.update(_TCVN3_EXTRA)
    return table


def _vni_lower(base: str, tone: int) -> str:
    if base == "i":
        return _VNI_I[tone]
    if base == "y" and tone == 5:
        return _VNI_Y_DOT
    letter, shape = _VNI_SHAPE[base]
    return letter + _VNI_MARKS.get((shape, tone), "")


def _build_vni() -> dict[str, str]:
    """Unicode letter -> VNI character sequence, both cases."""
    table: dict[str, str] = {}
    for base in _BASES:
        for tone in range(6):
            code = _vni_lower(base, tone)
            if code == base:
                continue
            table[_letter(base, tone)] = code
            table[_letter(base, tone).upper()] = code.upper()
    table.update(_VNI_EXTRA)
    return table


TCVN3 = _build_tcvn3()
VNI = _build_vni()
_TCVN3_DECODE = {code: letter for letter, code in TCVN3.items() if letter.islower() or letter in _TCVN3_EXTRA}
_VNI_DECODE = {code: letter for letter, code in VNI.items()}
_VNI_PATTERN = regex.compile("|".join(regex.escape(c) for c in sorted(_VNI_DECODE, key=len, reverse=True)))

# a word as a legacy font stores it: ASCII letters and the Latin-1 codes the tables use
_WORD = regex.compile(r"[A-Za-z\u00a1-\u00ff]+")
_LEGACY_CHAR = regex.compile(r"[\u00a1-\u00ff]")
_LINE = regex.compile(r"[^\n\f]+")
# letters beyond Latin-1 (ạ, ế, ư, ơ, đ, ă ...): proof that a line was typed in Unicode
_UNICODE_ONLY = regex.compile(r"[^\x00-\xff\s\p{P}\p{S}\p{N}\p{M}]")


def encode(text: str, table: dict[str, str]) -> str:
    """Unicode -> legacy font text (for tests and fixtures)."""
    return "".join(table.get(c, c) for c in unicodedata.normalize("NFC", text))


def _tcvn3_word(word: str, caps: bool) -> str:
    out = "".join(_TCVN3_DECODE.get(c, c) for c in word)
    return out.upper() if caps else out


def _is_caps(word: str) -> bool | None:
    """True/False when the word's ASCII letters say its case, None when they cannot (one capital)."""
    if any(c.isascii() and c.islower() for c in word):
        return False
    upper = sum(1 for c in word if c.isascii() and c.isupper() or c in _TCVN3_CAPITALS)
    return True if upper >= 2 else None


def decode_tcvn3(text: str) -> str:
    """TCVN3 text -> Unicode; toned codes in all-capital words become capitals."""
    words = [w for w in _WORD.findall(text) if _LEGACY_CHAR.search(w)]  # not acronyms like "UBND"
    known = [c for c in map(_is_caps, words) if c is not None]
    line_caps = bool(known) and sum(known) > len(known) / 2

    def fix(m: regex.Match) -> str:
        caps = _is_caps(m.group(0))
        return _tcvn3_word(m.group(0), line_caps if caps is None else caps)

    return _WORD.sub(fix, text)


def decode_vni(text: str) -> str:
    """VNI Windows text -> Unicode."""
    return _VNI_PATTERN.sub(lambda m: _VNI_DECODE[m.group(0)], text)


DECODERS = {"tcvn3": decode_tcvn3, "vni": decode_vni}


def _scores(line: str) -> tuple[int, int, dict[str, int]] | None:
    """(words with a Latin-1 character, how many are syllables as they stand, how many once
    decoded by each table), or None when the line cannot be legacy text."""
    if _UNICODE_ONLY.search(line):
        return None  # ạ, ế, ư, đ ... have no place in a legacy font's codes: typed in Unicode
    words = [w for w in _WORD.findall(line) if _LEGACY_CHAR.search(w)]
    if not words:
        return None
    decoded = {name: sum(is_syllable(decode(w)) for w in words) for name, decode in DECODERS.items()}
    return len(words), sum(is_syllable(w) for w in words), decoded


def detect(line: str, default: str | None = None) -> str | None:
    """The legacy encoding a line is written in ("tcvn3" | "vni"), or None for Unicode/ASCII.

    Only words holding a Latin-1 character are evidence; the line is legacy when
    decoding turns more of them into syllables than they are already, and at
    least half of them. ``default`` (the encoding of the rest of the document)
    settles a tie: "Sè" is a syllable, and so is its TCVN3 reading "Số".
    """
    scores = _scores(line)
    if scores is None:
        return None
    total, as_is, decoded = scores
    # most syllables first; on a tie the document's own encoding ("Nôi" is VNI "Nơi" and TCVN3 "Nụi")
    best = max(decoded, key=lambda k: (decoded[k], k == default))
    if decoded[best] > as_is and 2 * decoded[best] >= total:
        return best
    if default is not None and decoded[default] >= max(as_is, 1) and 2 * decoded[default] >= total:
        return default
    return None


def document_encoding(text: str) -> str | None:
    """The legacy encoding most lines of a text are in, or None when no line is."""
    found = Counter(k for k in map(detect, _LINE.findall(text)) if k)
    return found.most_common(1)[0][0] if found else None


def _convert(text: str, default: str | None, kinds: list[str]) -> str:
    """``text`` with every legacy line decoded; the encodings used are added to ``kinds``."""

    def fix(m: regex.Match) -> str:
        kind = detect(m.group(0), default)
        if kind is None:
            return m.group(0)
        if kind not in kinds:
            kinds.append(kind)
        return DECODERS[kind](m.group(0))

    return _LINE.sub(fix, text)


def _repair_tracked(t, default: str | None) -> list[str]:
    kinds: list[str] = []
    if default is not None:
        t.sub(_LINE, lambda m: _convert(m.group(0), default, kinds))
    return kinds


def _repair_tables(tables: list, default: str | None) -> list[str]:
    kinds: list[str] = []
    if default is None:
        return kinds
    for table in tables:
        table.rows = [[c if c is None else _convert(c, default, kinds) for c in row] for row in table.rows]
    return kinds


def repair_document(t, tables: list, raw_text: str) -> list[str]:
    """Convert every legacy-font line of ``t`` (a :class:`normalize.Tracked` text), then the
    legacy-font cells of a reader's ``tables`` in place (the cells are read apart from the text)
    by ``raw_text``'s encoding, which is read once when ``t`` still holds ``raw_text``; the kinds
    applied (the text's, then the cells')."""
    before = t.text
    default = document_encoding(before)
    kinds = _repair_tracked(t, default)
    if not tables:
        return kinds
    return kinds + _repair_tables(tables, default if before == raw_text else document_encoding(raw_text))
