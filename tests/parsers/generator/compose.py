"""One form in the abstract: which questions it asks, how each is worded and answered, and the
record a person reads off it.

``compose`` decides content and wording for every family alike (all from one split's choices);
the layout modules only decide how it looks. The expected record holds exactly what the form
shows: a question left blank or not asked is absent, as in ../shared/corpus/dev.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tests.parsers.generator import stories, styles, wordings
from tests.parsers.generator.people import PATHWAY_WEIGHTS, People
from tests.parsers.generator.split import Chooser

FAMILIES = (
    "word-table",
    "word-label",
    "word-controls",
    "acroform-pdf",
    "drawn-pdf",
    "printed-pdf",
)


@dataclass
class Field:
    """A question and its answer as written (``text`` empty: asked but left blank)."""

    key: str
    label: str
    text: str
    long: bool = False


@dataclass
class Choice:
    """Tick-box options; ``ticked`` marks the chosen ones."""

    key: str
    label: str
    options: list[tuple[str, bool]]


@dataclass
class Grid:
    """A table: ``header`` row (or None) and rows; ``sideways`` means header is the first column."""

    key: str
    header: list[str] | None
    rows: list[list[str]]
    sideways: bool = False


@dataclass
class Lines:
    """Lines of prose, one item each, under an optional label."""

    key: str
    label: str | None
    lines: list[str]
    in_one_box: bool = False


@dataclass
class Section:
    key: str
    heading: str | None
    items: list = field(default_factory=list)


@dataclass
class Form:
    family: str
    split: str
    title: str
    intro: str
    sections: list[Section]
    expected: dict
    used: set[tuple[str, str]]
    ticks: tuple[str, str]
    tick_place: str
    chooser: Chooser


def put(record: dict, path: str, value: object) -> None:
    *parents, last = path.split(".")
    for part in parents:
        record = record.setdefault(part, {})
    record[last] = value


def yes_no(ch: Chooser, style: str, key: str, label: str, value: bool) -> Field | Choice:
    """A yes/no answer in the form's own style."""
    if style == "Yes / No written":
        return Field(key, label, "Yes" if value else "No")
    if style == "Y / N":
        return Field(key, label, "Y" if value else "N")
    if style == "YES / NO in capitals":
        return Field(key, label, "YES" if value else "NO")
    if style == "Yes, with a comment":
        return Field(key, label, ch.pick(styles.YES_COMMENTS if value else styles.NO_COMMENTS))
    if style == "y / n lower case":
        return Field(key, label, "y" if value else "n")
    if style in ("Yes ✓ beside the answer", "X against the answer"):
        mark = "✓" if style.startswith("Yes") else "X"
        return Field(key, label, f"Yes {mark}   No" if value else f"Yes   No {mark}")
    if style == "tick boxes, No first":
        return Choice(key, label, [("No", not value), ("Yes", value)])
    if style == "tick boxes Y N":
        return Choice(key, label, [("Y", value), ("N", not value)])
    return Choice(key, label, [("Yes", value), ("No", not value)])


