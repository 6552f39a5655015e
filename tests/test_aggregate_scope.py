"""A part's figures (dimension.scope) in the district's tables: never summed as the body's
own, listed as stated on their own sheet (issue 12)."""
from __future__ import annotations

from report_parser.aggregate import aggregate
from report_parser.models import Indicator
from report_parser.store import import_report, open_store
from report_factory import make_report


def test_a_parts_figures_are_listed_apart_and_never_summed(tmp_path):
    conn = open_store(tmp_path / "district.sqlite")
    rep = make_report("Lê Hồng", "Thanh Miện", "Hải Dương", values={"dossiers.resolved": 1221})
    # Lâm Đồng's report: "do các sở, ngành tiếp nhận ... 125.712 hồ sơ" is a part of the province
    rep.indicators += [Indicator(code="dossiers.resolved", value=125712, dimension={"scope": "các sở, ngành"},
                                 source="table", table="3/3.1.1"),
                       Indicator(code="dossiers.received", value=14, dimension={"scope": "mô hình thí điểm"})]
    import_report(conn, rep)
    other = make_report("Tứ Cường", "Thanh Miện", "Hải Dương", values={"dossiers.resolved": 100})
    import_report(conn, other)
    agg = aggregate(conn, by="district")
    conn.close()
    summary = {row[1]: row for row in agg.sheets[0].rows}
    assert summary["dossiers.resolved"][4:] == [1321, 1321]
    assert "dossiers.received" not in summary
    names = [s.name for s in agg.sheets]
    assert names[4] == "Phạm vi"
    parts = agg.sheets[4]
    assert [(r[1], r[3], r[5], r[7]) for r in parts.rows] == [
        ("Lê Hồng", "các sở, ngành", "dossiers.resolved", 125712), ("Lê Hồng", "mô hình thí điểm", "dossiers.received", 14)]
