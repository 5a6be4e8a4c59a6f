"""``lsdocs validate``: check content files and report every problem at once."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from lsdocs.cli._common import CliContext, json_option, lang_option, print_problems
from lsdocs.cli._paths import CONTENT, default_content
from lsdocs.errors import Problem, T, is_missing_file


@click.command("validate")
@click.argument("path", required=False, type=CONTENT)
@click.option("--no-cache", is_flag=True,
              help="Kiểm tra lại toàn bộ, không dùng kết quả «hợp lệ» đã nhớ (xem README).")
@lang_option
@json_option
@click.pass_obj
def validate_command(obj: CliContext, path: Path | None, no_cache: bool) -> None:
    """Kiểm tra nội dung (kế hoạch, danh mục cơ quan, báo cáo tiến độ); báo mọi lỗi một lần.

    NỘI_DUNG là tệp kế hoạch, thư mục nội dung hoặc mã kế hoạch (mặc định
    content/kh-182-2023.yaml). Các tệp tiến độ (tien-do/<mã kế hoạch>/<năm>/<mã cơ
    quan>.yaml cạnh tệp kế hoạch) được kiểm tra khi kế hoạch không có lỗi. Ngày trong
    nội dung viết dạng DD/MM/YYYY.
    Mã thoát: 0 hợp lệ, 1 có lỗi nội dung, 2 sai cách dùng.

    \b
    Ví dụ:
      lsdocs validate
      lsdocs validate content/kh-182-2023.yaml --lang en
    """
    from lsdocs import clean_cache

    target = path or default_content()
    use_cache = not (no_cache or clean_cache.disabled())
    if use_cache and clean_cache.is_known_clean(target):
        problems: list[Problem] = []
    else:
        problems = _validate(target, remember=use_cache)
    print_problems(obj, problems)
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    code = (2 if is_missing_file(problems) else 1) if errors else 0
    obj.emit(code, {"errors": errors, "warnings": warnings}, problems)
    if errors:
        obj.say(T("{e} lỗi, {w} cảnh báo.", e=errors,
                  w=warnings), err=True)
        sys.exit(code)
    obj.say(T("Nội dung hợp lệ ({w} cảnh báo).", w=warnings))


def _validate(target: Path, remember: bool) -> list[Problem]:
    """Validate for real; remember a result without any problem (lsdocs.clean_cache)."""
    from lsdocs import clean_cache, readlog
    from lsdocs.progress.record_loader import validate_with_progress

    with readlog.recording() as seen:
        problems = validate_with_progress(target)
    if remember and not problems:
        clean_cache.remember_clean(target, seen)
    return problems
