"""validate(): every mistake in a plan file is one Problem with file, line, key path."""

from __future__ import annotations

from pathlib import Path

import pytest

from lsdocs.content import load_plan, validate
from lsdocs.errors import ContentError

from .conftest import FIXTURES, problems_of, write_variant

pytestmark = pytest.mark.usefixtures("in_fixtures")

# fixture file -> the one message it must produce, exactly as printed in Vietnamese
ONE_PROBLEM = {
    "unknown-key.yaml":
        "unknown-key.yaml:64: task_groups[0].tasks[1].suport: lỗi: khóa không được hỗ trợ: "
        "«suport»; có phải «support»?",
    "impossible-date.yaml":
        "impossible-date.yaml:65: task_groups[0].tasks[1].deadline: lỗi: ngày không tồn tại: "
        "«31/02/2024» (cần ngày có thật, dạng DD/MM/YYYY)",
    "duplicate-task-id.yaml":
        "duplicate-task-id.yaml:61: task_groups[0].tasks[1].id: lỗi: mã bị trùng (đã dùng ở "
        "task_groups[0].tasks[0].id, dòng 54): «1.1»",
    "deadline-before-issue.yaml":
        "deadline-before-issue.yaml:65: task_groups[0].tasks[1].deadline: lỗi: thời hạn trước "
        "ngày ban hành kế hoạch: «tháng 6/2023» (cần thời hạn từ ngày 06/9/2023 trở đi)",
    "draft-with-number.yaml":
        "draft-with-number.yaml:9: document.number: lỗi: bản dự thảo (draft: true) không ghi số "
        "văn bản: «12»; xóa dòng number hoặc bỏ draft: true",
    "trich-yeu-capitals.yaml":
        "trich-yeu-capitals.yaml:11: document.trich_yeu: lỗi: trích yếu viết in hoa: «THỰC HIỆN "
        "NGHỊ QUYẾT SỐ 36-NQ/TW VỀ CÔNG NGHỆ SINH HỌC» (cần viết hoa chữ cái đầu câu và tên "
        "riêng, còn lại chữ thường); các trang web thường in hoa lại trích yếu; hãy chép dạng "
        "câu thường",
    "unsupported-version.yaml":
        "unsupported-version.yaml:2: lsdocs: lỗi: phiên bản định dạng nội dung không được hỗ "
        "trợ: «2» (cần một trong: 1)",
    "unsupported-kind.yaml":
        "unsupported-kind.yaml:3: kind: lỗi: loại nội dung không được hỗ trợ: «cong-van» (cần "
        "một trong: ke-hoach)",
    "missing-registry.yaml":
        "missing-registry.yaml:5: agencies: lỗi: không tìm thấy tệp danh mục cơ quan: "
        "«co-quan.yaml»; ghi đường dẫn tương đối so với tệp kế hoạch",
    "duplicate-key.yaml":
        "duplicate-key.yaml:64: task_groups[0].tasks[1].lead: lỗi: khóa bị lặp (đã có ở dòng "
        "63): «lead»; xóa hoặc đổi tên một trong hai",
    "bad-source.yaml":
        "bad-source.yaml:24: preamble.source: lỗi: nguồn văn bản không hợp lệ: «verbatum» (cần "
        "một trong: verbatim, illustrative); có phải «verbatim»?",
    "empty-text.yaml":
        "empty-text.yaml:62: task_groups[0].tasks[1].name: lỗi: không được để trống (cần một "
        "đoạn chữ)",
    "bad-deadline.yaml":
        "bad-deadline.yaml:65: task_groups[0].tasks[1].deadline: lỗi: thời hạn không đúng dạng: "
        "«cuối năm 2024» (cần hằng năm, thường xuyên, DD/MM/YYYY, tháng MM/YYYY, quý I–IV/YYYY, "
        "năm YYYY hoặc YYYY - YYYY)",
    "bad-date-shape.yaml":
        "bad-date-shape.yaml:8: document.date: lỗi: ngày không đúng dạng: «2023-09-06» (cần "
        "dạng DD/MM/YYYY, ví dụ 06/9/2023); viết 06/9/2023",
    "not-yaml.yaml":
        "not-yaml.yaml:2: lỗi: lỗi cú pháp YAML: «mapping values are not allowed here»; kiểm "
        "tra thụt lề, dấu hai chấm và dấu nháy",
    "empty.yaml": "empty.yaml: lỗi: tệp rỗng, không có nội dung",
    "top-level-list.yaml":
        "top-level-list.yaml:1: lỗi: cấp ngoài cùng của tệp là một danh sách, không phải các "
        "khóa: giá trị (cần các khóa như «lsdocs: 1», «kind: ke-hoach»)",
}


