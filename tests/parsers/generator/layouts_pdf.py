"""PDF renderings of a composed form: fillable AcroForm PDFs and drawn (flat) PDFs, made with
reportlab. Labels sit left of or above the answers, answers in boxes or on ruled lines, tick
boxes drawn as squares with an X, a tick or a fill; all variants come from ``styles`` banks."""

from __future__ import annotations

import io
import math

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from tests.parsers.generator import styles
from tests.parsers.generator.compose import Choice, Field, Form, Grid, Lines
from tests.parsers.generator.fieldnames import Namer

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
REGULAR, BOLD = "DejaVuSans", "DejaVuSans-Bold"
TOP, BOTTOM, LEFT, RIGHT = 800, 50, 40, 555
LEADING = 11.5


def register_fonts() -> None:
    if REGULAR not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(REGULAR, f"{FONT_DIR}/DejaVuSans.ttf"))
        pdfmetrics.registerFont(TTFont(BOLD, f"{FONT_DIR}/DejaVuSans-Bold.ttf"))


def wrap(text: str, width: float, font: str = REGULAR, size: float = 9) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines += simpleSplit(paragraph, font, size, width) or [""]
    return lines


class Page:
    """A canvas with a writing position that moves down and starts new pages as needed."""

    def __init__(self, form: Form):
        register_fonts()
        self.output = io.BytesIO()
        self.canvas = canvas.Canvas(self.output, pagesize=A4)
        self.canvas.setTitle(form.title)
        self.y = TOP
        self.pages = 1

    def need(self, height: float) -> None:
        if self.y - height < BOTTOM:
            self.canvas.showPage()
            self.pages += 1
            self.y = TOP

    def write(self, x: float, y: float, text: str, bold: bool = False, size: float = 9) -> None:
        self.canvas.setFont(BOLD if bold else REGULAR, size)
        self.canvas.drawString(x, y, text)

    def lines(self, x: float, text: str, width: float, bold: bool = False, size: float = 9):
        """Wrapped text from the current position, across pages if long."""
        for line in wrap(text, width, BOLD if bold else REGULAR, size):
            self.need(LEADING)
            self.write(x, self.y - size, line, bold, size)
            self.y -= LEADING

    def heading(self, text: str, shaded: bool) -> None:
        self.need(40)
        self.y -= 8
        if shaded:
            self.canvas.setFillGray(0.85)
            self.canvas.rect(LEFT - 4, self.y - 15, RIGHT - LEFT + 8, 18, stroke=0, fill=1)
            self.canvas.setFillGray(0)
        self.write(LEFT, self.y - 11, text, bold=True, size=11.5)
        self.y -= 22

    def title(self, form: Form) -> None:
        self.write(LEFT, self.y - 15, form.title, bold=True, size=15)
        self.y -= 26
        self.lines(LEFT, form.intro, RIGHT - LEFT, size=8)
        self.y -= 4

    def save(self) -> bytes:
        self.canvas.save()
        return self.output.getvalue()


def box_mark(c, x: float, y: float, size: float, ticked: bool, mark: str) -> None:
    """A tick box with its lower-left corner at (x, y), marked the form's way when ticked."""
    c.setLineWidth(0.7)
    c.rect(x, y, size, size, stroke=1, fill=0)
    if not ticked:
        return
    if mark == "drawn X in box":
        c.line(x + 1.5, y + 1.5, x + size - 1.5, y + size - 1.5)
        c.line(x + 1.5, y + size - 1.5, x + size - 1.5, y + 1.5)
    elif mark == "drawn tick in box":
        path = c.beginPath()
        path.moveTo(x + 1.5, y + size * 0.5)
        path.lineTo(x + size * 0.4, y + 1.5)
        path.lineTo(x + size - 1, y + size - 1)
        c.drawPath(path, stroke=1, fill=0)
    elif mark == "filled box":
        c.rect(x + 1.5, y + 1.5, size - 3, size - 3, stroke=0, fill=1)
    else:
        glyph = "X" if mark == "X glyph in box" else "✓"
        c.setFont(REGULAR, size)
        c.drawString(x + 1, y + 1, glyph)


