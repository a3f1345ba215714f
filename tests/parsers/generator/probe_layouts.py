"""The probe split's layouts: new variants for each of the six families, none of which the tune,
held-out or fresh renderers draw, with their own banks of looks (``split.probe_bank``).

- word-table: four columns (label | answer | label | answer), a shaded label row with the answer
  in the row beneath, questions numbered "1.", "2a)" in a first column, or a label with small
  guidance text under it and the answer beside it.
- word-label: a bold label ending in a colon with the answer indented in the next paragraph, the
  answer in a (VML) text box under the label, the answer typed on an underline after the label,
  or numbered labels "2a)" with the answer after a tab.
- word-controls: a four-column table of labels and controls, or a label paragraph with the
  control in a bordered paragraph beneath; unanswered controls keep their placeholder text
  (flagged as a placeholder, or left as plain content); check-box content controls for tick
  questions; Title Case, dotted-path or numeric tags.
- acroform-pdf: Acrobat auto-detected names (fill_N, undefined_N), "Text Field N" with tooltips,
  or label words run together; labels in a shaded ruled cell left of the field or as a numbered
  bold question above it; a check box per option for tick and yes / no questions.
- drawn-pdf: a landscape page in two columns with labels above underlined answers, boxes with
  the label in a grey tab on the top edge, answers above a dotted line, or numbered questions
  with the answer on ruled lines; the chosen option underlined, the others struck through, or
  marked by a filled diamond.
- printed-pdf: the probe Word layouts with a council title block and logo box and a "Page X of
  Y" footer, or a protective-marking banner top and bottom, printed by LibreOffice.

Later additions: Word tables with a narrow guidance column between label and answer, a label
cell merged down over two answer rows, or the section's name merged down a left column; Word
labels in bold capitals with the answer after a tab stop, a small grey label with the answer in
a larger coloured run, or "Q1." questions with the answer in italics beneath; content controls
as rich-text controls in the cell under a shaded label cell, and check-box controls stacked one
option to a paragraph; AcroForm fields named Text1 / Check Box2, a small caption printed under
each field, and check boxes in a column right of their captions; drawn boxes with a small
caption in the top-left corner, or labels right-aligned against a column of answer boxes; and
printed forms landscape throughout with the council and a reference in the header and footer.
"""

from __future__ import annotations

import copy
import math
import re
import sys

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from tests.parsers.generator import fresh_layouts, layouts_word
from tests.parsers.generator.compose import Choice, Field, Form, Grid, Lines
from tests.parsers.generator.fieldnames import words
from tests.parsers.generator.fresh_layouts import boxed, is_date, iso_of, render_with
from tests.parsers.generator.layouts_pdf import (
    BOLD,
    FONT_DIR,
    REGULAR,
    make_plain,
    plain,
    register_fonts,
    wrap,
)
from tests.parsers.generator.layouts_word import W14_NS, W_NS, escape, shade, write_lines
from tests.parsers.generator.split import probe_bank

# --- the probe layout banks ---------------------------------------------------------------------

HEADING_LOOKS = probe_bank(
    "heading.look",
    [
        "section bar: number in a dark cell, title in a pale cell",
        "coloured heading with a thick rule above",
        "Heading 1 style numbered 1.0, 2.0",
    ],
)
WORD_TABLE_GRIDS = probe_bank(
    "word_table.grid",
    [
        "four columns: label | answer | label | answer",
        "shaded label row, answer in the row below",
        "numbered questions 1., 2a) in a first column",
        "label with small guidance under it, answer beside",
        "three columns: question | answer | guidance notes",
        "question and answer stacked in one cell",
        "section numbers 1.1, 1.2 in a left column",
        "label | narrow guidance column | answer at the right",
        "label cell merged down over two answer rows",
        "section name merged down a left column beside its questions",
    ],
)
WORD_TABLE_HEADERS = probe_bank(
    "word_table.header",
    [
        "Question | Response | Guidance notes",
        "Information required | Details | Notes for practitioners",
        "Area | Information | Help with this question",
    ],
)
WORD_TABLE_NOTES = probe_bank(
    "word_table.notes",
    [
        "Record what you have seen or been told, not your interpretation",
        "Give the name the child is known by in school if different",
        "If you have not spoken to the parent, explain why",
        "Say who told you this and when",
        "Attach a chronology if there is a long history",
        "Include any interpreter needs",
        "Mandatory field – the MASH cannot screen the referral without it",
        "See the Continuum of Need for examples",
    ],
)
WORD_TABLE_LOOKS = probe_bank(
    "word_table.look",
    ["bold labels on pale blue", "labels in navy text", "labels with an asterisk if mandatory"],
)
WORD_TABLE_GUIDANCE = probe_bank(
    "word_table.guidance",
    [
        "Please give as much detail as possible",
        "If not known, write N/K",
        "Include dates where you can",
        "Use the child's own words where possible",
    ],
)
WORD_LABEL_LOOKS = probe_bank(
    "word_label.look",
    [
        "bold label with a colon, answer indented in the next paragraph",
        "answer in a text box under the label",
        "label, then the answer typed on an underline",
        "numbered label 2a) then the answer after a tab",
        "Word numbered-list question, answer in the next paragraph",
        "label and answer on one line, several spaces between",
        "LABEL IN CAPITALS, answer in bold beneath",
        "BOLD CAPITAL LABEL, a tab stop, the answer on the same line",
        "small grey label, the answer in a larger coloured run beside it",
        "Q1., Q2. questions, answer indented in italics in the next paragraph",
    ],
)
CONTROL_TAGS = probe_bank(
    "controls.tag",
    ["Title Case tags with spaces", "dotted form paths", "numeric tags from 1001"],
)
CONTROL_PLACES = probe_bank(
    "controls.place",
    [
        "four-column table: label, control, label, control",
        "label paragraph, control in a bordered paragraph beneath",
        "label and control together in one table cell, two cells to a row",
        "label in a shaded cell, rich-text control in the cell below",
    ],
)
CONTROL_CHOICES = probe_bank(
    "controls.choices",
    [
        "a check-box control before each option",
        "a plain text control holding the choice",
        "a drop-down list control of the options",
        "check-box controls stacked, one option to a paragraph",
    ],
)
CONTROL_DATE_DISPLAY = probe_bank(
    "controls.date_display",
    ["display format as written", "US display format M/d/yyyy in the XML, UK text shown"],
)
CONTROL_HOUSEHOLD = probe_bank(
    "controls.household",
    ["a text control in each cell", "each person's row an item of a repeating section"],
)
CONTROL_PLACEHOLDERS = probe_bank(
    "controls.placeholder",
    ["Click here to enter text.", "Type here", "Enter details here", "Please enter"],
)
CONTROL_PLACEHOLDER_KEPT = probe_bank(
    "controls.placeholder_kept",
    ["flagged as placeholder", "left as plain content"],
)
ACROFORM_NAMES = probe_bank(
    "acroform.names",
    [
        "fill_N and undefined_N (Acrobat auto-detect)",
        "Text Field N with tooltip",
        "label words run together with a number",
        "camelCase label words",
        "snake_case label words with a number",
        "Text1, Check Box2 as Acrobat numbers new fields",
    ],
)
ACROFORM_LABEL_PLACES = probe_bank(
    "acroform.label_place",
    [
        "ruled table: shaded label cell, field cell",
        "numbered bold question, field below",
        "two columns, label printed above each field",
        "caption in small print under each field",
    ],
)
ACROFORM_TICKS = probe_bank(
    "acroform.ticks",
    [
        "check box after each option",
        "check box before each option",
        "radio buttons with export values Choice1, Choice2",
        "combo box of the options",
        "options one to a line, caption left, boxes lined up in a column",
    ],
)
DRAWN_PLACES = probe_bank(
    "drawn.label_place",
    [
        "landscape, two columns, label above an underlined answer",
        "label in a grey tab on the box's top edge",
        "label left, answer above a dotted line",
        "numbered question, answer on ruled lines below",
        "ruled line: label at the left, answer on the same line",
        "white bold label on a dark bar, answer in the box below",
        "small caption in the top-left corner inside each answer box",
        "labels right-aligned against a column of answer boxes",
    ],
)
DRAWN_HANDS = probe_bank(
    "drawn.answer_hand",
    ["answers typed in the form's font", "answers in a larger italic hand"],
)
PDF_TICKS = probe_bank(
    "pdf.tick",
    [
        "chosen option underlined",
        "unchosen options struck through",
        "filled diamond before the chosen option",
        "the chosen caption ringed by hand",
        "tick after the chosen option",
    ],
)
PRINT_TEMPLATES = probe_bank(
    "printed.template",
    [
        "council title block with a logo box, Page X of Y footer",
        "protective marking banner top and bottom, page number right",
        "cover page of instructions, child's name and reference in every page header",
        "household table in a landscape section, footnotes on headings",
        "landscape throughout, council and reference in the header, page of pages in the footer",
    ],
)
COVER_NOTES = probe_bank(
    "printed.cover_notes",
    [
        "Complete this form electronically; handwritten forms may be returned.",
        "This form is for professionals only. Families can contact the Front Door directly.",
        "Do not delay a referral to gather information you do not have.",
        "Read the guidance notes on each page before completing that section.",
        "Keep a copy of this form on the child's file in your agency.",
    ],
)
FOOTNOTES = probe_bank(
    "printed.footnotes",
    [
        "Working Together to Safeguard Children (2023), chapter 3.",
        "See the local Continuum of Need guidance for examples at each level.",
        "Consent is not needed where seeking it would put a child at risk of harm.",
        "Include everyone who lives at the address, even part of the week.",
        "Children Act 1989, section 17 and section 47.",
    ],
)
PRINT_BASES = probe_bank("printed.base", ["probe word table", "probe word label"])
COUNCILS = (
    "Eastmoor Borough Council",
    "Riverside Metropolitan Council",
    "Hallam Vale District Council",
    "North Wendle County Council",
)