def test_the_valid_fixture_has_no_problem() -> None:
    assert problems_of("valid-plan.yaml") == []


@pytest.mark.parametrize("name", sorted(ONE_PROBLEM))
def test_each_broken_fixture_gives_exactly_its_message(name: str) -> None:
    problems = problems_of(name)
    assert [p.format("vi") for p in problems] == [ONE_PROBLEM[name]]


@pytest.mark.parametrize("name, english", [
    ("impossible-date.yaml",
     "impossible-date.yaml:65: task_groups[0].tasks[1].deadline: error: no such date: "
     "«31/02/2024» (expected a real date, in the form DD/MM/YYYY)"),
    ("unknown-key.yaml",
     "unknown-key.yaml:64: task_groups[0].tasks[1].suport: error: unknown key: «suport»; did "
     "you mean «support»?"),
    ("deadline-before-issue.yaml",
     "deadline-before-issue.yaml:65: task_groups[0].tasks[1].deadline: error: the deadline is "
     "before the plan's issue date: «tháng 6/2023» (expected a deadline on or after 06/9/2023)"),
])
def test_messages_have_an_english_twin(name: str, english: str) -> None:
    assert [p.format("en") for p in problems_of(name)] == [english]


def test_problem_carries_line_path_found_and_code() -> None:
    (problem,) = problems_of("impossible-date.yaml")
    assert problem.location.file == "impossible-date.yaml"
    assert problem.location.line == 65
    assert problem.location.path == "task_groups[0].tasks[1].deadline"
    assert problem.found == "31/02/2024"
    assert problem.code == "impossible-date"
    assert problem.is_error


def test_unknown_agency_suggests_by_id_and_by_name() -> None:
    problems = problems_of("unknown-agency.yaml")
    assert [p.format() for p in problems] == [
        "unknown-agency.yaml:63: task_groups[0].tasks[1].lead: lỗi: không có cơ quan mã này "
        "trong danh mục: «sokhcn»; có phải «skhcn» (Sở Khoa học và Công nghệ)?",
        "unknown-agency.yaml:64: task_groups[0].tasks[1].support[0]: lỗi: không có cơ quan mã "
        "này trong danh mục: «Sở KH&CN»; «Sở KH&CN» là tên cơ quan; hãy ghi mã «skhcn»",
    ]
    assert problems[0].format("en").endswith(
        "did you mean «skhcn» (Sở Khoa học và Công nghệ)?")


def test_signature_problems() -> None:
    problems = problems_of("bad-signature.yaml")
    assert [(p.location.line, p.location.path, p.code) for p in problems] == [
        (14, "document.signature.authority[0]", "signature-authority"),
        (14, "document.signature.authority[1]", "not-upper"),
        (16, "document.signature.name", "signer-title"),
    ]
    assert problems[1].format() == (
        "bad-signature.yaml:14: document.signature.authority[1]: lỗi: phải viết in hoa: "
        "«Kt. Chủ tịch» (cần «KT. CHỦ TỊCH»)")


def test_missing_keys_are_each_reported_at_the_mapping() -> None:
    problems = problems_of("missing-key.yaml")
    assert [p.format() for p in problems] == [
        "missing-key.yaml:61: task_groups[0].tasks[1].deadline: lỗi: thiếu khóa bắt buộc "
        "(cần hằng năm, thường xuyên, DD/MM/YYYY, tháng MM/YYYY, quý I–IV/YYYY, năm YYYY hoặc "
        "YYYY - YYYY)",
        "missing-key.yaml:61: task_groups[0].tasks[1].product: lỗi: thiếu khóa bắt buộc "
        "(cần một đoạn chữ)",
    ]


def test_source_is_optional_and_means_the_offices_own_text(tmp_path: Path) -> None:
    text = (FIXTURES / "valid-plan.yaml").read_text(encoding="utf-8")
    unmarked = "".join(line for line in text.splitlines(keepends=True)
                       if not line.strip().startswith("source:"))
    plan = write_variant(tmp_path, "valid-plan.yaml", "lsdocs: 1", "lsdocs: 1")
    plan.write_text(unmarked, encoding="utf-8")
    assert "source:" not in unmarked and validate(plan) == []
    content = load_plan(plan)
    assert {content.plan.document.source, content.plan.organization.source} == {"verbatim"}
    assert {t.source for t in content.plan.tasks} == {"verbatim"}


def test_wrong_types_say_what_was_found() -> None:
    problems = problems_of("wrong-type.yaml")
    assert [p.format() for p in problems] == [
        "wrong-type.yaml:26: preamble.paragraphs[0]: lỗi: sai kiểu: đang là một danh sách "
        "(cần một đoạn văn)",
        'wrong-type.yaml:61: task_groups[0].tasks[1].id: lỗi: sai kiểu: đang là số thập phân: '
        '«1.2» (cần số thứ tự dạng "3.2", trong dấu nháy kép); đặt trong dấu nháy kép: "1.2"',
    ]


