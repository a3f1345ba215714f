"""The Section 17 Child in Need referral (seed 002): what the duty team needs, in its order."""

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from govuk_frontend_wtf.wtforms_widgets import GovFileInput, GovSubmitInput
from wtforms import FieldList, Form, FormField, HiddenField, SubmitField
from wtforms.validators import Email, InputRequired, Length, Optional

from forms.fields import GovDateField, NotInFuture, YesNoField, long_text, text
from service.records import AttachmentKind, Pathway, Record, load_record

ATTACHMENT_SLOTS = {
    AttachmentKind.EARLY_HELP_ASSESSMENT: "Early help assessment",
    AttachmentKind.EARLY_HELP_PLAN: "Early help plan",
    AttachmentKind.EHCP: "Education, health and care plan (EHCP)",
    AttachmentKind.OTHER: "Other multi-agency assessment and plan",
    AttachmentKind.RISK_ASSESSMENT: "Risk assessment",
    AttachmentKind.SCREENING_TOOL: "Screening tool",
}


class ChildForm(Form):
    first_name = text("First name", InputRequired("Enter the child's first name"), Length(max=100))
    last_name = text("Last name", InputRequired("Enter the child's last name"), Length(max=100))
    date_of_birth = GovDateField(
        "Date of birth",
        [
            InputRequired("Enter the child's date of birth"),
            NotInFuture("Date of birth must be in the past"),
        ],
        description="For example, 27 3 2014",
    )
    gender = text("Gender")
    address = long_text("Address", hint="Street and town; put the postcode below")
    postcode = text("Postcode", Optional(), Length(max=10))
    school_or_setting = text("School, nursery or other setting")
    first_language = text("First language")
    disability = long_text("Any disability or special educational need")


class HouseholdMemberForm(Form):
    name = text("Full name", Length(max=200))
    relationship = text(
        "Relationship to the child", hint="For example, mother, stepfather, sibling"
    )
    date_of_birth = GovDateField(
        "Date of birth", [Optional(), NotInFuture("Date of birth must be in the past")]
    )
    parental_responsibility = YesNoField("Do they have parental responsibility?")


class ReferrerForm(Form):
    name = text("Your name", InputRequired("Enter your name"))
    role = text("Job title")
    agency = text("Agency or organisation", InputRequired("Enter your agency or organisation"))
    phone = text("Telephone")
    email = text(
        "Email address", Optional(), Email("Enter an email address like name@example.gov.uk")
    )

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        if not (self.phone.data or self.email.data):
            self.phone.errors = [*self.phone.errors, "Enter a telephone number or an email address"]
            return False
        return valid


class ReferralDetailsForm(Form):
    date = GovDateField("Date of referral", [InputRequired("Enter the date of the referral")])
    reason_summary = long_text(
        "What is the concern?", InputRequired("Say briefly what the concern is")
    )
    facts = long_text("Facts", hint="What you know to be true: dates, attendance, incidents")
    opinions = long_text("Opinions", hint="Say whose opinion each one is")
    child_views = long_text("The child's views, in their own words")
    what_has_been_done = long_text("What has already been done to meet the child's needs?")
    conversations = long_text(
        "Conversations held", hint="Who you spoke to, and what you and the family expect to happen"
    )
    request = long_text(
        "What is this referral asking for?", InputRequired("Say what the referral is asking for")
    )
    intended_outcome = long_text("What outcome do you want for the child?")
    level4_evidence = long_text(
        "Evidence for a Level 4 intervention",
        hint="Why the needs call for statutory help; attach any risk assessment or screening tool",
    )


class ConsentForm(Form):
    family_agrees = YesNoField(
        "Does the family agree to be involved?",
        [InputRequired("Select yes if the family agrees to be involved")],
    )
    information_sharing = YesNoField(
        "Has consent been given to share information with the agencies involved?"
    )
    given_by = text(
        "Who gave consent?", hint="Name and relationship, for example Grace Okafor (mother)"
    )
    date = GovDateField(
        "Date consent was given",
        [Optional(), NotInFuture("Date consent was given must be in the past")],
    )


class AttachmentsForm(Form):
    """One upload per kind of document; a file already uploaded is kept in ``*_stored``."""


for _kind, _label in ATTACHMENT_SLOTS.items():
    setattr(AttachmentsForm, _kind.value, FileField(_label, widget=GovFileInput()))
    setattr(AttachmentsForm, f"{_kind.value}_stored", HiddenField())


class Section17ReferralForm(FlaskForm):
    child = FormField(ChildForm)
    household_members = FieldList(FormField(HouseholdMemberForm), min_entries=1)
    referrer = FormField(ReferrerForm)
    referral = FormField(ReferralDetailsForm)
    attachments = FormField(AttachmentsForm)
    consent = FormField(ConsentForm)
    add_member = SubmitField("Add another household member", widget=GovSubmitInput())
    submit = SubmitField("Submit referral", widget=GovSubmitInput())

    def remove_member(self, index: int) -> None:
        kept = [entry.data for i, entry in enumerate(self.household_members) if i != index]
        self.household_members.entries = []
        self.household_members.last_index = -1
        for data in kept or [None]:
            self.household_members.append_entry(data)

    def to_record(self, attachments: list[dict]) -> Record:
        """The record this form describes; ``attachments`` are the files stored for it."""
        child = {name: field.data for name, field in self.child.form._fields.items()}
        referral = {name: field.data for name, field in self.referral.form._fields.items()}
        referrer = {name: field.data for name, field in self.referrer.form._fields.items()}
        consent = self.consent.form
        members = [
            {
                "name": entry.form.name.data,
                "relationship": entry.form.relationship.data,
                "date_of_birth": entry.form.date_of_birth.data,
                "parental_responsibility": entry.form.parental_responsibility.answer,
            }
            for entry in self.household_members
            if entry.form.name.data
        ]
        return load_record(
            {
                "pathway": Pathway.SECTION_17,
                "threshold_level": 4,
                "child": child,
                "household_members": members,
                "referrer": referrer,
                "referral": referral,
                "consent": {
                    "family_agrees": consent.family_agrees.answer,
                    "information_sharing": consent.information_sharing.answer,
                    "given_by": consent.given_by.data,
                    "date": consent.date.data,
                },
                "attachments": attachments,
            }
        )
