"""Which plain-type text on a flat page is a label, from where it stands and what it says.

The flat-PDF reader tells a label by its bold type, but many forms print their questions in the
same type as the answers, and OCR knows no fonts at all. So, on every flat page (printed or
scanned), plain text is marked as bold type would mark it when the layout says it is a label:

- beside its answer: the first stretch of a line with one answer (or only tick boxes) to its
  right, or every other stretch of a line of label | answer | label | answer, when it is worded
  as a label or starts where the form's other labels start while its answer starts where theirs
  do (a column of labels beside a column of answers); a label wrapped onto the lines below, in
  the label column, goes with it;
- run into its answer with a dash ("Child's surname – Vaughan"): split there when the words
  before the dash are worded as a label;
- above its answer: a short line alone, worded as a label, with its answer straight below; the
  line under a label is its answer, not another label, unless it sits further from that label
  than from the line under it (an answer left empty).

"Worded as a label" means the vocabulary knows it (``parsers.labels.match``, a household
heading by ``labels.subject_in``, a list of documents by ``parsers.attachments``) or it ends in a
colon or question mark. Nothing here knows
any one form's wording.
"""

from __future__ import annotations

import re
from collections import Counter

from parsers import attachments, labels
from parsers.normalise import says_what_it_is
from parsers.pdf_layout import hard_break, is_upper_heading, starts_with_tick
from parsers.pdf_text import TICK_MARKS, Line, PageText, Span

_ALIGN = 4.0  # points: spans starting this close start in the same column
_MIN_ROWS = 3  # label/answer lines sharing both columns before the columns count
_MAX_WORDS = 12  # a label longer than this is a sentence
SMALL = 0.85  # type this much smaller than the body's is a caption, not an answer
_EMPTY_BOX = 3.5  # ems: how far below a label the next line may start (an answer box left empty)
_DASHES = ("–", "—", "-")
_SENTENCE_END = re.compile(r"[,;]$|(?<![.\s]\w)\.$")  # "D.O.B." ends no sentence
# "( ) Early Help", "[x] Section 47", "Yes [X]", "No ( )": a caption with its box before or after
_OPTION = re.compile(r"^[(\[]\s*[xX✓✔ ]?\s*[)\]]|^\w+(?: \w+){0,3}\s*[(\[]\s*[xX✓✔ ]?\s*[)\]]$")


def mark(pages: list[PageText], typeset: bool = True) -> set[int]:
    """Mark the plain-type label spans of flat pages as bold. Returns the ids of the lines that
    head a section though printed in label type (a bold line over the first plain label).
    ``typeset``: the pages' type sizes are the PDF's own (not OCR's guesses), so small type
    tells hints and captions."""
    body = _body_size(pages)
    for page in pages:
        if typeset:  # type sizes read by OCR are too rough to tell a caption by
            _mark_small(page, body)
        for line in page.lines:
            _split_dash(line)
    candidates = [line for page in pages for line in page.lines if _pair(line)]
    columns = Counter((_snap(line.spans[0].x0), _snap(line.spans[1].x0)) for line in candidates)
    answers_at = {at for (_, at), count in columns.items() if count >= _MIN_ROWS}
    for page in pages:
        for line in page.lines:
            if len(line.spans) == 1 and answers_at:
                _split_at_column(line, answers_at)
    headings: set[int] = set()
    for n, page in enumerate(pages):
        _mark_beside(page, columns)
        following = pages[n + 1].lines[:1] if n + 1 < len(pages) else []
        _mark_above(page, following[0] if following else None, headings)
    return headings


# Labels beside their answers


def _mark_beside(page: PageText, columns: Counter) -> None:
    above: Line | None = None  # the last line whose label was marked
    header: list[float] = []  # where the column titles of the table being read start
    for line in page.lines:
        first = line.spans[0]
        if all(s.bold for s in line.spans) and (len(line.spans) > 1 or _under(header, line)):
            header, above = header + [s.x0 for s in line.spans], None  # titles wrapped too
            continue
        if header and _under(header, line):
            continue  # a table row
        header = []
        if _pair(line) and not first.bold:
            aligned = columns[(_snap(first.x0), _snap(line.spans[1].x0))] >= _MIN_ROWS
            if aligned or _worded(first):
                first.bold = True
                above = line
                continue
        elif _pairs(line):
            for span in line.spans[::2]:
                span.bold = True
            above = line
            continue
        if above is not None and _wraps_label(above, line):
            first.bold = True
            above = line
            continue
        above = None