# --- shared pieces ------------------------------------------------------------------------------


def choice_text(form: Form, choice: Choice) -> str:
    on, off = form.ticks
    if form.tick_place == "box before option, bars between":
        return " | ".join(f"{on if t else off} {text}".strip() for text, t in choice.options)
    if form.tick_place == "options in capitals, box after each":
        return "   ".join(
            f"{text.upper()} {on if t else off}".strip() for text, t in choice.options
        )
    return "  ".join(f"{text} [{(on if t else off) or ' '}]" for text, t in choice.options)


def item_text(form: Form, item) -> str:
    return layouts_word.item_text(form, item, choice_text)


def is_long(item) -> bool:
    return (
        (isinstance(item, Field) and (item.long or len(item.text) > 60))
        or isinstance(item, Lines)
        or (isinstance(item, Choice) and len(item.options) > 3)
    )


# --- Word ---------------------------------------------------------------------------------------


def paragraph_border(paragraph, edges=("top", "left", "bottom", "right"), size=6) -> None:
    inner = "".join(
        f'<w:{edge} w:val="single" w:sz="{size}" w:space="4" w:color="7F7F7F"/>' for edge in edges
    )
    paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:pBdr xmlns:w="{W_NS}">{inner}</w:pBdr>'))


def new_document(form: Form):
    document = docx.Document()
    document.styles["Normal"].font.name = "Verdana"
    document.styles["Normal"].font.size = Pt(9.5)
    title = document.add_paragraph()
    run = title.add_run(form.title)
    run.bold, run.font.size, run.font.color.rgb = True, Pt(16), RGBColor(0x00, 0x5A, 0x9C)
    intro = document.add_paragraph()
    intro.add_run(form.intro).font.size = Pt(8.5)
    paragraph_border(intro, ("top", "bottom"))
    return document


def heading(document, text: str, look: str, number: int) -> None:
    if look.startswith("section bar"):
        table = document.add_table(rows=1, cols=2)
        table.autofit = False
        number_cell, title_cell = table.rows[0].cells
        number_cell.width, title_cell.width = Cm(1.2), Cm(15.8)
        shade(number_cell, "003B5C")
        shade(title_cell, "DCE6F1")
        run = number_cell.paragraphs[0].add_run(str(number))
        run.bold, run.font.color.rgb = True, RGBColor(0xFF, 0xFF, 0xFF)
        title_cell.paragraphs[0].add_run(text).bold = True
    elif look.startswith("coloured heading"):
        paragraph = document.add_paragraph()
        paragraph_border(paragraph, ("top",), size=18)
        run = paragraph.add_run(text)
        run.bold, run.font.size, run.font.color.rgb = True, Pt(12), RGBColor(0x7A, 0x1F, 0x5C)
    else:
        document.add_heading(f"{number}.0  {text}", level=1)


def label_run(paragraph, label: str, look: str, mandatory: bool = False):
    text = f"{label} *" if look.endswith("if mandatory") and mandatory else label
    run = paragraph.add_run(text)
    if look == "labels in navy text":
        run.font.color.rgb = RGBColor(0x1F, 0x38, 0x64)
    else:
        run.bold = True
    return run


def label_cell(cell, label: str, look: str, mandatory: bool = False) -> None:
    label_run(cell.paragraphs[0], label, look, mandatory)
    if look == "bold labels on pale blue":
        shade(cell, "DDEBF7")


def word_grid(document, grid: Grid, cell_writer=None) -> None:
    """Household and attachment tables: a bold header row on grey, fixed blank rows kept."""
    table = document.add_table(rows=0, cols=len(grid.header))
    table.style = "Table Grid"
    header_row(table, grid.header)
    for r, row in enumerate(grid.rows):
        cells = table.add_row().cells
        for c, (cell, text) in enumerate(zip(cells, row, strict=True)):
            if cell_writer:
                cell_writer(cell.paragraphs[0], f"{grid.key}.r{r + 1}c{c + 1}", text)
            else:
                cell.text = text


def lines_paragraphs(document, item: Lines) -> None:
    for line in item.lines:
        paragraph = document.add_paragraph(line)
        if len(item.lines) == 1 and not line.startswith("•"):
            paragraph.runs[0].bold = True  # a table's title


def question_numbers(form: Form, decimal: bool = False):
    """'1.', '2a)', '2b)' …: the section number, and a letter for each question after the
    first; or, ``decimal``, '1.1', '1.2', '2.1' …"""
    marks = {}
    for number, section in enumerate(form.sections, 1):
        questions = [item for item in section.items if boxed(item)]
        for n, item in enumerate(questions):
            if decimal:
                marks[id(item)] = f"{number}.{n + 1}"
            else:
                marks[id(item)] = (
                    f"{number}." if len(questions) == 1 else f"{number}{chr(97 + n % 26)})"
                )
    return marks


def hint_run(paragraph, text: str, size: float = 7):
    run = paragraph.add_run(text)
    run.italic, run.font.size = True, Pt(size)
    run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    return run


def header_row(table, texts, fill: str = "E7E6E6") -> None:
    """A bold shaded first row, repeated at the top of each page the table runs onto."""
    row = table.add_row()
    row._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader xmlns:w="{W_NS}"/>'))
    for cell, text in zip(row.cells, texts, strict=True):
        run = cell.paragraphs[0].add_run(text)
        run.bold, run.font.size = True, Pt(8.5)
        shade(cell, fill)


def build_word_table(form: Form):
    pick, rng = form.chooser.pick, form.chooser.rng
    grid, look, heading_look = pick(WORD_TABLE_GRIDS), pick(WORD_TABLE_LOOKS), pick(HEADING_LOOKS)
    document = new_document(form)
    marks = question_numbers(form, decimal=grid.startswith("section numbers"))
    state: dict = {"table": None, "half": None}
    width = {"four": 4, "numb": 3, "thre": 3, "sect": 3, "ques": 1}.get(grid[:4], 2)
    if grid.startswith("label | narrow"):
        width = 3
    columns = (
        pick(WORD_TABLE_HEADERS).split(" | ")
        if grid.startswith(("three", "label | narrow"))
        else None
    )
    if columns and grid.startswith("label | narrow"):  # the guidance column in the middle
        columns = [columns[0], columns[2], columns[1]]
    side_name = grid.startswith("section name merged")
    rotate = side_name and rng.random() < 0.5
    state["side"] = []  # the side-name layout: the first cell of each row of the open table

    def table():
        if state["table"] is None:
            state["table"] = document.add_table(rows=0, cols=width)
            state["table"].style = "Table Grid"
            if columns:  # the column headings again at the top of each section's table
                header_row(state["table"], columns, "DCE6F1")
        return state["table"]

    def close() -> None:
        side = state["side"]
        if len(side) > 1:  # the section's name runs down the left of all its rows
            side[0].merge(side[-1])
        state["table"] = state["half"] = None
        state["side"] = []

    def widths(cells, sizes) -> None:
        for cell, size in zip(cells, sizes, strict=True):
            cell.width = Cm(size)

    for number, section in enumerate(form.sections, 1):
        close()
        if section.heading and not side_name:
            heading(document, section.heading, heading_look, number)
        named = False  # the side-name layout: the section's name written in its first row
        for item in section.items:
            if not boxed(item):
                close()
                if isinstance(item, Grid):
                    word_grid(document, item)
                else:
                    lines_paragraphs(document, item)
                continue
            label, text = item.label or "", item_text(form, item)
            mandatory = rng.random() < 0.4
            if side_name:
                cells = table().add_row().cells
                widths(cells, (2.2, 5.8, 9))
                shade(cells[0], "D9E2F3")
                state["side"].append(cells[0])
                if not named and section.heading:
                    run = cells[0].paragraphs[0].add_run(f"{number}. {section.heading}")
                    run.bold = True
                    if rotate:
                        cells[0]._tc.get_or_add_tcPr().append(
                            parse_xml(f'<w:textDirection xmlns:w="{W_NS}" w:val="btLr"/>')
                        )
                named = True
                label_cell(cells[1], label, look, mandatory)
                write_lines(cells[2].paragraphs[0], text)
            elif grid.startswith("label | narrow"):
                cells = table().add_row().cells
                widths(cells, (5, 3.2, 8.8))
                label_cell(cells[0], label, look, mandatory)
                if rng.random() < 0.7:
                    hint_run(cells[1].paragraphs[0], pick(WORD_TABLE_NOTES), 7)
                write_lines(cells[2].paragraphs[0], text)
            elif grid.startswith("label cell merged"):
                top, bottom = table().add_row().cells, table().add_row().cells
                widths(top, (5.5, 11.5))
                widths(bottom, (5.5, 11.5))
                label_cell(top[0], label, look, mandatory)
                if look == "bold labels on pale blue":
                    shade(bottom[0], "DDEBF7")
                lines = text.split("\n")
                half = math.ceil(len(lines) / 2) if len(lines) > 1 else 1
                write_lines(top[1].paragraphs[0], "\n".join(lines[:half]))
                if lines[half:]:
                    write_lines(bottom[1].paragraphs[0], "\n".join(lines[half:]))
                top[0].merge(bottom[0])
            elif grid.startswith("four columns"):
                if is_long(item):
                    state["half"] = None
                    cells = table().add_row().cells
                    label_cell(cells[0], label, look, mandatory)
                    write_lines(cells[1].merge(cells[3]).paragraphs[0], text)
                elif state["half"] is not None:
                    cells, state["half"] = state["half"], None
                    label_cell(cells[2], label, look, mandatory)
                    write_lines(cells[3].paragraphs[0], text)
                else:
                    cells = state["half"] = table().add_row().cells
                    label_cell(cells[0], label, look, mandatory)
                    write_lines(cells[1].paragraphs[0], text)
            elif grid.startswith("shaded label row"):
                row = table().add_row()
                merged = row.cells[0].merge(row.cells[1])
                label_run(merged.paragraphs[0], label, look, mandatory)
                shade(merged, "D9E2F3" if look != "bold labels on pale blue" else "DDEBF7")
                answer = table().add_row()
                write_lines(answer.cells[0].merge(answer.cells[1]).paragraphs[0], text)
            elif grid.startswith("three columns"):
                cells = table().add_row().cells
                label_cell(cells[0], label, look, mandatory)
                write_lines(cells[1].paragraphs[0], text)
                if rng.random() < 0.85:
                    hint_run(cells[2].paragraphs[0], pick(WORD_TABLE_NOTES), 7.5)
            elif grid.startswith("question and answer stacked"):
                paragraph = table().add_row().cells[0].paragraphs[0]
                label_run(paragraph, label, look, mandatory)
                paragraph.add_run().add_break()
                write_lines(paragraph, text)
            elif grid.startswith(("numbered", "section numbers")):
                cells = table().add_row().cells
                cells[0].paragraphs[0].add_run(marks[id(item)]).bold = True
                label_cell(cells[1], label, look, mandatory)
                write_lines(cells[2].paragraphs[0], text)
            else:
                cells = table().add_row().cells
                label_cell(cells[0], label, look, mandatory)
                if rng.random() < 0.5:
                    hint_run(cells[0].add_paragraph(), pick(WORD_TABLE_GUIDANCE))
                write_lines(cells[1].paragraphs[0], text)
    close()
    return document


