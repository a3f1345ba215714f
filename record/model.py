"""The referral record of shared/spec/RECORD.md as one pydantic model.

Forms, parsers, the API, rules and documents all load and dump records through ``Record`` so
that the contract's names and formats are enforced in one place. Fields beyond the contract are
allowed (``extra="allow"``) and kept.
"""

import datetime as dt
import json
import re
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    WithJsonSchema,
)

from record.census import (
    AssessmentFactor,
    Ethnicity,
    PrimaryNeed,
    compact,
    nhs_number_problem,
    upn_problem,
)
from record.sources import SOURCE_TITLES

__all__ = [
    "DecisionOutcome",
    "Pathway",
    "Record",
    "RecordError",
    "load_record",
    "dump_record",
]


class Pathway(StrEnum):
    EARLY_HELP = "early_help"
    SECTION_17 = "section_17"
    SECTION_47 = "section_47"
    CAMHS = "camhs"
    SEN_ASSESSMENT = "sen_assessment"
    DRUG_ALCOHOL = "drug_alcohol"
    YOUTH_OFFENDING = "youth_offending"
    DISABLED_CHILDREN = "disabled_children"
    PAEDIATRIC_HEALTH = "paediatric_health"


class AttachmentKind(StrEnum):
    EARLY_HELP_ASSESSMENT = "early_help_assessment"
    EARLY_HELP_PLAN = "early_help_plan"
    EHCP = "ehcp"
    RISK_ASSESSMENT = "risk_assessment"
    SCREENING_TOOL = "screening_tool"
    OTHER = "other"


def clean_text(value: Any) -> Any:
    """Trim, collapse runs of spaces within lines, keep paragraph breaks; blank becomes None."""
    if not isinstance(value, str):
        return value
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in value.splitlines()]
    text = re.sub(r"\n{2,}", "\n", "\n".join(lines)).strip()
    return text or None


def lower_text(value: Any) -> Any:
    value = clean_text(value)
    return value.lower() if isinstance(value, str) else value


def clean_postcode(value: Any) -> Any:
    """``hp65ab`` and ``HP6  5AB`` both become ``HP6 5AB``: one space before the inward code."""
    value = clean_text(value)
    if not isinstance(value, str):
        return value
    compact = re.sub(r"\s+", "", value).upper()
    return f"{compact[:-3]} {compact[-3:]}" if len(compact) > 3 else compact


def clean_phone(value: Any) -> Any:
    value = clean_text(value)
    return re.sub(r"\s+", " ", value) if isinstance(value, str) else value


def _identifier(problem_of):
    """An identifier written any way (``943 476 5919``, ``e825200319001``), kept compact and in
    capitals, refused with the reason when its check digit or shape is wrong."""

    def checked(value: str | None) -> str | None:
        if value is None:
            return None
        if problem := problem_of(value):
            raise ValueError(problem)
        return compact(value)

    return checked


Text = Annotated[str | None, BeforeValidator(clean_text)]
LowerText = Annotated[str | None, BeforeValidator(lower_text)]
Postcode = Annotated[str | None, BeforeValidator(clean_postcode)]
Phone = Annotated[str | None, BeforeValidator(clean_phone)]


def _described(format_name: str, description: str) -> WithJsonSchema:
    """An identifier's schema: text in its own format, whose check digit JSON Schema cannot say."""
    text = {"type": "string", "format": format_name, "description": description}
    return WithJsonSchema({"anyOf": [text, {"type": "null"}]})


Upn = Annotated[
    str | None,
    BeforeValidator(clean_text),
    AfterValidator(_identifier(upn_problem)),
    _described("upn", "Unique Pupil Number: 13 characters, its check letter first"),
]
NhsNumber = Annotated[
    str | None,
    BeforeValidator(clean_text),
    AfterValidator(_identifier(nhs_number_problem)),
    _described("nhs-number", "NHS number: 10 digits, the last a modulus 11 check digit"),
]
#: who referred, as the census codes them (record/sources.py: "2A" schools, "6" police …)
ReferralSource = StrEnum("ReferralSource", {f"S{code}": code for code in SOURCE_TITLES})


class Part(BaseModel):
    """Base of every object in the record: unknown keys kept, free text normalised."""

    model_config = ConfigDict(extra="allow", str_strip_whitespace=False, validate_assignment=True)


class Child(Part):
    first_name: Text = None
    last_name: Text = None
    date_of_birth: dt.date | None = None
    expected_date_of_birth: dt.date | None = None
    gender: LowerText = None
    address: Text = None
    postcode: Postcode = None
    school_or_setting: Text = None
    first_language: Text = None
    disability: Text = None
    # beyond the contract, as the CIN census asks (record/census.py)
    upn: Upn = None
    nhs_number: NhsNumber = None
    ethnicity: Ethnicity | None = None


class HouseholdMember(Part):
    name: Text = None
    relationship: LowerText = None
    date_of_birth: dt.date | None = None
    parental_responsibility: bool | None = None


