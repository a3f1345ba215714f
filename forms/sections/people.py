"""Who the referral is about and who is making it: the child, the household, the referrer, the
lead professional."""

from __future__ import annotations

from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput
from wtforms import Form, FormField, SubmitField
from wtforms.validators import Email, Length, Optional

from forms.fields import (
    Checked,
    GovDateField,
    NotInFuture,
    Rows,
    YesNoField,
    coded,
    iso_date,
    long_text,
    remove_entry,
    text,
)
from forms.sections.base import NOT_ANSWERED, Section, answer_of
from record.census import ETHNICITY_TITLES, nhs_number_problem, upn_problem
from record.sources import SOURCE_TITLES
from record.titles import day_month_year

EMAIL = Email("Enter an email address in the right format, like name@example.gov.uk")


class ChildSection(Section):
    slug = "child"
    title = "About the child"
    record_path = "child"

    first_name = text("First name", Length(max=100))
    last_name = text("Last name", Length(max=100))
    date_of_birth = GovDateField(
        "Date of birth",
        [
            Optional(),
            NotInFuture(
                "Date of birth must be in the past; for an unborn child give the expected date"
            ),
        ],
        description="For example, 27 3 2014",
    )
    expected_date_of_birth = GovDateField(
        "Expected date of birth (unborn child only)",
        [Optional()],
        description="For example, 14 2 2027",
    )
    gender = text("Gender")
    address = long_text("Address", hint="Street and town; the postcode goes below")
    postcode = text("Postcode", Length(max=10))
    school_or_setting = text("School, nursery or other setting")
    first_language = text("First language")
    disability = long_text(
        "Any disability or special educational need", hint='Write "none known" if none'
    )
    upn = text(
        "Unique Pupil Number (UPN), if known",
        Optional(),
        Checked(upn_problem),
        hint="13 characters from the school's records, like E825200319001",
    )
    nhs_number = text(
        "NHS number, if known",
        Optional(),
        Checked(nhs_number_problem),
        hint="10 digits, like 943 476 5919",
    )
    ethnicity = coded(
        "Ethnicity", ETHNICITY_TITLES, hint="As the child or their family describe it"
    )


class ContactFields:
    """Name, job, organisation, telephone, email: a referrer's or lead professional's details."""

    name = text("Full name")
    role = text("Job title")
    agency = text("Agency or organisation")
    phone = text("Telephone")
    email = text("Email address", Optional(), EMAIL)


class ReferrerSection(ContactFields, Section):
    slug = "referrer"
    title = "About you, the referrer"
    record_path = "referrer"

    source = coded(
        "Which of these best describes you?",
        SOURCE_TITLES,
        hint="Who made the referral, as the children in need census counts it. If you leave it, "
        "it is read from your job title and organisation",
    )


class LeadProfessionalSection(ContactFields, Section):
    slug = "lead-professional"
    title = "Lead professional"
    record_path = "lead_professional"
    intro = "The practitioner who will coordinate the plan for the child and family."


class HouseholdMemberForm(Form):
    name = text("Full name", Length(max=200))
    relationship = text(
        "Relationship to the child", hint="For example, mother, stepfather, sibling"
    )
    date_of_birth = GovDateField(
        "Date of birth", [Optional(), NotInFuture("Date of birth must be in the past")]
    )
    parental_responsibility = YesNoField("Do they have parental responsibility?")


class HouseholdSection(Section):
    slug = "household"
    title = "Household members"
    record_path = "household_members"
    intro = "Everyone who lives with the child, and anyone else significant in the household."

    members = Rows(FormField(HouseholdMemberForm), min_entries=1)
    add_member = SubmitField("Add another household member", widget=GovSubmitInput())

    @classmethod
    def from_record(cls, record: dict) -> HouseholdSection:
        return cls(formdata=None, data={"members": record.get("household_members") or []})

    def questions(self):
        return [field for entry in self.members for field in entry.form]

    def apply(self, record: dict) -> None:
        record["household_members"] = [
            {field.short_name: answer_of(field) for field in entry.form}
            for entry in self.members
            if any(answer_of(field) is not None and field.data != "" for field in entry.form)
        ]

    def summary(self, record: dict) -> list[dict]:
        rows = []
        for number, member in enumerate(record.get("household_members") or [], start=1):
            parts = [member.get("name") or "No name given", member.get("relationship")]
            born = iso_date(member.get("date_of_birth"))
            if born:
                parts.append(f"born {day_month_year(born)}")
            if member.get("parental_responsibility") is not None:
                parts.append(
                    "parental responsibility"
                    if member["parental_responsibility"]
                    else "no parental responsibility"
                )
            anchor = f"members-{number - 1}-name"
            rows.append(
                {
                    "label": f"Household member {number}",
                    "value": ", ".join(p for p in parts if p),
                    "anchor": anchor,
                }
            )
        return rows or [
            {"label": "Household members", "value": NOT_ANSWERED, "anchor": "members-0-name"}
        ]

    def remove_member(self, index: int) -> None:
        remove_entry(self.members, index)

    @classmethod
    def anchor_for(cls, path: str) -> str | None:
        return "members-0-name" if path.startswith("household_members") else None