def _split_at_column(line: Line, answers_at: set[int]) -> None:
    """A label run into its answer by a gap too narrow to part them ("Other information I have
    attached …"): parted where a word starts in the column the form's other answers start in,
    after a gap wider than a space."""
    span = line.spans[0]
    for n in range(1, len(span.words)):
        word, before = span.words[n], span.words[n - 1]
        if _snap(word.x0) in answers_at and word.x0 - before.x1 > 0.5 * span.size:
            head = Span(span.words[:n], span.top, span.bottom, span.size, span.bold)
            tail = Span(span.words[n:], span.top, span.bottom, span.size, span.bold)
            line.keep([head, tail])
            return


def caps_over_bold(pages: list[PageText]) -> set[int]:
    """Labels in plain capitals over answers in bold ("REFERRER'S FULL NAME" over **Kirsty
    Drummond**), as a form filled in on screen prints them: the weights swapped, so the
    capitals read as labels and the bold as their answers. Only when the form does it often.
    Returns the ids of those label lines (in bold capitals they would read as headings)."""
    pairs = []
    for page in pages:
        for above, below in zip(page.lines, page.lines[1:], strict=False):
            if _caps_label(above) and _bold_answer(above, below):
                pairs.append((page, above, below))
    plain_caps = sum(1 for page in pages for line in page.lines if _caps_label(line))
    if len(pairs) < _MIN_ROWS or len(pairs) * 2 < plain_caps:
        return set()
    for page, label, answer in pairs:
        for span in label.spans:
            span.bold = True
        at = page.lines.index(answer)
        last = label
        for line in page.lines[at:]:
            if not _bold_answer(last, line):
                break
            for span in line.spans:
                span.bold = False
            last = line
    return {id(label) for _, label, _ in pairs}


def _caps_label(line: Line) -> bool:
    return (
        len(line.spans) == 1
        and not line.spans[0].bold
        and is_upper_heading(line.text)
        and len(line.spans[0].words) <= _MAX_WORDS
        and not says_what_it_is(line.text)  # "SW19 5RZ", "4 OCTOBER 2025": answers in capitals
    )


def _bold_answer(above: Line, line: Line) -> bool:
    """A line in bold, not in capitals unless a postcode or date, straight below (an answer in
    bold type)."""
    return (
        all(span.bold for span in line.spans)
        and (not is_upper_heading(line.text) or says_what_it_is(line.text))
        and 0 <= line.top - above.bottom <= 2.0 * line.size
        and abs(line.x0 - above.x0) <= 2 * _ALIGN
    )


def _under(header: list[float], line: Line) -> bool:
    """Does every span of the line start under a column title?"""
    return bool(header) and all(
        any(abs(s.x0 - x) <= 2 * _ALIGN for x in header) for s in line.spans
    )


def _pair(line: Line) -> bool:
    """A stretch of text with one answer to its right, or only tick boxes."""
    spans = line.spans
    if len(spans) < 2 or _option(spans[0].text):
        return False
    if len(spans) == 2 or all(_option(s.text) for s in spans[1:]):
        return True
    # "Consent given | ☒ Y | N | N/K": short options, one of them marked
    return any(mark in s.text for s in spans[1:] for mark in TICK_MARKS) and all(
        _option(s.text) or len(s.words) <= 3 for s in spans[1:]
    )


def _pairs(line: Line) -> bool:
    """Label | answer | label | answer ..., each label worded as one."""
    spans = line.spans
    if len(spans) < 4 or len(spans) % 2 or any(s.bold for s in spans):
        return False
    return all(not _option(s.text) and _worded(s) for s in spans[::2])


def _wraps_label(above: Line, line: Line) -> bool:
    """A label carried onto the next line: lower case, in the label column, close below, and
    ending before the answer column."""
    first, label = line.spans[0], above.spans[0]
    if first.bold or abs(first.x0 - label.x0) > _ALIGN or not first.text[:1].islower():
        return False
    if line.top - above.bottom > 0.8 * line.size:
        return False
    return len(above.spans) < 2 or first.x1 < above.spans[1].x0


