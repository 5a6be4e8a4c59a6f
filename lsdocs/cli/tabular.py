"""``lsdocs export-xlsx``, ``export-csv`` and ``import-xlsx``: the assignment table."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from lsdocs.cli._common import CliContext, F, lang_option
from lsdocs.cli._paths import CONTENT, DEFAULT_OUTPUT, default_content
from lsdocs.errors import LsdocsError, T

if TYPE_CHECKING:  # the table code (openpyxl) is imported when a command runs
    from lsdocs.tabular import ExportResult, ImportResult

_CONTENT = click.argument("content", required=False, type=CONTENT)


def _output_option(suffix: str) -> Callable[[F], F]:
    return click.option(
        "-o", "--output", "output", type=click.Path(dir_okay=False, path_type=Path),
        default=None, metavar="TỆP",
        help=f"Tệp kết quả (mặc định output/<mã kế hoạch>/phan-cong-nhiem-vu.{suffix}).")


@click.command("export-xlsx")
@_CONTENT
@_output_option("xlsx")
@lang_option
@click.pass_obj
def export_xlsx_command(obj: CliContext, content: Path | None, output: Path | None) -> None:
    """Xuất bảng phân công nhiệm vụ ra tệp Excel để chỉnh sửa.

    NỘI_DUNG là tệp kế hoạch hoặc mã kế hoạch (mặc định content/kh-182-2023.yaml).
    Hạn trong bảng viết dạng DD/MM/YYYY.

    \b
    Ví dụ:
      lsdocs export-xlsx
      lsdocs export-xlsx kh-182-2023 -o phan-cong.xlsx
    """
    from lsdocs.tabular import export_assignments

    _report_export(obj, export_assignments(content or default_content(), output, "xlsx",
                                           output_root=DEFAULT_OUTPUT))


@click.command("export-csv")
@_CONTENT
@_output_option("csv")
@click.option("--delimiter", type=click.Choice([",", ";"]), default=",", show_default=True,
              help="Dấu phân cách cột (chọn ; nếu Excel của máy dùng dấu chấm phẩy).")
@lang_option
@click.pass_obj
def export_csv_command(obj: CliContext, content: Path | None, output: Path | None,
                       delimiter: str) -> None:
    """Xuất bảng phân công nhiệm vụ ra tệp CSV (UTF-8).

    NỘI_DUNG là tệp kế hoạch hoặc mã kế hoạch (mặc định content/kh-182-2023.yaml).
    Hạn trong bảng viết dạng DD/MM/YYYY.

    \b
    Ví dụ:
      lsdocs export-csv
      lsdocs export-csv --delimiter ";" -o phan-cong.csv
    """
    from lsdocs.tabular import export_assignments

    _report_export(obj, export_assignments(content or default_content(), output, "csv",
                                           output_root=DEFAULT_OUTPUT, delimiter=delimiter))


@click.command("import-xlsx")
@click.argument("table", type=click.Path(path_type=Path), metavar="BẢNG")
@_CONTENT
@click.option("--dry-run", is_flag=True, help="Chỉ kiểm tra và báo thay đổi, không ghi gì.")
@click.option("--force", is_flag=True,
              help="Nhập cả khi tệp nội dung đã được sửa sau khi xuất bảng "
                   "(ghi đè các sửa đổi đó).")
@lang_option
@click.pass_obj
def import_xlsx_command(obj: CliContext, table: Path, content: Path | None,
                        dry_run: bool, force: bool) -> None:
    """Nhập bảng phân công (.xlsx hoặc .csv) đã sửa vào tệp kế hoạch.

    BẢNG là tệp .xlsx hoặc .csv do export-xlsx/export-csv ghi ra; hạn viết dạng
    DD/MM/YYYY, mã cơ quan như trong content/agencies.yaml.
    Mọi ô được kiểm tra trước; có lỗi thì báo tất cả và không ghi gì.
    Mã thoát: 0 xong, 1 có lỗi nội dung, 2 sai cách dùng hoặc không đọc được tệp.

    \b
    Ví dụ:
      lsdocs import-xlsx output/kh-182-2023/phan-cong-nhiem-vu.xlsx --dry-run
      lsdocs import-xlsx phan-cong.csv content/kh-182-2023.yaml
    """
    try:
        from lsdocs.tabular import import_assignments

        result = import_assignments(table, content or default_content(), dry_run, force)
    except LsdocsError as exc:
        click.echo(exc.format(obj.lang), err=True)
        errors = sum(1 for p in exc.problems if p.is_error)
        obj.say(T("{n} lỗi; chưa ghi gì.", n=errors),
                err=True)
        sys.exit(exc.exit_code)
    _report_import(obj, result)


def _report_export(obj: CliContext, result: ExportResult) -> None:
    if result.changed:
        obj.say(T("Đã ghi: {p} ({n} nhiệm vụ)", p=result.path, n=result.tasks))
    else:
        obj.say(T("Không đổi: {p}", p=result.path))


def _report_import(obj: CliContext, result: ImportResult) -> None:
    from lsdocs.tabular.columns import FIELD_LABELS

    for warning in result.warnings:
        click.echo(warning.format(obj.lang), err=True)
    if not result.has_changes:
        obj.say(T("Không có thay đổi; {p} giữ nguyên.", p=result.content_file))
        return
    if result.added:
        obj.say(T("Thêm: {i}", i=", ".join(result.added)))
    if result.changed:
        obj.say(T("Sửa: {i}", i="; ".join(
            f"{task} ({', '.join(FIELD_LABELS[f].get(obj.lang) for f in fields)})"
            for task, fields in result.changed.items())))
    if result.removed:
        obj.say(T("Xóa: {i}", i=", ".join(result.removed)))
    if result.written:
        obj.say(T("Đã ghi: {p}", p=result.content_file))
    else:
        obj.say(T("Chạy thử: chưa ghi gì vào {p}.", p=result.content_file))
