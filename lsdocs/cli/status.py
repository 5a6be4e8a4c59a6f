"""``lsdocs status``: where every task and agency stands in a reporting year."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from lsdocs.cli._common import CliContext, json_option, lang_option
from lsdocs.cli._paths import CONTENT, default_content
from lsdocs.cli.letters import VnDate


@click.command("status")
@click.argument("content", required=False, type=CONTENT)
@click.option("--year", type=int, required=True, metavar="NĂM",
              help="Năm báo cáo, ví dụ 2025.")
@click.option("--as-of", "as_of", type=VnDate(), default=None,
              help="Tính quá hạn đến ngày này, dạng DD/MM/YYYY (mặc định: ngày cuối kỳ báo "
              "cáo, 14/12).")
@lang_option
@json_option
@click.pass_obj
def status_command(obj: CliContext, content: Path | None, year: int,
                   as_of: dt.date | None) -> None:
    """Tình hình thực hiện kế hoạch trong một năm báo cáo: từng nhiệm vụ theo nhóm và cơ quan,
    các cơ quan chưa báo cáo, số liệu tổng hợp.

    NỘI_DUNG là tệp kế hoạch, thư mục nội dung hoặc mã kế hoạch (mặc định
    content/kh-182-2023.yaml); báo cáo tiến độ đọc từ tien-do/<mã kế hoạch>/<năm>/ cạnh tệp kế
    hoạch. Ngày viết dạng DD/MM/YYYY. --json: một đối tượng JSON (lược đồ lsdocs/1), trong
    "result" là tình hình năm theo lược đồ lsdocs.status/1.
    Mã thoát: 0 thành công, 1 nội dung có lỗi, 2 sai cách dùng.

    \b
    Ví dụ:
      lsdocs status --year 2025
      lsdocs status kh-182-2023 --year 2025 --as-of 30/11/2025 --json
    """
    from lsdocs.content import load_plan
    from lsdocs.progress.overview import check_year, status_json, status_lines
    from lsdocs.progress.record_loader import load_progress
    from lsdocs.progress.year_status import year_status

    loaded = load_plan(content or default_content())
    check_year(loaded, year)
    status = year_status(loaded, load_progress(loaded), year, as_of)
    if obj.json:
        obj.emit(0, status_json(status, obj.lang), loaded.warnings)
        return
    for line in status_lines(status, obj.lang):
        click.echo(line)
