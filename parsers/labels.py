"""One vocabulary of how UK children's-services forms word their questions, shared by every
reader. ``match`` scores a printed label (or a field name such as ``child_first_name``) against
each record field, with the section it sits under deciding whose name or phone it is."""

from __future__ import annotations

import re
import weakref
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, combinations, takewhile
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

from parsers import normalise as normalise_values
from parsers import semantic

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.yaml")
_words = yaml.safe_load(VOCABULARY_FILE.read_text(encoding="utf-8"))

SUBJECTS: dict[str, list[str]] = _words["subjects"]
ABBREVIATIONS: dict[str, str] = dict(_words["abbreviations"])
# Abbreviations that are also everyday words count only in capitals: "SEND", not "Send by".
_WORDS_TOO = ("send",)
CAPITAL_ABBREVIATIONS = {
    re.compile(rf"\b{word.upper()}\b"): ABBREVIATIONS.pop(word) for word in _WORDS_TOO
}
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
RELATIONSHIPS: list[str] = _words["relationships"]
RELATIONSHIP_WORDS: dict[str, list[str]] = _words["relationship_words"]
DOMAINS: dict[str, list[str]] = _words["domains"]

# Fields that belong to one subject only: a label about another subject never matches them.
SUBJECT_OF = {
    path: path.split(".")[0]
    for path in VOCABULARY
    if path.startswith(("referrer.", "lead_professional."))
}
CHILD_ONLY = {path for path in VOCABULARY if path.startswith("child.")}
SUBJECT_PARTS = ("referrer", "lead_professional")  # people whose contact details a form asks

# Every cache of what labels were found to say, for ``clear_caches``.
_CACHES: list = []
_BOOKS: weakref.WeakSet = weakref.WeakSet()


def remembered(maxsize: int = 8192):
    """``lru_cache`` for a reading of labels (what a label says, whose details it asks for):
    forgotten by ``clear_caches``, as benchmarks of a first reading need."""

    def decorate(function):
        cached = lru_cache(maxsize=maxsize)(function)
        _CACHES.append(cached)
        return cached

    return decorate


@remembered()
def _stem(token: str) -> str:
    if len(token) > 5 and token.endswith(("eed", "ees")):
        return token[:-1]  # "agreed", "agrees" as "agree"
    for suffix in ("ing", "ies", "ed", "es", "s"):
        if len(token) > 4 and token.endswith(suffix):
            return token[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return token


_CAMEL = re.compile(r"([a-z])([A-Z])")
_PUNCTUATION = re.compile(r"[_/\\\-–—.:?()\[\]*,;&+'\"“”‘]")
_DIGITS = re.compile(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])")
_ABBREVIATION = re.compile(
    r"(?<= )(?:"
    + "|".join(re.escape(s) for s in sorted(ABBREVIATIONS, key=len, reverse=True))
    + r")(?= )"
)
_HAS_DIGIT = re.compile(r"\d").search
_ASIDE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")  # "(name and relationship)", "[if known]"


def without_asides(text: str) -> str:
    """A label's words outside brackets: "(name and relationship)", "[if known]" only say how to
    answer."""
    return _ASIDE.sub(" ", text).strip()


# Subjects in the vocabulary's order; within each, the longest phrase is tried first. Each phrase
# is padded with spaces, to be found as whole words in a padded label.
# Articles are left out on both sides: "person making this referral" names the referrer as
# "person making the referral" does.
_ARTICLES = re.compile(r"(?<= )(?:a|an|the|this|that|these|those) ")


def _without_articles(text: str) -> str:
    """Single-spaced words, padded: " person making this referral " -> " person making
    referral "."""
    return _ARTICLES.sub("", f" {text} ")


_SUBJECT_PHRASES = [
    (
        subject,
        list(
            dict.fromkeys(
                _without_articles(phrase) for phrase in sorted(phrases, key=len, reverse=True)
            )
        ),
    )
    for subject, phrases in SUBJECTS.items()
]


@remembered()
def normalise(label: str) -> str:
    """Lower case words: field-name separators and camelCase split, abbreviations spelt out."""
    if not label.islower():  # a label with no capital letters has no camelCase to split
        for capitals, spelt in CAPITAL_ABBREVIATIONS.items():
            if capitals.pattern[2:-2] in label:
                label = capitals.sub(spelt, label)
        label = _CAMEL.sub(r"\1 \2", label)
    label = label.lower().replace("’", "'").replace("'s ", " ").replace("s' ", "s ")
    label = _PUNCTUATION.sub(" ", label)
    if _HAS_DIGIT(label):
        label = _DIGITS.sub(" ", label)
    label = " " + " ".join(label.split()) + " "
    label = _ABBREVIATION.sub(lambda found: ABBREVIATIONS[found[0]], label)
    return label.strip()