TEXTBOX = (
    '<w:r xmlns:w="{w}" xmlns:v="urn:schemas-microsoft-com:vml"><w:pict>'
    '<v:shape id="probe{n}" type="#_x0000_t202" style="width:450pt;height:{h}pt" '
    'strokecolor="#7F7F7F"><v:textbox><w:txbxContent>{body}</w:txbxContent></v:textbox>'
    "</v:shape></w:pict></w:r>"
)


def text_box(paragraph, text: str, n: int) -> None:
    lines = text.split("\n") or [""]
    height = 14 * sum(max(1, math.ceil(len(line) / 95)) for line in lines) + 10
    body = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>' for line in lines
    )
    paragraph._p.append(parse_xml(TEXTBOX.format(w=W_NS, n=n, h=max(24, height), body=body)))


def numbered_item(document, text: str):
    """A paragraph numbered by Word itself (w:numPr of the List Number style's numbering), so
    the number is not in the paragraph's text."""
    paragraph = document.add_paragraph(style="List Number")
    num_id = document.styles["List Number"].element.pPr.numPr.numId.val
    paragraph._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )
    paragraph.add_run(text)
    return paragraph


def build_word_label(form: Form):
    pick, rng = form.chooser.pick, form.chooser.rng
    look, heading_look = pick(WORD_LABEL_LOOKS), pick(HEADING_LOOKS)
    document = new_document(form)
    marks = question_numbers(form)
    boxes = questions = 0
    for number, section in enumerate(form.sections, 1):
        if section.heading:
            heading(document, section.heading, heading_look, number)
        for item in section.items:
            if isinstance(item, Grid):
                word_grid(document, item)
                continue
            if isinstance(item, Lines) and not item.in_one_box:
                lines_paragraphs(document, item)
                continue
            label, text = item.label or "", item_text(form, item)
            if look.startswith("bold label with a colon"):
                colon = "" if label[-1:] in "?:*" else ":"
                document.add_paragraph().add_run(f"{label}{colon}").bold = True
                answer = write_lines(document.add_paragraph(), text)
                answer.paragraph_format.left_indent = Cm(0.75)
            elif look.startswith("answer in a text box"):
                document.add_paragraph().add_run(label).bold = True
                boxes += 1
                text_box(document.add_paragraph(), text, boxes)
            elif look.startswith("label, then the answer typed"):
                paragraph = document.add_paragraph()
                colon = "" if label[-1:] in "?:*" else ":"
                paragraph.add_run(f"{label}{colon} ")
                first, *rest = text.split("\n")
                paragraph.add_run(f" {first or ' ' * 30} ").underline = True
                for line in rest:
                    document.add_paragraph().add_run(line).underline = True
            elif look.startswith("Word numbered-list question"):
                numbered_item(document, label).runs[0].bold = True
                answer = write_lines(document.add_paragraph(), text)
                answer.paragraph_format.left_indent = Cm(0.63)
            elif look.startswith("label and answer on one line"):
                paragraph = document.add_paragraph()
                paragraph.add_run(label.rstrip(":") + " " * rng.choice((4, 6, 8)))
                write_lines(paragraph, text)
            elif look.startswith("BOLD CAPITAL LABEL"):
                paragraph = document.add_paragraph()
                paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(6))
                paragraph.add_run(label.upper().rstrip(":?*. ") + ":").bold = True
                first, *rest = text.split("\n")
                paragraph.add_run(f"\t{first}")
                for line in rest:
                    document.add_paragraph(line).paragraph_format.left_indent = Cm(6)
            elif look.startswith("small grey label"):
                paragraph = document.add_paragraph()
                small = paragraph.add_run(label.rstrip(":") + "  ")
                small.font.size, small.font.color.rgb = Pt(7.5), RGBColor(0x6E, 0x6E, 0x6E)
                for i, line in enumerate(text.split("\n")):
                    if i:
                        paragraph.add_run().add_break(WD_BREAK.LINE)
                    run = paragraph.add_run(line)
                    run.font.size, run.font.color.rgb = Pt(11), RGBColor(0x1F, 0x4E, 0x79)
            elif look.startswith("Q1., Q2."):
                questions += 1
                paragraph = document.add_paragraph()
                paragraph.add_run(f"Q{questions}.").bold = True
                paragraph.add_run(f"  {label}")
                answer = document.add_paragraph()
                answer.paragraph_format.left_indent = Cm(1)
                for i, line in enumerate(text.split("\n")):
                    if i:
                        answer.add_run().add_break(WD_BREAK.LINE)
                    answer.add_run(line).italic = True
            elif look.startswith("LABEL IN CAPITALS"):
                document.add_paragraph(label.upper().rstrip(":?*. "))
                write_lines(document.add_paragraph(), text, bold=True)
            else:
                paragraph = document.add_paragraph()
                paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(7))
                paragraph.add_run(f"{marks[id(item)]} ").bold = True
                paragraph.add_run(label)
                first, *rest = text.split("\n")
                paragraph.add_run(f"\t{first}")
                for line in rest:
                    document.add_paragraph(line).paragraph_format.left_indent = Cm(7)
    return document


# --- Word content controls ------------------------------------------------------------------------

WORD_DATE_FORMATS = {
    "d/m/yy": "d/M/yy",
    "dd Month yyyy": "dd MMMM yyyy",
    "d Mon. yyyy": "d MMM. yyyy",
    "dd.mm.yy": "dd.MM.yy",
    "dd mm yyyy, spaced": "dd MM yyyy",
    "Weekday d Month yyyy": "dddd d MMMM yyyy",
    "dd/Mon/yyyy": "dd/MMM/yyyy",
    "d Month yyyy in capitals": "d MMMM yyyy",
}


