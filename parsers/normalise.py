"""Values as councils write them, into the record contract's formats. Each function returns
None for something it cannot read, so a value that does not validate itself is not trusted."""

from __future__ import annotations

import datetime as dt
import re

# The one list of tick-box glyphs every reader and the mapper know: boxes ticked, crossed or
# filled, and boxes (or radio rings) left empty.
TICKED = "☒☑✓✔✗✘■⊠⌧▣◼⬛◉◆▪●⬤"
UNTICKED = "☐□▢◻⬜○❑❒◇▫◯"
TICK_MARKS = TICKED + UNTICKED

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}

POSTCODE = re.compile(r"\b([A-Z]{1,2}[0-9][0-9A-Z]?)(?:\s*|-)([0-9][A-Z]{2})\b", re.IGNORECASE)
EMAIL = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\n{2,}")
_LINE_BREAK = re.compile(r"[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")  # where splitlines splits


def text(value: str | None) -> str | None:
    """Trim, collapse runs of spaces, keep paragraph breaks as ``\\n``; blank becomes None."""
    if value is None:
        return None
    value = str(value)
    if not _LINE_BREAK.search(value):  # most answers are one line
        return _SPACES.sub(" ", value).strip() or None
    lines = [_SPACES.sub(" ", line).strip() for line in value.splitlines()]
    joined = _BLANK_LINES.sub("\n", "\n".join(lines)).strip()
    return joined or None


def _year(digits: str, today: dt.date) -> int:
    year = int(digits)
    if len(digits) == 2:
        year += 2000 if year <= today.year % 100 + 1 else 1900
    return year


# A question's or a section's number: "1", "2a)", "1.2", "(b)", "Q3.", "iv".
_QUESTION_NUMBER = (
    r"\(?(?:q\.?\s*)?(?:[a-k]?\d{1,2}(?:\.\d{1,2})*[a-z]?|[a-h]|[ivx]{1,4})"  # "E1", "B2.3"
)
QUESTION_NUMBER = re.compile(rf"^{_QUESTION_NUMBER}[.):]?$", re.IGNORECASE)  # the number alone
NUMBERED = re.compile(rf"^\s*{_QUESTION_NUMBER}[.)]\s+(?=\S)", re.IGNORECASE)  # before words


# A number before a label's words: "2.4 Guidance", "Q6 Stability", "3) Health", "4 Housing".
# Letters and roman numerals only with a stop or bracket ("a) Health", not "a dog"); a bare
# number only before a capital ("2 children" is an answer).
_NUMBER_BEFORE_WORDS = re.compile(
    rf"^\s*(?:{_QUESTION_NUMBER}[.)]\s+(?=[^\W\d])"
    r"|\(?(?:q\.?\s*\d{1,2}|\d{1,2}(?:\.\d{1,2})+)[a-z]?\s+(?=[^\W\d])"
    r"|\d{1,2}[a-z]?\s+(?=(?-i:[A-Z])))",
    re.IGNORECASE,
)


def without_number(label: str) -> str:
    """The label's words without the question's number before them; a day before its month
    is no number ("3 May" stays as it is)."""
    found = _NUMBER_BEFORE_WORDS.match(label)
    if not found or re.match(rf"(?:{_MONTH_NAMES})\b", label[found.end() :], re.IGNORECASE):
        return label
    return label[found.end() :]


def is_question_number(text: str) -> bool:
    """A question's or section's number printed on its own ("2", "3.1a)", "(iv)"); a date
    written with dots ("30.4.02") is an answer, not a number."""
    return bool(QUESTION_NUMBER.match(text)) and date(text) is None


_SHORT_YEAR = re.compile(r"(?<=[\s/.\-])['’‘](\d{2})$")
_WEEKDAY = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)


