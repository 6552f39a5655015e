"""The dev phrasebook (real paragraphs of commune, district and provincial texts with the
indicators they state) scored by ``../shared/eval/phrasebook.py`` against floors, and the
commune reports' indicators in tests/test_gold_scores.py: a change that loses wordings fails."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT, SHARED, needs_shared

# raise these as the extractor improves; never lower them to let a change through
PHRASEBOOK_FLOORS = {"ind_recall": 0.92, "ind_precision": 0.955}


@needs_shared
@pytest.mark.slow
def test_dev_phrasebook_stays_above_its_floors():
    cmd = [sys.executable, str(SHARED / "eval" / "phrasebook.py"), str(SHARED / "phrasebook" / "dev.jsonl"),
           "--python", sys.executable, "--show", "0"]
    for name, floor in PHRASEBOOK_FLOORS.items():
        cmd += ["--min", f"{name}={floor}"]
    run = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stdout + run.stderr