class ProbeNamer:
    """Control tags and AcroForm field names in the probe house styles."""

    def __init__(self, style: str):
        self.style, self.count, self.seen = style, 0, set()

    def __call__(self, key: str, label: str = "", kind: str = "Text") -> str:
        self.count += 1
        parts = words(key)
        if self.style.startswith("Text1, Check Box2"):
            name = f"{kind}{self.count}"
        elif self.style == "Title Case tags with spaces":
            name = " ".join(p[:1].upper() + p[1:] for p in parts)
        elif self.style == "dotted form paths":
            name = "EHA." + ".".join(p[:1].upper() + p[1:] for p in parts)
        elif self.style == "numeric tags from 1001":
            name = str(1000 + self.count)
        elif self.style.startswith("fill_N"):
            name = f"fill_{self.count}" if self.count % 3 else f"undefined_{self.count}"
        elif self.style.startswith("Text Field N"):
            name = f"Text Field {self.count}"
        else:  # the label's words: run together, camelCase or snake_case
            found = re.findall(r"[A-Za-z]+", label)[:5] or ["field"]
            if self.style == "camelCase label words":
                name = found[0].lower() + "".join(w.capitalize() for w in found[1:])
            elif self.style.startswith("snake_case"):
                name = "_".join(w.lower() for w in found[:4]) + f"_{self.count}"
            else:
                name = "".join(w.capitalize() for w in found[:4]) + str(self.count)
        base, n = name, 1
        while name in self.seen:
            n += 1
            name = f"{base}_{n}"
        self.seen.add(name)
        return name


class Controls:
    def __init__(self, form: Form):
        pick = form.chooser.pick
        self.namer = ProbeNamer(pick(CONTROL_TAGS))
        self.choices = pick(CONTROL_CHOICES)
        self.placeholder = pick(CONTROL_PLACEHOLDERS)
        self.flagged = pick(CONTROL_PLACEHOLDER_KEPT) == "flagged as placeholder"
        self.ids = 3100
        self.rich = False  # every text control a rich-text one

    def properties(self, key: str, alias: str | None) -> str:
        self.ids += 1
        title = f'<w:alias w:val="{escape(alias[:60])}"/>' if alias else ""
        return f'{title}<w:tag w:val="{escape(self.namer(key))}"/><w:id w:val="{self.ids}"/>'

    def text(self, paragraph, key, alias, value, iso=None, date_format=None) -> None:
        if iso and value:
            kind = (
                f'<w:date w:fullDate="{iso}T00:00:00Z"><w:dateFormat w:val="{date_format}"/>'
                '<w:lid w:val="en-GB"/></w:date>'
            )
        else:
            rich = "\n" in value or self.rich
            kind = "<w:richText/>" if rich else '<w:text w:multiLine="1"/>'
        self.control(paragraph, key, alias, value, kind)

    def control(self, paragraph, key, alias, value, kind, placeholder=None) -> None:
        """A content control of ``kind`` (its sdtPr element) showing ``value``."""
        if not value and self.flagged:
            kind = "<w:showingPlcHdr/>" + kind
        runs = []
        for i, line in enumerate((value or placeholder or self.placeholder).split("\n")):
            if i:
                runs.append("<w:r><w:br/></w:r>")
            style = '<w:rPr><w:color w:val="808080"/></w:rPr>' if not value else ""
            runs.append(f'<w:r>{style}<w:t xml:space="preserve">{escape(line)}</w:t></w:r>')
        xml = (
            f'<w:sdt xmlns:w="{W_NS}"><w:sdtPr>{self.properties(key, alias)}{kind}</w:sdtPr>'
            f"<w:sdtContent>{''.join(runs)}</w:sdtContent></w:sdt>"
        )
        paragraph._p.append(parse_xml(xml))

    def checkbox(self, paragraph, key: str, text: str, ticked: bool) -> None:
        glyph = "☒" if ticked else "☐"
        xml = (
            f'<w:sdt xmlns:w="{W_NS}" xmlns:w14="{W14_NS}"><w:sdtPr>'
            f"{self.properties(key, text)}<w14:checkbox>"
            f'<w14:checked w14:val="{1 if ticked else 0}"/>'
            '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
            '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>'
            '<w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:hAnsi="MS Gothic"/>'
            f"</w:rPr><w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>"
        )
        paragraph._p.append(parse_xml(xml))
        paragraph.add_run(f" {text}    ")

    def dropdown(self, paragraph, choice: Choice) -> None:
        chosen = ", ".join(text for text, ticked in choice.options if ticked)
        items = "".join(
            f'<w:listItem w:displayText="{escape(text)}" w:value="{escape(text)}"/>'
            for text, _ in choice.options
        )
        kind = f'<w:dropDownList w:lastValue="{escape(chosen)}">{items}</w:dropDownList>'
        self.control(paragraph, choice.key, choice.label, chosen, kind, "Choose an item.")

    def choice(self, paragraph, choice: Choice, form: Form) -> None:
        if self.choices.startswith("a drop-down"):
            self.dropdown(paragraph, choice)
            return
        if self.choices.startswith("check-box controls stacked"):
            target = paragraph
            for n, (text, ticked) in enumerate(choice.options, 1):
                if n > 1 or "".join(t.text or "" for t in paragraph._p.iter(qn("w:t"))).strip():
                    target = paragraph_after(target)
                self.checkbox(target, f"{choice.key}.{n}", text, ticked)
            return
        if self.choices.startswith("a check-box control"):
            for n, (text, ticked) in enumerate(choice.options, 1):
                self.checkbox(paragraph, f"{choice.key}.{n}", text, ticked)
            return
        chosen = ", ".join(text for text, ticked in choice.options if ticked)
        self.text(paragraph, choice.key, choice.label, chosen)


W15_NS = "http://schemas.microsoft.com/office/word/2012/wordml"


def paragraph_after(paragraph):
    """A new empty paragraph straight after ``paragraph`` (in the same cell or body)."""
    from docx.text.paragraph import Paragraph

    element = parse_xml(f'<w:p xmlns:w="{W_NS}"/>')
    paragraph._p.addnext(element)
    return Paragraph(element, paragraph._parent)


def repeating_rows(table, title: str) -> None:
    """Every row but the header made an item of one repeating-section content control, as
    Word 2013+ writes a household table the worker adds people to."""
    rows = table.rows[1:]
    if not rows:
        return
    section = parse_xml(
        f'<w:sdt xmlns:w="{W_NS}" xmlns:w15="{W15_NS}"><w:sdtPr>'
        f'<w:alias w:val="{escape(title[:60])}"/><w15:repeatingSection/></w:sdtPr>'
        "<w:sdtContent/></w:sdt>"
    )
    rows[0]._tr.addprevious(section)
    content = section[-1]
    for row in rows:
        item = parse_xml(
            f'<w:sdt xmlns:w="{W_NS}" xmlns:w15="{W15_NS}"><w:sdtPr><w15:repeatingSectionItem/>'
            "</w:sdtPr><w:sdtContent/></w:sdt>"
        )
        content.append(item)
        item[-1].append(row._tr)


def build_word_controls(form: Form):
    pick = form.chooser.pick
    controls = Controls(form)
    place, heading_look, look = pick(CONTROL_PLACES), pick(HEADING_LOOKS), pick(WORD_TABLE_LOOKS)
    us_dates = pick(CONTROL_DATE_DISPLAY).startswith("US")
    repeating = pick(CONTROL_HOUSEHOLD).startswith("each person's row")
    date_format = "M/d/yyyy" if us_dates else WORD_DATE_FORMATS[form.date_style]
    document = new_document(form)
    four = place.startswith("four-column")
    in_cell = place.startswith("label and control together")
    below = place.startswith("label in a shaded cell")
    controls.rich = below
    state: dict = {"table": None, "half": None}

    def value_into(paragraph, item) -> None:
        if isinstance(item, Choice):
            controls.choice(paragraph, item, form)
            return
        iso = iso_of(form, item.key) if is_date(item) and item.text else None
        text = item_text(form, item)
        controls.text(paragraph, item.key, item.label, text, iso, date_format)

    for number, section in enumerate(form.sections, 1):
        state["table"] = state["half"] = None
        if section.heading:
            heading(document, section.heading, heading_look, number)
        for item in section.items:
            if isinstance(item, Grid):
                word_grid(document, item, lambda p, key, text: controls.text(p, key, None, text))
                if repeating and item.key == "household":
                    repeating_rows(document.tables[-1], section.heading or "Household")
                state["table"] = state["half"] = None
                continue
            if isinstance(item, Lines) and not item.in_one_box:
                for n, line in enumerate(item.lines):
                    controls.text(document.add_paragraph(), f"{item.key}.{n + 1}", None, line)
                state["table"] = state["half"] = None
                continue
            if below:
                if state["table"] is None:
                    state["table"] = document.add_table(rows=0, cols=2)
                    state["table"].style = "Table Grid"
                wide = is_long(item) or isinstance(item, Choice)
                if wide or state["half"] is None:
                    labels, values = state["table"].add_row().cells, state["table"].add_row().cells
                    if wide:
                        label_at, value_at = labels[0].merge(labels[1]), values[0].merge(values[1])
                        state["half"] = None
                    else:
                        label_at, value_at = labels[0], values[0]
                        state["half"] = (labels[1], values[1])
                else:
                    (label_at, value_at), state["half"] = state["half"], None
                label_run(label_at.paragraphs[0], item.label, look)
                shade(label_at, "F2F2F2")
                value_into(value_at.paragraphs[0], item)
            elif in_cell:
                if state["table"] is None:
                    state["table"] = document.add_table(rows=0, cols=2)
                    state["table"].style = "Table Grid"
                if is_long(item) or isinstance(item, Choice) or state["half"] is None:
                    cells = state["table"].add_row().cells
                    wide = is_long(item) or isinstance(item, Choice)
                    cell = cells[0].merge(cells[1]) if wide else cells[0]
                    state["half"] = None if wide else cells[1]
                else:
                    cell, state["half"] = state["half"], None
                paragraph = cell.paragraphs[0]
                label_run(paragraph, item.label, look)
                paragraph.add_run(" ")
                value_into(paragraph, item)
            elif four:
                if state["table"] is None:
                    state["table"] = document.add_table(rows=0, cols=4)
                    state["table"].style = "Table Grid"
                if is_long(item) or isinstance(item, Choice):
                    state["half"] = None
                    cells = state["table"].add_row().cells
                    label_cell(cells[0], item.label, look)
                    value_into(cells[1].merge(cells[3]).paragraphs[0], item)
                elif state["half"] is not None:
                    cells, state["half"] = state["half"], None
                    label_cell(cells[2], item.label, look)
                    value_into(cells[3].paragraphs[0], item)
                else:
                    cells = state["half"] = state["table"].add_row().cells
                    label_cell(cells[0], item.label, look)
                    value_into(cells[1].paragraphs[0], item)
            else:
                label_run(document.add_paragraph(), item.label, look)
                paragraph = document.add_paragraph()
                paragraph_border(paragraph)
                value_into(paragraph, item)
    return document


