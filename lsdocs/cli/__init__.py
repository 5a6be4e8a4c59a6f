"""Command line: parses options, calls the library, maps errors to exit codes.

This package is the only place that imports click.  Exit codes: 0 success,
1 content or document errors, 2 usage errors or unreadable files.
"""

from __future__ import annotations

import os
import sys

import click

from lsdocs import __version__
from lsdocs.cli._common import CliContext, current_context, with_flags
from lsdocs.cli._console import make_console_safe
from lsdocs.cli._help import cli_language, current_language, speaking, switch_language
from lsdocs.cli._lazy import LazyGroup
from lsdocs.cli._usage import show_usage_error
from lsdocs.errors import Location, LsdocsError, Problem, T, Text

#: Every command: name -> ("module:attribute", short help).  A command's module is imported
#: only when it runs or shows its help; the short help is what ``lsdocs --help`` lists: the
#: first sentence of the command's docstring (tests/cli/test_startup.py keeps them equal).
COMMANDS: dict[str, tuple[str, Text]] = {
    "batch": ("lsdocs.cli.letters:batch_command",
              T("Soạn công văn LOẠI cho từng cơ quan, kèm manifest (CSV, JSON).")),
    "build": ("lsdocs.cli.build:build_command",
              T("Soạn Kế hoạch (kèm Phụ lục phân công) từ nội dung YAML.")),
    "check": ("lsdocs.cli.check:check_command",
              T("Kiểm tra thể thức văn bản .docx theo Nghị định 30/2020/NĐ-CP "
                "(quy tắc R01–R49).")),
    "export-csv": ("lsdocs.cli.tabular:export_csv_command",
                   T("Xuất bảng phân công nhiệm vụ ra tệp CSV (UTF-8).")),
    "export-progress": ("lsdocs.cli.progress_tables:export_progress_command",
                        T("Xuất bảng Excel báo cáo tiến độ, mỗi cơ quan báo cáo một tệp.")),
    "export-xlsx": ("lsdocs.cli.tabular:export_xlsx_command",
                    T("Xuất bảng phân công nhiệm vụ ra tệp Excel để chỉnh sửa.")),
    "import-progress": ("lsdocs.cli.progress_tables:import_progress_command",
                        T("Nhập các bảng tiến độ cơ quan đã điền vào "
                          "content/tien-do/<kế hoạch>/<năm>/<cơ quan>.yaml.")),
    "import-xlsx": ("lsdocs.cli.tabular:import_xlsx_command",
                    T("Nhập bảng phân công (.xlsx hoặc .csv) đã sửa vào tệp kế hoạch.")),
    "letter": ("lsdocs.cli.letters:letter_command",
               T("Soạn một công văn: trien-khai, giao-nhiem-vu, don-doc, de-nghi-bao-cao.")),
    "new": ("lsdocs.cli.new:new_command",
            T("Tạo tệp kế hoạch mới có chú thích, kiểm tra và soạn được ngay.")),
    "pdf": ("lsdocs.cli.issuing:pdf_command",
            T("Chuyển văn bản .docx sang PDF bằng LibreOffice (một tiến trình cho cả lô).")),
    "phat-hanh": ("lsdocs.cli.issuing:issue_command",
                  T("Phát hành văn bản: cấp số, ghi ngày, kiểm tra thể thức, vào sổ, ghi bản "
                    "phát hành.")),
    "preview": ("lsdocs.cli.issuing:preview_command",
                T("Ảnh PNG của các trang văn bản (.docx hoặc .pdf) để xem nhanh: "
                  "TÊN-trang-N.png.")),
    "report": ("lsdocs.cli.report:report_group",
               T("Soạn báo cáo kết quả thực hiện kế hoạch hằng năm: co-quan, tong-hop.")),
    "so-van-ban": ("lsdocs.cli.issuing:register_group",
                   T("Sổ đăng ký văn bản đi: xem, tìm, hủy số, xuất Excel, kiểm tra tệp sổ.")),
    "status": ("lsdocs.cli.status:status_command",
               T("Tình hình thực hiện kế hoạch trong một năm báo cáo: từng nhiệm vụ theo nhóm "
                 "và cơ quan, các cơ quan chưa báo cáo, số liệu tổng hợp.")),
    "validate": ("lsdocs.cli.validate:validate_command",
                 T("Kiểm tra nội dung (kế hoạch, danh mục cơ quan, báo cáo tiến độ); báo mọi "
                   "lỗi một lần.")),
}