def date(value: str | None, today: dt.date | None = None) -> str | None:
    """``09/03/2014``, ``9.3.14``, ``9 March 2014``, ``9th Mar 2014``, ``March 9, 2014``,
    ``2014-03-09`` and day/month/year boxes ``09 03 2014`` -> ``2014-03-09``."""
    value = text(value)
    if not value:
        return None
    today = today or dt.date.today()
    value = _WEEKDAY.sub("", value.strip().rstrip("."))
    value = _SHORT_YEAR.sub(r"\1", value)  # "17 Mar '20"
    found = None
    if match := re.fullmatch(r"(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})", value):
        found = (int(match[1]), int(match[2]), int(match[3]))
    elif match := re.fullmatch(
        r"(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{2}|\d{4})", value
    ):
        found = (_year(match[3], today), int(match[2]), int(match[1]))
    else:
        words = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", value.lower())
        # "14-Mar-2015", "14/Mar/15", "14th of March, 2015", "Mar. 14 2015"
        parts = [p for p in re.split(r"[\s,\-/.]+", words) if p and p != "of"]
        if len(parts) == 3:
            if parts[0].isdigit() and parts[1] in MONTHS and parts[2].isdigit():
                found = (_year(parts[2], today), MONTHS[parts[1]], int(parts[0]))
            elif parts[0] in MONTHS and parts[1].isdigit() and parts[2].isdigit():
                found = (_year(parts[2], today), MONTHS[parts[0]], int(parts[1]))
    if not found:
        return None
    try:
        return dt.date(*found).isoformat()
    except ValueError:
        return None


_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE_IN_TEXT = re.compile(
    r"\b(?:\d{4}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{1,2}"
    r"|\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*(?:\d{4}|\d{2})"
    r"|\d{1,2} \d{1,2} \d{4}"  # spaced, as in boxes for each part: "12 02 1974"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?[\s\-/.]+(?:{_MONTH_NAMES})\.?,?[\s\-/.]+['’‘]?\d{{2,4}}"
    rf"|(?:{_MONTH_NAMES})\.?[\s\-/.]+\d{{1,2}}(?:st|nd|rd|th)?,?[\s\-/.]+\d{{4}})\b",
    re.IGNORECASE,
)


def find_date(value: object) -> tuple[str, str] | None:
    """The first date written anywhere in a text: (``2014-03-09``, the words that said it)."""
    if not isinstance(value, str):
        return None
    for found in _DATE_IN_TEXT.finditer(value):
        if iso := date(found[0].replace(".,", " ").replace(",", " ")):
            return iso, found[0]
    return None


# The inward code starts with a digit; OCR reads a scanned 0 there as the letter O ("B53 ONW").
_READ_AS_O = re.compile(r"^([A-Z]{1,2}[0-9][0-9A-Z]?)\s*O([A-Z]{2})$", re.IGNORECASE)


def postcode(value: str | None) -> str | None:
    """Upper case with one space before the inward code; None when it is not a postcode."""
    value = text(value) or ""
    match = POSTCODE.search(value) or POSTCODE.search(_READ_AS_O.sub(r"\1 0\2", value))
    return f"{match[1].upper()} {match[2].upper()}" if match else None


# After an address's postcode: a closing bracket, the country ("HP11 2AB, UK").
_AFTER_POSTCODE = re.compile(
    r"[\s,.;)\]]*(?:(?:UK|United Kingdom|England|Wales|Scotland)[\s.]*)?", re.IGNORECASE
)
# Before it: its own label run into the address ("..., Bucks. Postcode: HP11 2AB").
_POSTCODE_LABEL = re.compile(r"(?:\bpost\s*code|\bpostal code|\bp/code)\s*[:\-–]?\s*$", re.I)


def split_postcode(address: str) -> tuple[str, str | None]:
    """An address whose last line ends in a postcode -> (address without it, postcode)."""
    matches = list(POSTCODE.finditer(address))
    match = matches[-1] if matches else None
    if not match or not _AFTER_POSTCODE.fullmatch(address[match.end() :]):
        return address, None
    before = _POSTCODE_LABEL.sub("", address[: match.start()].rstrip(" ([-–—"))
    before = re.sub(r"(\w{4,})\.$", r"\1", before.rstrip(" ,;:(\n"))  # a full stop, not "St."
    return before.rstrip(" ,;:\n"), f"{match[1].upper()} {match[2].upper()}"


def address(value: str | None) -> str | None:
    """Street lines and town in one string, joined with ``, ``."""
    value = text(value)
    if not value:
        return None
    lines = [line.strip(" ,") for line in re.split(r"\n|,", value)]
    return ", ".join(line for line in lines if line) or None


def phone(value: str | None) -> str | None:
    value = text(value)
    if not value:
        return None
    value = re.sub(r"(?i)^(tel|telephone|phone|mobile|mob)[:.]?\s*", "", value)
    digits = re.sub(r"[^\d+ ]", " ", value)
    digits = re.sub(r"\s+", " ", digits).strip()
    return digits if sum(c.isdigit() for c in digits) >= 6 else None


