"""Old Word (.doc), OpenDocument (.odt) and RTF files, through LibreOffice.

LibreOffice (headless) converts the file to .docx inside a temporary directory,
which is always removed, and the .docx reader does the rest, so tables and
page breaks are read the same way as in a Word file. Each conversion uses its
own LibreOffice profile in that directory: two conversions at once (a batch
with several workers) would otherwise fight over the user's profile lock.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from ..document import Document
from ..errors import MissingTool, UnreadableInput
from .docx import read_docx

CONVERT_TIMEOUT = 180  # seconds; a first start of LibreOffice with a fresh profile takes a few
PACKAGE = "libreoffice-writer-nogui"


def find_soffice() -> str:
    """Path of LibreOffice's ``soffice``, or MissingTool naming the Debian package."""
    for name in ("soffice", "libreoffice"):
        exe = shutil.which(name)
        if exe:
            return exe
    raise MissingTool(f"reading .doc/.odt/.rtf files needs LibreOffice; install the Debian package "
                      f"{PACKAGE} (apt-get install {PACKAGE}), or save the file as .docx")


def _run(cmd: list[str], timeout: int) -> subprocess.CompletedProcess:
    """Run LibreOffice in its own process group so a timeout kills all of its processes."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def convert_to_docx(path: Path, data: bytes, fmt: str, *, timeout: int = CONVERT_TIMEOUT) -> bytes:
    """The bytes of a .docx that LibreOffice made from ``data``; nothing is left on disk."""
    exe = find_soffice()
    with tempfile.TemporaryDirectory(prefix="report-parser-office-") as tmp:
        tmpdir = Path(tmp)
        src = tmpdir / f"input.{fmt}"
        src.write_bytes(data)
        cmd = [exe, f"-env:UserInstallation={(tmpdir / 'profile').as_uri()}", "--headless",
               "--norestore", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmpdir / "out"),
               str(src)]
        try:
            r = _run(cmd, timeout)
        except subprocess.TimeoutExpired:
            raise UnreadableInput(f"{path}: LibreOffice did not convert the file within {timeout} s") from None
        out = tmpdir / "out" / "input.docx"
        if not out.is_file():
            msg = (r.stderr or r.stdout).decode("utf-8", "replace").strip().splitlines()
            why = msg[-1] if msg else f"exit code {r.returncode}"
            raise UnreadableInput(f"{path}: LibreOffice could not convert the .{fmt} file ({why})")
        return out.read_bytes()


def read_office(path: Path, data: bytes, sha: str, fmt: str) -> Document:
    doc = read_docx(path, convert_to_docx(path, data, fmt), sha)
    doc.format = fmt
    doc.size = len(data)
    return doc
