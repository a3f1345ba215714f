"""The fresh split's layouts: a new variant (or several) for each of the six families, none of
which the tune or held-out renderers (``layouts_word``, ``layouts_pdf``) ever draw, with their
own banks of looks.

- word-table: three-column tables (question | answer | notes), a four-column grid with question
  numbers in the margin, and labels across a row with the answers in the row beneath.
- word-label: dotted leaders, numbered questions with indented answers, Q. / A. pairs.
- word-controls: a three-column table (label | control | guidance) or a control on its own line
  under its label; drop-down / combo-box controls for tick questions; kebab, upper-snake,
  ctl-prefixed or GUID tags.
- acroform-pdf: LiveCycle subform paths, upper-snake, kebab or "Text Box N" field names; labels in
  small type under the field or two columns of labelled fields; combed or day / month / year
  date fields; radio groups for tick questions.
- drawn-pdf: a two-column page, labels in small capitals under the answer line, or labels in the
  top-left corner of boxes two a row; chosen options circled, ticked without a box, or radios.
- printed-pdf: the fresh Word layouts in another template (landscape with running header and
  page numbers, or a reference-box header table) printed by LibreOffice.
"""

from __future__ import annotations

import io
import math
import sys
import uuid

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.shared import Cm, Pt, RGBColor
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas

from tests.parsers.generator import layouts_word
from tests.parsers.generator.compose import Choice, Field, Form, Grid, Lines
from tests.parsers.generator.fieldnames import words
from tests.parsers.generator.layouts_pdf import BOLD, REGULAR, make_plain, register_fonts, wrap
from tests.parsers.generator.layouts_word import W14_NS, W_NS, escape, shade, write_lines
from tests.parsers.generator.split import fresh_bank

# --- the fresh layout banks ---------------------------------------------------------------------

HEADING_LOOKS = fresh_bank(
    "heading.look",
    ["white text on a dark banner", "small capitals with a rule beneath", "lettered parts"],
)
WORD_TABLE_GRIDS = fresh_bank(
    "word_table.grid",
    [
        "three columns: question, answer, notes",
        "four-column grid, question numbers in the margin",
        "labels across, answers in the row below",
    ],
)
WORD_TABLE_LOOKS = fresh_bank(
    "word_table.look",
    ["white labels on dark cells", "italic labels", "small grey capitals labels"],
)
WORD_TABLE_COLUMNS = fresh_bank(
    "word_table.columns",
    [
        "Question | Response | Notes",
        "Information required | Details | Source",
        "Item | Answer | Comments",
    ],
)
WORD_TABLE_NOTES = fresh_bank(
    "word_table.notes",
    ["Confirmed with parent", "From school records", "Checked on LCS", "Verified by phone"],
)
WORD_LABEL_LOOKS = fresh_bank(
    "word_label.look",
    [
        "dotted leader between label and answer",
        "numbered question, answer indented below",
        "Q. and A. pairs",
    ],
)
CONTROL_TAGS = fresh_bank(
    "controls.tag",
    ["kebab case", "upper snake case", "ctl prefix with underscores", "GUID tags with a title"],
)
CONTROL_PLACES = fresh_bank(
    "controls.place",
    [
        "three-column table: label, control, guidance",
        "control on its own line under the label",
    ],
)
CONTROL_CHOICES = fresh_bank("controls.choices", ["drop-down list", "combo box"])
CONTROL_GUIDANCE = fresh_bank(
    "controls.guidance",
    ["Give as much detail as you can", "If not known, say so", "Use the legal name", "Mandatory"],
)
ACROFORM_NAMES = fresh_bank(
    "acroform.names",
    ["LiveCycle subform paths", "upper snake case names", "kebab case names", "Text Box N"],
)
ACROFORM_LABEL_PLACES = fresh_bank(
    "acroform.label_place",
    ["label below the field in small type", "two columns of fields, label above each"],
)
ACROFORM_DATES = fresh_bank(
    "acroform.dates", ["combed date field, ddmmyyyy", "three fields: day, month, year"]
)
DRAWN_PLACES = fresh_bank(
    "drawn.label_place",
    [
        "two-column page, label above answer",
        "label in small capitals under the answer line",
        "label in the top-left corner of the answer box, two boxes a row",
    ],
)
PDF_TICKS = fresh_bank(
    "pdf.tick",
    ["chosen option circled", "drawn tick, no box", "radio circles, chosen one filled"],
)
PRINT_TEMPLATES = fresh_bank(
    "printed.template",
    [
        "landscape, running header and page-number footer",
        "reference-box header table, narrow margins",
    ],
)
PRINT_BASES = fresh_bank("printed.base", ["fresh word table", "fresh word label"])