@remembered()
def subject_in(text: str) -> tuple[str | None, str]:
    """(the subject a label or heading names, the label with that phrase taken out)."""
    text = _without_articles(normalise(text))
    for subject, phrases in _SUBJECT_PHRASES:
        if _SAYS_SUBJECT[subject].search(text):
            # All of the subject's phrases the text says come out, overlapping or not ("who
            # will be the lead" and "lead professional" in "Who will be the lead professional?").
            said = sorted(
                (start, start + len(phrase))
                for phrase in phrases
                for start in _places(text, phrase)
            )
            rest, at = [], 0
            for start, end in said:
                rest.append(text[at:start])
                at = max(at, end)
            rest.append(text[at:])
            return subject, " ".join(" ".join(rest).split())
    return None, text.strip()


def _places(text: str, phrase: str) -> Iterator[int]:
    """Where ``phrase`` starts in ``text``, each time (overlapping too)."""
    start = text.find(phrase)
    while start >= 0:
        yield start
        start = text.find(phrase, start + 1)


# One search a subject for whether a text says any of its phrases (anywhere, as ``in`` does).
_SAYS_SUBJECT = {
    subject: re.compile("|".join(map(re.escape, phrases))) for subject, phrases in _SUBJECT_PHRASES
}


@remembered()
def speaks_of(text: str, subject: str) -> bool:
    """Does a label or heading say one of the subject's phrases anywhere, though another
    subject's came first ("Who does the child live with?" speaks of the household)?"""
    return _SAYS_SUBJECT[subject].search(_without_articles(normalise(text))) is not None


@remembered()
def tokens(text: str) -> tuple[str, ...]:
    return tuple(_stem(t) for t in normalise(text).split() if t not in STOPWORDS)


OPTION_THRESHOLD = 0.75  # how well a caption says an option's phrase to name it
_SPELT_ALIKE = 85  # how alike (``fuzz.ratio``) a misspelt word is to the word it is taken for
_FEW_WORDS = 12  # pairs of a label's words to look up: 66 at most