# --- family 5: drawn PDFs ----------------------------------------------------------------------


def render_drawn(form: Form) -> bytes:
    pick = form.chooser.pick
    place, mark = pick(styles.DRAWN_LABEL_PLACES), pick(styles.PDF_TICKS)
    bold_labels = form.chooser.chance(0.6)
    shaded_headings = form.chooser.chance(0.5)
    page = Page(form)
    c = page.canvas
    page.title(form)
    above = "above" in place
    label_width = 150
    value_x = LEFT if above else LEFT + label_width + 10
    value_width = RIGHT - value_x

    def choice(item: Choice, x: float, width: float) -> None:
        cursor = x
        page.need(LEADING + 2)
        after = form.tick_place in ("box after option", "box at the end")
        for text, ticked in item.options:
            text_width = pdfmetrics.stringWidth(text, REGULAR, 9)
            if cursor + text_width + 14 > x + width and cursor > x:
                page.y -= LEADING + 3
                page.need(LEADING + 2)
                cursor = x
            if after:
                page.write(cursor, page.y - 9, text)
                box_mark(c, cursor + text_width + 3, page.y - 9.5, 8, ticked, mark)
            else:
                box_mark(c, cursor, page.y - 9.5, 8, ticked, mark)
                page.write(cursor + 11, page.y - 9, text)
            cursor += text_width + (30 if form.tick_place == "box before, wide gaps" else 20)
        page.y -= LEADING + 3

    def labelled(label: str, draw_value, value_lines: int) -> None:
        label_lines = wrap(
            label, (RIGHT - LEFT) if above else label_width, BOLD if bold_labels else REGULAR
        )
        if above:
            page.need(LEADING * (len(label_lines) + min(value_lines, 3)) + 6)
            if "shaded" in place:
                c.setFillGray(0.88)
                c.rect(
                    LEFT - 2,
                    page.y - LEADING * len(label_lines) - 1,
                    RIGHT - LEFT + 4,
                    LEADING * len(label_lines) + 1,
                    stroke=0,
                    fill=1,
                )
                c.setFillGray(0)
            page.lines(LEFT, label, RIGHT - LEFT, bold=bold_labels)
            top = page.y
            draw_value()
        else:
            page.need(LEADING * max(len(label_lines), min(value_lines, 3)) + 6)
            top = page.y
            if "shaded" in place:
                height = LEADING * max(len(label_lines), value_lines) + 2
                c.setFillGray(0.88)
                c.rect(LEFT - 2, top - height, label_width + 4, height, stroke=0, fill=1)
                c.setFillGray(0)
            for n, line in enumerate(label_lines):
                page.write(LEFT, top - 9 - n * LEADING, line, bold=bold_labels)
            draw_value()
            page.y = min(page.y, top - LEADING * len(label_lines)) if page.y <= top else page.y
        bottom = page.y
        if "box" in place and "shaded" not in place and bottom < top:
            c.setLineWidth(0.5)
            c.rect(value_x - 3, bottom - 1, RIGHT - value_x + 6, top - bottom + 1)
        if "ruled line" in place:
            c.setLineWidth(0.4)
            c.line(value_x, bottom + 1, RIGHT, bottom + 1)
        page.y -= 5

    def grid(item: Grid) -> None:
        if item.sideways:
            rows = [[h] + [row[i] for row in item.rows] for i, h in enumerate(item.header)]
            header = None
        else:
            rows, header = item.rows, item.header
        columns = len(header) if header else len(rows[0])
        width = (RIGHT - LEFT) / columns
        for r, row in enumerate(([header] if header else []) + rows):
            bold_row = header is not None and r == 0
            cells = [wrap(text, width - 6, BOLD if bold_row else REGULAR) for text in row]
            height = LEADING * max(len(lines) for lines in cells) + 4
            page.need(height)
            for n, lines in enumerate(cells):
                x = LEFT + n * width
                c.setLineWidth(0.5)
                c.rect(x, page.y - height, width, height)
                for k, line in enumerate(lines):
                    page.write(
                        x + 3,
                        page.y - 11 - k * LEADING,
                        line,
                        bold=bold_row or (item.sideways and n == 0),
                    )
            page.y -= height
        page.y -= 6

    for section in form.sections:
        if section.heading:
            page.heading(section.heading, shaded_headings)
        for item in section.items:
            if isinstance(item, Grid):
                grid(item)
            elif isinstance(item, Lines) and not item.in_one_box:
                for line in item.lines:
                    page.lines(LEFT, line, RIGHT - LEFT)
                page.y -= 4
            elif isinstance(item, Choice):
                labelled(item.label, lambda item=item: choice(item, value_x, value_width), 2)
            else:
                text = "\n".join(item.lines) if isinstance(item, Lines) else item.text
                n = len(wrap(text, value_width))
                labelled(item.label, lambda text=text: page.lines(value_x, text, value_width), n)
    return page.save()


