"""The probe split's composer: the tune / held-out ``Composer`` with every choice redirected to
the probe banks (``split.Chooser`` does that by bank name), plus the answer styles and shapes only
probe forms use: new date styles, yes / no answers written as sentences, "delete as applicable"
or Y / N / N/K boxes, new tick glyphs, household tables with gender, occupation / school or
"known to services" columns and fixed blank rows, separate parents / children tables, a whole
household in one semicolon-separated answer, and attachments as a yes / no question with a
bulleted list, a four-column table or a numbered answer box.

Households are also written a person to a paragraph or line in prose, as numbered lists, as
"Person 1, Person 2" blocks of labelled answers, as sideways tables (a column per person), as
tables with the date of birth or the relationship first, an age, ethnicity or "lives at the same
address?" column, surname and forename(s) apart, or numbered blank rows with a note to continue
on a separate sheet, and as adults and children under two headings; relationships as the family
say them ("Mum", "Step-dad", "Nan (maternal)"; the record keeps the contract's word, ``mother``),
dates of birth in further styles. Enclosures are also written as tick boxes or a tick list of
every kind of document with the file beside the ticked ones, "Enclosures:" lines closing a
letter-like section, a "documents enclosed" table with an attached Y / N column (unticked rows
are not attachments), a sentence, a yes / no tick question with the list after it, and a numbered
or dashed "please list any reports" answer."""

from __future__ import annotations

import datetime as dt

from tests.parsers.generator import probe_wordings as pw
from tests.parsers.generator.compose import Choice, Composer, Field, Grid, Lines, Section, put
from tests.parsers.generator.people import CULTURES

ADULTS = ("mother", "father", "stepfather", "mother's partner", "maternal grandmother")
FEMALE = ("mother", "maternal grandmother", "sister", "half-sister", "stepsister")
MALE = ("father", "stepfather", "mother's partner", "brother", "half-brother")
OCCUPATIONS = ("Unemployed", "Works part-time", "Full-time carer", "N/K", "Self-employed", "")
KNOWN = ("School", "Health visitor", "None known", "", "", "GP only", "Police (2023)")
# The household shapes the first probe composer drew; the others are ``household_written``'s.
FIRST_HOUSEHOLD_SHAPES = (
    "table with gender",
    "parents/carers table",
    "everyone in one answer box",
    "table with a 'known to services' column",
)
FIRST_ATTACHMENT_SHAPES = ("table: ref", "yes/no question, then a bulleted", "one answer box")
# Ethnicity as a family might describe it, by the culture a surname comes from (values, not
# wordings: answers on the form, like the occupations above).
ETHNICITIES = {
    "english": ("White British", "White – English", "White British"),
    "polish": ("White – Polish", "White Other (Polish)", "White – any other"),
    "irish": ("White Irish", "White – Irish", "Irish"),
    "yoruba": ("Black African", "Black British – African", "Black – Nigerian"),
    "bangladeshi": ("Asian – Bangladeshi", "British Bangladeshi", "Asian or Asian British"),
    "somali": ("Black African (Somali)", "Somali", "Black – African"),
    "romanian": ("White – Romanian", "White Other European", "White Other"),
    "portuguese": ("White – Portuguese", "White Other", "White European"),
    "turkish": ("Turkish", "White – Turkish", "Any other ethnic group (Turkish)"),
    "welsh": ("White Welsh", "White British", "White – Welsh"),
}


def culture_of(name: str) -> str | None:
    surname = name.partition(" ")[2]
    return next((c for c, (_, _, names, _) in CULTURES.items() if surname in names), None)


def ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def age_at(born: dt.date, on: dt.date) -> str:
    """Age in years, or in months under one, as a worker writes it."""
    years = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    if years >= 1:
        return str(years)
    months = (on.year - born.year) * 12 + on.month - born.month - (on.day < born.day)
    return f"{max(months, 0)} months"