def email(value: str | None) -> str | None:
    """The e-mail address in a text; one wrapped across the lines of a narrow box
    ("louise.fairb airn@exam ple.org.uk") is joined up again when that is all the text says."""
    value = text(value) or ""
    found = EMAIL.search(value)
    if found is None:  # broken inside its name: the pieces of a short answer joined up
        found = EMAIL.fullmatch(re.sub(r"\s+", "", value)) if len(value.split()) <= 4 else None
    elif rest := _domain_rest(value[found.end() :]):
        found = EMAIL.fullmatch(found[0] + rest) or found  # "example.or" over "g.uk"
    return found[0].lower() if found else None


def _domain_rest(after: str) -> str:
    """The rest of an address's domain wrapped after it: a piece or two, each with a dot in
    ("g.uk"), and nothing else; "jo@x.org tel" is an address and a word."""
    pieces = after.split()
    if not pieces or len(pieces) > 2 or not after[:1].isspace():
        return ""
    return "".join(pieces) if all("." in piece and "@" not in piece for piece in pieces) else ""


def says_what_it_is(value: str | None) -> bool:
    """An answer that is only a date, an e-mail address, a phone number or a postcode."""
    value = (text(value) or "").strip(" .")
    if not value:
        return False
    return bool(
        date(value)
        or EMAIL.fullmatch(value)
        or POSTCODE.fullmatch(value)
        or re.fullmatch(r"\+?[\d\s()\-]{9,}", value)
    )


def could_be_a_name(value: str | None) -> bool:
    """Words a person's name could be: no digits, no e-mail, a few words."""
    value = text(value) or ""
    return bool(value) and not re.search(r"\d|@", value) and len(value.split()) <= 6


def person_name(value: str | None) -> str | None:
    """``OKAFOR, Maya`` -> ``Maya Okafor``; otherwise as written."""
    value = text(value)
    if not value:
        return None
    if "," in value:
        last, _, first = value.partition(",")
        if first.strip() and len(first.split()) <= 3 and len(last.split()) <= 3:
            value = f"{first.strip()} {_surname_case(last.strip())}"
    return value


def _surname_case(surname: str) -> str:
    return surname.title() if surname.isupper() and len(surname) > 1 else surname


def split_name(value: str | None) -> tuple[str | None, str | None]:
    """A whole name -> (first name, last name)."""
    value = person_name(value)
    if not value:
        return None, None
    parts = value.split()
    if len(parts) == 1:
        return parts[0], None
    return " ".join(parts[:-1]), parts[-1]


_BRACKET_MARK = r"[xX✓✔√✗✘*]"  # what marks a box drawn as brackets: [X], (✓)
_BRACKET_TICKED = re.compile(rf"[\[(]\s*{_BRACKET_MARK}\s*[\])]")
_BRACKET_EMPTY = re.compile(r"[\[(]\s*[\])]")
_CAPTION_FIRST = re.compile(rf"^\s*([^{TICK_MARKS}\n]+?)\s*([{TICK_MARKS}])")


_GLYPH_IN_BRACKETS = re.compile(rf"[\[(]\s*([{TICK_MARKS}])\s*[\])]")
_OPTION_GAP = re.compile(r"\s{2,}|\t+|\s*\|\s*")  # wide gaps, tabs, or cells read as "A | B"
_MARKED = "xX" + "".join(sorted(set(TICK_MARKS) - set(UNTICKED)))
_MARKED_CHUNK = re.compile(rf"^(?:(.*\S)\s+[{_MARKED}]|[{_MARKED}]\s+(\S.*))$")


def _marked_option(value: str) -> str:
    """ "EARLY HELP x   CHILD IN NEED   CAMHS", "Level 1 | x Level 2": options parted by wide
    gaps or cells, one of them marked by an X or tick beside it, as boxes (``☒ EARLY HELP ☐
    CHILD IN NEED ☐ CAMHS``)."""
    chunks = [chunk.strip() for chunk in _OPTION_GAP.split(value.strip()) if chunk.strip()]
    if len(chunks) < 2 or any(len(chunk.split()) > 8 for chunk in chunks):
        return value
    marked = [_MARKED_CHUNK.match(chunk) for chunk in chunks]
    if sum(1 for found in marked if found) != 1:
        return value
    return " ".join(
        f"☒ {found[1] or found[2]}" if found else f"☐ {chunk}"
        for chunk, found in zip(chunks, marked, strict=True)
    )


