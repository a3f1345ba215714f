"""Who made a referral, as the Children in Need census codes it (the DfE's referral source
codes, 1A to 10). Referrers write their role and agency in their own words ("Year 6 teacher,
Oakfield Primary"); the code is read from those words, so the front door can count its
referrals by source without asking again. A word that names a more particular source wins
("school nurse" is health, not a school)."""

from __future__ import annotations

import re
from string import ascii_uppercase

#: code -> its title in the census guide
SOURCE_TITLES = {
    "1A": "Individual: family member, relative or carer",
    "1B": "Individual: acquaintance",
    "1C": "Individual: self",
    "1D": "Individual: other",
    "2A": "Schools",
    "2B": "Education services",
    "3A": "Health services: GP",
    "3B": "Health services: health visitor",
    "3C": "Health services: school nurse",
    "3D": "Health services: other primary health services",
    "3E": "Health services: A&E",
    "3F": "Health services: other",
    "4": "Housing",
    "5A": "Local authority services: social care",
    "5B": "Local authority services: other internal",
    "5C": "Local authority services: external",
    "5D": "Early help",
    "6": "Police",
    "7": "Other legal agency",
    "8": "Other",
    "9": "Anonymous",
    "10": "Unknown",
}

#: the census codes grouped as a dashboard counts them
SOURCE_GROUPS = {
    "1": "Individuals",
    "2": "Schools and education",
    "3": "Health services",
    "4": "Housing",
    "5": "Local authority services",
    "6": "Police",
    "7": "Other legal agencies",
    "8": "Other",
    "9": "Anonymous",
    "10": "Unknown",
}

# (code, words that name it), the most particular first: the first that matches wins
_WORDS = [
    ("3C", r"school nurs\w*"),
    ("3B", r"health visit\w*"),
    ("3A", r"gp|general practi\w*|doctors'? surgery|surgery"),
    ("3E", r"a ?& ?e|a and e|emergency department|accident and emergency"),
    ("3D", r"midwi\w*|dentist|pharmac\w*|practice nurse|community nurs\w*"),
    ("3F", r"nhs|hospital|health|camhs|paediatric\w*|nurse|clinic\w*|mental health"),
    ("5D", r"early help|family hub|children'?s centre|troubled families"),
    ("6", r"police|constable|pc|ds|dc|sergeant|mash police"),
    ("7", r"probation|court|cafcass|youth offending|yot|immigration|prison"),
    ("4", r"housing|homeless\w*|landlord"),
    (
        "2A",
        r"school|academy|primary|secondary|college|nursery|teacher|head ?teacher|dsl|senco"
        r"|designated safeguarding lead|pupil referral unit|pru",
    ),
    ("2B", r"education|learning support|attendance|virtual school|send team"),
    ("5A", r"social care|social work\w*|adult services|children'?s services|leaving care"),
    ("5B", r"council|local authority|borough|county"),
    ("9", r"anonymous"),
    ("1C", r"self|the young person|the child"),
    ("1A", r"mother|father|mum|dad|parent|grand\w+|aunt|uncle|carer|relative|sibling|family"),
    ("1B", r"neighbou?r|friend|child ?minder|acquaintance"),
]
_PATTERNS = [(code, re.compile(rf"\b(?:{words})\b", re.IGNORECASE)) for code, words in _WORDS]


def referral_source(role: str | None, agency: str | None) -> str:
    """The census code for a referrer who gave ``role`` and ``agency``: ``8`` (other) when
    their words name none, ``10`` (unknown) when they gave none."""
    words = " ".join(part for part in (role, agency) if part)
    if not words.strip():
        return "10"
    for code, pattern in _PATTERNS:
        if pattern.search(words):
            return code
    return "8"


def source_group(code: str | None) -> str:
    """The group a code counts in: "3C" -> "3" (health services)."""
    return (code or "10").rstrip(ascii_uppercase) or "10"
