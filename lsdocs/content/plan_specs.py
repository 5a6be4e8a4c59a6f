"""The shape of each content file, as data: one :class:`MapSpec` per mapping.

Read top-down it is the reference of the content format (version 1); the
model (:mod:`lsdocs.content.model`) says what each field means.
"""

from __future__ import annotations

from lsdocs.content import text_rules as rules
from lsdocs.content.fieldtypes import (
    AgencyRefType,
    BoolType,
    ChoiceType,
    DateType,
    DeadlineType,
    IntType,
    NumberType,
    PatternType,
    TextType,
)
from lsdocs.content.schema import EitherType, Field, ListType, MapOfType, MapSpec
from lsdocs.errors import T
from lsdocs.kinds import kind_ids

FORMAT_VERSIONS = (1,)
PLAN_KINDS = ("ke-hoach",)
REGISTRY_KIND = "agencies"
AGENCY_KINDS = ("ubnd", "so", "nganh", "dia-phuong", "trung-uong", "dang", "khac")
SOURCES = ("verbatim", "illustrative")

VERSION = ChoiceType(FORMAT_VERSIONS, T("phiên bản định dạng nội dung không được hỗ trợ"),
                     "unsupported-version")
SOURCE = ChoiceType(SOURCES, T("nguồn văn bản không hợp lệ"), "bad-source")
TEXT = TextType()
OPTIONAL_TEXT = TextType(nullable=True)
PARAGRAPHS = ListType(TextType(T("một đoạn văn")),
                      expected=T("danh sách các đoạn văn"))
AGENCY = AgencyRefType()
SLUG = PatternType(r"[a-z0-9]+(?:-[a-z0-9]+)*",
                   T("chữ thường không dấu, số và dấu gạch ngang, ví dụ kh-182-2023"))
TASK_ID = PatternType(r"[0-9]+(?:\.[0-9]+)*",
                      T('số thứ tự dạng "3.2", trong dấu nháy kép'))
UPPER_LINES = ListType(TextType(T("một dòng chữ in hoa"),
                                rules=(rules.header_line,)), min_items=0)

# --- agencies.yaml ---------------------------------------------------------------

SUCCESSOR = MapSpec((Field("agency", AGENCY, True), Field("scope", OPTIONAL_TEXT)))

AGENCY_ENTRY = MapSpec((
    Field("id", SLUG, True),
    Field("name", TEXT, True),
    Field("short_name", TEXT, True),
    Field("symbol", OPTIONAL_TEXT),
    Field("kind", ChoiceType(AGENCY_KINDS, T("loại cơ quan không hợp lệ")), True),
    Field("parent", AGENCY),
    Field("header_lines", UPPER_LINES),
    Field("parent_header_lines", UPPER_LINES),
    Field("group", BoolType()),
    Field("valid_from", DateType(nullable=True)),
    Field("valid_until", DateType(nullable=True)),
    Field("successors", ListType(SUCCESSOR, min_items=0)),
    Field("verified", BoolType()),
    Field("note", OPTIONAL_TEXT),
))

REGISTRY = MapSpec((
    Field("lsdocs", VERSION, True),
    Field("kind", ChoiceType((REGISTRY_KIND,), T("loại nội dung không được hỗ trợ"),
                             "unsupported-kind"), True),
    Field("agencies", ListType(AGENCY_ENTRY), True),
))

# --- the plan --------------------------------------------------------------------

YEAR = IntType(minimum=1945, maximum=2100, expected=T("một năm, ví dụ 2030"))

SIGNATURE = MapSpec((
    Field("authority", ListType(TextType(rules=(rules.authority_line,)), min_items=0), True),
    Field("title", TextType(rules=(rules.upper_case,)), True),
    Field("name", TextType(rules=(rules.signer_name,)), True),
))

DOCUMENT = MapSpec((
    Field("number", IntType(minimum=1, expected=T("số văn bản, số nguyên lớn hơn 0"))),
    Field("date", DateType()),
    Field("draft", BoolType()),
    Field("year", YEAR),  # a draft's year, printed in "ngày … tháng … năm 2026"
    Field("place", TEXT, True),
    Field("issuer", AGENCY, True),
    Field("trich_yeu", TextType(rules=(rules.sentence_case,)), True),
    Field("source", SOURCE),
    Field("signature", SIGNATURE, True),
))

RECIPIENT = EitherType(
    TEXT,
    MapSpec((Field("agency", AGENCY, True), Field("text", OPTIONAL_TEXT))),
    T("tên nơi nhận hoặc {agency: mã}"),
)