class Composer:
    def __init__(self, split: str, seed: str, family: str):
        self.ch = Chooser(split, seed)
        self.rng = self.ch.rng
        self.family = family
        self.people = People(self.rng, latin1=family == "acroform-pdf")
        self.expected: dict = {}
        self.date_style = self.ch.pick(styles.DATE_STYLES)
        self.yes_no_style = self.ch.pick(styles.YES_NO_STYLES)

    # -- small helpers (the fresh split's composer, fresh_compose, overrides some) --------------

    def yes_no(self, style: str, key: str, label: str, value: bool) -> Field | Choice:
        return yes_no(self.ch, style, key, label, value)

    def ticks(self) -> tuple[str, str]:
        glyphs = self.ch.pick(styles.TICK_GLYPHS).rsplit(" ", 1)
        if glyphs[0].startswith("["):
            glyphs = ["[X]", "[ ]"]
        elif glyphs[0].startswith("("):
            glyphs = ["(x)", "( )"]
        return glyphs[0], glyphs[1]

    def date(self, iso: str) -> str:
        return styles.write_date(dt.date.fromisoformat(iso), self.date_style)

    def label(self, key: str) -> str:
        return self.ch.pick(wordings.LABELS[key])

    def answer(self, key: str, value: str, shown: float = 1.0, long: bool = False) -> list:
        """The question ``key`` answered with ``value``, or asked and left blank, or not asked."""
        if self.rng.random() < shown:
            put(self.expected, key, value)
            text = (
                self.date(value) if key.endswith("date") or key.endswith("date_of_birth") else value
            )
            return [Field(key, self.label(key), text, long)]
        if self.rng.random() < 0.25:
            return [Field(key, self.label(key), "", long)]
        return []

    def fill(self, text: str, names: dict) -> str:
        return text.format(**names)

    # -- sections ------------------------------------------------------------------------------

    def child(self, child: dict) -> Section:
        section = Section("child", self.ch.pick(wordings.HEADINGS["child"]))
        items = section.items
        last = child["last_name"]
        if " " not in last and self.ch.chance(0.2):
            put(self.expected, "child.first_name", child["first_name"])
            put(self.expected, "child.last_name", last)
            full = f"{child['first_name']} {last}"
            items.append(
                Field("child.full_name", self.ch.pick(wordings.LABELS["child.full_name"]), full)
            )
        else:
            names = self.answer("child.first_name", child["first_name"])
            names += self.answer("child.last_name", last)
            items += names if self.ch.chance(0.7) else names[::-1]
        body = self.answer("child.date_of_birth", child["date_of_birth"], 0.95)
        body += self.gender(child["gender"])
        body += self.address(child)
        body += self.answer("child.school_or_setting", child["school_or_setting"], 0.9)
        body += self.answer("child.first_language", child["first_language"], 0.85)
        body += self.answer("child.disability", child["disability"], 0.4)
        if self.ch.chance(0.4):
            self.rng.shuffle(body)
        items += body
        return section

    def gender(self, gender: str) -> list:
        if self.rng.random() > 0.92:
            return []
        options = self.ch.pick(wordings.GENDER_OPTIONS).split(" | ")
        if gender.capitalize() in options and self.ch.chance(0.4):
            put(self.expected, "child.gender", gender)
            ticks = [(option, option == gender.capitalize()) for option in options]
            return [Choice("child.gender", self.label("child.gender"), ticks)]
        put(self.expected, "child.gender", gender)
        written = gender.capitalize() if self.ch.chance(0.8) else gender.upper()
        return [Field("child.gender", self.label("child.gender"), written)]

    def address(self, child: dict) -> list:
        put(self.expected, "child.address", child["address"])
        put(self.expected, "child.postcode", child["postcode"])
        joiner = (
            "\n" if self.family in ("word-table", "word-controls") and self.ch.chance(0.5) else ", "
        )
        street = child["address"].replace(", ", joiner)
        postcode = child["postcode"]
        if self.ch.chance(0.1):
            postcode = postcode.lower()
        if self.ch.chance(0.25):
            label = self.ch.pick(wordings.LABELS["child.address_with_postcode"])
            return [Field("child.address_with_postcode", label, f"{street}{joiner}{postcode}")]
        return [
            Field("child.address", self.label("child.address"), street),
            Field("child.postcode", self.label("child.postcode"), postcode),
        ]

    def household(self, members: list[dict]) -> Section:
        section = Section("household", self.ch.pick(wordings.HEADINGS["household"]))
        shape = self.ch.pick(wordings.HOUSEHOLD_SHAPES)
        show_pr = self.ch.chance(0.7)
        truth = []
        for member in members:
            known = self.ch.chance(0.95)
            entry = dict(member, date_of_birth=member["date_of_birth"] if known else None)
            if not show_pr:
                entry.pop("parental_responsibility")
            truth.append(entry)
        put(self.expected, "household_members", truth)
        capital = self.ch.chance(0.7)

        def rel(member: dict) -> str:
            word = member["relationship"]
            return word[0].upper() + word[1:] if capital else word

        def dob(member: dict) -> str:
            return self.date(member["date_of_birth"]) if member["date_of_birth"] else "not known"

        def pr(member: dict) -> str:
            return (
                self.rng.choice(["Yes", "Y"])
                if member["parental_responsibility"]
                else self.rng.choice(["No", "N"])
            )

        if shape.startswith("table") or shape.startswith("sideways"):
            columns = ["name", "relationship", "date_of_birth"] + (
                ["parental_responsibility"] if show_pr else []
            )
            self.rng.shuffle(columns)
            if self.ch.chance(0.5) and "name" in columns:
                columns.remove("name")
                columns.insert(0, "name")
            split_names = shape == "table with forename and surname columns"
            header = []
            for column in columns:
                if column == "name" and split_names:
                    header += self.ch.pick(wordings.HOUSEHOLD_SPLIT_NAMES).split(" | ")
                else:
                    header.append(self.ch.pick(wordings.HOUSEHOLD_COLUMNS[column]))
            rows = []
            for member in truth:
                row = []
                for column in columns:
                    if column == "name":
                        first, _, rest = member["name"].partition(" ")
                        row += [first, rest] if split_names else [member["name"]]
                    elif column == "relationship":
                        row.append(rel(member))
                    elif column == "date_of_birth":
                        row.append(dob(member))
                    else:
                        row.append(pr(member))
                rows.append(row)
            if shape.startswith("sideways"):
                section.items.append(Grid("household", header, rows, sideways=True))
            elif shape == "table without a header row, labels in the first cell":
                order = [columns.index(c) for c in ("relationship", "name", "date_of_birth")]
                rows = [[row[i] for i in order] for row in rows]
                if show_pr:
                    put(
                        self.expected,
                        "household_members",
                        [
                            {k: v for k, v in m.items() if k != "parental_responsibility"}
                            for m in truth
                        ],
                    )
                section.items.append(Grid("household", None, rows))
            else:
                empty = [[""] * len(header) for _ in range(self.rng.choice([0, 0, 1, 2]))]
                section.items.append(Grid("household", header, rows + empty))
            return section
        template = self.ch.pick(wordings.HOUSEHOLD_LINES)
        if "{pr_" not in template:
            put(
                self.expected,
                "household_members",
                [{k: v for k, v in m.items() if k != "parental_responsibility"} for m in truth],
            )
        lines = []
        for member in truth:
            has_pr = member.get("parental_responsibility")
            lines.append(
                template.format(
                    name=member["name"],
                    rel=member["relationship"],
                    Rel=rel(member).capitalize() if capital else member["relationship"],
                    dob=dob(member),
                    pr_comma=("" if has_pr is None else ", has PR" if has_pr else ", no PR"),
                    pr_dash=("" if has_pr is None else f" – PR: {'Yes' if has_pr else 'No'}"),
                )
            )
        if shape == "bulleted list":
            lines = [f"• {line}" for line in lines]
        one_box = shape == "one line per person"
        label = section.heading if one_box else None
        if one_box:
            section.heading = None
        section.items.append(Lines("household", label, lines, in_one_box=one_box))
        return section

    def person(self, role: str, person: dict) -> Section:
        heading = self.ch.pick(wordings.HEADINGS[role])
        generic = self.ch.chance(0.6)
        section = Section(role, heading)
        for part in wordings.PERSON_PARTS:
            if part != "name" and not self.ch.chance(0.9):
                continue
            bank = wordings.GENERIC[part] if generic else wordings.PREFIXED[role][part]
            value = person[part]
            put(self.expected, f"{role}.{part}", value)
            if part == "email" and self.ch.chance(0.3):
                local, _, domain = value.partition("@")
                value = ".".join(p.capitalize() for p in local.split(".")) + "@" + domain
            section.items.append(Field(f"{role}.{part}", self.ch.pick(bank), value))
        if not generic and self.ch.chance(0.3):
            section.heading = None
        return section

    def pathway(self, record: dict) -> list:
        items = []
        code = record["pathway"]
        put(self.expected, "pathway", code)
        question = self.ch.pick(wordings.PATHWAY_QUESTION)
        if self.ch.chance(0.2):
            items.append(Field("pathway", question, self.ch.pick(wordings.PATHWAY_OPTIONS[code])))
        else:
            others = [c for c in wordings.PATHWAY_OPTIONS if c != code]
            shown = set(self.rng.sample(others, self.rng.randrange(2, 6))) | {code}
            options = [
                (self.ch.pick(wordings.PATHWAY_OPTIONS[c]), c == code)
                for c in wordings.PATHWAY_OPTIONS
                if c in shown
            ]
            items.append(Choice("pathway", question, options))
        level = record.get("threshold_level")
        if level and self.ch.chance(0.85):
            put(self.expected, "threshold_level", level)
            names = self.ch.pick(wordings.THRESHOLD_SCHEMES).split(" | ")
            question = self.ch.pick(wordings.THRESHOLD_QUESTION)
            if self.ch.chance(0.2):
                items.append(Field("threshold_level", question, names[level - 1]))
            else:
                items.append(
                    Choice(
                        "threshold_level",
                        question,
                        [(name, i + 1 == level) for i, name in enumerate(names)],
                    )
                )
        return items

    def referral(self, story: dict, names: dict, date: str, with_date: bool) -> Section:
        section = Section("referral", self.ch.pick(wordings.HEADINGS["referral"]))
        items = section.items
        if with_date:
            items += self.answer("referral.date", date)
        order = [
            "reason_summary",
            "facts",
            "opinions",
            "child_views",
            "what_has_been_done",
            "conversations",
            "request",
            "intended_outcome",
        ]
        if self.ch.chance(0.5):
            order.remove("request")
            order.insert(1, "request")
        for key in order:
            if key in story:
                text = self.fill(story[key], names)
                if key in ("facts", "what_has_been_done") and self.ch.chance(0.1):
                    text = text.replace(". ", ".\n", 1)
                items += self.answer(f"referral.{key}", text, 0.95, long=True)
        return section

    def domains(self, names: dict) -> list[Section]:
        sections = []
        for domain, fields in stories.DOMAINS.items():
            section = Section(domain, self.ch.pick(wordings.HEADINGS[domain]))
            keys = self.rng.sample(list(fields), self.rng.randrange(3, len(fields) + 1))
            for key in fields:
                if key in keys:
                    text = self.fill(self.rng.choice(fields[key]), names)
                    section.items += self.answer(f"assessment.{domain}.{key}", text, long=True)
            sections.append(section)
        return sections

    def harm(self, story: dict, names: dict) -> Section:
        section = Section("harm", self.ch.pick(wordings.HEADINGS["harm"]))
        dropped = set(self.rng.sample(list(story["harm"]), self.rng.randrange(0, 3)))
        for key, text in story["harm"].items():
            if key not in dropped:
                section.items += self.answer(f"harm.{key}", self.fill(text, names), long=True)
        return section

    def consent(self, record: dict, names: dict, members: list, date: dt.date) -> Section:
        section = Section("consent", self.ch.pick(wordings.HEADINGS["consent"]))
        items = section.items
        style = self.yes_no_style
        if record["pathway"] == "section_47":
            informed = self.ch.chance(0.3)
            put(self.expected, "consent.family_informed", informed)
            items.append(
                self.yes_no(
                    style,
                    "consent.family_informed",
                    self.label("consent.family_informed"),
                    informed,
                )
            )
            if not informed:
                reason = self.fill(self.rng.choice(stories.DECISION_REASONS), names)
                items += self.answer("consent.decision_reason", reason, 0.9, long=True)
            return section
        for key, chance in (("consent.family_agrees", 0.9), ("consent.information_sharing", 0.85)):
            if self.ch.chance(chance):
                value = self.ch.chance(0.92)
                put(self.expected, key, value)
                items.append(self.yes_no(style, key, self.label(key), value))
        parent = members[0]
        items += self.answer(
            "consent.given_by", f"{parent['name']} ({parent['relationship']})", 0.8
        )
        consent_date = date - dt.timedelta(days=self.rng.randrange(0, 10))
        items += self.answer("consent.date", consent_date.isoformat(), 0.75)
        return section

    def open_attachments(self, bank, documents: list[dict]) -> tuple[str, Section, str, dict]:
        """The attachments section begun from a wordings module ``bank``: its heading, the
        section, the shape drawn and a word for each kind of document sent."""
        heading = self.ch.pick(bank.HEADINGS["attachments"])
        section = Section("attachments", heading)
        put(self.expected, "attachments", documents)
        shape = self.ch.pick(bank.ATTACHMENT_SHAPES)
        words = {d["kind"]: self.ch.pick(bank.ATTACHMENT_KINDS[d["kind"]]) for d in documents}
        return heading, section, shape, words

    def attachments(self, documents: list[dict]) -> Section:
        heading, section, shape, words = self.open_attachments(wordings, documents)
        if shape.startswith("table"):
            header = self.ch.pick(wordings.ATTACHMENT_COLUMNS).split(" | ")
            rows = [[words[d["kind"]], d["filename"]] for d in documents]
            if shape == "table, file name first":
                header, rows = header[::-1], [row[::-1] for row in rows]
            section.items.append(Grid("attachments", header, rows))
            return section
        if shape == "tick list with file names":
            template = self.ch.pick(wordings.ATTACHMENT_LINES)
            options = []
            for kind, bank in wordings.ATTACHMENT_KINDS.items():
                document = next((d for d in documents if d["kind"] == kind), None)
                if document:
                    options.append(
                        (template.format(kind=words[kind], file=document["filename"]), True)
                    )
                else:
                    options.append((self.ch.pick(bank), False))
            section.items.append(Choice("attachments", heading, options))
            section.heading = None
            return section
        template = self.ch.pick(wordings.ATTACHMENT_LINES)
        lines = [template.format(kind=words[d["kind"]], file=d["filename"]) for d in documents]
        if shape == "numbered enclosures":
            lines = [f"{i}. {line}" for i, line in enumerate(lines, 1)]
        elif shape == "list under a heading":
            lines = [f"- {line}" for line in lines]
        if shape == "one line, separated by semicolons":
            section.items.append(Field("attachments", heading, "; ".join(lines), long=True))
            section.heading = None
        else:
            section.items.append(Lines("attachments", None, lines))
        return section

    # -- the whole form ------------------------------------------------------------------------

    def compose(self) -> Form:
        rng = self.rng
        code = rng.choices(list(PATHWAY_WEIGHTS), list(PATHWAY_WEIGHTS.values()))[0]
        kind = (
            "referral"
            if code == "section_47"
            else (
                "caf" if self.ch.chance(0.7 if self.family == "word-table" else 0.4) else "referral"
            )
        )
        level = {"early_help": 3, "section_17": 4, "section_47": 4}.get(code, rng.choice([3, 4]))
        record = {"pathway": code, "threshold_level": level}
        date = self.people.date_between(dt.date(2025, 1, 6), dt.date(2026, 12, 18))
        self.form_date = date
        child, members, names = self.people.family(date)
        story = rng.choice(stories.SCENARIOS[code])
        referrer = self.people.professional(child["school_or_setting"])

        sections = [self.child(child), self.household(members)]
        referrer_section = self.person("referrer", referrer)
        date_in_referrer = self.ch.chance(0.4)
        if date_in_referrer:
            referrer_section.items += self.answer("referral.date", date.isoformat())
        if self.ch.chance(0.4):
            sections.insert(0, referrer_section)
        else:
            sections.append(referrer_section)
        pathway_items = self.pathway(record)
        referral = self.referral(story, names, date.isoformat(), not date_in_referrer)
        if self.ch.chance(0.6):
            sections.insert(
                0, Section("pathway", self.ch.pick(wordings.HEADINGS["pathway"]), pathway_items)
            )
        else:
            referral.items[:0] = pathway_items
        sections.append(referral)
        if kind == "caf":
            sections += self.domains(names)
        if "harm" in story:
            sections.append(self.harm(story, names))
        sections.append(self.consent(record, names, members, date))
        if self.ch.chance(0.7 if kind == "caf" else 0.2):
            lead = referrer if self.ch.chance(0.4) else self.people.professional(None)
            sections.append(self.person("lead_professional", lead))
        if self.ch.chance(0.6):
            sections.append(self.attachments(self.people.attachments(names, date)))
        ticks = self.ticks()
        return Form(
            family=self.family,
            split=self.ch.split,
            title=self.ch.pick(wordings.TITLES),
            intro=self.ch.pick(wordings.INTROS),
            sections=sections,
            expected=self.expected,
            used=self.ch.used,
            ticks=ticks,
            tick_place=self.ch.pick(styles.TICK_PLACES),
            chooser=self.ch,
        )


def compose(split: str, seed: str, family: str) -> Form:
    if family not in FAMILIES:
        raise ValueError(f"family must be one of {FAMILIES}")
    if split == "fresh":
        from tests.parsers.generator.fresh_compose import FreshComposer

        return FreshComposer(split, seed, family).compose()
    if split == "probe":
        from tests.parsers.generator.probe_compose import ProbeComposer

        return ProbeComposer(split, seed, family).compose()
    if split == "probe2":
        from tests.parsers.generator.probe2_compose import Probe2Composer

        return Probe2Composer(split, seed, family).compose()
    return Composer(split, seed, family).compose()