# Labels in small type over their answers


def _body_size(pages: list[PageText]) -> float:
    sizes = Counter(
        round(span.size, 1)
        for page in pages
        for line in page.lines
        for span in line.spans
        for _ in span.text
    )
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _mark_small(page: PageText, body: float) -> None:
    """A caption in smaller type than the answers, with an answer in full-size type starting
    under it (a box with its question in the top corner): a label, one or several to a line."""
    lines = page.lines
    for n, line in enumerate(lines[:-1]):
        below = lines[n + 1]
        if below.top - line.bottom > 2.5 * line.size:
            continue
        for span in line.spans:
            if span.bold or span.size > SMALL * body or not span.text[:1].isalpha():
                continue
            if len(span.words) > _MAX_WORDS or _sentence(span):
                continue
            if any(
                s.size >= body - 0.25 and span.x0 - _ALIGN <= s.x0 < span.x1 for s in below.spans
            ):
                span.bold = True


def captions_under(pages: list[PageText]) -> None:
    """A form that captions each answer underneath in smaller type ("Olúwaseun" over "Child's
    first name"): each caption is moved before its answer, to be read as a label over it. Only
    where a page does so at least three times, for most of its lines in the captions' type."""
    for page in pages:
        lines = page.lines
        under = [
            n
            for n in range(1, len(lines))
            if _hugs(lines[n - 1], lines[n])
            and (n + 1 == len(lines) or _gap(lines[n - 1], lines[n]) < _gap(lines[n], lines[n + 1]))
        ]
        if len(under) < _MIN_ROWS:
            continue
        size = Counter(lines[n].size for n in under).most_common(1)[0][0]
        alike = sum(1 for line in lines if len(line.spans) == 1 and line.size == size)
        if len(under) * 3 < alike * 2:
            continue
        for n in under:
            lines[n].spans[0].bold = True  # a label, in whatever type it is printed
            lines[n - 1], lines[n] = lines[n], lines[n - 1]


def _gap(upper: Line, lower: Line) -> float:
    return lower.top - upper.bottom


def _hugs(answer: Line, caption: Line) -> bool:
    """A caption of a few words in smaller plain type straight under a line, lined up with its
    start."""
    if len(caption.spans) != 1 or len(answer.spans) != 1:
        return False
    span = caption.spans[0]
    return (
        not span.bold
        and span.size <= SMALL * answer.size
        and span.text[:1].isalpha()
        and len(span.words) <= _MAX_WORDS
        and not _sentence(span)
        and 0 <= _gap(answer, caption) <= 0.8 * caption.size
        and abs(span.x0 - answer.spans[0].x0) <= 2 * _ALIGN
    )


def shaded_cells(pages: list[PageText]) -> None:
    """Text in the shaded cells of a ruled grid is its labels, in whatever type ("Child's
    forename(s)" in italic on grey over "Andrei"): marked as bold ones. Only where the grid's
    other cells hold plain text too (answers), and not in a shaded band across the page (a
    heading)."""
    for page in pages:
        if not page.fills or not page.vrules:
            continue
        shaded, plain = [], 0
        for line in page.lines:
            for span in line.spans:
                if span.bold:
                    continue
                if _in_cell(page, span):
                    shaded.append(span)
                else:
                    plain += 1
        if plain:
            for span in shaded:
                span.bold = True


def _in_cell(page: PageText, span: Span) -> bool:
    """A fill narrower than the text's column of the page: a cell, not a band."""
    cx, cy = (span.x0 + span.x1) / 2, (span.top + span.bottom) / 2
    return any(
        x0 <= cx <= x1 and top <= cy <= bottom and x1 - x0 < 0.6 * page.width
        for x0, top, x1, bottom in page.fills
    ) and any(top <= cy <= bottom for _, top, bottom in page.vrules)


def drop_hints(pages: list[PageText]) -> None:
    """Take hints in small type off typeset pages, before their type is weighed for the body
    size (a column of hints can outnumber the answers)."""
    body = _body_size(pages)
    for page in pages:
        _drop_hints(page, body)


