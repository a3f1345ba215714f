"""Load the pathway rules files, refuse a broken one, and evaluate a record against them.

A rules file (YAML) names the pathways it applies to and a list of rules. A rule names a record
field by its dotted path (``harm.severity``, ``attachments.early_help_plan``) and the message a
practitioner sees when it is missing. Rules may require a value (``is: true``), accept
alternatives (``any_of``), combine requirements (``all_of``), apply only ``when`` another answer
holds, or run a named ``check`` (``child_age``). A path through a list (``household_members.name``)
asks it of every item, and of at least one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from record import AttachmentKind, Pathway, Record
from record.shape import dotted_paths
from service.config import StartupError, load_checked_yaml

DEFAULT_RULES_DIR = Path(__file__).parent


class RulesError(StartupError):
    """A rules file is broken; the message names the file and what is wrong with it."""


class Condition(BaseModel):
    """Something true or false of a record."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    field: str | None = None
    is_: bool | str | int | None = Field(default=None, alias="is")
    all_of: list[Condition] | None = None
    any_of: list[Condition] | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> Condition:
        kinds = [self.field is not None, self.all_of is not None, self.any_of is not None]
        if sum(kinds) != 1:
            raise ValueError("a condition needs exactly one of 'field', 'all_of' or 'any_of'")
        return self

    def fields(self) -> list[str]:
        if self.field is not None:
            return [self.field]
        return [name for part in (self.all_of or self.any_of) for name in part.fields()]

    def holds(self, record: dict) -> bool:
        if self.all_of is not None:
            return all(part.holds(record) for part in self.all_of)
        if self.any_of is not None:
            return any(part.holds(record) for part in self.any_of)
        values = values_at(record, self.field)
        if self.is_ is None:
            return all_answered(values)
        return bool(values) and all(value == self.is_ for value in values)


class Rule(Condition):
    """A condition a complete record meets, and what to tell the practitioner when it does not."""

    message: str
    wrong_message: str | None = None  # when answered, but not with the value ``is`` asks for
    when: Condition | None = None
    check: Literal["child_age"] | None = None
    max_age: int = 19
    report_as: str | None = None  # the field to name; default: the first one the rule mentions

    @property
    def reported_field(self) -> str:
        return self.report_as or self.fields()[0]


class RulesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    applies_to: Literal["all"] | list[Pathway]
    title: str | None = None
    expected_threshold_level: int | None = Field(default=None, ge=1, le=4)
    rules: list[Rule]


@dataclass(frozen=True)
class Missing:
    field: str
    message: str


@dataclass
class CheckResult:
    pathway: str
    missing: list[Missing] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.missing

    def as_dict(self) -> dict:
        return {
            "pathway": self.pathway,
            "complete": self.complete,
            "missing": [{"field": m.field, "message": m.message} for m in self.missing],
            "warnings": self.warnings,
        }


def answered(value: Any) -> bool:
    """An answer is there: not None, not blank, not an empty list (``False`` is an answer)."""
    return value is not None and value != "" and value != [] and value != {}


def all_answered(values: list) -> bool:
    return bool(values) and all(answered(value) for value in values)


def values_at(record: dict, path: str) -> list:
    """The values at a dotted path: one, or one per item of a list the path goes through (none
    for an empty list). ``attachments.KIND`` is the attachments of that kind."""
    head, _, rest = path.partition(".")
    if head == "attachments" and rest:
        return [[a for a in record.get("attachments") or [] if a.get("kind") == rest]]
    values: list = [record]
    for part in path.split("."):
        values = [item for value in values for item in _items(value)]
        values = [value.get(part) if isinstance(value, dict) else None for value in values]
    return values


def _items(value: Any) -> list:
    return value if isinstance(value, list) else [value]


def _known_paths() -> set[str]:
    """Every dotted path the record contract defines, for catching typos in rules files."""
    return {*dotted_paths(), *(f"attachments.{kind.value}" for kind in AttachmentKind)}


def _age_on(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


class RuleBook:
    """All rules files of one folder, validated once; ``check`` evaluates a record."""

    def __init__(self, files: dict[str, RulesFile]):
        self.files = files

    def rules_for(self, pathway: str) -> list[Rule]:
        return [rule for rules_file in self._files_for(pathway) for rule in rules_file.rules]

    def expected_threshold_level(self, pathway: str) -> int | None:
        levels = [f.expected_threshold_level for f in self._files_for(pathway)]
        return next((level for level in reversed(levels) if level is not None), None)

    def _files_for(self, pathway: str) -> list[RulesFile]:
        ordered = sorted(
            self.files.items(), key=lambda item: (item[1].applies_to != "all", item[0])
        )
        return [f for _, f in ordered if f.applies_to == "all" or pathway in f.applies_to]

    def check(self, record: Record) -> CheckResult:
        data = record.model_dump(mode="json", exclude_none=True)
        result = CheckResult(pathway=record.pathway.value)
        for rule in self.rules_for(record.pathway):
            if rule.when is not None and not rule.when.holds(data):
                continue
            message = self._failure(rule, data, record)
            if message and all(m.field != rule.reported_field for m in result.missing):
                result.missing.append(Missing(rule.reported_field, message))
        expected = self.expected_threshold_level(record.pathway)
        if expected and record.threshold_level and record.threshold_level != expected:
            result.warnings.append(
                f"Threshold level {record.threshold_level} does not match this pathway, "
                f"which is for Level {expected}: check the pathway or the level"
            )
        return result

    @staticmethod
    def _failure(rule: Rule, data: dict, record: Record) -> str | None:
        if rule.check == "child_age":
            return _child_age_problem(rule, record)
        if rule.holds(data):
            return None
        if rule.wrong_message and rule.field and all_answered(values_at(data, rule.field)):
            return rule.wrong_message
        return rule.message


def _child_age_problem(rule: Rule, record: Record) -> str | None:
    born = record.child.date_of_birth
    if born is None:
        return None  # an unborn child, or no date: the identity rule reports a missing date
    on = record.referral.date or dt.date.today()
    if born > on:
        return (
            "The date of birth is after the date of the referral: for an unborn child, "
            "give the expected date of birth instead"
        )
    if _age_on(born, on) > rule.max_age:
        return rule.message
    return None


def _load_file(path: Path, known_paths: set[str]) -> RulesFile:
    rules_file = load_checked_yaml(path, RulesFile, RulesError)
    for number, rule in enumerate(rules_file.rules, start=1):
        for name in [*rule.fields(), *(rule.when.fields() if rule.when else [])]:
            if name not in known_paths:
                raise RulesError(
                    f"{path}: rule {number} names '{name}', which is not a record field"
                )
    return rules_file


def load_rulebook(folder: Path | str = DEFAULT_RULES_DIR) -> RuleBook:
    """Read and validate every ``*.yaml`` in ``folder``; raise RulesError on the first problem."""
    folder = Path(folder)
    paths = sorted(folder.glob("*.yaml"))
    if not paths:
        raise RulesError(f"{folder}: no rules files (*.yaml) found")
    known = _known_paths()
    return RuleBook({path.stem: _load_file(path, known) for path in paths})
