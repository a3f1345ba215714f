"""A record's fields by their dotted paths in RECORD.md (``child.first_name``, ``harm.severity``,
``household_members.0.name``), read, written and taken out of the record as plain JSON data.

The pathway rules, the question pages, the import review and the legacy-form readers all name
fields this way; these three functions are the one way to follow such a path."""

from typing import Any


def get_path(data: dict, path: str) -> Any:
    """The value at ``path`` (a number picks an item of a list), or None where any part of the
    path is missing."""
    value: Any = data
    for part in path.split("."):
        if isinstance(value, dict):
            value = value.get(part)
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return None
    return value


def set_path(data: dict, path: str, value: Any) -> None:
    """Put ``value`` at ``path``, making the objects above it where they are missing."""
    *parents, last = path.split(".")
    target = data
    for part in parents:
        target = target.setdefault(part, {})
    target[last] = value


def remove_path(data: dict, path: str) -> bool:
    """Take out the value at ``path`` (an item of a list by its number); False when there was
    none to take."""
    *parents, last = path.split(".")
    target = get_path(data, ".".join(parents)) if parents else data
    if isinstance(target, list) and last.isdigit() and int(last) < len(target):
        del target[int(last)]
        return True
    if isinstance(target, dict) and last in target:
        del target[last]
        return True
    return False
