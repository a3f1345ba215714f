"""The probe2 split's layouts: new variants for each of the six families, none of which the tune,
held-out, fresh or probe renderers draw, with their own banks of looks (``split.probe2_bank``).
The pieces the probe layouts already have (documents, text boxes, drawn tables, the two-column
flow of a PDF page) are reused from ``probe_layouts``.

- word-table: two questions a row with shaded label cells above their answer cells; a section
  letter and question number (A1, A2 …) in a first column; or a third "source of information"
  column beside each answer.
- word-label: label, dotted tab leader, answer; each label a Word "Heading 3" with the answer as
  body text beneath; or the answer in a shaded paragraph under the label.
- word-controls: each section's labels and controls inside one group control titled with the
  section; no printed label (the question is only the control's title); or label cells above
  control cells, two to a row. Households written a line per person are a repeating-section
  control with an item per person; per-person labels ("Person 2 DOB") become the control titles.
- acroform-pdf: LiveCycle-style field paths (``form1[0].#subform[0].TextField3[0]``), section
  codes ("B3") or label initials; labels in bordered cells left of the fields two pairs to a row,
  or in a shaded strip above each field; one check box per option.
- drawn-pdf: answers in boxes beside labels, two pairs to a row; labels in shaded cells of a ruled
  table; labels above answers written on ruled lines; or question numbers in black circles with
  label and answer on one line. The council's name in a header and footer on every page, answers
  carried over page breaks, a box per person for households written that way.
- printed-pdf: the probe2 Word layouts with the council's name in every page header and a form
  reference in every footer, in two newspaper columns with a page border, or with a version box
  and a confidentiality footer, printed by LibreOffice.
"""

from __future__ import annotations

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from reportlab.pdfbase import pdfmetrics

from tests.parsers.generator import probe_layouts as pl
from tests.parsers.generator.compose import Choice, Field, Form, Grid, Lines
from tests.parsers.generator.fieldnames import words
from tests.parsers.generator.fresh_layouts import boxed, is_date, iso_of
from tests.parsers.generator.layouts_pdf import BOLD, REGULAR, make_plain, wrap
from tests.parsers.generator.layouts_word import W14_NS, W_NS, escape, save, shade, write_lines
from tests.parsers.generator.probe2_compose import Card, HeadedGrid, PeopleLines
from tests.parsers.generator.split import probe2_bank as bank

HEADING_LOOKS = bank(
    "heading.look",
    [
        "white heading on a teal bar across the page",
        "section letter in a box, the title underlined beside it",
        "small capitals heading with a rule beneath",
    ],
)
WORD_TABLE_GRIDS = bank(
    "word_table.grid",
    [
        "two questions a row: shaded label cells above their answer cells",
        "section letter and question number (A1, A2) in a first column",
        "label | answer | source of information",
    ],
)
WORD_TABLE_LOOKS = bank(
    "word_table.look", ["labels in italics on pale green", "labels bold and right-aligned"]
)
SOURCES = bank(
    "word_table.source_head", ["Source of information", "Who told you?", "Source (agency/person)"]
)
SOURCE_VALUES = (
    "Parent",
    "School records",
    "Child",
    "Health visitor",
    "",
    "",
    "Police",
    "Referrer",
)
WORD_LABEL_LOOKS = bank(
    "word_label.look",
    [
        "label, dotted tab leader, answer",
        "label as a Word Heading 3, answer as body text",
        "answer in a shaded paragraph under the label",
    ],
)
CONTROL_PLACES = bank(
    "controls.place",
    [
        "each section one group control holding its labels and answer controls",
        "no printed label: the question is only the control's title",
        "label cells above control cells, two to a row",
    ],
)
CONTROL_TAGS = bank(
    "controls.tag", ["the question's words as the tag", "hex tags", "section letter and number"]
)
ACROFORM_NAMES = bank(
    "acroform.names",
    [
        "LiveCycle paths form1[0].#subform[0].TextFieldN[0]",
        "section letter and number, e.g. B3",
        "txt and the label's initials",
    ],
)
ACROFORM_LABEL_PLACES = bank(
    "acroform.label_place",
    [
        "label in a bordered cell left of the field, two pairs to a row",
        "label in a shaded strip above the field",
    ],
)
DRAWN_PLACES = bank(
    "drawn.label_place",
    [
        "answers in boxes beside labels, two label/box pairs to a row",
        "labels in shaded cells of a ruled table, answers in white cells",
        "label above, answer written on ruled lines",
        "question number in a black circle, label and answer on one line",
    ],
)
PDF_TICKS = bank(
    "pdf.tick",
    [
        "a drawn tick before the chosen option",
        "the chosen option in bold, the others grey",
        "a box before each option, the chosen one crossed",
    ],
)
PRINT_TEMPLATES = bank(
    "printed.template",
    [
        "council name in every page header, form reference in every footer",
        "two newspaper columns and a page border",
        "version box on the first page, confidentiality footer",
    ],
)
PRINT_BASES = bank("printed.base", ["probe2 word table", "probe2 word label"])
COUNCILS = (
    "Kingsmere City Council",
    "West Alder Borough Council",
    "Caddon Valley Council",
    "Southwold Harbour District Council",
)