# --- shared pieces ------------------------------------------------------------------------------


def is_date(item) -> bool:
    return isinstance(item, Field) and (
        item.key.endswith("date") or item.key.endswith("date_of_birth")
    )


def iso_of(form: Form, key: str) -> str | None:
    node = form.expected
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node if isinstance(node, str) else None


def choice_text(form: Form, choice: Choice) -> str:
    on, off = form.ticks
    if form.tick_place == "option, colon, then box":
        return "   ".join(f"{text}: {on if ticked else off}" for text, ticked in choice.options)
    if form.tick_place == "one option a line, box first":
        return "\n".join(f"{on if ticked else off} {text}" for text, ticked in choice.options)
    return " / ".join(f"{text} {on if ticked else off}" for text, ticked in choice.options)


def item_text(form: Form, item) -> str:
    return layouts_word.item_text(form, item, choice_text)


def is_long(item) -> bool:
    return (
        (isinstance(item, Field) and item.long)
        or isinstance(item, Lines)
        or (isinstance(item, Choice) and len(item.options) > 3)
    )


def boxed(item) -> bool:
    return not isinstance(item, Grid) and not (isinstance(item, Lines) and not item.in_one_box)


# --- Word ---------------------------------------------------------------------------------------


def border(paragraph, edge: str = "bottom") -> None:
    xml = (
        f'<w:pBdr xmlns:w="{W_NS}"><w:{edge} w:val="single" w:sz="8" w:space="1" '
        'w:color="404040"/></w:pBdr>'
    )
    paragraph._p.get_or_add_pPr().append(parse_xml(xml))


def new_document(form: Form):
    document = docx.Document()
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(10.5)
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(form.title.upper())
    run.bold, run.font.size = True, Pt(15)
    cell = document.add_table(rows=1, cols=1).rows[0].cells[0]
    cell.paragraphs[0].add_run(form.intro).font.size = Pt(9)
    shade(cell, "F2F2F2")
    return document


def heading(document, text: str, look: str, number: int) -> None:
    if look == "white text on a dark banner":
        cell = document.add_table(rows=1, cols=1).rows[0].cells[0]
        shade(cell, "1F3864")
        run = cell.paragraphs[0].add_run(text)
        run.bold, run.font.color.rgb = True, RGBColor(0xFF, 0xFF, 0xFF)
    elif look == "small capitals with a rule beneath":
        paragraph = document.add_paragraph()
        run = paragraph.add_run(text)
        run.font.small_caps, run.bold, run.font.size = True, True, Pt(12)
        border(paragraph)
    else:
        letter = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[(number - 1) % 26]
        run = document.add_paragraph().add_run(f"PART {letter}  {text}")
        run.bold, run.font.size = True, Pt(12)


def label_run(paragraph, label: str, look: str):
    if look == "small grey capitals labels":
        run = paragraph.add_run(label.upper())
        run.font.size, run.font.color.rgb = Pt(8), RGBColor(0x60, 0x60, 0x60)
    else:
        run = paragraph.add_run(label)
        run.italic = look == "italic labels"
        if look == "white labels on dark cells":
            run.bold, run.font.color.rgb = True, RGBColor(0xFF, 0xFF, 0xFF)
    return run


def label_cell(cell, label: str, look: str) -> None:
    label_run(cell.paragraphs[0], label, look)
    if look == "white labels on dark cells":
        shade(cell, "44546A")


def word_grid(document, grid: Grid, cell_writer=None) -> None:
    """Household and attachment tables: shaded header, a row with one filled cell spans."""
    table = document.add_table(rows=0, cols=len(grid.header))
    table.style = "Table Grid"
    cells = table.add_row().cells
    for cell, text in zip(cells, grid.header, strict=True):
        cell.paragraphs[0].add_run(text).bold = True
        shade(cell, "DEEAF6")
    for r, row in enumerate(grid.rows):
        cells = table.add_row().cells
        if row[0] and not any(row[1:]):
            merged = cells[0].merge(cells[-1])
            merged.paragraphs[0].add_run(row[0]).italic = True
            continue
        for c, (cell, text) in enumerate(zip(cells, row, strict=True)):
            if cell_writer:
                cell_writer(cell.paragraphs[0], f"{grid.key}.r{r + 1}c{c + 1}", text)
            else:
                cell.text = text


