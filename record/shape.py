"""The record's shape, read from its model: which parts are objects, which are lists (and of
what) and which are plain values. The code that goes over every field (the pathway rules'
check for misspelt paths, the page that edits a whole record, the template variables and
sample records) walks this one description rather than the model's annotations."""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from record.model import Record


@dataclass(frozen=True)
class ListOf:
    """A list in the record; each of its items has the shape ``item``."""

    item: object


def unwrap(annotation):
    """``X | None`` -> ``X``; ``Annotated[str | None, …]`` -> ``str``."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        else:
            return annotation


def shape_of(annotation):
    """The shape of a field: a dict of its parts (in the model's order), a ``ListOf``, or the
    type of a plain value."""
    annotation = unwrap(annotation)
    if typing.get_origin(annotation) is list:
        return ListOf(shape_of(typing.get_args(annotation)[0]))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {name: shape_of(f.annotation) for name, f in annotation.model_fields.items()}
    return annotation


RECORD_SHAPE: dict = shape_of(Record)


def dotted_paths(shape: dict = RECORD_SHAPE, prefix: str = "") -> Iterator[str]:
    """Every part's dotted path, objects and lists too; the parts of a list's items under the
    list's own name (``household_members.name``), as the pathway rules name them."""
    for name, part in shape.items():
        path = f"{prefix}{name}"
        yield path
        item = part.item if isinstance(part, ListOf) else part
        if isinstance(item, dict):
            yield from dotted_paths(item, f"{path}.")
