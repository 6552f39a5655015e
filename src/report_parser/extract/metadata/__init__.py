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
badly ("UBND TỈNH VNHLONG"), see :func:`places.official_name`.

A draft leaves its number blank ("Số: /BC-SNV"): ``number`` and ``symbol`` are
then None and ``symbol_printed`` keeps the printed part ("/BC-SNV"), which still
says the type (BC) and the issuer code (SNV). A blank day or month ("ngày    tháng    năm 2026")
gives ``date`` None.

All vocabulary (type names and codes, levels, positions, period phrasings) is
data in ``patterns/metadata.yaml``.

One module per job: :mod:`.header` (the organisation lines), :mod:`.title`
(type and title), :mod:`.number_date`, :mod:`.issuer` (issuer and places),
:mod:`.period`, :mod:`.signature` (signer and recipients); :mod:`.vocab` holds the
vocabulary and shared helpers.
"""
from __future__ import annotations

from itertools import islice

from ...models import ReportMeta
from ...structure import lines
from ...vietnamese import fold_phrase
from .. import Context
from .issuer import complete_issuer_from_body, issuer_from_header
from .number_date import appendix_line, number_from, place_date_from, written_month
from .period import period_bounds, read_period
from .signature import read_signature
from .title import caps_title_after_date, find_type_line, headline, read_title, subject_line, type_from_symbol
from .vocab import MetadataPatterns, rx, vocab

__all__ = ["MetadataPatterns", "extract", "find_type_line", "period_bounds", "read_period", "read_signature",
           "read_title", "type_from_symbol", "vocab"]


def extract(ctx: Context) -> ReportMeta:
    """Fill the contract's ``report`` object from the header, title, appendix
    line, body and signature block; every field is None when the document does
    not state it."""
    text = ctx.text
    meta = ReportMeta()
    type_line = find_type_line(text)
    head_end = type_line[0] if type_line else _headless_end(text)
    header = text[:head_end]
    if type_line:
        meta.type = type_line[2]
    number_from(header, meta)
    place_date_from(header, meta)
    subject = subject_line(header)
    if type_line:
        title_text, after = read_title(text, type_line[1])
        meta.title = title_text or subject
    else:
        after = _title_without_type_line(text, header, head_end, subject, meta)
    appendix_line(ctx, meta)
    if meta.type is None and meta.symbol_printed:
        meta.type = type_from_symbol(meta.symbol_printed)
    meta.period = read_period(text, after, meta, _intro_end(ctx, after), written_month(header))
    meta.issuer = issuer_from_header(header, text)
    complete_issuer_from_body(ctx, meta.issuer, head_end, meta.date or meta.period.end or written_month(header),
                              named=(meta.place, meta.title))
    if meta.type is None:  # a body-only text: "UBND xã … báo cáo …" is a Báo cáo
        meta.type = vocab().verb_types.get(fold_phrase(ctx.cache.get("issuer_reports") or ""))
    meta.signer, meta.recipients = read_signature(ctx)
    return meta


def _title_without_type_line(text: str, header: str, head_end: int, subject: str | None,
                             meta: ReportMeta) -> int:
    """Title (and type) of a document without a type line: an official letter's subject, the
    caps line under a web copy's date line, a web page's headline, or none; returns where
    the body starts (the top when nothing names a title)."""
    meta.title, after = subject, head_end if subject else 0
    if subject:
        return after
    if caps := caps_title_after_date(header):
        meta.title, after = caps
    elif line := headline(text):
        meta.type, meta.title, after = line
    return after


def _intro_end(ctx: Context, after: int) -> int:
    """End of the opening paragraph(s): the first section heading after the title."""
    starts = [s.start for s in ctx.structure.sections if s.start > after]
    return min(starts, default=min(len(ctx.text), after + 3000))


def _headless_end(text: str, max_lines: int = 15) -> int:
    """End of the header of a document without a title line (an official letter): the
    first line that opens the body ("Thực hiện …"; not "Kính gửi:", which a scan may
    read before the place and date), else ``max_lines`` lines. A law site's block of
    fields above the document ("Thông tin văn bản", "Số hiệu văn bản: …", "Ngày hết hiệu
    lực: …") may push the header further down: then the header runs on from the motto."""
    found = _first_opener(text, 0, max_lines)
    if found is not None:
        return found
    motto = _motto_line(text)
    if motto is not None and motto > _nth_line_end(text, max_lines // 2):
        found = _first_opener(text, motto, max_lines)
        return found if found is not None else min(len(text), motto + _nth_line_end(text[motto:], max_lines))
    return min(len(text), _nth_line_end(text, max_lines))


def _first_opener(text: str, start: int, max_lines: int) -> int | None:
    opener = rx().opener_start
    addressee = tuple(vocab().addressee_heading)
    for pos, line in islice(lines(text, start), max_lines):
        s = line.strip()
        if opener.match(s) and not s.startswith(addressee):
            return pos
    return None


def _motto_line(text: str, max_lines: int = 60) -> int | None:
    """Where the national motto's line is among the first lines, or None."""
    motto = [fold_phrase(m)[:14] for m in vocab().motto]
    for pos, line in islice(lines(text), max_lines):
        if any(m in fold_phrase(line) for m in motto):
            return pos
    return None



def _nth_line_end(text: str, n: int) -> int:
    pos = -1
    for _ in range(n):
        pos = text.find("\n", pos + 1)
        if pos < 0:
            return len(text)
    return pos