def build_word_table(form: Form):
    pick, rng = form.chooser.pick, form.chooser.rng
    grid, look, heading_look = (
        pick(WORD_TABLE_GRIDS),
        pick(WORD_TABLE_LOOKS),
        pick(HEADING_LOOKS),
    )
    columns = pick(WORD_TABLE_COLUMNS).split(" | ") if grid.startswith("three") else None
    document = new_document(form)
    width = 4 if grid.startswith("four") else 3
    state: dict = {"table": None, "pending": []}

    def table():
        if state["table"] is None:
            state["table"] = document.add_table(rows=0, cols=width)
            state["table"].style = "Table Grid"
            if columns:
                cells = state["table"].add_row().cells
                for cell, text in zip(cells, columns, strict=True):
                    cell.paragraphs[0].add_run(text).bold = True
                    shade(cell, "D9D9D9")
        return state["table"]

    def flush() -> None:
        """Labels across a row, answers in the row beneath (labels-across layout)."""
        pending, state["pending"] = state["pending"], []
        if not pending:
            return
        labels, answers = table().add_row().cells, table().add_row().cells
        for n, (label, text) in enumerate(pending):
            label_cell(labels[n], label, look)
            write_lines(answers[n].paragraphs[0], text)

    def close() -> None:
        flush()
        state["table"] = None

    for number, section in enumerate(form.sections, 1):
        close()
        if section.heading:
            heading(document, section.heading, heading_look, number)
        question = 0
        for item in section.items:
            if not boxed(item):
                close()
                if isinstance(item, Grid):
                    word_grid(document, item)
                else:
                    for line in item.lines:
                        document.add_paragraph(line)
                continue
            label, text = item.label or "", item_text(form, item)
            question += 1
            if grid == "three columns: question, answer, notes":
                cells = table().add_row().cells
                label_cell(cells[0], label, look)
                write_lines(cells[1].paragraphs[0], text)
                if rng.random() < 0.25:
                    cells[2].paragraphs[0].add_run(pick(WORD_TABLE_NOTES)).italic = True
            elif grid == "four-column grid, question numbers in the margin":
                cells = table().add_row().cells
                cells[0].paragraphs[0].add_run(f"{number}.{question}").font.size = Pt(8)
                label_cell(cells[1], label, look)
                write_lines(cells[2].merge(cells[3]).paragraphs[0], text)
            elif is_long(item):
                flush()
                row = table().add_row()
                label_cell(row.cells[0].merge(row.cells[-1]), label, look)
                answer = table().add_row()
                write_lines(answer.cells[0].merge(answer.cells[-1]).paragraphs[0], text)
            else:
                state["pending"].append((label, text))
                if len(state["pending"]) == 3:
                    flush()
    close()
    return document


def leader(label: str, text: str) -> str:
    dots = "." * max(4, 48 - len(label))
    return f"{label} {dots} {text}" if text else f"{label} {dots}"


def build_word_label(form: Form):
    pick = form.chooser.pick
    look, heading_look = pick(WORD_LABEL_LOOKS), pick(HEADING_LOOKS)
    document = new_document(form)
    question = 0
    for number, section in enumerate(form.sections, 1):
        if section.heading:
            heading(document, section.heading, heading_look, number)
        for item in section.items:
            if isinstance(item, Grid):
                word_grid(document, item)
                continue
            if isinstance(item, Lines) and not item.in_one_box:
                for line in item.lines:
                    document.add_paragraph(line)
                continue
            label, text = item.label, item_text(form, item)
            question += 1
            if look == "dotted leader between label and answer":
                first, *rest = text.split("\n")
                document.add_paragraph(leader(label, first))
                for line in rest:
                    document.add_paragraph(line)
            elif look == "numbered question, answer indented below":
                document.add_paragraph().add_run(f"{question}. {label}").bold = True
                if text:
                    answer = write_lines(document.add_paragraph(), text)
                    answer.paragraph_format.left_indent = Cm(1)
            else:
                document.add_paragraph().add_run(f"Q. {label}").bold = True
                write_lines(document.add_paragraph(), f"A. {text}" if text else "A.")
    return document


def save(document) -> bytes:
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


# --- Word content controls ------------------------------------------------------------------------

WORD_DATE_FORMATS = {
    "d Mon yy": "d MMM yy",
    "dd-Mon-yyyy": "dd-MMM-yyyy",
    "Weekday dth Month yyyy": "dddd d MMMM yyyy",
    "dth of Month yyyy": "d MMMM yyyy",
    "Day dd/mm/yyyy": "ddd dd/MM/yyyy",
}