def write_date(date: dt.date, style: str) -> str:
    d, m, y = date.day, date.month, date.year
    month, mon = date.strftime("%B"), date.strftime("%b")
    return {
        "d/m/yy": f"{d}/{m}/{y % 100:02}",
        "dd Month yyyy": f"{d:02} {month} {y}",
        "d Mon. yyyy": f"{d} {mon}. {y}",
        "dd.mm.yy": f"{d:02}.{m:02}.{y % 100:02}",
        "dd mm yyyy, spaced": f"{d:02} {m:02} {y}",
        "Weekday d Month yyyy": f"{date.strftime('%A')} {d} {month} {y}",
        "dd/Mon/yyyy": f"{d:02}/{mon}/{y}",
        "d Month yyyy in capitals": f"{d} {month.upper()} {y}",
    }[style]


def write_birth_date(date: dt.date, style: str, on: dt.date) -> str:
    """A date of birth in a household list's own style (or the form's, ``write_date``)."""
    d, m, y = date.day, date.month, date.year
    if style == "d.m.yy, no leading zeros":
        return f"{d}.{m}.{y % 100:02}"
    if style == "dd-mm-yyyy with hyphens":
        return f"{d:02}-{m:02}-{y}"
    if style == "ordinal d Month yyyy":
        return f"{ordinal(d)} {date.strftime('%B')} {y}"
    if style == "d/m/yyyy, no leading zeros":
        return f"{d}/{m}/{y}"
    if style == "dd/mm/yyyy (age n)":
        return f"{d:02}/{m:02}/{y} (age {age_at(date, on)})"
    if style == "d Mon yy, short year":
        return f"{d} {date.strftime('%b')} {y % 100:02}"
    return write_date(date, style)


def in_a_sentence(words: str) -> str:
    """A document's name as written mid-sentence: "Case chronology" -> "case chronology", but
    "Early Help plan and review" and "EHA form" keep their capitals."""
    first, *rest = words.split(" ")
    named = any(w[:1].isupper() and not w.isupper() for w in rest)
    if named or first.isupper() or not first[1:].islower():
        return words
    return first[0].lower() + first[1:] + "".join(" " + w for w in rest)