class Contact(Part):
    name: Text = None
    role: Text = None
    agency: Text = None
    phone: Phone = None
    email: LowerText = None
    # beyond the contract, for a referrer: who they are as the census counts them; when not
    # given it is read from their role and agency (record/sources.py)
    source: ReferralSource | None = None


class ReferralDetails(Part):
    date: dt.date | None = None
    reason_summary: Text = None
    request: Text = None
    intended_outcome: Text = None
    facts: Text = None
    opinions: Text = None
    child_views: Text = None
    what_has_been_done: Text = None
    conversations: Text = None
    level4_evidence: Text = None  # beyond the contract: s.17 evidence for a Level 4 intervention


class YoungPersonCompetence(Part):
    """Beyond the contract: why a young person's own agreement stands without their parents' or
    carers' (seed 004, "Consent and competence"), and who judged them competent, on what."""

    parents_involved: bool | None = None  # will the parents or carers be involved?
    parents_not_involved_reason: Text = None  # why not (the young person will not involve them)
    competent: bool | None = None  # judged competent to make this decision themselves
    judged_by: Text = None  # name and role of who judged it
    judged_on: dt.date | None = None  # when
    understanding: Text = None  # what they understand; do they see where each choice leads?
    consistency: Text = None  # how consistent they have been
    complexity: Text = None  # how complex the issues are


class Consent(Part):
    family_agrees: bool | None = None
    information_sharing: bool | None = None
    given_by: Text = None
    date: dt.date | None = None
    family_informed: bool | None = None
    decision_reason: Text = None
    given_by_young_person: bool | None = None  # beyond the contract: the young person agreed
    young_person_competence: YoungPersonCompetence | None = None  # beyond the contract


class Development(Part):
    health: Text = None
    emotional_social: Text = None
    behaviour: Text = None
    identity: Text = None
    family_social_relationships: Text = None
    self_care: Text = None
    learning: Text = None


class Parenting(Part):
    basic_care: Text = None
    safety: Text = None
    emotional_warmth: Text = None
    guidance_boundaries: Text = None
    stimulation: Text = None
    stability: Text = None


class FamilyEnvironment(Part):
    family_history: Text = None
    wider_family: Text = None
    housing: Text = None
    employment_income: Text = None
    social_integration: Text = None
    community_resources: Text = None


class Assessment(Part):
    development: Development | None = None
    parenting: Parenting | None = None
    family_environment: FamilyEnvironment | None = None
    conclusions: Text = None  # beyond the contract: the CAF's conclusions and solutions
    actions: Text = None  # beyond the contract: the CAF's agreed actions (its plan)


class Harm(Part):
    nature: Text = None
    severity: Text = None
    duration: Text = None
    frequency: Text = None
    impact: Text = None
    unusual_elements: Text = None
    parental_capacity: Text = None
    family_environment_factors: Text = None
    care_given: Text = None
    comparison_similar_child: Text = None
    noteworthy: Text = None


class Attachment(Part):
    kind: AttachmentKind
    filename: Text = None


class PlanAction(Part):
    """One agreed action of a plan: who does what, by when."""

    who: Text = None
    what: Text = None
    by_when: dt.date | None = None


class TacReview(Part):
    """One review of a TAC plan (seed 004: the TAC meets again to review progress)."""

    review_date: dt.date | None = None
    progress: Text = None
    changes: Text = None
    next_review_date: dt.date | None = None


class TacPlan(Part):
    """Beyond the contract: the Team Around the Child plan agreed at a TAC meeting (seed 004)."""

    meeting_date: dt.date | None = None
    needs: Text = None
    priorities: Text = None
    actions: list[PlanAction] = Field(default_factory=list)
    outcomes: Text = None
    review_date: dt.date | None = None
    shared_with: list[Text] = Field(default_factory=list)
    family_has_copy: bool | None = None
    reviews: list[TacReview] = Field(default_factory=list)


class CinPlan(Part):
    """Beyond the contract: the Child in Need plan of a planning meeting (seed 003 §2.3)."""

    needs_statement: Text = None
    plan: Text = None
    actions: list[PlanAction] = Field(default_factory=list)
    acceptable_outcomes: Text = None
    review_arrangements: Text = None
    review_date: dt.date | None = None


class DecisionOutcome(StrEnum):
    """What the front door decided about a referral (seed 002 "Outcome Feedback", 003 §1.7/§1.9)."""

    NO_FURTHER_ACTION_ADVICE = "no_further_action_advice"
    SIGNPOSTED = "signposted"
    PASSED_TO_EARLY_HELP = "passed_to_early_help"
    IA_NO_FURTHER_ACTION = "ia_no_further_action"
    IA_SECTION_17_SERVICES = "ia_section_17_services"
    IA_SECTION_47_ENQUIRY = "ia_section_47_enquiry"
    IA_FURTHER_ASSESSMENT = "ia_further_assessment"
    CHILD_PROTECTION = "child_protection"


