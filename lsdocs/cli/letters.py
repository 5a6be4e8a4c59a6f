"""``lsdocs letter`` (one công văn) and ``lsdocs batch`` (one per agency)."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from lsdocs.cli._common import CliContext, json_option, lang_option
from lsdocs.cli._help import current_language
from lsdocs.cli._paths import CONTENT, DEFAULT_OUTPUT, default_content
from lsdocs.cli._pdf import pdf_options, require_pdf_tools, write_pdfs
from lsdocs.errors import T, Text, join_texts
from lsdocs.kinds import kind_ids

if TYPE_CHECKING:  # the writers (renderer, content, checker) are imported when a command runs
    from lsdocs.batch import BatchItem
    from lsdocs.content.model import Content
    from lsdocs.documents.letter_contexts import LetterOptions

#: as lsdocs.documents.letter_contexts.LETTER_KINDS and PER_AGENCY, without importing the writers
LETTER_KINDS = kind_ids("letter")
PER_AGENCY = kind_ids("letter", per_agency=True)


class VnDate(click.ParamType):  # type: ignore[type-arg]
    """A date written as a clerk writes it: 29/11/2026 (or 2026-11-29)."""

    name = "NGÀY"  # written DD/MM/YYYY

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.date:
        if isinstance(value, dt.date):
            return value
        from lsdocs import vnformat as vn

        try:
            return vn.parse_vn_date(str(value))
        except ValueError:
            self.fail(T("«{v}» không phải ngày hợp lệ (cần dạng DD/MM/YYYY, ví dụ 29/11/2026)",
                        v=value).get(current_language()))


def letter_options(func: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.argument("content", required=False, type=CONTENT),
        click.option("--date", type=VnDate(), default=None,
                     help="Ngày của công văn, dạng DD/MM/YYYY, ví dụ 29/11/2026 "
                          "(mặc định: hôm nay)."),
        click.option("--issuer", default=None, metavar="MÃ",
                     help="Mã cơ quan ban hành, ví dụ ubnd-tinh hoặc skhcn."),
        click.option("--as-of", "as_of", type=VnDate(), default=None,
                     help="Đôn đốc: nhiệm vụ đến hạn/quá hạn tính đến ngày này (DD/MM/YYYY)."),
        click.option("--year", type=int, default=None, metavar="NĂM",
                     help="Đề nghị báo cáo, đôn đốc nộp báo cáo: năm báo cáo, ví dụ 2026."),
        click.option("--missing-reports", "missing_reports", is_flag=True,
                     help="Đôn đốc: chỉ gửi cơ quan chưa nộp báo cáo năm --year."),
        click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path),
                     default=DEFAULT_OUTPUT, show_default=True, help="Thư mục ghi kết quả."),
        click.option("--templates", type=click.Path(file_okay=False, exists=True,
                                                    path_type=Path), default=None,
                     help="Thư mục mẫu .docx."),
        lang_option,
        json_option,
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _options(date: dt.date | None, issuer: str | None, as_of: dt.date | None, year: int | None,
             missing_reports: bool, number: int | None = None) -> LetterOptions:
    from lsdocs.documents.letter_contexts import LetterOptions

    return LetterOptions(
        date=date or dt.date.today(), draft=number is None, number=number, issuer=issuer,
        as_of=as_of, year=year, missing_reports=missing_reports,
    )


@click.command("letter")
@click.argument("kind", type=click.Choice(LETTER_KINDS))
@letter_options
@click.option("--agency", default=None, metavar="MÃ",
              help="Cơ quan nhận: mã, tên hoặc tên viết tắt (công văn gửi từng cơ quan).")
@click.option("--number", type=click.IntRange(min=1), default=None,
              help="Số công văn (bỏ trống: để văn thư ghi số khi ký).")
@pdf_options
@click.pass_obj
def letter_command(obj: CliContext, kind: str, content: Path | None, date: dt.date | None,
                   issuer: str | None, as_of: dt.date | None, year: int | None,
                   missing_reports: bool, output: Path, templates: Path | None,
                   agency: str | None, number: int | None, make_pdf: bool, pdfa: bool) -> None:
    """Soạn một công văn: trien-khai, giao-nhiem-vu, don-doc, de-nghi-bao-cao.

    Ngày viết dạng DD/MM/YYYY; mã cơ quan như trong danh mục cơ quan
    (content/agencies.yaml), ví dụ syt, skhcn, ubnd-tinh.

    \b
    Ví dụ:
      lsdocs letter trien-khai --date 29/11/2026
      lsdocs letter giao-nhiem-vu --agency syt --number 125
      lsdocs letter don-doc --agency syt --as-of 30/11/2026
      lsdocs letter de-nghi-bao-cao --agency syt --year 2026
    """
    from lsdocs.content import load_plan
    from lsdocs.letter_writer import write_letter

    require_pdf_tools(make_pdf, pdfa)
    loaded = load_plan(content or default_content())
    options = _options(date, issuer, as_of, year, missing_reports, number)
    warnings: list[Text] = []
    path, changed, to = write_letter(loaded, kind, options, agency, output, templates, warnings)
    obj.say(T("Đã ghi: {p}", p=path))
    for warning in warnings:
        obj.say(T("Cảnh báo: {w}", w=warning.get(obj.lang)), err=True)
    pdfs = write_pdfs(obj, [path], make_pdf, pdfa)
    _illustrative_note(obj, loaded)
    obj.emit(0, {"path": str(path), "kind": kind, "agency": to, "changed": changed,
                 "pdf": pdfs[0] if pdfs else None,
                 "warnings": [w.get(obj.lang) for w in warnings]})


@click.command("batch")
@click.argument("kind", type=click.Choice(PER_AGENCY))
@letter_options
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Số tiến trình song song (mặc định: số nhân CPU).")
@click.option("--only", multiple=True, metavar="MÃ",
              help="Chỉ soạn cho các cơ quan này: mã, tên hoặc tên viết tắt (lặp lại tùy "
              "chọn; nhiều mã có thể ngăn cách bằng dấu phẩy).")
@click.option("--merge", is_flag=True, help="Ghép tất cả thành một tệp để in.")
@click.option("--check-all", is_flag=True,
              help="Kiểm tra thể thức từng công văn (mặc định: kiểm tra công văn đầu tiên).")
@click.option("-q", "--quiet", is_flag=True, help="Không hiện thanh tiến độ.")
@pdf_options
@click.pass_obj
def batch_command(obj: CliContext, kind: str, content: Path | None, date: dt.date | None,
                  issuer: str | None, as_of: dt.date | None, year: int | None,
                  missing_reports: bool, output: Path, templates: Path | None,
                  jobs: int | None, only: tuple[str, ...], merge: bool, check_all: bool,
                  quiet: bool, make_pdf: bool, pdfa: bool) -> None:
    """Soạn công văn LOẠI cho từng cơ quan, kèm manifest (CSV, JSON).

    Ngày viết dạng DD/MM/YYYY; mã cơ quan như trong content/agencies.yaml.

    \b
    Ví dụ:
      lsdocs batch giao-nhiem-vu --date 29/11/2026
      lsdocs batch don-doc --as-of 30/11/2026 --only syt,skhcn --merge
      lsdocs batch de-nghi-bao-cao --year 2026 -j 4 --quiet
    """
    import lsdocs.cli
    from lsdocs.batch import FAILED, BatchOptions, run_batch

    lsdocs.cli.exit_without_teardown = True
    require_pdf_tools(make_pdf, pdfa)
    wanted = tuple(a for value in only for a in _split_only(value))
    options = BatchOptions(
        kind=kind, letter=_options(date, issuer, as_of, year, missing_reports),
        output_root=output,
        jobs=jobs or _cpu_count(), only=wanted, merge=merge, templates_dir=templates,
        check_all=check_all,
    )
    show = not quiet and sys.stderr.isatty()
    bar = _Progress(T("Đang soạn").get(obj.lang)) if show else None
    if show:
        obj.say(T("Đang đọc và kiểm tra nội dung…"),
                err=True)
    try:
        result = run_batch(content or default_content(), options,
                           progress=bar.step if bar else None)
    finally:
        if bar:
            bar.close()
    written = [result.directory / i.file for i in result.items if i.status != FAILED]
    _report(obj, result, write_pdfs(obj, written, make_pdf, pdfa))


class _Progress:
    """A progress bar on the terminal, sized on the first finished letter."""

    def __init__(self, label: str):
        self.label = label
        self.bar: Any = None

    def step(self, _item: BatchItem, total: int) -> None:
        if self.bar is None:
            self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def _illustrative_note(obj: CliContext, content: Content) -> None:
    letters = content.plan.letters
    if letters is not None and letters.source == "illustrative":
        obj.say(T(
            "Lưu ý: người ký và nơi nhận của công văn lấy từ mục letters của nội dung, là nội "
            "dung minh họa; sửa mục này trước khi trình ký.",
        ))


def _split_only(value: str) -> list[str]:
    """An --only value: one agency, or ids separated by commas (names may contain commas)."""
    parts = [a.strip() for a in value.split(",") if a.strip()]
    if len(parts) > 1 and all(" " not in p for p in parts):
        return parts
    return [value.strip()] if value.strip() else []


def _report(obj: CliContext, result: Any, pdfs: list[str]) -> None:
    from lsdocs.batch import FAILED

    for warning in result.warnings:
        obj.say(T("Cảnh báo: {w}", w=warning.get(obj.lang)), err=True)
    for item in result.items:
        if item.warnings:
            notes = result.notes.get(item.agency)
            obj.say(T("Cảnh báo: {a}: {w}", a=item.agency,
                      w=join_texts(notes, "; ") if notes else item.warnings),
                    err=True)
    if result.removed:
        obj.say(T("Đã xóa {n} tệp của lần soạn trước không còn thuộc lần này: {f}",
                  n=len(result.removed), f=", ".join(Path(p).name for p in result.removed)))
    for item in result.items:
        if item.status == FAILED:
            obj.say(T("Lỗi: {a} ({f}): {e}", a=item.agency,
                      f=item.file, e=item.error), err=True)
    for agency in result.skipped:
        obj.say(T("Bỏ qua {a}: không có công văn loại này cho cơ quan này.",
                  a=agency), err=True)
    obj.say(T(
        "Xong: {w} tệp mới ghi, {u} không đổi, {f} lỗi; danh sách tại {m}.",
        w=result.count("written"), u=result.count("unchanged"), f=len(result.failed),
        m=result.directory / "manifest.csv",
    ))
    if result.merged:
        obj.say(T("Tệp ghép để in: {p}", p=result.merged))
    _illustrative_note(obj, result.content)
    obj.emit(1 if result.failed else 0, {
        "directory": str(result.directory), "items": [i.row() for i in result.items],
        "skipped": result.skipped, "merged": str(result.merged) if result.merged else None,
        "removed": result.removed, "warnings": [w.get(obj.lang) for w in result.warnings],
        "pdf": pdfs})
    if result.failed:
        sys.exit(1)


def _cpu_count() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
               else (os.cpu_count() or 1))
