"""Progress records built in code for the report tests (independent of the YAML loader).

2024: most agencies report, Sở Y tế finished late, Sở Nội vụ and Công an tỉnh
have not reported.  2025: the merged Sở Nông nghiệp và Môi trường answers for
the tasks of Sở NN&PTNT (3.1) and Sở TN&MT (3.4).
"""

from __future__ import annotations

import datetime as dt

from lsdocs.content.model import Signature
from lsdocs.progress.records import (
    Figure,
    Narrative,
    PlanProgress,
    ProductDocument,
    ProgressRecord,
    TaskProgress,
)

D = dt.date
SIGN = Signature(("KT. GIÁM ĐỐC",), "PHÓ GIÁM ĐỐC", "Nguyễn Văn B")


def _record(year: int, agency: str, tasks: tuple[TaskProgress, ...], **extra: object
            ) -> ProgressRecord:
    return ProgressRecord(plan="kh-182-2023", year=year, agency=agency, source="illustrative",
                          tasks=tasks, signature=extra.pop("signature", SIGN),  # type: ignore[arg-type]
                          file=f"content/tien-do/kh-182-2023/{year}/{agency}.yaml",
                          **extra)  # type: ignore[arg-type]


def done(task: str, on: dt.date, result: str = "Đã hoàn thành", **extra: object) -> TaskProgress:
    return TaskProgress(task, "hoan-thanh", on, result, **extra)  # type: ignore[arg-type]


def going(task: str, result: str = "Đang triển khai", **extra: object) -> TaskProgress:
    return TaskProgress(task, "dang-thuc-hien", None, result, **extra)  # type: ignore[arg-type]


def not_started(task: str, **extra: object) -> TaskProgress:
    return TaskProgress(task, "chua-trien-khai", None, None, **extra)  # type: ignore[arg-type]


def records_2024() -> dict[str, ProgressRecord]:
    snn = _record(2024, "snnptnt", (
        going("3.1", "Xây dựng 05 mô hình ứng dụng chế phẩm sinh học trong trồng trọt",
              products=(ProductDocument("ke-hoach", "125/KH-SNN", D(2024, 3, 15),
                                        "Ứng dụng công nghệ sinh học trong sản xuất nông "
                                        "nghiệp năm 2024"),),
              difficulties="Kinh phí hỗ trợ mô hình còn hạn chế",
              proposals="Bố trí thêm kinh phí sự nghiệp khoa học năm 2025"),
    ), budget=350_000_000, figures=(Figure("dn-htx-cnsh", 15, 12),),
        narrative=Narrative(leadership=("Sở ban hành kế hoạch triển khai.",),
                            results=("Các nhiệm vụ được triển khai đúng kế hoạch.",)))
    skhcn = _record(2024, "skhcn", (
        done("1.3", D(2024, 11, 20)), done("2.1", D(2024, 8, 15)),
        going("2.4"), going("2.5"), going("4.2"), done("5.1", D(2024, 10, 1)),
    ), budget=1_200_000_000, narrative=Narrative(
        leadership=("Sở Khoa học và Công nghệ tham mưu UBND tỉnh chỉ đạo triển khai.",),
        shortcomings=("Một số cơ quan báo cáo chậm.",),
        causes=("Cán bộ kiêm nhiệm nhiều việc.",),
        next_year=("Tập trung xây dựng chính sách hỗ trợ doanh nghiệp.",),
        proposals=("Đề nghị UBND tỉnh chỉ đạo các cơ quan báo cáo đúng hạn.",)))
    return {
        "snnptnt": snn,
        "skhcn": skhcn,
        "syt": _record(2024, "syt", (done("3.2", D(2024, 9, 30), "Phát triển 02 vùng dược liệu",
                                          causes="Thủ tục đất đai kéo dài"),)),
        "sttt": _record(2024, "sttt", (going("1.2"),)),
        "stc": _record(2024, "stc", (done("2.3", D(2024, 12, 1)),)),
        "sct": _record(2024, "sct", (not_started("3.3"),)),
        "stnmt": _record(2024, "stnmt", (going("3.4"),), figures=(Figure("dn-htx-cnsh", 3, 2),)),
        "sgddt": _record(2024, "sgddt", (going("4.1"),)),
        "sngv": _record(2024, "sngv", (done("5.2", D(2024, 12, 10)),)),
        "skhdt": _record(2024, "skhdt", (going("5.3"),)),
    }


def records_2025() -> dict[str, ProgressRecord]:
    return {
        "snnmt": _record(2025, "snnmt", (going("3.1"), done("3.4", D(2025, 11, 5))),
                         budget=420_000_000),
        "skhcn": _record(2025, "skhcn", (done("2.2", D(2025, 12, 1)), going("2.4"),
                                         going("2.5"), done("4.2", D(2025, 6, 1)),
                                         going("5.1"))),
        "sct": _record(2025, "sct", (going("3.3"),)),
    }


def progress() -> PlanProgress:
    return PlanProgress("kh-182-2023", {2024: records_2024(), 2025: records_2025()})
