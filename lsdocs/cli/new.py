"""``lsdocs new ke-hoach [THƯ_MỤC]``: start a new plan from a commented starter."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from lsdocs.cli._common import CliContext, json_option, lang_option
from lsdocs.cli._paths import shipped_content_dirs
from lsdocs.errors import T
from lsdocs.names import STARTER_KINDS


@click.command("new")
@click.argument("kind", type=click.Choice(STARTER_KINDS))
@click.argument("folder", required=False, default="content",
                type=click.Path(file_okay=False, path_type=Path), metavar="THƯ_MỤC")
@click.option("--id", "plan_id", default=None, metavar="MÃ",
              help="Mã kế hoạch (mặc định ke-hoach-NĂM), ví dụ kh-25-2027.")
@click.option("--year", type=click.IntRange(1945, 2100), default=None, metavar="NĂM",
              help="Năm của dự thảo (mặc định: năm nay).")
@lang_option
@json_option
@click.pass_obj
def new_command(obj: CliContext, kind: str, folder: Path, plan_id: str | None,
                year: int | None) -> None:
    """Tạo tệp kế hoạch mới có chú thích, kiểm tra và soạn được ngay.

    Mã kế hoạch viết thường, nối bằng gạch ngang (ví dụ kh-25-2027); ngày trong
    tệp viết dạng DD/MM/YYYY.

    \b
    Ví dụ:
      lsdocs new ke-hoach                       # content/ke-hoach-2026.yaml
      lsdocs new ke-hoach noi-dung --id kh-25-2027 --year 2027
      lsdocs build kh-25-2027                   # soạn theo mã kế hoạch
    """
    from lsdocs.starter import new_plan

    year = year or dt.date.today().year
    registry = next((d / "agencies.yaml" for d in [folder, *shipped_content_dirs()]
                     if (d / "agencies.yaml").is_file()), None)
    result = new_plan(folder, plan_id or f"ke-hoach-{year}", year=year, registry=registry)
    obj.say(T("Đã tạo: {p}", p=result.plan))
    if result.registry:
        obj.say(T("Đã chép danh mục cơ quan: {p}", p=result.registry))
    obj.say(T("Tiếp theo: sửa tệp, rồi chạy «lsdocs validate {p}» và «lsdocs build {p}».",
              p=result.plan))
    obj.emit(0, {"plan": str(result.plan),
                 "registry": str(result.registry) if result.registry else None})
