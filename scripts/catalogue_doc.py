"""Write docs/catalogue.md from patterns/catalogue.yaml (tests/test_catalogue.py keeps it current)."""
from __future__ import annotations

from pathlib import Path

from report_parser import catalogue

if __name__ == "__main__":
    out = Path(__file__).resolve().parents[1] / "docs" / "catalogue.md"
    out.write_text(catalogue.markdown(), encoding="utf-8")
    print(out)
