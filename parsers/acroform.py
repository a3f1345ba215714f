"""Fillable PDFs (kind "acroform-pdf"): the answers are the values of the form's fields.

A field's name is often opaque (``Text12``) and its tooltip often missing, so each widget is tied
to the printed words around it: the label to its left on the same line or just above it, the
caption beside a tick box, the question at the start of a row of tick boxes. Text boxes laid out
as a grid under a row of printed column titles (a household table) become one ``Table``.

Fields, values and widget rectangles come from PDFium's form API, page by page, together with the
printed words (``parsers.pdf_text``): one parse of each page, all of it in C. (Walking the fields
with pypdf alone costs as much as pypdf's own ``get_fields``.)
"""

from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from parsers import pdf_text, pdf_widgets
from parsers.model import Observation, ReadDocument
from parsers.pdf_layout import Style, drop_running_lines
from parsers.pdf_text import PageText, by_address
from parsers.pdf_widgets import BOXES, Field, Widget

MAX_WIDGETS = 5000
_PUSHBUTTON = 1 << 16
_TEXT = (
    pdfium_c.FPDF_FORMFIELD_TEXTFIELD,
    pdfium_c.FPDF_FORMFIELD_COMBOBOX,
    pdfium_c.FPDF_FORMFIELD_LISTBOX,
)
_READ = _TEXT + BOXES  # the kinds of field whose answers are read (not buttons or signatures)


def read(pdf: pdfium.PdfDocument, page_count: int) -> ReadDocument | None:
    """The answers in the form's fields, or None when no field holds one (then the PDF is read
    as a flat form)."""
    pdf.init_forms()
    if not pdf.formenv:
        return None
    handle = pdf.formenv.raw
    pages: dict[int, PageText] = {}
    widgets: list[Widget] = []
    fields: dict[str, Field] = {}
    strings = ctypes.create_string_buffer(_BUFFER)  # for PDFium to write each field's strings in
    for index in range(page_count):
        raw = pdf_text.load_page(pdf, index)
        try:
            found = _widgets(handle, raw, index, fields, MAX_WIDGETS - len(widgets), strings)
            if found:
                pages[index] = pdf_text.read_raw_page(raw, index, rules=False)
                for w in found:
                    w.box = pages[index].box(*w.box)
                widgets += found
        finally:
            pdfium_c.FPDF_ClosePage(raw)
    if not any(w.ticked if w.is_box else w.field.text for w in widgets):
        return None
    drop_running_lines(list(pages.values()))
    style = Style.of(list(pages.values()))
    doc = ReadDocument(kind="acroform-pdf")
    sections = _sections(pages, widgets, style, doc)
    for index, page in pages.items():
        _read_page(page, [w for w in widgets if w.page == index], sections, doc)
    return doc


# The form's fields


def _widgets(handle, page, index: int, fields: dict, room: int, buf) -> list[Widget]:
    out: list[Widget] = []
    rect = pdfium_c.FS_RECTF()
    at_rect = ctypes.addressof(rect)
    handle, page = _address(handle), _address(page)
    count = _annot_count(page)
    for i in range(min(count, max(room, 0))):
        annot = _annot(page, i)
        if not annot:
            continue
        try:
            if _subtype(annot) != pdfium_c.FPDF_ANNOT_WIDGET:
                continue
            kind = _field_type(handle, annot)
            if kind not in _READ or not _rect(annot, at_rect):
                continue
            name = _utf16(_field_name, handle, annot, buf)
            f = fields.get(name)
            if f is None:
                f = fields[name] = Field(
                    name=name,
                    tooltip=_utf16(_field_tooltip, handle, annot, buf),
                    kind=kind,
                    flags=_field_flags(handle, annot),
                    value=_utf16(_field_value, handle, annot, buf),
                )
            f.widgets += 1
            w = Widget(f, index, (rect.left, rect.bottom, rect.right, rect.top))
            if kind in BOXES:
                if f.flags & _PUSHBUTTON:
                    continue
                # The box's appearance state names its "on" value when ticked ("/Yes"); the
                # page view that PDFium's IsChecked needs costs more than the whole page.
                state = _annot_string(annot, b"AS", buf)
                if state:
                    w.ticked = state != "Off"
                else:
                    w.ticked = f.value not in ("", "Off")
                w.on_state = state if w.ticked and state else ""
            out.append(w)
        finally:
            _close_annot(annot)
    return out


_BUFFER = 8192