def test_ten_mistakes_give_ten_problems_in_one_pass() -> None:
    problems = problems_of("many-errors.yaml")
    assert [(p.location.line, p.code) for p in problems] == [
        (2, "unsupported-version"),
        (7, "out-of-range"),
        (11, "trich-yeu-capitals"),
        (16, "signer-title"),
        (22, "unknown-key"),  # «filling»: reported once, not also as a missing «filing»
        (58, "deadline-before-issue"),
        (61, "duplicate-task-id"),
        (63, "unknown-agency"),
        (65, "impossible-date"),
        (69, "bad-source"),
    ]
    assert all(p.is_error for p in problems)


def test_load_plan_raises_content_error_with_every_problem() -> None:
    with pytest.raises(ContentError) as caught:
        load_plan("many-errors.yaml")
    assert len(caught.value.problems) == 10
    assert str(caught.value).startswith("many-errors.yaml:2: lsdocs: lỗi: phiên bản")


@pytest.mark.parametrize("old, new, line, path, code", [
    ("  number: 12\n", "  number: -3\n", 7, "document.number", "out-of-range"),
    ("  number: 12\n", "", 6, "document.number", "missing-key"),
    ("  date: 06/9/2023\n", "  date: 31/02/2023\n", 8, "document.date", "impossible-date"),
    ("  date: 06/9/2023\n", "  date: 6.9.2023\n", 8, "document.date", "bad-date"),
    ("  issuer: ubnd-tinh\n", "  issuer: ubnd\n", 10, "document.issuer", "unknown-agency"),
    ("    title: PHÓ CHỦ TỊCH\n", "    title: Phó Chủ tịch\n", 15, "document.signature.title",
     "not-upper"),
    ("    name: Dương Xuân Huyên\n", "    name: PGS.TS. Dương Xuân Huyên\n", 16,
     "document.signature.name", "signer-title"),
    ("  muc_dich:\n    - Quán triệt Nghị quyết.\n", "  muc_dich: Quán triệt Nghị quyết.\n", 29,
     "purposes.muc_dich", "wrong-type"),
    ("        deadline: 31/12/2024\n", "        deadline: 2024\n", 65,
     "task_groups[0].tasks[1].deadline", "wrong-type"),
    ("        deadline: 31/12/2024\n", "        deadline: 2025 - 2024\n", 65,
     "task_groups[0].tasks[1].deadline", "bad-period"),
    ("        deadline: 31/12/2024\n", "        deadline: tháng 13/2024\n", 65,
     "task_groups[0].tasks[1].deadline", "impossible-date"),
    ("    compile_day: 25\n", "    compile_day: 32\n", 79,
     "organization.reporting.compile_day", "out-of-range"),
    ("id: kh-thu\n", "id: KH 182\n", 4, "id", "bad-id"),
    ("          change: increase\n", "          change: up\n", 45,
     "objectives[0].items[1].target.change", "bad-choice"),
    ("          value: 50\n", "          value: năm mươi\n", 43,
     "objectives[0].items[1].target.value", "wrong-type"),
])
def test_single_mistakes(tmp_path: Path, old: str, new: str, line: int, path: str,
                         code: str) -> None:
    plan = write_variant(tmp_path, "valid-plan.yaml", old, new)
    problems = validate(plan)
    assert [(p.location.line, p.location.path, p.code) for p in problems] == [(line, path, code)]


def test_month_day_check_uses_the_reporting_day(tmp_path: Path) -> None:
    plan = write_variant(tmp_path, "valid-plan.yaml", "    day: 15\n    month: 12\n",
                         "    day: 30\n    month: 2\n")
    (problem,) = validate(plan)
    assert problem.message.vi == "ngày báo cáo không có trong mọi năm"
    assert problem.found == "30/2"


def test_text_not_in_nfc_is_a_warning_and_is_normalised(tmp_path: Path) -> None:
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Lạng Sơn")
    plan = write_variant(tmp_path, "valid-plan.yaml", "  place: Lạng Sơn\n",
                         f"  place: {decomposed}\n")
    (problem,) = validate(plan)
    assert (problem.severity, problem.location.line, problem.location.path) == (
        "warning", 9, "document.place")
    assert problem.message.vi == "chữ không ở dạng dựng sẵn (NFC), đã tự chuẩn hóa"
    assert load_plan(plan).plan.document.place == "Lạng Sơn"


