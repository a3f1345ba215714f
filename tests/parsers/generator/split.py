"""The tune / held-out split of every choice bank.

A choice (a question's wording, a heading, a date style, a layout variant) belongs to one side
by a stable hash of its normalised text alone, not of the bank it sits in: the same words are on
the same side wherever they occur, so a wording held out as a referrer label cannot come back as
a tune lead-professional label. About a third of all choices are held out. Adding an entry to a
bank never moves another entry, so the split stays put as the banks grow; a bank that ends up
with nothing on one side fails ``check_banks`` (add wordings to it rather than forcing the hash).

A third split, ``fresh``, shares nothing with the other two: its banks (``fresh_bank``, defined in
``fresh_wordings`` and ``fresh_layouts``) are separate lists registered in ``FRESH_BANKS`` under the
same names as their tune / held-out counterparts. A fresh ``Chooser`` picks only from them, a tune
or held-out one never sees them, and ``check_fresh_banks`` insists that no fresh entry is the text
of any tune or held-out entry.

A fourth split, ``probe``, is built the same way and shares nothing with the other three: its banks
(``probe_bank``, defined in ``probe_wordings`` and ``probe_layouts``) are registered in
``PROBE_BANKS`` under the names of the banks they stand in for, only a probe ``Chooser`` picks from
them, and ``check_probe_banks`` insists that no probe entry is the text of any tune, held-out or
fresh entry. Probe is the next split to tune on (its mistakes are meant to be read).

A fifth split, ``probe2``, is built exactly as probe is and shares nothing with the other four: its
banks (``probe2_bank``, defined in ``probe2_wordings`` and ``probe2_layouts``) are registered in
``PROBE2_BANKS`` under the names of the banks they stand in for, only a probe2 ``Chooser`` picks
from them, and ``check_probe2_banks`` insists that no probe2 entry is the text of any tune,
held-out, fresh or probe entry. Like probe, its mistakes are meant to be read.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

SPLITS = ("tune", "heldout", "fresh", "probe", "probe2")
# Splits whose banks are separate lists of their own, not a side of the hashed banks.
OWN_BANK_SPLITS = ("fresh", "probe", "probe2")
HELD_OUT_ONE_IN = 3


def normalise(text: str) -> str:
    """Case, spacing and trailing punctuation do not make a wording new."""
    return re.sub(r"\s+", " ", text.casefold()).strip().rstrip(":?.").strip()


def side(text: str) -> str:
    digest = hashlib.sha256(normalise(text).encode("utf-8")).digest()
    return "heldout" if int.from_bytes(digest[:8], "big") % HELD_OUT_ONE_IN == 0 else "tune"


@dataclass
class Bank:
    """Named alternatives; ``pick`` only ever returns the entries of the split asked for.
    ``own``: the split whose own list this is (fresh, probe or probe2), or None for a bank
    shared by tune and held-out by hash."""

    name: str
    entries: Sequence[str]
    own: str | None = None

    def part(self, split: str) -> list[str]:
        if split not in SPLITS:
            raise ValueError(f"split must be one of {SPLITS}, not {split!r}")
        if self.own or split in OWN_BANK_SPLITS:
            return list(self.entries) if self.own == split else []
        return [entry for entry in self.entries if side(entry) == split]


BANKS: dict[str, Bank] = {}


def bank(name: str, entries: Sequence[str]) -> Bank:
    """Register a bank so that ``check_banks`` and the disjointness test see every one."""
    if name in BANKS:
        raise ValueError(f"bank {name!r} defined twice")
    if len(set(map(normalise, entries))) != len(entries):
        raise ValueError(f"bank {name!r} repeats an entry")
    BANKS[name] = Bank(name, tuple(entries))
    return BANKS[name]


FRESH_BANKS: dict[str, Bank] = {}
PROBE_BANKS: dict[str, Bank] = {}
PROBE2_BANKS: dict[str, Bank] = {}
OWN_BANKS = {"fresh": FRESH_BANKS, "probe": PROBE_BANKS, "probe2": PROBE2_BANKS}


def _own_bank(split: str, name: str, entries: Sequence[str]) -> Bank:
    """Register a bank of a split with lists of its own, named as the tune / held-out bank it
    stands in for (or newly, for a choice only that split's forms make)."""
    banks = OWN_BANKS[split]
    if name in banks:
        raise ValueError(f"{split} bank {name!r} defined twice")
    if not entries or len(set(map(normalise, entries))) != len(entries):
        raise ValueError(f"{split} bank {name!r} is empty or repeats an entry")
    banks[name] = Bank(name, tuple(entries), own=split)
    return banks[name]


def fresh_bank(name: str, entries: Sequence[str]) -> Bank:
    return _own_bank("fresh", name, entries)


def probe_bank(name: str, entries: Sequence[str]) -> Bank:
    return _own_bank("probe", name, entries)


def probe2_bank(name: str, entries: Sequence[str]) -> Bank:
    return _own_bank("probe2", name, entries)


class Chooser:
    """One form's random choices, restricted to one split and logged so a test can see them."""

    def __init__(self, split: str, seed: str):
        if split not in SPLITS:
            raise ValueError(f"split must be one of {SPLITS}, not {split!r}")
        self.split = split
        self.rng = random.Random(seed)
        self.used: set[tuple[str, str]] = set()

    def pick(self, bank: Bank) -> str:
        if self.split in OWN_BANKS and bank.own != self.split:
            own = OWN_BANKS[self.split]
            if bank.name not in own:
                raise ValueError(f"bank {bank.name!r} has no {self.split} counterpart")
            bank = own[bank.name]
        part = bank.part(self.split)
        if not part:
            raise ValueError(f"bank {bank.name!r} has no {self.split} entries")
        choice = self.rng.choice(part)
        self.used.add((bank.name, choice))
        return choice

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability


def check_banks() -> list[str]:
    """Banks that do not keep at least one entry on each side (an empty list is good)."""
    return [
        f"{name}: tune {len(b.part('tune'))}, heldout {len(b.part('heldout'))}"
        for name, b in BANKS.items()
        if not b.part("tune") or not b.part("heldout")
    ]


def _shared_with(banks: dict[str, Bank], others: list[Bank]) -> list[str]:
    seen = {normalise(entry) for b in others for entry in b.entries}
    return [
        f"{name}: {entry!r}"
        for name, b in banks.items()
        for entry in b.entries
        if normalise(entry) in seen
    ]


def check_fresh_banks() -> list[str]:
    """Fresh entries whose text is also a tune or held-out entry in any bank (empty is good)."""
    return _shared_with(FRESH_BANKS, [*BANKS.values()])


def check_probe_banks() -> list[str]:
    """Probe entries whose text is also an entry of any tune, held-out or fresh bank (empty is
    good)."""
    return _shared_with(PROBE_BANKS, [*BANKS.values(), *FRESH_BANKS.values()])


def check_probe2_banks() -> list[str]:
    """Probe2 entries whose text is also an entry of any tune, held-out, fresh or probe bank
    (empty is good). Every bank module is imported first, so every other bank is registered."""
    from tests.parsers.generator import (  # noqa: F401 (they register their banks)
        fresh_compose,
        fresh_layouts,
        layouts_pdf,
        layouts_word,
        probe_compose,
        probe_layouts,
    )

    return _shared_with(
        PROBE2_BANKS, [*BANKS.values(), *FRESH_BANKS.values(), *PROBE_BANKS.values()]
    )
