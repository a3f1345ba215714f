"""One vocabulary of how UK children's-services forms word their questions, shared by every
reader. ``match`` scores a printed label (or a field name such as ``child_first_name``) against
each record field, with the section it sits under deciding whose name or phone it is."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from rapidfuzz import fuzz

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.yaml")
_words = yaml.safe_load(VOCABULARY_FILE.read_text(encoding="utf-8"))

SUBJECTS: dict[str, list[str]] = _words["subjects"]
ABBREVIATIONS: dict[str, str] = _words["abbreviations"]
STOPWORDS: set[str] = set(_words["stopwords"])
VOCABULARY: dict[str, list[str]] = {
    **_words["fields"],
    **{
        f"{subject}.{part}": phrases
        for subject in ("referrer", "lead_professional")
        for part, phrases in _words["contact"].items()
    },
}
HOUSEHOLD_COLUMNS: dict[str, list[str]] = _words["household_columns"]
ATTACHMENT_COLUMNS: dict[str, list[str]] = _words["attachment_columns"]
ATTACHMENT_KINDS: dict[str, list[str]] = _words["attachment_kinds"]
PATHWAY_OPTIONS: dict[str, list[str]] = _words["pathway_options"]
LEVEL_WORDS: dict[int, list[str]] = _words["level_words"]

# Fields that belong to one subject only: a label about another subject never matches them.
SUBJECT_OF = {
    path: path.split(".")[0]
    for path in VOCABULARY
    if path.startswith(("referrer.", "lead_professional."))
}
CHILD_ONLY = {path for path in VOCABULARY if path.startswith("child.")}


def _stem(token: str) -> str:
    for suffix in ("ing", "ies", "es", "s"):
        if len(token) > 4 and token.endswith(suffix):
            return token[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return token


@lru_cache(maxsize=4096)
def normalise(label: str) -> str:
    """Lower case words: field-name separators and camelCase split, abbreviations spelt out."""
    label = re.sub(r"([a-z])([A-Z])", r"\1 \2", label)
    label = label.lower().replace("’", "'").replace("'s ", " ").replace("s' ", "s ")
    label = re.sub(r"[_/\\\-–—.:?()\[\]*,;&+'\"“”‘]", " ", label)
    label = re.sub(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])", " ", label)
    label = " " + re.sub(r"\s+", " ", label).strip() + " "
    for short, long in ABBREVIATIONS.items():
        label = label.replace(f" {short} ", f" {long} ")
    return label.strip()


def subject_in(text: str) -> tuple[str | None, str]:
    """(the subject a label or heading names, the label with that phrase taken out)."""
    text = f" {normalise(text)} "
    for subject, phrases in SUBJECTS.items():
        for phrase in sorted(phrases, key=len, reverse=True):
            if f" {phrase} " in text:
                return subject, text.replace(f" {phrase} ", " ").strip()
    return None, text.strip()


@lru_cache(maxsize=8192)
def tokens(text: str) -> tuple[str, ...]:
    return tuple(_stem(t) for t in normalise(text).split() if t not in STOPWORDS)


def _token_match(a: str, b: str) -> bool:
    return a == b or (len(a) >= 5 and len(b) >= 5 and fuzz.ratio(a, b) >= 85)


def similarity(label: str, phrase: str) -> float:
    """How well ``label`` says ``phrase``: mostly whether all of the phrase is there, partly
    whether the label says much else besides."""
    have, want = tokens(label), tokens(phrase)
    if not have or not want:
        return 0.0
    found = sum(1 for w in want if any(_token_match(w, h) for h in have))
    if not found:
        return 0.0
    coverage = found / len(want)
    precision = found / len(have)
    return 0.7 * coverage + 0.3 * precision


@dataclass(frozen=True)
class Match:
    field: str
    score: float


def best_phrase_score(text: str, phrases: list[str]) -> float:
    return max((similarity(text, phrase) for phrase in phrases), default=0.0)


SUBJECT_BONUS = 0.1


def match(label: str, section: str = "") -> Match | None:
    """The record field a label most likely asks for, or None below a confident score."""
    own_subject, rest = subject_in(label)
    section_subject, _ = subject_in(section) if section else (None, "")
    subject = own_subject or section_subject
    best = None
    for path, phrases in VOCABULARY.items():
        owner = SUBJECT_OF.get(path)
        if owner and owner != subject:
            continue
        if path in CHILD_ONLY and subject in ("referrer", "lead_professional"):
            continue
        score = max(best_phrase_score(rest or label, phrases), best_phrase_score(label, phrases))
        if subject and path.startswith(f"{subject}."):
            score += SUBJECT_BONUS
        if path == "child.full_name" and subject not in ("child",):
            score -= 0.3  # a bare "Name" is the child's only under a heading about the child
        if best is None or score > best.score:
            best = Match(path, score)
    return best if best and best.score >= MATCH_THRESHOLD else None


MATCH_THRESHOLD = 0.75


def option_in(caption: str, options: dict[str, list[str]]) -> str | None:
    """Which of ``options`` (code -> phrases) a tick-box caption names."""
    scored = [(best_phrase_score(caption, phrases), code) for code, phrases in options.items()]
    score, code = max(scored)
    return code if score >= 0.75 else None


def level_in(caption: str) -> int | None:
    """``Level 3 Targeted`` -> 3; ``Tier 2`` -> 2; ``Specialist`` -> 4."""
    words = normalise(caption)
    if found := re.search(r"\b(?:level|tier|threshold)\s*([1-4])\b", words) or re.fullmatch(
        r"([1-4])", words
    ):
        return int(found[1])
    for level, names in LEVEL_WORDS.items():
        if any(name in words.split() for name in names):
            return level
    return None
