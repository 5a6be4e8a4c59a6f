"""``lsdocs report``: the annual reports on a plan (per agency, consolidated)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from lsdocs.cli._common import CliContext, json_option, lang_option, print_problems
from lsdocs.cli._paths import CONTENT, DEFAULT_OUTPUT, default_content
from lsdocs.cli._pdf import pdf_options, require_pdf_tools, write_pdfs
from lsdocs.cli.letters import VnDate
from lsdocs.errors import T

if TYPE_CHECKING:  # the report writers are imported when a command runs
    from lsdocs.reports import Report

_EPILOG_CO_QUAN = """\b
Ví dụ:
  lsdocs report co-quan --year 2024 --agency snnptnt
  lsdocs report co-quan --year 2025 --agency stnmt --date 10/12/2025 --pdf
(mã cơ quan năm 2023 được chuyển sang cơ quan kế thừa từ năm 2025; ngày dạng DD/MM/YYYY)
"""

_EPILOG_TONG_HOP = """\b
Ví dụ:
  lsdocs report tong-hop --year 2024
  lsdocs report tong-hop --year 2025 --date 20/12/2025 -o output --pdf
(ngày dạng DD/MM/YYYY)
"""


def _report_options(func: Callable[..., Any]) -> Callable[..., Any]:
    options: list[Callable[[Callable[..., Any]], Callable[..., Any]]] = [
        click.argument("content", required=False, type=CONTENT),
        click.option("--year", type=int, required=True,
                     help="Năm báo cáo (số liệu từ 15/12 năm trước đến 14/12 năm này)."),
        click.option("--date", type=VnDate(), default=None,
                     help="Ngày của báo cáo, dạng DD/MM/YYYY (bỏ trống: dự thảo, để trống "
                          "số, ngày và tháng cho văn thư ghi khi ký)."),
        click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path),
                     default=DEFAULT_OUTPUT, show_default=True,
                     help="Thư mục ghi kết quả (tệp ghi vào <thư mục>/<mã kế hoạch>/bao-cao/)."),
        click.option("--templates", type=click.Path(file_okay=False, exists=True,
                                                    path_type=Path), default=None,
                     help="Thư mục mẫu .docx."),
        click.option("--progress", "progress_dir",
                     type=click.Path(file_okay=False, path_type=Path), default=None,
                     help="Thư mục báo cáo tiến độ (mặc định: tien-do/<mã kế hoạch>/ cạnh tệp "
                          "kế hoạch)."),
        pdf_options,
        lang_option,
        json_option,
    ]
    for option in reversed(options):
        func = option(func)
    return func


@click.group("report")
def report_group() -> None:
    """Soạn báo cáo kết quả thực hiện kế hoạch hằng năm: co-quan, tong-hop.

    \b
    Ví dụ:
      lsdocs report co-quan --year 2025 --agency snnmt --date 09/12/2025
      lsdocs report tong-hop --year 2025 --date 22/12/2025
    (năm báo cáo: số liệu từ 15/12 năm trước đến 14/12; ngày dạng DD/MM/YYYY)
    """


@report_group.command("co-quan", epilog=_EPILOG_CO_QUAN)
@_report_options
@click.option("--agency", required=True, help="Mã cơ quan báo cáo, ví dụ snnptnt, syt.")
@click.pass_obj
def agency_command(obj: CliContext, content: Path | None, year: int, date: dt.date | None,
                   output: Path, templates: Path | None, progress_dir: Path | None,
                   make_pdf: bool, pdfa: bool, agency: str) -> None:
    """Báo cáo của một cơ quan gửi Sở Khoa học và Công nghệ (kèm biểu kết quả)."""
    from lsdocs.reports import make_agency_report

    require_pdf_tools(make_pdf, pdfa)
    path, report = make_agency_report(content or default_content(), year, agency, output,
                                      date=date, templates_dir=templates,
                                      progress_dir=progress_dir)
    _written(obj, path, report, write_pdfs(obj, [path], make_pdf, pdfa))


@report_group.command("tong-hop", epilog=_EPILOG_TONG_HOP)
@_report_options
@click.pass_obj
def consolidated_command(obj: CliContext, content: Path | None, year: int,
                         date: dt.date | None, output: Path, templates: Path | None,
                         progress_dir: Path | None, make_pdf: bool, pdfa: bool) -> None:
    """Báo cáo tổng hợp của Sở Khoa học và Công nghệ gửi UBND tỉnh (kèm biểu, biểu đồ)."""
    from lsdocs.reports import make_consolidated_report

    require_pdf_tools(make_pdf, pdfa)
    path, report = make_consolidated_report(content or default_content(), year, output,
                                            date=date, templates_dir=templates,
                                            progress_dir=progress_dir)
    _written(obj, path, report, write_pdfs(obj, [path], make_pdf, pdfa))


def _written(obj: CliContext, path: Path, report: Report, pdfs: list[str]) -> None:
    print_problems(obj, list(report.warnings))
    obj.say(T("Đã ghi: {p}", p=path))
    obj.emit(0, {"path": str(path), "illustrative": report.illustrative,
                 "pdf": pdfs[0] if pdfs else None}, list(report.warnings))
    if report.illustrative:
        obj.say(T("Lưu ý: số liệu lấy từ báo cáo tiến độ minh họa đi kèm lsdocs "
                  "(source: illustrative), không phải số liệu thật."))
