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
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

SPLITS = ("tune", "heldout", "fresh", "probe")
# Splits whose banks are separate lists of their own, not a side of the hashed banks.
OWN_BANK_SPLITS = ("fresh", "probe")
HELD_OUT_ONE_IN = 3


def normalise(text: str) -> str:
    """Case, spacing and trailing punctuation do not make a wording new."""
    return re.sub(r"\s+", " ", text.casefold()).strip().rstrip(":?.").strip()


def side(text: str) -> str:
    digest = hashlib.sha256(normalise(text).encode("utf-8")).digest()
    return "heldout" if int.from_bytes(digest[:8], "big") % HELD_OUT_ONE_IN == 0 else "tune"


@dataclass
class Bank:
    """Named alternatives; ``pick`` only ever returns the entries of the split asked for."""

    name: str
    entries: Sequence[str]
    fresh: bool = False
    probe: bool = False

    @property
    def own(self) -> str | None:
        """The split whose own bank this is (fresh or probe), or None for a hashed bank."""
        return "fresh" if self.fresh else "probe" if self.probe else None

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


def fresh_bank(name: str, entries: Sequence[str]) -> Bank:
    """Register a bank of the fresh split, named as the tune / held-out bank it stands in for
    (or newly, for a choice only fresh forms make)."""
    if name in FRESH_BANKS:
        raise ValueError(f"fresh bank {name!r} defined twice")
    if not entries or len(set(map(normalise, entries))) != len(entries):
        raise ValueError(f"fresh bank {name!r} is empty or repeats an entry")
    FRESH_BANKS[name] = Bank(name, tuple(entries), fresh=True)
    return FRESH_BANKS[name]


PROBE_BANKS: dict[str, Bank] = {}


def probe_bank(name: str, entries: Sequence[str]) -> Bank:
    """Register a bank of the probe split, named as the tune / held-out (or fresh-only) bank it
    stands in for, or newly for a choice only probe forms make."""
    if name in PROBE_BANKS:
        raise ValueError(f"probe bank {name!r} defined twice")
    if not entries or len(set(map(normalise, entries))) != len(entries):
        raise ValueError(f"probe bank {name!r} is empty or repeats an entry")
    PROBE_BANKS[name] = Bank(name, tuple(entries), probe=True)
    return PROBE_BANKS[name]


OWN_BANKS = {"fresh": FRESH_BANKS, "probe": PROBE_BANKS}


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


def check_fresh_banks() -> list[str]:
    """Fresh entries whose text is also a tune or held-out entry in any bank (empty is good)."""
    seen = {normalise(entry) for b in BANKS.values() for entry in b.entries}
    return [
        f"{name}: {entry!r}"
        for name, b in FRESH_BANKS.items()
        for entry in b.entries
        if normalise(entry) in seen
    ]


def check_probe_banks() -> list[str]:
    """Probe entries whose text is also an entry of any tune, held-out or fresh bank (empty is
    good)."""
    seen = {normalise(e) for b in (*BANKS.values(), *FRESH_BANKS.values()) for e in b.entries}
    return [
        f"{name}: {entry!r}"
        for name, b in PROBE_BANKS.items()
        for entry in b.entries
        if normalise(entry) in seen
    ]