class FreshNamer:
    """Control tags and AcroForm field names in the fresh house styles."""

    def __init__(self, style: str, rng):
        self.style, self.rng, self.count, self.seen = style, rng, 0, set()

    def __call__(self, key: str) -> str:
        self.count += 1
        parts = words(key)
        if self.style in ("kebab case", "kebab case names"):
            name = "-".join(p.lower() for p in parts)
        elif self.style in ("upper snake case", "upper snake case names"):
            name = "_".join(p.upper() for p in parts)
        elif self.style == "ctl prefix with underscores":
            name = "ctl_" + "_".join(p[:1].upper() + p[1:] for p in parts)
        elif self.style == "GUID tags with a title":
            name = "{" + str(uuid.UUID(int=self.rng.getrandbits(128))) + "}"
        elif self.style == "LiveCycle subform paths":
            leaf = "".join(p[:1].upper() + p[1:] for p in parts)
            name = f"form1[0].Page{1 + self.count // 14}[0].{leaf}[0]"
        else:  # "Text Box N"
            name = f"Text Box {self.count}"
        base, n = name, 1
        while name in self.seen:
            name = base[:-3] + f"[{n}]" if base.endswith("[0]") else f"{base}_{n + 1}"
            n += 1
        self.seen.add(name)
        return name


class Controls:
    def __init__(self, form: Form):
        pick = form.chooser.pick
        self.style = pick(CONTROL_TAGS)
        self.choices = pick(CONTROL_CHOICES)
        self.namer = FreshNamer(self.style, form.chooser.rng)
        self.ids = 901

    def properties(self, key: str, alias: str | None) -> str:
        self.ids += 1
        tag = escape(self.namer(key))
        title = f'<w:alias w:val="{escape(alias)}"/>' if alias and "GUID" in self.style else ""
        return f'{title}<w:tag w:val="{tag}"/><w:id w:val="{self.ids}"/>'

    def text(self, paragraph, key, alias, value, iso=None, date_format=None) -> None:
        if iso and value:
            kind = (
                f'<w:date w:fullDate="{iso}T00:00:00Z"><w:dateFormat w:val="{date_format}"/>'
                '<w:lid w:val="en-GB"/></w:date>'
            )
        else:
            kind = "<w:richText/>" if "\n" in value else "<w:text/>"
        if not value:
            kind = "<w:showingPlcHdr/>" + kind
        runs = []
        for i, line in enumerate((value or "Enter text").split("\n")):
            if i:
                runs.append("<w:r><w:br/></w:r>")
            runs.append(f'<w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r>')
        xml = (
            f'<w:sdt xmlns:w="{W_NS}"><w:sdtPr>{self.properties(key, alias)}{kind}</w:sdtPr>'
            f"<w:sdtContent>{''.join(runs)}</w:sdtContent></w:sdt>"
        )
        paragraph._p.append(parse_xml(xml))

    def listing(self, paragraph, key, alias, choice: Choice) -> None:
        chosen = next((text for text, ticked in choice.options if ticked), "")
        element = "w:dropDownList" if self.choices == "drop-down list" else "w:comboBox"
        items = "".join(
            f'<w:listItem w:displayText="{escape(t)}" w:value="{escape(t)}"/>'
            for t, _ in choice.options
        )
        xml = (
            f'<w:sdt xmlns:w="{W_NS}" xmlns:w14="{W14_NS}"><w:sdtPr>'
            f'{self.properties(key, alias)}<{element} w:lastValue="{escape(chosen)}">{items}'
            f'</{element}></w:sdtPr><w:sdtContent><w:r><w:t xml:space="preserve">'
            f"{escape(chosen or 'Choose an item.')}</w:t></w:r></w:sdtContent></w:sdt>"
        )
        paragraph._p.append(parse_xml(xml))


def build_word_controls(form: Form):
    pick, rng = form.chooser.pick, form.chooser.rng
    controls = Controls(form)
    place, heading_look, look = pick(CONTROL_PLACES), pick(HEADING_LOOKS), pick(WORD_TABLE_LOOKS)
    date_format = WORD_DATE_FORMATS[form.date_style]
    document = new_document(form)
    in_table = place.startswith("three-column")

    def value_into(paragraph, item) -> None:
        if isinstance(item, Choice):
            controls.listing(paragraph, item.key, item.label, item)
            return
        iso = iso_of(form, item.key) if is_date(item) and item.text else None
        controls.text(paragraph, item.key, item.label, item_text(form, item), iso, date_format)

    table = None
    for number, section in enumerate(form.sections, 1):
        if section.heading:
            heading(document, section.heading, heading_look, number)
            table = None
        for item in section.items:
            if isinstance(item, Grid):
                word_grid(document, item, lambda p, key, text: controls.text(p, key, None, text))
                table = None
                continue
            if isinstance(item, Lines) and not item.in_one_box:
                for n, line in enumerate(item.lines):
                    controls.text(document.add_paragraph(), f"{item.key}.{n + 1}", None, line)
                table = None
                continue
            if in_table:
                if table is None:
                    table = document.add_table(rows=0, cols=3)
                    table.style = "Table Grid"
                cells = table.add_row().cells
                label_cell(cells[0], item.label, look)
                value_into(cells[1].paragraphs[0], item)
                if rng.random() < 0.3:
                    run = cells[2].paragraphs[0].add_run(pick(CONTROL_GUIDANCE))
                    run.italic, run.font.size = True, Pt(8)
            else:
                label_run(document.add_paragraph(), item.label, look)
                value_into(document.add_paragraph(), item)
    return document


