"""Word renderings of a composed form: CAF-style tables, "Label: value" referrals and forms whose
answers sit in content controls. Layout variants come from ``styles`` banks via the form's own
chooser, so they are split like the wordings."""

from __future__ import annotations

import io
import itertools

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from tests.parsers.generator import styles
from tests.parsers.generator.compose import Choice, Field, Form, Grid, Lines
from tests.parsers.generator.fieldnames import Namer

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
PLACEHOLDER = "Click or tap here to enter text."


# --- shared pieces -----------------------------------------------------------------------------


def choice_text(form: Form, choice: Choice) -> str:
    on, off = form.ticks
    gap = "      " if form.tick_place == "box before, wide gaps" else "   "
    after = form.tick_place in ("box after option", "box at the end")
    parts = [
        f"{text} {on if ticked else off}" if after else f"{on if ticked else off} {text}"
        for text, ticked in choice.options
    ]
    return gap.join(parts)


def shade(cell, fill: str = "D9D9D9") -> None:
    shd = parse_xml(f'<w:shd xmlns:w="{W_NS}" w:val="clear" w:color="auto" w:fill="{fill}"/>')
    cell._tc.get_or_add_tcPr().append(shd)


def write_lines(paragraph, text: str, bold: bool = False):
    """Text with its line breaks as Word line breaks in one paragraph."""
    for i, line in enumerate(text.split("\n")):
        if i:
            paragraph.add_run().add_break(WD_BREAK.LINE)
        run = paragraph.add_run(line)
        run.bold = bold
    return paragraph


def add_heading(document, form: Form, text: str, look: str, number: int) -> None:
    if look == "Word heading styles":
        document.add_heading(text, level=2)
    elif look == "capitals paragraph":
        document.add_paragraph().add_run(text.upper()).bold = True
    elif look == "numbered bold heading":
        document.add_paragraph().add_run(f"{number}. {text}").bold = True
    elif look == "underlined paragraph":
        run = document.add_paragraph().add_run(text)
        run.underline = True
        run.bold = True
    elif look == "shaded one-cell table":
        cell = document.add_table(rows=1, cols=1).rows[0].cells[0]
        shade(cell, "BFBFBF")
        cell.paragraphs[0].add_run(text).bold = True
    else:
        document.add_paragraph().add_run(text).bold = True


def add_grid(document, grid: Grid, cell_writer=None) -> None:
    """A household or attachments table; sideways puts one person in each column."""
    if grid.sideways:
        rows = [[h] + [row[i] for row in grid.rows] for i, h in enumerate(grid.header)]
        header = None
    else:
        rows, header = grid.rows, grid.header
    width = len(header) if header else len(rows[0])
    table = document.add_table(rows=0, cols=width)
    table.style = "Table Grid"
    if header:
        cells = table.add_row().cells
        for cell, text in zip(cells, header, strict=True):
            cell.paragraphs[0].add_run(text).bold = True
    for r, row in enumerate(rows):
        cells = table.add_row().cells
        for c, (cell, text) in enumerate(zip(cells, row, strict=True)):
            if grid.sideways and c == 0:
                cell.paragraphs[0].add_run(text).bold = True
            elif cell_writer:
                cell_writer(cell.paragraphs[0], f"{grid.key}.member{r + 1}.col{c + 1}", text)
            else:
                cell.text = text


def save(document) -> bytes:
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def new_document(form: Form):
    document = docx.Document()
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(10)
    document.add_heading(form.title, level=1)
    document.add_paragraph(form.intro).runs[0].italic = True
    return document


# --- family 1: CAF-style tables ----------------------------------------------------------------


def label_cell(cell, label: str, look: str) -> None:
    text = f"{label}:" if look == "labels ending in a colon" and label[-1] not in "?:" else label
    run = cell.paragraphs[0].add_run(text)
    if look in ("bold labels", "bold shaded labels"):
        run.bold = True
    if look in ("shaded label cells", "bold shaded labels"):
        shade(cell)
    if look == "grey text labels":
        run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)


def item_text(form: Form, item, choice_text=choice_text) -> str:
    """An item's text; ``choice_text`` writes a Choice's options the way a layout family does."""
    if isinstance(item, Choice):
        return choice_text(form, item)
    if isinstance(item, Lines):
        return "\n".join(item.lines)
    return item.text


def is_long(item) -> bool:
    return (
        (isinstance(item, Field) and item.long)
        or isinstance(item, Lines)
        or (isinstance(item, Choice) and len(item.options) > 3)
    )