#: decisions that mean the threshold for social care was not met for the reasons referred for
THRESHOLD_NOT_MET = {
    DecisionOutcome.NO_FURTHER_ACTION_ADVICE,
    DecisionOutcome.SIGNPOSTED,
    DecisionOutcome.PASSED_TO_EARLY_HELP,
    DecisionOutcome.IA_NO_FURTHER_ACTION,
}


#: decisions that mean there is reasonable cause to suspect significant harm: a strategy
#: discussion follows (Working Together 2023)
SIGNIFICANT_HARM = {DecisionOutcome.IA_SECTION_47_ENQUIRY, DecisionOutcome.CHILD_PROTECTION}


class InitialAssessmentOutcome(StrEnum):
    """The four outcomes of an initial assessment (seed 003 §1.7)."""

    HARM_SUSPECTED = "harm_suspected"  # reasonable cause to suspect significant harm
    NOT_IN_NEED = "not_in_need"  # not a child in need: to the CAF, with the family's consent
    IN_NEED_NOT_COMPLEX = "in_need_not_complex"
    IN_NEED_COMPLEX = "in_need_complex"


class ComplexNeed(StrEnum):
    """Why a child in need's needs are complex: seed 003 §1.8's criteria."""

    MANY_PROFESSIONALS = "many_professionals"
    SUSTAINED_SUPPORT = "sustained_support"
    SIGNIFICANT_RESOURCES = "significant_resources"
    NO_CLEAR_SOLUTION = "no_clear_solution"
    PARENTS_LIMITED = "parents_limited"


class LeadChoice(StrEnum):
    """Why a lead professional was chosen: seed 004's criteria."""

    FAMILY_PREFERENCE = "family_preference"
    INVOLVEMENT = "involvement"
    MAIN_NEED = "main_need"
    CAPACITY = "capacity"


class InitialAssessment(Part):
    """Beyond the contract: the outcome of the initial assessment that followed the decision."""

    outcome: InitialAssessmentOutcome | None = None
    complex_needs: list[ComplexNeed] = Field(default_factory=list)
    family_consents_to_caf: bool | None = None
    started_on: dt.date | None = None
    completed_on: dt.date | None = None
    factors: list[AssessmentFactor] = Field(default_factory=list)  # as the census codes them


class ChildProtection(Part):
    """Beyond the contract: the child protection steps after harm is suspected (Working Together
    2023): the strategy discussion and the initial child protection conference."""

    strategy_discussion_on: dt.date | None = None
    initial_conference_on: dt.date | None = None


class Decision(Part):
    """Beyond the contract: the decision taken on the referral, fed back to the referrer."""

    outcome: DecisionOutcome | None = None
    primary_need: PrimaryNeed | None = None  # the census's code for why the child is in need
    reasons: Text = None
    threshold_not_met_reason: Text = None
    other_support: Text = None
    decided_by: Text = None
    decided_on: dt.date | None = None


class Record(Part):
    pathway: Pathway
    threshold_level: int | None = Field(default=None, ge=1, le=4)
    child: Child = Field(default_factory=Child)
    household_members: list[HouseholdMember] = Field(default_factory=list)
    referrer: Contact = Field(default_factory=Contact)
    referral: ReferralDetails = Field(default_factory=ReferralDetails)
    consent: Consent = Field(default_factory=Consent)
    assessment: Assessment | None = None
    harm: Harm | None = None
    attachments: list[Attachment] = Field(default_factory=list)
    lead_professional: Contact | None = None
    tac_plan: TacPlan | None = None  # beyond the contract, as are the two below
    cin_plan: CinPlan | None = None
    decision: Decision | None = None
    initial_assessment: InitialAssessment | None = None
    child_protection: ChildProtection | None = None


class RecordError(ValueError):
    """A record that does not meet the contract; ``problems`` says where and why, one per line."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


def _describe(error: dict) -> str:
    where = ".".join(str(part) for part in error["loc"]) or "record"
    return f"{where}: {error['msg'].removeprefix('Value error, ')}"


def load_record(data: dict | str | bytes) -> Record:
    """Validate a record given as a dict or JSON text; raise RecordError naming each bad field."""
    if isinstance(data, str | bytes):
        try:
            data = json.loads(data)
        except json.JSONDecodeError as error:
            raise RecordError([f"not valid JSON: {error}"]) from None
    if not isinstance(data, dict):
        raise RecordError(["a record must be a JSON object"])
    try:
        return Record.model_validate(data)
    except ValidationError as error:
        raise RecordError([_describe(e) for e in error.errors()]) from None


def _without_empty(value: Any) -> Any:
    if isinstance(value, dict):
        pruned = {key: _without_empty(item) for key, item in value.items()}
        return {key: item for key, item in pruned.items() if item not in (None, {}, [])}
    if isinstance(value, list):
        return [_without_empty(item) for item in value]
    return value


def dump_record(record: Record) -> dict:
    """The record as JSON-ready data in the contract's formats.

    What the source did not contain is left out, never written as ``""``, ``{}`` or ``[]``.
    """
    return _without_empty(record.model_dump(mode="json", exclude_none=True))