# --- printed: a fresh Word layout in another template, through LibreOffice -----------------------


def apply_template(document, template: str, form: Form) -> None:
    section = document.sections[0]
    if template.startswith("landscape"):
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
        section.header.paragraphs[0].text = f"OFFICIAL – SENSITIVE    {form.title}"
        footer = section.footer.paragraphs[0]
        footer.add_run("Page ")
        fld = f'<w:fldSimple xmlns:w="{W_NS}" w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'
        footer._p.append(parse_xml(fld))
        return
    for edge in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, edge, Cm(1.2))
    table = section.header.add_table(rows=2, cols=3, width=Cm(18))
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells, ("Case ref:", "Received by:", "Date received:"), strict=True
    ):
        cell.text = text


# --- PDFs -----------------------------------------------------------------------------------------

TOP, BOTTOM, LEFT, RIGHT = 805, 45, 36, 559
LEADING = 11.5


class Flow:
    """A canvas written in one or two columns; ``need`` moves to the next column or page."""

    def __init__(self, form: Form, columns: int = 1):
        register_fonts()
        self.output = io.BytesIO()
        self.canvas = canvas.Canvas(self.output, pagesize=A4)
        self.canvas.setTitle(form.title)
        self.columns, self.column = columns, 0
        self.gap = 18
        self.width = (RIGHT - LEFT - self.gap * (columns - 1)) / columns
        self.y = TOP

    @property
    def x(self) -> float:
        return LEFT + self.column * (self.width + self.gap)

    def need(self, height: float) -> None:
        if self.y - height >= BOTTOM:
            return
        if self.column + 1 < self.columns:
            self.column += 1
        else:
            self.canvas.showPage()
            self.column = 0
        self.y = TOP

    def write(self, x, y, text, bold=False, size=9.0) -> None:
        self.canvas.setFont(BOLD if bold else REGULAR, size)
        self.canvas.drawString(x, y, text)

    def lines(self, offset, text, width, bold=False, size=9.0, leading=LEADING) -> None:
        """Wrapped text ``offset`` in from the current column's left edge."""
        for line in wrap(text, width, BOLD if bold else REGULAR, size):
            self.need(leading)
            self.write(self.x + offset, self.y - size, line, bold, size)
            self.y -= leading

    def title(self, form: Form) -> None:
        c = self.canvas
        c.setFillGray(0.2)
        c.rect(LEFT - 4, self.y - 24, RIGHT - LEFT + 8, 24, stroke=0, fill=1)
        c.setFillGray(1)
        self.write(LEFT + 4, self.y - 17, form.title, bold=True, size=14)
        c.setFillGray(0)
        self.y -= 32
        for line in wrap(form.intro, RIGHT - LEFT, REGULAR, 7.5):
            self.write(LEFT, self.y - 8, line, size=7.5)
            self.y -= 9.5
        self.y -= 6

    def heading(self, text: str) -> None:
        self.need(44)
        self.y -= 6
        lines = wrap(text.upper(), self.width, BOLD, 9.5)
        for line in lines:
            self.write(self.x, self.y - 10, line, bold=True, size=9.5)
            self.y -= 12
        self.canvas.setLineWidth(1.2)
        self.canvas.line(self.x, self.y - 1, self.x + self.width, self.y - 1)
        self.y -= 8

    def save(self) -> bytes:
        self.canvas.save()
        return self.output.getvalue()


def draw_choice(flow: Flow, choice: Choice, offset: float, width: float, mark: str) -> None:
    c = flow.canvas
    flow.need(LEADING + 4)
    x = flow.x + offset
    cursor = x
    for text, ticked in choice.options:
        text_width = pdfmetrics.stringWidth(text, REGULAR, 9)
        lead = 0 if mark == "chosen option circled" else 12
        if cursor + text_width + lead > x + width and cursor > x:
            flow.y -= LEADING + 4
            flow.need(LEADING + 4)
            x = cursor = flow.x + offset
        base = flow.y - 9
        if mark == "chosen option circled":
            flow.write(cursor, base, text)
            if ticked:
                c.setLineWidth(0.8)
                c.ellipse(cursor - 3, base - 3.5, cursor + text_width + 3, base + 9.5)
        elif mark == "drawn tick, no box":
            if ticked:
                c.setLineWidth(1.2)
                path = c.beginPath()
                path.moveTo(cursor, base + 3)
                path.lineTo(cursor + 3, base)
                path.lineTo(cursor + 8, base + 8)
                c.drawPath(path, stroke=1, fill=0)
            flow.write(cursor + 11, base, text)
        else:
            c.setLineWidth(0.7)
            c.circle(cursor + 4, base + 3, 3.6, stroke=1, fill=0)
            if ticked:
                c.circle(cursor + 4, base + 3, 2, stroke=0, fill=1)
            flow.write(cursor + 11, base, text)
        cursor += text_width + lead + 16
    flow.y -= LEADING + 4


