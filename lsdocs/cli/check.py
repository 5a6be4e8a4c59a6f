"""``lsdocs check``: the Decree 30 format checker, with ``--fix`` and ``--render``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from lsdocs.cli._common import CliContext, json_option, lang_option
from lsdocs.errors import DocumentReadError, Location, Problem, T, Text, UsageError

#: exit status for a file that is not a Decree 30 administrative document
EXIT_OUT_OF_SCOPE = 4
KIND_CHOICES = ["auto", "ke-hoach", "cong-van", "bao-cao", "phu-luc", "quyet-dinh", "to-trinh",
                "giay-moi", "van-ban"]

if TYPE_CHECKING:  # the checker is imported when a command runs, not for its --help
    from lsdocs.check import CheckReport

    Checked = list[tuple[Path, CheckReport | DocumentReadError]]
#: files whose --render layout could not be made, by their position in the list
RenderProblems = dict[int, Problem]


@click.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path),
                metavar="TỆP.docx")
@click.option("--kind", type=click.Choice(KIND_CHOICES), default="auto", show_default=True,
              help="Loại văn bản; auto: tự nhận biết.")
@click.option("--strict", is_flag=True, help="Cảnh báo cũng tính là không đạt (mã thoát 1).")
@click.option("--fix", is_flag=True, help="Sửa tự động những lỗi an toàn rồi kiểm tra lại.")
@click.option("-o", "--output", type=click.Path(path_type=Path), metavar="TỆP.docx",
              help="Tệp kết quả của --fix (không ghi đè tệp gốc).")
@click.option("--in-place", is_flag=True, help="Với --fix: ghi đè lên chính tệp gốc.")
@click.option("--render", is_flag=True,
              help="Dàn trang bằng LibreOffice (một tiến trình cho mọi tệp) rồi kiểm tra từng "
                   "trang: trang trống, chữ bị cắt ở mép giấy, Quốc hiệu, Tiêu ngữ, tên cơ quan "
                   "xuống dòng, số và ngày lệch dòng, số trang. Chậm hơn: vài giây khởi động "
                   "rồi khoảng 0,4 giây mỗi tệp vài trang.")
@lang_option
@json_option
@click.pass_obj
def check_command(obj: CliContext, files: tuple[Path, ...], kind: str, strict: bool,
                  fix: bool, output: Path | None, in_place: bool, render: bool) -> None:
    """Kiểm tra thể thức văn bản .docx theo Nghị định 30/2020/NĐ-CP (quy tắc R01–R49).

    Mã thoát: 0 không có lỗi; 1 có lỗi (cả cảnh báo nếu --strict); 2 không đọc được tệp
    hoặc sai cách dùng; 4 tệp không phải văn bản hành chính theo NĐ 30 (văn bản của Đảng,
    văn bản QPPL, đơn của công dân, giấy tờ doanh nghiệp, mẫu sổ) nên không kiểm tra (chọn
    --kind để vẫn kiểm tra).

    \b
    Ví dụ:
      lsdocs check van-ban.docx
      lsdocs check *.docx --kind cong-van --strict --json
      lsdocs check --fix van-ban.docx -o van-ban-da-sua.docx
    """
    if fix:
        sys.exit(_fix(obj, files, kind, strict, output, in_place, render))
    if output is not None or in_place:
        raise _usage(T("-o/--in-place chỉ dùng cùng --fix"))
    sys.exit(_check(obj, files, kind, strict, render))


def _check(obj: CliContext, files: tuple[Path, ...], kind: str, strict: bool,
           render: bool = False) -> int:
    from lsdocs.check import check_document
    from lsdocs.check.report_output import format_reports, read_error_dict

    checked: Checked = []
    for path in files:
        try:
            checked.append((path, check_document(path, kind)))
        except DocumentReadError as exc:
            checked.append((path, exc))
    failed: RenderProblems = {}
    if render:
        checked, failed = _rendered(checked)
    reports, items, code = [], [], 0
    problems: list[Problem] = []
    for index, (path, report) in enumerate(checked):
        if isinstance(report, DocumentReadError):
            click.echo(report.format(obj.lang), err=True)
            problems += report.problems
            items.append(read_error_dict(str(path), report, obj.lang))
            code = 2
            continue
        reports.append(report)
        items.append(report.to_dict(obj.lang))
        if not report.passed(strict):
            code = max(code, 1)
        if index in failed:  # checked without its layout: say so, and exit 2
            click.echo(failed[index].format(obj.lang), err=True)
            problems.append(failed[index])
            items[-1]["render_error"] = failed[index].message.get(obj.lang)
            code = 2
    if code == 0 and any(not r.in_scope for r in reports):
        code = EXIT_OUT_OF_SCOPE
    if obj.json:
        obj.emit(code, {"files": items}, problems)
    elif reports:
        click.echo(format_reports(reports, obj.lang))
    return code


def _rendered(checked: Checked) -> tuple[Checked, RenderProblems]:
    """Add the page-level findings: one LibreOffice process lays out every in-scope file;
    a file it cannot lay out keeps its static report and gets a problem."""
    from lsdocs.check import CheckReport
    from lsdocs.check.render import render_reports

    wanted = [(n, path, r) for n, (path, r) in enumerate(checked)
              if isinstance(r, CheckReport) and r.in_scope]
    results = render_reports([(path, r) for _, path, r in wanted])
    out, failed = list(checked), {}
    for (n, path, _), result in zip(wanted, results, strict=True):
        if isinstance(result, Problem):
            failed[n] = result
        else:
            out[n] = (path, result)
    return out, failed


def _fix(obj: CliContext, files: tuple[Path, ...], kind: str, strict: bool,
         output: Path | None, in_place: bool, render: bool = False) -> int:
    from lsdocs.check import CheckReport, fix_document
    from lsdocs.check.report_output import fix_dict, format_fix

    if len(files) != 1:
        raise _usage(T("--fix nhận đúng một tệp"))
    if output is None and not in_place:
        raise _usage(T("--fix cần -o TỆP_KẾT_QUẢ hoặc --in-place"))
    if output is not None and output.is_dir():
        raise _usage(T("-o {p} là một thư mục; cần đường dẫn tệp .docx",
                       p=output))
    if output is not None and not output.parent.is_dir():
        raise _usage(T("Thư mục của -o {p} không tồn tại", p=output))
    report = fix_document(files[0], output, in_place=in_place, kind=kind)
    failed: RenderProblems = {}
    if render and report.after is not None and report.after.in_scope:
        [(_, after)], failed = _rendered([(Path(report.output), report.after)])
        assert isinstance(after, CheckReport)
        report.after = after  # the re-check of the output includes its pages
    assert report.after is not None
    code = 0 if report.after.passed(strict) else 1
    for problem in failed.values():
        click.echo(problem.format(obj.lang), err=True)
        code = 2
    if obj.json:
        obj.emit(code, {"files": [fix_dict(report, obj.lang)]})
    else:
        click.echo(format_fix(report, obj.lang))
    return code


def _usage(message: Text) -> UsageError:
    return UsageError(Problem(Location(), message))
