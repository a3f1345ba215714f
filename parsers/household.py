"""Who lives with the child, from a household written any way: a grid in any column order or
turned on its side, numbered fields (``hh1_name``), or lines of prose ("Mother: Jane Smith, born
01/02/1985, has PR", "Sam Smith (brother, 12/05/2016)", one person to a paragraph).

Each person is found by what validates itself (a date, a word for a relationship, a phrase
about parental responsibility); what is left, in capitals, is the name."""

from __future__ import annotations

import re

from parsers import labels, normalise

RELATIONSHIPS: list[str] = sorted(labels.RELATIONSHIPS, key=len, reverse=True)
# Words around a relationship that qualify it: "Birth mother", "Nan (maternal)", "1/2 sister".
_QUALIFIER = (
    r"(?:birth|biological|natural|full|half|step|maternal|paternal|same parents|"
    r"(?:mum|mother|dad|father)['’]s side)"
)
_RELATIONSHIP = re.compile(
    rf"(?<![\w-])((?:{_QUALIFIER}[ -]|1/2 ?)?(?:"
    + "|".join(re.escape(word) for word in RELATIONSHIPS)
    + rf")(?:\s*\({_QUALIFIER}\))?)(?![\w-])",
    re.IGNORECASE,
)
_LETTERS = re.compile(r"[^\W\d_]+")


def _words_by_first() -> dict[str, list[frozenset[str]]]:
    """The words of each relationship, by its first: a text without all the words of one names
    no relationship, found without trying the pattern at every character (the commonest case)."""
    found: dict[str, list[frozenset[str]]] = {}
    for relationship in RELATIONSHIPS:
        words = _LETTERS.findall(relationship.casefold())
        found.setdefault(words[0], []).append(frozenset(words))
    return found


_WORDS_BY_FIRST = _words_by_first()


def _relationship_in(text: str) -> re.Match | None:
    """The first relationship a text names, with its qualifiers."""
    words = set(_LETTERS.findall(text.casefold()))
    if not any(
        needed <= words
        for first in words.intersection(_WORDS_BY_FIRST)
        for needed in _WORDS_BY_FIRST[first]
    ):
        return None
    return _RELATIONSHIP.search(text)


_NO_PR = re.compile(
    r"\b(?:no|not|without|does not have|doesn't have|hasn't)\b[^,;.]*?"
    r"\b(?:pr|parental responsibility)\b|\bpr\s*[:=-]?\s*(?:no|n)\b|"
    r"\bparental responsibility\s*[:=-]?\s*(?:no|n)\b",
    re.IGNORECASE,
)
_PR = re.compile(r"\b(?:pr|parental responsibility)\b", re.IGNORECASE)
# Words around a person's details that are not their name.
_NOISE = re.compile(
    r"\b(?:name|full name|relationship(?: to (?:the )?(?:child|young person))?|date of birth|"
    r"birth date|d\.?o\.?b\.?|born|b\.|aged?|years?|yrs|has|have|holds?|with|and|pr|"
    r"parental responsibility|yes|no|y|n|n/a|unknown|lives? (?:at home|here|with)|"
    r"not known|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
    re.IGNORECASE,
)


_UNKNOWN_BIRTH = re.compile(
    r"[\s,;(\-–]*\b(?:(?:d\.?\s?o\.?\s?b\.?|date of birth|birth date|born)\s*:?\s*)?"
    r"(?:not (?:given|known|stated|provided)|unknown|n/?k)\b[.)]*\s*$",
    re.IGNORECASE,
)


def member(cells: dict[str, object]) -> dict | None:
    """A person from answers already sorted into columns, or None without a name."""
    name = _text(cells.get("name")) or " ".join(
        part for part in (_text(cells.get("first_name")), _text(cells.get("last_name"))) if part
    )
    if name and "\n" in name.strip():
        # "Jane Smith\n24-Mar-91", "Jane Smith\nnot known": the birth date (or a note) under
        # the name, in its cell
        name, _, under = name.strip().partition("\n")
        if not cells.get("date_of_birth") and (born := normalise.find_date(under)):
            cells = {**cells, "date_of_birth": born[0]}
    if name:
        name = _UNKNOWN_BIRTH.sub("", name)  # "Jane Smith d.o.b. not given": a note, not a name
    if name and (born := normalise.find_date(name)):
        # No name holds a date: one run on after it ("Jane Smith 24-Mar-91") is the birth date.
        name = name.replace(born[1], " ").strip(" ,;()-–")
        if not cells.get("date_of_birth"):
            cells = {**cells, "date_of_birth": born[0]}
    person = {
        "name": normalise.person_name(name or None),
        "relationship": relationship(_text(cells.get("relationship"))),
        "date_of_birth": normalise.date(_text(cells.get("date_of_birth"))),
        "parental_responsibility": normalise.yes_no(cells.get("parental_responsibility")),
    }
    said = _text(cells.get("parental_responsibility"))
    if person["parental_responsibility"] is None and said:  # "PR", "no PR" in the column
        person["parental_responsibility"] = _responsibility(said)
    born = cells.get("date_of_birth")
    if person["date_of_birth"] is None and (found := normalise.find_date(born)):
        person["date_of_birth"] = found[0]
    return person if person["name"] else None


