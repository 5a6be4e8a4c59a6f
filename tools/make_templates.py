"""Regenerate the .docx templates in ``templates/`` from code.

    python -m tools.make_templates [OUT_DIR]

The templates are sources a clerk may edit in Word or LibreOffice; this script
is how they were first written and how to reset them.  Output is reproducible.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tools.templatekit import blocks as b
from tools.templatekit import styles as st
from tools.templatekit.ooxml import (
    LANDSCAPE_TEXT_WIDTH,
    TEXT_WIDTH,
    Fmt,
    closing_paragraph,
    para,
    sect_pr,
)
from tools.templatekit.ooxml import section_break_paragraph as section_break
from tools.templatekit.package import HEADER_DEFAULT, HEADER_FIRST, write_docx

ROOT = Path(__file__).resolve().parent.parent


CLOSING = Fmt(**{**st.BODY.__dict__, "keep_next": True})  # never a signature page alone


def _portrait() -> str:
    return sect_pr(HEADER_DEFAULT, HEADER_FIRST)


def _landscape_appendix() -> str:
    return sect_pr(HEADER_DEFAULT, HEADER_FIRST, landscape=True, restart_numbering=True)


def _numbered(items: str, var: str, heading: str, paragraphs: str) -> str:
    """``{{ n }}. {{ title }}`` khoản headings, each followed by its paragraphs."""
    body = para(heading, st.KHOAN) + b.lines(paragraphs, st.BODY, "line")
    return b.loop(var, items, body)


def plan_body() -> str:
    """Kế hoạch: scheme B headings (I. / 1.), sections as in nd30-format.md §3.7."""
    return "".join(
        [
            b.lines("preamble", st.BODY),
            para("I. MỤC ĐÍCH, YÊU CẦU", st.MUC),
            para("1. Mục đích", st.KHOAN),
            b.lines("purposes.muc_dich", st.BODY),
            para("2. Yêu cầu", st.KHOAN),
            b.lines("purposes.yeu_cau", st.BODY),
            para("II. MỤC TIÊU", st.MUC),
            _numbered("objectives", "o", "{{ o.number }}. {{ o.title }}", "o.paragraphs"),
            para("III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", st.MUC),
            _numbered("task_groups", "g", "{{ g.number }}. {{ g.title }}", "g.paragraphs"),
            para("IV. TỔ CHỨC THỰC HIỆN", st.MUC),
            b.lines("organization.intro", st.BODY),
            _numbered("organization.sections", "s", "{{ s.number }}. {{ s.title }}",
                      "s.paragraphs"),
            para("{{ organization.closing }}", CLOSING),
        ]
    )


def plan_template() -> str:
    return "".join(
        [
            b.header_block(),
            b.title_block("KẾ HOẠCH", TEXT_WIDTH // 3),
            plan_body(),
            b.signature_block(),
            section_break(_portrait()),
            b.appendix_heading(LANDSCAPE_TEXT_WIDTH),
            b.assignment_table(),
            para("./.", st.BODY),
            _landscape_appendix(),
        ]
    )


def letter(body: str, appendix: str = "") -> str:
    """Công văn (Mẫu 1.5): no type name, V/v under Số, Kính gửi, body, signature."""
    parts = [b.header_block(with_vv=True), b.kinh_gui_block(), body, b.signature_block()]
    if appendix:
        parts += [section_break(_portrait()), appendix, closing_paragraph(), _portrait_appendix()]
    else:
        parts += [closing_paragraph(), _portrait()]
    return "".join(parts)


def _portrait_appendix() -> str:
    return sect_pr(HEADER_DEFAULT, HEADER_FIRST, restart_numbering=True)


def deploy_letter() -> str:
    """Triển khai: deploys the plan to every implementing agency."""
    return letter(
        b.lines("intro", st.BODY)
        + b.lines("requests", st.BODY)
        + para("{{ closing }}", CLOSING)
    )


def assignment_letter() -> str:
    """Giao nhiệm vụ: the tasks one agency leads and supports."""
    body = b.lines("intro", st.BODY) + b.sections(keepable=True)
    return letter(body + para("{{ closing }}", CLOSING))


def reminder_letter() -> str:
    """Đôn đốc: tasks due or overdue as of a date."""
    body = b.lines("intro", st.BODY) + b.sections(keepable=True)
    return letter(body + para("{{ closing }}", CLOSING))


def report_request_letter() -> str:
    """Đề nghị báo cáo: asks for the yearly report; the outline is the appendix."""
    outline = b.appendix_heading(TEXT_WIDTH) + b.sections("appendix.sections", compact=True)
    return letter(
        b.lines("intro", st.BODY) + b.lines("requests", st.BODY) + para("{{ closing }}", CLOSING),
        outline,
    )


def assignment_appendix() -> str:
    """The assignment appendix as a file of its own (landscape, no signature)."""
    return "".join(
        [
            b.appendix_heading(LANDSCAPE_TEXT_WIDTH),
            b.assignment_table(),
            para("./.", st.BODY),
            _landscape_appendix(),
        ]
    )


TEMPLATES = {
    "ke-hoach.docx": (plan_template, "Mẫu kế hoạch (Nghị định 30/2020/NĐ-CP)"),
    "phu-luc-phan-cong.docx": (assignment_appendix, "Mẫu phụ lục phân công nhiệm vụ"),
    "cv-trien-khai.docx": (deploy_letter, "Mẫu công văn triển khai kế hoạch"),
    "cv-giao-nhiem-vu.docx": (assignment_letter, "Mẫu công văn giao nhiệm vụ"),
    "cv-don-doc.docx": (reminder_letter, "Mẫu công văn đôn đốc thực hiện nhiệm vụ"),
    "cv-de-nghi-bao-cao.docx": (report_request_letter, "Mẫu công văn đề nghị báo cáo"),
}


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, (build, title) in TEMPLATES.items():
        write_docx(out_dir / name, build(), title)
        print(out_dir / name)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "templates")
