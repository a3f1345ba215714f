"""The fresh split's composer: the tune / held-out ``Composer`` with every choice redirected to
the fresh banks (``split.Chooser`` does that by bank name), plus the answer styles and shapes only
fresh forms use: new date styles, yes/no styles, tick glyphs, household shapes (surname-first
tables with an age column, "name – relationship – DOB" lines, numbered blocks, adults / children
tables) and attachment lists (with dates, Y/N checklists, a sentence, lettered lists)."""

from __future__ import annotations

import datetime as dt

from tests.parsers.generator import fresh_wordings as fw
from tests.parsers.generator.compose import Choice, Composer, Field, Grid, Lines, Section, put
from tests.parsers.generator.styles import ordinal

ADULTS = ("mother", "father", "stepfather", "mother's partner", "maternal grandmother")


def write_date(date: dt.date, style: str) -> str:
    d, m, y = date.day, date.month, date.year
    month, mon = date.strftime("%B"), date.strftime("%b")
    return {
        "d Mon yy": f"{d} {mon} {y % 100:02}",
        "dd-Mon-yyyy": f"{d:02}-{mon}-{y}",
        "Weekday dth Month yyyy": f"{date.strftime('%A')} {ordinal(d)} {month} {y}",
        "dth of Month yyyy": f"{ordinal(d)} of {month} {y}",
        "Day dd/mm/yyyy": f"{date.strftime('%a')} {d:02}/{m:02}/{y}",
    }[style]


def age_on(born: str, on: dt.date) -> int:
    b = dt.date.fromisoformat(born)
    return on.year - b.year - ((on.month, on.day) < (b.month, b.day))


