"""Old Word and OpenDocument files through LibreOffice: same report as the .docx, nothing left behind."""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from report_parser.errors import MissingTool, UnreadableInput
from report_parser.ingest import office, read

from conftest import SAMPLE_DOCX, needs_soffice

pytestmark = pytest.mark.libreoffice


def _convert_sample(tmp: Path, fmt: str) -> Path:
    """The sample .docx saved as ``fmt`` by LibreOffice.

    python-docx ends the sample's body with a table; Word always writes a
    paragraph after the last table, and LibreOffice's .doc export flattens a
    table that ends the document, so that paragraph is added first, as Word has it.
    """
    import docx

    d = docx.Document(str(SAMPLE_DOCX))
    d.add_paragraph()
    src = tmp / "le-hong-2022-h1.docx"
    d.save(str(src))
    profile = (tmp / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", fmt,
                    "--outdir", str(tmp / "out"), str(src)], capture_output=True, timeout=180, check=True)
    out = tmp / "out" / f"le-hong-2022-h1.{fmt}"
    assert out.is_file()
    return out


@pytest.fixture(scope="module")
def docx_report():
    from report_parser import parse

    return parse(SAMPLE_DOCX)


@pytest.mark.slow
@needs_soffice
def test_doc_made_from_the_sample_parses_like_the_docx(tmp_path, docx_report, monkeypatch):
    """(.odt and .rtf take the same conversion path; one LibreOffice round trip keeps the suite fast.)"""
    from report_parser import parse

    fmt = "doc"
    path = _convert_sample(tmp_path, fmt)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    report = parse(path)
    assert list(scratch.iterdir()) == []  # the conversion directory was removed
    assert report.source.format == fmt
    assert report.model_dump(exclude={"source"}) == docx_report.model_dump(exclude={"source"})
    assert report.report.symbol == "165/BC-UBND" and len(report.tables) == len(docx_report.tables)


def test_missing_libreoffice_names_the_package(tmp_path, monkeypatch):
    p = tmp_path / "bao-cao.doc"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    monkeypatch.setattr(office.shutil, "which", lambda name: None)
    with pytest.raises(MissingTool, match="libreoffice-writer-nogui"):
        read(p)


def test_missing_libreoffice_exits_3_with_one_line(tmp_path):
    p = tmp_path / "bao-cao.odt"
    p.write_bytes(b"PK\x03\x04" + b"mimetypeapplication/vnd.oasis.opendocument.text" + b"\0" * 64)
    r = subprocess.run([sys.executable, "-m", "report_parser", str(p)], capture_output=True, text=True,
                       timeout=60, env={**os.environ, "PATH": str(tmp_path)})
    assert r.returncode == 3
    assert "libreoffice-writer-nogui" in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


@needs_soffice
def test_conversion_timeout_is_an_unreadable_input_and_cleans_up(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with pytest.raises(UnreadableInput, match="did not convert the file within"):
        office.convert_to_docx(Path("x.doc"), SAMPLE_DOCX.read_bytes(), "docx", timeout=0.05)
    assert list(tmp_path.iterdir()) == []
