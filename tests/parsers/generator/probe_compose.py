"""The probe split's composer: the tune / held-out ``Composer`` with every choice redirected to
the probe banks (``split.Chooser`` does that by bank name), plus the answer styles and shapes only
probe forms use: new date styles, yes / no answers written as sentences, "delete as applicable"
or Y / N / N/K boxes, new tick glyphs, household tables with gender, occupation / school or
"known to services" columns and fixed blank rows, separate parents / children tables, a whole
household in one semicolon-separated answer, and attachments as a yes / no question with a
bulleted list, a four-column table or a numbered answer box."""

from __future__ import annotations

import datetime as dt

from tests.parsers.generator import probe_wordings as pw
from tests.parsers.generator.compose import Choice, Composer, Field, Grid, Lines, Section, put

ADULTS = ("mother", "father", "stepfather", "mother's partner", "maternal grandmother")
FEMALE = ("mother", "maternal grandmother", "sister", "half-sister", "stepsister")
MALE = ("father", "stepfather", "mother's partner", "brother", "half-brother")
OCCUPATIONS = ("Unemployed", "Works part-time", "Full-time carer", "N/K", "Self-employed", "")
KNOWN = ("School", "Health visitor", "None known", "", "", "GP only", "Police (2023)")


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


class ProbeComposer(Composer):
    def __init__(self, split: str, seed: str, family: str):
        if split != "probe":
            raise ValueError("ProbeComposer composes probe forms only")
        super().__init__(split, seed, family)
        self.form_date = dt.date(2025, 6, 1)

    def compose(self):
        form = super().compose()
        form.date_style = self.date_style  # the date controls' display format follows it
        return form

    def date(self, iso: str) -> str:
        return write_date(dt.date.fromisoformat(iso), self.date_style)

    def yes_no(self, style: str, key: str, label: str, value: bool) -> Field | Choice:
        if style == "a sentence in the worker's own words":
            yes, no = self.ch.pick(pw.YES_NO_SENTENCES[key]).split(" | ")
            return Field(key, label, yes if value else no)
        if style == "tick boxes Y, N, N/K":
            return Choice(key, label, [("Y", value), ("N", not value), ("N/K", False)])
        if style == "Yes or No left, question says delete as applicable":
            return Field(key, f"{label} {self.ch.pick(pw.YES_NO_DELETE)}", "Yes" if value else "No")
        yes, no = self.ch.pick(pw.YES_NO_NOTES).split(" | ")
        return Field(key, label, f"YES – {yes}" if value else f"NO – {no}")

    def ticks(self) -> tuple[str, str]:
        on, off = self.ch.pick(pw.TICK_GLYPHS).split(" | ")
        return on, "" if off == "(nothing)" else off

    # -- households ----------------------------------------------------------------------------

    def household(self, members: list[dict]) -> Section:
        section = Section("household", self.ch.pick(pw.HEADINGS["household"]))
        shape = self.ch.pick(pw.HOUSEHOLD_SHAPES)
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
        unknown = self.ch.pick(pw.HOUSEHOLD_UNKNOWN)

        def rel(member: dict) -> str:
            word = member["relationship"]
            return word[0].upper() + word[1:] if capital else word

        def dob(member: dict) -> str:
            return self.date(member["date_of_birth"]) if member["date_of_birth"] else unknown

        if one_box:
            template = self.ch.pick(pw.HOUSEHOLD_LINES)
            phrases = [
                template.format(name=m["name"], rel=m["relationship"], Rel=rel(m), dob=dob(m))
                for m in truth
            ]
            section.items.append(Field("household", section.heading, "; ".join(phrases), True))
            section.heading = None
            return section

        pr_yes, pr_no = self.ch.pick(pw.HOUSEHOLD_PR_VALUES).split(" | ")
        name_head = self.ch.pick(pw.HOUSEHOLD_COLUMNS["name"])
        rel_head = self.ch.pick(pw.HOUSEHOLD_COLUMNS["relationship"])
        dob_head = self.ch.pick(pw.HOUSEHOLD_COLUMNS["date_of_birth"])
        pr_head = self.ch.pick(pw.HOUSEHOLD_COLUMNS["parental_responsibility"])

        def pr(member: dict) -> list[str]:
            if not show_pr:
                return []
            return [pr_yes if member["parental_responsibility"] else pr_no]

        if shape.startswith("table with gender"):
            gender_head = self.ch.pick(pw.HOUSEHOLD_GENDER)
            extra_head = self.ch.pick(pw.HOUSEHOLD_EXTRA)
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
            adults_title, children_title = self.ch.pick(pw.HOUSEHOLD_PARTS).split(" | ")
            extra_head = self.ch.pick(pw.HOUSEHOLD_EXTRA)
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
        known_head = self.ch.pick(pw.HOUSEHOLD_KNOWN)
        header = [name_head, dob_head, rel_head] + ([pr_head] if show_pr else []) + [known_head]
        rows = [[m["name"], dob(m), rel(m), *pr(m), self.rng.choice(KNOWN)] for m in truth]
        rows += [[""] * len(header) for _ in range(max(1, 6 - len(rows)))]
        section.items.append(Grid("household", header, rows))
        return section

    # -- attachments ---------------------------------------------------------------------------

    def attachments(self, documents: list[dict]) -> Section:
        heading, section, shape, words = self.open_attachments(pw, documents)
        if shape.startswith("table"):
            columns = self.ch.pick(pw.ATTACHMENT_COLUMNS).split(" | ")
            lettered = self.ch.chance(0.5)
            rows = [
                [
                    f"A{n}" if lettered else str(n),
                    words[d["kind"]],
                    d["filename"],
                    self.ch.pick(pw.ATTACHMENT_SENT_BY),
                ]
                for n, d in enumerate(documents, 1)
            ]
            section.items.append(Grid("attachments", columns, rows))
            return section
        template = self.ch.pick(pw.ATTACHMENT_LINES)
        lines = [template.format(kind=words[d["kind"]], file=d["filename"]) for d in documents]
        if shape.startswith("yes/no question"):
            question = self.ch.pick(pw.ATTACHMENT_QUESTION)
            section.items.append(Field("attachments.any", question, "Yes"))
            section.items.append(Lines("attachments", None, [f"• {line}" for line in lines]))
            return section
        numbered = "\n".join(f"({n}) {line}" for n, line in enumerate(lines, 1))
        section.items.append(Field("attachments", heading, numbered, long=True))
        section.heading = None
        return section
