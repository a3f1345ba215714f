"""Fake but realistic families, professionals and their stories: the truth a form is made from.

Everyone is invented: names from many UK communities (with diacritics, hyphens and particles),
Ofcom drama-range phone numbers, ``example.*`` e-mail domains, made-up streets and towns with
well-formed postcodes. The record returned follows ../shared/spec/RECORD.md; what a form leaves
out is dropped later by ``compose``. Values are not split tune/held-out (they are answers, not
wordings), only drawn at random.
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata

# (given names female, given names male, surnames, first language)
CULTURES = {
    "english": (
        ["Chloe", "Amelia", "Jade", "Lauren", "Megan", "Poppy", "Keeley", "Sophie", "Ellie-Mae"],
        ["Liam", "Harvey", "Callum", "Tyler", "Jack", "Reece", "Alfie", "Kai", "Mason"],
        ["Hargreaves", "Whitworth", "Pickering", "Bradshaw-Hill", "Fenwick", "Cole", "Ashworth"],
        "English",
    ),
    "polish": (
        ["Zuzanna", "Małgorzata", "Agnieszka", "Wiktoria", "Łucja"],
        ["Szymon", "Paweł", "Łukasz", "Bartosz", "Jakub"],
        ["Kowalczyk", "Wójcik", "Zieliński", "Dąbrowski", "Lewandowski"],
        "Polish",
    ),
    "irish": (
        ["Aoife", "Siobhán", "Niamh", "Róisín", "Clodagh"],
        ["Pádraig", "Oisín", "Cian", "Seán", "Darragh"],
        ["O'Sullivan", "McCarthy", "de Búrca", "de Paor", "Doherty"],
        "English",
    ),
    "yoruba": (
        ["Adébísí", "Folake", "Titilayo", "Morenike", "Ayomide"],
        ["Olúwaseun", "Babatunde", "Tobiloba", "Adewale", "Kayode"],
        ["Adéyemí", "Okonkwo-Ellis", "Balogun", "Oyelaran", "Adebayo"],
        "Yoruba",
    ),
    "bangladeshi": (
        ["Nusrat", "Sumaiya", "Farzana", "Tahmina", "Rukhsana"],
        ["Abdul", "Rahim", "Shahid", "Imran", "Tanvir"],
        ["Rahman", "Uddin", "Begum", "Chowdhury", "Hossain"],
        "Sylheti",
    ),
    "somali": (
        ["Hodan", "Ayaan", "Fadumo", "Hibaaq", "Sagal"],
        ["Abdirahman", "Mahad", "Liban", "Said", "Omar"],
        ["Warsame", "Farah", "Jama", "Ahmed", "Hassan"],
        "Somali",
    ),
    "romanian": (
        ["Ioana", "Andreea", "Mădălina", "Elena", "Ștefania"],
        ["Andrei", "Ionuț", "Mihai", "Ștefan", "Cătălin"],
        ["Popescu", "Ionescu", "Țurcanu", "Stănescu", "Munteanu"],
        "Romanian",
    ),
    "portuguese": (
        ["Inês", "Beatriz", "Conceição", "Mariana", "Joana"],
        ["João", "Gonçalo", "Tomás", "Rúben", "André"],
        ["Gonçalves", "Simões", "da Silva", "Magalhães", "Sousa"],
        "Portuguese",
    ),
    "turkish": (
        ["Ayşe", "Elif", "Gülşen", "Zeynep", "Büşra"],
        ["Mehmet", "Emre", "Barış", "Çağan", "Oğuz"],
        ["Yılmaz", "Öztürk", "Çelik", "Şahin", "Doğan"],
        "Turkish",
    ),
    "welsh": (
        ["Seren", "Ffion", "Carys", "Angharad", "Eira"],
        ["Rhys", "Dafydd", "Iestyn", "Gethin", "Owain"],
        ["Llewellyn", "ap Rhys", "Pryce-Jones", "Vaughan", "Griffiths"],
        "Welsh",
    ),
}

STREETS = [
    "Larch Close",
    "Tanner's Row",
    "Old Mill Lane",
    "Vicarage Road",
    "Beacon View",
    "Kingfisher Way",
    "St Anne's Court",
    "Quarry Bank",
    "Orchard Rise",
    "Marsh Terrace",
    "Flat 3, Weavers House, Canal Street",
    "Penrhyn Avenue",
    "Brook Meadow",
]
TOWNS = [
    "Amblecote",
    "Northfleet",
    "Hexley",
    "Castleford Green",
    "Upper Marston",
    "Westbury-on-Wye",
    "Tollerton",
    "Ashby Vale",
    "Kirkholme",
    "Penmaen",
    "Stanwick St John",
]
OUTWARD = [
    "HP6",
    "LS9",
    "NG7",
    "B12",
    "M14",
    "SW19",
    "CF24",
    "EX4",
    "NE6",
    "BS5",
    "WV10",
    "L8",
    "DN31",
    "TS1",
    "PL4",
    "S2",
    "LE3",
    "E17",
    "N15",
    "SE18",
]
PHONES = [
    "01632 960{:03d}",
    "020 7946 0{:03d}",
    "0113 496 0{:03d}",
    "0117 496 0{:03d}",
    "0121 496 0{:03d}",
    "0161 496 0{:03d}",
    "0191 498 0{:03d}",
    "07700 900{:03d}",
    "029 2018 0{:03d}",
    "0114 496 0{:03d}",
]

AGENCIES = [
    ("Designated Safeguarding Lead", "{school}", "example.sch.uk"),
    ("Class Teacher", "{school}", "example.sch.uk"),
    ("Head of Year 9", "{school}", "example.sch.uk"),
    ("SENCo", "{school}", "example.sch.uk"),
    ("Health Visitor", "Hexley Community Health Services", "example.nhs.uk"),
    ("School Nurse", "Amblecote 0-19 Public Health Nursing", "example.nhs.uk"),
    ("GP", "Tanner's Row Medical Practice", "example.nhs.uk"),
    ("Midwife", "Northfleet & District NHS Trust – Maternity", "example.nhs.uk"),
    ("Family Support Worker", "Castleford Green Family Hub", "example.gov.uk"),
    ("Early Help Practitioner", "Kirkholme Early Help Team", "example.gov.uk"),
    ("PC", "Westshire Police – Public Protection Unit", "example.police.uk"),
    ("Youth Worker", "Ashby Vale Youth Project (charity)", "example.org.uk"),
    ("Housing Officer", "Tollerton Homes", "example.org.uk"),
    ("Drug and Alcohol Worker", "Upper Marston Recovery Service", "example.org.uk"),
]
PROFESSIONALS = [
    ("Priya", "Shah"),
    ("Gareth", "Lloyd-Evans"),
    ("Joanne", "Mc Kenzie"),
    ("Tomasz", "Nowak"),
    ("Hannah", "Okoro"),
    ("Rebecca", "Thorne"),
    ("Marcus", "Bell"),
    ("Siân", "Pritchard"),
    ("Noor", "Al-Amin"),
    ("Kirsty", "Drummond"),
    ("Emeka", "Nwosu"),
    ("Zoë", "Harrington"),
    ("Dominic", "St. Clair"),
    ("Bethan", "Rees"),
    ("Amira", "El-Sayed"),
    ("Louise", "Fairbairn"),
]
SCHOOLS = {
    "nursery": [
        "Little Acorns Day Nursery",
        "Hexley Children's Centre Nursery",
        "Rainbow Pre-School",
    ],
    "primary": [
        "Woodside Primary School",
        "St Bede's RC Primary",
        "Marsh Lane Infant School",
        "Penmaen Community Primary",
        "Ysgol Gynradd Penmaen",
    ],
    "secondary": [
        "Northfleet Academy",
        "Kirkholme High School",
        "Bishop Rawle C of E School",
        "The Beacon Pupil Referral Unit",
        "Ashby Vale School (SEMH)",
    ],
    "college": ["Hexley College", "Castleford Green Sixth Form"],
}
DISABILITIES = [
    "Autism spectrum condition (diagnosed 2022)",
    "ADHD – on medication",
    "Global developmental delay",
    "Type 1 diabetes",
    "Cerebral palsy; uses a wheelchair",
    "Speech and language delay",
    "Moderate hearing loss, wears hearing aids",
    "Epilepsy",
    "Dyslexia; SEN support in school",
]
ATTACHMENT_FILES = {
    "early_help_assessment": [
        "EHA-{sur}-{date}.pdf",
        "{sur} EHA {year}.docx",
        "Early Help Assessment - {sur}.pdf",
        "CAF_{sur}_{date}.pdf",
    ],
    "early_help_plan": ["EH-plan-{sur}.docx", "{sur} TAF plan v2.docx", "Action plan {sur}.pdf"],
    "ehcp": ["EHCP-{sur}-{year}.pdf", "{sur} EHC Plan final.pdf"],
    "risk_assessment": ["DASH-{sur}.pdf", "Risk assessment {sur} {date}.docx", "RIC_{sur}.pdf"],
    "screening_tool": [
        "Neglect-screening-{sur}.pdf",
        "{sur}_GCP2_screening.pdf",
        "CSE-screening-{sur}.docx",
    ],
    "other": ["Chronology-{sur}.docx", "Attendance {sur} autumn term.pdf", "{sur} GP letter.pdf"],
}

PATHWAY_WEIGHTS = {
    "early_help": 5,
    "section_17": 4,
    "section_47": 4,
    "camhs": 1,
    "sen_assessment": 1,
    "youth_offending": 1,
    "disabled_children": 1,
    "drug_alcohol": 1,
    "paediatric_health": 1,
}
LATIN1_CULTURES = [
    c
    for c, (f, m, s, _) in CULTURES.items()
    if all(n.encode("latin-1", "ignore").decode("latin-1") == n for n in f + m + s)
]


def ascii_name(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain if ch.isalnum())


class People:
    """Draws one family and the professionals around it with one ``random.Random``."""

    def __init__(self, rng: random.Random, latin1: bool = False):
        self.rng = rng
        self.latin1 = latin1

    def culture(self) -> str:
        return self.rng.choice(LATIN1_CULTURES if self.latin1 else list(CULTURES))

    def date_between(self, start: dt.date, end: dt.date) -> dt.date:
        return start + dt.timedelta(days=self.rng.randrange((end - start).days))

    def street(self) -> str:
        street = self.rng.choice(STREETS)
        return street if street.startswith("Flat") else f"{self.rng.randrange(1, 140)} {street}"

    def phone(self) -> str:
        return self.rng.choice(PHONES).format(self.rng.randrange(1000))

    def postcode(self) -> str:
        letters = "ABDEFGHJLNPQRSTUWXYZ"
        return (
            f"{self.rng.choice(OUTWARD)} {self.rng.randrange(10)}"
            f"{self.rng.choice(letters)}{self.rng.choice(letters)}"
        )

    def professional(self, school: str | None) -> dict:
        role, agency, domain = self.rng.choice(AGENCIES)
        if "{school}" in agency:
            agency = school or "Woodside Primary School"
        first, last = self.rng.choice(PROFESSIONALS)
        local = f"{ascii_name(first)}.{ascii_name(last)}".lower()
        return {
            "name": f"{first} {last}",
            "role": role,
            "agency": agency,
            "phone": self.phone(),
            "email": f"{local}@{domain}",
        }

    def family(self, referral_date: dt.date) -> tuple[dict, list[dict], dict]:
        """The child, the household and the names the stories need."""
        rng = self.rng
        female, male, surnames, language = CULTURES[self.culture()]
        surname = rng.choice(surnames)
        gender = rng.choices(["female", "male", "non-binary"], [10, 10, 1])[0]
        first = rng.choice(female if gender == "female" else male)
        age_days = rng.randrange(200, 17 * 365)
        dob = referral_date - dt.timedelta(days=age_days)
        stage = (
            "nursery"
            if age_days < 4 * 365
            else "primary"
            if age_days < 11 * 365
            else "secondary"
            if age_days < 16 * 365
            else "college"
        )
        child = {
            "first_name": first,
            "last_name": surname,
            "date_of_birth": dob.isoformat(),
            "gender": gender,
            "address": f"{self.street()}, {rng.choice(TOWNS)}",
            "postcode": self.postcode(),
            "school_or_setting": rng.choice(SCHOOLS[stage]),
            "first_language": language if rng.random() < 0.7 else "English",
            "disability": rng.choice(DISABILITIES),
        }
        mother_born = dob - dt.timedelta(days=rng.randrange(18 * 365, 40 * 365))
        members = [
            {
                "name": f"{rng.choice([n for n in female if n != first])} {surname}",
                "relationship": "mother",
                "date_of_birth": mother_born.isoformat(),
                "parental_responsibility": True,
            }
        ]
        other_female, other_male, other_surnames, _ = CULTURES[self.culture()]
        adult = rng.choice(
            ["father", "stepfather", "mother's partner", "maternal grandmother", "none", "father"]
        )
        if adult == "father":
            members.append(
                self.member(
                    f"{rng.choice([n for n in male if n != first])} {surname}",
                    "father",
                    dob,
                    20,
                    45,
                    True,
                )
            )
        elif adult == "maternal grandmother":
            members.append(
                self.member(
                    f"{rng.choice(female)} {rng.choice(surnames)}",
                    adult,
                    dob,
                    38,
                    65,
                    rng.random() < 0.3,
                )
            )
        elif adult != "none":
            members.append(
                self.member(
                    f"{rng.choice(other_male)} {rng.choice(other_surnames)}",
                    adult,
                    dob,
                    20,
                    45,
                    False,
                )
            )
        taken = {first} | {m["name"].split()[0] for m in members}
        for _ in range(rng.choice([0, 1, 1, 2, 3])):
            relationship = rng.choice(
                ["sister", "brother", "half-sister", "half-brother", "sibling", "stepsister"]
            )
            pool = male if relationship in ("brother", "half-brother") else female
            if relationship == "sibling":
                pool = female + male
            pool = [name for name in pool if name not in taken]
            if not pool:
                break
            given = rng.choice(pool)
            taken.add(given)
            earliest = max(
                dob - dt.timedelta(days=8 * 365), mother_born + dt.timedelta(days=17 * 365)
            )
            born = self.date_between(earliest, referral_date - dt.timedelta(days=30))
            members.append(
                {
                    "name": f"{given} {surname}",
                    "relationship": relationship,
                    "date_of_birth": born.isoformat(),
                    "parental_responsibility": False,
                }
            )
        names = {
            "child": first,
            "parent": members[0]["name"].split()[0],
            "sib": next(
                (
                    m["name"].split()[0]
                    for m in members[1:]
                    if m["parental_responsibility"] is False
                    and m["relationship"] not in ("maternal grandmother",)
                ),
                "the baby",
            ),
            "sur": ascii_name(surname),
        }
        return child, members, names

    def member(self, name, relationship, child_dob, older_min, older_max, pr) -> dict:
        born = child_dob - dt.timedelta(days=self.rng.randrange(older_min * 365, older_max * 365))
        return {
            "name": name,
            "relationship": relationship,
            "date_of_birth": born.isoformat(),
            "parental_responsibility": pr,
        }

    def attachments(self, names: dict, referral_date: dt.date) -> list[dict]:
        kinds = self.rng.sample(list(ATTACHMENT_FILES), self.rng.choice([1, 1, 2, 2, 3]))
        return [
            {
                "kind": kind,
                "filename": self.rng.choice(ATTACHMENT_FILES[kind]).format(
                    sur=names["sur"], date=referral_date.isoformat(), year=referral_date.year
                ),
            }
            for kind in kinds
        ]
