"""What a batch's fork server does once before it forks its workers.

:mod:`.batch` starts its workers from a fork server that imports this module, so
every worker (and every worker restarted after a crash or a timeout) begins with the
readers' libraries imported, the default patterns read, validated and compiled (taken
from :mod:`.pattern_cache` when an earlier run left them there), and the unit tables
and the communes earlier batches resolved loaded (:mod:`.commune_cache`), instead of
paying that start-up again for its first file. The batch starts the server before it
checks its own arguments, so this runs while the parent does.
"""
from __future__ import annotations


def warm() -> None:
    """Import the pipeline and the readers, build the default patterns' compiled data, load the
    unit tables and the known communes."""
    from . import commune_cache, models, pattern_cache, pipeline, patterns, store  # noqa: F401
    from .ingest import docx, pdf, pdf_chars, pdf_grid, pdf_ruling, pdf_tables, txt  # noqa: F401
    import docx as python_docx  # noqa: F401  (the .docx reader's library)

    p = patterns.default()
    restored = pattern_cache.restore(p)
    pipeline.check_patterns(p)
    pattern_cache.save(p, restored)
    commune_cache.load()


try:
    warm()
except Exception:  # noqa: BLE001 - a broken overlay: each worker reports it on its own file
    pass
