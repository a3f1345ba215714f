"""Telling a label from its answer by layout alone: weight, punctuation, tabs and tick boxes.

Nothing here knows any form's wording; the cues are the ones every form shares (a bold or
colon-ended label, a question mark, a tab between label and answer, a tick box with its caption,
and answers that look like answers: dates, e-mail addresses, phone numbers, postcodes).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from parsers import household
from parsers.docx_controls import MARKS
from parsers.docx_inline import Piece, clean
from parsers.normalise import (
    NUMBERED,
    find_date,
    has_boxes,
    is_question_number,
    without_number,
    yes_no,
)

_LETTER = re.compile(r"[^\W\d_]")
_VALUE = re.compile(
    r"""^(?:
        \d{1,4}[/.\-\s]\d{1,2}[/.\-\s]\d{1,4}            # a date
      | [^@\s]+@[^@\s]+\.[^@\s]+                         # an e-mail address
      | \+?[\d\s()\-]{7,}                                # a phone number
      | [A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}       # a postcode
      | [\d.,\s£$%/\-]+                                  # a number
    )$""",
    re.VERBOSE,
)
_MARK_CLASS = "".join(sorted(MARKS))
_COLON_LABEL = re.compile(
    r"^\s*([^:\n" + _MARK_CLASS + r"]{1,80}?)\s*:(?!\d)(?!//)\s*(.*)$", re.DOTALL
)
_ENDS_EARLY = re.compile(r"[\t?]\s*\S")
_QUESTION = re.compile(r"^\s*([^?\n" + _MARK_CLASS + r"]{2,200}\?)\s+(\S.*)$", re.DOTALL)
# "Label – answer": a spaced dash after a short label (the answer may hold dashes of its own).
_DASH_LABEL = re.compile(
    r"^\s*([^\n" + _MARK_CLASS + r"]{1,80}?)\s+[–—-]+(?:\s+(\S.*)|\s*)$", re.DOTALL
)
_LEADING_DASH = re.compile(r"^[–—-]+\s+")
# Stops that shorten a word ("D.O.B.", "Tel.", "No."), not ones that end a sentence.
_ABBREVIATED = re.compile(r"\b(?:[A-Za-z]\.){2,}|\b[A-Za-z]{1,3}\.(?=\s|$)")
_CHUNK_GAP = re.compile(r"[ \t]*\t[ \t]*|\s{3,}")
_ENUMERATOR = re.compile(r"^(?:[A-Za-z]+\s+)?(?:\d+[a-z]?|[IVXivx]+|[A-Z])[.)]?$")

MAX_LABEL_WORDS = 12
MAX_QUESTION_WORDS = 25


@dataclass
class Pair:
    label: str
    value: str  # "" when the label stands alone
    confidence: float
    separator: str = ""  # "tab", "dash" or "spaces": a form that writes one pair so writes the next


def has_letters(text: str) -> bool:
    return bool(_LETTER.search(text))


def words(text: str) -> int:
    return len(text.split())


def looks_like_value(text: str) -> bool:
    """An answer that explains itself (date, e-mail, phone, postcode, number)."""
    return bool(_VALUE.match(text.strip()))


def has_marks(text: str) -> bool:
    return not MARKS.isdisjoint(text)


def strip_label(text: str) -> str:
    """A label as printed, without its closing colon or required-field asterisk."""
    text = clean(text).replace("\n", " ")
    return text.rstrip(" :*").strip()


def is_blank(text: str) -> bool:
    """Nothing written: empty, or only the rule or dots printed to write on (``______``)."""
    return not any(char.isalnum() or char in MARKS for char in text)


def is_enumerator(text: str) -> bool:
    """ "Section 2", "Part B", "3": a numbering, so "Section 2: Child" is a heading."""
    return bool(_ENUMERATOR.match(text.strip()))


def dedupe(labels) -> list[str]:
    seen, kept = set(), []
    for label in labels:
        label = (label or "").strip()
        key = " ".join(label.lower().split())
        if label and key not in seen:
            seen.add(key)
            kept.append(label)
    return kept


def _bold_prefix(pieces: list[Piece]) -> int:
    """Length of the leading bold text when plain text follows it, else 0."""
    offset, saw_bold = 0, False
    for piece in pieces:
        if not piece.text.strip():
            offset += len(piece.text)
            continue
        if piece.bold and piece.control is None:
            saw_bold = True
            offset += len(piece.text)
            continue
        return offset if saw_bold else 0
    return 0


def _bold_starts(pieces: list[Piece]) -> set[int]:
    starts, offset, previous_bold = set(), 0, False
    for piece in pieces:
        if piece.bold and not previous_bold and piece.text.strip():
            starts.add(offset + len(piece.text) - len(piece.text.lstrip()))
        if piece.text.strip():
            previous_bold = piece.bold
        offset += len(piece.text)
    return starts


def _more_pairs(rest: str, base: int, bold_starts: set[int], confidence: float) -> list[Pair]:
    """Split ``rest`` where a chunk after a tab or a wide gap starts a new ``Label: value``."""
    cuts = []
    for gap in _CHUNK_GAP.finditer(rest):
        chunk = rest[gap.end() :]
        match = _COLON_LABEL.match(chunk)
        if not match or not has_letters(match.group(1)) or words(match.group(1)) > 8:
            continue
        if bold_starts and base + gap.end() not in bold_starts:
            continue
        cuts.append((gap.start(), gap.end()))
    if not cuts:
        return [Pair("", rest, confidence)]
    pairs, start = [], 0
    for cut_start, cut_end in cuts:
        pairs.append((rest[start:cut_start], start))
        start = cut_end
    pairs.append((rest[start:], start))
    found = [Pair("", pairs[0][0], confidence)]
    for chunk, _ in pairs[1:]:
        match = _COLON_LABEL.match(chunk)
        found.append(Pair(match.group(1), match.group(2), confidence))
    return found


def is_caps(text: str) -> bool:
    """ALL-CAPITALS text (a printed label or title; answers are rarely typed so)."""
    cased = [char for char in text if char.lower() != char.upper()]
    return len(cased) >= 3 and all(char.isupper() for char in cased)


def _colon_label_ok(label: str, continuing: bool) -> bool:
    if not has_letters(label) or words(label) > MAX_LABEL_WORDS:
        return False
    # Inside running free text, "On 3 May: ..." is part of the answer, not a new label; a
    # question's number ("2.4 Guidance and boundaries: ...") is no such digit.
    return (
        not continuing
        or is_caps(label)
        or not any(char.isdigit() for char in _PERSON_NUMBER.sub("", without_number(label)))
    )


# "Person 2 relationship", "Adult 1 – DOB": the number says whose detail it asks.
_PERSON_NUMBER = re.compile(rf"\b{household.PERSON_WORD}\s*(?:no\.?\s*)?\d{{1,2}}\b", re.IGNORECASE)


def _dash_pair(text: str, continuing: bool) -> Pair | None:
    """ "Label – answer": a short label, no sentence punctuation, then a spaced dash."""
    match = _DASH_LABEL.match(text)
    if not match:
        return None
    label = match.group(1).strip()
    limit = 8 if continuing else MAX_LABEL_WORDS
    if (
        not has_letters(label)
        or words(label) > limit
        or looks_like_value(label)
        or any(
            char in _ABBREVIATED.sub("", label) for char in ('.,;:!"' if continuing else '.;:!"')
        )
        or "?" in label[:-1]
        or label.count("(") > label.count(")")  # "the plan (Joana Silva - TAC plan.pdf)"
        or (continuing and any(char.isdigit() for char in without_number(label)))
        or (match.group(2) or "").rstrip().endswith("?")  # "Severity – how serious is it?"
    ):
        return None
    return Pair(strip_label(label), clean(match.group(2) or ""), 0.7, "dash")  # "" unanswered


def _tab_pair(text: str, continuing: bool) -> Pair | None:
    """ "Label<tab>answer": a short label, then the answer after a tab."""
    head, tab, tail = text.partition("\t")
    head = head.strip()
    if (
        tab
        and tail.strip()
        and has_letters(head)
        and words(head) <= (8 if continuing else 6)
        and not looks_like_value(head)
        and not has_marks(head)
        and not has_boxes(head)  # "( ) Male<tab>(x) Female": options, not a label
        and yes_no(head) is None  # "Yes X<tab>No"
    ):
        return Pair(strip_label(head), clean(tail), 0.6, "tab")
    return None


_SPACES = re.compile(r"(?<![.!?:;,]) {2,}(?=\S)")


def _spaces_pair(text: str, continuing: bool) -> Pair | None:
    """ "Label  answer": a short label, then two spaces or more typed to part it from the
    answer (never after a full stop, where two spaces only start a sentence). Only on a
    paragraph of its own, or where the form has already written pairs this way."""
    found = _SPACES.search(text)
    if continuing or not found:
        return None
    pair = _tab_pair(text[: found.start()] + "\t" + text[found.end() :], continuing)
    return Pair(pair.label, pair.value, 0.6, "spaces") if pair else None


def split_pairs(pieces: list[Piece], continuing: bool, separator: str = "") -> list[Pair]:
    """The label/answer pairs printed in one paragraph of text (no controls), or [].

    ``continuing``: the paragraph follows an answer that may run on, so only a firm cue (bold,
    or a short label ending with a colon) starts a new label. ``separator``: the answer it
    follows was written "Label<tab>answer" or "Label – answer", so that pattern is a firm cue.
    """
    if continuing and separator == "spaces":  # this form parts labels with spaces
        text = "".join(piece.text for piece in _unnumbered(pieces))
        if pair := _spaces_pair(text, False):
            return [Pair(strip_label(pair.label), clean(pair.value), 0.6, "spaces")]
    pairs = _split_pairs(pieces, continuing)
    if not pairs and continuing and separator:
        pairs = [pair for pair in _split_pairs(pieces, False) if pair.separator == separator]
    return pairs


def _unnumbered(pieces: list[Piece]) -> list[Piece]:
    """The pieces without a question's number printed apart in its own type ("**1a)** Legal
    first name<tab>Ayaan"): in bold, the number would read as the label."""
    text = "".join(piece.text for piece in pieces)
    first = pieces[0].text.strip()
    if len(pieces) >= 3 and is_question_number(first) and not pieces[1].text.strip():
        # "**A**<spaces>**Which team should respond?**": a section's letter in a run of its own
        rest = next((at for at in range(2, len(pieces)) if pieces[at].text.strip()), None)
        return pieces[rest:] if rest is not None else pieces
    found = NUMBERED.match(text)
    if not found or len(pieces) < 2 or pieces[0].text.strip() != found[0].strip():
        return pieces  # a number run into the words is a list's ("1. EHA – CAF.pdf")
    if pieces[0].bold == pieces[1].bold:
        return pieces
    cut, kept = found.end(), []
    for piece in pieces:
        if cut >= len(piece.text):
            cut -= len(piece.text)
            continue
        kept.append(dataclasses.replace(piece, text=piece.text[cut:]) if cut else piece)
        cut = 0
    return kept