# Glyphs that mark a chosen option beside empty ones, but lead every line of a bulleted list.
_BULLET_LIKE = "▪●⬤"


def _bullets(value: str) -> str:
    """ "▪ Chronology ▪ GP letter": bullets, not boxes all ticked, when no box is empty."""
    if not any(glyph in value for glyph in _BULLET_LIKE):
        return value  # (cheaply) no glyph that could be a bullet
    marks = {char for char in value if char in TICK_MARKS}
    if marks <= set(_BULLET_LIKE):
        return value.translate({ord(glyph): "•" for glyph in _BULLET_LIKE})
    return value


_LINE_MARK = re.compile(r"^(\s*)([xX_])\s+(?=\S)")
_MARK_THEN_SPACE = re.compile(r"[xX_]\s")  # in any text whose options are led by marks
# Between options: a new line, or on one line a slash, bar, semicolon or wide gap.
_BETWEEN_OPTIONS = re.compile(r"(\n|\s+/\s+|\s*[|;]\s*|\s{2,}|\t+)")


def _line_marks(value: str) -> str:
    """Options a line each or side by side ("_ female / x male"), the chosen one led by an X
    and the others by a blank ("X Early Help", "_ CAMHS"), as boxes."""
    if not _MARK_THEN_SPACE.search(value):
        return value  # (cheaply) no option led by a mark
    parts = _BETWEEN_OPTIONS.split(value.strip())
    options = [part for part in parts[::2] if part.strip()]
    if len(options) < 2 or not all(_LINE_MARK.match(option) for option in options):
        return value
    if not any(_LINE_MARK.match(option)[2] == "_" for option in options):
        return value  # "X" alone might be a word; a blank beside it makes them boxes
    marked = [
        _LINE_MARK.sub(lambda found: f"{found[1]}{'☐' if found[2] == '_' else '☒'} ", part)
        if n % 2 == 0
        else ("\n" if "\n" in part else " ")
        for n, part in enumerate(parts)
    ]
    return "".join(marked)


def tick_marks(value: str) -> str:
    """Boxes drawn in brackets (``[X] Yes [ ] No``, ``Yes (x)``, ``[☐]``) as the tick glyphs,
    an X beside one of a row of options as its box ticked, and a caption written before its box
    (``Yes ☒ No ☐``) moved after it."""
    value = _line_marks(_bullets(value))
    value = _GLYPH_IN_BRACKETS.sub(r"\1", value)
    value = _BRACKET_EMPTY.sub("☐", _BRACKET_TICKED.sub("☒", value))
    marks = [char for char in value if char in TICK_MARKS]
    if not marks or (len(marks) == 1 and marks[0] not in UNTICKED):
        value = _marked_option(value)  # "Early Help ✓   Child in need": one ticked, no boxes
    boxes = sum(value.count(mark) for mark in TICK_MARKS)
    # One box after words spaced apart ("Yes   No ✘") marks the last of them, not all.
    one_caption = boxes == 1 and not re.search(r"\S\s{2,}\S", value.strip())
    if (
        (boxes >= 2 or one_caption)
        and _CAPTION_FIRST.match(value)
        and value.rstrip()[-1:] in TICK_MARKS
    ):
        pairs = re.findall(rf"([^{TICK_MARKS}]+?)\s*([{TICK_MARKS}])", value)
        value = " ".join(f"{mark} {caption.strip()}" for caption, mark in pairs)
    return value


def ticks(value: str) -> list[tuple[bool, str]]:
    """``☒ Yes ☐ No`` -> [(True, "Yes"), (False, "No")]: each box and the caption after it."""
    value = tick_marks(value)
    options = []
    for match in re.finditer(rf"([{TICK_MARKS}])\s*([^{TICK_MARKS}]*)", value):
        caption = text(match[2]) or ""
        options.append((match[1] not in UNTICKED, caption.rstrip(":/|;, ").strip()))
    return options


_ANY_BOX = re.compile(rf"[{TICK_MARKS}]|[\[(]\s*{_BRACKET_MARK}?\s*[\])]")


def has_boxes(value: str) -> bool:
    """Tick-box glyphs, or boxes drawn as brackets, anywhere in the text."""
    return _ANY_BOX.search(_bullets(value)) is not None


