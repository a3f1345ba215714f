"""Word (.docx) reader: each answer on a form beside the label it was read against.

The reader knows layout, not meaning (``parsers.mapping`` decides which record field an answer
belongs to). It reads ``word/document.xml`` once with lxml, with only the styles the text uses
(see ``docx_package`` for the defences against hostile files), and reports:

- ``Observation`` for each answer: table rows of label | answer (several pairs to a row too),
  labels above answers, ``Label: answer`` paragraphs and questions answered on the same line,
  free text running on over unlabelled paragraphs, content controls (value, alias, tag; never
  their placeholder text) and legacy form fields. A tick box held in a control or form field is
  its own True/False observation labelled by its caption, with ``group`` the question; tick
  boxes typed as characters (☒ Yes ☐ No) stay in the answer text for the mapper.
- ``Table`` for each grid with a header row, and for a grid turned sideways. A grid of tick
  boxes (questions down the side, "Yes" / "No" across the top) is read as one answer per row.
- Lower confidence where the pairing is a guess: a heading taken as the label of the text under
  it (0.5), a one-row grid also read as labels above answers (0.5), labels found by position
  only in a table with no cues (0.7).
- ``headings``: Heading-styled, larger or bold short paragraphs and heading rows of tables;
  each answer carries the last one as its ``section``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from parsers import labels
from parsers.docx_controls import Control
from parsers.docx_inline import InlineReader, Para, clean
from parsers.docx_layout import (
    MAX_LABEL_WORDS,
    alternating,
    box_captions,
    control_labels,
    dedupe,
    has_letters,
    has_marks,
    is_blank,
    is_caps,
    is_enumerator,
    label_only,
    split_pairs,
    strip_label,
    words,
)
from parsers.docx_package import W, open_package
from parsers.docx_tables import read_table
from parsers.errors import DamagedFile, NothingFound
from parsers.model import Observation, ReadDocument, Table
from parsers.normalise import says_what_it_is

MAX_HEADING_WORDS = 15
_NUMBERED = re.compile(r"^\s*\d+[.)]?\s")
# A form's own parts are numbered 1-9 or lettered; "Section 17" / "Section 47" are the Children
# Act's, and name a pathway in an answer.
_SECTION = re.compile(r"^\s*(?:part|section|step|stage)\s+(?:\d[a-z]?|[a-h]|[ivx]+)\b", re.I)


def read(data: bytes) -> ReadDocument:
    """Everything a Word form says, by layout. Raises a ``ParseError`` with a one-line message."""
    package = open_package(data)
    body = package.document.find(W + "body")
    if body is None:
        raise DamagedFile("the Word document is damaged: it has no body text")
    collector = _Collector(package)
    collector.walk(list(collector.inline.blocks(body)))
    document = collector.document
    if not _answered(document):
        raise NothingFound("the Word document has no filled-in answers: is it a blank form?")
    return document


def _answered(document: ReadDocument) -> bool:
    return any(
        observation.value is True
        or (isinstance(observation.value, str) and observation.value.strip())
        for observation in document.observations
    ) or any(table.rows for table in document.tables)


@dataclass
class _Pending:
    """A label still waiting for its answer in the paragraphs below it."""

    label: str
    confidence: float
    where: str
    from_heading: bool = False
    firm: bool = (
        False  # a bold label over plain text: the next line is its answer, whatever it says
    )
    tentative: str = ""  # an italic line after it: guidance, or the answer if nothing else comes
    caps: bool = False  # a plain label in capitals: the next line is its answer, even in bold
    after_table: bool = False  # the heading again after a table: for lines with no label only


def _share(pieces, attribute: str) -> float:
    letters = marked = 0
    for piece in pieces:
        if piece.control is not None:
            continue
        count = piece.printed
        letters += count
        marked += count if getattr(piece, attribute) else 0
    return marked / letters if letters else 0.0


class _Collector:
    """Walks the blocks of the document and gathers what the tables and paragraphs say."""

    def __init__(self, package):
        self.inline = InlineReader(package.styles, package.placeholders)
        self.body_size = package.styles.body_size()
        self.document = ReadDocument(kind="docx")
        self.section = ""
        self.tables_seen = 0
        self.paragraphs_seen = 0

    # -- what tables and paragraphs report --------------------------------------------------
    def heading(self, text: str) -> None:
        text = clean(text).replace("\n", " ")
        if not text:
            return
        self.section = text
        headings = self.document.headings
        if not headings or headings[-1] != text:
            headings.append(text)

    def add(self, labels, value, where, confidence, group="") -> Observation | None:
        labels = dedupe(labels)
        if not labels:
            return None
        if isinstance(value, str) and is_blank(value):
            value = None
        observation = Observation(
            labels=labels,
            value=value,
            section=self.section,
            where=where,
            group=group,
            confidence=round(confidence, 2),
        )
        self.document.observations.append(observation)
        return observation

    def extend(self, observation: Observation | None, text: str) -> None:
        if observation is not None and text:
            value = observation.value
            observation.value = f"{value}\n{text}" if isinstance(value, str) and value else text

    def table(self, header, rows, where, confidence) -> None:
        self.document.tables.append(
            Table(
                header=header, rows=rows, section=self.section, where=where, confidence=confidence
            )
        )

    def answer(self, label, paras, where, confidence, fallback="") -> Observation | None:
        """The answer in ``paras`` to the printed ``label`` (``fallback``: a label further off)."""
        label = strip_label(label) if label else ""
        question_seen, others = "", []
        for para in paras:
            controls = para.controls
            if any(control.kind == "checkbox" for control in controls):
                question, boxes = box_captions(para.pieces)
                question_seen = question_seen or question
                group = label or question or fallback
                for control, caption in boxes:
                    self.add(
                        [caption or question or group, *control.names],
                        control.value,
                        _at(where, control),
                        confidence,
                        group,
                    )
            others.extend(control for control in controls if control.kind != "checkbox")
        label = label or question_seen or fallback
        if others:
            return self._controls(label, paras, others, where, confidence)
        value = clean("\n".join(_after(para.text, question_seen) for para in paras))
        return self.add([label], value, where, confidence)

    def _controls(self, label, paras, others, where, confidence) -> Observation | None:
        outside = "".join(
            piece.text for para in paras for piece in para.pieces if piece.control is None
        )
        if len(others) == 1 and not has_letters(outside):
            control = others[0]
            return self.add([label, *control.names], control.value, _at(where, control), confidence)
        labelled = [pair for para in paras for pair in control_labels(para.pieces)]
        if all(printed for _, printed in labelled):
            for control, printed in labelled:
                self.add(
                    [printed, *control.names, label],
                    control.value,
                    _at(where, control),
                    confidence * 0.95,
                )
            return None
        names = [name for control in others for name in control.names]
        value = clean("\n".join(para.text for para in paras))
        return self.add([label, *names], value, where, confidence * 0.9)

    def has_labels(self, paras: list[Para]) -> bool:
        """Whether a box of paragraphs prints its own labels (so is not one answer)."""
        found = 0
        for para in paras:
            if para.controls:
                continue
            pairs = split_pairs(para.pieces, continuing=True)
            if any(pair.confidence >= 1.0 for pair in pairs):
                return True
            found += bool(pairs) or bool(label_only(para.text))
        return found >= 2

    def loose(self, paras: list[Para], where: str) -> None:
        """A cell with no label beside or above it: read it like a small page of its own."""
        self.walk(paras, where=where, in_cell=True)

    # -- the walk -----------------------------------------------------------------------------
    def walk(self, blocks: list, where: str | None = None, in_cell: bool = False) -> None:
        pending: _Pending | None = None
        running: Observation | None = None  # an answer whose free text may run on
        separator = ""  # how the last "label answer" line was split
        skip = 0  # paragraphs already read as alternating labels and answers
        for index, block in enumerate(blocks):
            if index < skip:
                if where is None:
                    self.paragraphs_seen += 1
                continue
            if not isinstance(block, Para):
                before = None
                if pending is not None and not pending.after_table:
                    before = (pending.label, 0.6 if pending.from_heading else 0.8)
                self.tables_seen += 1
                if not read_table(block, self, str(self.tables_seen), before):
                    self._settle(pending)
                running = None
                # Lines after a table, with no label of their own, answer the heading both are
                # under (documents listed under "Attachments" after a "Documents attached?" row).
                at = where or f"paragraph {self.paragraphs_seen + 1}"
                pending = (
                    _Pending(self.section, 0.5, at, from_heading=True, after_table=True)
                    if self.section
                    else None
                )
                continue
            if where is None:
                self.paragraphs_seen += 1
            at = where or f"paragraph {self.paragraphs_seen}"
            text = clean(block.text)
            if block.controls:
                fallback = pending.label if pending is not None and not pending.after_table else ""
                self.answer("", [block], at, 1.0 if pending is None else 0.9, fallback)
                pending, running = None, None
                continue
            if not text:
                continue
            kind = self._kind(block, text, blocks, index, in_cell)
            styled_heading = kind == "heading" and (block.heading or is_caps(text))
            if pending is not None and pending.firm and pending.caps and not styled_heading:
                running = self.add([pending.label], text, at, pending.confidence)
                pending = None  # under a label in capitals, the answer, bold or not
                continue
            if kind == "heading":
                self._settle(pending)
                title = not self.document.headings and not in_cell  # the form's own name
                self.heading(text)
                pending = None if title else _Pending(text, 0.5, at, from_heading=True)
                running = None
                continue
            if kind == "guidance":
                if pending is not None and not pending.from_heading and not pending.tentative:
                    pending.tentative = text
                running = None
                continue
            if kind in ("label", "caps"):
                self._settle(pending)
                pending = _Pending(strip_label(text), 0.7, at, firm=True, caps=kind == "caps")
                running = None
                continue
            if pending is not None and pending.firm:
                running = self.add([pending.label], text, at, pending.confidence)
                pending = None
                continue
            # After an answer, or a label still waiting for one, only firm cues start a label.
            continuing = running is not None or (pending is not None and not pending.from_heading)
            pairs = split_pairs(block.pieces, continuing, separator if running else "")
            if pairs:
                self._settle(pending)
                pending, running = None, None
                separator = pairs[-1].separator
                for position, pair in enumerate(pairs):
                    if pair.value:
                        running = self.add([pair.label], pair.value, at, pair.confidence)
                    elif position == len(pairs) - 1:
                        pending = _Pending(pair.label, pair.confidence, at)
                    else:
                        self.add([pair.label], None, at, pair.confidence)
                continue
            if (running is None and (pending is None or pending.from_heading)) or (
                labels.match_words(text)
            ):  # a form's question starting lines that alternate ends what ran on before it
                ends = self._alternating(blocks, index, at, in_cell)
                if ends:
                    if pending is not None and not pending.from_heading:
                        self._settle(pending)
                    pending, running, skip = None, None, ends
                    continue
            alone = label_only(text)
            if alone:
                self._settle(pending)
                pending, running = _Pending(strip_label(text), alone, at), None
            elif pending is not None:
                running = self.add([pending.label], text, at, pending.confidence)
                pending = None
            elif running is not None:
                self.extend(running, text)
        self._settle(pending)

    def _alternating(self, blocks, index: int, at: str, in_cell: bool) -> int:
        """Read plain lines that alternate label and answer from ``index``; returns the index
        after them, or 0 when they do not alternate."""
        run: list[tuple[int, str]] = []
        for position in range(index, len(blocks)):
            block = blocks[position]
            if not isinstance(block, Para) or block.controls:
                break
            text = clean(block.text)
            if not text:
                continue
            if (
                block.heading
                or _share(block.pieces, "bold") >= 0.5
                or _share(block.pieces, "italic") >= 0.9
                or split_pairs(block.pieces, continuing=False)
            ):
                break
            run.append((position, text))
        found = alternating([text for _, text in run]) if len(run) >= 4 else None
        if not found:
            return 0
        first = self.paragraphs_seen
        for label, answer in found:
            where = at if in_cell else f"paragraph {first + run[label][0] - index}"
            value = "\n".join(run[line][1] for line in answer) or None
            self.add([strip_label(run[label][1])], value, where, 0.6)
        return run[-1][0] + 1

    def _settle(self, pending: _Pending | None) -> None:
        """A label whose answer never came: blank, or the italic line that followed it."""
        if pending is None or pending.from_heading:
            return
        if pending.tentative:
            self.add([pending.label], pending.tentative, pending.where, pending.confidence * 0.7)
        else:
            self.add([pending.label], None, pending.where, pending.confidence)

    def _kind(self, para: Para, text: str, blocks, index: int, in_cell: bool) -> str:
        """ "heading", "label" (a bold question over its answer), "guidance" (italic) or ""."""
        if para.heading and not in_cell:
            return "heading"
        if _share(para.pieces, "italic") >= 0.9:
            return "guidance"
        if text.endswith("?") and not in_cell and _over_labels_and_answers(para, blocks, index):
            return "heading"  # "WHO IS MAKING THIS REQUEST?" over "Name", "Jo Bell", "Role", …
        if (
            "\n" in text
            or has_marks(text)
            or words(text) > MAX_HEADING_WORDS
            or text.endswith((":", "?"))
        ):
            return ""
        kind = self._styled_kind(para, text, blocks, index, in_cell)
        return "" if kind and says_what_it_is(text) else kind  # "BS5 1DB" in bold: an answer

    def _styled_kind(self, para: Para, text: str, blocks, index: int, in_cell: bool) -> str:
        size = max((piece.size for piece in para.pieces if piece.text.strip()), default=0)
        bigger = size > self.body_size + 1
        bold = _share(para.pieces, "bold") >= 0.9
        if (
            not (bold or bigger or in_cell)
            and _caps_label(text, blocks, index)
            and not _answered_on_its_line(para)
        ):
            return "caps"
        if not in_cell and _SECTION.match(text) and words(text) <= 10:
            return "heading"  # "PART 2 – FAMILY", "Section B: the referrer" in plain type
        if not (bigger or bold or para.heading):
            return ""
        if ":" in text:
            head = text.split(":", 1)[0]
            if not (bigger or is_enumerator(head) or _NUMBERED.match(head)):
                return ""
        if not bold and split_pairs(para.pieces, continuing=False):
            return ""  # a small label beside its answer in bigger type: no heading
        if not in_cell and (bigger or para.keep_next):
            return "heading"
        if _over_labels_and_answers(para, blocks, index):
            return "" if in_cell else "heading"
        below = _plain_below(blocks, index)
        if len(below) == 1 or (below and _is_plain_answer(below_first(blocks, index))):
            return "label"
        return "" if in_cell else "heading"


def _over_labels_and_answers(para: Para, blocks, index: int) -> bool:
    """A bold line over lines that alternate a label and its answer: their heading."""
    if _share(para.pieces, "bold") < 0.9:
        return False
    below = _plain_below(blocks, index)
    return len(below) >= 4 and alternating(below)


def _caps_label(text: str, blocks, index: int) -> bool:
    """A question printed in plain capitals ("DATE OF BIRTH (DD/MM/YYYY)") over an answer in
    ordinary case."""
    if words(text) > MAX_LABEL_WORDS or text.endswith("."):
        return False
    if not (is_caps(text) or (text.isupper() and labels.match_words(text))):  # "M/F", "NI"
        return False
    if ":" in text.rstrip(":") or "?" in text.rstrip("?"):
        return False  # "D.O.B.: 29.7.23": a label with its answer on its line
    if any(char.isdigit() for char in re.sub(r"\(.*?\)", "", text)):
        return False  # "D.O.B. – 21.11.2014"; "DATE OF BIRTH (DD/MM/YYYY)" is a label
    below = below_first(blocks, index)
    if not isinstance(below, Para):
        return False
    answer = clean(below.text)
    if is_caps(answer) and not says_what_it_is(answer) and not _heavier(below, blocks[index]):
        return False  # capitals over capitals; a postcode, or "MALE" in bold, is an answer
    return labels.reads_as_label(text)


def _heavier(answer: Para, label: Para) -> bool:
    """An answer in bold under a label in plain type."""
    return _share(answer.pieces, "bold") >= 0.9 and _share(label.pieces, "bold") < 0.1


def _answered_on_its_line(para: Para) -> bool:
    """ "NAME – Ann Lee": a label with its answer after it; a label in capitals all through
    ("VOICE OF THE CHILD – WHAT HAVE THEY SAID") asks one question."""
    return any(not is_caps(pair.value) for pair in split_pairs(para.pieces, continuing=False))


def below_first(blocks, index: int):
    return next(
        (
            block
            for block in islice(blocks, index + 1, None)
            if not isinstance(block, Para) or block.text.strip()
        ),
        None,
    )


def _plain_below(blocks, index: int) -> list[str]:
    """The plain paragraphs after a bold line, up to the next bold line, table or field: one
    alone is its answer, whatever it says."""
    found = []
    for block in islice(blocks, index + 1, None):
        if not isinstance(block, Para) or block.controls or block.heading:
            break
        if not block.text.strip():
            continue
        if _share(block.pieces, "bold") >= 0.5 or _share(block.pieces, "italic") >= 0.9:
            break
        found.append(clean(block.text))
    return found


def _is_plain_answer(para) -> bool:
    if not isinstance(para, Para):
        return False
    return (
        not para.controls
        and not para.heading
        and _share(para.pieces, "bold") < 0.5
        and _share(para.pieces, "italic") < 0.9
        and not split_pairs(para.pieces, continuing=True)
    )


def _after(text: str, question: str) -> str:
    """The answer part of a line that starts with its own question."""
    stripped = text.lstrip()
    if question and stripped.startswith(question):
        return stripped[len(question) :].lstrip(" :?\t")
    return text


def _at(where: str, control: Control) -> str:
    return f"{where} (field {control.field_name})" if control.field_name else where
