"""Is this the same child? A tolerant match on name, date of birth and postcode, so that one
child does not get a second open CAF because a name was spelt or ordered differently, a date was
written the other way round, or only one half of a double-barrelled surname was given.

It stays strict where a family has several children: a different birthday is a different child,
and twins (one surname, one birthday) differ in their first names. First names are allowed the
same typing slip as surnames (Jayden, Jaden): a missed duplicate means two open CAFs, while twins
named a letter apart are only asked about, and "a different child" lets the second one go on."""

import unicodedata
from datetime import date

from rapidfuzz.distance import OSA


def _normal(text: str | None) -> str:
    decomposed = unicodedata.normalize("NFKD", text or "")
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(letters.casefold().replace("-", " ").replace("'", "").split())


def _postcode(text: str | None) -> str:
    return "".join((text or "").split()).upper()


def _alike(one: str, other: str) -> bool:
    """Names agree despite a typing slip (a letter wrong, missing, extra, or two swapped) in
    four letters or more, two slips in eight or more; shorter ones must agree exactly."""
    shortest = min(len(one), len(other))
    slips = 0 if shortest < 4 else 1 if shortest < 8 else 2
    return OSA.distance(one, other) <= slips


def _surnames_alike(one: str, other: str) -> bool:
    """Every part of the shorter surname is a part of the longer one: "Okafor-Smith" is the same
    family name as "Okafor" or "Smith", but not as "Smith-Jones"."""
    shorter, longer = sorted((one.split(), other.split()), key=len)
    return all(any(_alike(part, whole) for whole in longer) for part in shorter)


def _names_alike(one: dict, other: dict) -> bool:
    first, last = _normal(one.get("first_name")), _normal(one.get("last_name"))
    first_other, last_other = _normal(other.get("first_name")), _normal(other.get("last_name"))
    if not (first and last and first_other and last_other):
        return False
    in_order = _alike(first, first_other) and _surnames_alike(last, last_other)
    swapped = _alike(last, first_other) and _surnames_alike(first, last_other)
    return in_order or swapped


def _birthday(value) -> date | str | None:
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return text  # not a date: it can still be the same text


def birthday_readings(value) -> set:
    """The date of birth and, when it can be read so, the one with day and month swapped: 9 March
    and 3 September are one date written in the British and the American order."""
    born = _birthday(value)
    if not isinstance(born, date):
        return {born}
    try:
        return {born, born.replace(month=born.day, day=born.month)}
    except ValueError:  # a day after the 12th cannot be a month
        return {born}


def same_child(one: dict, other: dict) -> bool:
    """``one`` and ``other`` are record ``child`` parts; True when they are likely one child."""
    if not _names_alike(one, other):
        return False
    born_one, born_other = _birthday(one.get("date_of_birth")), other.get("date_of_birth")
    if born_one and _birthday(born_other):
        return born_one in birthday_readings(born_other)
    postcode = _postcode(one.get("postcode"))
    return bool(postcode) and postcode == _postcode(other.get("postcode"))


def name_matches(query: str, first_name: str | None, last_name: str | None) -> bool:
    """A search for a child by name, as staff type it: each word of ``query`` is one of the
    child's names (either part of a double-barrelled one) despite a typing slip, or the start of
    one ("Oka"). "Maya Okafor" finds Maia Okafor-Smith; accents and case do not matter."""
    words = _normal(query).split()
    names = _normal(f"{first_name or ''} {last_name or ''}").split()
    return bool(words) and all(
        any(_alike(word, name) or (len(word) >= 3 and name.startswith(word)) for name in names)
        for word in words
    )
