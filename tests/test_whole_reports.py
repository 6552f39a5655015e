"""Whole commune reports in layouts and wordings nobody tuned on (audit_whole, session 4): the
closing 'tasks ahead' part of phường Trần Phú's monthly report (corpus/communes tranphu-2024-10)
headed in other ways; its targets are no results."""
from __future__ import annotations

import pytest

from report_parser import parse

TRANPHU = (
    "ỦY BAN NHÂN DÂN                      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "PHƯỜNG TRẦN PHÚ                          Độc lập - Tự do - Hạnh phúc\n"
    "Số: 248/BC-UBND                     Phường Trần Phú, ngày 31 tháng 10 năm 2024\n\n"
    "BÁO CÁO\nKết quả công tác cải cách hành chính tháng 10 năm 2024\n\n"
    "I. KẾT QUẢ THỰC HIỆN\n1. Công tác chỉ đạo, điều hành\n"
    "Trong tháng, Bộ phận Tiếp nhận và Trả kết quả phường tiếp nhận 395 hồ sơ, đã giải quyết 381 hồ sơ.\n"
    "{head}\n"
    "- Hoàn thành tự kiểm tra công tác cải cách hành chính tại 04 bộ phận chuyên môn theo Kế hoạch số "
    "131/KH-UBND ngày 04/10/2024.\n"
    "- Đẩy mạnh thanh toán trực tuyến phí, lệ phí; phấn đấu 100% hồ sơ đủ điều kiện được thanh toán trực tuyến.\n")


@pytest.mark.parametrize("head", [
    "III. NHIỆM VỤ TRỌNG TÂM THÁNG 11 NĂM 2024",   # as printed
    "B. NHIỆM VỤ TRỌNG TÂM THÁNG 11 NĂM 2024",     # a lettered part
    "Phần thứ hai\nPHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 11 NĂM 2024",
    "NHIỆM VỤ, GIẢI PHÁP THÁNG 11 NĂM 2024",       # in capitals, unnumbered
    "III. KẾ HOẠCH THỰC HIỆN THÁNG 11 NĂM 2024",  # a later period named, no target word
])
def test_the_tasks_ahead_part_gives_no_indicator(tmp_path, head):
    path = tmp_path / "r.txt"
    path.write_text(TRANPHU.format(head=head), encoding="utf-8")
    got = {(i.code, i.value) for i in parse(path, ocr="never").indicators}
    assert ("dossiers.received", 395) in got and ("dossiers.resolved", 381) in got
    assert not any(code.startswith("inspection.") for code, _ in got), head


def test_a_section_of_the_reports_own_period_keeps_its_figures(tmp_path):
    """The same lines under a heading that names the report's own month are results."""
    path = tmp_path / "r.txt"
    path.write_text(TRANPHU.format(head="II. KẾT QUẢ KIỂM TRA THÁNG 10 NĂM 2024"), encoding="utf-8")
    got = {(i.code, i.value) for i in parse(path, ocr="never").indicators}
    assert ("inspection.units_checked", 4) in got
