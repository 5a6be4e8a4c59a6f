"""``lsdocs new``: a commented starter plan that validates and builds at once.

The starter is a draft plan of the year given (blank number and day, as a
draft should be) with every block a plan needs, each explained in Vietnamese
comments.  The agency registry is copied beside it when the folder has none,
so the new plan can name the province's agencies straight away.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from lsdocs.content.plan_loader import REGISTRY_FILE, find_plan
from lsdocs.errors import T, Text, UsageError, parameter_error
from lsdocs.limits import MAX_CONTENT_BYTES, Refused, read_regular_file
from lsdocs.names import STARTER_KINDS as STARTER_KINDS  # re-exported
from lsdocs.render.output import write_atomic

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class StarterResult:
    plan: Path  # the new plan file
    registry: Path | None  # the registry copied beside it (None: one was already there)


def new_plan(folder: str | os.PathLike[str], plan_id: str, *, year: int | None = None,
             registry: str | os.PathLike[str] | None = None) -> StarterResult:
    """Write ``<folder>/<plan_id>.yaml`` from the starter; copy *registry* if the folder has none.

    Refuses (UsageError) an id that is not a safe slug, an existing file, or a
    plan id already used by another plan in *folder*: nothing is overwritten.
    """
    folder = Path(folder)
    _check_id(plan_id)
    target = folder / f"{plan_id}.yaml"
    if target.exists() or find_plan(plan_id, folder) is not None:
        raise _refuse("id", T("đã có kế hoạch mang mã này; không ghi đè"),
                      str(target), T("một mã khác"))
    year = year or dt.date.today().year
    text = resources.files("lsdocs.starters").joinpath("ke-hoach.yaml").read_text("utf-8")
    text = (text.replace("__ID__", plan_id).replace("__YEAR__", str(year))
            .replace("__FILE__", str(target)))
    copied = None
    if not (folder / REGISTRY_FILE).exists():
        if registry is None or not Path(registry).is_file():
            raise _refuse("registry", T("không tìm thấy danh mục cơ quan để chép"), str(registry),
                          T("tệp agencies.yaml"))
        copied = folder / REGISTRY_FILE
        try:
            data = read_regular_file(registry, MAX_CONTENT_BYTES)
        except Refused as exc:
            raise _refuse("registry", exc.message, str(registry),
                          T("tệp agencies.yaml")) from exc
        write_atomic(copied, data)
    write_atomic(target, text.encode("utf-8"))
    return StarterResult(target, copied)


def _check_id(plan_id: str) -> None:
    if not _ID.fullmatch(plan_id):
        raise _refuse("id", T("mã kế hoạch không hợp lệ"), plan_id,
                      T("chữ thường không dấu, số và dấu gạch ngang, ví dụ kh-25-2027"))


def _refuse(parameter: str, message: Text, found: str, expected: Text) -> UsageError:
    """A refusal about *parameter*; the CLI names it as its flag (``--id``)."""
    return parameter_error(parameter, message, found, expected)