def draw_grid(flow: Flow, grid: Grid, size: float = 8) -> None:
    widths = [max(pdfmetrics.stringWidth(h, BOLD, size), 30) for h in grid.header]
    for row in grid.rows:
        for n, text in enumerate(row):
            widths[n] = max(widths[n], min(pdfmetrics.stringWidth(text, REGULAR, size), 160))
    scale = flow.width / sum(w + 8 for w in widths)
    widths = [(w + 8) * scale for w in widths]
    c = flow.canvas
    for r, row in enumerate([grid.header, *grid.rows]):
        head = r == 0
        span = not head and row[0] and not any(row[1:])
        cells = (
            [wrap(row[0], flow.width - 6, REGULAR, size)]
            if span
            else [
                wrap(t, w - 6, BOLD if head else REGULAR, size)
                for t, w in zip(row, widths, strict=True)
            ]
        )
        height = (size + 2.5) * max(len(lines) for lines in cells) + 5
        flow.need(height)
        x = flow.x
        for n, lines in enumerate(cells):
            w = flow.width if span else widths[n]
            if head:
                c.setFillGray(0.9)
                c.rect(x, flow.y - height, w, height, stroke=0, fill=1)
                c.setFillGray(0)
            c.setLineWidth(0.4)
            c.rect(x, flow.y - height, w, height)
            for k, line in enumerate(lines):
                flow.write(x + 3, flow.y - size - 2 - k * (size + 2.5), line, head, size)
            x += w
        flow.y -= height
    flow.y -= 8


def render_drawn(form: Form) -> bytes:
    pick = form.chooser.pick
    place, mark = pick(DRAWN_PLACES), pick(PDF_TICKS)
    two_columns = place.startswith("two-column")
    flow = Flow(form, columns=2 if two_columns else 1)
    flow.title(form)
    c = flow.canvas
    pair = {"open": False, "top": 0.0, "bottom": 0.0}

    def close_pair() -> None:
        if pair["open"]:
            flow.y = pair["bottom"]
            pair["open"] = False

    def corner_box(label: str, text: str, long: bool, item) -> None:
        half = (flow.width - 8) / 2
        if long or isinstance(item, Choice) and len(item.options) > 3:
            close_pair()
            x, width = flow.x, flow.width
        elif pair["open"]:
            x, width = flow.x + half + 8, half
            flow.y = pair["top"]
        else:
            x, width = flow.x, half
        label_lines = wrap(label.upper(), width - 6, REGULAR, 6.5)
        body = wrap(text, width - 8) if not isinstance(item, Choice) else ["", ""]
        height = 6.8 * len(label_lines) + LEADING * max(1, len(body)) + 8
        if height > TOP - BOTTOM:
            body = body[: int((TOP - BOTTOM - 40) / LEADING)]
            height = 6.8 * len(label_lines) + LEADING * len(body) + 8
        if not (pair["open"] and x != flow.x):
            flow.need(height)
        top = flow.y
        c.setLineWidth(0.6)
        c.rect(x, top - height, width, height)
        for k, line in enumerate(label_lines):
            flow.write(x + 3, top - 7 - k * 6.8, line, size=6.5)
        flow.y = top - 6.8 * len(label_lines) - 3
        if isinstance(item, Choice):
            draw_choice(flow, item, x - flow.x + 4, width - 8, mark)
        else:
            for k, line in enumerate(body):
                flow.write(x + 4, flow.y - 9 - k * LEADING, line)
        bottom = top - height - 4
        if width == flow.width:
            flow.y = bottom
        elif x == flow.x:
            pair.update(open=True, top=top, bottom=bottom)
            flow.y = bottom
        else:
            pair.update(open=False)
            flow.y = min(bottom, pair["bottom"])

    for section in form.sections:
        close_pair()
        if section.heading:
            flow.heading(section.heading)
        for item in section.items:
            if isinstance(item, Grid):
                close_pair()
                draw_grid(flow, item, size=7 if two_columns else 8)
                continue
            if isinstance(item, Lines) and not item.in_one_box:
                close_pair()
                for line in item.lines:
                    flow.lines(0, line, flow.width)
                flow.y -= 4
                continue
            label, text = item.label or "", item_text(form, item)
            if isinstance(item, Lines):
                text = "\n".join(item.lines)
            if place.startswith("label in the top-left"):
                corner_box(label, text, is_long(item), item)
            elif two_columns:
                flow.need(LEADING * 3)
                flow.lines(0, label, flow.width, bold=True, size=8.5, leading=10.5)
                if isinstance(item, Choice):
                    draw_choice(flow, item, 0, flow.width, mark)
                else:
                    flow.lines(0, text or " ", flow.width)
                flow.y -= 5
            else:  # label in small capitals under the answer line
                flow.need(LEADING + 22)
                if isinstance(item, Choice):
                    draw_choice(flow, item, 4, flow.width - 8, mark)
                else:
                    flow.lines(4, text or " ", flow.width - 8)
                c.setLineWidth(0.5)
                c.line(flow.x, flow.y + 1, flow.x + flow.width, flow.y + 1)
                flow.y -= 1
                flow.lines(0, label.upper(), flow.width, size=6.5, leading=8)
                flow.y -= 7
    return flow.save()