# --- printed: a probe Word layout in a council template, through LibreOffice ---------------------


def field_run(paragraph, instruction: str) -> None:
    xml = (
        f'<w:fldSimple xmlns:w="{W_NS}" w:instr="{instruction}"><w:r><w:t>1</w:t></w:r>'
        "</w:fldSimple>"
    )
    paragraph._p.append(parse_xml(xml))


def picks(form: Form, bank, count: int) -> list[str]:
    """Up to ``count`` different entries of a bank, in the order first picked."""
    chosen: list[str] = []
    for _ in range(count * 2):
        entry = form.chooser.pick(bank)
        if entry not in chosen:
            chosen.append(entry)
    return chosen[:count]


def cover_page(document, form: Form, council: str) -> None:
    """The title and introduction kept on a page of their own with notes for completion, and the
    child's name with a reference in the header of every page."""
    body = document.element.body
    notes = [document.add_paragraph("Notes for completing this form")]
    notes[0].runs[0].bold = True
    for note in picks(form, COVER_NOTES, 3):
        notes.append(document.add_paragraph(f"•  {note}"))
    notes.append(document.add_paragraph(f"Return to: {council}, Children's Front Door"))
    notes[-1].add_run().add_break(WD_BREAK.PAGE)
    anchor = body[1]  # after the title and the introduction
    for paragraph in notes:
        anchor.addnext(paragraph._p)
        anchor = paragraph._p
    child = form.expected.get("child", {})
    name = " ".join(filter(None, (child.get("first_name"), child.get("last_name"))))
    header = document.sections[0].header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    reference = f"MASH/{form.chooser.rng.randrange(10000, 99999)}"
    header.add_run(f"Child: {name}    Our ref: {reference}").font.size = Pt(8)


FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def footnotes(document, form: Form, headings: list[str]) -> None:
    """Real Word footnotes (a footnotes part) referenced from the section headings given."""
    texts = picks(form, FOOTNOTES, len(headings))
    marked = []
    for element in document.element.body.iter(qn("w:p")):
        text = "".join(t.text or "" for t in element.iter(qn("w:t"))).strip()
        if len(marked) < len(texts) and text and any(text.endswith(h) for h in headings):
            marked.append(element)
    notes = ""
    for n, (element, note) in enumerate(zip(marked, texts, strict=False), 1):
        element.append(
            parse_xml(
                f'<w:r xmlns:w="{W_NS}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                f'<w:footnoteReference w:id="{n}"/></w:r>'
            )
        )
        notes += (
            f'<w:footnote w:id="{n}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/>'
            '</w:rPr><w:footnoteRef/></w:r><w:r><w:rPr><w:sz w:val="16"/></w:rPr>'
            f'<w:t xml:space="preserve"> {escape(note)}</w:t></w:r></w:p></w:footnote>'
        )
    separators = "".join(
        f'<w:footnote w:type="{kind}" w:id="{n}"><w:p><w:r><w:{kind}/></w:r></w:p></w:footnote>'
        for n, kind in ((-1, "separator"), (0, "continuationSeparator"))
    )
    xml = f'<w:footnotes xmlns:w="{W_NS}">{separators}{notes}</w:footnotes>'
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, xml.encode(), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)


def landscape_household(document, form: Form) -> None:
    """The household table(s), with the heading just before them, in a landscape section."""
    grids = [
        item
        for section in form.sections
        for item in section.items
        if isinstance(item, Grid) and item.key == "household"
    ]
    heads = [grid.header for grid in grids]
    tables = [t for t in document.tables if [c.text for c in t.rows[0].cells] in heads]
    if not tables:
        return
    first, last = tables[0]._tbl, tables[-1]._tbl
    titles = [s.heading for s in form.sections if s.key == "household" and s.heading]
    for _ in range(2):  # a table's title and the section's heading go with it
        before = first.getprevious()
        text = "".join(t.text or "" for t in before.iter(qn("w:t"))).strip()
        if before.tag not in (qn("w:p"), qn("w:tbl")) or not text:
            break
        first = before
        if any(text.endswith(title) for title in titles):
            break
    portrait = copy.deepcopy(document.sections[0]._sectPr)
    wide = copy.deepcopy(portrait)
    size = wide.find(qn("w:pgSz"))
    width, height = size.get(qn("w:w")), size.get(qn("w:h"))
    size.set(qn("w:w"), height)
    size.set(qn("w:h"), width)
    size.set(qn("w:orient"), "landscape")
    for sect_pr, element, where in ((portrait, first, "addprevious"), (wide, last, "addnext")):
        paragraph = parse_xml(f'<w:p xmlns:w="{W_NS}"><w:pPr/></w:p>')
        paragraph[0].append(sect_pr)
        getattr(element, where)(paragraph)


def apply_template(document, template: str, form: Form) -> None:
    section = document.sections[0]
    council = form.chooser.rng.choice(COUNCILS)
    footer = section.footer.paragraphs[0]
    if template.startswith("cover page"):
        cover_page(document, form, council)
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run(f"{council} – {form.title} – page ")
        field_run(footer, "PAGE")
        return
    if template.startswith("landscape throughout"):
        from docx.enum.section import WD_ORIENT

        width, height = section.page_width, section.page_height
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = height, width
        reference = f"FD-{form.chooser.rng.randrange(100000, 999999)}"
        header = section.header.paragraphs[0]
        header.paragraph_format.tab_stops.add_tab_stop(Cm(24.4), WD_TAB_ALIGNMENT.RIGHT)
        name = header.add_run(council)
        name.bold, name.font.size = True, Pt(10)
        header.add_run(f"\tReferral reference: {reference}").font.size = Pt(8)
        paragraph_border(header, ("bottom",))
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run(f"{council} – Children's Services – ref {reference} – page ").font.size = Pt(
            7.5
        )
        field_run(footer, "PAGE")
        footer.add_run(" of ")
        field_run(footer, "NUMPAGES")
        return
    if template.startswith("household table in a landscape"):
        footer.add_run(f"{council}    ")
        field_run(footer, "PAGE")
        keys = ("household", "consent", "pathway", "harm", "referral")
        headings = [s.heading for k in keys for s in form.sections if s.key == k and s.heading]
        footnotes(document, form, headings[:3])
        landscape_household(document, form)
        return
    if template.startswith("council title block"):
        table = section.header.add_table(rows=1, cols=2, width=Cm(17))
        logo, words_cell = table.rows[0].cells
        logo.width, words_cell.width = Cm(2.5), Cm(14.5)
        shade(logo, "005A9C")
        mark = logo.paragraphs[0]
        mark.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = mark.add_run("◆◆\n" + "".join(w[0] for w in council.split()[:2]))
        run.bold, run.font.size, run.font.color.rgb = True, Pt(14), RGBColor(0xFF, 0xFF, 0xFF)
        name = words_cell.paragraphs[0].add_run(council)
        name.bold, name.font.size = True, Pt(13)
        words_cell.add_paragraph("Children's Services – Integrated Front Door").runs[
            0
        ].italic = True
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run("Page ")
        field_run(footer, "PAGE")
        footer.add_run(" of ")
        field_run(footer, "NUMPAGES")
        footer.add_run(f"    {form.title} v3.2")
        return
    banner = section.header.paragraphs[0]
    banner.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = banner.add_run("OFFICIAL – SENSITIVE: PERSONAL (when complete)")
    run.bold, run.font.color.rgb = True, RGBColor(0xC0, 0x00, 0x00)
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run(f"OFFICIAL – SENSITIVE     {council}     ")
    field_run(footer, "PAGE")


# --- PDFs -----------------------------------------------------------------------------------------

LEADING = 11.5
HAND = "DejaVuSerif-Italic"  # the nearest to a worker's own hand among the installed fonts


