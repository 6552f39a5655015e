"""The one-way pipeline: ingest -> normalize -> structure -> extract -> checks -> Report."""
from __future__ import annotations

from pathlib import Path

from . import normalize, structure
from .errors import NotAReport, UnreadableInput
from .extract import Context
from .ingest import read
from .models import Report, Source
from .options import OcrMode, ocr_workers_of


def build_context(path: str | Path, *, ocr: OcrMode | str = OcrMode.auto, ocr_workers: int | None = None) -> Context:
    doc = read(path, ocr=ocr, ocr_workers=ocr_workers)
    normalize.repair(doc)
    return Context(doc, structure.analyse(doc))


def parse(path: str | Path, *, ocr: OcrMode | str = OcrMode.auto, ocr_workers: int | None = None,
          require_report: bool = True) -> Report:
    """Parse one report file into the contract's :class:`Report`.

    ``ocr`` is an :class:`~report_parser.options.OcrMode` or its name; ``ocr_workers``
    how many Tesseract processes this document may use at once (None: every CPU).
    An invalid option raises :class:`~report_parser.errors.UsageError`.

    Raises :class:`~report_parser.errors.UnreadableInput` for a file that cannot
    be read (or whose text is so long and repetitive that a guarded pattern search
    times out) and :class:`~report_parser.errors.NotAReport` when the text holds
    no report structure.
    """
    ocr, ocr_workers = OcrMode.of(ocr), ocr_workers_of(ocr_workers)
    try:
        return _parse(path, ocr, ocr_workers, require_report)
    except TimeoutError:  # the regex ``timeout=`` guard against pathological text
        raise UnreadableInput(f"{path}: the text is too long or too repetitive to parse in time "
                              "(a pattern search timed out); split the file") from None


def _parse(path: str | Path, ocr: OcrMode, ocr_workers: int | None, require_report: bool) -> Report:
    from .checks import run_checks
    from .extract import figures, indicators, metadata, references, tables

    ctx = build_context(path, ocr=ocr, ocr_workers=ocr_workers)
    doc = ctx.doc
    meta = metadata.extract(ctx)
    refs = references.extract(ctx, meta)
    tbls = tables.extract(ctx)
    figs = figures.extract(ctx)
    inds = indicators.extract(ctx, tbls, meta.issuer.level)
    source = Source(path=str(path), sha256=doc.sha256, format=doc.format, pages=doc.page_count,
                    ocr=bool(doc.ocr_pages), repairs=doc.repairs, size=doc.size,
                    ocr_pages=doc.ocr_pages,
                    ocr_confidence={str(k): round(v, 1) for k, v in doc.ocr_confidence.items()},
                    warnings=doc.warnings)
    report = Report(source=source, report=meta, references=refs, indicators=inds,
                    tables=tbls, figures=figs)
    report.checks = run_checks(report)
    if require_report and not looks_like_report(report, ctx):
        raise NotAReport(f"{path}: no report structure found (no document type, number, "
                         "title, sections or cited documents) - is this a report?")
    return report


def looks_like_report(report: Report, ctx: Context) -> bool:
    m = report.report
    signals = sum([
        bool(m.type), bool(m.symbol or m.number), bool(m.date), bool(m.issuer.name),
        bool(m.title), len(ctx.structure.sections) >= 2, len(report.references) >= 1,
        bool(m.signer.name),
    ])
    return signals >= 2


def check_patterns() -> None:
    """Load and validate every patterns file now, ours and the district's overlay.

    A batch calls this once before it starts, so a broken file in
    ``REPORT_PARSER_PATTERNS`` is one clear error instead of one failure per report.
    Raises :class:`~report_parser.patterns.PatternError`.
    """
    from . import catalogue, ocr_repair
    from .checks import rules
    from .extract import (fields, indicators, metadata, numbers, references_grammar, scope, table_cells,
                          table_indicators)

    for load in (references_grammar.grammar, metadata.vocab, numbers._vocab, indicators.compiled, scope.compiled,
                 fields._vocabulary, table_cells.vocab, table_indicators._spec, rules.load,
                 ocr_repair._lexicon, catalogue.load):
        load()
