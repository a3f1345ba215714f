"""Names that form designers give to content controls and PDF form fields, in several house
styles: ``txtChildDOB``, ``Text12``, ``child_first_name``, ``ChildFirstName``, ``Q3a``. The
style is chosen per form from ``styles.CONTROL_TAGS`` / ``styles.ACROFORM_NAMES``."""

from __future__ import annotations

import re

# Shortenings form designers use in field names.
SHORT = {
    "date_of_birth": "DOB",
    "school_or_setting": "School",
    "first_language": "Language",
    "reason_summary": "Reason",
    "intended_outcome": "Outcome",
    "what_has_been_done": "DoneSoFar",
    "child_views": "ChildViews",
    "family_informed": "FamInformed",
    "information_sharing": "InfoShare",
    "lead_professional": "LP",
    "parental_responsibility": "PR",
    "household": "HH",
    "address_with_postcode": "AddressPostcode",
    "full_name": "Name",
}


def words(key: str) -> list[str]:
    parts = []
    for part in key.split("."):
        short = SHORT.get(part)
        parts += [short] if short else [w for w in part.split("_") if w]
    return parts


class Namer:
    """Gives each control or field a unique name in one house style."""

    def __init__(self, style: str):
        self.style = style
        self.count = 0
        self.seen: set[str] = set()

    def __call__(self, key: str) -> str:
        self.count += 1
        style = self.style
        if style in ("opaque TextN with alias", "TextN with tooltip"):
            name = f"Text{self.count + 3}"
        elif style == "FieldN without tooltip":
            name = f"Field{self.count}"
        elif style == "question numbers with alias":
            name = f"Q{self.count}"
        elif style == "camel with a txt prefix":
            name = "txt" + "".join(w[:1].upper() + w[1:] for w in words(key))
        elif style == "pascal case":
            name = "".join(w[:1].upper() + w[1:].lower() for w in key.replace(".", "_").split("_"))
        elif style == "dotted path":
            name = ".".join(
                "".join(w.capitalize() for w in part.split("_")) for part in key.split(".")
            )
        else:  # snake case, and "alias only, no tag" keeps a name for uniqueness only
            name = key.replace(".", "_")
        name = re.sub(r"[^A-Za-z0-9_.]", "", name) or f"f{self.count}"
        base, n = name, 2
        while name in self.seen:
            name, n = f"{base}{n}", n + 1
        self.seen.add(name)
        return name