def _drop_hints(page: PageText, body: float) -> None:
    """Hints in small type beside a line of full-size text ("Use the child's own words", a
    column of "Help with this question"), and the lines they wrap onto: not part of any
    answer, and in the way of reading one on."""
    columns: list[float] = []  # where the hints dropped so far start
    for line in page.lines:
        if len(line.spans) < 2 or not any(_full(span, body) for span in line.spans):
            continue
        hints = [span for span in line.spans if _hint(span, body)]
        if hints and len(hints) < len(line.spans):
            columns.extend(span.x0 for span in hints)
            line.keep([span for span in line.spans if span not in hints])
    if not columns:
        return
    for line in page.lines:
        wrapped = [
            span
            for span in line.spans
            if _hint(span, body) and any(abs(span.x0 - x) <= _ALIGN for x in columns)
        ]
        if wrapped:
            line.keep([span for span in line.spans if span not in wrapped])
    page.lines = [line for line in page.lines if line.spans]


def _full(span: Span, body: float) -> bool:
    return span.size >= body - 0.25


def _hint(span: Span, body: float) -> bool:
    return not span.bold and span.size <= SMALL * body


# Labels run into their answers


def _split_dash(line: Line) -> None:
    """ "Child's surname – Vaughan" in one plain span: a label span and an answer span (not
    "Health – physical, mental | Growth on the 9th centile": a label with its answer beside)."""
    first = line.spans[0]
    if first.bold or len(first.words) < 3 or len(line.spans) > 1:
        return
    words = first.words
    for n, word in enumerate(words[1 : _MAX_WORDS + 1], start=1):
        if word.text in _DASHES and n + 1 < len(words):
            label = Span(words[:n], first.top, first.bottom, first.size, True)
            if _worded(label):
                answer = Span(words[n + 1 :], first.top, first.bottom, first.size, False)
                line.spans[0:1] = [label, answer]
            return


# Labels above their answers


def _mark_above(page: PageText, overleaf: Line | None, headings: set[int]) -> None:
    """``overleaf``: the first line of the next page, where the answer to a label printed at
    the foot of this page starts."""
    lines = page.lines
    pending: Line | None = None  # a label still waiting for its answer
    marked: Line | None = None  # the last line marked here as a label
    for n, line in enumerate(lines):
        nxt = lines[n + 1] if n + 1 < len(lines) else None
        after = lines[n + 2] if n + 2 < len(lines) else None
        answer = pending is not None and not line.spans[0].bold
        if nxt is None and overleaf is not None and _label_at_foot(line, overleaf):
            above = lines[n - 1] if n else None
            if answer or not _carries_on(page, above, line):
                if answer and pending is not marked:
                    headings.add(id(pending))
                line.spans[0].bold = True
            continue
        if answer and pending is not marked and _under_heading(line, nxt, after):
            answer = False  # the bold line above was a heading: this is the first label under it
            headings.add(id(pending))
        if answer and not _answer_left_empty(page, pending, line, nxt, after):
            pending = None  # this line is the answer of the label above
            continue
        pending = None
        if len(line.spans) == 1 and line.spans[0].bold:
            pending = line if _answer_below(line, nxt) else None
            continue
        above = lines[n - 1] if n else None
        if _above_label(line, nxt) and not _carries_on(page, above, line):
            line.spans[0].bold = True
            pending = marked = line


def _under_heading(line: Line, nxt: Line | None, after: Line | None) -> bool:
    """Is ``line``, under a line alone in bold type, itself a label over its own answer (so the
    bold line is a heading, in label type)? It is worded as a label, and its answer below it is not
    worded as one."""
    if not _above_label(line, nxt) or nxt is None or nxt.spans[0].bold:
        return False
    return not _above_label(nxt, after)


def _label_at_foot(line: Line, overleaf: Line) -> bool:
    """A label alone on the last line of a page, its answer starting the next page under it."""
    if len(line.spans) != 1 or overleaf.spans[0].bold:
        return False
    if abs(overleaf.x0 - line.x0) > _ALIGN and not _option(overleaf.spans[0].text):
        return False
    return _above_label(line, line) and not _worded(overleaf.spans[0])


