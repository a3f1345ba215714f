"""The probe2 split's composer: the probe composer (``probe_compose.ProbeComposer``) pointed at the
probe2 banks (``probe2_wordings``), with the answer styles and shapes only probe2 forms use.

- Dates as "07-Mar-25", "7.3.2025", "7th of March 2025", "07-MAR-2025", "7 Mar '25" or
  "Fri 07/03/2025"; yes / no answers as a status word ("Agreed", "Withheld", "Informed"), tick
  boxes with whole-sentence captions, "Yes – <date asked>", or TRUE / FALSE from a case system.
- Households as a sentence ("Amy lives with birth mum Jane Smith (34), mum's new partner …"; an
  age is not a date of birth, so the record has none), a box per person with labelled answers, a
  labelled answer per detail with the person's number in every label ("Person 2 DOB", "Adult 1 –
  name", "Child 2 – relationship"), a line per person each its own answer (a repeating-section
  content control in Word), a table whose header is two rows (group headings over the columns), a
  table with a notes column, or a table with the name and date of birth on two lines of a cell.
- Enclosures as an "Enclosures" line closing the form, an "I have attached …" sentence per
  document, a yes / no question with the documents lettered (a), (b) beneath, documents named by
  kind only ("Copy of EHCP", "Statement of special educational needs", "TAF minutes"; no file
  name, so the record's ``filename`` is null), or a title / written by / date / saved-as table;
  file names with spaces and brackets ("Copy of EHCP (Amy Smith).pdf", "TAC plan [Smith] v3").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tests.parsers.generator import probe2_wordings as p2w
from tests.parsers.generator.compose import Choice, Field, Grid, Lines, Section, put
from tests.parsers.generator.probe_compose import ProbeComposer, age_at, in_a_sentence, ordinal

ADULTS = ("mother", "father", "stepfather", "mother's partner", "maternal grandmother")
ADULT_NOTES = ("Works nights", "Not working", "Main carer", "Visits at weekends", "", "Student")
CHILD_NOTES = ("Attends same school", "At nursery", "", "Year 9 at Hillcrest", "Has an EHCP", "")


@dataclass
class HeadedGrid(Grid):
    """A table whose header is two rows: ``groups`` over the column headings (a group heading
    repeated over neighbouring columns is one merged cell)."""

    groups: list[str] = field(default_factory=list)


@dataclass
class Card(Lines):
    """One person's details in a box (a text box in Word, a drawn box in a PDF)."""


@dataclass
class PeopleLines(Lines):
    """A line per person, each line its own answer (a repeating-section item in Word controls)."""


def write_date(date: dt.date, style: str) -> str:
    d, m, y = date.day, date.month, date.year
    month, mon = date.strftime("%B"), date.strftime("%b")
    return {
        "dd-Mon-yy": f"{d:02}-{mon}-{y % 100:02}",
        "d.m.yyyy, no leading zeros": f"{d}.{m}.{y}",
        "ordinal of Month yyyy": f"{ordinal(d)} of {month} {y}",
        "dd-MON-yyyy in capitals": f"{d:02}-{mon.upper()}-{y}",
        "d Mon 'yy": f"{d} {mon} '{y % 100:02}",
        "abbreviated weekday, dd/mm/yyyy": f"{date.strftime('%a')} {d:02}/{m:02}/{y}",
    }[style]