FRESH_PLAIN = str.maketrans({"✓": "Y", "✗": "N", "◉": "(*)", "○": "( )", "●": "(*)"})


def render_acroform(form: Form) -> bytes:
    for section in form.sections:
        for item in section.items:
            if isinstance(item, Field):
                item.text = item.text.translate(FRESH_PLAIN)
            elif isinstance(item, Grid):
                item.rows = [[t.translate(FRESH_PLAIN) for t in row] for row in item.rows]
            elif isinstance(item, Lines):
                item.lines = [t.translate(FRESH_PLAIN) for t in item.lines]
    make_plain(form)
    pick = form.chooser.pick
    names, place, dates = pick(ACROFORM_NAMES), pick(ACROFORM_LABEL_PLACES), pick(ACROFORM_DATES)
    namer = FreshNamer(names, form.chooser.rng)
    tooltips = names == "Text Box N"
    two = place.startswith("two columns")
    flow = Flow(form)
    flow.title(form)
    acro = flow.canvas.acroForm
    half = {"open": False, "top": 0.0, "bottom": 0.0}

    def textfield(key, label, value, x, y, w, h, **extra) -> None:
        multiline = h > 20 or "\n" in value
        acro.textfield(
            name=namer(key),
            tooltip=label if tooltips and label else None,
            value=value,
            x=x,
            y=y,
            width=w,
            height=h,
            fontName="Helvetica",
            fontSize=8 if multiline else 9,
            borderWidth=0.5,
            forceBorder=True,
            fieldFlags=extra.pop("flags", "multiline" if multiline else ""),
            **extra,
        )

    def height_for(text: str, width: float, long: bool) -> float:
        if not long and "\n" not in text:
            return 17
        chars = max(1, int(width / 4.4))
        lines = sum(max(1, math.ceil(len(p) / chars)) for p in text.split("\n"))
        return min(12 * max(lines, 2) + 6, 230)

    def date_field(item: Field, x: float, y: float) -> float:
        """A combed ddmmyyyy field or day / month / year boxes; returns the width used."""
        iso = iso_of(form, item.key)
        day, month, year = iso[8:10], iso[5:7], iso[:4]
        if dates.startswith("combed"):
            textfield(
                item.key, item.label, day + month + year, x, y, 128, 17, flags="comb", maxlen=8
            )
            flow.write(x, y + 19, "D  D  M  M  Y  Y  Y  Y", size=5.5)
            return 128
        for n, (part, width, hint) in enumerate(
            ((day, 22, "DD"), (month, 22, "MM"), (year, 38, "YYYY"))
        ):
            offset = (0, 30, 60)[n]
            textfield(
                f"{item.key}.{hint}", item.label, part, x + offset, y, width, 17, maxlen=len(hint)
            )
            flow.write(x + offset, y + 19, hint, size=5.5)
            if n < 2:
                flow.write(x + offset + width + 2, y + 5, "/")
        return 98

    def place_field(item, label: str, text: str, long: bool) -> None:
        width_all = RIGHT - LEFT
        if two and not long:
            width = (width_all - 14) / 2
            x = LEFT + (width + 14 if half["open"] else 0)
        else:
            half["open"] = False
            width, x = width_all, LEFT
        h = 17 if is_date(item) and item.text else height_for(text, width, long)
        label_lines = wrap(label, width, REGULAR, 7 if not two else 8)
        need = h + 10 * len(label_lines) + 16
        if two and half["open"] and x != LEFT:
            top = half["top"]
        else:
            flow.need(need)
            top = flow.y
        y = top
        if two:
            for line in label_lines:
                flow.write(x, y - 8, line, size=8)
                y -= 10
            y -= 8 if is_date(item) and item.text else 0
        if is_date(item) and item.text:
            date_field(item, x, y - h)
        else:
            textfield(item.key, label, text, x, y - h, width, h)
        y -= h + 2
        if not two:
            for line in label_lines:
                flow.write(x, y - 7, line, size=7)
                y -= 8.5
        bottom = y - 7
        if two and not long:
            if half["open"]:
                half["open"] = False
                flow.y = min(bottom, half["bottom"])
            else:
                half.update(open=True, top=top, bottom=bottom)
                flow.y = bottom
        else:
            flow.y = bottom

    def radios(item: Choice) -> None:
        half["open"] = False
        label_lines = wrap(item.label, RIGHT - LEFT, REGULAR, 8)
        flow.need(LEADING * (len(label_lines) + 2) + 8)
        name = namer(item.key)
        cursor = LEFT
        if two:
            for line in label_lines:
                flow.write(LEFT, flow.y - 8, line, size=8)
                flow.y -= 10
        top = flow.y
        for n, (text, ticked) in enumerate(item.options):
            text_width = pdfmetrics.stringWidth(text, REGULAR, 9)
            if cursor + text_width + 16 > RIGHT and cursor > LEFT:
                top -= LEADING + 4
                cursor = LEFT
            acro.radio(
                name=name,
                value=f"Choice{n + 1}",
                selected=ticked,
                x=cursor,
                y=top - 11,
                size=10,
                buttonStyle="circle",
                shape="circle",
                borderWidth=0.6,
                forceBorder=True,
                tooltip=text if tooltips else None,
            )
            flow.write(cursor + 13, top - 9, text)
            cursor += text_width + 26
        flow.y = top - LEADING - 4
        if not two:
            for line in label_lines:
                flow.write(LEFT, flow.y - 7, line, size=7)
                flow.y -= 8.5
        flow.y -= 7

    def grid(item: Grid) -> None:
        half["open"] = False
        width = (RIGHT - LEFT) / len(item.header)
        flow.need(44)
        for n, head in enumerate(item.header):
            for k, line in enumerate(wrap(head, width - 4, BOLD, 7.5)[:2]):
                flow.write(LEFT + n * width + 1, flow.y - 8 - k * 8.5, line, bold=True, size=7.5)
        flow.y -= 20
        for r, row in enumerate(item.rows):
            flow.need(20)
            for n, text in enumerate(row):
                textfield(
                    f"{item.key}.{r + 1}.{n + 1}",
                    item.header[n],
                    text,
                    LEFT + n * width,
                    flow.y - 16,
                    width - 3,
                    16,
                )
            flow.y -= 19
        flow.y -= 6

    for section in form.sections:
        half["open"] = False
        if section.heading:
            flow.heading(section.heading)
        for item in section.items:
            if isinstance(item, Grid):
                grid(item)
            elif isinstance(item, Choice):
                radios(item)
            elif isinstance(item, Lines):
                place_field(item, item.label or "", "\n".join(item.lines), True)
            else:
                place_field(item, item.label, item.text, item.long)
    return flow.save()