class PhraseBook:
    """Phrases by code (field path, column, option), indexed by word so that a label is scored
    only against phrases it shares a word with. A misspelt word counts as the vocabulary word it
    is closest to ("behavior", "adress").

    Scores under ``floor`` are left out: no reader takes a code scored so low, and most phrases
    that share one word with a label of several score under it without being counted."""

    def __init__(self, phrases_by_code: dict, floor: float = 0.0):
        self.floor = floor
        phrases = [
            (code, frozenset(tokens(phrase)))
            for code, phrases in phrases_by_code.items()
            for phrase in phrases
            if tokens(phrase)
        ]
        self.codes = [code for code, _ in phrases]
        self.lengths = [len(words) for _, words in phrases]
        self.index: dict[str, list[int]] = {}
        for number, (_, words) in enumerate(phrases):
            for word in words:
                self.index.setdefault(word, []).append(number)
        # Word -> (the fewest words of a code's phrases with that word, the code), fewest
        # first: all a label of one word (the commonest kind) needs to be scored.
        self.shortest: dict[str, list[tuple[int, str]]] = {}
        for word, numbers in self.index.items():
            fewest: dict[str, int] = {}
            for number in numbers:
                code = self.codes[number]
                fewest[code] = min(fewest.get(code, self.lengths[number]), self.lengths[number])
            self.shortest[word] = sorted((length, code) for code, length in fewest.items())
        # Phrases with two or more words by each pair of their words (in order): the phrases a
        # label of a few words says more than one word of, found without counting every phrase
        # that shares one word with it ("child" is in sixty).
        self.words = [words for _, words in phrases]
        self.pairs: dict[tuple[str, str], list[int]] = {}
        for number, words in enumerate(self.words):
            for pair in combinations(sorted(words), 2):
                self.pairs.setdefault(pair, []).append(number)
        self.rank = {code: at for at, code in enumerate(dict.fromkeys(self.codes))}
        self._scores = lru_cache(maxsize=8192)(self._score_all)
        self._closest = lru_cache(maxsize=8192)(self._closest_word)
        _BOOKS.add(self)
        self._lengths: dict[int, list[str]] = {}

    def _known(self, word: str) -> str:
        if word in self.index or len(word) < 5:
            return word
        return self._closest(word)  # a form says the same few words again and again

    def _closest_word(self, word: str) -> str:
        close = process.extractOne(
            word, self._near_in_length(len(word)), scorer=fuzz.ratio, score_cutoff=_SPELT_ALIKE
        )
        return close[0] if close else word

    def _near_in_length(self, length: int) -> list[str]:
        """The vocabulary's words long enough and short enough to be spelt like a word of this
        length (``fuzz.ratio`` is at most 1 - |a - b| / (a + b) of the two lengths), in the
        index's order, so that the same word wins as among them all."""
        if length not in self._lengths:
            most = 1 - _SPELT_ALIKE / 100
            self._lengths[length] = [
                word
                for word in self.index
                if abs(len(word) - length) <= most * (len(word) + length)
            ]
        return self._lengths[length]

    def clear(self) -> None:
        self._scores.cache_clear()
        self._closest.cache_clear()

    def _score_all(self, text: str) -> dict:
        have = {self._known(word) for word in tokens(text)}
        said = len(have)
        scores: dict = {}
        # One word had of a phrase (0.7 * 1 / length + 0.3 * 1 / said below): each code scores
        # as its shortest phrase with the word.
        for word in have:
            for length, code in self.shortest.get(word, ()):
                score = 0.7 / length + 0.3 / said
                if score < self.floor:
                    break  # and so are the longer phrases after it
                if score > scores.get(code, 0.0):
                    scores[code] = score
        for number, hits in self._several_said(have):
            score = 0.7 * hits / self.lengths[number] + 0.3 * hits / said
            if score >= self.floor and score > scores.get(code := self.codes[number], 0.0):
                scores[code] = score
        # Codes in the vocabulary's order: on a tie, the code first in the vocabulary wins.
        return {code: scores[code] for code in sorted(scores, key=self.rank.__getitem__)}

    def _several_said(self, have: set[str]) -> Iterator[tuple[int, int]]:
        """(phrase, how many of its words the text has) for the phrases it has two or more
        words of: by pairs of its words when it has a few, by counting when it has many."""
        if len(have) <= _FEW_WORDS:
            several = set()
            for pair in combinations(sorted(have), 2):
                several.update(self.pairs.get(pair, ()))
            return ((number, len(self.words[number] & have)) for number in several)
        found = Counter(chain.from_iterable(self.index.get(word, ()) for word in have))
        return takewhile(lambda counted: counted[1] > 1, found.most_common())

    def scores(self, text: str) -> dict:
        """Code -> how well ``text`` says one of its phrases (at least ``floor``): mostly
        whether all of the phrase is there, partly whether the text says much else besides."""
        return self._scores(text)

    def says_any(self, text: str) -> bool:
        """Does ``text`` say any word of any phrase?"""
        return any(self._known(word) in self.index for word in tokens(text))

    def best(self, text: str, threshold: float = OPTION_THRESHOLD):
        if threshold < self.floor:
            raise ValueError(f"scores under {self.floor} are not kept")
        scored = self.scores(text)
        if not scored:
            return None
        code = max(scored, key=scored.get)
        return code if scored[code] >= threshold else None


@dataclass(frozen=True)
class Match:
    field: str
    score: float


SUBJECT_BONUS = 0.1
DOMAIN_BONUS = 0.1
MATCH_THRESHOLD = 0.75
# A field is taken at MATCH_THRESHOLD at the least, after the bonuses for the subject and the
# domain (both for a consent field under a consent heading).
FIELDS = PhraseBook(VOCABULARY, floor=MATCH_THRESHOLD - SUBJECT_BONUS - DOMAIN_BONUS - 1e-9)
MEANINGS = semantic.PhraseIndex(VOCABULARY)
# A label that says one of the vocabulary's phrases word for word is not asked of the model.
EXACT = 0.95
# The model's word is taken when the label means one field's phrase closely enough and no other
# field's nearly as well ("Consent" is as near to "consent date" as to "consent given by").
SEMANTIC_THRESHOLD = 0.62
SEMANTIC_MARGIN = 0.06
TIE = 0.02  # lexical scores this close are a tie for the model to break
# A field read from a label's meaning alone is a guess: its confidence (similarity times this)
# stays under the 0.8 below which the import review asks a person to check the answer.
GUESS = 0.84
AUTHOR_PENALTY = 0.15
# A label whose words score this well keeps their field when the model rates it this close.
WORDS_HOLD = 0.8
NEARLY = 0.07
WORDS_FIRM = 0.9  # the words say all of a phrase and little else: the model is not asked