def render_word_table(form: Form) -> bytes:
    pick = form.chooser.pick
    look, grid = pick(styles.WORD_TABLE_LOOKS), pick(styles.WORD_TABLE_GRIDS)
    heading_look = pick(styles.HEADING_LOOKS)
    document = new_document(form)
    pairs = grid.startswith("two pairs")
    single = grid in ("one table, section rows", "two pairs a row, section rows")
    width = 4 if pairs else 2
    state = {"table": None, "half_open": False}

    def table():
        if state["table"] is None:
            state["table"] = document.add_table(rows=0, cols=width)
            state["table"].style = "Table Grid"
            state["half_open"] = False
        return state["table"]

    def close() -> None:
        state["table"], state["half_open"] = None, False

    def heading_row(text: str) -> None:
        cells = table().add_row().cells
        merged = cells[0].merge(cells[-1])
        merged.paragraphs[0].add_run(text).bold = True
        shade(merged, "BFBFBF")
        state["half_open"] = False

    for number, section in enumerate(form.sections, 1):
        boxed = [
            i
            for i in section.items
            if not isinstance(i, Grid) and not (isinstance(i, Lines) and not i.in_one_box)
        ]
        if section.heading:
            if single or (
                grid == "one pair a row, a table per section"
                and boxed
                and boxed[0] is section.items[0]
            ):
                if not single:
                    close()
                heading_row(section.heading)
            else:
                close()
                add_heading(document, form, section.heading, heading_look, number)
        for item in section.items:
            if isinstance(item, Grid):
                close()
                add_grid(document, item)
                continue
            if isinstance(item, Lines) and not item.in_one_box:
                close()
                for line in item.lines:
                    document.add_paragraph(line)
                continue
            label, text = item.label or "", item_text(form, item)
            if grid == "label above answer in one cell":
                row = table().add_row()
                cell = row.cells[0].merge(row.cells[-1])
                label_cell(cell, label, look)
                write_lines(cell.add_paragraph(), text)
                continue
            if pairs and state["half_open"] and not is_long(item):
                cells = table().rows[-1].cells
                label_cell(cells[2], label, look)
                write_lines(cells[3].paragraphs[0], text)
                state["half_open"] = False
                continue
            cells = table().add_row().cells
            label_cell(cells[0], label, look)
            if pairs and is_long(item):
                value = cells[1].merge(cells[3])
                state["half_open"] = False
            else:
                value = cells[1]
                state["half_open"] = pairs
            write_lines(value.paragraphs[0], text)
        if not single:
            close()
    return save(document)


# --- family 2: "Label: value" paragraphs -------------------------------------------------------


def render_word_label(form: Form) -> bytes:
    pick = form.chooser.pick
    look, heading_look = pick(styles.WORD_LABEL_LOOKS), pick(styles.HEADING_LOOKS)
    document = new_document(form)
    own_line = look in ("label on its own line, answer below", "bold label on its own line")
    bold = look.startswith("bold")
    for number, section in enumerate(form.sections, 1):
        if section.heading:
            add_heading(document, form, section.heading, heading_look, number)
        for item in section.items:
            if isinstance(item, Grid):
                add_grid(document, item)
                continue
            if isinstance(item, Lines) and not item.in_one_box:
                for line in item.lines:
                    document.add_paragraph(line)
                continue
            label = item.label.upper() if look.startswith("capitals") else item.label
            text = item_text(form, item)
            if own_line:
                document.add_paragraph().add_run(label).bold = bold
                if text:
                    write_lines(document.add_paragraph(), text)
                continue
            if look == "label, dash, answer":
                separator = " – "
            elif look == "label and answer separated by a tab":
                separator = "\t"
            else:
                separator = " " if label[-1] in "?:" else ": "
            paragraph = document.add_paragraph()
            shown = label + separator if text else label + separator.rstrip(" ")
            paragraph.add_run(shown).bold = bold
            if text:
                first, *rest = text.split("\n")
                paragraph.add_run(first)
                for line in rest:
                    document.add_paragraph(line)
    return save(document)


# --- family 3: content controls ----------------------------------------------------------------