# Words a form uses for one of the people in a household, before their number ("Person 2",
# "Adult 1 – DOB", "Individual 1 at the address").
PERSON_WORD = (
    r"(?:(?:family|household) member|person|adult|child|member|individual|occupant|sibling|"
    r"parent|carer)"
)

_SAID_AS = {said: word for word, saids in labels.RELATIONSHIP_WORDS.items() for said in saids}
_SIDE = {
    "maternal": re.compile(r"\bmaternal\b|\b(?:mum|mother|mam)'s (?:side|mum|mother|dad|father)\b"),
    "paternal": re.compile(r"\bpaternal\b|\b(?:dad|father)'s (?:side|mum|mother|dad|father)\b"),
}
_HALF = re.compile(r"\bhalf\b|1/2")
_STEP = re.compile(r"\bstep\b")
# Words that say nothing the record keeps: a birth mother is the mother, a full sister the sister.
_SAYS_NOTHING = re.compile(
    r"\b(?:birth|biological|natural|full|same parents|side|"
    r"(?:mum|mother|mam|dad|father)'s (?:mum|mother|dad|father))\b"
)
# Said beside a relationship, not part of it: parental responsibility, whose it is, where they live.
_ASIDE_WORDS = re.compile(
    r"\b(?:has|holds|with|no|without|not)?\s*(?:pr|parental responsibility)\b"
    r"(?:\s*[:=-]?\s*(?:yes|no|y|n)\b)?|\bchild's\b|\b(?:of|to) (?:the )?(?:child|young person)\b|"
    r"\bmain carer\b|\blives? (?:at home|with (?:the )?child|in|out|elsewhere)\b"
)
_KNOWN_WORD = re.compile(
    r"(?<![\w'-])("
    + "|".join(
        re.escape(word)
        for word in sorted({*labels.RELATIONSHIPS, *_SAID_AS}, key=len, reverse=True)
    )
    + r")(?![\w'-])"
)
_WHOSE_PARTNER = re.compile(r"^(\w+)'s (partner|boyfriend|girlfriend)$|^(partner) of (\w+)$")
_STEPPED = ("mother", "father", "sister", "brother", "sibling", "parent", "son", "daughter")
_HALVED = ("sister", "brother", "sibling")
_SIDED = ("grandmother", "grandfather", "grandparent", "aunt", "uncle")


def relationship(said: str | None) -> str | None:
    """The record's word for a relationship however a family says it ("Mum" -> ``mother``,
    "Step-dad" -> ``stepfather``, "Sister (half)" -> ``half-sister``, "Nan (maternal)" ->
    ``maternal grandmother``); a relationship it does not know, lower case as written."""
    written = normalise.lower(said)
    if not written:
        return None
    text = written.replace("’", "'")
    side = next((name for name, pattern in _SIDE.items() if pattern.search(text)), "")
    half = bool(_HALF.search(text))
    text = _HALF.sub(" ", text.replace("step-", "step ").replace("step", "step "))
    step = bool(_STEP.search(text))
    for pattern in (*_SIDE.values(), _STEP, _SAYS_NOTHING):
        text = pattern.sub(" ", text)
    text = _ASIDE_WORDS.sub(" ", text)
    text = " ".join(re.sub(r"[()\[\],;:–-]", " ", text).split())
    if whose := _WHOSE_PARTNER.match(text):
        owner = whose[1] or whose[4]
        return f"{_SAID_AS.get(owner, owner)}'s partner"
    base = _SAID_AS.get(text, text)
    if base not in labels.RELATIONSHIPS and (inside := _KNOWN_WORD.search(text)):
        base = _SAID_AS.get(inside[1], inside[1])  # "mother / main carer", "sibling (brother)"
    if step and base in _STEPPED:
        return f"step{base}"
    if half and base in _HALVED:
        return f"half-{base}"
    if side and base in _SIDED:
        return f"{side} {base}"
    if step or half or side or base not in labels.RELATIONSHIPS:
        return written if base not in labels.RELATIONSHIPS else base
    return base