def _for_subject(scored: dict, subject: str | None, section: str = "") -> list[Match]:
    """The fields a label may ask for, given whose details it is about and the part of the
    form it is in, best first."""
    domain = domain_of(section) if section else None
    subject_fields, domain_fields = f"{subject}.", f"{domain}."
    not_the_child = subject in ("referrer", "lead_professional")
    allowed = []
    for path, score in scored.items():
        owner = SUBJECT_OF.get(path)
        if owner and subject is None:
            # A contact detail under no one's heading is the form's author's, the referrer's.
            if owner != "referrer":
                continue
            score -= AUTHOR_PENALTY
        elif owner and owner != subject:
            continue
        if not_the_child and path in CHILD_ONLY:
            continue
        if subject and path.startswith(subject_fields):
            score += SUBJECT_BONUS
        if domain and path.startswith(domain_fields):
            score += DOMAIN_BONUS
        elif domain and path.startswith("assessment."):
            score -= DOMAIN_BONUS  # "Learning and play" under parenting is not the child's learning
        elif domain and domain.startswith("assessment.") and path.startswith("child."):
            score -= DOMAIN_BONUS  # an assessment domain asks how the child is, not who
        if path == "child.full_name" and subject != "child":
            score -= 0.3  # a bare "Name" is the child's only under a heading about the child
        allowed.append(Match(path, score))
    return sorted(allowed, key=lambda found: -found.score)


@remembered(4096)
def domain_of(section: str) -> str | None:
    """The part of the record a section heading is about ("Parenting capacity" ->
    ``assessment.parenting``), from its words."""
    return book(DOMAINS).best(section)


def _subject(label: str, section: str) -> tuple[str | None, str]:
    own_subject, rest = subject_in(label)
    section_subject, _ = subject_in(section) if section else (None, "")
    if own_subject is None and section_subject == "child" and domain_of(section):
        # "Domain 1: the child's development" asks about the child's development, not for
        # the child's details ("Learning – attendance, progress, SEN" is learning).
        section_subject = None
    return own_subject or section_subject, rest


_ORGANISATION = re.compile(r"\b(?:agency|organisation|organization|service|team)\b")


@remembered()
def _lexical(label: str, section: str) -> tuple[Match, ...]:
    """The fields a label's words ask for, best first (asked again of a label that its words
    alone do not settle, and for the alternatives to its answer)."""
    subject, rest = _subject(label, section)
    if (
        subject in SUBJECT_PARTS
        and rest in ("name", "name of", "")
        and _ORGANISATION.search(normalise(label))
    ):
        return (Match(f"{subject}.agency", 1.0),)  # "Name of referring agency"
    if _only_names_a_person(label):
        return ()  # "Referred by": only whose details follow, for ``_person_named``
    scored = FIELDS.scores(label)
    if rest and rest != label:
        scored = {
            **scored,
            **{p: s for p, s in FIELDS.scores(rest).items() if s > scored.get(p, 0)},
        }
    return tuple(_for_subject(scored, subject, section))


def _by_meaning(label: str, section: str) -> list[Match]:
    subject, _ = _subject(label, section)
    return _for_subject(MEANINGS.similar(normalise(label)), subject, section)


def _sure(ranked: list[Match]) -> Match | None:
    """The model's best field when it is near enough and clearly ahead of the next."""
    if not ranked or ranked[0].score < SEMANTIC_THRESHOLD:
        return None
    if len(ranked) > 1 and ranked[0].score - ranked[1].score < SEMANTIC_MARGIN:
        return None
    return Match(ranked[0].field, round(min(ranked[0].score, EXACT) * GUESS, 3))


def _said(lexical: tuple[Match, ...], label: str, section: str) -> Match | None:
    """The field of a phrase the label says word for word; the model only chooses between
    fields whose phrases it says equally ("Consent obtained from")."""
    best = lexical[0] if lexical else None
    if best is None or best.score < EXACT:
        return None
    tied = {found.field for found in lexical if found.score >= best.score - TIE}
    if len(tied) > 1 and _worth_asking(label):
        meant = {found.field: found.score for found in _by_meaning(label, section)}
        return max((m for m in lexical if m.field in tied), key=lambda m: meant.get(m.field, 0))
    return best


@remembered()
def match_words(label: str, section: str = "") -> Match | None:
    """The field a label says word for word (a phrase of the vocabulary), else None. Its words
    outside brackets are read first: an aside ("(name and relationship to child)") explains
    the question, it does not ask another."""
    if "(" in label or "[" in label:
        core = without_asides(label)
        if core and core != label and (said := _said(_lexical(core, section), core, section)):
            return said
    return _said(_lexical(label, section), label, section)