# --- shared pieces ------------------------------------------------------------------------------


def choice_text(form: Form, choice: Choice) -> str:
    on, off = form.ticks
    marks = [(text, on if ticked else off) for text, ticked in choice.options]
    if form.tick_place.startswith("options down the page"):
        return "\n".join(f"{mark} {text}".strip() for text, mark in marks)
    if form.tick_place.startswith("mark then option"):
        return " / ".join(f"{mark} {text}".strip() for text, mark in marks)
    return "   ".join(f"{text}: {mark}".rstrip(": ") for text, mark in marks)


def item_text(form: Form, item) -> str:
    if isinstance(item, Choice):
        return choice_text(form, item)
    if isinstance(item, Lines):
        return "\n".join(item.lines)
    return item.text


def is_long(item) -> bool:
    return (
        (isinstance(item, Field) and (item.long or len(item.text) > 55))
        or isinstance(item, Lines)
        or (isinstance(item, Choice) and len(item.options) > 3)
    )


def section_marks(form: Form) -> dict[int, str]:
    """'A1', 'A2', 'B1' …: the section's letter and the question's number in it."""
    marks = {}
    for number, section in enumerate(form.sections):
        for n, item in enumerate([i for i in section.items if boxed(i)], 1):
            marks[id(item)] = f"{chr(65 + number % 26)}{n}"
    return marks


# --- Word ---------------------------------------------------------------------------------------


def new_document(form: Form):
    document = docx.Document()
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(10)
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(form.title.upper())
    run.bold, run.font.size, run.font.color.rgb = True, Pt(14), RGBColor(0x00, 0x66, 0x66)
    document.add_paragraph().add_run(form.intro).italic = True
    return document


def heading(document, text: str, look: str, number: int) -> None:
    if look.startswith("white heading"):
        cell = document.add_table(rows=1, cols=1).rows[0].cells[0]
        shade(cell, "007A7A")
        run = cell.paragraphs[0].add_run(text)
        run.bold, run.font.color.rgb = True, RGBColor(0xFF, 0xFF, 0xFF)
    elif look.startswith("section letter"):
        paragraph = document.add_paragraph()
        letter = paragraph.add_run(f" {chr(64 + number % 26 or 26)} ")
        letter.bold = True
        pl.paragraph_border(paragraph, ("top", "left", "bottom", "right"))
        paragraph.add_run("   ")
        title = paragraph.add_run(text)
        title.underline, title.bold = True, True
    else:
        paragraph = document.add_paragraph()
        run = paragraph.add_run(text)
        run.font.small_caps, run.bold, run.font.size = True, True, Pt(12)
        pl.paragraph_border(paragraph, ("bottom",), size=8)


def label_into(paragraph, label: str, look: str) -> None:
    run = paragraph.add_run(label)
    if look.startswith("labels in italics"):
        run.italic = True
    else:
        run.bold = True
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def label_cell(cell, label: str, look: str) -> None:
    label_into(cell.paragraphs[0], label, look)
    if look.startswith("labels in italics"):
        shade(cell, "E2EFDA")


def headed_grid(document, grid: HeadedGrid, cell_writer=None) -> None:
    """Two header rows: the group headings (merged where a group spans columns), then the
    column headings; then the rows."""
    table = document.add_table(rows=2, cols=len(grid.header))
    table.style = "Table Grid"
    top, second = table.rows[0].cells, table.rows[1].cells
    start = 0
    for n in range(1, len(grid.groups) + 1):
        if n == len(grid.groups) or grid.groups[n] != grid.groups[start]:
            cell = top[start].merge(top[n - 1]) if n - 1 > start else top[start]
            cell.paragraphs[0].add_run(grid.groups[start]).bold = True
            shade(cell, "BDD7EE")
            start = n
    for cell, text in zip(second, grid.header, strict=True):
        cell.paragraphs[0].add_run(text).bold = True
        shade(cell, "DDEBF7")
    for r, row in enumerate(grid.rows):
        for c, (cell, text) in enumerate(zip(table.add_row().cells, row, strict=True)):
            if cell_writer:
                cell_writer(cell.paragraphs[0], f"{grid.key}.r{r + 1}c{c + 1}", text)
            else:
                write_lines(cell.paragraphs[0], text)


def plain_grid(document, grid: Grid, cell_writer=None) -> None:
    if isinstance(grid, HeadedGrid):
        headed_grid(document, grid, cell_writer)
        return
    table = document.add_table(rows=0, cols=len(grid.header))
    table.style = "Table Grid"
    pl.header_row(table, grid.header, "E2EFDA")
    for r, row in enumerate(grid.rows):
        for c, (cell, text) in enumerate(zip(table.add_row().cells, row, strict=True)):
            if cell_writer:
                cell_writer(cell.paragraphs[0], f"{grid.key}.r{r + 1}c{c + 1}", text)
            else:
                write_lines(cell.paragraphs[0], text)


def card(document, item: Card, boxes: list) -> None:
    """A person's details in a text box of their own, its title above it."""
    document.add_paragraph().add_run(item.label or "").bold = True
    boxes.append(1)
    pl.text_box(document.add_paragraph(), "\n".join(item.lines), 200 + len(boxes))