def distinct(people: list[dict]) -> list[dict]:
    """Each person once, where a form names them twice (a grid and a line of prose)."""
    seen: set[str] = set()
    kept = []
    for person in people:
        key = " ".join(person["name"].casefold().split())
        if key not in seen:
            seen.add(key)
            kept.append(person)
    return kept


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def columns_of(cells: list[str]) -> list[str | None]:
    """Which household column each header cell names ("Name and date of birth" is the name's,
    the date being read out of it)."""
    return [_column_of(cell) for cell in cells]


def _column_of(title: str) -> str | None:
    column = labels.option_in(title, labels.HOUSEHOLD_COLUMNS)
    if column == "date_of_birth" and re.search(r"\bnames?\b", title, re.IGNORECASE):
        return "name"
    return column


def is_household_header(cells: list[str]) -> bool:
    """Titles naming a person and something more of them than their name (a child's first
    name and surname alone are no household)."""
    columns = set(columns_of(cells)) - {None}
    named = "name" in columns or {"first_name", "last_name"} <= columns
    if "relationship" not in columns and any(labels.subject_in(c)[0] == "child" for c in cells):
        return False  # "Child's surname | Forename(s) | Date of birth": the child's own details
    return named and bool(columns - {"name", "first_name", "last_name"})


def from_grid(header: list[str], rows: list[list[str]]) -> list[dict]:
    """People from a grid: one person a row under a header row, or, turned on its side, one
    person a column beside a column of headers."""
    if is_household_header(header):
        columns = columns_of(header)
        return [person for row in rows if (person := member(dict(zip(columns, row, strict=False))))]
    grid = [header, *rows]
    side = [row[0] if row else "" for row in grid]
    if not is_household_header(side):
        return []
    columns = columns_of(side)
    width = max(len(row) for row in grid)
    people = []
    for position in range(1, width):
        cells = {
            column: row[position] if position < len(row) else None
            for column, row in zip(columns, grid, strict=True)
            if column
        }
        if person := member(cells):
            people.append(person)
    return people


_LIVE_IN = re.compile(r"\blive[- ]in\s+", re.IGNORECASE)  # "mum's live-in partner"


def from_text(text: str, said: str | None = None) -> dict | None:
    """One person from a line of prose; ``said`` is the relationship when a label said it
    ("Mother:")."""
    text = _LIVE_IN.sub("", normalise.text(text) or "")
    if not text:
        return None
    rest = text
    born = normalise.find_date(rest)
    if born:
        rest = rest.replace(born[1], " ")
    if said is None and (found := _relationship_in(rest)):
        said = found[1]
        rest = rest[: found.start()] + " " + rest[found.end() :]
    responsibility = _responsibility(rest)
    name = _name_in(rest)
    if not name or not (born or said):  # a name alone may be anyone mentioned
        return None
    return {
        "name": name,
        "relationship": relationship(said),
        "date_of_birth": born[0] if born else None,
        "parental_responsibility": responsibility,
    }


def _responsibility(text: str) -> bool | None:
    """Whether a person's details say they have parental responsibility ("has PR", "no PR")."""
    if _NO_PR.search(text):
        return False
    return True if _PR.search(text) else None


def _name_in(text: str) -> str | None:
    """The run of capitalised words left once the details are taken out."""
    text = re.sub(r"\(.*?\)", lambda inside: " " if inside[0].count(" ") > 3 else inside[0], text)
    text = _NOISE.sub(" ", text)
    parts = [part.strip(" ,;:()-–.") for part in re.split(r"[,;:()\n]|\s[-–]\s", text)]
    for part in parts:
        words = [word for word in part.split() if word]
        if words and words[0][0].isupper() and all(_in_name(word) for word in words):
            return normalise.person_name(" ".join(words))
    # Else a name of two or more words inside a part ("Mother is Jane Smith").
    for part in parts:
        run: list[str] = []
        for word in [*part.split(), "."]:
            if _in_name(word) and (run or word[0].isupper()):
                run.append(word)
                continue
            if len(run) >= 2 and run[-1][0].isupper():
                return normalise.person_name(" ".join(run))
            run = []
    return None


# Lower-case words that belong inside surnames ("João da Silva", "Ffion ap Rhys").
_PARTICLES = {
    "da",
    "de",
    "di",
    "do",
    "dos",
    "das",
    "du",
    "del",
    "della",
    "van",
    "von",
    "der",
    "den",
    "le",
    "la",
    "ap",
    "bin",
    "binti",
    "al",
    "el",
    "ter",
    "ten",
    "y",
}


def _in_name(word: str) -> bool:
    return word[0].isupper() or word[0] in "'’" or word in _PARTICLES


def says_relationship(text: str) -> bool:
    """Does a text name a relationship anywhere ("… (mother, 01/02/1985)")?"""
    return _relationship_in(text) is not None