# --- family 4: fillable (AcroForm) PDFs ---------------------------------------------------------

PLAIN = str.maketrans(
    {
        "–": "-",
        "—": "-",
        "‘": "'",
        "’": "'",
        "“": '"',
        "”": '"',
        "•": "-",
        "✓": "X",
        "✔": "X",
        "☒": "X",
        "☑": "X",
        "■": "X",
        "⊠": "X",
        "☐": "",
        "□": "",
    }
)


def plain(value):
    """What an AcroForm text field can hold: Latin-1 text (reportlab writes no other)."""
    if isinstance(value, str):
        return value.translate(PLAIN)
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def make_plain(form: Form) -> None:
    """Field values in Latin-1, and the expected record to match what the fields hold."""
    for section in form.sections:
        for item in section.items:
            if isinstance(item, Field):
                item.text = plain(item.text)
            elif isinstance(item, Grid):
                item.rows = plain(item.rows)
            elif isinstance(item, Lines):
                item.lines = plain(item.lines)
    form.expected = plain(form.expected)


def render_acroform(form: Form) -> bytes:
    make_plain(form)
    pick = form.chooser.pick
    name_style, place = pick(styles.ACROFORM_NAMES), pick(styles.ACROFORM_LABEL_PLACES)
    namer = Namer(name_style)
    tooltips = name_style == "TextN with tooltip"
    check_style = form.chooser.rng.choice(["check", "cross", "star"])
    page = Page(form)
    c = page.canvas
    acro = c.acroForm
    page.title(form)
    above = place == "label above field"
    two_a_row = place == "label left, two fields a row"
    half = {"open": False, "y": 0.0}

    def textfield(key: str, label: str, value: str, x: float, y: float, w: float, h: float):
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
            borderWidth=0.6,
            borderColor=None,
            fillColor=None,
            textColor=None,
            forceBorder=True,
            fieldFlags="multiline" if multiline else "",
        )

    def height_for(text: str, width: float, long: bool) -> float:
        if not long and "\n" not in text:
            return 16
        chars = max(1, int(width / 4.4))
        lines = sum(max(1, math.ceil(len(p) / chars)) for p in text.split("\n"))
        return min(12 * max(lines, 2) + 6, 220)

    def field(item, label: str, text: str, long: bool) -> None:
        if two_a_row and not long:
            label_lines = wrap(label, 92, size=8)
            x = LEFT if not half["open"] else LEFT + 265
            if not half["open"]:
                page.need(max(16, LEADING * len(label_lines)) + 8)
                half["y"] = page.y
            y = half["y"]
            for n, line in enumerate(label_lines):
                page.write(x, y - 9 - n * 10, line, size=8)
            textfield(item.key, label, text, x + 95, y - 16, 160, 16)
            half["open"] = not half["open"]
            page.y = (
                min(page.y, y - max(16, 10 * len(label_lines)) - 6)
                if half["open"]
                else min(page.y, y - max(16, 10 * len(label_lines)) - 6)
            )
            return
        half["open"] = False
        if above:
            width = RIGHT - LEFT
            h = height_for(text, width, long)
            page.need(h + LEADING * 2 + 6)
            page.lines(LEFT, label, width)
            textfield(item.key, label, text, LEFT, page.y - h - 1, width, h)
            page.y -= h + 7
        else:
            width = RIGHT - LEFT - 160
            h = height_for(text, width, long)
            label_lines = wrap(label, 150)
            page.need(max(h, LEADING * len(label_lines)) + 6)
            for n, line in enumerate(label_lines):
                page.write(LEFT, page.y - 9 - n * LEADING, line)
            textfield(item.key, label, text, LEFT + 160, page.y - h, width, h)
            page.y -= max(h, LEADING * len(label_lines)) + 6

    def choice(item: Choice) -> None:
        half["open"] = False
        label_lines = wrap(item.label, 150 if not above else RIGHT - LEFT)
        page.need(LEADING * (len(label_lines) + 2) + 6)
        for n, line in enumerate(label_lines):
            page.write(LEFT, page.y - 9 - n * LEADING, line)
        if above:
            page.y -= LEADING * len(label_lines)
        x0 = LEFT if above else LEFT + 160
        cursor, top = x0, page.y
        for n, (text, ticked) in enumerate(item.options):
            text_width = pdfmetrics.stringWidth(text, REGULAR, 9)
            if cursor + text_width + 16 > RIGHT and cursor > x0:
                top -= LEADING + 4
                cursor = x0
            acro.checkbox(
                name=namer(f"{item.key}.option{n + 1}"),
                tooltip=text if tooltips else None,
                checked=ticked,
                x=cursor,
                y=top - 10.5,
                size=10,
                buttonStyle=check_style,
                borderWidth=0.6,
                forceBorder=True,
            )
            page.write(cursor + 13, top - 9, text)
            cursor += text_width + 24
        page.y = min(top - LEADING - 6, page.y - LEADING * len(label_lines) - 4)

    def grid(item: Grid) -> None:
        half["open"] = False
        if item.sideways:
            columns = len(item.rows) + 1
            width = (RIGHT - LEFT) / columns
            for i, head in enumerate(item.header):
                page.need(20)
                page.write(LEFT + 2, page.y - 11, head[:28], bold=True, size=8)
                for r, row in enumerate(item.rows):
                    textfield(
                        f"household.member{r + 1}.{i + 1}",
                        head,
                        row[i],
                        LEFT + (r + 1) * width,
                        page.y - 16,
                        width - 4,
                        16,
                    )
                page.y -= 19
            page.y -= 6
            return
        columns = len(item.header) if item.header else len(item.rows[0])
        width = (RIGHT - LEFT) / columns
        if item.header:
            page.need(40)
            for n, head in enumerate(item.header):
                for k, line in enumerate(wrap(head, width - 4, BOLD, 8)[:2]):
                    page.write(LEFT + n * width + 2, page.y - 9 - k * 9, line, bold=True, size=8)
            page.y -= 22
        for r, row in enumerate(item.rows):
            page.need(20)
            for n, text in enumerate(row):
                head = item.header[n] if item.header else ""
                textfield(
                    f"{item.key}.row{r + 1}.{n + 1}",
                    head,
                    text,
                    LEFT + n * width,
                    page.y - 16,
                    width - 4,
                    16,
                )
            page.y -= 19
        page.y -= 6

    for section in form.sections:
        if section.heading:
            half["open"] = False
            page.heading(section.heading, shaded=False)
        for item in section.items:
            if isinstance(item, Grid):
                grid(item)
            elif isinstance(item, Choice):
                choice(item)
            elif isinstance(item, Lines):
                label = item.label or ""
                field(item, label, "\n".join(item.lines), True)
            else:
                field(item, item.label, item.text, item.long)
    return page.save()


RENDERERS = {"acroform-pdf": render_acroform, "drawn-pdf": render_drawn}