class Flow(fresh_layouts.Flow):
    """A canvas in one or two columns on a portrait or landscape A4 page (writing and wrapping
    text as the fresh layouts' does; its own page, columns, title and headings)."""

    def __init__(self, form: Form, wide: bool = False, columns: int = 1):
        register_fonts()
        import io

        self.output = io.BytesIO()
        size = landscape(A4) if wide else A4
        self.canvas = canvas.Canvas(self.output, pagesize=size)
        self.canvas.setTitle(form.title)
        self.left, self.right = 40, size[0] - 40
        self.top, self.bottom = size[1] - 40, 48
        self.columns, self.column, self.gap = columns, 0, 22
        self.width = (self.right - self.left - self.gap * (columns - 1)) / columns
        self.page = 1
        self.y = self.column_top = self.top
        self.footer()
        self.hand, self.hand_size, self.step = REGULAR, 9.0, LEADING + 2

    def write_by_hand(self) -> None:
        """Answers from now on in a larger italic face, on wider-spaced lines."""
        if HAND not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(HAND, f"{FONT_DIR}/{HAND}.ttf"))
        self.hand, self.hand_size, self.step = HAND, 11.5, 16.0

    def answer(self, x, y, text) -> None:
        self.canvas.setFont(self.hand, self.hand_size)
        self.canvas.drawString(x, y, text)

    def answer_lines(self, text: str, width: float) -> list[str]:
        return wrap(text or " ", width, self.hand, self.hand_size)

    @property
    def x(self) -> float:
        return self.left + self.column * (self.width + self.gap)

    def footer(self) -> None:
        self.write(self.right - 40, 24, f"Page {self.page}", size=7)

    def need(self, height: float) -> None:
        if self.y - height >= self.bottom:
            return
        if self.column + 1 < self.columns:
            self.column += 1
            self.y = self.column_top  # below the title block on the first page
            return
        self.canvas.showPage()
        self.column = 0
        self.page += 1
        self.footer()
        self.y = self.column_top = self.top

    def title(self, form: Form) -> None:
        c = self.canvas
        c.setLineWidth(2)
        c.setStrokeColorRGB(0, 0.35, 0.61)
        c.rect(self.left, self.y - 30, 30, 30)
        c.setStrokeGray(0)
        self.write(self.left + 7, self.y - 20, "◆", bold=True, size=14)
        self.write(self.left + 40, self.y - 18, form.title, bold=True, size=14)
        self.y -= 40
        for line in wrap(form.intro, self.right - self.left, REGULAR, 7.5):
            self.write(self.left, self.y - 8, line, size=7.5)
            self.y -= 9.5
        self.y -= 8
        self.column_top = self.y

    def heading(self, text: str, number: int) -> None:
        self.need(48)
        self.y -= 4
        c = self.canvas
        c.setFillColorRGB(0.86, 0.9, 0.95)
        c.rect(self.x, self.y - 15, self.width, 15, stroke=0, fill=1)
        c.setFillGray(0)
        self.write(self.x + 4, self.y - 11, f"{number}. {text}"[:120], bold=True, size=9.5)
        self.y -= 22

    def save(self) -> bytes:
        self.canvas.save()
        return self.output.getvalue()


def draw_choice(flow: Flow, choice: Choice, offset: float, width: float, mark: str) -> None:
    c = flow.canvas
    flow.need(LEADING + 4)
    x = cursor = flow.x + offset
    for text, ticked in choice.options:
        text_width = pdfmetrics.stringWidth(text, REGULAR, 9)
        lead = 12 if mark.startswith("filled diamond") else 0
        lead_after = 12 if mark.startswith("tick after") else 0
        if cursor + text_width + lead + lead_after > x + width and cursor > x:
            flow.y -= LEADING + 3
            flow.need(LEADING + 4)
            cursor = x
        base = flow.y - 9
        if mark.startswith("filled diamond"):
            if ticked:
                path = c.beginPath()
                path.moveTo(cursor + 4, base - 1)
                path.lineTo(cursor + 8, base + 3)
                path.lineTo(cursor + 4, base + 7)
                path.lineTo(cursor, base + 3)
                path.close()
                c.drawPath(path, stroke=0, fill=1)
            flow.write(cursor + lead, base, text)
        else:
            flow.write(cursor, base, text)
            c.setLineWidth(0.8)
            if mark == "chosen option underlined" and ticked:
                c.line(cursor, base - 2, cursor + text_width, base - 2)
            elif mark == "unchosen options struck through" and not ticked:
                c.line(cursor - 1, base + 3, cursor + text_width + 1, base + 3)
            elif mark == "the chosen caption ringed by hand" and ticked:
                c.ellipse(cursor - 5, base - 5, cursor + text_width + 5, base + 11)
            elif lead_after and ticked:
                flow.write(cursor + text_width + 3, base, "✓", bold=True, size=10)
        lead += lead_after
        if cursor + text_width + lead + 8 <= x + width:
            flow.write(cursor + text_width + lead + 5, base, "/" if mark.startswith("un") else "")
        cursor += text_width + lead + 18
    flow.y -= LEADING + 4


def draw_grid(flow: Flow, grid: Grid, size: float = 8) -> None:
    widths = [max(pdfmetrics.stringWidth(h, BOLD, size), 34) for h in grid.header]
    for row in grid.rows:
        for n, text in enumerate(row):
            widths[n] = max(widths[n], min(pdfmetrics.stringWidth(text, REGULAR, size), 150))
    scale = flow.width / sum(w + 8 for w in widths)
    widths = [(w + 8) * scale for w in widths]
    c = flow.canvas
    for r, row in enumerate([grid.header, *grid.rows]):
        head = r == 0
        cells = [
            wrap(t, w - 6, BOLD if head else REGULAR, size)
            for t, w in zip(row, widths, strict=True)
        ]
        height = (size + 2.5) * max(len(lines) for lines in cells) + 6
        flow.need(height)
        x = flow.x
        for n, lines in enumerate(cells):
            if head:
                c.setFillGray(0.88)
                c.rect(x, flow.y - height, widths[n], height, stroke=0, fill=1)
                c.setFillGray(0)
            c.setLineWidth(0.5)
            c.rect(x, flow.y - height, widths[n], height)
            for k, line in enumerate(lines):
                flow.write(x + 3, flow.y - size - 2 - k * (size + 2.5), line, head, size)
            x += widths[n]
        flow.y -= height
    flow.y -= 8


def box_body(flow: Flow, x: float, width: float, lines: list[str], top: float) -> None:
    """``lines`` written in a box from ``top`` down, the box closed and begun again where the
    answer runs onto the next page."""
    c = flow.canvas
    c.setLineWidth(0.7)
    for line in lines:
        if flow.y - LEADING < flow.bottom:
            c.rect(x, flow.y - 3, width, top - flow.y + 3)
            flow.need(LEADING + 8)
            top = flow.y
            flow.y -= 3
        flow.write(x + 5, flow.y - 9, line)
        flow.y -= LEADING
    flow.y -= 5
    c.rect(x, flow.y, width, top - flow.y)