class ProbeComposer(Composer):
    """``SPLIT`` names the split composed, ``W`` the wordings module whose banks the probe shapes
    ask for (a later split's composer subclasses this with its own), ``WRITE_DATE`` writes a date
    in one of the split's date styles."""

    SPLIT = "probe"
    W = pw
    WRITE_DATE = staticmethod(write_date)

    def __init__(self, split: str, seed: str, family: str):
        if split != self.SPLIT:
            raise ValueError(f"{type(self).__name__} composes {self.SPLIT} forms only")
        super().__init__(split, seed, family)
        self.form_date = dt.date(2025, 6, 1)

    def compose(self):
        form = super().compose()
        form.date_style = self.date_style  # the date controls' display format follows it
        return form

    def date(self, iso: str) -> str:
        return self.WRITE_DATE(dt.date.fromisoformat(iso), self.date_style)

    def yes_no(self, style: str, key: str, label: str, value: bool) -> Field | Choice:
        if style == "a sentence in the worker's own words":
            yes, no = self.ch.pick(self.W.YES_NO_SENTENCES[key]).split(" | ")
            return Field(key, label, yes if value else no)
        if style == "tick boxes Y, N, N/K":
            return Choice(key, label, [("Y", value), ("N", not value), ("N/K", False)])
        if style == "Yes or No left, question says delete as applicable":
            return Field(
                key, f"{label} {self.ch.pick(self.W.YES_NO_DELETE)}", "Yes" if value else "No"
            )
        yes, no = self.ch.pick(self.W.YES_NO_NOTES).split(" | ")
        return Field(key, label, f"YES – {yes}" if value else f"NO – {no}")

    def ticks(self) -> tuple[str, str]:
        on, off = self.ch.pick(self.W.TICK_GLYPHS).split(" | ")
        return on, "" if off == "(nothing)" else off

    # -- households ----------------------------------------------------------------------------

    def household(self, members: list[dict]) -> Section:
        section = Section("household", self.ch.pick(self.W.HEADINGS["household"]))
        shape = self.ch.pick(self.W.HOUSEHOLD_SHAPES)
        if not shape.startswith(FIRST_HOUSEHOLD_SHAPES):
            return self.household_written(section, shape, members)
        one_box = shape.startswith("everyone in one answer box")
        show_pr = not one_box and self.ch.chance(0.7)
        truth = []
        for member in members:
            known = self.ch.chance(0.95)
            entry = dict(member, date_of_birth=member["date_of_birth"] if known else None)
            if not show_pr:
                entry.pop("parental_responsibility")
            truth.append(entry)
        put(self.expected, "household_members", truth)
        capital = self.ch.chance(0.6)
        unknown = self.ch.pick(self.W.HOUSEHOLD_UNKNOWN)

        def rel(member: dict) -> str:
            word = member["relationship"]
            return word[0].upper() + word[1:] if capital else word

        def dob(member: dict) -> str:
            return self.date(member["date_of_birth"]) if member["date_of_birth"] else unknown

        if one_box:
            template = self.ch.pick(self.W.HOUSEHOLD_LINES)
            phrases = [
                template.format(name=m["name"], rel=m["relationship"], Rel=rel(m), dob=dob(m))
                for m in truth
            ]
            section.items.append(Field("household", section.heading, "; ".join(phrases), True))
            section.heading = None
            return section

        pr_yes, pr_no = self.ch.pick(self.W.HOUSEHOLD_PR_VALUES).split(" | ")
        name_head = self.ch.pick(self.W.HOUSEHOLD_COLUMNS["name"])
        rel_head = self.ch.pick(self.W.HOUSEHOLD_COLUMNS["relationship"])
        dob_head = self.ch.pick(self.W.HOUSEHOLD_COLUMNS["date_of_birth"])
        pr_head = self.ch.pick(self.W.HOUSEHOLD_COLUMNS["parental_responsibility"])

        def pr(member: dict) -> list[str]:
            if not show_pr:
                return []
            return [pr_yes if member["parental_responsibility"] else pr_no]

        if shape.startswith("table with gender"):
            gender_head = self.ch.pick(self.W.HOUSEHOLD_GENDER)
            extra_head = self.ch.pick(self.W.HOUSEHOLD_EXTRA)
            header = [name_head, dob_head, gender_head, rel_head]
            header += ([pr_head] if show_pr else []) + [extra_head]
            rows = []
            for m in truth:
                sex = (
                    "F" if m["relationship"] in FEMALE else "M" if m["relationship"] in MALE else ""
                )
                adult = m["relationship"] in ADULTS
                extra = self.rng.choice(OCCUPATIONS) if adult else self.rng.choice(["", "Same"])
                rows.append([m["name"], dob(m), sex, rel(m), *pr(m), extra])
            section.items.append(Grid("household", header, rows))
            return section

        if shape.startswith("parents/carers table"):
            adults_title, children_title = self.ch.pick(self.W.HOUSEHOLD_PARTS).split(" | ")
            extra_head = self.ch.pick(self.W.HOUSEHOLD_EXTRA)
            groups = (
                (
                    adults_title,
                    True,
                    [name_head, rel_head, dob_head] + ([pr_head] if show_pr else []),
                ),
                (children_title, False, [name_head, dob_head, rel_head, extra_head]),
            )
            for title, adult, header in groups:
                section.items.append(Lines("household", None, [title]))
                rows = []
                for m in truth:
                    if (m["relationship"] in ADULTS) != adult:
                        continue
                    if adult:
                        rows.append([m["name"], rel(m), dob(m), *pr(m)])
                    else:
                        rows.append([m["name"], dob(m), rel(m), ""])
                rows.append([""] * len(header))
                if not adult and show_pr:  # the children's table has no PR column
                    put(
                        self.expected,
                        "household_members",
                        [
                            {k: v for k, v in m.items() if k != "parental_responsibility"}
                            if m["relationship"] not in ADULTS
                            else m
                            for m in truth
                        ],
                    )
                section.items.append(Grid("household", header, rows))
            return section

        # a fixed-size table with a "known to services" column, blank rows left blank
        known_head = self.ch.pick(self.W.HOUSEHOLD_KNOWN)
        header = [name_head, dob_head, rel_head] + ([pr_head] if show_pr else []) + [known_head]
        rows = [[m["name"], dob(m), rel(m), *pr(m), self.rng.choice(KNOWN)] for m in truth]
        rows += [[""] * len(header) for _ in range(max(1, 6 - len(rows)))]
        section.items.append(Grid("household", header, rows))
        return section

    # -- attachments ---------------------------------------------------------------------------

    def attachments(self, documents: list[dict]) -> Section:
        heading, section, shape, words = self.open_attachments(pw, documents)
        for document in documents:  # an "other" or screening document named as its file is
            for part, bank in self.W.ATTACHMENT_WORDS_BY_FILE.items():
                if part in document["filename"]:
                    words[document["kind"]] = self.ch.pick(bank)
        if not shape.startswith(FIRST_ATTACHMENT_SHAPES):
            return self.attachments_written(section, shape, words, documents)
        if shape.startswith("table"):
            columns = self.ch.pick(self.W.ATTACHMENT_COLUMNS).split(" | ")
            lettered = self.ch.chance(0.5)
            rows = [
                [
                    f"A{n}" if lettered else str(n),
                    words[d["kind"]],
                    d["filename"],
                    self.ch.pick(self.W.ATTACHMENT_SENT_BY),
                ]
                for n, d in enumerate(documents, 1)
            ]
            section.items.append(Grid("attachments", columns, rows))
            return section
        template = self.ch.pick(self.W.ATTACHMENT_LINES)
        lines = [template.format(kind=words[d["kind"]], file=d["filename"]) for d in documents]
        if shape.startswith("yes/no question"):
            question = self.ch.pick(self.W.ATTACHMENT_QUESTION)
            section.items.append(Field("attachments.any", question, "Yes"))
            section.items.append(Lines("attachments", None, [f"• {line}" for line in lines]))
            return section
        numbered = "\n".join(f"({n}) {line}" for n, line in enumerate(lines, 1))
        section.items.append(Field("attachments", heading, numbered, long=True))
        section.heading = None
        return section

    # -- households written further ways ---------------------------------------------------------

    def household_written(self, section: Section, shape: str, members: list[dict]) -> Section:
        """The household in one of the shapes after the first four: prose, numbered lists,
        per-person blocks, sideways and re-ordered tables, two groups under their own headings."""
        show_pr = self.ch.chance(0.6)
        truth = []
        for member in members:
            known = self.ch.chance(0.9)
            entry = dict(member, date_of_birth=member["date_of_birth"] if known else None)
            if not show_pr:
                entry.pop("parental_responsibility")
            truth.append(entry)
        put(self.expected, "household_members", truth)
        items = section.items

        family_words = self.ch.pick(self.W.HOUSEHOLD_RELATIONSHIP_STYLE).endswith("family say it")
        capital = self.ch.chance(0.75)
        said: dict[str, str] = {}

        def rel(member: dict, lower: bool = False) -> str:
            word = member["relationship"]
            if family_words:
                if word not in said:
                    said[word] = self.ch.pick(self.W.HOUSEHOLD_RELATIONSHIP_WORDS[word])
                word = said[word]
                return word[0].lower() + word[1:] if lower else word
            return word[0].upper() + word[1:] if capital and not lower else word

        dob_style = (
            self.date_style if self.ch.chance(0.4) else self.ch.pick(self.W.HOUSEHOLD_DOB_STYLES)
        )
        unknown = self.ch.pick(self.W.HOUSEHOLD_UNKNOWN)

        def dob(member: dict) -> str:
            if not member["date_of_birth"]:
                return unknown
            born = dt.date.fromisoformat(member["date_of_birth"])
            return write_birth_date(born, dob_style, self.form_date)

        pr_yes, pr_no = self.ch.pick(self.W.HOUSEHOLD_PR_VALUES).split(" | ")

        def pr(member: dict) -> list[str]:
            if not show_pr:
                return []
            return [pr_yes if member["parental_responsibility"] else pr_no]

        phrase_yes, phrase_no = self.ch.pick(self.W.HOUSEHOLD_PR_PHRASES).split(" | ")

        def pr_phrase(member: dict) -> str:
            if not show_pr:
                return ""
            phrase = phrase_yes if member["parental_responsibility"] else phrase_no
            return (" " if phrase[0] in "([" else " – " if phrase.startswith("PR") else ", ") + (
                phrase
            )

        def line(template: str, member: dict) -> str:
            return template.format(
                name=member["name"],
                rel=rel(member, lower=True),
                Rel=rel(member),
                dob=dob(member),
                pr=pr_phrase(member),
            )

        def person_lines(lines: list[str], label: str | None) -> None:
            """Lines one to a paragraph, or all in one answer box under ``label``; a lone line
            goes in a box (a single line on its own is a table's title in every layout)."""
            if len(lines) == 1 or self.ch.chance(0.35):
                items.append(Lines("household", label or section.heading, lines, in_one_box=True))
                if not label:
                    section.heading = None
            else:
                if label:
                    items.append(Lines("household", None, [label]))
                items.append(Lines("household", None, lines))

        if shape in self.W.HOUSEHOLD_PROSE and not shape.startswith(("numbered", "adults")):
            template = self.ch.pick(self.W.HOUSEHOLD_PROSE[shape])
            person_lines([line(template, m) for m in truth], None)
            return section

        if shape.startswith("numbered list"):
            template = self.ch.pick(self.W.HOUSEHOLD_PROSE[shape])
            mark = self.ch.pick(self.W.HOUSEHOLD_NUMBERING).split(" | ")[0].replace("1", "{n}")
            lines = [f"{mark.format(n=n)} {line(template, m)}" for n, m in enumerate(truth, 1)]
            person_lines(lines, None)
            return section

        if shape.startswith("adults and children"):
            template = self.ch.pick(self.W.HOUSEHOLD_PROSE[shape])
            titles = self.ch.pick(self.W.HOUSEHOLD_GROUPS).split(" | ")
            bullet = self.rng.choice(["• ", "- ", ""])
            for title, adult in zip(titles, (True, False), strict=True):
                group = [m for m in truth if (m["relationship"] in ADULTS) == adult]
                lines = [bullet + line(template, m) for m in group] or [
                    self.ch.pick(self.W.HOUSEHOLD_NONE)
                ]
                if len(lines) == 1 or self.ch.chance(0.5):
                    items.append(Lines("household", title, lines, in_one_box=True))
                else:
                    items.append(Lines("household", None, [title]))
                    items.append(Lines("household", None, lines))
            return section

        if shape.startswith("Person 1, Person 2"):
            labels = self.ch.pick(self.W.HOUSEHOLD_BLOCK_LABELS).split(" | ")
            title = self.ch.pick(self.W.HOUSEHOLD_BLOCK_TITLES)
            for n, m in enumerate(truth, 1):
                key = f"household.person{n}"
                items.append(Lines("household", None, [title.format(n=n)]))
                items.append(Field(f"{key}.name", labels[0], m["name"]))
                items.append(Field(f"{key}.relationship", labels[1], rel(m)))
                items.append(Field(f"{key}.dob", labels[2], dob(m)))
                if show_pr:
                    items.append(Field(f"{key}.pr", labels[3], pr(m)[0]))
            return section

        name_head = self.ch.pick(self.W.HOUSEHOLD_COLUMNS["name"])
        rel_head = self.ch.pick(self.W.HOUSEHOLD_COLUMNS["relationship"])
        dob_head = self.ch.pick(self.W.HOUSEHOLD_COLUMNS["date_of_birth"])
        pr_head = self.ch.pick(self.W.HOUSEHOLD_COLUMNS["parental_responsibility"])

        if shape.startswith("sideways"):
            rows = [
                [rel_head] + [rel(m) for m in truth],
                [dob_head] + [dob(m) for m in truth],
            ]
            if show_pr:
                rows.append([pr_head] + [pr(m)[0] for m in truth])
            names = [m["name"] for m in truth]
            if self.ch.chance(0.5):
                head = self.ch.pick(self.W.HOUSEHOLD_SIDEWAYS_HEADS)
                header = [""] + [head.format(n=n) for n in range(1, len(truth) + 1)]
                rows.insert(0, [name_head] + names)
            else:
                header = [name_head] + names
            blank = self.rng.choice([0, 0, 1, 2])  # empty columns left for more people
            header += [""] * blank
            rows = [row + [""] * blank for row in rows]
            items.append(Grid("household", header, rows, sideways=True))
            return section

        # tables with their columns in other orders or with other columns beside them
        ages = self.ch.chance(0.3)
        if shape.startswith("table, date of birth"):
            columns = ["dob", "age", "name", "rel"] if ages else ["dob", "name", "rel"]
        elif shape.startswith("table, relationship"):
            columns = ["rel", "name", "dob"] + (["age"] if ages else [])
        elif shape.startswith("table with an age"):
            columns = (
                ["name", "rel", "dob", "age"]
                if self.ch.chance(0.5)
                else ["name", "dob", "age", "rel"]
            )
        elif shape.startswith("table with surname"):
            columns = ["surname", "forename", "rel", "dob"]
        elif shape.startswith("table with a 'lives"):
            columns = ["name", "rel", "dob", "same"]
        elif shape.startswith("table with an ethnicity"):
            columns = ["name", "dob", "rel", "ethnicity"]
        else:  # numbered blank rows, continue on a separate sheet
            columns = ["number", "name", "rel", "dob"]
        if show_pr:
            columns.insert(columns.index("dob") + 1 + ("age" in columns), "pr")
        heads = {
            "name": name_head,
            "rel": rel_head,
            "dob": dob_head,
            "pr": pr_head,
            "number": self.rng.choice(["No.", "#", ""]),
        }
        if "age" in columns:
            heads["age"] = self.ch.pick(self.W.HOUSEHOLD_AGE)
        if "surname" in columns:
            heads["surname"], heads["forename"] = self.ch.pick(
                self.W.HOUSEHOLD_SURNAME_FORENAME
            ).split(" | ")
        if "same" in columns:
            heads["same"] = self.ch.pick(self.W.HOUSEHOLD_SAME_ADDRESS)
            same = self.ch.pick(self.W.HOUSEHOLD_SAME_ADDRESS_YES)
        if "ethnicity" in columns:
            heads["ethnicity"] = self.ch.pick(self.W.HOUSEHOLD_ETHNICITY)

        def cell(column: str, n: int, m: dict) -> str:
            if column == "name":
                return m["name"]
            if column in ("forename", "surname"):
                forename, _, surname = m["name"].partition(" ")
                return forename if column == "forename" else surname
            if column == "rel":
                return rel(m)
            if column == "dob":
                return dob(m)
            if column == "pr":
                return pr(m)[0]
            if column == "age":
                born = dt.date.fromisoformat(members[n - 1]["date_of_birth"])
                age = age_at(born, self.form_date)
                return age if m["date_of_birth"] else f"approx. {age}"
            if column == "same":
                return same
            if column == "ethnicity":
                culture = culture_of(m["name"])
                return self.rng.choice(ETHNICITIES[culture]) if culture else "Not known"
            return str(n)

        header = [heads[c] for c in columns]
        rows = [[cell(c, n, m) for c in columns] for n, m in enumerate(truth, 1)]
        if columns[0] == "number":
            rows += [[str(n)] + [""] * (len(columns) - 1) for n in range(len(rows) + 1, 9)]
            items.append(Grid("household", header, rows))
            items.append(Lines("household", None, [self.ch.pick(self.W.HOUSEHOLD_CONTINUE)]))
            return section
        rows += [[""] * len(columns) for _ in range(self.rng.choice([0, 0, 1, 2]))]
        items.append(Grid("household", header, rows))
        return section

    # -- attachments written further ways --------------------------------------------------------

    def attachments_written(
        self, section: Section, shape: str, words: dict, documents: list[dict]
    ) -> Section:
        """The enclosures in one of the shapes after the first three: tick boxes or a tick list
        of every kind, letter-like "Enclosures:" lines, a documents-enclosed table, a sentence,
        a yes / no tick question with the list, or a numbered or dashed list of reports."""
        items = section.items
        sent = {d["kind"]: d for d in documents}

        def unsent_word(kind: str) -> str:
            return self.ch.pick(self.W.ATTACHMENT_KINDS[kind])

        if shape.startswith(("tick boxes for every kind", "a tick list down the page")):
            template = self.ch.pick(self.W.ATTACHMENT_TICK_LINES)
            options = [
                (template.format(kind=words[kind], file=sent[kind]["filename"]), True)
                if kind in sent
                else (unsent_word(kind), False)
                for kind in self.W.ATTACHMENT_KINDS
            ]
            label = self.ch.pick(self.W.ATTACHMENT_TICK_LABEL)
            if shape.startswith("tick boxes"):
                items.append(Choice("attachments", label, options))
                return section
            marks = (
                self.W.ATTACHMENT_TICK_MARKS_LATIN1
                if self.family == "acroform-pdf"
                else self.W.ATTACHMENT_TICK_MARKS
            )
            on, off = self.ch.pick(marks).split(" | ")
            lines = [f"{on if ticked else off} {text}" for text, ticked in options]
            if self.ch.chance(0.4):
                items.append(Lines("attachments", label, lines, in_one_box=True))
            else:
                items.append(Lines("attachments", None, [label]))
                items.append(Lines("attachments", None, lines))
            return section

        if shape.startswith("'Enclosures:'"):
            template = self.ch.pick(self.W.ATTACHMENT_ENCLOSURE_LINE)
            enclosed = [
                template.format(kind=words[d["kind"]], file=d["filename"]) for d in documents
            ]
            word = self.ch.pick(self.W.ATTACHMENT_ENCLOSURE_WORD)
            lines = [self.ch.pick(self.W.ATTACHMENT_SIGN_OFF)]
            if self.ch.chance(0.5):
                lines += [word, *enclosed]
            else:
                lines.append(f"{word} {'; '.join(enclosed)}")
            if self.ch.chance(0.5):  # at the foot of the form, under no heading of its own
                section.heading = None
            items.append(Lines("attachments", None, lines))
            return section

        if shape.startswith("'Documents enclosed' table"):
            template = self.ch.pick(self.W.ATTACHMENT_ENCLOSURE_LINE)
            header = self.ch.pick(self.W.ATTACHMENT_ENCLOSED_COLUMNS).split(" | ")
            yes, no = self.rng.choice([("Y", "N"), ("Yes", "No"), ("YES", "NO")])
            unsent = [k for k in self.W.ATTACHMENT_KINDS if k not in sent]
            shown = set(self.rng.sample(unsent, min(len(unsent), self.rng.randrange(1, 3))))
            rows = []
            for kind in self.W.ATTACHMENT_KINDS:
                if kind in sent:
                    made = self.form_date - dt.timedelta(days=self.rng.randrange(1, 120))
                    document = template.format(kind=words[kind], file=sent[kind]["filename"])
                    rows.append([document, self.date(made.isoformat()), yes])
                elif kind in shown:
                    rows.append([unsent_word(kind), "", no])
            items.append(
                Lines("attachments", None, [self.ch.pick(self.W.ATTACHMENT_ENCLOSED_TITLE)])
            )
            items.append(Grid("attachments", header, rows))
            return section

        if shape.startswith("a sentence"):
            opening = self.ch.pick(self.W.ATTACHMENT_SENTENCE_OPENING)
            the = "" if opening.endswith(":") else "the "
            named = [f"{the}{in_a_sentence(words[d['kind']])} ({d['filename']})" for d in documents]
            listed = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"
            sentence = f"{opening} {listed}."
            label = self.ch.pick(self.W.ATTACHMENT_SENTENCE_LABEL)
            items.append(Field("attachments", label, sentence, long=True))
            if self.ch.chance(0.5):
                section.heading = None
            return section

        if shape.startswith("yes/no tick question"):
            template = self.ch.pick(self.W.ATTACHMENT_LINES)
            lines = [template.format(kind=words[d["kind"]], file=d["filename"]) for d in documents]
            question = self.ch.pick(self.W.ATTACHMENT_QUESTION)
            items.append(Choice("attachments.any", question, [("Yes", True), ("No", False)]))
            label = self.ch.pick(self.W.ATTACHMENT_IF_YES)
            items.append(Field("attachments", label, "\n".join(lines), long=True))
            return section

        # please list any reports you are sending: a numbered or dashed list in one answer
        template = self.ch.pick(self.W.ATTACHMENT_ENCLOSURE_LINE)
        lines = [template.format(kind=words[d["kind"]], file=d["filename"]) for d in documents]
        marks = self.rng.choice(["{n}. ", "- ", "{n}) "])
        text = "\n".join(marks.format(n=n) + line for n, line in enumerate(lines, 1))
        items.append(
            Field("attachments", self.ch.pick(self.W.ATTACHMENT_LIST_LABEL), text, long=True)
        )
        return section