class FreshComposer(Composer):
    def __init__(self, split: str, seed: str, family: str):
        if split != "fresh":
            raise ValueError("FreshComposer composes fresh forms only")
        super().__init__(split, seed, family)
        self.form_date = dt.date(2025, 6, 1)
        if family == "acroform-pdf":  # an AcroForm text field holds Latin-1 only
            while self.yes_no_style not in fw.YES_NO_STYLES_LATIN1:
                self.yes_no_style = self.ch.pick(fw.YES_NO_STYLES)

    def compose(self):
        form = super().compose()
        form.date_style = self.date_style  # the date controls' display format follows it
        return form

    def date(self, iso: str) -> str:
        return write_date(dt.date.fromisoformat(iso), self.date_style)

    def yes_no(self, style: str, key: str, label: str, value: bool) -> Field | Choice:
        if style == "✓ or ✗ on its own":
            return Field(key, label, "✓" if value else "✗")
        if style == "radio marks before Yes and No":
            return Field(key, label, "◉ Yes   ○ No" if value else "○ Yes   ◉ No")
        if style == "words that fit the question":
            yes, no = self.ch.pick(fw.YES_NO_WORDS[key]).split(" | ")
            return Field(key, label, yes if value else no)
        not_asked = self.ch.pick(fw.YES_NO_NOT_ASKED)
        return Choice(key, label, [("Yes", value), ("No", not value), (not_asked, False)])

    def ticks(self) -> tuple[str, str]:
        on, off = self.ch.pick(fw.TICK_GLYPHS).split(" | ")
        return on, off

    # -- households ----------------------------------------------------------------------------

    def household(self, members: list[dict]) -> Section:
        section = Section("household", self.ch.pick(fw.HEADINGS["household"]))
        shape = self.ch.pick(fw.HOUSEHOLD_SHAPES)
        show_pr = shape != "name – relationship – DOB lines" and self.ch.chance(0.7)
        truth = []
        for member in members:
            known = self.ch.chance(0.95)
            entry = dict(member, date_of_birth=member["date_of_birth"] if known else None)
            if not show_pr:
                entry.pop("parental_responsibility")
            truth.append(entry)
        put(self.expected, "household_members", truth)
        capital = self.ch.chance(0.6)
        unknown = self.ch.pick(fw.HOUSEHOLD_UNKNOWN)
        pr_yes, pr_no = self.ch.pick(fw.HOUSEHOLD_PR_VALUES).split(" | ")

        def rel(member: dict) -> str:
            word = member["relationship"]
            return word[0].upper() + word[1:] if capital else word

        def dob(member: dict, with_age: bool = False) -> str:
            if not member["date_of_birth"]:
                return unknown
            written = self.date(member["date_of_birth"])
            if with_age:
                return f"{age_on(member['date_of_birth'], self.form_date)} / {written}"
            return written

        def pr(member: dict) -> str:
            return pr_yes if member["parental_responsibility"] else pr_no

        if shape == "name – relationship – DOB lines":
            template = self.ch.pick(fw.HOUSEHOLD_LINES)
            lines = []
            for m in truth:
                known = m["date_of_birth"]
                own = template if known else template.replace("aged {age} ({dob})", "DOB {dob}")
                age = age_on(known, self.form_date) if known else ""
                lines.append(
                    own.format(
                        name=m["name"], rel=m["relationship"], Rel=rel(m), dob=dob(m), age=age
                    )
                )
            section.items.append(Lines("household", None, lines))
            return section

        dob_head = self.ch.pick(fw.HOUSEHOLD_COLUMNS["date_of_birth"])
        with_age = "age" in dob_head.lower()
        rel_head = self.ch.pick(fw.HOUSEHOLD_COLUMNS["relationship"])
        pr_head = self.ch.pick(fw.HOUSEHOLD_COLUMNS["parental_responsibility"])

        if shape == "numbered blocks, one per person":
            title = self.ch.pick(fw.HOUSEHOLD_BLOCK_TITLES)
            name_head = self.ch.pick(fw.HOUSEHOLD_COLUMNS["name"])

            def line(label: str, value: str) -> str:
                return f"{label} {value}" if label[-1] in "?:" else f"{label}: {value}"

            lines = []
            for n, member in enumerate(truth, 1):
                lines.append(title.format(n=n))
                lines.append(line(name_head, member["name"]))
                lines.append(line(rel_head, rel(member)))
                lines.append(line(dob_head, dob(member, with_age)))
                if show_pr:
                    lines.append(line(pr_head, pr(member)))
            section.items.append(Lines("household", None, lines))
            return section

        if shape.startswith("table: surname"):
            header = self.ch.pick(fw.HOUSEHOLD_SPLIT_NAMES).split(" | ")
            header += [dob_head, rel_head] + ([pr_head] if show_pr else [])
            rows = []
            for member in truth:
                first, _, rest = member["name"].partition(" ")
                row = [rest, first, dob(member, with_age), rel(member)]
                rows.append(row + ([pr(member)] if show_pr else []))
            section.items.append(Grid("household", header, rows))
            return section

        # a table in two parts, adults then children, with a column the record does not hold
        adults_title, children_title = self.ch.pick(fw.HOUSEHOLD_PARTS).split(" | ")
        lives_head, lives = self.ch.pick(fw.HOUSEHOLD_LIVES_HERE).split(" | ")
        name_head = self.ch.pick(fw.HOUSEHOLD_COLUMNS["name"])
        header = [name_head, rel_head, dob_head] + ([pr_head] if show_pr else []) + [lives_head]
        blank = [""] * (len(header) - 1)
        rows = []
        for title, adult in ((adults_title, True), (children_title, False)):
            rows.append([title, *blank])
            group = [m for m in truth if (m["relationship"] in ADULTS) == adult]
            for member in group:
                row = [member["name"], rel(member), dob(member, with_age)]
                rows.append(row + ([pr(member)] if show_pr else []) + [lives])
            if not group:
                rows.append([""] * len(header))
        section.items.append(Grid("household", header, rows))
        return section

    # -- attachments ---------------------------------------------------------------------------

    def attachments(self, documents: list[dict]) -> Section:
        heading, section, shape, words = self.open_attachments(fw, documents)
        if shape == "table with a date column":
            header = self.ch.pick(fw.ATTACHMENT_COLUMNS).split(" | ")
            rows = []
            for d in documents:
                made = self.form_date - dt.timedelta(days=self.rng.randrange(0, 60))
                rows.append([words[d["kind"]], self.date(made.isoformat()), d["filename"]])
            section.items.append(Grid("attachments", header, rows))
            return section
        if shape.startswith("checklist"):
            columns = self.ch.pick(fw.ATTACHMENT_COLUMNS).split(" | ")
            check, yes, no = self.ch.pick(fw.ATTACHMENT_CHECK).split(" | ")
            rows = []
            for kind, bank in fw.ATTACHMENT_KINDS.items():
                d = next((d for d in documents if d["kind"] == kind), None)
                if d:
                    rows.append([words[kind], yes, d["filename"]])
                else:
                    rows.append([self.ch.pick(bank), no, ""])
            section.items.append(Grid("attachments", [columns[0], check, columns[-1]], rows))
            return section
        template = self.ch.pick(fw.ATTACHMENT_LINES)
        lines = [template.format(kind=words[d["kind"]], file=d["filename"]) for d in documents]
        if shape == "lettered list":
            lines = [f"{'abcdef'[i]}) {line}" for i, line in enumerate(lines)]
            section.items.append(Lines("attachments", None, lines))
            return section
        items = lines[0] if len(lines) == 1 else ", ".join(lines[:-1]) + " and " + lines[-1]
        sentence = self.ch.pick(fw.ATTACHMENT_SENTENCES).format(items=items)
        section.items.append(Field("attachments", heading, sentence, long=True))
        section.heading = None
        return section
