"""What a batch's fork server does once before it forks its workers.

:mod:`.batch` starts its workers from a fork server that imports this module, so
every worker (and every worker restarted after a crash or a timeout) begins with the
readers' libraries imported, the default patterns read, validated and compiled (taken
from :mod:`.pattern_cache` when an earlier run left them there), and the commune
resolver of the store (``vietnamadminunits``' address parser, 0.4 s to import) ready,
instead of paying that start-up (about a second of CPU) again for its first file.
The batch starts the server before it checks its own arguments, so this runs while
the parent does.
"""
from __future__ import annotations


def warm() -> None:
    """Import the pipeline, the readers and the commune resolver (:func:`.store.prepare` runs in each
    worker), and build the default patterns' compiled data."""
    from . import commune_cache, models, pattern_cache, pipeline, patterns, places, store  # noqa: F401
    from .ingest import docx, pdf, pdf_chars, pdf_grid, pdf_ruling, pdf_tables, txt  # noqa: F401

    p = patterns.default()
    restored = pattern_cache.restore(p)
    pipeline.check_patterns(p)
    pattern_cache.save(p, restored)
    commune_cache.load()
    places.read_tables()
    import docx as python_docx  # noqa: F401  (the .docx reader's library)


try:
    warm()
except Exception:  # noqa: BLE001 - a broken overlay: each worker reports it on its own file
    pass