class Probe2Composer(ProbeComposer):
    SPLIT = "probe2"
    W = p2w
    WRITE_DATE = staticmethod(write_date)

    # the child's and family's names, kept for the household sentence and file names
    def child(self, child: dict) -> Section:
        self.the_child = child
        return super().child(child)

    def referral(self, story: dict, names: dict, date: str, with_date: bool) -> Section:
        self.names = names
        return super().referral(story, names, date, with_date)

    def yes_no(self, style: str, key: str, label: str, value: bool) -> Field | Choice:
        if style.startswith("a status word"):
            yes, no = self.ch.pick(self.W.YES_NO_STATUS[key]).split(" | ")
            return Field(key, label, yes if value else no)
        if style.startswith("tick boxes with whole-sentence"):
            yes, no = self.ch.pick(self.W.YES_NO_CAPTIONS[key]).split(" | ")
            return Choice(key, label, [(yes, value), (no, not value)])
        if style.startswith("Yes or No followed by the date"):
            yes, no = self.ch.pick(self.W.YES_NO_ASKED).split(" | ")
            asked = self.form_date - dt.timedelta(days=self.rng.randrange(0, 8))
            return Field(key, label, (yes if value else no).format(date=self.date(str(asked))))
        return Field(key, label, "TRUE" if value else "FALSE")

    # -- households ----------------------------------------------------------------------------

    def household(self, members: list[dict]) -> Section:
        W, pick = self.W, self.ch.pick
        section = Section("household", pick(W.HEADINGS["household"]))
        shape = pick(W.HOUSEHOLD_SHAPES)
        sentence = shape.startswith("a sentence")
        show_pr = not sentence and self.ch.chance(0.65)
        truth = []
        for member in members:
            entry = dict(
                member, date_of_birth=member["date_of_birth"] if self.ch.chance(0.92) else None
            )
            if not show_pr:
                entry.pop("parental_responsibility")
            truth.append(entry)
        put(self.expected, "household_members", truth)
        items = section.items
        unknown = pick(W.HOUSEHOLD_UNKNOWN)
        pr_yes, pr_no = pick(W.HOUSEHOLD_PR_YESNO).split(" | ")

        def rel(member: dict) -> str:
            word = member["relationship"]
            return word[0].upper() + word[1:]

        def dob(member: dict) -> str:
            return self.date(member["date_of_birth"]) if member["date_of_birth"] else unknown

        def pr(member: dict) -> str:
            return pr_yes if member["parental_responsibility"] else pr_no

        if sentence:
            opening = pick(W.HOUSEHOLD_SENTENCE_OPENING).format(child=self.the_child["first_name"])
            ages, borns = pick(W.HOUSEHOLD_AGE_WORDS), pick(W.HOUSEHOLD_BORN_WORDS)
            phrases = []
            for n, (member, entry) in enumerate(zip(members, truth, strict=True)):
                said = pick(W.HOUSEHOLD_SAID[member["relationship"]])
                phrase = f"{said} {member['name']}"
                if entry["date_of_birth"] and self.ch.chance(0.5):
                    phrase += " " + borns.format(dob=dob(entry))
                elif entry["date_of_birth"]:  # an age only: the record cannot hold a date
                    born = dt.date.fromisoformat(member["date_of_birth"])
                    phrase += " " + ages.format(age=age_at(born, self.form_date))
                    truth[n] = dict(entry, date_of_birth=None)
                phrases.append(phrase)
            put(self.expected, "household_members", truth)
            listed = (
                phrases[0] if len(phrases) == 1 else f"{', '.join(phrases[:-1])} and {phrases[-1]}"
            )
            label = pick(W.HOUSEHOLD_SENTENCE_LABEL)
            items.append(Field("household", label, f"{opening} {listed}.", long=True))
            return section

        if shape.startswith("a box for each person"):
            labels = pick(W.HOUSEHOLD_CARD_LABELS).split(" | ")
            title = pick(W.HOUSEHOLD_CARD_TITLES)
            for n, m in enumerate(truth, 1):
                lines = [f"{labels[0]}: {m['name']}", f"{labels[1]}: {rel(m)}"]
                lines.append(f"{labels[2]}: {dob(m)}")
                if show_pr:
                    lines.append(f"{labels[3]}: {pr(m)}")
                items.append(Card("household", title.format(n=n), lines, in_one_box=True))
            return section

        if shape.startswith("a labelled answer per detail"):
            template = pick(W.HOUSEHOLD_NUMBERED_LABELS)
            parts = pick(W.HOUSEHOLD_NUMBERED_PARTS).split(" | ")
            groups = pick(W.HOUSEHOLD_GROUP_WORDS).split(" | ")
            counts = {True: 0, False: 0}
            for n, m in enumerate(truth, 1):
                adult = m["relationship"] in ADULTS
                counts[adult] += 1
                number = counts[adult] if "{group}" in template else n
                group = groups[0] if adult else groups[1]
                values = [m["name"], rel(m), dob(m)] + ([pr(m)] if show_pr else [])
                for part, key, value in zip(
                    parts, ("name", "rel", "dob", "pr"), values, strict=False
                ):
                    label = template.format(n=number, part=part, group=group)
                    items.append(Field(f"household.person{n}.{key}", label, value))
            return section

        if shape.startswith("a line per person"):
            template = pick(W.HOUSEHOLD_LINE_TEMPLATES)
            with_pr, without_pr = pick(W.HOUSEHOLD_PR_WORDS).split(" | ")
            lines = []
            for m in truth:
                phrase = (
                    "" if not show_pr else with_pr if m["parental_responsibility"] else without_pr
                )
                lines.append(
                    template.format(
                        name=m["name"], rel=m["relationship"], Rel=rel(m), dob=dob(m), pr=phrase
                    )
                )
            items.append(PeopleLines("household", None, lines))
            return section

        name_head = pick(W.HOUSEHOLD_COLUMNS["name"])
        rel_head = pick(W.HOUSEHOLD_COLUMNS["relationship"])
        dob_head = pick(W.HOUSEHOLD_COLUMNS["date_of_birth"])
        pr_head = pick(W.HOUSEHOLD_COLUMNS["parental_responsibility"])
        pr_cells = (lambda m: [pr(m)]) if show_pr else (lambda m: [])
        pr_heads = [pr_head] if show_pr else []
        blank = self.rng.choice([0, 1, 2])

        if shape.startswith("table with a two-row header"):
            groups = pick(W.HOUSEHOLD_GROUP_HEADS).split(" | ")
            header = [name_head, rel_head, dob_head, *pr_heads]
            over = [groups[0], groups[1], groups[1]] + ([groups[2]] if show_pr else [])
            rows = [[m["name"], rel(m), dob(m), *pr_cells(m)] for m in truth]
            rows += [[""] * len(header) for _ in range(blank)]
            items.append(HeadedGrid("household", header, rows, groups=over))
            return section

        if shape.startswith("table with a notes column"):
            header = [name_head, rel_head, dob_head, *pr_heads, pick(W.HOUSEHOLD_NOTES_HEAD)]
            rows = [
                [
                    m["name"],
                    rel(m),
                    dob(m),
                    *pr_cells(m),
                    self.rng.choice(ADULT_NOTES if m["relationship"] in ADULTS else CHILD_NOTES),
                ]
                for m in truth
            ]
            rows += [[""] * len(header) for _ in range(blank)]
            items.append(Grid("household", header, rows))
            return section

        # the name and date of birth on two lines of one cell
        header = [pick(W.HOUSEHOLD_NAME_DOB_HEAD), rel_head, *pr_heads]
        rows = [[f"{m['name']}\n{dob(m)}", rel(m), *pr_cells(m)] for m in truth]
        rows += [[""] * len(header) for _ in range(blank)]
        items.append(Grid("household", header, rows))
        return section

    # -- enclosures ------------------------------------------------------------------------------

    def attachments(self, documents: list[dict]) -> Section:
        W, pick = self.W, self.ch.pick
        section = Section("attachments", pick(W.HEADINGS["attachments"]))
        shape = pick(W.ATTACHMENT_SHAPES)
        kind_only = shape.startswith("documents named by kind only")
        table = shape.startswith("a table")
        date = self.form_date
        fill = {
            "sur": self.names["sur"],
            "first": self.the_child["first_name"],
            "year": date.year,
            "dmy": f"{date.day:02}.{date.month:02}.{date.year % 100:02}",
        }
        docs, words = [], []
        for document in documents:
            words_for, file_for = pick(W.ATTACHMENT_DOCUMENTS[document["kind"]]).split(" | ")
            named = not kind_only and (table or self.ch.chance(0.7))
            docs.append(
                {"kind": document["kind"], "filename": file_for.format(**fill) if named else None}
            )
            words.append(words_for)
        put(self.expected, "attachments", docs)
        items = section.items

        def the(kind: str) -> str:
            return "a " if kind.startswith("Copy") else "the "

        if shape.startswith("an 'Enclosures' line"):
            template = pick(W.ATTACHMENT_ENCLOSURE_ITEM)
            listed = [
                template.format(kind=w, file=d["filename"]) if d["filename"] else w
                for w, d in zip(words, docs, strict=True)
            ]
            label = pick(W.ATTACHMENT_ENCLOSURES_LABEL)
            items.append(Field("attachments", label, "; ".join(listed), long=True))
            section.heading = None  # the last line of the form, under no heading of its own
            return section

        if shape.startswith("an 'I have attached"):
            with_file, bare = pick(W.ATTACHMENT_ATTACHED_SENTENCE), pick(W.ATTACHMENT_ATTACHED_BARE)
            lines = []
            for w, d in zip(words, docs, strict=True):
                kind = in_a_sentence(w)
                if d["filename"]:
                    lines.append(with_file.format(the=the(w), kind=kind, file=d["filename"]))
                else:
                    lines.append(bare.format(the=the(w), kind=kind))
            items.append(Lines("attachments", None, lines))
            if self.ch.chance(0.5):
                section.heading = None
            return section

        if shape.startswith("a yes/no question"):
            question = pick(W.ATTACHMENT_YES_NO_QUESTION)
            if self.ch.chance(0.5):
                items.append(Choice("attachments.any", question, [("Yes", True), ("No", False)]))
            else:
                items.append(Field("attachments.any", question, "Yes"))
            template = pick(W.ATTACHMENT_LINES)
            lines = [
                f"({chr(97 + n)}) "
                + (template.format(kind=w, file=d["filename"]) if d["filename"] else w)
                for n, (w, d) in enumerate(zip(words, docs, strict=True))
            ]
            items.append(Lines("attachments", None, lines))
            return section

        if kind_only:
            label = pick(W.ATTACHMENT_KIND_ONLY_LABEL)
            if self.ch.chance(0.5):
                items.append(Field("attachments", label, "\n".join(words), long=True))
            else:
                items.append(Lines("attachments", label, [f"• {w}" for w in words], True))
            return section

        header = pick(W.ATTACHMENT_COLUMNS).split(" | ")
        rows = []
        for w, d in zip(words, docs, strict=True):
            made = date - dt.timedelta(days=self.rng.randrange(2, 90))
            rows.append([w, pick(W.ATTACHMENT_AUTHORS), self.date(str(made)), d["filename"]])
        items.append(Grid("attachments", header, rows))
        return section
