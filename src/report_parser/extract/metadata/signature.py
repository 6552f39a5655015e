"""Signer and recipients from the signature block ("Nơi nhận:" and the signature
column, also interleaved line by line by a PDF text layer)."""
from __future__ import annotations

from itertools import islice

import regex

from ...models import Signer
from ...structure import lines
from ...structure_words import appendix_heading
from ...vietnamese import fold_phrase, is_caps, unaccent
from .. import Context
from .vocab import CELL_SPLIT, TRAILING_NAME_RE, clean_item, rx, vocab


def read_signature(ctx: Context) -> tuple[Signer, list[str]]:
    """Signer and recipients from the block that starts at "Nơi nhận:" (the
    first one: later ones belong to attached documents). The two columns may come
    interleaved line by line ("- Phòng Nội vụ; CHỦ TỊCH"): each line is split into
    recipient items and signature pieces."""
    text = ctx.text
    end = ctx.structure.appendix_start or len(text)
    m = rx().recipients.search(text)
    if m:
        recipients, pieces = _split_block(text, m.end(), len(text))
        signer = _signer(pieces)
        if signer.name or signer.position:
            return _named_by_field(signer, text[:end]), recipients
    else:
        recipients = []
    anchor = _last_capacity_line(text, end)
    if anchor is None:
        return _named_by_field(_signed_mark(text, end), text[:end]), recipients
    _, pieces = _split_block(text, anchor, end)
    return _named_by_field(_signer(pieces), text[:end]), recipients


def _named_by_field(signer: Signer, text: str) -> Signer:
    """A signature block that names nobody (a web copy keeps "TM. CHÍNH PHỦ" and drops the
    name) takes the name from the page's signer field, when it has one."""
    if signer.name:
        return signer
    field = _signer_field(text)
    return signer.model_copy(update={"name": field.name}) if field.name else signer


def _signer_field(text: str) -> Signer:
    """A web page that lists a document's fields names its signer in one of them ("Người ký văn
    bản:" / "Lã Quang Thức", "| Người ký: | Phạm Ngọc Thưởng |", "Người ký Nguyễn Văn Hùng");
    a body there ("Người ký: Ủy ban nhân dân xã …", a stamp) is no signer."""
    m = rx().signer_field.search(text)
    if m is None or rx().body.match(m.group(1)) or rx().position.match(unaccent(m.group(1))):
        return Signer()
    return Signer(name=m.group(1))


def _signed_mark(text: str, end: int) -> Signer:
    """A web copy without "Nơi nhận:" nor a capacity marks the signature with "(Đã ký)"
    between the position and the name ("Chủ tịch (Đã ký)" / "Trịnh Trọng Quyền"): the
    position ends the mark's line (or is the line before it), the name opens what follows."""
    m = None
    for m in rx().signed_mark.finditer(text, 0, end):
        pass
    if m is None:
        return Signer()
    line_start = text.rfind("\n", 0, m.start()) + 1
    before = text[line_start:m.start()].strip() or text[:line_start].rstrip("\n").rsplit("\n", 1)[-1].strip()
    position, alone = _position_in(before)
    if not alone:
        return Signer()
    name = SIGNED_NAME.match(text, m.end())
    return Signer(position=position, name=name.group(1) if name else None)


# the name after "(Đã ký)", up to the end of its line or to the page's next words ("… Quyền Tải file")
SIGNED_NAME = regex.compile(r"\s*(\p{Lu}\p{Ll}+(?:[ ]\p{Lu}\p{Ll}+){1,4})(?=[ \t]*$|[ ]\p{Lu}\p{Ll}*[ ]\p{Ll})", regex.M)


def _last_capacity_line(text: str, end: int) -> int | None:
    r = rx()
    found = None
    for pos, line in lines(text, 0, end):
        # a table row exported with its cells joined: "- Như Điều 3; | TM. ỦY BAN NHÂN DÂN |"
        if any(r.capacity.match(c.strip()) for c in CELL_SPLIT.split(line)):
            found = pos
    return found


def _split_block(text: str, start: int, end: int, max_lines: int = 40) -> tuple[list[str], list[str]]:
    """(recipient items, signature pieces) of the lines from ``start``."""
    recipients: list[str] = []
    pieces: list[str] = []
    abbrevs = vocab().position_abbrevs
    for _pos, line in islice(lines(text, start, end), max_lines):
        line = FOOTNOTE_TAIL.sub("", line)
        line = rx().position_abbrev.sub(lambda m: abbrevs[m.group(1)].upper() + " ", line)
        line = rx().stamp_line.sub("", line)  # a digital-signature stamp names the signing body, not the signer
        line = TYPIST_NOISE.sub("", line)
        if not line.strip():
            continue
        cells = [c for c in CELL_SPLIT.split(line) if c.strip()]
        if _has_name(pieces) and not any(c.strip().startswith("-") for c in cells) or _ends_block(line):
            break
        for cell in cells:
            _read_cell(cell, recipients, pieces)
    return [r for r in (clean_item(x) for x in recipients) if r], pieces