def _above_label(line: Line, nxt: Line | None) -> bool:
    """A short line alone, worded as a label, with its answer straight below (``nxt`` the line
    itself: wherever its answer is)."""
    if len(line.spans) != 1 or nxt is None:
        return False
    span = line.spans[0]
    text = span.text
    if span.bold or len(span.words) > _MAX_WORDS or any(c in TICK_MARKS for c in text):
        return False
    if _sentence(span) or "@" in text or _OPTION.match(text):
        return False
    if any(w.text.endswith(":") for w in span.words[:-1]):
        return False  # "Surname: Hughes", a label run into its answer
    if not (nxt is line or _answer_below(line, nxt)):
        return False
    return _worded(span) or (nxt is not line and _option(nxt.spans[0].text) and _titled(text))


def _sentence(span: Span) -> bool:
    """Does the text end as a sentence does ("... at home.", not "Contact no.")?"""
    if not _SENTENCE_END.search(span.text):
        return False
    return len(span.words) > 6 or len(span.words[-1].text) > 4


def _titled(text: str) -> bool:
    """Worded as a question over a row of tick boxes: short, starting with a capital."""
    return text[:1].isupper() and len(text.split()) <= 6


def _carries_on(page: PageText, above: Line | None, line: Line) -> bool:
    """Is the line the next line of a paragraph above it (a long answer), not a label? Close
    type does not say so under a one-line answer: forms set label, answer, label at one pitch;
    nor does it after a line that ends short of the margin (the label starts a line anew)."""
    if above is None or line.top - above.bottom > 0.5 * line.size:
        return False
    if _same_cell(page, above, line):
        return True  # a name and the note under it in one cell of a ruled grid
    if hard_break(above, page, line):
        return False
    if above.text.endswith((".", "!", '"', "”")) and line.text.endswith(("?", ":")):
        return False  # a question after an answer that ends with its sentence
    return any(abs(span.x0 - line.x0) <= _ALIGN and not span.bold for span in above.spans)


def _same_cell(page: PageText, above: Line, line: Line) -> bool:
    """Walls of a ruled grid's cell on both sides of the line, running down beside the line
    above too, and no rule between the two: one cell's text."""
    if not page.vrules or page.rule_between(above.bottom, line.top, line.x0, line.x1):
        return False
    if not any(abs(span.x0 - line.x0) <= _ALIGN for span in above.spans):
        return False
    beside = page.walls(above.top, line.bottom)
    return any(x <= line.x0 for x in beside) and any(x >= line.x1 - 1 for x in beside)


def _answer_below(line: Line, nxt: Line | None) -> bool:
    """Does the next line start under this one (or is it a row of options), close below?"""
    if nxt is None or nxt.top <= line.bottom - 1:
        return False
    if nxt.top - line.bottom > _EMPTY_BOX * line.size:
        return False
    return abs(nxt.x0 - line.x0) <= _ALIGN or _option(nxt.spans[0].text)


def _answer_left_empty(
    page: PageText, label: Line, line: Line, nxt: Line | None, after: Line | None
) -> bool:
    """Is ``line`` another label, the one above having no answer? It is when it is worded as a
    label and sits clearly further from that label than from the line under it; or when the
    line under it is no label but the line after that is (label, answer, label: not answer,
    label, answer)."""
    if len(line.spans) != 1 or not _answer_below(line, nxt) or nxt is None:
        return False
    if not _above_label(line, nxt) or not hard_break(line, page, nxt):
        return False  # not a label, or a line of text wrapped onto the next
    gap_above, gap_below = line.top - label.bottom, nxt.top - line.bottom
    if gap_above > gap_below + 0.5 * line.size:
        return True
    if nxt.spans[0].bold or len(nxt.spans) > 1 or labels.reads_as_label(nxt.text):
        return False
    return after is None or after.spans[0].bold or _above_label(after, after)


# Wording


def _worded(span: Span) -> bool:
    text = span.text
    if text.endswith((":", "?")):
        return True
    if len(span.words) > _MAX_WORDS or not text[:1].isalpha():
        return False
    return (
        labels.reads_as_label(text)
        or labels.subject_in(text)[0] == "household"
        or attachments.is_list_label(text)
    )


def _option(text: str) -> bool:
    return starts_with_tick(text) or bool(_OPTION.match(text))


def _snap(x: float) -> int:
    return round(x / _ALIGN)
