"""The children in need (CIN) census return for a collection year, as the XML the DfE's
collection takes: one <Child> per child referred to children's social care (Section 17 and
Section 47 referrals), one <CINdetails> per referral of theirs open in the year, with its
assessment and section 47 enquiry. The codes come from the record as it was made
(record/census.py, record/sources.py); what the record cannot say is not invented but left out,
so that the DfE's validation names it."""

import datetime as dt
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from sqlalchemy import or_, select

from record import Pathway, load_record
from record.model import THRESHOLD_NOT_MET, DecisionOutcome, Record
from service.clocks.calendar import as_utc
from service.db.models import Referral
from service.extensions import db

#: the pathways whose referrals go to children's social care, and so to the census
CENSUS_PATHWAYS = (Pathway.SECTION_17, Pathway.SECTION_47)
SEX = {"male": "M", "boy": "M", "m": "M", "female": "F", "girl": "F", "f": "F"}
#: why a referral closed, as the census codes it
CLOSED_AFTER_ASSESSMENT_NFA = "RC8"
CLOSED_TO_EARLY_HELP = "RC9"
CLOSED_OTHERWISE = "RC7"
SCHOOL_AGE = 5


class CensusYearError(ValueError):
    pass


@dataclass(frozen=True)
class CollectionYear:
    """A census year: 1 April to 31 March, named "2026-27"."""

    start: dt.date
    end: dt.date

    @classmethod
    def named(cls, name: str) -> "CollectionYear":
        first, _, second = name.partition("-")
        if not (first.isdigit() and len(first) == 4 and second == f"{(int(first) + 1) % 100:02d}"):
            raise CensusYearError(f"'{name}' is not a census year: write it like 2026-27")
        return cls(dt.date(int(first), 4, 1), dt.date(int(first) + 1, 3, 31))


def census_referrals(year: CollectionYear) -> list[Referral]:
    """Submitted census referrals made by the year's end and not closed before it began."""
    year_began = dt.datetime.combine(year.start, dt.time(), tzinfo=dt.UTC)
    query = select(Referral).where(
        Referral.pathway.in_(CENSUS_PATHWAYS),
        Referral.submitted_at.is_not(None),
        Referral.referral_date <= year.end,
        or_(Referral.closed_at.is_(None), Referral.closed_at >= year_began),
    )
    return list(db.session.scalars(query.order_by(Referral.child_id, Referral.id)))


def census_xml(year: CollectionYear, la_code: str, now: dt.datetime) -> bytes:
    message = ET.Element("Message")
    message.append(_header(year, la_code, now))
    children = ET.SubElement(message, "Children")
    by_child: dict[str, list[Referral]] = {}
    for referral in census_referrals(year):
        by_child.setdefault(_child_id(referral), []).append(referral)
    for child_id, referrals in by_child.items():
        children.append(_child(child_id, referrals, year))
    ET.indent(message)
    return ET.tostring(message, encoding="utf-8", xml_declaration=True)


def _add(parent: ET.Element, tag: str, value) -> None:
    """A child element, only for a value there is."""
    if value is None or value == "":
        return
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    ET.SubElement(parent, tag).text = text


def _header(year: CollectionYear, la_code: str, now: dt.datetime) -> ET.Element:
    header = ET.Element("Header")
    details = ET.SubElement(header, "CollectionDetails")
    _add(details, "Collection", "CIN")
    _add(details, "Year", year.end.year)
    _add(details, "ReferenceDate", year.end)
    source = ET.SubElement(header, "Source")
    for tag, value in (
        ("SourceLevel", "L"),
        ("LEA", la_code),
        ("SoftwareCode", "Front Door"),
        ("Release", "1"),
        ("SerialNo", "1"),
        ("DateTime", now.replace(microsecond=0, tzinfo=None).isoformat()),
    ):
        _add(source, tag, value)
    return header


def _child_id(referral: Referral) -> str:
    """The council's id for the child: letters and digits only, as the census asks."""
    return f"FDC{referral.child_id:06d}" if referral.child_id else f"FDR{referral.id:06d}"


def _child(child_id: str, referrals: list[Referral], year: CollectionYear) -> ET.Element:
    latest = load_record(referrals[-1].record)
    child = ET.Element("Child")
    identifiers = ET.SubElement(child, "ChildIdentifiers")
    _add(identifiers, "LAchildID", child_id)
    _add(identifiers, "UPN", latest.child.upn)
    if not latest.child.upn:
        _add(identifiers, "UPNunknown", _upn_unknown(latest, year))
    _add(identifiers, "PersonBirthDate", latest.child.date_of_birth)
    if not latest.child.date_of_birth:
        _add(identifiers, "ExpectedPersonBirthDate", latest.child.expected_date_of_birth)
    unborn = not latest.child.date_of_birth and latest.child.expected_date_of_birth
    _add(identifiers, "Sex", "U" if unborn else SEX.get(latest.child.gender or "", "U"))
    characteristics = ET.SubElement(child, "ChildCharacteristics")
    _add(characteristics, "Ethnicity", latest.child.ethnicity)
    for referral in referrals:
        child.append(_cin_details(referral, load_record(referral.record)))
    return child


def _upn_unknown(record: Record, year: CollectionYear) -> str:
    """Why there is no UPN: not yet of school age (or unborn), else none was found."""
    born = record.child.date_of_birth
    if born is None or (year.end - born).days < SCHOOL_AGE * 365.25:
        return "UN1"
    return "UN5"


def _cin_details(referral: Referral, record: Record) -> ET.Element:
    details = ET.Element("CINdetails")
    decision = record.decision
    outcome = decision.outcome if decision else None
    _add(details, "CINreferralDate", record.referral.date or referral.submitted_at.date())
    _add(details, "ReferralSource", referral.source)
    _add(details, "PrimaryNeedCode", decision.primary_need if decision else None)
    if referral.closed_at:
        _add(details, "CINclosureDate", as_utc(referral.closed_at).date())
        _add(details, "ReasonForClosure", _closure_reason(outcome))
    _add(details, "ReferralNFA", "true" if outcome in THRESHOLD_NOT_MET else "false")
    assessment = record.initial_assessment
    if assessment and (assessment.started_on or assessment.completed_on):
        block = ET.SubElement(details, "Assessments")
        _add(block, "AssessmentActualStartDate", assessment.started_on)
        _add(block, "AssessmentAuthorisationDate", assessment.completed_on)
        if assessment.factors:
            factors = ET.SubElement(block, "FactorsIdentifiedAtAssessment")
            for factor in assessment.factors:
                _add(factors, "AssessmentFactors", factor)
    steps = record.child_protection  # the conference's date only here (census rule 2884)
    if steps and steps.strategy_discussion_on:
        enquiry = ET.SubElement(details, "Section47")
        _add(enquiry, "S47ActualStartDate", steps.strategy_discussion_on)
        _add(enquiry, "DateOfInitialCPC", steps.initial_conference_on)
        _add(enquiry, "ICPCnotRequired", "false" if steps.initial_conference_on else "true")
    return details


def _closure_reason(outcome: DecisionOutcome | None) -> str:
    if outcome == DecisionOutcome.PASSED_TO_EARLY_HELP:
        return CLOSED_TO_EARLY_HELP
    if outcome in THRESHOLD_NOT_MET:
        return CLOSED_AFTER_ASSESSMENT_NFA
    return CLOSED_OTHERWISE