def relationship_of(label: str) -> str | None:
    """The relationship a label is ("Mother", "Step-father", "Sibling 2"), else None."""
    words = re.sub(r"\d+", " ", label).strip(" :.-–•*·")
    found = _RELATIONSHIP.fullmatch(words)
    return found[1] if found else None


def _relationship_last(label: str) -> str | None:
    """The relationship that ends a label run on from a heading ("Parents, carers and household
    members Mother – Lauren Cole …")."""
    found = [*_RELATIONSHIP.finditer(label)]
    last = found[-1] if found else None
    return last[1] if last and not label[last.end() :].strip(" :.-–") else None


def from_lines(label: str, value: str) -> list[dict]:
    """People from an answer under a household heading: the label's line and any further
    lines, each a person ("Mother: Jane Smith, 01/02/1985" then "Sam (brother, 2016)")."""
    text = normalise.text(value) or ""
    lines = [part for line in text.splitlines() for part in _run_on(line)]
    by_line = _people(label, lines)
    # People run on in one answer with semicolons between them, when each part is a person
    # (not "Jane Smith; DOB 01/02/1985; has PR", one person's details).
    parts = [part for part in re.split(r"\n|;\s*", text) if part.strip()]
    if len(parts) > len(by_line) and len(by_line) <= 1:
        by_part = _people(label, parts)
        if len(by_part) == len(parts):
            return by_part
    return by_line


def _people(label: str, lines: list[str]) -> list[dict]:
    if not lines:
        return []
    said = relationship_of(label) or _relationship_last(label)
    people = []
    if said:
        first = from_text(lines[0], said)
    elif (
        label.count("(") <= label.count(")")
        and (alone := from_text(label))
        and alone["relationship"]
        and (first := from_text(lines[0]))
    ):
        people.append(alone)  # the first person read as the label of the next
    elif label.count("(") > label.count(")") or from_text(label):
        # "Jane Smith (mother, PR: yes)", "Mum is Jane Smith (DOB …) – PR: yes" cut at a colon
        first = from_text(f"{label}: {lines[0]}")
    else:
        first = from_text(lines[0])
    if first:
        people.append(first)
    for line in lines[1:]:
        line_label, colon, line_value = line.partition(":")
        if colon and (line_said := relationship_of(line_label)):
            person = from_text(line_value, line_said)
        else:
            person = from_text(line)
        if person:
            people.append(person)
    return people


# Where one person's details end and the next's begin on a line that runs people on: before a
# relationship that leads ("Mother is Jane Smith (…) Brother is Sam …"), or after a bracket
# that closes a person's details ("Jane Smith (mother, …), Sam Smith (brother, …)").
_AFTER_DETAILS = re.compile(r"(?<=[)\]])\s*(?:,|\band\b|&)?\s*(?=\S)")


_LIVES_WITH = re.compile(
    r"^[^,;:()]*?\b(?:lives?|living|resides?|residing|stays?|staying)\s+with\b\s*:?\s*",
    re.IGNORECASE,
)
_LISTED = re.compile(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*")  # "A, B and C"


def _run_on(line: str) -> list[str]:
    """A line naming several people, as one part each; else the line."""
    line = _LIVES_WITH.sub("", line)  # "Sam lives with mum Jane Smith, …": the people follow
    leads = [found.start() for found in _RELATIONSHIP.finditer(line)]
    if len(leads) < 2:
        return [line]
    cuts = [0, *leads[1:], len(line)]
    ways = [
        [part for part in line.split(";") if part.strip()],
        [part for part in _AFTER_DETAILS.split(line) if part.strip()],
        [part for part in _LISTED.split(line) if part.strip()],
    ]
    if not line[: leads[0]].strip(" -–•*·"):  # each person led by their relationship
        ways.insert(1, [line[start:end] for start, end in zip(cuts, cuts[1:], strict=False)])
    for parts in ways:
        people = [from_text(part) for part in parts]
        if len(parts) >= 2 and all(person and person["relationship"] for person in people):
            return parts
    return [line]


def lists_people(value: str) -> bool:
    """An answer written as "Mother: Jane Smith, 01/02/1985" lines, or naming two or more
    people each with a relationship and a date of birth, whatever its label says."""
    lines = (normalise.text(value) or "").splitlines()
    said = [line for line in lines if ":" in line and relationship_of(line.partition(":")[0])]
    if said and len(said) * 2 >= len(lines):
        return True
    if len(lines) >= 2 and all(
        (person := from_text(line)) and person["relationship"] for line in lines
    ):
        return True  # a person a line, each with a relationship ("- Jane Smith, mother, NK")
    if not _relationship_in(value) or normalise.find_date(value) is None:
        return False  # (cheaply) no one with a relationship and a birth date
    people = from_lines("", value)
    return len(people) >= 2 and all(p["relationship"] and p["date_of_birth"] for p in people)