def unboxed(document, item, boxes: list, cell_writer=None) -> bool:
    """Tables, cards and lines of prose, which every Word layout writes alike; True if done."""
    if isinstance(item, Grid):
        plain_grid(document, item, cell_writer)
        return True
    if isinstance(item, Card):
        card(document, item, boxes)
        return True
    if isinstance(item, Lines) and not item.in_one_box:
        for line in item.lines:
            document.add_paragraph(line)
        return True
    return False


def build_word_table(form: Form):
    pick, rng = form.chooser.pick, form.chooser.rng
    grid, look, heading_look = pick(WORD_TABLE_GRIDS), pick(WORD_TABLE_LOOKS), pick(HEADING_LOOKS)
    document = new_document(form)
    marks = section_marks(form)
    source_head = pick(SOURCES) if grid.startswith("label | answer | source") else None
    state: dict = {"table": None, "half": None}
    boxes: list = []

    def table():
        if state["table"] is None:
            width = 2 if grid.startswith("two questions") else 3
            state["table"] = document.add_table(rows=0, cols=width)
            state["table"].style = "Table Grid"
            if source_head:
                pl.header_row(state["table"], ["", "", source_head], "F2F2F2")
        return state["table"]

    def close() -> None:
        state["table"] = state["half"] = None

    for number, section in enumerate(form.sections, 1):
        close()
        if section.heading:
            heading(document, section.heading, heading_look, number)
        for item in section.items:
            if unboxed(document, item, boxes):
                close()
                continue
            label, text = item.label or "", item_text(form, item)
            if grid.startswith("two questions"):
                if is_long(item) or state["half"] is None:
                    labels, answers = table().add_row().cells, table().add_row().cells
                    if is_long(item):
                        label_at, answer_at = (
                            labels[0].merge(labels[1]),
                            answers[0].merge(answers[1]),
                        )
                        state["half"] = None
                    else:
                        label_at, answer_at = labels[0], answers[0]
                        state["half"] = (labels[1], answers[1])
                else:
                    (label_at, answer_at), state["half"] = state["half"], None
                label_into(label_at.paragraphs[0], label, look)
                shade(label_at, "D9D9D9")
                write_lines(answer_at.paragraphs[0], text)
            elif grid.startswith("section letter"):
                cells = table().add_row().cells
                cells[0].width, cells[1].width, cells[2].width = Cm(1.3), Cm(6), Cm(9.7)
                cells[0].paragraphs[0].add_run(marks[id(item)]).bold = True
                label_cell(cells[1], label, look)
                write_lines(cells[2].paragraphs[0], text)
            else:
                cells = table().add_row().cells
                label_cell(cells[0], label, look)
                write_lines(cells[1].paragraphs[0], text)
                cells[2].paragraphs[0].add_run(rng.choice(SOURCE_VALUES)).font.size = Pt(8)
    return document


def build_word_label(form: Form):
    pick = form.chooser.pick
    look, heading_look = pick(WORD_LABEL_LOOKS), pick(HEADING_LOOKS)
    document = new_document(form)
    boxes: list = []
    for number, section in enumerate(form.sections, 1):
        if section.heading:
            heading(document, section.heading, heading_look, number)
        for item in section.items:
            if unboxed(document, item, boxes):
                continue
            label, text = item.label or "", item_text(form, item)
            if look.startswith("label, dotted"):
                paragraph = document.add_paragraph()
                paragraph.paragraph_format.tab_stops.add_tab_stop(
                    Cm(8.5), WD_TAB_ALIGNMENT.LEFT, WD_TAB_LEADER.DOTS
                )
                paragraph.add_run(label)
                first, *rest = text.split("\n")
                paragraph.add_run(f"\t{first}")
                for line in rest:
                    document.add_paragraph(line).paragraph_format.left_indent = Cm(8.5)
            elif look.startswith("label as a Word Heading 3"):
                document.add_heading(label, level=3)
                write_lines(document.add_paragraph(), text)
            else:
                document.add_paragraph().add_run(label).bold = True
                answer = write_lines(document.add_paragraph(), text)
                answer._p.get_or_add_pPr().append(
                    parse_xml(f'<w:shd xmlns:w="{W_NS}" w:val="clear" w:fill="EDEDED"/>')
                )
    return document


# --- Word content controls ------------------------------------------------------------------------

W15_NS = "http://schemas.microsoft.com/office/word/2012/wordml"
WORD_DATE_FORMATS = {
    "dd-Mon-yy": "dd-MMM-yy",
    "d.m.yyyy, no leading zeros": "d.M.yyyy",
    "ordinal of Month yyyy": "d MMMM yyyy",
    "dd-MON-yyyy in capitals": "dd-MMM-yyyy",
    "d Mon 'yy": "d MMM 'yy",
    "abbreviated weekday, dd/mm/yyyy": "ddd dd/MM/yyyy",
}


