"""Parse every form of a corpus folder and compare with its ``*.expected.json`` field by field.

``python -m tests.parsers.accuracy [FOLDER]`` prints accuracy per field and overall. A field is
each value of the expected record; household members count as (name, relationship, date of
birth) tuples and attachments as (kind, filename) pairs. Anything parsed that the form does not
hold counts against accuracy too, so guessing does not pay.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from parsers import ParseError, parse_file

DEV_CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "dev"


def facts(record: dict) -> dict[str, object]:
    """The record as comparable facts: dotted path -> value, one fact per person and document."""
    found: dict[str, object] = {}

    def walk(value: object, path: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{path}.{key}" if path else key)
        elif path == "household_members":
            for member in value:
                person = (
                    member.get("name"),
                    member.get("relationship"),
                    member.get("date_of_birth"),
                )
                found[f"household_members{person}"] = person
        elif path == "attachments":
            for attachment in value:
                document = (attachment.get("kind"), attachment.get("filename"))
                found[f"attachments{document}"] = document
        else:
            found[path] = value

    walk(record, "")
    return found


def field_name(fact: str) -> str:
    return fact.split("(")[0]


def family_of(filename: str) -> str:
    """The family in a corpus file name: ``dev-01-caf-docx.docx`` -> ``caf-docx``,
    ``gen-heldout-017-word-table.docx`` -> ``word-table``."""
    stem = filename.split(".")[0]
    match = re.search(r"-\d+-(.+)$", stem)
    return match.group(1) if match else stem


@dataclass
class Report:
    right: Counter = field(default_factory=Counter)
    wrong: Counter = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)
    mistakes: list[str] = field(default_factory=list)
    family_right: Counter = field(default_factory=Counter)
    family_wrong: Counter = field(default_factory=Counter)

    def count(self, filename: str, name: str, ok: bool) -> None:
        (self.right if ok else self.wrong)[name] += 1
        (self.family_right if ok else self.family_wrong)[family_of(filename)] += 1

    @property
    def accuracy(self) -> float:
        total = sum(self.right.values()) + sum(self.wrong.values())
        return sum(self.right.values()) / total if total else 0.0


def measure(folder: Path = DEV_CORPUS) -> Report:
    report = Report()
    for expected_file in sorted(folder.glob("*.expected.json")):
        stem = expected_file.name.removesuffix(".expected.json")
        [form] = [p for p in folder.glob(f"{stem}.*") if p != expected_file]
        expected = facts(json.loads(expected_file.read_text()))
        try:
            parsed = facts(parse_file(form).record)
        except ParseError as error:
            report.failures.append((form.name, str(error)))
            for fact in expected:
                report.count(form.name, field_name(fact), False)
            continue
        for fact, value in expected.items():
            if parsed.get(fact) == value:
                report.count(form.name, field_name(fact), True)
            else:
                report.count(form.name, field_name(fact), False)
                report.mistakes.append(
                    f"{form.name}: {fact}: expected {value!r}, got {parsed.get(fact)!r}"
                )
        for fact in parsed.keys() - expected.keys():
            if field_name(fact) in ("household_members", "attachments") or fact not in expected:
                report.count(form.name, field_name(fact), False)
                report.mistakes.append(
                    f"{form.name}: {fact}: not on the form, got {parsed[fact]!r}"
                )
    return report


def measure_each(folders: dict[str, Path]) -> dict[str, Report]:
    """``measure`` for several folders at once, one process per core: slow readers (OCR run
    one thread a page, as the workers run it) take a fraction of the time."""
    context = multiprocessing.get_context("spawn")  # no fork of a process holding threads
    with ProcessPoolExecutor(max_workers=os.cpu_count(), mp_context=context) as pool:
        return dict(zip(folders, pool.map(measure, folders.values()), strict=True))


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else DEV_CORPUS
    report = measure(folder)
    for name in sorted(report.right.keys() | report.wrong.keys()):
        right, wrong = report.right[name], report.wrong[name]
        print(f"{name:50} {right / (right + wrong):7.1%}  ({right}/{right + wrong})")
    for family in sorted(report.family_right.keys() | report.family_wrong.keys()):
        right, wrong = report.family_right[family], report.family_wrong[family]
        print(f"family {family:43} {right / (right + wrong):7.1%}  ({right}/{right + wrong})")
    for line in report.mistakes:
        print("  mistake:", line)
    for name, reason in report.failures:
        print("  failed:", name, "-", reason)
    print(f"overall field accuracy: {report.accuracy:.2%}")
    print(f"failures: {len(report.failures)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
