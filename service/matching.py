"""Is this the same child? A tolerant match on name, date of birth and postcode, so that one
child does not get a second open CAF because a name was spelt or ordered differently."""

import unicodedata

from rapidfuzz import fuzz

NAME_SIMILARITY = 85


def _normal(text: str | None) -> str:
    decomposed = unicodedata.normalize("NFKD", text or "")
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(letters.casefold().replace("-", " ").replace("'", "").split())


def _postcode(text: str | None) -> str:
    return "".join((text or "").split()).upper()


def same_child(one: dict, other: dict) -> bool:
    """``one`` and ``other`` are record ``child`` parts; True when they are likely one child."""
    name_one = _normal(f"{one.get('first_name', '')} {one.get('last_name', '')}")
    name_other = _normal(f"{other.get('first_name', '')} {other.get('last_name', '')}")
    if not name_one or not name_other:
        return False
    names_alike = fuzz.token_sort_ratio(name_one, name_other) >= NAME_SIMILARITY
    born_one, born_other = one.get("date_of_birth"), other.get("date_of_birth")
    if born_one and born_other:
        return str(born_one) == str(born_other) and names_alike
    same_postcode = bool(_postcode(one.get("postcode"))) and (
        _postcode(one.get("postcode")) == _postcode(other.get("postcode"))
    )
    return same_postcode and names_alike