def test_a_draft_has_no_number_and_no_date(tmp_path: Path) -> None:
    plan = write_variant(tmp_path, "valid-plan.yaml", "  number: 12\n  date: 06/9/2023\n",
                         "  draft: true\n  year: 2026\n")
    content = load_plan(plan)
    assert (content.plan.document.number, content.plan.document.date) == (None, None)
    assert content.plan.document.draft_year == 2026


def test_registry_problems_are_reported_with_the_plan(tmp_path: Path) -> None:
    plan = write_variant(tmp_path, "valid-plan.yaml", "agencies: agencies.yaml\n",
                         "agencies: broken.yaml\n")
    (tmp_path / "broken.yaml").write_text(
        (FIXTURES / "agencies-broken.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    files = {p.location.file for p in validate(plan)}
    assert str(tmp_path / "broken.yaml") in files


@pytest.mark.parametrize("data, message", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "tệp không phải văn bản UTF-8"),
    (b"lsdocs: 1\n\x00\x01\x02",
     "có ký tự điều khiển U+0000, không in được và không ghi được vào văn bản Word"),
    (b"   \n# only a comment\n", "tệp rỗng, không có nội dung"),
    (b"just a sentence, not keys\n", "cấp ngoài cùng của tệp là chữ, không phải các khóa: giá trị"),
    (b"a: 1\n---\nb: 2\n", "lỗi cú pháp YAML"),
    (b"a: &x [*x]\n", None),
])
def test_junk_never_raises(tmp_path: Path, data: bytes, message: str | None) -> None:
    junk = tmp_path / "junk.yaml"
    junk.write_bytes(data)
    problems = validate(junk)
    assert problems and all(p.is_error for p in problems[:1])
    if message is not None:
        assert problems[0].message.vi == message
    with pytest.raises(ContentError):
        load_plan(junk)


def test_a_missing_file_is_a_problem(tmp_path: Path) -> None:
    (problem,) = validate(tmp_path / "nowhere.yaml")
    assert problem.message.vi == "không tìm thấy tệp"


@pytest.mark.parametrize("text, code", [
    ("lsdocs: [1]\n", "wrong-type"),
    ("lsdocs: 1\nkind: ke-hoach\nagencies: \"a\\0b\"\n", "missing-registry"),
    ("[" * 60 + "]" * 60 + "\n", "too-deep"),
], ids=["list-as-version", "nul-in-registry-path", "deep-nesting"])
def test_odd_values_are_problems_too(tmp_path: Path, text: str, code: str | None) -> None:
    junk = tmp_path / "odd.yaml"
    junk.write_text(text, encoding="utf-8")
    problems = validate(junk)
    assert problems
    if code is not None:
        assert code in {p.code for p in problems}


def test_nesting_too_deep_for_the_parser_is_a_problem(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from ruamel.yaml import YAML

    from lsdocs.content import fastyaml

    def overflow(self: YAML, text: str) -> None:
        raise RecursionError

    monkeypatch.setattr(YAML, "compose", overflow)
    monkeypatch.setattr(fastyaml, "_libyaml", None)  # the C reader hands every file over
    junk = tmp_path / "deep.yaml"
    junk.write_text("a: 1\n", encoding="utf-8")
    assert [p.code for p in validate(junk)] == ["too-deep"]


def test_default_letter_issuer_needs_its_settings(tmp_path: Path) -> None:
    import shutil

    content = tmp_path / "content"
    shutil.copytree(Path(__file__).resolve().parents[2] / "content", content)
    plan = content / "kh-182-2023.yaml"
    text = plan.read_text(encoding="utf-8").replace("    don-doc: skhcn", "    don-doc: syt")
    plan.write_text(text, encoding="utf-8")
    problems = [p for p in validate(plan) if p.is_error]
    assert [(p.location.path, p.code) for p in problems] == [
        ("letters.default_issuer.don-doc", "letter-issuer")
    ]
    assert "thêm mục letters.issuers cho syt" in problems[0].format("vi")


def test_lead_in_support_and_repeated_coordinators(tmp_path: Path) -> None:
    import shutil

    content = tmp_path / "content"
    shutil.copytree(Path(__file__).resolve().parents[2] / "content", content)
    plan = content / "kh-182-2023.yaml"
    text = plan.read_text(encoding="utf-8").replace(
        "support: [sttt, ubnd-cac-huyen-thanh-pho]", "support: [sttt, skhcn, sttt]", 1)
    plan.write_text(text, encoding="utf-8")
    codes = [(p.location.path, p.code, p.severity) for p in validate(plan)]
    assert codes == [("task_groups[0].tasks[0].support[1]", "lead-in-support", "warning"),
                     ("task_groups[0].tasks[0].support[2]", "duplicate-support", "error")]
