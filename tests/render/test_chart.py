"""Native Word charts: a DrawingML chart part with its data workbook, put at a marker paragraph."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.shape import WD_INLINE_SHAPE
from docx.shared import Cm
from lxml import etree

from lsdocs.check import check_bytes
from lsdocs.errors import TemplateError
from lsdocs.render.chart import BarChart, Series, insert_chart
from lsdocs.render.engine import write_package

MARKER = "[[BIEU_DO]]"
NS = {
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
}
CATEGORIES = (
    "Quán triệt, tuyên truyền, nâng cao nhận thức về công nghệ sinh học",
    "Hoàn thiện cơ chế, chính sách",
    "Phát triển nguồn nhân lực",
    "Ứng dụng công nghệ sinh học trong nông nghiệp",
)
CHART = BarChart(
    title="Tình hình thực hiện nhiệm vụ theo nhóm",
    categories=CATEGORIES,
    series=(Series("Hoàn thành", (3, 1, 0, 5)), Series("Đang thực hiện", (2, 4, 3, 1)),
            Series("Chưa thực hiện", (0, 1, 2, 12), color="ffd966")),
)
ROOT = Path(__file__).resolve().parents[2]


def make_docx(*texts: str, landscape: bool = True, cell_width_cm: float | None = None) -> bytes:
    """An A4 document (Decree 30 margins) whose paragraphs are *texts*.

    With *cell_width_cm*, the last text goes into a one-cell table that wide.
    """
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # python-docx: Letter
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin, section.right_margin = Cm(3.0), Cm(1.5)
    body = texts[:-1] if cell_width_cm else texts
    for text in body:
        document.add_paragraph(text)
    if cell_width_cm:
        table = document.add_table(rows=1, cols=1)
        table.cell(0, 0).width = Cm(cell_width_cm)
        table.cell(0, 0).paragraphs[0].add_run(texts[-1])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def parts_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def xml(data: bytes) -> etree._Element:
    return etree.fromstring(data)


@pytest.fixture(scope="module")
def with_chart() -> bytes:
    document = make_docx("Biểu đồ dưới đây:", MARKER, "Hết.")
    return insert_chart(document, CHART, marker=MARKER, width_cm=25.0, height_cm=12.0)


@pytest.fixture(scope="module")
def chart_root(with_chart: bytes) -> etree._Element:
    return xml(parts_of(with_chart)["word/charts/chart1.xml"])


def test_package_opens_with_python_docx_with_a_chart_in_place_of_the_marker(with_chart):
    document = docx.Document(io.BytesIO(with_chart))
    assert [p.text for p in document.paragraphs] == ["Biểu đồ dưới đây:", "", "Hết."]
    assert [s.type for s in document.inline_shapes] == [WD_INLINE_SHAPE.CHART]


def test_chart_part_relationship_and_content_type_are_registered(with_chart):
    parts = parts_of(with_chart)
    rels = xml(parts["word/_rels/document.xml.rels"])
    chart_rel = rels.xpath("rel:Relationship[@Target='charts/chart1.xml']", namespaces=NS)
    assert len(chart_rel) == 1
    assert chart_rel[0].get("Type").endswith("/relationships/chart")
    reference = xml(parts["word/document.xml"]).xpath("//c:chart/@r:id", namespaces=NS)
    assert reference == [chart_rel[0].get("Id")]
    types = xml(parts["[Content_Types].xml"])
    override = types.xpath("ct:Override[@PartName='/word/charts/chart1.xml']/@ContentType",
                           namespaces=NS)
    assert override == ["application/vnd.openxmlformats-officedocument.drawingml.chart+xml"]
    embedded = xml(parts["word/charts/_rels/chart1.xml.rels"]).xpath(
        "rel:Relationship/@Target", namespaces=NS)
    assert embedded == ["../embeddings/Microsoft_Excel_Worksheet1.xlsx"]


def test_cache_holds_the_categories_and_values_given(chart_root):
    for index, series in enumerate(chart_root.iterfind(".//c:ser", NS)):
        assert series.xpath("c:tx//c:v/text()", namespaces=NS) == [CHART.series[index].name]
        assert tuple(series.xpath("c:cat//c:pt/c:v/text()", namespaces=NS)) == CATEGORIES
        values = [float(v) for v in series.xpath("c:val//c:pt/c:v/text()", namespaces=NS)]
        assert tuple(values) == CHART.series[index].values
    assert index == len(CHART.series) - 1


def test_stacked_horizontal_bars_overlap_fully_with_the_legend_below(chart_root):
    assert chart_root.xpath("//c:barDir/@val", namespaces=NS) == ["bar"]
    assert chart_root.xpath("//c:grouping/@val", namespaces=NS) == ["stacked"]
    assert chart_root.xpath("//c:overlap/@val", namespaces=NS) == ["100"]
    assert chart_root.xpath("//c:legendPos/@val", namespaces=NS) == ["b"]


def test_clustered_columns_do_not_overlap():
    chart = BarChart("", ("A", "B"), (Series("x", (1, 2)),), stacked=False, horizontal=False)
    root = xml(parts_of(insert_chart(make_docx(MARKER), chart, marker=MARKER,
                                     width_cm=20, height_cm=10))["word/charts/chart1.xml"])
    assert root.xpath("//c:barDir/@val", namespaces=NS) == ["col"]
    assert root.xpath("//c:grouping/@val", namespaces=NS) == ["clustered"]
    assert root.xpath("//c:overlap/@val", namespaces=NS) == ["0"]
    assert root.xpath("//c:autoTitleDeleted/@val", namespaces=NS) == ["1"]


def test_every_chart_text_is_black_times_new_roman_11_or_12_pt(chart_root):
    properties = chart_root.xpath("//a:defRPr | //a:rPr", namespaces=NS)
    assert len(properties) >= 5  # title, legend, two axes, data labels
    for props in properties:
        assert props.xpath("a:latin/@typeface", namespaces=NS) == ["Times New Roman"]
        assert props.xpath("a:solidFill/a:srgbClr/@val", namespaces=NS) == ["000000"]
        assert props.get("sz") in {"1100", "1200"}


def test_zero_values_and_cramped_segments_get_no_data_label(chart_root):
    hidden = {
        (series.xpath("c:tx//c:v/text()", namespaces=NS)[0], int(label.get("val")))
        for series in chart_root.iterfind(".//c:ser", NS)
        for label in series.xpath("c:dLbls/c:dLbl[c:delete/@val='1']/c:idx", namespaces=NS)
    }
    assert ("Hoàn thành", 2) in hidden and ("Chưa thực hiện", 0) in hidden  # zeros
    assert ("Chưa thực hiện", 3) not in hidden  # 12 of an axis of 20: room to spare
    cramped = BarChart("", ("A",), (Series("x", (1000,)), Series("y", (1,))))
    root = xml(parts_of(insert_chart(make_docx(MARKER), cramped, marker=MARKER,
                                     width_cm=25, height_cm=8))["word/charts/chart1.xml"])
    labels = root.xpath("//c:ser[2]/c:dLbls/c:dLbl/c:delete/@val", namespaces=NS)
    assert labels == ["1"]


def test_embedded_workbook_holds_the_same_table(with_chart):
    workbook_bytes = parts_of(with_chart)["word/embeddings/Microsoft_Excel_Worksheet1.xlsx"]
    sheet = openpyxl.load_workbook(io.BytesIO(workbook_bytes))["Sheet1"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (None, "Hoàn thành", "Đang thực hiện", "Chưa thực hiện")
    assert [row[0] for row in rows[1:]] == list(CATEGORIES)
    for column, series in enumerate(CHART.series, 1):
        assert tuple(float(row[column]) for row in rows[1:]) == series.values


def test_formulas_point_at_the_workbook_cells(chart_root):
    first = chart_root.find(".//c:ser", NS)
    assert first.xpath("c:tx//c:f/text()", namespaces=NS) == ["Sheet1!$B$1"]
    assert first.xpath("c:cat//c:f/text()", namespaces=NS) == ["Sheet1!$A$2:$A$5"]
    assert first.xpath("c:val//c:f/text()", namespaces=NS) == ["Sheet1!$B$2:$B$5"]


def test_same_input_gives_byte_identical_output(with_chart):
    again = insert_chart(make_docx("Biểu đồ dưới đây:", MARKER, "Hết."), CHART, marker=MARKER,
                         width_cm=25.0, height_cm=12.0)
    assert again == with_chart


def test_text_is_nfc_and_xml_escaped():
    decomposed = unicodedata.normalize("NFD", "Phòng R&D <mới>")
    chart = BarChart(decomposed, (decomposed,), (Series(decomposed, (1,)),))
    parts = parts_of(insert_chart(make_docx(MARKER), chart, marker=MARKER,
                                  width_cm=20, height_cm=10))
    raw = parts["word/charts/chart1.xml"].decode("utf-8")
    assert raw.count("Phòng R&amp;D &lt;mới&gt;") == 3  # title, series name, category
    sheet = openpyxl.load_workbook(io.BytesIO(
        parts["word/embeddings/Microsoft_Excel_Worksheet1.xlsx"]))["Sheet1"]
    assert sheet["A2"].value == "Phòng R&D <mới>" == sheet["B1"].value


def test_marker_split_over_runs_is_found():
    document = docx.Document()
    paragraph = document.add_paragraph()
    for piece in ("[[BIEU", "_DO]", "]"):
        paragraph.add_run(piece)
    buffer = io.BytesIO()
    document.save(buffer)
    out = insert_chart(buffer.getvalue(), CHART, marker=MARKER, width_cm=15, height_cm=8)
    assert MARKER not in parts_of(out)["word/document.xml"].decode("utf-8")


def test_two_charts_get_their_own_parts_relationships_and_drawing_ids():
    document = make_docx("[[BIEU_DO_1]]", "[[BIEU_DO_2]]")
    once = insert_chart(document, CHART, marker="[[BIEU_DO_1]]", width_cm=20, height_cm=10)
    twice = insert_chart(once, CHART, marker="[[BIEU_DO_2]]", width_cm=20, height_cm=10)
    parts = parts_of(twice)
    assert {"word/charts/chart1.xml", "word/charts/chart2.xml",
            "word/embeddings/Microsoft_Excel_Worksheet1.xlsx",
            "word/embeddings/Microsoft_Excel_Worksheet2.xlsx"} <= parts.keys()
    body = xml(parts["word/document.xml"])
    rel_ids = body.xpath("//c:chart/@r:id", namespaces=NS)
    drawing_ids = body.xpath("//wp:docPr/@id", namespaces=NS)
    assert len(set(rel_ids)) == 2 and len(set(drawing_ids)) == 2
    assert len(docx.Document(io.BytesIO(twice)).inline_shapes) == 2


@pytest.mark.parametrize(("texts", "expected"), [
    (("Mở đầu",), "không có đoạn nào chỉ gồm dấu đặt biểu đồ «[[BIEU_DO]]»"),
    (("Mở đầu", MARKER, "x", MARKER), "«[[BIEU_DO]]» có ở 2 đoạn (2, 4); cần đúng một đoạn"),
    (("Xem [[BIEU_DO]] dưới đây",), "không có đoạn nào chỉ gồm"),
])
def test_missing_or_repeated_marker_is_a_template_error(texts, expected):
    with pytest.raises(TemplateError) as info:
        insert_chart(make_docx(*texts), CHART, marker=MARKER, width_cm=20, height_cm=10)
    message = info.value.format("vi")
    assert message.startswith("word/document.xml: lỗi: ") and expected in message
    assert "chart marker «[[BIEU_DO]]»" in info.value.format("en")


def test_error_names_the_template_file_when_given():
    with pytest.raises(TemplateError) as info:
        insert_chart(make_docx("x"), CHART, marker=MARKER, name="bao-cao-nam.docx")
    assert info.value.format("en").startswith("bao-cao-nam.docx: word/document.xml: error: ")


def test_an_existing_embedded_workbook_is_not_overwritten():
    parts = parts_of(make_docx(MARKER))
    parts["word/embeddings/Microsoft_Excel_Worksheet1.xlsx"] = b"someone else's"
    out = parts_of(insert_chart(write_package(parts), CHART, marker=MARKER))
    assert out["word/embeddings/Microsoft_Excel_Worksheet1.xlsx"] == b"someone else's"
    assert "word/embeddings/Microsoft_Excel_Worksheet2.xlsx" in out
    rels = out["word/charts/_rels/chart1.xml.rels"].decode("utf-8")
    assert 'Target="../embeddings/Microsoft_Excel_Worksheet2.xlsx"' in rels


def test_chart_is_narrowed_to_the_text_width_of_its_page():
    portrait = make_docx(MARKER, landscape=False)  # 21 cm - 3 cm - 1.5 cm = 16.5 cm
    out = insert_chart(portrait, CHART, marker=MARKER, width_cm=25.0, height_cm=10.0)
    extent = xml(parts_of(out)["word/document.xml"]).find(".//wp:extent", NS)
    assert abs(int(extent.get("cx")) / 360000 - 16.5) < 0.01
    assert int(extent.get("cy")) == 10 * 360000


def test_chart_in_a_table_cell_stays_inside_the_cell():
    out = insert_chart(make_docx("Bảng:", MARKER, cell_width_cm=10.0), CHART, marker=MARKER,
                       width_cm=25.0, height_cm=8.0)
    extent = xml(parts_of(out)["word/document.xml"]).find(".//wp:extent", NS)
    assert int(extent.get("cx")) / 360000 < 10.0


def test_marker_paragraph_is_centred_unindented_and_not_clipped_by_an_exact_line():
    document = docx.Document()
    paragraph = document.add_paragraph(MARKER)
    paragraph.paragraph_format.first_line_indent = Cm(1.27)
    paragraph.paragraph_format.line_spacing = Cm(0.6)  # an exact line height
    buffer = io.BytesIO()
    document.save(buffer)
    out = insert_chart(buffer.getvalue(), CHART, marker=MARKER, width_cm=15, height_cm=8)
    fmt = docx.Document(io.BytesIO(out)).paragraphs[0].paragraph_format
    assert fmt.first_line_indent == 0 and fmt.alignment == 1  # centre
    assert fmt.line_spacing == 1.0


@pytest.mark.parametrize(("build", "problem"), [
    (lambda: Series("x", (1, -2)), "not negative"),
    (lambda: Series("x", (float("nan"),)), "finite"),
    (lambda: Series("x", (1,), color="red"), "RRGGBB"),
    (lambda: BarChart("t", ("a", "b"), (Series("x", (1,)),)), "1 values for 2 categories"),
    (lambda: BarChart("t", (), ()), "at least one"),
])
def test_malformed_chart_data_is_refused(build, problem):
    with pytest.raises(ValueError, match=problem):
        build()


def test_decree_30_plan_with_a_chart_in_its_appendix_still_passes_the_checker(built_plan,
                                                                              tmp_path):
    document = docx.Document(str(built_plan))
    body_style = next(p.style for p in document.paragraphs if p.text.startswith("Thực hiện"))
    table = next(t for t in document.tables if t.cell(0, 0).text == "STT")
    marker = document.add_paragraph(MARKER, style=body_style)  # a body paragraph, indented
    table._tbl.addprevious(marker._p)  # above the assignment table, on a landscape page
    buffer = io.BytesIO()
    document.save(buffer)
    before = check_bytes(buffer.getvalue(), "plan.docx")
    with_chart = insert_chart(buffer.getvalue(), CHART, marker=MARKER, width_cm=25.0,
                              height_cm=11.0)
    after = check_bytes(with_chart, "plan.docx")
    assert [f.rule for f in after.findings] == [f.rule for f in before.findings]
    path = tmp_path / "ke-hoach-bieu-do.docx"
    path.write_bytes(with_chart)
    result = subprocess.run([sys.executable, "-m", "lsdocs", "check", str(path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 lỗi" in result.stdout


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice and poppler are needed (make test installs them)")
def test_libreoffice_draws_the_chart_with_its_vietnamese_text(with_chart, tmp_path):
    (tmp_path / "chart.docx").write_bytes(with_chart)
    (tmp_path / "plain.docx").write_bytes(make_docx("Biểu đồ dưới đây:", MARKER, "Hết."))
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(tmp_path / "chart.docx"), str(tmp_path / "plain.docx")],
                   check=True, capture_output=True, timeout=240)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "chart.pdf"), "-"],
                          check=True, capture_output=True, text=True).stdout
    assert text.count("\f") == 1  # one page
    for name in (*CATEGORIES, "Hoàn thành", "Đang thực hiện", "Chưa thực hiện", CHART.title):
        assert name in text
    assert ink(tmp_path / "chart.pdf") > 20 * ink(tmp_path / "plain.pdf")  # bars, not just text


def ink(pdf: Path) -> int:
    """Non-white pixels of the first page, rendered in grey at 20 dpi."""
    subprocess.run(["pdftoppm", "-r", "20", "-gray", "-f", "1", "-l", "1", str(pdf),
                    str(pdf.with_suffix(""))], check=True, timeout=60)
    page = next(pdf.parent.glob(f"{pdf.stem}-*.pgm")).read_bytes()
    magic, width, height, maximum, pixels = page.split(maxsplit=4)
    assert magic == b"P5" and maximum == b"255"
    return sum(1 for value in pixels[: int(width) * int(height)] if value < 200)
