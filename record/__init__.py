"""The referral record of shared/spec/RECORD.md: the one model every part of Front Door speaks.

Forms, parsers, the API, rules and documents load and dump records through here, so the
contract's names and formats are enforced in one place. Nothing here needs the web app, the
database or the task queue: the readers of legacy forms import it in small forked processes.
"""

from record.model import (
    THRESHOLD_NOT_MET,
    Attachment,
    AttachmentKind,
    DecisionOutcome,
    HouseholdMember,
    Pathway,
    Record,
    RecordError,
    YoungPersonCompetence,
    dump_record,
    load_record,
)

__all__ = [
    "Attachment",
    "AttachmentKind",
    "DecisionOutcome",
    "HouseholdMember",
    "Pathway",
    "Record",
    "RecordError",
    "THRESHOLD_NOT_MET",
    "YoungPersonCompetence",
    "dump_record",
    "load_record",
]
