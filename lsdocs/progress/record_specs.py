"""The shape of a progress record file (``content/tien-do/<plan>/<year>/<agency>.yaml``).

Read top-down it is the reference of the format agreed in PROGRESS-FORMAT.md;
the model (:mod:`lsdocs.progress.records`) says what each field means.  The
types and the schema walk are the plan's own (:mod:`lsdocs.content.schema`,
:mod:`lsdocs.content.fieldtypes`), so a progress file reports its mistakes
exactly as the plan does.  Checks that look across fields, files and the
plan live in :mod:`lsdocs.progress.record_checks`.
"""

from __future__ import annotations

from lsdocs.content import plan_specs as plan_specs
from lsdocs.content.fieldtypes import (
    ChoiceType,
    DateType,
    IntType,
    NumberType,
    PatternType,
    TextType,
)
from lsdocs.content.schema import Field, ListType, MapSpec
from lsdocs.errors import T
from lsdocs.progress.records import TASK_STATES
from lsdocs.vnformat import TYPE_CODES

PROGRESS_KIND = "tien-do"

#: YAML key of each narrative section -> field of :class:`~lsdocs.progress.records.Narrative`.
NARRATIVE_KEYS: dict[str, str] = {
    "chi_dao": "leadership",
    "ket_qua": "results",
    "ton_tai": "shortcomings",
    "nguyen_nhan": "causes",
    "phuong_huong": "next_year",
    "kien_nghi": "proposals",
}

#: ``215/BC-SNN``: a number, a slash, groups of a capital then letters or digits.
NUMBER_PATTERN = r"([0-9]+)/([A-ZĐ][A-Za-zĐđ0-9]*(?:-[A-ZĐ][A-Za-zĐđ0-9]*)*)"
NUMBER_EXPECTED = T("số, ký hiệu dạng 125/KH-SNN (công văn: 1465/SNN-PTNT)")

STATE = ChoiceType(TASK_STATES, T("tình trạng nhiệm vụ không hợp lệ"),
                   "bad-status")
DOC_TYPE = ChoiceType(tuple(TYPE_CODES), T("loại văn bản không có"),
                      "bad-doc-type")
DOC_NUMBER = PatternType(NUMBER_PATTERN, NUMBER_EXPECTED, "bad-doc-number")
YEAR = IntType(minimum=1945, maximum=2100, expected=T("năm báo cáo, ví dụ 2024"))
BUDGET = IntType(minimum=0, expected=T("số tiền bằng đồng, số nguyên không âm, ví dụ 350000000"))

PRODUCT = MapSpec((
    Field("type", DOC_TYPE, True),
    Field("number", DOC_NUMBER, True),
    Field("date", DateType(), True),
    Field("trich_yeu", plan_specs.OPTIONAL_TEXT),
    Field("issuer", plan_specs.AGENCY),  # when the reporting agency did not issue it
))

TASK = MapSpec((
    Field("task", plan_specs.TASK_ID, True),
    Field("status", STATE, True),
    Field("completed", DateType(nullable=True)),
    Field("result", plan_specs.OPTIONAL_TEXT),
    Field("products", ListType(PRODUCT, min_items=0)),
    Field("difficulties", plan_specs.OPTIONAL_TEXT),
    Field("causes", plan_specs.OPTIONAL_TEXT),
    Field("proposals", plan_specs.OPTIONAL_TEXT),
))

PARAGRAPHS = ListType(TextType(T("một đoạn văn")), min_items=0,
                      expected=T("danh sách các đoạn văn"))

NARRATIVE = MapSpec(tuple(Field(key, PARAGRAPHS) for key in NARRATIVE_KEYS))

FIGURE = MapSpec((
    Field("target", plan_specs.SLUG, True),
    Field("baseline", NumberType()),
    Field("value", NumberType(), True),
    Field("note", plan_specs.OPTIONAL_TEXT),
))

RECORD = MapSpec((
    Field("lsdocs", plan_specs.VERSION, True),
    Field("kind", ChoiceType((PROGRESS_KIND,), T("loại nội dung không được hỗ trợ"),
                             "unsupported-kind"), True),
    Field("plan", plan_specs.SLUG, True),
    Field("year", YEAR, True),
    Field("agency", plan_specs.AGENCY, True),
    Field("source", plan_specs.SOURCE),
    Field("reported_on", DateType(nullable=True)),
    Field("report_number", PatternType(NUMBER_PATTERN, T("số, ký hiệu báo cáo dạng 215/BC-SNN"),
                                       "bad-doc-number")),
    Field("budget", BUDGET),
    Field("signature", plan_specs.SIGNATURE),
    Field("narrative", NARRATIVE),
    Field("tasks", ListType(TASK, min_items=0)),
    Field("figures", ListType(FIGURE, min_items=0)),
))
