"""``lsdocs phat-hanh``, ``lsdocs so-van-ban …``, ``lsdocs pdf``, ``lsdocs preview``."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from lsdocs import vnformat as vn
from lsdocs.cli._common import CliContext, json_option, lang_option, print_problems
from lsdocs.cli.letters import VnDate
from lsdocs.errors import Location, LsdocsError, Problem, T
from lsdocs.names import DEFAULT_PREVIEW_SIZE as DEFAULT_SIZE
from lsdocs.names import REGISTER_ENV

if TYPE_CHECKING:  # lsdocs.issuing (checker, renderer, SQLite) is imported when a command runs
    from lsdocs.issuing import Entry, Query
    from lsdocs.issuing.pdf import PdfInfo



def register_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--register", "register", default=None, metavar="TỆP",
        help=f"Tệp sổ đăng ký (SQLite). Mặc định: biến môi trường {REGISTER_ENV}, nếu không "
             "có thì ~/.local/share/lsdocs/so-van-ban-di.sqlite.")(func)


@click.command("phat-hanh")
@click.argument("sources", nargs=-1, required=True, metavar="NGUỒN...",
                type=click.Path(path_type=Path))
@click.option("--date", type=VnDate(), default=None,
              help="Ngày phát hành ghi vào văn bản và sổ (mặc định: hôm nay).")
@register_option
@click.option("--pdf", "make_pdf", is_flag=True, help="Ghi thêm tệp PDF bên cạnh mỗi văn bản.")
@click.option("--pdfa", is_flag=True, help="PDF/A-2b để lưu trữ (bao gồm --pdf).")
@click.option("--copies", type=click.IntRange(min=1), default=None,
              help="Số lượng bản ghi vào sổ (mặc định: số nơi nhận + số đơn vị lưu).")
@click.option("--note", default="", help="Ghi chú vào sổ cho các văn bản của lần phát hành này.")
@json_option
@lang_option
@click.pass_obj
def issue_command(obj: CliContext, sources: tuple[Path, ...], date: dt.date | None,
                  register: str | None, make_pdf: bool, pdfa: bool, copies: int | None,
                  note: str) -> None:
    """Phát hành văn bản: cấp số, ghi ngày, kiểm tra thể thức, vào sổ, ghi bản phát hành.

    NGUỒN là tệp dự thảo .docx do lsdocs soạn (có thể đã sửa bằng Word), hoặc thư mục của
    lsdocs batch (có manifest.json): cả lô được cấp số liên tiếp theo thứ tự trong manifest,
    trong một giao dịch. Số và ngày được ghi vào dòng «Số:», dòng địa danh, ngày tháng và
    dòng «(Kèm theo Công văn số …)» của phụ lục; mọi sửa đổi khác trong văn bản giữ nguyên.
    Bản phát hành ghi bên cạnh bản dự thảo, tên có số: giao-nhiem-vu-skhcn-so-05-ubnd-kgvx-2026.docx
    (không ghi đè tệp nào). Có lỗi thì không cấp số nào. Một bản dự thảo chỉ được phát hành
    một lần.

    \b
    Ví dụ:
      lsdocs phat-hanh output/kh-182-2023/giao-nhiem-vu --pdf
      lsdocs phat-hanh output/kh-182-2023/trien-khai.docx --date 30/11/2026
      lsdocs phat-hanh output/kh-182-2023/don-doc --register /srv/van-thu/so.sqlite --json
    """
    from lsdocs.issuing import IssueOptions, collect_drafts, issue, open_register
    from lsdocs.issuing.pdf import require_tools

    drafts = collect_drafts(sources)
    want_pdf = make_pdf or pdfa
    if want_pdf:
        require_tools()  # before any number is taken
    store = open_register(register)
    try:
        obj.say(T("Sổ đăng ký: {p}", p=store.location), err=True)
        result = issue(drafts, store, IssueOptions(date or dt.date.today(), copies, note))
    finally:
        store.close()
    print_problems(obj, result.warnings)
    pdfs, problems = _pdfs(obj, result.paths, pdfa) if want_pdf and result.paths else ([], [])
    by_docx = {info.path.with_suffix(".docx"): info.path for info in pdfs}
    for item in result.issued:
        tail = T(" (tệp bị thiếu, đã ghi lại từ sổ)") if item.repaired else T("")
        pdf = f" + {by_docx[item.path].name}" if item.path in by_docx else ""
        obj.say(T("Số {r} ngày {d}: {f}{p}{t}",
                  r=item.entry.reference, d=vn.short_date(item.entry.issued_on),
                  f=item.path, p=pdf, t=tail.get(obj.lang)))
    obj.say(T("Đã phát hành {n} văn bản.", n=len(result.issued)))
    code = 1 if problems else 0
    obj.emit(code, {"register": store.location, "issued": [
        {**i.entry.to_dict(), "repaired": i.repaired,
         "pdf": str(by_docx[i.path]) if i.path in by_docx else None}
        for i in result.issued]}, [*result.warnings, *problems])
    if code:
        sys.exit(code)


def _pdfs(obj: CliContext, paths: list[Path],
          pdfa: bool) -> tuple[list[PdfInfo], list[Problem]]:
    """PDFs of the issued files; a failure here is reported, the issue stands."""
    from lsdocs.issuing.pdf import convert

    try:
        return convert(paths, pdfa=pdfa), []
    except LsdocsError as exc:
        after = Problem(Location(), T(
            "Các văn bản đã được phát hành và vào sổ; chưa có PDF. Tạo PDF bằng: lsdocs pdf {f}",
            f=" ".join(map(str, paths))), code="pdf-after-issue")
        print_problems(obj, [*exc.problems, after])
        return [], [*exc.problems, after]


@click.group("so-van-ban")
def register_group() -> None:
    """Sổ đăng ký văn bản đi: xem, tìm, hủy số, xuất Excel, kiểm tra tệp sổ.

    \b
    Ví dụ:
      lsdocs so-van-ban danh-sach --year 2026
      lsdocs so-van-ban danh-sach --symbol UBND-KGVX --text "giao nhiệm vụ" --json
      lsdocs so-van-ban huy 05/UBND-KGVX --year 2026 --reason "Ban hành nhầm"
      lsdocs so-van-ban xuat-excel so-van-ban-di-2026.xlsx --year 2026
      lsdocs so-van-ban kiem-tra
    """


def query_options(func: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option("--year", type=int, default=None, help="Năm."),
        click.option("--agency", default=None, help="Cơ quan ban hành (một phần tên)."),
        click.option("--symbol", default=None,
                     help="Ký hiệu hoặc loại (một phần): KH-UBND, UBND-KGVX, BC-."),
        click.option("--text", default=None, help="Chữ trong trích yếu, nơi nhận, người ký."),
        click.option("--active-only", is_flag=True, help="Bỏ các số đã hủy."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _query(year: int | None, agency: str | None, symbol: str | None, text: str | None,
           active_only: bool) -> Query:
    from lsdocs.issuing import Query

    return Query(year, agency, symbol, text, include_cancelled=not active_only)


@register_group.command("danh-sach")
@query_options
@register_option
@json_option
@lang_option
@click.pass_obj
def list_command(obj: CliContext, year: int | None, agency: str | None, symbol: str | None,
                 text: str | None, active_only: bool, register: str | None) -> None:
    """Liệt kê, tìm các văn bản trong sổ (theo năm, ký hiệu, cơ quan, chữ).

    \b
    Ví dụ:
      lsdocs so-van-ban danh-sach --year 2026 --symbol KH-
      lsdocs so-van-ban danh-sach --text "Sở Y tế" --json
    """
    from lsdocs.issuing import register_location

    entries = _search(register, _query(year, agency, symbol, text, active_only))
    obj.say(T("Sổ đăng ký: {p}", p=register_location(register)), err=True)
    obj.emit(0, {"register": register_location(register),
                 "entries": [e.to_dict() for e in entries]})
    if obj.json:
        return
    for e in entries:
        mark = T("  [ĐÃ HỦY]").get(obj.lang) if e.cancelled else ""
        click.echo(f"{e.reference:<18} {vn.short_date(e.issued_on):<11} {e.title()}{mark}")
        click.echo(f"{'':<30} {e.agency} | {e.signer} | {Path(e.file).name}")
    obj.say(T("{n} văn bản.", n=len(entries)))


def _search(register: str | None, query: Query) -> list[Entry]:
    from lsdocs.issuing import open_register

    store = open_register(register)
    try:
        return store.search(query)
    finally:
        store.close()


@register_group.command("huy")
@click.argument("reference", metavar="SỐ/KÝ_HIỆU")
@click.option("--year", type=int, required=True, help="Năm của số cần hủy.")
@click.option("--agency", default=None, help="Cơ quan (khi nhiều cơ quan có cùng ký hiệu).")
@click.option("--reason", required=True, help="Lý do hủy (ghi vào cột Ghi chú).")
@click.option("--date", type=VnDate(), default=None, help="Ngày hủy (mặc định: hôm nay).")
@register_option
@json_option
@lang_option
@click.pass_obj
def cancel_command(obj: CliContext, reference: str, year: int, agency: str | None, reason: str,
                   date: dt.date | None, register: str | None) -> None:
    """Hủy một số đã cấp: mục vẫn ở trong sổ, đánh dấu đã hủy, số không cấp lại.

    \b
    Ví dụ:
      lsdocs so-van-ban huy 05/UBND-KGVX --year 2026 --reason "Văn bản ban hành nhầm"
    """
    from lsdocs.issuing import open_register, register_location
    from lsdocs.issuing.cancel import cancel_number

    store = open_register(register)
    obj.say(T("Sổ đăng ký: {p}", p=store.location), err=True)
    try:
        cancelled = cancel_number(store, reference, year, reason, agency=agency, on=date)
    finally:
        store.close()
    obj.say(T("Đã hủy số {r} năm {y} ({a}) ngày {d}, lý do: «{why}»",
              r=cancelled.reference, y=year, a=cancelled.agency,
              d=vn.short_date(cancelled.cancelled_on) if cancelled.cancelled_on else "",
              why=cancelled.cancel_reason or ""))
    obj.emit(0, {"register": register_location(register), "entry": cancelled.to_dict()})


@register_group.command("xuat-excel")
@click.argument("output", type=click.Path(dir_okay=False, path_type=Path), metavar="TỆP.xlsx")
@query_options
@register_option
@json_option
@lang_option
@click.pass_obj
def export_command(obj: CliContext, output: Path, year: int | None, agency: str | None,
                   symbol: str | None, text: str | None, active_only: bool,
                   register: str | None) -> None:
    """Xuất sổ ra Excel theo mẫu sổ đăng ký văn bản đi (Nghị định 30, Phụ lục IV).

    \b
    Ví dụ:
      lsdocs so-van-ban xuat-excel so-van-ban-di-2026.xlsx --year 2026
    """
    from lsdocs.issuing import register_location
    from lsdocs.issuing.register_workbook import register_workbook
    from lsdocs.render.output import write_atomic

    entries = _search(register, _query(year, agency, symbol, text, active_only))
    obj.say(T("Sổ đăng ký: {p}", p=register_location(register)), err=True)
    write_atomic(output, register_workbook(entries, dt.date.today()))
    obj.say(T("Đã ghi {p} ({n} văn bản).", p=output,
              n=len(entries)))
    obj.emit(0, {"register": register_location(register), "file": str(output),
                 "entries": len(entries)})


@register_group.command("kiem-tra")
@register_option
@json_option
@lang_option
@click.pass_obj
def verify_command(obj: CliContext, register: str | None) -> None:
    """Kiểm tra tệp sổ: tệp SQLite nguyên vẹn, số liên tục từ 01, không trùng; tệp còn đủ.

    Mã thoát: 0 tốt (có thể có cảnh báo); 1 số bị trùng hoặc bỏ trống; 2 tệp sổ hỏng.

    \b
    Ví dụ:
      lsdocs so-van-ban kiem-tra
      lsdocs so-van-ban kiem-tra --register /srv/van-thu/so.sqlite --json
    """
    from lsdocs.issuing import open_register, register_location

    store = open_register(register)
    try:
        problems = store.verify()
    finally:
        store.close()
    print_problems(obj, problems)
    if not any(p.is_error for p in problems):
        obj.say(T("Sổ đăng ký tốt: {p}", p=register_location(register)))
    codes = {p.code for p in problems if p.is_error}
    code = 2 if "register-damaged" in codes else 1 if codes else 0
    obj.emit(code, {"register": register_location(register)}, problems)
    sys.exit(code)


@click.command("pdf")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path),
                metavar="TỆP")
@click.option("--pdfa", is_flag=True, help="PDF/A-2b để lưu trữ.")
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Thư mục ghi PDF (mặc định: bên cạnh mỗi tệp .docx).")
@json_option
@lang_option
@click.pass_obj
def pdf_command(obj: CliContext, files: tuple[Path, ...], pdfa: bool,
                output: Path | None) -> None:
    """Chuyển văn bản .docx sang PDF bằng LibreOffice (một tiến trình cho cả lô).

    Mỗi PDF được kiểm tra trước khi ghi: số trang, đủ chữ của văn bản, phông chữ được nhúng,
    nhận dạng PDF/A (với --pdfa).

    \b
    Ví dụ:
      lsdocs pdf output/kh-182-2023/giao-nhiem-vu/*-so-*.docx
      lsdocs pdf ke-hoach.docx --pdfa -o luu-tru/
    """
    from lsdocs.issuing.pdf import convert

    infos = convert(list(files), pdfa=pdfa, out_dir=output)
    obj.emit(0, {"files": [{"pdf": str(i.path), "pages": i.pages, "pdfa": i.pdfa}
                           for i in infos]})
    for info in infos:
        obj.say(T("Đã ghi: {p} ({n} trang{a})", p=info.path,
                  n=info.pages, a=", PDF/A" if info.pdfa else ""))


@click.command("preview")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--page", type=click.IntRange(min=1), default=None,
              help="Chỉ vẽ trang này (mặc định: mọi trang).")
@click.option("--size", type=click.IntRange(min=100, max=5000), default=DEFAULT_SIZE,
              show_default=True, help="Cạnh dài của ảnh, tính bằng điểm ảnh.")
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Thư mục ghi ảnh (mặc định: bên cạnh tệp).")
@json_option
@lang_option
@click.pass_obj
def preview_command(obj: CliContext, file: Path, page: int | None, size: int,
                    output: Path | None) -> None:
    """Ảnh PNG của các trang văn bản (.docx hoặc .pdf) để xem nhanh: TÊN-trang-N.png.

    \b
    Ví dụ:
      lsdocs preview giao-nhiem-vu-skhcn-so-05-ubnd-kgvx-2026.docx --page 1
    """
    from lsdocs.issuing.preview import preview

    images = preview(file, page=page, out_dir=output, size=size)
    for path in images:
        obj.say(T("Đã ghi: {p}", p=path))
    obj.emit(0, {"images": [str(p) for p in images]})