def render_drawn(form: Form) -> bytes:
    pick = form.chooser.pick
    place, mark = pick(DRAWN_PLACES), pick(PDF_TICKS)
    wide = place.startswith("landscape")
    flow = Flow(form, wide=wide, columns=2 if wide else 1)
    if place.startswith(("ruled line", "white bold")) and pick(DRAWN_HANDS).endswith("hand"):
        flow.write_by_hand()
    flow.title(form)
    c = flow.canvas
    marks = question_numbers(form)
    for number, section in enumerate(form.sections, 1):
        if section.heading:
            flow.heading(section.heading, number)
        for item in section.items:
            if isinstance(item, Grid):
                draw_grid(flow, item, size=7.5)
                continue
            if isinstance(item, Lines) and not item.in_one_box:
                for line in item.lines:
                    flow.lines(0, line, flow.width, bold=len(item.lines) == 1)
                flow.y -= 4
                continue
            label, text = item.label or "", item_text(form, item)
            if wide:
                flow.need(LEADING * 3)
                flow.lines(0, label, flow.width, bold=True, size=8, leading=10)
                if isinstance(item, Choice):
                    draw_choice(flow, item, 0, flow.width, mark)
                else:
                    for line in wrap(text or " ", flow.width - 4):
                        flow.need(LEADING + 2)
                        flow.write(flow.x + 2, flow.y - 9, line)
                        c.setLineWidth(0.4)
                        c.line(flow.x, flow.y - 12, flow.x + flow.width, flow.y - 12)
                        flow.y -= LEADING + 3
                flow.y -= 5
            elif place.startswith("label in a grey tab"):
                body = wrap(text, flow.width - 10) if not isinstance(item, Choice) else [""]
                tab_lines = wrap(label, flow.width * 0.7, BOLD, 7.5)
                tab_h = 9.5 * len(tab_lines) + 3
                height = tab_h + LEADING * max(1, len(body)) + 10
                flow.need(min(height, flow.top - flow.bottom))
                tab_w = max(pdfmetrics.stringWidth(t, BOLD, 7.5) for t in tab_lines) + 10
                c.setFillGray(0.82)
                c.rect(flow.x, flow.y - tab_h, tab_w, tab_h, stroke=1, fill=1)
                c.setFillGray(0)
                for k, line in enumerate(tab_lines):
                    flow.write(flow.x + 5, flow.y - 8 - k * 9.5, line, bold=True, size=7.5)
                top = flow.y
                flow.y -= tab_h + 2
                if isinstance(item, Choice):
                    draw_choice(flow, item, 6, flow.width - 12, mark)
                    bottom = flow.y - 2
                else:
                    for line in body:
                        flow.need(LEADING)
                        if flow.y > top:  # moved to a new page: start the box again
                            top = flow.y
                        flow.write(flow.x + 6, flow.y - 9, line)
                        flow.y -= LEADING
                    bottom = flow.y - 6
                c.setLineWidth(0.7)
                c.rect(flow.x, bottom, flow.width, top - bottom)
                flow.y = bottom - 8
            elif place.startswith("label left, answer above a dotted"):
                label_w = flow.width * 0.36
                label_lines = wrap(label, label_w - 6, REGULAR, 8.5)
                body = (
                    wrap(text or " ", flow.width - label_w - 4)
                    if not isinstance(item, Choice)
                    else []
                )
                flow.need(LEADING * max(len(label_lines), len(body), 1) + 6)
                top = flow.y
                for k, line in enumerate(label_lines):
                    flow.write(flow.x, top - 9 - k * LEADING, line, size=8.5)
                if isinstance(item, Choice):
                    draw_choice(flow, item, label_w, flow.width - label_w, mark)
                    bottom = min(flow.y, top - LEADING * len(label_lines) - 4)
                else:
                    y = top
                    for line in body:
                        flow.write(flow.x + label_w + 2, y - 9, line)
                        c.setDash(1, 2)
                        c.setLineWidth(0.6)
                        c.line(flow.x + label_w, y - 12, flow.x + flow.width, y - 12)
                        c.setDash()
                        y -= LEADING + 2
                    bottom = min(y, top - LEADING * len(label_lines))
                flow.y = bottom - 6
            elif place.startswith("ruled line"):
                label_w = min(pdfmetrics.stringWidth(label, REGULAR, 8.5) + 10, flow.width * 0.45)
                label_lines = wrap(label, label_w - 8, REGULAR, 8.5)
                choice = isinstance(item, Choice)
                body = [] if choice else flow.answer_lines(text, flow.width - label_w - 4)
                flow.need(flow.step * (len(label_lines) + 1))
                top = flow.y
                for k in range(max(len(label_lines), len(body))):
                    flow.need(flow.step)
                    base = flow.y - flow.step + 4
                    if k < len(label_lines):
                        flow.write(flow.x, base, label_lines[k], size=8.5)
                    if k < len(body):
                        flow.answer(flow.x + label_w, base, body[k])
                    c.setLineWidth(0.4)
                    c.line(flow.x, base - 3, flow.x + flow.width, base - 3)
                    flow.y -= flow.step
                if choice:  # the options on the label's first line
                    bottom, flow.y = flow.y, top - flow.step + 13
                    draw_choice(flow, item, label_w, flow.width - label_w, mark)
                    flow.y = min(flow.y, bottom)
                flow.y -= 4
            elif place.startswith("white bold"):
                bar = wrap(label, flow.width - 10, BOLD, 8.5)
                flow.need(11 * len(bar) + 4 + flow.step + 8)
                c.setFillGray(0.18)
                c.rect(flow.x, flow.y - 11 * len(bar) - 4, flow.width, 11 * len(bar) + 4, 0, 1)
                c.setFillGray(1)
                for line in bar:
                    flow.write(flow.x + 5, flow.y - 10, line, bold=True, size=8.5)
                    flow.y -= 11
                c.setFillGray(0)
                flow.y -= 4
                top = flow.y
                c.setLineWidth(0.7)
                if isinstance(item, Choice):
                    flow.y -= 3
                    draw_choice(flow, item, 6, flow.width - 12, mark)
                else:
                    for line in flow.answer_lines(text, flow.width - 12):
                        if flow.y - flow.step < flow.bottom:  # the box goes on overleaf
                            c.rect(flow.x, flow.y - 3, flow.width, top - flow.y + 3)
                            flow.need(flow.step)
                            top = flow.y
                        flow.answer(flow.x + 6, flow.y - flow.step + 4, line)
                        flow.y -= flow.step
                    flow.y -= 5
                c.rect(flow.x, flow.y, flow.width, top - flow.y)
                flow.y -= 10
            elif place.startswith("small caption in the top-left"):
                caption = wrap(label, flow.width - 8, REGULAR, 6.5)
                choice = isinstance(item, Choice)
                body = [] if choice else wrap(text or " ", flow.width - 12)
                flow.need(8 * len(caption) + 6 + LEADING * min(len(body) or 1, 4) + 6)
                top = flow.y
                c.setFillGray(0.35)
                for k, line in enumerate(caption):
                    flow.write(flow.x + 3, top - 7 - k * 8, line, size=6.5)
                c.setFillGray(0)
                flow.y -= 8 * len(caption) + 3
                if choice:
                    draw_choice(flow, item, 6, flow.width - 12, mark)
                    c.setLineWidth(0.7)
                    c.rect(flow.x, flow.y - 2, flow.width, top - flow.y + 2)
                    flow.y -= 2
                else:
                    box_body(flow, flow.x, flow.width, body, top)
                flow.y -= 7
            elif place.startswith("labels right-aligned"):
                label_w = flow.width * 0.34
                label_lines = wrap(label, label_w - 12, REGULAR, 8.5)
                choice = isinstance(item, Choice)
                body = [] if choice else wrap(text or " ", flow.width - label_w - 12)
                flow.need(LEADING * max(len(label_lines), min(len(body), 4), 1) + 8)
                top, page = flow.y, flow.page
                for k, line in enumerate(label_lines):
                    right = flow.x + label_w - 6 - pdfmetrics.stringWidth(line, REGULAR, 8.5)
                    flow.write(right, top - 11 - k * LEADING, line, size=8.5)
                if choice:
                    flow.y -= 2
                    draw_choice(flow, item, label_w + 4, flow.width - label_w - 4, mark)
                    flow.y = min(flow.y, top - LEADING * len(label_lines) - 4)
                else:
                    flow.y -= 2
                    box_body(flow, flow.x + label_w, flow.width - label_w, body, top)
                    if flow.page == page:
                        flow.y = min(flow.y, top - LEADING * len(label_lines) - 4)
                flow.y -= 5
            else:  # numbered question, answer on ruled lines below
                flow.need(LEADING * 3 + 6)
                top = flow.y
                c.circle(flow.x + 7, top - 6, 7, stroke=1, fill=0)
                mark_text = marks[id(item)].rstrip(".)")
                flow.write(
                    flow.x + 7 - pdfmetrics.stringWidth(mark_text, BOLD, 6.5) / 2,
                    top - 8.5,
                    mark_text,
                    True,
                    6.5,
                )
                flow.y -= 1
                for line in wrap(label, flow.width - 20, BOLD, 8.5):
                    flow.need(LEADING)
                    flow.write(flow.x + 20, flow.y - 9, line, True, 8.5)
                    flow.y -= LEADING
                flow.y -= 3
                if isinstance(item, Choice):
                    draw_choice(flow, item, 20, flow.width - 20, mark)
                else:
                    body = wrap(text, flow.width - 24)
                    if is_long(item):
                        body += [""] * (1 if len(body) > 2 else 2)
                    for line in body:
                        flow.need(LEADING + 3)
                        flow.write(flow.x + 22, flow.y - 9, line)
                        c.setLineWidth(0.35)
                        c.line(flow.x + 20, flow.y - 12, flow.x + flow.width, flow.y - 12)
                        flow.y -= LEADING + 3
                flow.y -= 6
    return flow.save()


def latin1(text: str) -> str:
    return text.encode("latin-1", "replace").decode("latin-1")


