"""The dev phrasebook (real paragraphs of commune, district and provincial texts with the
indicators they state) scored by ``../shared/eval/phrasebook.py`` against floors, and the
commune reports' text indicators against theirs: a change that loses wordings fails here."""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT, SHARED, needs_shared

# raise these as the extractor improves; never lower them to let a change through
PHRASEBOOK_FLOORS = {"ind_recall": 0.65, "ind_precision": 0.66}


@needs_shared
def test_dev_phrasebook_stays_above_its_floors():
    cmd = [sys.executable, str(SHARED / "eval" / "phrasebook.py"), str(SHARED / "phrasebook" / "dev.jsonl"),
           "--python", sys.executable, "--show", "0"]
    for name, floor in PHRASEBOOK_FLOORS.items():
        cmd += ["--min", f"{name}={floor}"]
    run = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
