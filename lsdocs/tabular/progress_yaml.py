"""Progress records as YAML text: written in the agreed layout, with comments for clerks.

A record imported from a workbook becomes plain data (:func:`record_data`) in
the order and with the keys of ``content/tien-do/<plan>/<year>/<agency>.yaml``.
When the file already exists its text is loaded with ruamel.yaml's round-trip
parser and only the keys whose meaning changed are replaced, so comments and
keys the workbook does not carry (``source``, a product's ``issuer``) stay.
A new file gets the comments of the agreed format.

:func:`meaning` reduces record data to what it says (dates read, spaces
collapsed, tasks by id), for "unchanged?" decisions and the export digest.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from collections.abc import Mapping
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from lsdocs import vnformat as vn
from lsdocs.content.model import Signature
from lsdocs.progress.records import (
    Figure,
    Narrative,
    ProductDocument,
    ProgressRecord,
    TaskProgress,
)
from lsdocs.tabular.progress_sheets import NARRATIVE_KEYS

LINE_WIDTH = 98
TOP_KEYS = ("lsdocs", "kind", "plan", "year", "agency", "source", "reported_on",
            "report_number", "budget", "signature", "narrative", "tasks", "figures")
TASK_KEYS = ("task", "status", "completed", "result", "products", "difficulties", "causes",
             "proposals")
PRODUCT_KEYS = ("type", "number", "date", "trich_yeu", "issuer")
FIGURE_KEYS = ("target", "baseline", "value", "note")
SIGNATURE_KEYS = ("authority", "title", "name")
DATE_KEYS = frozenset({"reported_on", "completed", "date"})
#: Keys an import decides; any other key of an existing file is kept as it is.
IMPORTED_TOP = frozenset(TOP_KEYS) - {"source"}
_IMPORTED_PRODUCT = frozenset(PRODUCT_KEYS) - {"issuer"}

_COMMENTS = {
    "kind": "báo cáo tiến độ của một cơ quan trong một năm",
    "plan": "mã kế hoạch",
    "year": "năm báo cáo: số liệu từ {start} đến {end}",
    "agency": "cơ quan báo cáo",
    "reported_on": "ngày cơ quan gửi báo cáo",
    "report_number": "số, ký hiệu báo cáo của cơ quan",
    "budget": "kinh phí đã sử dụng trong năm, đồng",
    "signature": "người ký báo cáo của cơ quan",
    "narrative": "các phần lời văn của báo cáo (mỗi phần là danh sách đoạn văn)",
    "tasks": "mỗi nhiệm vụ cơ quan chủ trì (mã nhiệm vụ như trong kế hoạch)",
    "figures": "số liệu chỉ tiêu đo được của kế hoạch",
}
_TASK_COMMENTS = {
    "status": "hoan-thanh | dang-thuc-hien | chua-trien-khai",
    "completed": "ngày hoàn thành",
}
_COMMENT_COLUMN = 27


# --- record -> plain data ---------------------------------------------------------------------


def record_data(record: ProgressRecord) -> dict[str, Any]:
    """*record* as the YAML file holds it, keys in the agreed order, empty parts left out."""
    data: dict[str, Any] = {"lsdocs": 1, "kind": "tien-do", "plan": record.plan,
                            "year": record.year, "agency": record.agency}
    if record.source == "illustrative":
        data["source"] = "illustrative"
    data["reported_on"] = _date(record.reported_on)
    data["report_number"] = record.report_number
    data["budget"] = record.budget
    if record.signature is not None:
        sig = record.signature
        data["signature"] = _compact({"authority": list(sig.authority) or None,
                                      "title": sig.title, "name": sig.name})
    narrative = {key: list(getattr(record.narrative, field))
                 for key, field in NARRATIVE_KEYS.items()}
    data["narrative"] = _compact({k: v or None for k, v in narrative.items()}) or None
    data["tasks"] = [_task_data(t) for t in record.tasks] or None
    data["figures"] = [_compact({"target": f.target, "baseline": _number(f.baseline),
                                 "value": _number(f.value), "note": f.note})
                       for f in record.figures] or None
    return _compact(data)


def _task_data(task: TaskProgress) -> dict[str, Any]:
    products = [_compact({"type": p.doc_type, "number": p.number, "date": _date(p.date),
                          "trich_yeu": p.trich_yeu, "issuer": p.issuer})
                for p in task.products]
    return _compact({"task": task.task, "status": task.state, "completed": _date(task.completed),
                     "result": task.result, "products": products or None,
                     "difficulties": task.difficulties, "causes": task.causes,
                     "proposals": task.proposals})


def _date(day: dt.date | None) -> str | None:
    return vn.short_date(day) if day is not None else None


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None}


# --- meaning and digest -------------------------------------------------------------------------


def meaning(value: Any, key: str = "") -> Any:
    """What record data says, independent of spelling: for comparisons and digests."""
    if isinstance(value, Mapping):
        reduced = {str(k): meaning(v, str(k)) for k, v in value.items()}
        return {k: v for k, v in reduced.items() if v not in (None, "", [], {})}
    if isinstance(value, (list, tuple)):
        items = [meaning(v, key) for v in value]
        if key in ("tasks", "figures"):
            field = "task" if key == "tasks" else "target"
            items.sort(key=lambda item: str(item.get(field)) if isinstance(item, dict) else "")
        return items
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = " ".join(str(value).split())
    if key in DATE_KEYS:
        try:
            return vn.parse_vn_date(text).isoformat()
        except ValueError:
            return text
    return text


def digest(data: Any) -> str:
    """A short digest of what *data* says (``""`` for no record)."""
    if data is None:
        return ""
    text = json.dumps(meaning(data), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# --- reading an existing file -------------------------------------------------------------------


def load_text(text: str) -> CommentedMap | None:
    """The round-trip tree of a record file, or None when it is not a YAML mapping."""
    try:
        tree = _yaml().load(text)
    except YAMLError:
        return None
    return tree if isinstance(tree, CommentedMap) else None


def record_from_data(data: Mapping[str, Any], file: str = "") -> ProgressRecord:
    """A record from file data, leniently: what cannot be read is left out (to pre-fill
    a workbook; the loader reports it)."""
    tasks = [t for raw in _items(data.get("tasks")) if (t := _task(raw)) is not None]
    figures = [f for raw in _items(data.get("figures")) if (f := _figure(raw)) is not None]
    raw_narrative = data.get("narrative")
    narrative: Mapping[str, Any] = raw_narrative if isinstance(raw_narrative, Mapping) else {}
    budget = data.get("budget")
    return ProgressRecord(
        plan=str(data.get("plan", "")), year=_int(data.get("year")) or 0,
        agency=str(data.get("agency", "")),
        source="illustrative" if data.get("source") == "illustrative" else None,
        tasks=tuple(tasks),
        narrative=Narrative(**{field: tuple(_paragraphs(narrative.get(key)))
                               for key, field in NARRATIVE_KEYS.items()}),
        figures=tuple(figures),
        budget=budget if isinstance(budget, int) and not isinstance(budget, bool) else None,
        reported_on=_read_date(data.get("reported_on")),
        report_number=_str(data.get("report_number")),
        signature=_signature(data.get("signature")), file=file)


def _items(value: Any) -> list[Mapping[str, Any]]:
    return [v for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []


def _task(raw: Mapping[str, Any]) -> TaskProgress | None:
    status = raw.get("status")
    if raw.get("task") is None or status not in ("hoan-thanh", "dang-thuc-hien",
                                                 "chua-trien-khai"):
        return None
    products = [ProductDocument(str(p.get("type", "")), str(p.get("number", "")), day,
                                _str(p.get("trich_yeu")), _str(p.get("issuer")))
                for p in _items(raw.get("products"))
                if (day := _read_date(p.get("date"))) is not None]
    return TaskProgress(str(raw["task"]), status, _read_date(raw.get("completed")),
                        _str(raw.get("result")), tuple(products), _str(raw.get("difficulties")),
                        _str(raw.get("causes")), _str(raw.get("proposals")))


def _figure(raw: Mapping[str, Any]) -> Figure | None:
    value, baseline = raw.get("value"), raw.get("baseline")
    if raw.get("target") is None or not isinstance(value, (int, float)):
        return None
    return Figure(str(raw["target"]), float(value),
                  float(baseline) if isinstance(baseline, (int, float)) else None,
                  _str(raw.get("note")))


def _signature(raw: Any) -> Signature | None:
    if not isinstance(raw, Mapping) or not raw.get("name"):
        return None
    authority = raw.get("authority") or []
    lines = [str(a) for a in authority] if isinstance(authority, list) else [str(authority)]
    return Signature(tuple(lines), str(raw.get("title") or ""), str(raw["name"]))


def _paragraphs(value: Any) -> list[str]:
    if isinstance(value, list):
        return [" ".join(str(v).split()) for v in value if v is not None]
    return [" ".join(str(value).split())] if value else []


def _str(value: Any) -> str | None:
    return " ".join(str(value).split()) or None if value is not None else None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _read_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return vn.parse_vn_date(str(value)) if value is not None else None
    except ValueError:
        return None


# --- writing ----------------------------------------------------------------------------------


def render(data: Mapping[str, Any], old: CommentedMap | None, header: str,
           period: tuple[dt.date, dt.date]) -> str:
    """The file text for *data*: *old* (the existing file's tree) updated, or a new file."""
    tree = old if old is not None else CommentedMap()
    fresh = old is None
    _merge(tree, data, TOP_KEYS, IMPORTED_TOP, fresh)
    if fresh:
        tree.yaml_set_start_comment(header)
        start, end = (vn.short_date(d) for d in period)
        for key, comment in _COMMENTS.items():
            if key in tree:
                tree.yaml_add_eol_comment(comment.format(start=start, end=end), key,
                                          column=_COMMENT_COLUMN)
    out = io.StringIO()
    _yaml().dump(tree, out)
    # ruamel.yaml leaves a space where it folds a long plain scalar.
    return "".join(line.rstrip() + "\n" for line in out.getvalue().splitlines())


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.width = LINE_WIDTH
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.preserve_quotes = True
    return yaml


def _merge(tree: CommentedMap, new: Mapping[str, Any], order: tuple[str, ...],
           imported: frozenset[str], fresh: bool) -> None:
    """Set the keys of *tree* that *new* says differently; drop imported keys it lacks."""
    for key in [k for k in tree if k in imported and k not in new]:
        del tree[key]
    for key, value in new.items():
        if key in tree and meaning(tree[key], key) == meaning(value, key):
            continue
        styled = _styled_or_merged(tree.get(key), key, value)
        if key in tree:
            tree[key] = styled
        else:
            tree.insert(_position(tree, key, order), key, styled)


def _position(tree: CommentedMap, key: str, order: tuple[str, ...]) -> int:
    before = set(order[:order.index(key)]) if key in order else set(order)
    keys = list(tree)
    return max((i + 1 for i, k in enumerate(keys) if k in before), default=0)


def _styled_or_merged(old: Any, key: str, value: Any) -> Any:
    if key in ("narrative", "signature") and isinstance(old, CommentedMap):
        keys = SIGNATURE_KEYS if key == "signature" else tuple(NARRATIVE_KEYS)
        _merge(old, value, keys, frozenset(keys), False)
        return old
    if key in ("tasks", "figures") and isinstance(old, CommentedSeq):
        return _merged_list(old, key, value)
    return _styled(key, value)


def _merged_list(old: CommentedSeq, key: str, new: list[dict[str, Any]]) -> CommentedSeq:
    """Items matched by task (or target) id keep their comments and extra keys."""
    field, keys = ("task", TASK_KEYS) if key == "tasks" else ("target", FIGURE_KEYS)
    by_id = {str(item.get(field)): item for item in old if isinstance(item, CommentedMap)}
    result = CommentedSeq()
    for item in new:
        found = by_id.get(str(item[field]))
        if found is None:
            result.append(_styled_item(key, item))
            continue
        if key == "tasks" and "products" in item and isinstance(found.get("products"), list):
            item = {**item, "products": _keep_issuers(found["products"], item["products"])}
        _merge(found, item, keys, frozenset(keys), False)
        if field == "task":
            found[field] = DoubleQuotedScalarString(str(item[field]))
        result.append(found)
    return result


def _keep_issuers(old: list[Any], new: list[dict[str, Any]]) -> list[dict[str, Any]]:
    issuers = {str(p.get("number")): p.get("issuer") for p in old
               if isinstance(p, Mapping) and p.get("issuer")}
    return [p if "issuer" in p or p.get("number") not in issuers
            else {**p, "issuer": issuers[p["number"]]} for p in new]


def _styled(key: str, value: Any) -> Any:
    if key in ("tasks", "figures"):
        seq = CommentedSeq(_styled_item(key, item) for item in value)
        return seq
    if key == "authority" and isinstance(value, list):
        seq = CommentedSeq(value)
        seq.fa.set_flow_style()
        return seq
    if isinstance(value, Mapping):
        mapping = CommentedMap()
        for k, v in value.items():
            mapping[k] = _styled(k, v)
        return mapping
    if isinstance(value, list):
        return CommentedSeq(_styled(key, v) for v in value)
    if key in ("task", "target") and isinstance(value, str):
        return DoubleQuotedScalarString(value) if key == "task" else value
    return value


def _styled_item(key: str, item: Mapping[str, Any]) -> CommentedMap:
    mapping = _styled("", item)
    if key == "tasks":
        for field, comment in _TASK_COMMENTS.items():
            if field in mapping:
                mapping.yaml_add_eol_comment(comment, field, column=_COMMENT_COLUMN)
    return mapping  # type: ignore[no-any-return]