def _split_pairs(pieces: list[Piece], continuing: bool) -> list[Pair]:
    pieces = _unnumbered(pieces)
    text = "".join(piece.text for piece in pieces)
    if not has_letters(text):
        return []
    starts = _bold_starts(pieces)
    lead = _bold_prefix(pieces)
    label, rest, confidence = "", "", 0.0
    if lead and has_letters(text[:lead]) and words(text[:lead]) <= 30:
        label, rest, confidence = text[:lead], text[lead:], 1.0
        if has_marks(label):
            return []
        if rest.lstrip().startswith(":"):  # "**Name**: Luke"
            rest = rest.lstrip()[1:]
            lead = len(text) - len(rest)
    else:
        match = _COLON_LABEL.match(text)
        # A tab or a question mark with words after it before the colon ends the label ("What
        # is needed?<tab>A plan: speech therapy"); one just before the colon does not ("Why
        # refer?: ...").
        tab_first = match is not None and bool(_ENDS_EARLY.search(match.group(1)))
        if match and not tab_first and _colon_label_ok(match.group(1), continuing):
            label, rest, confidence = match.group(1), match.group(2), 0.9
            starts = set()
            lead = match.start(2)
        else:
            match = _QUESTION.match(text)
            # A question answered on its line starts a new answer, even after another's
            # ("...week-ends.\nIs the family in agreement? – Y ■ N □").
            if match and words(match.group(1)) <= MAX_QUESTION_WORDS:
                value = _LEADING_DASH.sub("", match.group(2))
                return [Pair(strip_label(match.group(1)), clean(value), 0.8)]
            pair = (
                _tab_pair(text, continuing)
                or _spaces_pair(text, continuing)  # before a dash inside the label ("LP – name")
                or _dash_pair(text, continuing)
            )
            return [pair] if pair else []
        if not label:
            return []
    pairs = _more_pairs(rest, lead, starts, confidence)
    pairs[0].label = label
    return [Pair(strip_label(pair.label), clean(pair.value), pair.confidence) for pair in pairs]


