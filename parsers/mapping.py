"""From what a reader found to the record: each answer goes to the record field its label (and
the section it sits under) asks for, in the contract's format, with where it came from."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from parsers import attachments, household, labels, normalise
from parsers.errors import NothingFound
from parsers.model import Observation, ReadDocument, Table
from record import RecordError, dump_record, load_record
from record.paths import remove_path, set_path

DATE_FIELDS = {
    "child.date_of_birth",
    "child.expected_date_of_birth",
    "referral.date",
    "consent.date",
}
BIRTH_FIELDS = {"child.date_of_birth", "child.expected_date_of_birth"}
BOOL_FIELDS = {"consent.family_agrees", "consent.information_sharing", "consent.family_informed"}
NAME_FIELDS = {"child.first_name", "child.last_name", "referrer.name", "lead_professional.name"}
HOUSEHOLD_INDEX = re.compile(r"\b(\d{1,2})\b")
_DIGIT = re.compile(r"\d").search
# Fields answered by choosing among captions, and what a caption names of each.
CHOICES = (
    ("pathway", lambda caption: labels.option_in(caption, labels.PATHWAY_OPTIONS)),
    ("threshold_level", labels.level_in),
)


@dataclass
class Written:
    """People and documents written as lines of text, with where the first was found."""

    people: list[dict] = dataclasses.field(default_factory=list)
    people_source: dict = dataclasses.field(default_factory=dict)
    documents: list[dict] = dataclasses.field(default_factory=list)
    documents_source: dict = dataclasses.field(default_factory=dict)


@dataclass
class Candidate:
    value: object
    score: float
    source: dict
    #: (field, value) its label asks for as much as for this one, should this field go to a
    #: firmer claim ("Routines and boundaries" beside a form's own "Stability")
    ties: tuple[tuple[str, object], ...] = ()


def to_record(document: ReadDocument) -> tuple[dict, dict]:
    """(record in the contract's names and formats, provenance by dotted field path)."""
    found: dict[str, Candidate] = {}
    household_cells: dict[int, dict[str, tuple[object, dict]]] = {}
    written = Written()
    grids = _GridLists()
    from_tables = [
        *_question_rows(document.tables, grids),
        *_titles_over_answers(document.tables, grids),
    ]
    observations = [*document.observations, *from_tables]
    people = _people_in_a_row(observations)
    scales = _scales(observations)
    for at, observation in enumerate(observations):
        if at in people:
            _add_people(written, observation, [people[at]])
        elif not (
            _household_cell(observation, household_cells)
            or _household_lines(observation, written)
            or _document_list(observation, written)
        ):
            _observe(observation, found, scales)
    members, member_source = _household(document.tables, grids, household_cells, written)
    documents, documents_source = _attachments(document.tables, grids, written)
    _birth_dates(found)
    record, provenance = _assemble(found)
    if members:
        record["household_members"] = members
        provenance["household_members"] = member_source
    if documents:
        record["attachments"] = documents
        provenance["attachments"] = documents_source
    if len(provenance) == 0:
        raise NothingFound("no form answers were found in this file")
    return _validated(record), provenance


_ANSWER_COLUMN = re.compile(r"\b(?:response|answer|information|details|comments?)\b", re.I)


def _question_rows(tables: list[Table], grids: _GridLists) -> list[Observation]:
    """A grid titled "Question | Guidance notes | Response" whose rows start with a form's
    questions: each row a question and its answer, in the column titled as the answer."""
    found = []
    for table in tables:
        titled = [n for n, title in enumerate(table.header) if _ANSWER_COLUMN.search(title)]
        rows = [row for row in table.rows if row and row[0]]
        if len(table.header) < 2 or not rows or not titled:
            continue
        if sum(1 for row in rows if _asks(row[0])) * 2 <= len(rows):
            continue
        if grids.any(table):
            continue  # a household on its side starts its rows with "Name", "Relationship"
        for row in rows:
            cells = [row[n] for n in titled if n < len(row) and row[n]]
            answer = cells[0] if cells else next((c for c in reversed(row[1:]) if c), "")
            if answer:
                found.append(
                    Observation(
                        labels=[row[0]],
                        value=answer,
                        section=table.section,
                        where=table.where,
                        confidence=min(table.confidence, 0.8),
                    )
                )
    return found


def _asks(text: str) -> bool:
    """A form's question: for a field, for the household or for the documents sent."""
    return (
        labels.reads_as_label(text)
        or attachments.is_list_label(text)
        or labels.subject_in(text)[0] == "household"
    )


def _titles_over_answers(tables: list[Table], grids: _GridLists) -> list[Observation]:
    """A grid whose titles are a form's questions ("Child's surname | Forename(s) | Date of
    birth") over one row of answers (and perhaps a row of notes, such as where each answer came
    from): each title and the answer under it. Grids of people or documents are not this."""
    found = []
    for table in tables:
        answers = next((row for row in table.rows if any(row)), None)
        # Three questions at least, or two over a lone row: two titles over rows are as often
        # a grid's own.
        pair = len(table.header) == 2 and len(table.rows) == 1
        if answers is None or (len(table.header) < 3 and not pair):
            continue
        # The model is asked of the other titles only once two say fields' words: asking it of
        # every grid's titles would cost more than the grids of questions it finds.
        said = (title for title in table.header if title and labels.match_words(title))
        if next(said, None) is None or next(said, None) is None:
            continue
        if grids.any(table):
            continue
        fields = {m.field for title in table.header if title and (m := labels.match(title))}
        if len(fields) < (2 if pair else 3) or len(fields) * 2 < len(table.header):
            continue
        for title, answer in zip(table.header, answers, strict=False):
            if title and answer:
                found.append(
                    Observation(
                        labels=[title],
                        value=answer,
                        section=table.section,
                        where=table.where,
                        confidence=min(table.confidence, 0.7),
                    )
                )
    return found


class _GridLists:
    """The people or documents each grid lists, read once a parse: the grid readers, the
    household and the attachments all ask of the same tables."""

    def __init__(self) -> None:
        self._people: dict[int, list[dict]] = {}
        self._documents: dict[int, list[dict]] = {}

    def people(self, table: Table) -> list[dict]:
        if id(table) not in self._people:
            self._people[id(table)] = household.from_grid(table.header, table.rows)
        return self._people[id(table)]

    def documents(self, table: Table) -> list[dict]:
        if id(table) not in self._documents:
            self._documents[id(table)] = attachments.from_grid(table.header, table.rows)
        return self._documents[id(table)]

    def any(self, table: Table) -> bool:
        return bool(self.people(table) or self.documents(table))


def _source(observation: Observation, label: str, score: float) -> dict:
    text = (
        observation.value
        if isinstance(observation.value, str)
        else ("ticked" if observation.value else "not ticked")
    )
    return {
        "where": observation.where,
        "label": label if not observation.group else f"{observation.group}: {label}",
        "text": text,
        "confidence": round(min(1.0, score) * observation.confidence, 2),
    }


def _best_match(observation: Observation, texts: list[str]) -> tuple[labels.Match | None, str]:
    """The field the answer's texts ask for. Their words are read first; the label model is
    asked only when no text says a field word for word (most of a form's cost otherwise)."""
    best, best_label = None, ""
    for position, text in enumerate(texts):
        found = labels.match_words(text, observation.section) if text else None
        if found and (best is None or found.score - 0.01 * position > best.score):
            best, best_label = found, text
            if position == 0:
                break  # the printed label says it word for word: no field name can outdo it
    if best is None:
        # No text says a field word for word. The printed label (the first text) is worded for
        # a person: the model's guess at it counts; a field name behind it must score as a match.
        for position, text in enumerate(text for text in texts if text):
            found = labels.match(text, observation.section)
            if found and (position == 0 or found.score >= labels.MATCH_THRESHOLD):
                return found, text
    return best, best_label


def _offer(
    found: dict[str, Candidate],
    field: str,
    value: object,
    score: float,
    source: dict,
    ties: tuple[tuple[str, object], ...] = (),
) -> None:
    if value is None or value == "":
        return
    current = found.get(field)
    if current is None or score > current.score:
        found[field] = Candidate(value, score, source, ties)
        if current is not None:
            _fall_back(found, current)
    else:
        _fall_back(found, Candidate(value, score, source, ties))


def _fall_back(found: dict[str, Candidate], loser: Candidate) -> None:
    """An answer whose field went to a firmer claim takes the next field its label asks for
    as much, if no answer holds that one."""
    for position, (field, value) in enumerate(loser.ties):
        if field not in found:
            found[field] = Candidate(value, loser.score, loser.source, loser.ties[position + 1 :])
            return


# Fields of free text whose labels share words: an answer put to one may belong to the next.
_TIES_IN = ("assessment.", "harm.", "referral.")


def _ties(question: labels.Match, label: str, observation: Observation):
    """The other fields the label's words ask for as much as for ``question``'s, with the
    answer in each one's format."""
    tied = []
    for other in labels.alternatives(label, observation.section):
        if other.field != question.field and other.score >= question.score - labels.TIE:
            value = _value_for(other.field, observation.value)
            if value is not None:
                tied.append((other.field, value))
    return tuple(tied)


def _observe(
    observation: Observation, found: dict[str, Candidate], scales: dict | None = None
) -> None:
    if isinstance(observation.value, bool) or observation.value is None:
        _observe_tick_box(observation, found, scales)
        return
    if joint := _joint(observation):
        for part_label, part in joint:
            _observe(dataclasses.replace(observation, labels=[part_label], value=part), found)
        return
    question, label = _best_match(observation, observation.labels)
    chosen = _chosen_among(observation.value)
    if chosen and (question is None or question.field not in (chosen, *BOOL_FIELDS)):
        # Ticked among the pathways or the levels: that is the answer, whatever the question
        # was worded as ("Service requested" is not the free-text request).
        question = labels.Match(chosen, labels.MATCH_THRESHOLD)
        label = label or next((text for text in observation.labels if text), "")
    if question is None:
        return
    if question.field == "referral.request" and _names_a_service(observation.value):
        # "Service you are requesting: s.17 child in need" names the pathway, not the request.
        question = labels.Match("pathway", question.score)
    value = _value_for(question.field, observation.value)
    if value is None:
        question, value = _fitting(question, label, observation)
    source = _source(observation, label, question.score)
    if question.field == "child.full_name":
        first, last = normalise.split_name(value)
        _offer(found, "child.first_name", first, question.score - 0.05, source)
        _offer(found, "child.last_name", last, question.score - 0.05, source)
        return
    if question.field in BIRTH_FIELDS and isinstance(value, str) and _says_both(label):
        source = {**source, "either": True}
    if question.field == "child.address" and isinstance(value, str):
        value, postcode = normalise.split_postcode(observation.value)
        value = normalise.address(value)
        _offer(found, "child.postcode", postcode, question.score - 0.1, source)
    ties = _ties(question, label, observation) if question.field.startswith(_TIES_IN) else ()
    _offer(found, question.field, value, question.score, source, ties)


_JOINED_LABEL = re.compile(r"\s+(?:&|and)\s+|\s*/\s*")
_JOINED_VALUE = re.compile(r"\s*[,;]\s*|\s+/\s+|\s+[–—-]\s+")
_CONTACT_PARTS = (".name", ".role", ".agency", ".phone", ".email")


def _joint(observation: Observation) -> list[tuple[str, str]] | None:
    """ "Name & job title: Ann Lee, School Nurse": one answer to a label that asks for two of a
    person's details, as (the label of each, its part of the answer)."""
    label = next((text for text in observation.labels if text), "")
    parts = _JOINED_LABEL.split(label)
    if len(parts) < 2 or not isinstance(observation.value, str):
        return None
    subject, _ = labels.subject_in(label)
    section = observation.section or subject or ""
    fields = []
    for part in parts:
        said = labels.match_words(part, section)
        if said is None or not said.field.endswith(_CONTACT_PARTS) or said.field in fields:
            return None
        fields.append(said.field)
    values = _JOINED_VALUE.split(observation.value.strip(), maxsplit=len(parts) - 1)
    if len(values) != len(parts) or not all(values):
        return None
    return list(zip(parts, values, strict=True))


def _fitting(
    question: labels.Match, label: str, observation: Observation
) -> tuple[labels.Match, object]:
    """The next field the label may ask for whose format the answer fits, at no higher score:
    in the same part of the record first ("Agreement obtained (date)" is the consent's date)."""
    part = question.field.split(".")[0]
    others = sorted(
        labels.alternatives(label, observation.section),
        key=lambda other: other.field.split(".")[0] != part,
    )
    for other in others:
        if other.field != question.field:
            value = _value_for(other.field, observation.value)
            if value is not None:
                return labels.Match(other.field, min(other.score, question.score)), value
    return question, None


def _chosen_among(value: str) -> str | None:
    """``pathway`` or ``threshold_level`` when the answer is boxes captioned with them."""
    if not normalise.has_ticks(value):
        return None
    captions = [caption for _, caption in normalise.ticks(value) if caption]
    if len(captions) < 2:
        return None
    for field, says in CHOICES:
        if sum(says(caption) is not None for caption in captions) * 2 > len(captions):
            return field
    return None


def _names_a_service(value: object) -> bool:
    """A short answer that is a pathway's name ("Targeted Early Help service", "Child in need
    assessment (s.17)"), not a sentence about what is asked for."""
    if not isinstance(value, str) or len(value.split()) > 6 or value.rstrip().endswith("."):
        return False
    return labels.option_in(value, labels.PATHWAY_OPTIONS) is not None


def _says_both(label: str) -> bool:
    """ "Date of birth or EDD", "DOB/EDD": the date itself says which it is."""
    words = f" {labels.normalise(label)} "
    expected = (" expected date of birth ", " due date ", " expected delivery ")
    if not any(phrase in words for phrase in expected):
        return False
    for phrase in expected:
        words = words.replace(phrase, " ")
    return " date of birth " in words or " born " in words


def _birth_dates(found: dict[str, Candidate]) -> None:
    """A date of birth after the form's date is the unborn child's expected date; a date from
    a "date of birth or EDD" answer before it is the date of birth."""
    on = found.get("referral.date")
    form_date = dt.date.fromisoformat(on.value) if on else dt.date.today()
    for field in sorted(BIRTH_FIELDS):
        candidate = found.get(field)
        if candidate is None or not isinstance(candidate.value, str):
            continue
        to_come = dt.date.fromisoformat(candidate.value) > form_date
        if field == "child.date_of_birth" and to_come:
            found["child.expected_date_of_birth"] = found.pop(field)
        elif (
            field == "child.expected_date_of_birth"
            and candidate.source.get("either")
            and not to_come
            and "child.date_of_birth" not in found
        ):
            found["child.date_of_birth"] = found.pop(field)
        candidate.source.pop("either", None)


def _value_for(field: str, raw: str) -> object:
    """A raw answer in the contract's format for ``field`` (None when it does not fit)."""
    if normalise.has_ticks(raw):
        chosen = [caption for ticked, caption in normalise.ticks(raw) if ticked]
        if field == "pathway":
            return next(
                filter(None, (labels.option_in(c, labels.PATHWAY_OPTIONS) for c in chosen)), None
            )
        if field == "threshold_level":
            return next(filter(None, (labels.level_in(c) for c in chosen)), None) or (
                _step_chosen([caption for _, caption in normalise.ticks(raw)], chosen)
            )
        if field in BOOL_FIELDS:
            return normalise.yes_no(raw)
        raw = " ".join(chosen) if chosen else ""
        raw = re.sub(r"\(.*?\)|please state:?", "", raw, flags=re.IGNORECASE)
    if field in DATE_FIELDS:
        return normalise.date(raw)
    if field in BOOL_FIELDS:
        return normalise.yes_no_in_words(raw)
    if field == "pathway":
        return labels.option_in(raw, labels.PATHWAY_OPTIONS)
    if field == "threshold_level":
        return labels.level_in(raw)
    if field == "child.postcode":
        return normalise.postcode(raw)
    if field == "child.address":
        return normalise.address(raw)
    if field.endswith(".phone"):
        return normalise.phone(raw)
    if field.endswith(".email"):
        return normalise.email(raw)
    if field == "child.gender":
        return normalise.gender(raw)
    if normalise.says_what_it_is(raw):
        return None  # a date, phone number, e-mail or postcode alone answers none of the rest
    if field in NAME_FIELDS:
        return normalise.person_name(raw) if normalise.could_be_a_name(raw) else None
    return normalise.text(raw)


def _scales(observations: list[Observation]) -> dict[tuple[str, str], list[str]]:
    """The captions of each question's single tick boxes, in order, by (section, question)."""
    scales: dict[tuple[str, str], list[str]] = {}
    for observation in observations:
        if observation.group and isinstance(observation.value, bool):
            caption = next((text for text in observation.labels if text), "")
            scales.setdefault((observation.section, observation.group), []).append(caption)
    return scales


def _observe_tick_box(
    observation: Observation, found: dict[str, Candidate], scales: dict | None = None
) -> None:
    """A single tick box: its caption answers the question of its row (``group``), or the box
    itself is the question (a field named ``pathway_early_help`` or a lone "Family agrees")."""
    if not observation.value:
        return
    caption = next((text for text in observation.labels if text), "")
    if observation.group:
        question = labels.match(observation.group, observation.section)
        if question and question.field not in ("pathway", "threshold_level"):
            # A box captioned with a pathway or a level answers that, whatever the question
            # was worded as ("Service you are requesting: ☒ Child protection – s.47").
            for chosen, says in CHOICES:
                if question.field not in BOOL_FIELDS and says(caption) is not None:
                    question = labels.Match(chosen, labels.MATCH_THRESHOLD)
                    break
        if question:
            value = _value_for(question.field, caption)
            # The question's other boxes: a scale of steps, or a thing and its denial.
            steps = (scales or {}).get((observation.section, observation.group), [])
            if question.field in BOOL_FIELDS:
                value = normalise.yes_no(caption)
                if value is None:
                    value = normalise.chosen_side(caption, steps)
            if question.field == "threshold_level" and value is None:
                value = _step_chosen(steps, [caption])
            _offer(
                found,
                question.field,
                value,
                question.score,
                _source(observation, caption, question.score),
            )
            return
    for text in observation.labels:
        question = labels.match(text, observation.section)
        if question is None and _NAMES_A_LEVEL.search(text) and labels.level_in(text):
            question = labels.Match("threshold_level", labels.MATCH_THRESHOLD)  # "☒ Band C"
        if question is None:
            continue
        if question.field == "pathway":
            value = labels.option_in(text, labels.PATHWAY_OPTIONS)
        elif question.field == "threshold_level":
            value = labels.level_in(text)
        elif question.field in BOOL_FIELDS:
            value = True
        else:
            continue
        _offer(
            found, question.field, value, question.score, _source(observation, text, question.score)
        )
        return


def _step_chosen(steps: list[str], chosen: list[str]) -> int | None:
    """A continuum of need in four steps named its own way ("Low | Medium | High | Acute"): the
    level is the chosen step's place in it."""
    if len(steps) != 4 or len(chosen) != 1 or chosen[0] not in steps:
        return None
    return steps.index(chosen[0]) + 1


_NAMES_A_LEVEL = re.compile(r"\b(?:level|tier|band|threshold)\b", re.IGNORECASE)


def _household_cell(observation: Observation, cells: dict) -> bool:
    """Household answers kept as loose numbered fields (``hh1_name``, "Person 2 relationship")."""
    for text in observation.labels:
        if not _DIGIT(text):
            continue  # no number, no person's number
        subject, rest = labels.subject_in(text)
        section_subject, _ = labels.subject_in(observation.section)
        index = HOUSEHOLD_INDEX.search(labels.normalise(text))
        # "Person 2 …", "Adult 1 – …" number a member of the household under any heading.
        counted = _COUNTED_PERSON.match(labels.normalise(text)) is not None
        if not index or normalise.find_date(text):
            continue
        if not counted and "household" not in (subject, section_subject):
            continue
        rest = HOUSEHOLD_INDEX.sub(" ", rest)
        if detail := _WHO.sub(" ", rest).strip():
            rest = detail  # "Person 1 relationship" asks for a relationship, not a person
        column = _column(rest, labels.HOUSEHOLD_COLUMNS)
        if column:
            cells.setdefault(int(index[1]), {})[column] = (
                observation.value,
                _source(observation, text, observation.confidence),
            )
            return True
    # "Person no. 2" heading a block of "Full name", "Relationship", "DOB" answers
    label = next((text for text in observation.labels if text), "")
    numbered = _NUMBERED_PERSON.match(observation.section.strip())
    about_household = labels.subject_in(observation.section)[0] == "household"
    if not (numbered or about_household) or not _column_title(label):
        return False
    if labels.subject_in(label)[0] not in (None, "child"):
        return False  # "Relationship to the child" is, "Referrer – name" is not, their detail
    column = _column(label, labels.HOUSEHOLD_COLUMNS)
    if numbered:
        person = int(numbered[1] or numbered[2])
    else:
        # The same few questions are asked again for each person under a household heading:
        # a column already answered starts the next person.
        person = max(cells, default=_UNNUMBERED)
        if person < _UNNUMBERED or column in cells.get(person, {}):
            person = max(person + 1, _UNNUMBERED)
    cells.setdefault(person, {})[column] = (
        observation.value,
        _source(observation, label, observation.confidence),
    )
    return True


_UNNUMBERED = 1000  # people in unnumbered blocks, after any numbered ones


_WHO = re.compile(rf"\b{household.PERSON_WORD}\b")
_COUNTED_PERSON = re.compile(rf"^{household.PERSON_WORD}\s*(?:no|number)?\s*\d{{1,2}}\b")
_NUMBERED_PERSON = re.compile(
    r"^\((\d{1,2})\)$|"  # "(2)" over a block of one person's answers
    # "Person 2", "Individual 1 at the address"
    rf"^{household.PERSON_WORD}\s*(?:no\.?|number|#)?\s*(\d{{1,2}})(?:\W*$|\s+(?:at|in|living|who)\b)",
    re.IGNORECASE,
)


def _column(text: str, columns: dict[str, list[str]]) -> str | None:
    return labels.option_in(text, columns)


def _household_lines(observation: Observation, written: Written) -> bool:
    """People written as lines under a household heading, or a label that is a relationship
    ("Mother: Jane Smith, 01/02/1985")."""
    if not isinstance(observation.value, str):
        return False
    label = next((text for text in observation.labels if text), "")
    in_household = labels.subject_in(observation.section)[0] == "household" or labels.speaks_of(
        label, "household"
    )
    if not (
        in_household
        or household.relationship_of(label)
        or household.lists_people(observation.value)
    ):
        return False
    if _column_title(label) and label != observation.section:
        return False  # "Name", "Relationship": one column of a grid read as answers
    people = household.from_lines(label, observation.value)
    if not people:
        return False
    _add_people(written, observation, people)
    return True


def _add_people(written: Written, observation: Observation, people: list[dict]) -> None:
    if not written.people:
        label = next((text for text in observation.labels if text), "")
        written.people_source = _source(observation, label, 0.8)
    written.people.extend(people)


def _people_in_a_row(observations: list[Observation]) -> dict[int, dict]:
    """Answers that are each one person ("Jane Smith (mother, 01/02/1985)"), two or more one
    after another, under labels asking nothing else (a box a person, a control a line): a
    household, whatever its heading says. By position in ``observations``."""
    people: dict[int, dict] = {}
    for at, observation in enumerate(observations):
        value, label = observation.value, next(iter(observation.labels), "")
        if not isinstance(value, str) or "\n" in value.strip() or len(value.split()) > 25:
            continue
        if labels.match_words(label, observation.section):
            continue  # "Consent given by: Jane Smith (mother)" answers its question
        if not household.says_relationship(value):
            continue  # (cheaply) no one's mother or brother here
        person = household.from_text(value)
        if person and person["relationship"]:
            people[at] = person
    return {at: person for at, person in people.items() if at - 1 in people or at + 1 in people}


def _column_title(label: str) -> bool:
    return (
        len(label.split()) <= 6
        and not any(character.isdigit() for character in label)
        and labels.option_in(label, labels.HOUSEHOLD_COLUMNS) is not None
        and labels.subject_in(label)[0] != "household"  # "Household members" heads them all
        and not household.from_text(label)  # "Jane Smith / Mother / DOB": a person, not a title
    )


def _document_list(observation: Observation, written: Written) -> bool:
    """Documents listed under "Documents enclosed", "Enclosures" and the like."""
    label = next((text for text in observation.labels if text), "")
    if isinstance(observation.value, bool):
        return _document_ticked(observation, label, written)
    if not isinstance(observation.value, str):
        return False
    if not (
        attachments.is_list_label(label)
        or attachments.is_list_label(observation.section)
        or attachments.looks_like_documents(observation.value)
    ):
        return False
    listed = observation.value
    if label and attachments.names_a_file_only(listed):
        listed = f"{label} – {listed}"  # "Current EHCP – saved as EHCP.pdf" read as a pair
    documents = attachments.from_list(listed)
    if not documents:
        return False
    _add_documents(written, observation, label, documents)
    return True


def _add_documents(
    written: Written, observation: Observation, label: str, documents: list[dict]
) -> None:
    if not written.documents:
        written.documents_source = _source(observation, label, 0.8)
    written.documents.extend(documents)


def _document_ticked(observation: Observation, label: str, written: Written) -> bool:
    """A tick box beside a kind of document, under "Documents included (tick all that
    apply)": ticked, that document was sent (with the file name its caption may give)."""
    if (
        not (
            attachments.is_list_label(observation.group)
            or attachments.is_list_label(observation.section)
        )
        or not label
    ):
        return False
    if observation.value:
        _add_documents(written, observation, label, attachments.from_list(label))
    return True


def _household(
    tables: list[Table], grids: _GridLists, loose: dict, written: Written
) -> tuple[list[dict], dict]:
    """Everyone the form lists, however: a form may keep parents and carers in one grid, the
    children in another and a lodger in a line of prose. The first place found is the source."""
    grids = [(table, found) for table in tables if (found := grids.people(table))]
    numbered = [
        m
        for _, cells in sorted(loose.items())
        if (m := household.member({k: v for k, (v, _) in cells.items()}))
    ]
    members = household.distinct(
        [*(person for _, found in grids for person in found), *numbered, *written.people]
    )
    if not members:
        return [], {}
    if grids:
        source = _table_source(grids[0][0], "")
    elif numbered:
        source = dict(next(iter(next(iter(sorted(loose.items())))[1].values()))[1])
    else:
        source = dict(written.people_source)
    return members, {**source, "text": f"{len(members)} people"}


def _table_source(table: Table, text: str) -> dict:
    return {
        "where": table.where,
        "label": " | ".join(table.header),
        "text": text,
        "confidence": table.confidence,
    }


def _attachments(
    tables: list[Table], grids: _GridLists, written: Written
) -> tuple[list[dict], dict]:
    for table in tables:
        if documents := grids.documents(table):
            return documents, _table_source(table, f"{len(documents)} documents")
    if documents := attachments.distinct(written.documents):
        source = {**written.documents_source, "text": f"{len(documents)} documents"}
        return documents, source
    return [], {}


def _assemble(found: dict[str, Candidate]) -> tuple[dict, dict]:
    record: dict = {}
    for field, candidate in found.items():
        set_path(record, field, candidate.value)
    return record, {field: candidate.source for field, candidate in found.items()}


def _validated(record: dict) -> dict:
    """The record through the contract's model; a value the model refuses is dropped, not
    guessed. A form that names no pathway gives a record without one, for a person to choose."""
    pathway = record.pop("pathway", None)
    while True:
        try:
            data = dump_record(load_record({**record, "pathway": pathway or "early_help"}))
        except RecordError as error:
            if not remove_path(record, error.problems[0].split(":")[0]):
                raise
            continue
        if pathway is None:
            data.pop("pathway")
        return data