NOI_NHAN = MapSpec((
    Field("source", SOURCE),
    Field("items", ListType(RECIPIENT), True),
    Field("filing", TEXT, True),
))

BLOCK = MapSpec((Field("source", SOURCE), Field("paragraphs", PARAGRAPHS, True)))

PURPOSES = MapSpec((
    Field("source", SOURCE),
    Field("muc_dich", PARAGRAPHS, True),
    Field("yeu_cau", PARAGRAPHS, True),
))


TARGET = MapSpec((
    Field("id", SLUG),
    Field("indicator", TEXT, True),
    Field("value", NumberType(), True),
    Field("unit", TEXT, True),
    Field("change", ChoiceType(("increase", "reach", "decrease"))),
    Field("year", YEAR, True),
    Field("baseline_year", YEAR),
))

OBJECTIVE_ITEM = EitherType(
    TEXT,
    MapSpec((Field("text", TEXT, True), Field("target", TARGET))),
    T("một đoạn văn hoặc {text, target}"),
)

OBJECTIVE = MapSpec((
    Field("id", SLUG, True),
    Field("title", TEXT, True),
    Field("year", YEAR),
    Field("source", SOURCE),
    Field("items", ListType(OBJECTIVE_ITEM), True),
))

TASK = MapSpec((
    Field("id", TASK_ID, True),
    Field("name", TEXT, True),
    Field("lead", AGENCY, True),
    Field("support", ListType(AGENCY, min_items=0)),
    Field("support_text", OPTIONAL_TEXT),
    Field("deadline", DeadlineType(), True),
    Field("product", TEXT, True),
    Field("source", SOURCE),
))

TASK_GROUP = MapSpec((
    Field("id", SLUG, True),
    Field("title", TEXT, True),
    Field("source", SOURCE),
    Field("paragraphs", PARAGRAPHS, True),
    Field("tasks", ListType(TASK, min_items=0)),
))

RESPONSIBILITY = MapSpec((
    Field("agency", AGENCY, True),
    Field("together_with", ListType(AGENCY, min_items=0)),
    Field("title", OPTIONAL_TEXT),
    Field("paragraphs", PARAGRAPHS, True),
))

DAY = IntType(minimum=1, maximum=31, expected=T("ngày trong tháng, 1–31"))
MONTH = IntType(minimum=1, maximum=12, expected=T("tháng, 1–12"))

REPORTING = MapSpec((
    Field("reporters_to", AGENCY, True),
    Field("day", DAY, True),
    Field("month", MONTH, True),
    Field("compiler_to", AGENCY, True),
    Field("compile_day", DAY, True),
    Field("compile_month", MONTH, True),
    Field("also_to", ListType(AGENCY, min_items=0)),
))

ORGANIZATION = MapSpec((
    Field("source", SOURCE),
    Field("responsibilities", ListType(RESPONSIBILITY), True),
    Field("reporting", REPORTING, True),
    Field("closing", TEXT, True),
))

LETTER_KINDS = kind_ids("letter")
UNIT_CODE = PatternType(r"[A-ZĐ][A-Za-zĐđ0-9]*",
                        T("mã đơn vị soạn thảo viết hoa, ví dụ KGVX"))

LETTER_ISSUER = MapSpec((
    Field("agency", AGENCY, True),
    Field("unit", UNIT_CODE, True),
    Field("signature", SIGNATURE, True),
    Field("noi_nhan", ListType(RECIPIENT, min_items=0)),
    Field("filing", TEXT, True),
))

LETTERS = MapSpec((
    Field("source", SOURCE),
    Field("default_issuer", MapOfType(
        ChoiceType(LETTER_KINDS, T("loại công văn không có")), AGENCY)),
    Field("issuers", ListType(LETTER_ISSUER), True),
))

PLAN = MapSpec((
    Field("lsdocs", VERSION, True),
    Field("kind", ChoiceType(PLAN_KINDS, T("loại nội dung không được hỗ trợ"), "unsupported-kind"),
          True),
    Field("id", SLUG, True),
    Field("agencies", TEXT),
    Field("source_note", OPTIONAL_TEXT),
    Field("document", DOCUMENT, True),
    Field("noi_nhan", NOI_NHAN, True),
    Field("preamble", BLOCK, True),
    Field("purposes", PURPOSES, True),
    Field("objectives", ListType(OBJECTIVE), True),
    Field("task_groups", ListType(TASK_GROUP), True),
    Field("organization", ORGANIZATION, True),
    Field("succession", MapOfType(AGENCY, AGENCY)),
    Field("letters", LETTERS),
))