def _group_lang(ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value:
        switch_language(value)  # before --help, which is eager too
    return value


@click.group(cls=LazyGroup, lazy=COMMANDS,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--lang",
    type=click.Choice(["vi", "en"]),
    default=None,
    is_eager=True,
    callback=_group_lang,
    help="Ngôn ngữ thông báo và hướng dẫn (vi mặc định; en: tiếng Anh). Cũng đặt được bằng "
    "biến môi trường LSDOCS_LANG hoặc LANG=en_US.UTF-8.",
)
@click.option("--version", is_flag=True, expose_value=False, is_eager=True,
              callback=lambda ctx, _p, value: _show_version(ctx, value),
              help="Hiện phiên bản rồi thoát.")
@click.pass_context
def cli(ctx: click.Context, lang: str | None) -> None:
    """lsdocs: soạn văn bản hành chính theo Nghị định 30/2020/NĐ-CP.

    \b
    Ví dụ:
      lsdocs build                       # soạn Kế hoạch từ content/kh-182-2023.yaml
      lsdocs validate content/kh-182-2023.yaml
      lsdocs --lang en letter don-doc --as-of 30/11/2026
      lsdocs check van-ban.docx

    Ngày viết dạng DD/MM/YYYY (ví dụ 29/11/2026); mã cơ quan như trong
    content/agencies.yaml (ví dụ skhcn, ubnd-tinh).
    """
    ctx.obj = CliContext(lang=lang or cli_language([]))


def _show_version(ctx: click.Context, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(T("lsdocs, phiên bản {v}", v=__version__)
                   .get(current_language()))
        ctx.exit()


def _register_commands() -> None:
    """Import every command now (the help catalog and tests walk the whole tree).

    A run imports only the command it runs: add a new command as a row of ``COMMANDS``.
    """
    assert isinstance(cli, LazyGroup)
    cli.load_all()


#: Set by a command that holds much in memory when it ends (``batch``: the whole
#: loaded content): run as a program, the process then exits without freeing
#: every object one by one (about 0.2 s at 1,000 agencies).  Its files are all
#: written, synced and closed by then, and ``atexit`` functions still run.
exit_without_teardown = False


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``lsdocs`` console script."""
    make_console_safe()
    args = sys.argv[1:] if argv is None else argv
    try:
        with speaking(cli, cli_language(args)):
            _run(argv)
    except SystemExit as exc:
        if argv is None and exit_without_teardown and isinstance(exc.code, int | None):
            _exit_now(exc.code or 0)
        raise
    if argv is None and exit_without_teardown:
        _exit_now(0)


def _exit_now(code: int) -> None:
    """End the process now; what was registered to run at exit still runs first."""
    import atexit

    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _run(argv: list[str] | None) -> None:
    try:
        cli.main(args=argv, prog_name="lsdocs", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except _NO_ARGS_IS_HELP as exc:  # plain `lsdocs`: the help, as click does
        click.echo(exc.format_message(), err=True)
        sys.exit(exc.exit_code)
    except click.UsageError as exc:
        show_usage_error(exc, _lang_from_argv(argv))
        _emit_failure(exc.exit_code, [Problem(Location(), Text(exc.format_message(),
                                                                 exc.format_message()),
                                              code="usage")])
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo(T("Đã dừng.").get(_lang_from_argv(argv)), err=True)
        sys.exit(130)
    except LsdocsError as exc:
        lang = _lang_from_argv(argv)
        exc = with_flags(exc)
        click.echo(exc.format(lang), err=True)
        _emit_failure(exc.exit_code, exc.problems)
        sys.exit(exc.exit_code)
    except MemoryError:  # an input beyond every limit lsdocs checks before the work
        click.echo(OUT_OF_MEMORY.get(_lang_from_argv(argv)), err=True)
        _emit_failure(2, [Problem(Location(), OUT_OF_MEMORY, code="memory")])
        sys.exit(2)
    except OSError as exc:  # the disk, permissions, a folder where a file should be
        message = CANNOT_WRITE.format(f=exc.filename or "", e=exc.strerror or str(exc))
        click.echo(message.get(_lang_from_argv(argv)), err=True)
        _emit_failure(2, [Problem(Location(file=str(exc.filename or "") or None),
                                  message, code="io")])
        sys.exit(2)
    except Exception as exc:  # a bug in lsdocs, not a user mistake
        if os.environ.get(DEBUG_ENV):
            raise
        message = INTERNAL_ERROR.format(e=f"{type(exc).__name__}: {exc}")
        click.echo(message.get(_lang_from_argv(argv)), err=True)
        _emit_failure(3, [Problem(Location(), message, code="internal")])
        sys.exit(3)
    sys.exit(0)


def _emit_failure(exit_code: int, problems: list[Problem]) -> None:
    """Under --json, a failed command still answers with the one documented JSON object."""
    obj = current_context()
    if obj is not None and obj.json:
        obj.emit(exit_code, None, problems)


DEBUG_ENV = "LSDOCS_DEBUG"
#: click >= 8.2 raises this for a bare `lsdocs` (its message is the help)
_NO_ARGS_IS_HELP: type[click.UsageError] = getattr(
    click.exceptions, "NoArgsIsHelpError", type("_Never", (click.UsageError,), {}))
CANNOT_WRITE = T(
    "{f}: lỗi: không đọc hoặc ghi được tệp ({e}); kiểm tra đường dẫn, quyền ghi và chỗ trống "
    "trên đĩa. Các tệp đã có không bị thay đổi.",
)
OUT_OF_MEMORY = T(
    "lỗi: không đủ bộ nhớ để xử lý tệp đầu vào (tệp quá lớn hoặc bất thường); không có tệp nào "
    "bị thay đổi. Xem các giới hạn trong README (mục «Giới hạn»).",
)
INTERNAL_ERROR = T(
    "lỗi nội bộ của lsdocs ({e}); nội dung và các tệp đã có không bị thay đổi. "
    "Chạy lại với LSDOCS_DEBUG=1 để xem chi tiết và báo cho nhóm phát triển.",
)


def _lang_from_argv(argv: list[str] | None) -> str:
    return cli_language(sys.argv[1:] if argv is None else argv)