class Controls:
    """Builds ``w:sdt`` elements: text, date and check-box controls with alias and tag."""

    def __init__(self, tag_style: str):
        self.namer = Namer(tag_style)
        self.tag_style = tag_style
        self.ids = itertools.count(501)

    def properties(self, key: str, alias: str | None) -> str:
        tag = self.namer(key)
        parts = []
        aliased = self.tag_style in (
            "opaque TextN with alias",
            "question numbers with alias",
            "alias only, no tag",
        )
        if alias and (aliased or self.namer.count % 2):
            parts.append(f'<w:alias w:val="{escape(alias)}"/>')
        if self.tag_style != "alias only, no tag":
            parts.append(f'<w:tag w:val="{escape(tag)}"/>')
        parts.append(f'<w:id w:val="{next(self.ids)}"/>')
        return "".join(parts)

    def text(self, paragraph, key: str, alias: str | None, value: str, iso: str | None = None):
        extra = "<w:showingPlcHdr/>" if not value else ""
        if iso and value:
            extra += (
                f'<w:date w:fullDate="{iso}T00:00:00Z"><w:dateFormat w:val="dd/MM/yyyy"/>'
                '<w:lid w:val="en-GB"/><w:calendar w:val="gregorian"/></w:date>'
            )
        elif "\n" in value:
            extra += '<w:text w:multiLine="1"/>'
        else:
            extra += "<w:text/>"
        runs = []
        for i, line in enumerate((value or PLACEHOLDER).split("\n")):
            if i:
                runs.append("<w:r><w:br/></w:r>")
            style = '<w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>' if not value else ""
            runs.append(f'<w:r>{style}<w:t xml:space="preserve">{escape(line)}</w:t></w:r>')
        xml = (
            f'<w:sdt xmlns:w="{W_NS}"><w:sdtPr>{self.properties(key, alias)}{extra}'
            f"</w:sdtPr><w:sdtContent>{''.join(runs)}</w:sdtContent></w:sdt>"
        )
        paragraph._p.append(parse_xml(xml))

    def checkbox(self, paragraph, key: str, alias: str, checked: bool, glyphs: tuple[str, str]):
        on, off = glyphs
        glyph = on if checked else off
        xml = (
            f'<w:sdt xmlns:w="{W_NS}" xmlns:w14="{W14_NS}"><w:sdtPr>'
            f"{self.properties(key, alias)}<w14:checkbox>"
            f'<w14:checked w14:val="{1 if checked else 0}"/>'
            f'<w14:checkedState w14:val="{ord(on):04X}" w14:font="MS Gothic"/>'
            f'<w14:uncheckedState w14:val="{ord(off):04X}" w14:font="MS Gothic"/>'
            f"</w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:rPr>"
            f'<w:rFonts w:ascii="MS Gothic" w:hAnsi="MS Gothic" w:eastAsia="MS Gothic"/></w:rPr>'
            f"<w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>"
        )
        paragraph._p.append(parse_xml(xml))


def escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def render_word_controls(form: Form) -> bytes:
    pick = form.chooser.pick
    controls = Controls(pick(styles.CONTROL_TAGS))
    place, heading_look = pick(styles.CONTROL_PLACES), pick(styles.HEADING_LOOKS)
    label_look = pick(styles.WORD_TABLE_LOOKS)
    document = new_document(form)
    in_cells = place == "controls in table cells"
    dated = form.chooser.chance(0.5)

    def value_into(paragraph, item) -> None:
        if isinstance(item, Choice):
            ticked = form.ticks if len(form.ticks[0]) == 1 else ("☒", "☐")
            for n, (text, checked) in enumerate(item.options):
                if n:
                    paragraph.add_run("   ")
                controls.checkbox(paragraph, f"{item.key}.option{n + 1}", text, checked, ticked)
                paragraph.add_run(f" {text}")
            return
        text = item_text(form, item)
        iso = None
        if (
            dated
            and isinstance(item, Field)
            and item.text
            and (item.key.endswith("date") or item.key.endswith("date_of_birth"))
        ):
            iso = expected_date(form, item.key)
        controls.text(paragraph, item.key, item.label, text, iso)

    table = None
    for number, section in enumerate(form.sections, 1):
        if section.heading:
            add_heading(document, form, section.heading, heading_look, number)
            table = None
        for item in section.items:
            if isinstance(item, Grid):
                add_grid(document, item, lambda p, key, text: controls.text(p, key, None, text))
                table = None
                continue
            if isinstance(item, Lines) and not item.in_one_box:
                for n, line in enumerate(item.lines):
                    controls.text(document.add_paragraph(), f"{item.key}.line{n + 1}", None, line)
                table = None
                continue
            if in_cells:
                if table is None:
                    table = document.add_table(rows=0, cols=2)
                    table.style = "Table Grid"
                cells = table.add_row().cells
                label_cell(cells[0], item.label, label_look)
                value_into(cells[1].paragraphs[0], item)
            else:
                paragraph = document.add_paragraph()
                separator = (
                    "\t"
                    if place == "controls after a tab in paragraphs"
                    else (" " if item.label[-1] in "?:" else ": ")
                )
                paragraph.add_run(item.label + separator).bold = label_look.startswith("bold")
                value_into(paragraph, item)
    return save(document)


def expected_date(form: Form, key: str) -> str | None:
    node = form.expected
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node if isinstance(node, str) else None


RENDERERS = {
    "word-table": render_word_table,
    "word-label": render_word_label,
    "word-controls": render_word_controls,
}

__all__ = ["RENDERERS", "qn"]
