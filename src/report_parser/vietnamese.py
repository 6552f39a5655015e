"""Small facts about Vietnamese spelling used by text repair and by OCR-layer checks."""
from __future__ import annotations

import functools
import unicodedata

import regex

# tone marks as combining characters (NFD)
TONES = "\u0300\u0301\u0303\u0309\u0323"
_ONSETS = sorted(
    ["", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
     "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"], key=len, reverse=True)
_CODAS = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "y", "o", "u"]
# vowel nuclei (without tone), written with their base letters
_NUCLEI = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
           "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi",
           "ôi", "ơi", "oo", "ua", "uâ", "uê", "ui", "uô", "uơ", "ưa", "ưi", "ươ", "ưu", "uy", "yê",
           "oai", "oao", "oay", "oeo", "iêu", "uây", "uôi", "ươi", "ươu", "uya", "uyê", "uyu", "yêu"]
_SYLLABLE = regex.compile(
    "^(?:" + "|".join(_ONSETS[:-1]) + ")?(?:" + "|".join(sorted(_NUCLEI, key=len, reverse=True))
    + ")(?:" + "|".join(sorted(_CODAS[1:], key=len, reverse=True)) + ")?$")

VIETNAMESE_LETTERS = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
DIACRITIC_LETTERS = set(VIETNAMESE_LETTERS) - set("aeiouy") | {"đ"}


_SPACES = regex.compile(r"\s+")


@functools.lru_cache(maxsize=8192)  # the same labels and cells are cleaned again and again
def one_line(s: str | None) -> str:
    """Text as one NFC line: wrapped lines joined, runs of spaces collapsed (a table cell, a label)."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", s or "")).strip()


def strip_tone(word: str) -> str:
    """'Nghị' -> 'nghi'; keeps the vowel shape marks (ă, â, ê, ô, ơ, ư) and đ."""
    nfd = unicodedata.normalize("NFD", word.lower())
    return unicodedata.normalize("NFC", "".join(c for c in nfd if c not in TONES))


@functools.lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """True when ``word`` is a well-formed Vietnamese syllable (spelling, not dictionary)."""
    if not word or not word.isalpha():
        return False
    return bool(_SYLLABLE.match(strip_tone(word)))


# old and new tone placement are the same word ("hoá"/"hóa", "thuỷ"/"thủy")
_TONE_PLACEMENT = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oè": "òe", "oé": "óe",
                   "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe", "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy",
                   "uỵ": "ụy"}
_TONE_PLACEMENT_RE = regex.compile("|".join(_TONE_PLACEMENT))


def one_tone_placement(text: str) -> str:
    """Lower-case text with the tone on one vowel of "oa", "oe", "uy" ("hoá" ->
    "hóa", "uỷ" -> "ủy"), whichever placement a writer used; keeps the length, so
    spans found in it still fit the text."""
    return _TONE_PLACEMENT_RE.sub(lambda m: _TONE_PLACEMENT[m.group(0)], text)


def fold_phrase(s: str) -> str:
    """A matching key for a phrase however spaced, cased and toned: "Uỷ  ban" and
    "ủy ban" are one phrase."""
    return one_tone_placement(" ".join(s.split()).casefold())


def unaccent(s: str) -> str:
    """Without tone and vowel marks, đ as d, same length and case ('Vĩnh Long' ->
    'Vinh Long'): OCR misreads the marks ("THÀNH PHÓ", "GIÁM ĐÓC") but keeps the
    letters, so names and headings are compared bare; the same length keeps offsets."""
    return "".join(_unaccent_char(c) for c in s)


@functools.lru_cache(maxsize=4096)
def _unaccent_char(c: str) -> str:
    base = unicodedata.normalize("NFD", c)[0]
    return {"đ": "d", "Đ": "D"}.get(base, base)


def has_tone_or_mark(word: str) -> bool:
    return not DIACRITIC_LETTERS.isdisjoint(word.lower())  # in C: every PDF page's layer is judged by it


def is_caps(s: str, min_letters: int = 2) -> bool:
    """True when every letter of ``s`` is a capital and there are at least
    ``min_letters`` of them: headings, header lines and signature positions are
    set in capitals ("ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), and one capital is only a
    word's first letter."""
    if not s.isupper():  # a lower-case letter, or no letter at all (most lines: answered in C)
        return False
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= min_letters and all(c.isupper() for c in letters)