def _label_like(text: str) -> bool:
    """A line a form prints as a label: short, no full stop, not an answer's shape."""
    limit = MAX_QUESTION_WORDS if text.endswith("?") else 10
    return (
        has_letters(text)
        and words(text) <= limit
        and not text.endswith((".", ",", ";", "!"))
        and not text.startswith(('"', "“", "'"))
        and not looks_like_value(text)
        and not has_marks(text)
        and not without_number(text)[:1].isdigit()  # "2.4 Guidance and boundaries" is one
        and find_date(text) is None  # "1) Sagal Ahmed, mother, 19-11-1991" is a list's
        and "\n" not in text
    )


def _answer_like(text: str) -> bool:
    """A line only an answer looks like: a sentence, a date or number, ticks, a quotation."""
    return (
        text.endswith((".", "!"))
        or looks_like_value(text)
        or has_marks(text)
        or without_number(text)[:1].isdigit()
        or text.startswith(('"', "“"))
        or words(text) > 12
    )


def alternating(texts: list[str]) -> list[tuple[int, list[int]]] | None:
    """Plain lines that alternate label, answer, label, answer (no weight or punctuation to tell
    them apart): each label's index with its answer lines, or None when they do not.

    A label followed by another label-like line and then an answer was left blank."""
    found: list[tuple[int, list[int]]] = []
    index, count = 0, len(texts)
    while index < count:
        text = texts[index]
        if not _label_like(text):
            if not found or not found[-1][1]:
                return None
            found[-1][1].append(index)  # an answer of several lines
            index += 1
            continue
        following = texts[index + 1] if index + 1 < count else None
        after = texts[index + 2] if index + 2 < count else None
        if following is None or (
            not _answer_like(following)
            and _label_like(following)
            and after is not None
            and _answer_like(after)
        ):
            found.append((index, []))
            index += 1
        else:
            found.append((index, [index + 1]))
            index += 2
    labels = len(found)
    if labels < 2 or sum(1 for _, answer in found if answer) < 2 or labels * 3 < count:
        return None
    return found