class Controls:
    def __init__(self, form: Form, marks: dict):
        self.style = form.chooser.pick(CONTROL_TAGS)
        self.rng = form.chooser.rng
        self.marks, self.ids, self.seen = marks, 7300, set()

    def tag(self, key: str, alias: str | None, item=None) -> str:
        if self.style.startswith("hex"):
            name = f"{self.rng.getrandbits(32):08x}"
        elif (
            self.style.startswith("section letter") and item is not None and id(item) in self.marks
        ):
            name = self.marks[id(item)]
        else:
            found = (alias or " ".join(words(key))).split()[:6]
            name = " ".join(found) or key
        base, n = name, 1
        while name in self.seen:
            n += 1
            name = f"{base} ({n})"
        self.seen.add(name)
        return name

    def properties(self, key, alias, item=None) -> str:
        self.ids += 1
        title = f'<w:alias w:val="{escape(alias[:64])}"/>' if alias else ""
        tag = escape(self.tag(key, alias, item))
        return f'{title}<w:tag w:val="{tag}"/><w:id w:val="{self.ids}"/>'

    def text(self, paragraph, key, alias, value, item=None, iso=None, fmt=None) -> None:
        if iso and value:
            kind = (
                f'<w:date w:fullDate="{iso}T00:00:00Z"><w:dateFormat w:val="{escape(fmt)}"/>'
                '<w:lid w:val="en-GB"/></w:date>'
            )
        else:
            kind = "<w:richText/>" if "\n" in value else "<w:text/>"
        if not value:
            kind = "<w:showingPlcHdr/>" + kind
        shown = value or f"Enter {alias or 'text'} here"
        runs = []
        for i, line in enumerate(shown.split("\n")):
            if i:
                runs.append("<w:r><w:br/></w:r>")
            style = '<w:rPr><w:color w:val="A6A6A6"/></w:rPr>' if not value else ""
            runs.append(f'<w:r>{style}<w:t xml:space="preserve">{escape(line)}</w:t></w:r>')
        paragraph._p.append(
            parse_xml(
                f'<w:sdt xmlns:w="{W_NS}"><w:sdtPr>{self.properties(key, alias, item)}{kind}'
                f"</w:sdtPr><w:sdtContent>{''.join(runs)}</w:sdtContent></w:sdt>"
            )
        )

    def checkbox(self, paragraph, key: str, text: str, ticked: bool) -> None:
        paragraph._p.append(
            parse_xml(
                f'<w:sdt xmlns:w="{W_NS}" xmlns:w14="{W14_NS}"><w:sdtPr>'
                f"{self.properties(key, text)}<w14:checkbox>"
                f'<w14:checked w14:val="{1 if ticked else 0}"/>'
                '<w14:checkedState w14:val="2612" w14:font="Segoe UI Symbol"/>'
                '<w14:uncheckedState w14:val="2610" w14:font="Segoe UI Symbol"/></w14:checkbox>'
                f"</w:sdtPr><w:sdtContent><w:r><w:t>{'☒' if ticked else '☐'}</w:t></w:r>"
                "</w:sdtContent></w:sdt>"
            )
        )
        paragraph.add_run(f" {text}   ")

    def value(self, paragraph, item, form: Form) -> None:
        if isinstance(item, Choice):
            for n, (text, ticked) in enumerate(item.options, 1):
                self.checkbox(paragraph, f"{item.key}.{n}", text, ticked)
            return
        iso = iso_of(form, item.key) if is_date(item) and item.text else None
        fmt = WORD_DATE_FORMATS[form.date_style]
        self.text(paragraph, item.key, item.label, item_text(form, item), item, iso, fmt)

    def repeating(self, document, item: Lines, title: str) -> None:
        """A repeating-section control with an item per person, each line its own control."""
        section = parse_xml(
            f'<w:sdt xmlns:w="{W_NS}" xmlns:w15="{W15_NS}"><w:sdtPr>'
            f'<w:alias w:val="{escape(title[:64])}"/><w:id w:val="{self.ids + 500}"/>'
            "<w15:repeatingSection/></w:sdtPr><w:sdtContent/></w:sdt>"
        )
        document.element.body.insert(len(document.element.body) - 1, section)
        for n, line in enumerate(item.lines, 1):
            entry = parse_xml(
                f'<w:sdt xmlns:w="{W_NS}" xmlns:w15="{W15_NS}"><w:sdtPr>'
                "<w15:repeatingSectionItem/></w:sdtPr><w:sdtContent/></w:sdt>"
            )
            section[-1].append(entry)
            paragraph = document.add_paragraph()
            self.text(paragraph, f"household.person{n}", f"{title} – person {n}", line)
            entry[-1].append(paragraph._p)


def group(document, start: int, alias: str) -> None:
    """Everything in the body from ``start`` on wrapped in one group content control."""
    body = document.element.body
    children = list(body)[start:-1]  # not the final sectPr
    if not children:
        return
    sdt = parse_xml(
        f'<w:sdt xmlns:w="{W_NS}"><w:sdtPr><w:alias w:val="{escape(alias[:64])}"/>'
        "<w:group/></w:sdtPr><w:sdtContent/></w:sdt>"
    )
    children[0].addprevious(sdt)
    for child in children:
        sdt[-1].append(child)


