"""``lsdocs export-progress`` and ``import-progress``: the agencies' progress workbooks."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from lsdocs.cli._common import CliContext, json_option, lang_option
from lsdocs.cli._paths import CONTENT, DEFAULT_OUTPUT, default_content
from lsdocs.errors import LsdocsError, T

if TYPE_CHECKING:  # the workbook code (openpyxl) is imported when a command runs
    from lsdocs.tabular.progress_import import ProgressImport

_CONTENT = click.argument("content", required=False, type=CONTENT)
_WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")


@click.command("export-progress")
@click.option("--year", type=int, required=True, help="Năm báo cáo, ví dụ 2024.")
@click.option("--agency", "agencies", multiple=True, metavar="MÃ",
              help="Chỉ xuất cho cơ quan này (mã trong danh mục); lặp lại để chọn nhiều.")
@click.option("-o", "--output", "output", type=click.Path(file_okay=False, path_type=Path),
              default=None, help="Thư mục ghi bảng (mặc định output/<mã kế hoạch>/tien-do-<năm>).")
@_CONTENT
@json_option
@lang_option
@click.pass_obj
def export_progress_command(obj: CliContext, year: int, agencies: tuple[str, ...],
                            output: Path | None, content: Path | None) -> None:
    """Xuất bảng Excel báo cáo tiến độ, mỗi cơ quan báo cáo một tệp.

    Mỗi tệp gồm trang Hướng dẫn, Thông tin chung, Nhiệm vụ (các nhiệm vụ cơ
    quan chủ trì trong năm), Sản phẩm, Chỉ tiêu; gửi kèm công văn đề nghị báo
    cáo. Năm 2023, 2024: các cơ quan của Kế hoạch; từ 2025: cơ quan kế thừa.
    Số liệu đã có của năm được điền sẵn. CONTENT là tệp kế hoạch (mặc định
    content/kh-182-2023.yaml).

    \b
    Ví dụ:
      lsdocs export-progress --year 2024
      lsdocs export-progress --year 2025 --agency snnmt --agency skhcn -o gui-co-quan/
    """
    from lsdocs.tabular.progress_export import export_progress

    results = export_progress(content or default_content(), year, agencies, output,
                              output_root=DEFAULT_OUTPUT)
    for result in results:
        filled = T(", đã điền sẵn số liệu có") if result.prefilled else T("")
        if result.changed:
            obj.say(T("Đã ghi: {p} ({a}: {n} nhiệm vụ{f})",
                      p=result.path, a=result.agency.name, n=result.tasks,
                      f=filled.get(obj.lang)))
        else:
            obj.say(T("Không đổi: {p}", p=result.path))
    obj.emit(0, {"year": year, "workbooks": [
        {"path": str(r.path), "agency": r.agency.id, "tasks": r.tasks, "prefilled": r.prefilled,
         "changed": r.changed} for r in results]})


@click.command("import-progress")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path),
                metavar="TỆP.xlsx... [CONTENT]")
@click.option("--year", type=int, default=None,
              help="Chỉ nhận bảng của năm này (bảng của năm khác là lỗi).")
@click.option("--dry-run", is_flag=True, help="Chỉ kiểm tra và báo thay đổi, không ghi gì.")
@click.option("--force", is_flag=True,
              help="Ghi cả khi tệp tiến độ đã được sửa tay sau khi xuất bảng (ghi đè sửa đổi đó).")
@json_option
@lang_option
@click.pass_obj
def import_progress_command(obj: CliContext, files: tuple[Path, ...], year: int | None,
                            dry_run: bool, force: bool) -> None:
    """Nhập các bảng tiến độ cơ quan đã điền vào content/tien-do/<kế hoạch>/<năm>/<cơ quan>.yaml.

    Mọi ô của mọi tệp được kiểm tra trước (báo tệp, trang, ô và giá trị cần);
    có lỗi thì báo tất cả và không ghi gì. Tệp không đổi nội dung được giữ
    nguyên từng byte; tệp đã sửa tay sau khi xuất bảng không bị ghi đè (trừ
    khi có --force). CONTENT (tùy chọn) là tệp kế hoạch, thư mục nội dung hoặc
    mã kế hoạch, mặc định content/kh-182-2023.yaml. Mã thoát: 0 xong, 1 có lỗi nội dung, 2 sai cách
    dùng hoặc không đọc được tệp.

    \b
    Ví dụ:
      lsdocs import-progress nhan-ve/*.xlsx --dry-run
      lsdocs import-progress tien-do-2024-snnptnt.xlsx --year 2024
      lsdocs import-progress tien-do-2024-snnptnt.xlsx content/kh-182-2023.yaml --force
    """
    workbooks = [f for f in files if f.suffix.lower() in _WORKBOOK_SUFFIXES]
    plans = [CONTENT.convert(str(f), None, None) for f in files if f not in workbooks]
    if len(plans) > 1 or not workbooks:
        raise click.UsageError(T("cần ít nhất một tệp .xlsx và nhiều nhất một kế hoạch "
                                 "(CONTENT)").get(obj.lang))
    content = plans[0] if plans else None
    from lsdocs.tabular.progress_import import import_progress

    try:
        result = import_progress(workbooks, content or default_content(),
                                 dry_run=dry_run, force=force, year=year)
    except LsdocsError as exc:
        click.echo(exc.format(obj.lang), err=True)
        errors = sum(1 for p in exc.problems if p.is_error)
        obj.say(T("{n} lỗi; chưa ghi gì.", n=errors),
                err=True)
        obj.emit(exc.exit_code, None, exc.problems)
        sys.exit(exc.exit_code)
    _report(obj, result)


def _report(obj: CliContext, result: ProgressImport) -> None:
    for warning in result.warnings:
        click.echo(warning.format(obj.lang), err=True)
    obj.emit(0, {"dry_run": result.dry_run, "records": [
        {"workbook": str(r.workbook), "path": str(r.path), "year": r.year, "agency": r.agency,
         "tasks": r.tasks, "changed": r.changed, "written": r.written, "created": r.created,
         "empty": r.empty}
        for r in result.records]}, result.warnings)
    for item in result.records:
        if item.empty:
            obj.say(T("Bỏ qua: {w} chưa điền gì", w=item.workbook.name))
        elif not item.changed:
            obj.say(T("Không đổi: {p} ({w})", p=item.path,
                      w=item.workbook.name))
        elif item.written:
            obj.say(T("Đã ghi: {p} ({n} nhiệm vụ, từ {w})",
                      p=item.path, n=item.tasks, w=item.workbook.name))
        else:
            obj.say(T("Chạy thử: sẽ ghi {p} ({n} nhiệm vụ, từ {w})",
                      p=item.path, n=item.tasks, w=item.workbook.name))