def has_ticks(value: object) -> bool:
    if not isinstance(value, str):
        return False
    return has_boxes(value) or _marked_option(value) != value or _line_marks(value) != value


YES = {"yes", "y", "true", "agreed", "agree", "given", "ticked", "checked", "on", "1"}
NO = {"no", "n", "false", "not agreed", "refused", "declined", "not given", "off", "0"}


_CROSSES = ("✗", "✘", "✕", "✖")


def yes_no(value: str | bool | None) -> bool | None:
    """Yes/no answers and ticked boxes -> True/False; neither box ticked -> None."""
    if isinstance(value, bool) or value is None:
        return value
    if (marked := _marked_caption(value)) is not None:
        return marked
    if value.strip() in _CROSSES:
        return False  # a cross on its own says no; beside a caption it ticks that box
    if value.strip() in ("✓", "✔", "☑", "☒"):
        return True
    if has_ticks(value):
        options = ticks(value)
        chosen = [caption for ticked, caption in options if ticked]
        if len(chosen) != 1:
            return None
        said = yes_no(chosen[0])
        return said if said is not None else chosen_side(chosen[0], [c for _, c in options])
    # Separators left over from an option struck through or deleted ("Yes / ~~No~~").
    word = (text(value) or "").lower().rstrip(".").strip(" /|")
    if word in YES or re.match(r"(?:yes|y)\b(?!\s*/\s*n)", word):
        return True
    if word in NO or re.match(r"(?:no|n)\b(?!\s*/)(?!t\b)", word):
        return False
    return None


_SAYS_NO = re.compile(
    r"\b(?:not|never|refused|refuses|declined|declines|withheld|withdrawn|disagrees?|"
    r"disagreed|objects?|objected|unaware|unwilling|against)\b|n't\b"
)
_SAYS_YES = re.compile(
    r"\b(?:agreed|agrees|agree|consented|consents|given|gave|happy|willing|aware|informed|"
    r"told|knows|accepted|accepts|signed)\b"
)


def chosen_side(chosen: str, captions: list[str]) -> bool | None:
    """Two options worded as a thing and its denial ("Agreement obtained" / "Agreement not
    obtained", "Sharing agreed" / "Sharing refused"): yes for the one, no for the other."""
    if len(captions) != 2 or chosen not in captions:
        return None
    denied = [bool(_SAYS_NO.search(caption.lower())) for caption in captions]
    if denied.count(True) != 1:
        return None
    return not denied[captions.index(chosen)]


def yes_no_in_words(value: str | bool | None) -> bool | None:
    """A consent question answered in a sentence ("Parents agreed when I met them", "The
    family have not been told"), else as ``yes_no`` reads it. Only for questions asked as yes
    or no: in other answers these words mean nothing of the kind."""
    said = yes_no(value)
    if said is not None or not isinstance(value, str) or len(value.split()) > 25:
        return said
    words = value.lower()
    if _SAYS_NO.search(words):
        return False
    return True if _SAYS_YES.search(words) else None


def _marked_caption(value: str) -> bool | None:
    """ "Yes X   No", "Yes   No ✓": a bare mark after a caption chooses it (before the first
    caption, the caption after it)."""
    value = tick_marks(value)
    words = re.findall(r"[A-Za-z]+|[✓✔√☒☑✗✘]", value)
    if len(words) < 3 or {w.lower() for w in words} - {"yes", "no", "x", *"✓✔√☒☑✗✘"}:
        return None
    if any(box in value for box in UNTICKED):
        return None  # boxes on both sides: the glyph before each caption is its box
    marks = [at for at, w in enumerate(words) if w.lower() == "x" or w in "✓✔√☒☑✗✘"]
    if len(marks) != 1:
        return None
    at = marks[0]
    chosen = words[at - 1] if at > 0 else words[at + 1] if at + 1 < len(words) else ""
    return {"yes": True, "no": False}.get(chosen.lower())


def lower(value: str | None) -> str | None:
    value = text(value)
    return value.lower() if value else None


_GENDER_WORDS = {"m": "male", "boy": "male", "f": "female", "girl": "female"}


def gender(value: str | None) -> str | None:
    """Lower case as written, with the letters and words a form uses for the record's own words
    ("M", "Girl") spelt as them."""
    value = lower(value)
    return _GENDER_WORDS.get(value.rstrip("."), value) if value else None