def build_word_controls(form: Form):
    pick = form.chooser.pick
    place, heading_look, look = pick(CONTROL_PLACES), pick(HEADING_LOOKS), pick(WORD_TABLE_LOOKS)
    controls = Controls(form, section_marks(form))
    document = new_document(form)
    boxes: list = []
    state: dict = {"table": None, "half": None}
    for number, section in enumerate(form.sections, 1):
        state["table"] = state["half"] = None
        start = len(document.element.body) - 1
        if section.heading:
            heading(document, section.heading, heading_look, number)
        for item in section.items:
            if isinstance(item, PeopleLines):
                controls.repeating(document, item, section.heading or "Household")
                state["table"] = None
                continue
            writer = lambda p, key, text: controls.text(p, key, None, text)  # noqa: E731
            if unboxed(document, item, boxes, writer):
                state["table"] = None
                continue
            if place.startswith("label cells above"):
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
                label_cell(label_at, item.label, look)
                controls.value(value_at.paragraphs[0], item, form)
            elif place.startswith("no printed label"):
                paragraph = document.add_paragraph()
                paragraph.paragraph_format.space_after = Pt(8)
                controls.value(paragraph, item, form)
            else:
                paragraph = document.add_paragraph()
                paragraph.add_run(f"{item.label}  ").bold = True
                controls.value(paragraph, item, form)
        if place.startswith("each section one group"):
            group(document, start, section.heading or f"Section {number}")
    return document


# --- printed: a probe2 Word layout in a council template ------------------------------------


def apply_template(document, template: str, form: Form) -> None:
    section = document.sections[0]
    council = form.chooser.rng.choice(COUNCILS)
    header, footer = section.header.paragraphs[0], section.footer.paragraphs[0]
    if template.startswith("council name in every page header"):
        header.add_run(f"{council} – Children's Services").bold = True
        header.add_run(f"    {form.title}").font.size = Pt(8)
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run(f"Form CS/REF/{form.chooser.rng.randrange(10, 99)} (rev. 2024) – page ")
        pl.field_run(footer, "PAGE")
        return
    if template.startswith("two newspaper columns"):
        sect_pr = section._sectPr
        sect_pr.append(parse_xml(f'<w:cols xmlns:w="{W_NS}" w:num="2" w:space="425"/>'))
        borders = "".join(
            f'<w:{edge} w:val="single" w:sz="8" w:space="24" w:color="007A7A"/>'
            for edge in ("top", "left", "bottom", "right")
        )
        sect_pr.append(
            parse_xml(f'<w:pgBorders xmlns:w="{W_NS}" w:offsetFrom="page">{borders}</w:pgBorders>')
        )
        header.add_run(council).italic = True
        pl.field_run(footer, "PAGE")
        fit_tables_to_column(document, COLUMN_TWIPS)
        return
    table = document.add_table(rows=3, cols=1)
    table.style = "Table Grid"
    for row, text in zip(
        table.rows, ("Version 4.1", "Issued: April 2024", f"Owner: {council}"), strict=True
    ):
        row.cells[0].paragraphs[0].add_run(text).font.size = Pt(7)
        row.cells[0].width = Cm(4)
    document.element.body.insert(0, table._tbl)
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = footer.add_run("CONFIDENTIAL – not to be shared without the consent of the referrer")
    run.bold, run.font.size = True, Pt(7.5)


COLUMN_TWIPS = 4300  # an A4 page's text width less the gap, halved


def fit_tables_to_column(document, width: int) -> None:
    """Narrow every table to a newspaper column, as Word would on switching to two columns, so
    that no answer is printed off the page; each column keeps its share of the width."""
    for table in document.element.body.iter(qn("w:tbl")):
        properties = table.tblPr
        for old in properties.findall(qn("w:tblW")) + properties.findall(qn("w:tblLayout")):
            properties.remove(old)
        properties.append(parse_xml(f'<w:tblW xmlns:w="{W_NS}" w:type="dxa" w:w="{width}"/>'))
        columns = table.find(qn("w:tblGrid")).findall(qn("w:gridCol"))
        total = sum(int(column.get(qn("w:w")) or 0) for column in columns) or 1
        for column in columns:
            column.set(qn("w:w"), str(int(int(column.get(qn("w:w")) or 0) * width / total)))
        for cell_width in list(table.iter(qn("w:tcW"))):
            cell_width.getparent().remove(cell_width)


# --- PDFs -----------------------------------------------------------------------------------------

LEADING = 11.5


class Flow(pl.Flow):
    """The probe flow with the council's name in a header and footer on every page."""

    def __init__(self, form: Form, council: str):
        self.council, self.form_title = council, form.title
        super().__init__(form)
        self.top -= 6
        self.y = self.column_top = self.top

    def footer(self) -> None:
        height = self.canvas._pagesize[1]
        self.write(self.left, height - 26, f"{self.council} – Children's Services", True, 7.5)
        self.canvas.setLineWidth(0.4)
        self.canvas.line(self.left, height - 30, self.right, height - 30)
        self.write(self.left, 24, f"{self.council}   {self.form_title[:70]}", size=6.5)
        self.write(self.right - 40, 24, f"Page {self.page}", size=7)


