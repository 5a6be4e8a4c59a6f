"""``lsdocs build``: write the plan (Kế hoạch) from content."""

from __future__ import annotations

from pathlib import Path

import click

from lsdocs.cli._common import CliContext, json_option, lang_option, print_problems
from lsdocs.cli._paths import CONTENT, DEFAULT_OUTPUT, default_content
from lsdocs.cli._pdf import pdf_options, require_pdf_tools, write_pdfs
from lsdocs.errors import T, join_texts


@click.command("build")
@click.argument("content", required=False, type=CONTENT)
@click.option(
    "-o", "--output", "output", type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_OUTPUT, show_default=True, help="Thư mục ghi kết quả.",
)
@click.option(
    "--templates", type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=None, help="Thư mục mẫu .docx (mặc định: templates/ của lsdocs).",
)
@pdf_options
@lang_option
@json_option
@click.pass_obj
def build_command(
    obj: CliContext, content: Path | None, output: Path, templates: Path | None,
    make_pdf: bool, pdfa: bool,
) -> None:
    """Soạn Kế hoạch (kèm Phụ lục phân công) từ nội dung YAML.

    NỘI_DUNG là tệp kế hoạch, thư mục nội dung hoặc mã kế hoạch (mặc định
    content/kh-182-2023.yaml).

    \b
    Ví dụ:
      lsdocs build                              # output/kh-182-2023/ke-hoach.docx
      lsdocs build kh-25-2027 -o ket-qua        # theo mã kế hoạch
      lsdocs build content/kh-182-2023.yaml --json
    """
    from lsdocs.plan_writer import build as build_plan

    require_pdf_tools(make_pdf, pdfa)
    result = build_plan(content or default_content(), output, templates)
    print_problems(obj, result.warnings)
    for path in result.changed:
        obj.say(T("Đã ghi: {p}", p=path))
    for path in result.unchanged:
        obj.say(T("Không đổi: {p}", p=path))
    pdfs = write_pdfs(obj, [*result.changed, *result.unchanged], make_pdf, pdfa)
    if result.illustrative:
        obj.say(
            T(
                "Lưu ý: các phần sau là nội dung minh họa, không phải văn bản gốc: {n}.",
                n=join_texts(result.illustrative_parts, ", "),
            )
        )
    obj.emit(0, {"directory": str(result.directory),
                 "written": [str(p) for p in result.changed],
                 "unchanged": [str(p) for p in result.unchanged],
                 "illustrative": result.illustrative or None, "pdf": pdfs}, result.warnings)
