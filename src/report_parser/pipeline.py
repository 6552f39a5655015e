"""The one-way pipeline: ingest -> normalize -> structure -> extract -> checks -> Report.

The patterns (ours merged with the district's overlay) are one
:class:`~report_parser.patterns.Patterns` object, given to :func:`parse` or made
from the environment; it is the active one for every stage of that parse.
"""
from __future__ import annotations

from pathlib import Path

from . import normalize, structure
from .errors import NotAReport, UnreadableInput
from .extract import Context
from .ingest import read
from .models import Report, Source
from .options import OcrMode, ocr_workers_of
from .patterns import Patterns, PatternError, using
from .textsafe import printable


def build_context(path: str | Path, *, ocr: OcrMode | str = OcrMode.auto, ocr_workers: int | None = None,
                  patterns: Patterns | None = None) -> Context:
    with using(patterns) as p:
        doc = read(path, ocr=ocr, ocr_workers=ocr_workers)
        normalize.repair(doc)
        return Context(doc, structure.analyse(doc), patterns=p)


def parse(path: str | Path, *, ocr: OcrMode | str = OcrMode.auto, ocr_workers: int | None = None,
          require_report: bool = True, patterns: Patterns | None = None) -> Report:
    """Parse one report file into the contract's :class:`Report`.

    ``ocr`` is an :class:`~report_parser.options.OcrMode` or its name; ``ocr_workers``
    how many Tesseract processes this document may use at once (None: every CPU).
    An invalid option raises :class:`~report_parser.errors.UsageError`. ``patterns``:
    the vocabulary to use (default: ours plus ``REPORT_PARSER_PATTERNS``, made once).

    Raises :class:`~report_parser.errors.UnreadableInput` for a file that cannot
    be read (or whose text is so long and repetitive that a guarded pattern search
    times out) and :class:`~report_parser.errors.NotAReport` when the text holds
    no report structure.
    """
    return parse_with_context(path, ocr=ocr, ocr_workers=ocr_workers, require_report=require_report,
                              patterns=patterns)[0]


def parse_with_context(path: str | Path, *, ocr: OcrMode | str = OcrMode.auto, ocr_workers: int | None = None,
                       require_report: bool = True, patterns: Patterns | None = None) -> tuple[Report, Context]:
    """:func:`parse`, also giving the read document (the review page draws its marks with it)."""
    ocr, ocr_workers = OcrMode.of(ocr), ocr_workers_of(ocr_workers)
    try:
        with using(patterns):
            return _parse(path, ocr, ocr_workers, require_report)
    except TimeoutError:  # the regex ``timeout=`` guard against pathological text
        raise UnreadableInput(f"{path}: the text is too long or too repetitive to parse in time "
                              "(a pattern search timed out); split the file") from None


def _parse(path: str | Path, ocr: OcrMode, ocr_workers: int | None,
           require_report: bool) -> tuple[Report, Context]:
    from .checks import run_checks
    from .extract import figures, indicators, metadata, references, tables

    ctx = build_context(path, ocr=ocr, ocr_workers=ocr_workers)
    doc = ctx.doc
    meta = metadata.extract(ctx)
    refs = references.extract(ctx, meta)
    tbls = tables.extract(ctx)
    figs = figures.extract(ctx)
    inds = indicators.extract(ctx, tbls, meta.issuer.level, parts=meta.type is not None,  # parts: a report's
                              period=meta.period)
    source = Source(path=printable(path),  # a name that is not UTF-8 still makes valid JSON
                    sha256=doc.sha256, format=doc.format, pages=doc.page_count,
                    ocr=bool(doc.ocr_pages), repairs=doc.repairs, size=doc.size,
                    ocr_pages=doc.ocr_pages,
                    ocr_confidence={str(k): round(v, 1) for k, v in doc.ocr_confidence.items()},
                    warnings=doc.warnings)
    report = Report(source=source, report=meta, references=refs, indicators=inds,
                    tables=tbls, figures=figs)
    report.checks = run_checks(report)
    if require_report and not looks_like_report(report, ctx):
        raise NotAReport(f"{path}: no report structure found (no document type, number, date or title, "
                         "no body sentence where the issuer reports, no sections citing documents) - "
                         "is this a report? (--lenient writes the JSON anyway)")
    return report, ctx


def looks_like_report(report: Report, ctx: Context) -> bool:
    """A report: a body sentence where the issuing body reports ("UBND xã Nga Phú báo cáo
    …"), or sections with cited documents, or two signs of an official document (type,
    number, date, issuer, title, sections, cited documents, signer). A news item about a
    meeting has none of these."""
    if ctx.cache.get("issuer_reports"):
        return True
    if ctx.structure.sections and report.references:
        return True
    m = report.report
    signals = sum([
        bool(m.type), bool(m.symbol or m.number), bool(m.date), bool(m.issuer.name),
        bool(m.title), len(ctx.structure.sections) >= 2, len(report.references) >= 1,
        bool(m.signer.name),
    ])
    return signals >= 2


def check_patterns(patterns: Patterns | None = None, *, more: tuple = ()) -> Patterns:
    """Load and validate every patterns file of ``patterns`` now (default: the active
    object), ours and the district's overlay, and build what is compiled from them (the
    regexes, and spaCy's matchers when the overlay has token patterns).

    The command line calls this once at load (with ``more``: the loaders of the layers
    above, the spreadsheet's words), so a broken file in the district's overlay is one
    clear error (exit 2) instead of one failure per report.
    Raises :class:`~report_parser.patterns.PatternError`; returns the checked object.
    """
    from . import catalogue, levels, normalize, ocr_repair, periods, places, structure_words
    from .checks import rules
    from .extract import (fields, indicators, metadata, numbers, references_grammar, scope, table_cells,
                          table_indicators, table_text)
    from .extract.metadata.vocab import rx

    with using(patterns) as p:
        for load in (references_grammar.grammar, metadata.vocab, rx, numbers._vocab, indicators.compiled,
                     scope.compiled, fields._vocabulary, table_cells.vocab, table_indicators._spec,
                     table_indicators._label_rewrites, table_indicators._short_label_not, table_text._regexes,
                     rules.load, ocr_repair._lexicon, catalogue.load, levels.tiers, periods.bounds, structure._form,
                     structure._abbrev, structure_words.part_heading, structure_words.numbered_block,
                     structure_words.appendix_heading, structure_words.appendix_start, structure_words.weak_heading,
                     numbers._running, normalize._marker, places._prefix, *more):
            load()
        if any((d / "fields.jsonl").is_file() for d in p.overlay):
            fields._matchers()  # spaCy validates token patterns (its import costs ~1 s: only for an overlay)
        known = {name for name, _ in p._valid}
        unknown = sorted({f.name for d in p.overlay for f in d.iterdir() if f.suffix in (".yaml", ".jsonl")} - known)
        if unknown:
            raise PatternError(f"{p.overlay[0]}: patterns file(s) {', '.join(unknown)} are not ours "
                               f"(known: {', '.join(sorted(known))}); misspelt?")
    return p