def draw_options(flow: Flow, choice: Choice, x: float, width: float, mark: str) -> None:
    c, cursor = flow.canvas, x
    flow.need(LEADING + 4)
    for text, ticked in choice.options:
        text_width = pdfmetrics.stringWidth(text, BOLD if ticked else REGULAR, 9) + 12
        if cursor + text_width > x + width and cursor > x:
            flow.y -= LEADING + 3
            flow.need(LEADING + 4)
            cursor = x
        base = flow.y - 9
        if mark.startswith("a drawn tick"):
            if ticked:
                c.setLineWidth(1.2)
                c.line(cursor, base + 3, cursor + 3, base)
                c.line(cursor + 3, base, cursor + 8, base + 8)
            flow.write(cursor + 11, base, text)
        elif mark.startswith("the chosen option in bold"):
            if not ticked:
                c.setFillGray(0.6)
            flow.write(cursor, base, text, bold=ticked)
            c.setFillGray(0)
        else:
            c.setLineWidth(0.6)
            c.rect(cursor, base - 1, 8, 8)
            if ticked:
                c.line(cursor, base - 1, cursor + 8, base + 7)
                c.line(cursor, base + 7, cursor + 8, base - 1)
            flow.write(cursor + 11, base, text)
        cursor += text_width + 14
    flow.y -= LEADING + 4


def draw_headed_grid(flow: Flow, grid: HeadedGrid) -> None:
    """The group heading row drawn over the column headings, then the table."""
    width = flow.width / len(grid.header)
    flow.need(60)
    start = 0
    for n in range(1, len(grid.groups) + 1):
        if n == len(grid.groups) or grid.groups[n] != grid.groups[start]:
            x = flow.x + start * width
            flow.canvas.setLineWidth(0.5)
            flow.canvas.rect(x, flow.y - 14, width * (n - start), 14)
            flow.write(x + 3, flow.y - 10, grid.groups[start], bold=True, size=7.5)
            start = n
    flow.y -= 14
    pl.draw_grid(flow, Grid(grid.key, grid.header, grid.rows), size=7.5)