# --- entry point ----------------------------------------------------------------------------------


def render_with(layouts, form: Form, table_base: str) -> tuple[bytes, str]:
    """The file's bytes and extension from a layouts module (its ``build_word_*``,
    ``render_acroform``, ``render_drawn``, ``apply_template``, ``PRINT_BASES`` and
    ``PRINT_TEMPLATES``); a printed-pdf form comes back as the .docx to print, built on the word
    table where the print base drawn is ``table_base``, else on the word labels."""
    family = form.family
    if family == "word-table":
        return save(layouts.build_word_table(form)), "docx"
    if family == "word-label":
        return save(layouts.build_word_label(form)), "docx"
    if family == "word-controls":
        return save(layouts.build_word_controls(form)), "docx"
    if family == "acroform-pdf":
        return layouts.render_acroform(form), "pdf"
    if family == "drawn-pdf":
        return layouts.render_drawn(form), "pdf"
    base = form.chooser.pick(layouts.PRINT_BASES)
    if base == table_base:
        document = layouts.build_word_table(form)
    else:
        document = layouts.build_word_label(form)
    layouts.apply_template(document, form.chooser.pick(layouts.PRINT_TEMPLATES), form)
    return save(document), "docx-to-print"


def render(form: Form) -> tuple[bytes, str]:
    """The file's bytes and extension; a printed-pdf form comes back as the .docx to print."""
    return render_with(sys.modules[__name__], form, "fresh word table")
