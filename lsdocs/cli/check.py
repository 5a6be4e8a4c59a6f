"""``lsdocs check``: the Decree 30 format checker, with ``--fix``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from lsdocs.check import check_document, fix_document
from lsdocs.check.report import fix_dict, format_fix, format_reports, read_error_dict
from lsdocs.cli import cli
from lsdocs.cli._common import CliContext, json_option, lang_option
from lsdocs.errors import DocumentReadError, Location, Problem, T, Text, UsageError

KIND_CHOICES = ["auto", "ke-hoach", "cong-van", "bao-cao", "phu-luc"]


@cli.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--kind", type=click.Choice(KIND_CHOICES), default="auto", show_default=True,
              help="Loại văn bản; auto: tự nhận biết.")
@click.option("--strict", is_flag=True, help="Cảnh báo cũng tính là không đạt (mã thoát 1).")
@click.option("--fix", is_flag=True, help="Sửa tự động những lỗi an toàn rồi kiểm tra lại.")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Tệp kết quả của --fix (không ghi đè tệp gốc).")
@click.option("--in-place", is_flag=True, help="Với --fix: ghi đè lên chính tệp gốc.")
@lang_option
@json_option
@click.pass_obj
def check_command(obj: CliContext, files: tuple[Path, ...], kind: str,
                  strict: bool, fix: bool, output: Path | None, in_place: bool) -> None:
    """Kiểm tra thể thức văn bản .docx theo Nghị định 30/2020/NĐ-CP (quy tắc R01–R46).

    Mã thoát: 0 không có lỗi; 1 có lỗi (cả cảnh báo nếu --strict); 2 không đọc được tệp
    hoặc sai cách dùng.
    """
    if fix:
        sys.exit(_fix(obj, files, kind, strict, output, in_place))
    if output is not None or in_place:
        raise _usage(T("-o/--in-place chỉ dùng cùng --fix", "-o/--in-place need --fix"))
    sys.exit(_check(obj, files, kind, strict))


def _check(obj: CliContext, files: tuple[Path, ...], kind: str, strict: bool) -> int:
    reports, items, code = [], [], 0
    problems: list[Problem] = []
    for path in files:
        try:
            report = check_document(path, kind)
        except DocumentReadError as exc:
            click.echo(exc.format(obj.lang), err=True)
            problems += exc.problems
            items.append(read_error_dict(str(path), exc, obj.lang))
            code = 2
            continue
        reports.append(report)
        items.append(report.to_dict(obj.lang))
        if not report.passed(strict):
            code = max(code, 1)
    if obj.json:
        obj.emit(code, {"files": items}, problems)
    elif reports:
        click.echo(format_reports(reports, obj.lang))
    return code


def _fix(obj: CliContext, files: tuple[Path, ...], kind: str, strict: bool,
         output: Path | None, in_place: bool) -> int:
    if len(files) != 1:
        raise _usage(T("--fix nhận đúng một tệp", "--fix takes exactly one file"))
    if output is None and not in_place:
        raise _usage(T("--fix cần -o TỆP_KẾT_QUẢ hoặc --in-place",
                       "--fix needs -o OUTPUT or --in-place"))
    if output is not None and output.is_dir():
        raise _usage(T("-o {p} là một thư mục; cần đường dẫn tệp .docx",
                       "-o {p} is a directory; give a .docx file path", p=output))
    if output is not None and not output.parent.is_dir():
        raise _usage(T("Thư mục của -o {p} không tồn tại", "The folder of -o {p} does not "
                       "exist", p=output))
    report = fix_document(files[0], output, in_place=in_place, kind=kind)
    assert report.after is not None
    code = 0 if report.after.passed(strict) else 1
    if obj.json:
        obj.emit(code, {"files": [fix_dict(report, obj.lang)]})
    else:
        click.echo(format_fix(report, obj.lang))
    return code


def _usage(message: Text) -> UsageError:
    return UsageError(Problem(Location(), message))
