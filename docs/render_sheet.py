"""Render the first rows of one sheet of an XLSX to a PNG, as a spreadsheet program shows it.

Used for the README's picture of the "Tổng hợp" sheet: the machine that builds
the docs has LibreOffice Writer but not Calc, so the sheet is read back with
openpyxl (values and number formats as written) and drawn with Pillow.

    python docs/render_sheet.py out/district.xlsx "Tổng hợp" docs/tong-hop.png [--rows 30]
"""
from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import openpyxl
from PIL import Image, ImageDraw, ImageFont

FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"), Path("/Library/Fonts")]
HEADER_FILL, CODE_COLOR, GRID, FROZEN = (221, 235, 247), (110, 110, 110), (200, 200, 200), (90, 90, 90)


def font(name: str, size: int):
    for d in FONT_DIRS:
        if (d / name).is_file():
            return ImageFont.truetype(str(d / name), size)
    return ImageFont.load_default()


def shown(cell) -> str:
    """The cell as a spreadsheet shows it with its number format (Vietnamese-style separators)."""
    v = cell.value
    if v is None:
        return ""
    if isinstance(v, (dt.date, dt.datetime)):
        return v.strftime("%d/%m/%Y")
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        text = f"{v:,.1f}" if cell.number_format.endswith("0.0") else f"{v:,.0f}"
        return text.replace(",", " ").replace(".", ",").replace(" ", ".")
    return str(v)


def render(xlsx: Path, sheet: str, out: Path, rows: int) -> None:
    ws = openpyxl.load_workbook(xlsx)[sheet]
    regular, bold, small = font("DejaVuSans.ttf", 13), font("DejaVuSans-Bold.ttf", 13), font("DejaVuSans.ttf", 11)
    cells = [[c for c in r] for r in ws.iter_rows(min_row=1, max_row=min(ws.max_row, rows + 2))]
    ncols = max(len(r) for r in cells)
    measure = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    widths = [min(420, max(60, *(measure.textlength(shown(r[i]), font=bold if j == 0 else regular) + 16
                                 for j, r in enumerate(cells) if i < len(r)))) for i in range(ncols)]
    height = 24
    img = Image.new("RGB", (int(sum(widths)) + 1, height * len(cells) + 1), "white")
    draw = ImageDraw.Draw(img)
    for j, row in enumerate(cells):
        x, y = 0, j * height
        for i, cell in enumerate(row):
            w = widths[i]
            if j < 2:
                draw.rectangle([x, y, x + w, y + height], fill=HEADER_FILL if j == 0 else (245, 245, 245))
            draw.rectangle([x, y, x + w, y + height], outline=GRID)
            text = shown(cell)
            f, color = (bold, "black") if j == 0 else ((small, CODE_COLOR) if j == 1 else (regular, "black"))
            while text and measure.textlength(text, font=f) > w - 10:
                text = text[:-2] + "…"
            tx = x + w - 6 - measure.textlength(text, font=f) if isinstance(cell.value, (int, float)) else x + 6
            draw.text((tx, y + 4), text, font=f, fill=color)
            x += w
    draw.line([0, 2 * height, img.width, 2 * height], fill=FROZEN, width=2)   # the frozen header
    draw.line([widths[0], 0, widths[0], img.height], fill=FROZEN, width=2)    # and first column
    out.parent.mkdir(parents=True, exist_ok=True)
    img.save(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("xlsx", type=Path)
    ap.add_argument("sheet")
    ap.add_argument("png", type=Path)
    ap.add_argument("--rows", type=int, default=30)
    a = ap.parse_args()
    render(a.xlsx, a.sheet, a.png, a.rows)


if __name__ == "__main__":
    main()
