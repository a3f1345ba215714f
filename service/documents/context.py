"""What a document template may see: the record's fields (read from the record model, with
the lists and what each item holds) and the ready-made phrases; the templates that exist; and
the sample records an uploaded template is tried out on."""

import json
from datetime import date
from enum import Enum
from pathlib import Path

from record import Pathway, Record, load_record
from record.shape import RECORD_SHAPE, ListOf
from record.titles import PATHWAY_TITLES
from service.documents import render
from service.documents.registry import DOCUMENTS, SPECIALIST_LETTER

#: the example record of the contract, when the checkout has it beside the code
EXAMPLE_RECORD = Path(__file__).resolve().parents[3] / "shared" / "spec" / "example-record.json"


#: identifiers whose check digits the record verifies: a sample must be a real-looking one
SAMPLE_IDENTIFIERS = {"upn": "E825200319001", "nhs_number": "9434765919"}


def _sample(shape, name: str):
    """A value for every part of ``shape``: a record with nothing missing."""
    if name in SAMPLE_IDENTIFIERS:
        return SAMPLE_IDENTIFIERS[name]
    if isinstance(shape, dict):
        return {key: _sample(part, key) for key, part in shape.items()}
    if isinstance(shape, ListOf):
        return [_sample(shape.item, name), _sample(shape.item, name)]
    if isinstance(shape, type) and issubclass(shape, Enum):
        return next(iter(shape)).value
    if shape is date:
        return "2014-03-09"
    if shape is bool:
        return True
    if shape is int:
        return 3
    return f"Sample {name.replace('_', ' ')}"


def sample_record(pathway: Pathway) -> Record:
    """A record with every field filled in, so that a trial render reaches every tag."""
    return load_record({**_sample(RECORD_SHAPE, "record"), "pathway": pathway})


def context_shape() -> dict:
    """Every name a template may use: the record's fields, the ready-made phrases and the
    council's letterhead (its parts)."""
    context = render.document_context(Record(pathway=Pathway.SECTION_17))
    phrases = set(context) - set(RECORD_SHAPE)
    return {
        **RECORD_SHAPE,
        **{
            name: dict.fromkeys(context[name], str) if isinstance(context[name], dict) else str
            for name in sorted(phrases)
        },
    }


def variable_names(shape=None, prefix: str = "") -> list[str]:
    """Every variable as a dotted name (``household_members[].name``), for the admin's page."""
    shape = context_shape() if shape is None else shape
    names = []
    for key, part in shape.items():
        path = f"{prefix}{key}"
        if isinstance(part, ListOf):
            names.append(f"{path}[]")
            if isinstance(part.item, dict):
                names += variable_names(part.item, f"{path}[].")
        elif isinstance(part, dict):
            names += variable_names(part, f"{path}.")
        else:
            names.append(path)
    return names


def known_templates() -> dict[str, str]:
    """Every template file name a document can use, with what it is for."""
    titles = {}
    for kind in DOCUMENTS.values():
        for pathway, name in kind.by_pathway.items():
            titles[name] = f"{kind.title}: {PATHWAY_TITLES[pathway]}"
        if kind.by_pathway and kind.template == SPECIALIST_LETTER:
            titles[kind.template] = f"{kind.title}: specialist services"
        titles.setdefault(kind.template, kind.title)
    return dict(sorted(titles.items(), key=lambda item: item[1]))


def pathway_of(name: str) -> Pathway:
    """A pathway whose documents use template ``name``."""
    return next(
        pathway
        for kind in DOCUMENTS.values()
        for pathway in Pathway
        if kind.template_for(pathway) == name
    )


def _paths(shape, prefix: str = "", found: dict | None = None) -> dict[int, str]:
    """Each object of the record's shape (by identity) -> its dotted name, so that a loop
    variable's ``member.name`` is known as ``household_members[].name``."""
    found = {} if found is None else found
    for key, part in shape.items():
        path = f"{prefix}{key}"
        if isinstance(part, ListOf) and isinstance(part.item, dict):
            found[id(part.item)] = f"{path}[]"
            _paths(part.item, f"{path}[].", found)
        elif isinstance(part, dict):
            found[id(part)] = path
            _paths(part, f"{path}.", found)
    return found


SHAPE_PATHS = _paths(RECORD_SHAPE)


def trial_records(name: str) -> list[tuple[str, Record]]:
    """What template ``name`` is tried out on, each with how an admin would call it: the
    contract's example record, one with every field filled in and one with nothing."""
    pathway = pathway_of(name)
    records = [
        ("a record with every field filled in", sample_record(pathway)),
        ("a record with nothing filled in", Record(pathway=pathway)),
    ]
    if EXAMPLE_RECORD.exists():
        records.insert(
            0, ("the example record", load_record(json.loads(EXAMPLE_RECORD.read_text())))
        )
    return records