def render_drawn(form: Form) -> bytes:
    pick = form.chooser.pick
    place, mark = pick(DRAWN_PLACES), pick(PDF_TICKS)
    flow = Flow(form, form.chooser.rng.choice(COUNCILS))
    flow.title(form)
    c = flow.canvas
    marks = section_marks(form)
    row: dict = {}
    for number, section in enumerate(form.sections, 1):
        row.clear()
        if section.heading:
            flow.heading(section.heading, number)
        for item in section.items:
            if isinstance(item, HeadedGrid):
                row.clear()
                draw_headed_grid(flow, item)
                continue
            if isinstance(item, Grid):
                row.clear()
                pl.draw_grid(flow, item, size=7.5)
                continue
            if isinstance(item, Lines) and not item.in_one_box:
                row.clear()
                for line in item.lines:
                    flow.lines(0, line, flow.width)
                flow.y -= 4
                continue
            label, text = item.label or "", item_text(form, item)
            choice = isinstance(item, Choice)
            if isinstance(item, Card) or place.startswith("label above"):
                row.clear()
                flow.need(LEADING * 3)
                flow.lines(0, label, flow.width, bold=True, size=8.5, leading=10.5)
                if choice:
                    draw_options(flow, item, flow.x + 4, flow.width - 8, mark)
                elif isinstance(item, Card):
                    top = flow.y
                    pl.box_body(
                        flow, flow.x, flow.width * 0.6, wrap(text, flow.width * 0.6 - 10), top
                    )
                else:
                    body = wrap(text or " ", flow.width - 6) + ([""] if is_long(item) else [])
                    for line in body:
                        flow.need(LEADING + 4)
                        flow.write(flow.x + 3, flow.y - 10, line)
                        c.setLineWidth(0.4)
                        c.line(flow.x, flow.y - 13, flow.x + flow.width, flow.y - 13)
                        flow.y -= LEADING + 4
                flow.y -= 6
            elif place.startswith("answers in boxes beside labels"):
                half = not (is_long(item) or choice)
                width = (flow.width - 12) / 2 if half else flow.width
                right = half and row.get("page") == flow.page
                x = flow.x + width + 12 if right else flow.x
                label_w = width * (0.4 if half else 0.25)
                label_lines = wrap(label, label_w - 4, REGULAR, 8)
                body = [] if choice else wrap(text or " ", width - label_w - 10)
                if right:
                    flow.y = row["top"]
                else:
                    row.clear()
                    flow.need(LEADING * max(len(label_lines), min(len(body), 3), 1) + 8)
                top = flow.y
                for k, line in enumerate(label_lines):
                    flow.write(x, top - 10 - k * 10, line, size=8)
                if choice:
                    draw_options(flow, item, x + label_w, width - label_w, mark)
                else:
                    flow.y -= 2
                    pl.box_body(flow, x + label_w, width - label_w, body, top)
                bottom = min(flow.y, top - 10 * len(label_lines) - 4)
                if right:
                    flow.y = min(bottom, row["bottom"]) if row["page"] == flow.page else bottom
                    row.clear()
                else:
                    flow.y = bottom
                    if half:
                        row.update(top=top, page=flow.page, bottom=bottom)
                flow.y -= 6
            elif place.startswith("labels in shaded cells"):
                label_w = flow.width * 0.36
                label_lines = wrap(label, label_w - 8, REGULAR, 8.5)
                body = [] if choice else wrap(text or " ", flow.width - label_w - 10)
                lines = max(len(label_lines), len(body), 1)
                k = 0
                while k < lines:
                    room = int((flow.y - flow.bottom - 6) // LEADING)
                    if room < 1:
                        flow.need(flow.top)  # a new page: the cell carries on there
                        continue
                    take = min(room, lines - k)
                    height = take * LEADING + 6
                    top = flow.y
                    c.setFillGray(0.88)
                    c.rect(flow.x, top - height, label_w, height, stroke=0, fill=1)
                    c.setFillGray(0)
                    c.setLineWidth(0.5)
                    c.rect(flow.x, top - height, label_w, height)
                    c.rect(flow.x + label_w, top - height, flow.width - label_w, height)
                    for j in range(take):
                        if k + j < len(label_lines):
                            flow.write(
                                flow.x + 4, top - 10 - j * LEADING, label_lines[k + j], size=8.5
                            )
                        if k + j < len(body):
                            flow.write(flow.x + label_w + 5, top - 10 - j * LEADING, body[k + j])
                    if choice and k == 0:
                        flow.y = top + 1
                        draw_options(
                            flow, item, flow.x + label_w + 5, flow.width - label_w - 10, mark
                        )
                    flow.y = top - height
                    k += take
            else:  # a number in a black circle, label and answer on one line
                body = [] if choice else wrap(f"{label}:  {text}", flow.width - 24)
                flow.need(LEADING * 2 + 4)
                top = flow.y
                c.circle(flow.x + 7, top - 7, 7, stroke=0, fill=1)
                c.setFillGray(1)
                number_text = marks.get(id(item), "")
                flow.write(
                    flow.x + 7 - pdfmetrics.stringWidth(number_text, BOLD, 6) / 2,
                    top - 9,
                    number_text,
                    True,
                    6,
                )
                c.setFillGray(0)
                if choice:
                    flow.write(flow.x + 20, top - 10, label, True, 8.5)
                    flow.y -= LEADING + 2
                    draw_options(flow, item, flow.x + 20, flow.width - 20, mark)
                else:
                    for k, line in enumerate(body):
                        flow.need(LEADING)
                        if k == 0:  # the label's part of the first line in bold
                            head = f"{label}:"
                            flow.write(flow.x + 20, flow.y - 10, head, True, 9)
                            rest = line[len(head) :]
                            flow.write(
                                flow.x + 20 + pdfmetrics.stringWidth(head, BOLD, 9),
                                flow.y - 10,
                                rest,
                            )
                        else:
                            flow.write(flow.x + 20, flow.y - 10, line)
                        flow.y -= LEADING
                flow.y -= 6
    return flow.save()


def render_acroform(form: Form) -> bytes:
    make_plain(form)
    pick = form.chooser.pick
    names, place = pick(ACROFORM_NAMES), pick(ACROFORM_LABEL_PLACES)
    marks = section_marks(form)
    flow = Flow(form, form.chooser.rng.choice(COUNCILS))
    flow.title(form)
    c, acro = flow.canvas, flow.canvas.acroForm
    seen: set[str] = set()
    count = [0]

    def name(key: str, label: str, item=None, kind: str = "TextField") -> str:
        count[0] += 1
        if names.startswith("LiveCycle"):
            found = f"form1[0].#subform[{flow.page - 1}].{kind}{count[0]}[0]"
        elif names.startswith("section letter") and item is not None and id(item) in marks:
            found = marks[id(item)]
        else:
            initials = "".join(w[0].upper() for w in label.split() if w[:1].isalpha())[:6]
            found = f"txt{initials or 'F'}{count[0]}"
        base, n = found, 1
        while found in seen:
            n += 1
            found = f"{base}_{n}"
        seen.add(found)
        return found

    def field(key, label, value, x, top, width, item=None) -> float:
        value = pl.latin1(value)
        long = "\n" in value or len(value) * 4.8 > width
        chars = max(1, int(width / 4.6))
        lines = sum(max(1, -(-len(p) // chars)) for p in value.split("\n"))
        height = min(11 * max(lines, 2) + 6, 250) if long else 16
        page = flow.page
        flow.need(height + 4)
        top = flow.y if flow.page != page else min(top, flow.y)
        acro.textfield(
            name=name(key, label, item),
            value=value,
            x=x,
            y=top - height,
            width=width,
            height=height,
            fontName="Helvetica",
            fontSize=8 if long else 9,
            borderWidth=0.6,
            forceBorder=True,
            fieldFlags="multiline" if long else "",
        )
        return top - height

    def boxes(item: Choice, x: float, width: float) -> None:
        cursor = x
        flow.need(LEADING + 6)
        for n, (text, ticked) in enumerate(item.options, 1):
            caption = pl.latin1(text)
            text_width = pdfmetrics.stringWidth(caption, REGULAR, 8.5) + 16
            if cursor + text_width > x + width and cursor > x:
                flow.y -= LEADING + 4
                flow.need(LEADING + 6)
                cursor = x
            acro.checkbox(
                name=name(f"{item.key}.{n}", caption, item, "CheckBox"),
                checked=ticked,
                buttonStyle="check",
                x=cursor,
                y=flow.y - 12,
                size=10,
                borderWidth=0.6,
                forceBorder=True,
            )
            flow.write(cursor + 13, flow.y - 10, caption, size=8.5)
            cursor += text_width + 14
        flow.y -= LEADING + 8

    row: dict = {}
    for number, section in enumerate(form.sections, 1):
        row.clear()
        if section.heading:
            flow.heading(section.heading, number)
        for item in section.items:
            if isinstance(item, Grid):
                row.clear()
                width = flow.width / len(item.header)
                flow.need(40)
                if isinstance(item, HeadedGrid):
                    flow.write(
                        flow.x, flow.y - 9, " / ".join(dict.fromkeys(item.groups)), True, 7.5
                    )
                    flow.y -= 12
                for n, head in enumerate(item.header):
                    for k, line in enumerate(wrap(head, width - 4, BOLD, 7.5)[:2]):
                        flow.write(flow.x + n * width, flow.y - 8 - k * 8.5, line, True, 7.5)
                flow.y -= 20
                for r, cells in enumerate(item.rows, 1):
                    flow.need(36)
                    tallest = flow.y
                    top = flow.y
                    for n, text in enumerate(cells):
                        bottom = field(
                            f"{item.key}.{r}.{n}",
                            item.header[n],
                            text,
                            flow.x + n * width,
                            top,
                            width - 3,
                        )
                        tallest = min(tallest, bottom)
                    flow.y = tallest - 3
                flow.y -= 6
                continue
            if isinstance(item, Lines) and not item.in_one_box:
                row.clear()
                for n, line in enumerate(item.lines, 1):
                    if isinstance(item, PeopleLines):  # each person's line its own field
                        flow.y = (
                            field(
                                f"{item.key}.{n}", f"Person {n}", line, flow.x, flow.y, flow.width
                            )
                            - 4
                        )
                    else:
                        flow.lines(0, pl.latin1(line), flow.width)
                flow.y -= 4
                continue
            label = item.label or ""
            text = "" if isinstance(item, Choice) else item_text(form, item)
            if (
                place.startswith("label in a shaded strip")
                or is_long(item)
                or isinstance(item, Choice)
            ):
                row.clear()
                strip = wrap(label, flow.width - 8, BOLD, 8)
                flow.need(10 * len(strip) + 24)
                c.setFillGray(0.87)
                c.rect(flow.x, flow.y - 10 * len(strip) - 3, flow.width, 10 * len(strip) + 3, 0, 1)
                c.setFillGray(0)
                for line in strip:
                    flow.write(flow.x + 4, flow.y - 9, line, True, 8)
                    flow.y -= 10
                flow.y -= 5
                if isinstance(item, Choice):
                    boxes(item, flow.x + 4, flow.width - 8)
                else:
                    flow.y = field(item.key, label, text, flow.x, flow.y, flow.width, item) - 8
                continue
            half = (flow.width - 10) / 2
            right = row.get("page") == flow.page
            x = flow.x + half + 10 if right else flow.x
            label_w = half * 0.42
            label_lines = wrap(label, label_w - 6, REGULAR, 7.5)
            if right:
                flow.y = row["top"]
            else:
                row.clear()
                flow.need(max(10 * len(label_lines) + 6, 22))
            top = flow.y
            height = max(10 * len(label_lines) + 6, 20)
            c.setLineWidth(0.5)
            c.rect(x, top - height, label_w, height)
            for k, line in enumerate(label_lines):
                flow.write(x + 3, top - 9 - k * 10, line, size=7.5)
            bottom = field(
                item.key, label, text, x + label_w + 2, top - 2, half - label_w - 2, item
            )
            bottom = min(bottom, top - height)
            if right:
                flow.y = min(bottom, row["bottom"])
                row.clear()
            else:
                flow.y = bottom
                row.update(top=top, page=flow.page, bottom=bottom)
            flow.y -= 5
    return flow.save()


# --- entry point ----------------------------------------------------------------------------------


def render(form: Form) -> tuple[bytes, str]:
    """The file's bytes and extension; a printed-pdf form comes back as the .docx to print."""
    if form.family == "word-table":
        return save(build_word_table(form)), "docx"
    if form.family == "word-label":
        return save(build_word_label(form)), "docx"
    if form.family == "word-controls":
        return save(build_word_controls(form)), "docx"
    if form.family == "acroform-pdf":
        return render_acroform(form), "pdf"
    if form.family == "drawn-pdf":
        return render_drawn(form), "pdf"
    base = form.chooser.pick(PRINT_BASES)
    document = build_word_table(form) if base.endswith("table") else build_word_label(form)
    apply_template(document, form.chooser.pick(PRINT_TEMPLATES), form)
    return save(document), "docx-to-print"