def render_acroform(form: Form) -> bytes:
    make_plain(form)
    for section in form.sections:
        for item in section.items:
            if isinstance(item, Field):
                item.text = latin1(item.text)
            elif isinstance(item, Grid):
                item.rows = [[latin1(t) for t in row] for row in item.rows]
            elif isinstance(item, Lines):
                item.lines = [latin1(t) for t in item.lines]
    pick = form.chooser.pick
    namer = ProbeNamer(pick(ACROFORM_NAMES))
    place, tick_side = pick(ACROFORM_LABEL_PLACES), pick(ACROFORM_TICKS)
    tooltips = namer.style.startswith("Text Field N")
    table = place.startswith("ruled table")
    under = place.startswith("caption in small print")
    two = place.startswith("two columns") or under
    stacked = tick_side.startswith("options one to a line")
    row: dict = {}  # two columns: the open row's top, page and left field's bottom
    marks = question_numbers(form)
    flow = Flow(form)
    flow.title(form)
    c = flow.canvas
    acro = c.acroForm
    label_w = (flow.right - flow.left) * 0.34

    def textfield(key, label, value, x, y, w, h) -> None:
        multiline = h > 20 or "\n" in value
        acro.textfield(
            name=namer(key, label),
            tooltip=label if tooltips and label else None,
            value=value,
            x=x,
            y=y,
            width=w,
            height=h,
            fontName="Helvetica",
            fontSize=8 if multiline else 9,
            borderWidth=0 if table else 0.6,
            forceBorder=not table,
            fillColor=None,
            fieldFlags="multiline" if multiline else "",
        )

    def height_for(text: str, width: float, long: bool) -> float:
        if not long and "\n" not in text and len(text) * 4.6 < width:
            return 16
        chars = max(1, int(width / 4.4))
        lines = sum(max(1, math.ceil(len(p) / chars)) for p in text.split("\n"))
        return min(11 * max(lines, 2) + 6, 260)

    def boxes(item: Choice, x: float, top: float, width: float) -> float:
        """A check box (or radio button) per option, or one combo box; returns the y below."""
        if tick_side.startswith("combo box"):
            options = [latin1(plain(text)) for text, _ in item.options]
            ticks = [ticked for _, ticked in item.options]
            chosen = next((o for o, ticked in zip(options, ticks, strict=True) if ticked), "")
            acro.choice(
                name=namer(item.key, item.label),
                tooltip=item.label if tooltips else None,
                value=chosen,
                options=options,
                x=x,
                y=top - 16,
                width=min(width, max(pdfmetrics.stringWidth(o, REGULAR, 9) for o in options) + 30),
                height=15,
                fontName="Helvetica",
                fontSize=9,
                borderWidth=0.6,
                forceBorder=True,
                fieldFlags="combo",
            )
            return top - LEADING - 10
        radio = tick_side.startswith("radio")
        group = namer(item.key, item.label, "Group") if radio else ""
        cursor = x
        if stacked:  # one option to a line, the boxes in a column right of the longest caption
            column = x + max(pdfmetrics.stringWidth(t, REGULAR, 8.5) for t, _ in item.options) + 12
            for n, (text, ticked) in enumerate(item.options, 1):
                flow.write(x, top - 10, text, size=8.5)
                acro.checkbox(
                    name=namer(f"{item.key}.{n}", text, "Check Box"),
                    tooltip=f"{item.label}: {text}" if tooltips else None,
                    checked=ticked,
                    buttonStyle="cross",
                    x=column,
                    y=top - 12,
                    size=10,
                    borderWidth=0.6,
                    forceBorder=True,
                )
                top -= LEADING + 3
            return top - 5
        for n, (text, ticked) in enumerate(item.options, 1):
            text_width = pdfmetrics.stringWidth(text, REGULAR, 8.5)
            if cursor + text_width + 20 > x + width and cursor > x:
                top -= LEADING + 4
                cursor = x
            box_x = cursor + text_width + 3 if tick_side.endswith("after each option") else cursor
            text_x = cursor if tick_side.endswith("after each option") else cursor + 13
            common = {
                "tooltip": f"{item.label}: {text}" if tooltips else None,
                "x": box_x,
                "y": top - 12,
                "size": 10,
                "borderWidth": 0.6,
                "forceBorder": True,
            }
            if radio:  # one group, each button exporting Choice1, Choice2 … as Acrobat names them
                acro.radio(
                    name=group,
                    value=f"Choice{n}",
                    selected=ticked,
                    buttonStyle="circle",
                    shape="circle",
                    fieldFlags="noToggleToOff radio",
                    **common,
                )
            else:
                name = namer(f"{item.key}.{n}", text, "Check Box")
                acro.checkbox(name=name, checked=ticked, buttonStyle="check", **common)
            flow.write(text_x, top - 10, text, size=8.5)
            cursor += text_width + 32
        return top - LEADING - 6

    def place_item(item) -> None:
        long = is_long(item)
        if isinstance(item, Lines):
            label, text = item.label or "", "\n".join(item.lines)
        elif isinstance(item, Choice):
            label, text = item.label, ""
        else:
            label, text = item.label, item.text
        if table:
            field_w = flow.right - flow.left - label_w
            label_lines = wrap(label, label_w - 8, REGULAR, 8)
            if isinstance(item, Choice):
                rows = 1 + int(
                    sum(pdfmetrics.stringWidth(t, REGULAR, 8.5) + 32 for t, _ in item.options)
                    // field_w
                )
                if stacked:
                    rows = len(item.options)
                h = rows * (LEADING + 4) + 6
            else:
                h = height_for(text, field_w - 4, long)
            h = max(h, 10 * len(label_lines) + 6)
            flow.need(h)
            top = flow.y
            c.setFillGray(0.9)
            c.rect(flow.left, top - h, label_w, h, stroke=0, fill=1)
            c.setFillGray(0)
            c.setLineWidth(0.5)
            c.rect(flow.left, top - h, label_w, h)
            c.rect(flow.left + label_w, top - h, field_w, h)
            for k, line in enumerate(label_lines):
                flow.write(flow.left + 4, top - 10 - k * 10, line, size=8)
            if isinstance(item, Choice):
                boxes(item, flow.left + label_w + 4, top - 2, field_w - 8)
            else:
                textfield(
                    item.key, label, text, flow.left + label_w + 1, top - h + 1, field_w - 2, h - 2
                )
            flow.y = top - h
            return
        x, width = flow.left, flow.right - flow.left
        side = None  # in two columns: the half a short field takes
        if two and not (long or isinstance(item, Choice)):
            side = "right" if row.get("page") == flow.page else "left"
            width = (width - 16) / 2
            if side == "right":
                x, flow.y = flow.left + width + 16, row["top"]
        if side != "right":
            row.clear()
        mark = "" if two else marks.get(id(item), "")
        label_lines = wrap(f"{mark} {label}".strip(), width, BOLD, 8.5)
        if under and not isinstance(item, Choice):  # the field, then its caption beneath it
            caption = wrap(label, width, REGULAR, 7)
            h = height_for(text, width, long)
            flow.need(h + 8.5 * len(caption) + 12)
            if side == "left":
                row.update(top=flow.y, page=flow.page)
            textfield(item.key, label, text, x, flow.y - h - 2, width, h)
            flow.y -= h + 3
            c.setFillGray(0.3)
            for line in caption:
                flow.write(x + 1, flow.y - 7, line, size=7)
                flow.y -= 8.5
            c.setFillGray(0)
            flow.y -= 9
            close_half(side)
            return
        h = 0 if isinstance(item, Choice) else height_for(text, width, long)
        tall = (LEADING + 3) * len(item.options) if stacked and isinstance(item, Choice) else 0
        flow.need(
            h + 11 * len(label_lines) + (max(LEADING, tall) + 8 if isinstance(item, Choice) else 8)
        )
        if side == "left":
            row.update(top=flow.y, page=flow.page)
        for line in label_lines:
            flow.write(x, flow.y - 9, line, bold=not two, size=8.5 if not two else 8)
            flow.y -= 11
        if isinstance(item, Choice):
            flow.y = boxes(item, x + 4, flow.y - 1, width - 8)
        else:
            textfield(item.key, label, text, x, flow.y - h - 2, width, h)
            flow.y -= h + 10
        close_half(side)

    def close_half(side: str | None) -> None:
        """After a field in two columns: the left one notes where it ends; the right one moves
        on below the lower of the pair."""
        if side == "left":
            row["bottom"] = flow.y
        elif side == "right":
            if row["page"] == flow.page:
                flow.y = min(flow.y, row["bottom"])
            row.clear()

    def grid(item: Grid) -> None:
        width = (flow.right - flow.left) / len(item.header)
        flow.need(44)
        if table:
            flow.y -= 6
        for n, head in enumerate(item.header):
            for k, line in enumerate(wrap(head, width - 4, BOLD, 7.5)[:2]):
                flow.write(
                    flow.left + n * width + 1, flow.y - 8 - k * 8.5, line, bold=True, size=7.5
                )
        flow.y -= 20
        for r, row in enumerate(item.rows):
            flow.need(20)
            for n, text in enumerate(row):
                x = flow.left + n * width
                acro.textfield(
                    name=namer(f"{item.key}.{r + 1}.{n + 1}", item.header[n]),
                    tooltip=item.header[n] if tooltips else None,
                    value=text,
                    x=x,
                    y=flow.y - 16,
                    width=width - 3,
                    height=16,
                    fontName="Helvetica",
                    fontSize=8,
                    borderWidth=0.5,
                    forceBorder=True,
                )
            flow.y -= 19
        flow.y -= 6

    for number, section in enumerate(form.sections, 1):
        row.clear()
        if section.heading:
            flow.heading(section.heading, number)
        for item in section.items:
            if isinstance(item, Grid):
                row.clear()
                grid(item)
            elif isinstance(item, Lines) and not item.in_one_box:
                row.clear()
                if len(item.lines) == 1 and not item.lines[0].startswith("-"):
                    flow.need(LEADING * 2)
                    flow.write(flow.left, flow.y - 10, item.lines[0], bold=True, size=8.5)
                    flow.y -= LEADING + 4
                else:
                    place_item(Lines(item.key, "", item.lines, True))
            else:
                place_item(item)
    return flow.save()


# --- entry point ----------------------------------------------------------------------------------


def render(form: Form) -> tuple[bytes, str]:
    """The file's bytes and extension; a printed-pdf form comes back as the .docx to print."""
    return render_with(sys.modules[__name__], form, "probe word table")