# The calls made for every annotation, with plain addresses (``pdf_text.by_address``).
_ADDRESS, _INT, _SIZE = ctypes.c_void_p, ctypes.c_int, ctypes.c_ulong
_annot_count = by_address(pdfium_c.FPDFPage_GetAnnotCount, _INT, _ADDRESS)
_annot = by_address(pdfium_c.FPDFPage_GetAnnot, _ADDRESS, _ADDRESS, _INT)
_close_annot = by_address(pdfium_c.FPDFPage_CloseAnnot, None, _ADDRESS)
_subtype = by_address(pdfium_c.FPDFAnnot_GetSubtype, _INT, _ADDRESS)
_rect = by_address(pdfium_c.FPDFAnnot_GetRect, _INT, _ADDRESS, _ADDRESS)
_field_type = by_address(pdfium_c.FPDFAnnot_GetFormFieldType, _INT, _ADDRESS, _ADDRESS)
_field_flags = by_address(pdfium_c.FPDFAnnot_GetFormFieldFlags, _INT, _ADDRESS, _ADDRESS)
_STRING_GETTER = (_SIZE, _ADDRESS, _ADDRESS, _ADDRESS, _SIZE)  # (form, annot, buffer, room)
_field_name = by_address(pdfium_c.FPDFAnnot_GetFormFieldName, *_STRING_GETTER)
_field_tooltip = by_address(pdfium_c.FPDFAnnot_GetFormFieldAlternateName, *_STRING_GETTER)
_field_value = by_address(pdfium_c.FPDFAnnot_GetFormFieldValue, *_STRING_GETTER)
_string_value = by_address(
    pdfium_c.FPDFAnnot_GetStringValue, _SIZE, _ADDRESS, ctypes.c_char_p, _ADDRESS, _SIZE
)


def _address(handle) -> int:
    """The address a pypdfium2 handle (a typed pointer) points at."""
    return ctypes.cast(handle, ctypes.c_void_p).value


def _annot_string(annot: int, key: bytes, buffer) -> str:
    room = len(buffer)
    size = _string_value(annot, key, ctypes.addressof(buffer), room)
    if size <= 2 or size > room:
        return ""
    return _decoded(buffer, size)


def _utf16(getter, handle: int, annot: int, buffer) -> str:
    """A string from one of PDFium's UTF-16 getters: one call when it fits the buffer given."""
    room = len(buffer)
    size = getter(handle, annot, ctypes.addressof(buffer), room)
    if size > room:
        buffer = ctypes.create_string_buffer(size)
        getter(handle, annot, ctypes.addressof(buffer), size)
    if size <= 2:
        return ""
    return _decoded(buffer, size)


def _decoded(buffer, size: int) -> str:
    """The UTF-16 string of ``size`` bytes (its terminating NUL included) at the buffer's start,
    copied alone rather than with the whole buffer."""
    return ctypes.string_at(buffer, size - 2).decode("utf-16-le", errors="replace").strip()


# Headings


def _sections(
    pages: dict[int, PageText], widgets: list[Widget], style: Style, doc: ReadDocument
) -> list:
    """Every heading as (page index, top, text), in reading order; also noted in ``doc``. A line
    beside a field (a tick box's caption in larger type) is no heading."""
    out = []
    for index, page in pages.items():
        boxes = [w.box for w in widgets if w.page == index]
        for line in page.lines:
            if style.heading_like(line) and not any(pdf_widgets.beside(line, box) for box in boxes):
                out.append((index, line.top, line.text))
                doc.headings.append(line.text)
    return out


def _section_at(sections: list, page: int, top: float) -> str:
    current = ""
    for p, t, text in sections:
        if (p, t) > (page, top + 1):
            break
        current = text
    return current


# Reading one page


def _read_page(page: PageText, widgets: list[Widget], sections: list, doc: ReadDocument) -> None:
    index = page.number - 1
    used: set[int] = set()
    for table, members in pdf_widgets.grids(page, widgets):
        table.section = _section_at(sections, index, min(w.box[1] for w in members))
        if table.rows:
            doc.tables.append(table)
        used.update(id(w) for w in members)
    boxes = [w for w in widgets if w.is_box]
    runs = pdf_widgets.runs_beside(page, boxes, widgets)
    side = pdf_widgets.caption_side(boxes, runs)
    under = pdf_widgets.captions_under(page, widgets)
    rows = pdf_widgets.box_rows(boxes)
    questions = pdf_widgets.questions(page, rows, widgets, side, runs)
    done: set[int] = set()
    for w in sorted(widgets, key=lambda w: (round(w.box[1]), w.box[0])):
        if id(w) in used:
            continue
        f = w.field
        where = f"page {page.number}, field {f.name}"
        section = _section_at(sections, index, w.box[1])
        if w.is_box:
            caption, confidence = pdf_widgets.caption(w, runs, side)
            labels = _labels(caption, w.on_state if f.widgets > 1 else "", f.tooltip, f.name)
            doc.observations.append(
                Observation(
                    labels=labels,
                    value=w.ticked,
                    section=section,
                    where=where,
                    group=questions.get(id(w), "") or (f.tooltip if f.widgets > 1 else ""),
                    confidence=confidence,
                )
            )
            continue
        if not f.text or id(f) in done:
            continue  # empty, or a second widget showing the same field
        done.add(id(f))
        label, confidence = pdf_widgets.printed_label(page, w, widgets, under)
        doc.observations.append(
            Observation(
                labels=_labels(label, f.tooltip, f.name),
                value=f.text,
                section=section,
                where=where,
                confidence=confidence,
            )
        )


def _labels(*texts: str) -> list[str]:
    out: list[str] = []
    for text in texts:
        text = " ".join(text.split()).rstrip(":").strip()
        if text and text not in out:
            out.append(text)
    return out
