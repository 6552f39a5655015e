"""Builders of hostile input files, each generated in a few milliseconds (nothing is committed).

The bombs are small on disk and huge once opened: a PNG whose header promises
20000 x 20000 pixels, a DOCX whose document.xml unpacks to 60 MB of spaces, a
200 x 200-inch PDF page, a 500-frame TIFF, a 2000-page PDF.
"""
from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_TXT = ROOT / "samples" / "le-hong-2022-h1.txt"
SAMPLE_DOCX = ROOT / "samples" / "le-hong-2022-h1.docx"


def png_header(path: Path, width: int, height: int) -> Path:
    """A PNG that declares ``width`` x ``height`` grey pixels but holds one row (a decompression bomb's header)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" + b"\xff" * min(width, 4096))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b""))
    return path


def tiff_frames(path: Path, frames: int) -> Path:
    """A multi-page TIFF of ``frames`` small white pages."""
    from PIL import Image

    pages = [Image.new("L", (16, 16), 255) for _ in range(frames)]
    pages[0].save(path, save_all=True, append_images=pages[1:])
    return path


def pdf_pages(path: Path, pages: int, width_pt: float = 595, height_pt: float = 842, *,
              scanned: bool = False) -> Path:
    """A PDF of ``pages`` pages without a text layer; ``scanned``: each covered by a (tiny) picture,
    as a scanner makes them, so that every page goes to OCR."""
    import pypdfium2 as pdfium
    from PIL import Image

    pdf = pdfium.PdfDocument.new()
    picture = pdfium.PdfBitmap.from_pil(Image.new("L", (8, 8), 230))
    for _ in range(pages):
        page = pdf.new_page(width_pt, height_pt)
        if scanned:
            img = pdfium.PdfImage.new(pdf)
            img.set_bitmap(picture)
            img.set_matrix(pdfium.PdfMatrix().scale(width_pt, height_pt))
            page.insert_obj(img)
            page.gen_content()
        page.close()
    pdf.save(path)
    pdf.close()
    return path


def docx_bomb(path: Path, xml_bytes: int) -> Path:
    """The sample .docx with a document.xml that unpacks to ``xml_bytes`` (compressed ~1000x)."""
    with zipfile.ZipFile(SAMPLE_DOCX) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename != "word/document.xml":
                dst.writestr(item, src.read(item))
        with dst.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                    b'wordprocessingml/2006/main"><w:body>')
            chunk = b" " * 1_000_000
            for _ in range(xml_bytes // len(chunk)):
                f.write(chunk)
            f.write(b"</w:body></w:document>")
    return path


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def symlink(path: Path, target: str) -> Path:
    path.symlink_to(target)
    return path


def sample_copy(path: Path, extra: str = "") -> Path:
    """The sample report as text, with ``extra`` appended (a different sha256 per copy)."""
    path.write_bytes(SAMPLE_TXT.read_bytes() + extra.encode("utf-8"))
    return path


def text_of(path: Path, size: int) -> Path:
    """A .txt of ``size`` bytes of plain prose."""
    line = b"Ket qua thuc hien cong tac cai cach hanh chinh trong ky bao cao cua xa.\n"
    with path.open("wb") as f:
        for _ in range(size // len(line)):
            f.write(line)
    return path


def units_csv(path: Path, rows: int, cell: str = "Thanh Miện") -> Path:
    buf = io.StringIO()
    buf.write("code,name,cum\n")
    for i in range(rows):
        buf.write(f"{i},Xã {i},{cell}\n")
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def corrupt_store(path: Path) -> Path:
    """A store whose pages (all but the header page) are scribbled over, as a failing disk leaves it."""
    from report_parser.store import open_store

    db = open_store(path)
    with db.transaction():
        db.execute("CREATE TABLE filler (x TEXT)")
        db.executemany("INSERT INTO filler VALUES (?)", [("x" * 500,) for _ in range(200)])
    db.close()
    data = bytearray(path.read_bytes())
    for i in range(4096 + 50, len(data), 97):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    return path