def label_only(text: str) -> float:
    """Confidence that a paragraph is a label waiting for its answer below it (0: it is not)."""
    text = text.strip()
    if not has_letters(text) or has_marks(text):
        return 0.0
    if text.endswith(":") and words(text) <= MAX_QUESTION_WORDS:
        return 0.9
    if text.endswith("?") and words(text) <= MAX_QUESTION_WORDS:
        return 0.8
    return 0.0


def box_captions(pieces: list[Piece]) -> tuple[str, list[tuple[object, str]]]:
    """The question printed before a paragraph's tick boxes, and each box with its caption.

    Captions follow their boxes ("☐ Yes ☐ No") unless nothing follows the last box, when they
    come before them ("Yes ☐ No ☐"); then the question is what precedes a ":" or "?".
    """
    segments: list[list[str]] = [[]]
    boxes = []
    for piece in pieces:
        control = piece.control
        if control is not None and control.kind == "checkbox":
            boxes.append(control)
            segments.append([])
        else:
            segments[-1].append(piece.text)
    if not boxes:
        return "", []
    texts = [clean("".join(segment)).replace("\n", " ") for segment in segments]
    count = len(boxes)
    if texts[count] or not any(texts[1:]):
        question, captions = texts[0], texts[1:]
    else:
        first = texts[0]
        cut = max(first.rfind(":"), first.rfind("?"))
        question, caption = (first[: cut + 1], first[cut + 1 :]) if cut >= 0 else ("", first)
        captions = [caption.strip(), *texts[1:count]]
    return strip_label(question), [
        (box, strip_label(caption)) for box, caption in zip(boxes, captions, strict=True)
    ]


def control_labels(pieces: list[Piece]) -> list[tuple[object, str]]:
    """Each answer control (not tick boxes) of a paragraph with the text printed just before it."""
    found, before = [], []
    for piece in pieces:
        control = piece.control
        if control is None:
            before.append(piece.text)
        elif control.kind == "checkbox":
            before = []
        else:
            text = "".join(before)
            found.append((control, strip_label(text) if has_letters(text) else ""))
            before = []
    return found
