"""What a batch's fork server does once before it forks its workers.

:mod:`.batch` starts its workers from a fork server that imports this module, so
every worker (and every worker restarted after a crash or a timeout) begins with the
readers' libraries imported and the default patterns read, validated and compiled,
instead of paying that start-up (about a second of CPU) again for its first file.
"""
from __future__ import annotations


def warm() -> None:
    """Import the pipeline and the readers, and build the default patterns' compiled data."""
    from . import models, pipeline, patterns  # noqa: F401
    from .ingest import docx, pdf, pdf_chars, pdf_grid, pdf_ruling, pdf_tables, txt  # noqa: F401

    pipeline.check_patterns(patterns.default())


try:
    warm()
except Exception:  # noqa: BLE001 - a broken overlay: each worker reports it on its own file
    pass