@remembered()
def match(label: str, section: str = "") -> Match | None:
    """The record field a label most likely asks for, or None when neither its words nor its
    meaning say so with confidence. A label said word for word is taken as it is; otherwise the
    model's reading wins where it is sure, at the lower score of a guess."""
    if said := match_words(label, section):
        return said
    if _only_names_a_person(label):
        return _person_named(label)  # "Referrer", "Referred by": that person's name
    if subject_in(label) == ("consent", ""):
        return Match("consent.family_agrees", MATCH_THRESHOLD)  # "Consent: Yes"
    lexical = _lexical(label, section)
    best = lexical[0] if lexical else None
    if _worth_asking(label):
        ranked = _by_meaning(label, section)
        meant = _sure(ranked)
        if meant and not _words_hold(best, ranked):
            return meant
    if best and best.score >= MATCH_THRESHOLD:
        return best
    return _person_named(label)


def _only_names_a_person(label: str) -> bool:
    """ "Referrer", "Referred by", "Lead professional": whose details, and nothing else."""
    subject, rest = subject_in(label)
    return subject in SUBJECT_PARTS and not rest


def _words_hold(best: Match | None, ranked: list[Match]) -> bool:
    """Do the label's words point firmly enough at a field the model rates nearly as high as
    its own pick? Then the words decide ("Has the family agreed…" is agreement, though the
    model leans to "informed")."""
    if best is None or best.score < WORDS_HOLD or best.field == ranked[0].field:
        return False  # agreeing with the model, the words leave its guess as it is
    if best.score >= WORDS_FIRM:
        return True
    similar = {found.field: found.score for found in ranked}
    return similar.get(best.field, 0.0) >= ranked[0].score - NEARLY


def reads_as_label(text: str) -> bool:
    """Whether a line of a form is worded as one of its questions, by its words or its meaning
    (for readers telling a plain-type label from an answer). A date, phone number, e-mail or
    postcode is an answer, whatever the model makes of it."""
    return not normalise_values.says_what_it_is(text) and match(text) is not None


def alternatives(label: str, section: str = "") -> list[Match]:
    """Other fields a label's words may ask for, best first: for an answer that does not fit
    the best one ("Service requested" answered in words is the request, not the pathway)."""
    return [found for found in _lexical(label, section) if found.score >= MATCH_THRESHOLD][:3]


def _person_named(label: str) -> Match | None:
    """A label that only names a person ("Nominated lead professional", "Referrer") asks for
    that person's name."""
    subject, rest = subject_in(label)
    if subject in ("referrer", "lead_professional") and not FIELDS.says_any(rest):
        return Match(f"{subject}.name", MATCH_THRESHOLD)
    return None


def _worth_asking(label: str) -> bool:
    """Field names such as ``Text12`` or ``Check Box3`` mean nothing to the model."""
    words = normalise(label).split()
    return any(len(word) > 1 and not word.isdigit() for word in words) and not (
        len(words) <= 3 and words[0] in ("text", "check", "checkbox", "field", "combo", "dropdown")
    )


_books: dict[int, PhraseBook] = {}


def book(phrases_by_code: dict) -> PhraseBook:
    """The (cached) phrase book of one of the vocabulary's option lists."""
    key = id(phrases_by_code)
    if key not in _books:
        _books[key] = PhraseBook(phrases_by_code, floor=OPTION_THRESHOLD)
    return _books[key]


def option_in(caption: str, options: dict[str, list[str]]) -> str | None:
    """Which of ``options`` (code -> phrases) a tick-box caption or cell names; its words
    outside brackets first ("Name (first and last)" is a name, not a first name)."""
    core = without_asides(caption)
    if core and core != caption and (found := book(options).best(core)):
        return found
    return book(options).best(caption)


def level_in(caption: str) -> int | None:
    """``Level 3 Targeted`` -> 3; ``Tier 2`` -> 2; ``Specialist`` -> 4."""
    words = normalise(caption)
    if found := re.search(r"\b(?:level|tier|threshold|l)\s*([1-4])\b", words) or re.fullmatch(
        r"([1-4])", words
    ):
        return int(found[1])
    padded = f" {words} "
    for level, names in LEVEL_WORDS.items():
        if any(f" {name} " in padded for name in names):
            return level
    return None


def warm() -> None:
    """Load the label model and embed the vocabulary now, not on the first form."""
    _ = MEANINGS.matrix


def clear_caches() -> None:
    """Forget every label scored so far, by any reader (benchmarks measure a first reading)."""
    for cached in _CACHES:
        cached.cache_clear()
    for phrase_book in list(_BOOKS):
        phrase_book.clear()
    semantic.clear_caches()
