"""Reports built directly from the contract models, for store and aggregation tests that must
not depend on the extractors."""
from __future__ import annotations

import datetime as dt
import hashlib

from report_parser.models import (Check, FormRow, FormTable, Indicator, Issuer, Mention, Period, Reference,
                                  Report, ReportMeta, Source)


def make_report(unit: str, district: str, province: str, *, date: str = "2022-06-13", kind: str = "H1",
                year: int = 2022, number: str = "165", values: dict | None = None,
                fields: dict | None = None, table_values: dict | None = None, refs: list | None = None,
                checks: list | None = None, salt: str = "") -> Report:
    """A commune's report: ``values`` code -> value (text), ``fields`` field -> code -> value,
    ``table_values`` code -> value (from a form), ``refs`` (type, symbol, date, issuer) tuples."""
    sha = hashlib.sha256(f"{unit}|{district}|{date}|{number}|{salt}".encode()).hexdigest()
    inds = [Indicator(code=c, value=v, source="text") for c, v in (values or {}).items()]
    inds += [Indicator(code=c, value=v, dimension={"field": f}, source="text")
             for f, vals in (fields or {}).items() for c, v in vals.items()]
    inds += [Indicator(code=c, value=v, source="table", table=f"3/{c}") for c, v in (table_values or {}).items()]
    references = [Reference(type=t, number=s.split("/")[0], symbol=s, date=dt.date.fromisoformat(d) if d else None,
                            issuer=i, mentions=[Mention(page=1, start=0, end=10, text=f"{t} số {s}")])
                  for t, s, d, i in (refs or [])]
    return Report(
        source=Source(path=f"/in/{unit}-{date}-{number}{salt}.docx", sha256=sha, format="docx", pages=3, size=1000),
        report=ReportMeta(type="Báo cáo", number=number, symbol=f"{number}/BC-UBND", date=dt.date.fromisoformat(date),
                          issuer=Issuer(name=f"Ủy ban nhân dân xã {unit}", level="xã", unit=unit, district=district,
                                        province=province),
                          period=Period(year=year, kind=kind, label="6 tháng đầu năm 2022")),
        indicators=inds, references=references,
        tables=[FormTable(form="3", title="Cải cách thủ tục hành chính", page=2, rows=[
            FormRow(code="3.3.1", label="Tổng số hồ sơ TTHC đã giải quyết xong", unit="Hồ sơ",
                    value=(values or {}).get("dossiers.resolved"), raw="x"),
            FormRow(code="3.3", label="Tỷ lệ hồ sơ giải quyết đúng hạn", unit="%",
                    value=(values or {}).get("dossiers.on_time_rate"), raw="x")])],
        checks=[Check(rule=r, severity=s, message=m, indicators=["dossiers.received"]) for r, s, m in (checks or [])],
    )


COMMUNES = ["Lê Hồng", "Tứ Cường", "Ngô Quyền", "Đoàn Tùng", "Hồng Quang", "Tân Trào", "Lam Sơn", "Đoàn Kết"]


def fake_parse(path):
    """A stand-in parser for batch tests, run inside the worker processes: files named
    '*slow*' hang, '*crash*' kill their process, '*bad*' are unreadable; any other file
    becomes a report of a Thanh Miện commune chosen by its first byte."""
    import hashlib
    import os
    import time
    from pathlib import Path

    from report_parser.errors import UnreadableInput

    path = Path(path)
    if "slow" in path.name:
        time.sleep(600)
    if "crash" in path.name:
        os._exit(3)
    if "bad" in path.name:
        raise UnreadableInput(f"{path}: not a report file")
    data = path.read_bytes()
    report = make_report(COMMUNES[data[0] % len(COMMUNES)], "Thanh Miện", "Hải Dương",
                         values={"dossiers.received": len(data)}, salt=path.name)
    report.source.sha256 = hashlib.sha256(data).hexdigest()
    report.source.path = str(path)
    return report