def _read_cell(cell: str, recipients: list[str], pieces: list[str]) -> None:
    items, sig = _split_cell(cell.strip(), bool(recipients))
    if items and recipients and not items[0][1]:
        recipients[-1] += " " + items[0][0]  # continuation of a wrapped item
        items = items[1:]
    recipients.extend(i for i, _ in items)
    pieces.extend(sig)


def _has_name(pieces: list[str]) -> bool:
    """A person's name is among the signature pieces read so far (the block ends after it)."""
    return any(_split_caps_name(_strip_capacity(p)[1])[1] is not None for p in pieces)


def _ends_block(line: str) -> bool:
    """An appendix heading, a numbered line or a prose paragraph: the block is over
    (a scan may lose the signer's lines, then nothing else stops the reading)."""
    s = line.strip()
    if appendix_heading().match(s) or regex.match(r"^(?:[IVX]+|\d{1,2})[.)]\s|^[a-zđ]\)\s", s):
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
    r = rx()
    s = s.strip()
    if r.capacity.match(s):
        return True
    caps, name = _split_caps_name(s)
    return bool(name) or (bool(caps) and caps == s and is_caps(s))


def _strip_capacity(piece: str) -> tuple[str | None, str]:
    m = rx().capacity.match(piece.strip())
    if not m:
        return None, piece.strip()
    return m.group(1) + ".", m.group(2).strip()


# what a typist or a web export leaves in the block: the document's file path ("- Lưu: VT, NCTH.HH
# d:\\2011\\CV\\SVH\\…"), a stray separator after the name ("Trần Thành Lập ;")
TYPIST_NOISE = regex.compile(r"\s+[A-Za-z]:\\\S.*$|\s+[;,]\s*$")
# a page footnote that a PDF text layer glues after the signer's name ("Trần Hữu Tuấn 1 Gồm: Sở …")
FOOTNOTE_TAIL = regex.compile(r"(?<=\p{Ll})\s+\d{1,2}\s+\p{Lu}.*$")


def _split_caps_name(s: str) -> tuple[str, str | None]:
    """'CHỦ TỊCH Nguyễn Ngọc Hai' -> ('CHỦ TỊCH', 'Nguyễn Ngọc Hai')."""
    s = regex.sub(r"\([^)]*\)", " ", s).strip()  # "(Đã ký)", "(ký, đóng dấu)"
    s = FOOTNOTE_TAIL.sub("", s)
    words = s.split()
    i = 0
    while i < len(words) and (is_caps(words[i]) or words[i] == "-"):
        i += 1
    caps, rest = " ".join(words[:i]), " ".join(words[i:])
    m = TRAILING_NAME_RE.search(rest)
    if m and not rx().position.fullmatch(unaccent(m.group(0))):
        return caps, m.group(0)
    return caps, None


def _signer(pieces: list[str]) -> Signer:
    """Capacity (the signer's own: the first marker after a collective "TM.", so
    "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH" is KT. and "TL. CHỦ TỊCH / KT. CHÁNH VĂN
    PHÒNG" is TL.; "TM." alone stays), position (the last position named: the one under
    "KT. CHỦ TỊCH" is the signer's own; a line that is only a position wins over one
    naming another body, "PHÓ TRƯỞNG BAN / PHÓ CHỦ TỊCH UBND TỈNH") and name (the
    last person name)."""
    signer = Signer()
    collective = vocab().collective_capacities
    bare_position = None
    # one cell may hold the whole block: "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn An"
    for piece in (part for p in pieces for part in rx().capacity_inside.split(p)):
        cap, rest = _strip_capacity(piece)
        if cap and (signer.capacity is None or signer.capacity in collective):
            signer.capacity = cap
        caps, name = _split_caps_name(rest)
        position, alone = _position_in(caps)
        signer.position = position or signer.position
        bare_position = position if alone else bare_position
        signer.name = name or signer.name
    signer.position = bare_position or signer.position
    return signer


def _position_in(caps: str) -> tuple[str | None, bool]:
    """The last position a caps line names, and whether the line is that position alone."""
    r = rx()
    found = list(r.position.finditer(unaccent(caps)))
    if not found:
        return None, False
    proper = r.positions
    line = unaccent(caps).strip()
    if len(found) > 1 and regex.fullmatch(r"(?:\s*,\s*)?".join(regex.escape(m.group(0)) for m in found), line):
        # one person holding two offices: "BỘ TRƯỞNG, CHỦ NHIỆM" -> "Bộ trưởng, Chủ nhiệm"
        return ", ".join(proper.get(fold_phrase(m.group(0)), m.group(0)) for m in found), True
    last = max(found, key=lambda m: (m.end(), len(m.group(0))))
    return proper.get(fold_phrase(last.group(0)), last.group(0)), last.group(0) == line
