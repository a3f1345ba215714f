"""Which template in doc_templates/ renders which document, and what each needs from a record.

The referral letter has one template per kind of receiving team (seed 002 / 000 ask each for
different things); the plans and the feedback letter have one each, and need their part of the
record (``tac_plan``, ``cin_plan``, ``decision``) to say anything useful.
"""

from dataclasses import dataclass, field

from record import Pathway

SPECIALIST_LETTER = "referral_specialist.docx"


@dataclass(frozen=True)
class DocumentKind:
    """One document Front Door produces."""

    title: str
    template: str  # the template used unless the record's pathway has its own
    by_pathway: dict[Pathway, str] = field(default_factory=dict)
    needs: str | None = None  # the part of the record without which there is nothing to say

    def template_for(self, pathway: Pathway | None) -> str:
        return self.by_pathway.get(pathway, self.template)

    @property
    def templates(self) -> list[str]:
        return sorted({self.template, *self.by_pathway.values()})


#: document name -> what renders it
DOCUMENTS: dict[str, DocumentKind] = {
    "referral_letter": DocumentKind(
        "Referral letter",
        SPECIALIST_LETTER,
        by_pathway={
            Pathway.EARLY_HELP: "referral_early_help.docx",
            Pathway.SECTION_17: "referral_section_17.docx",
            Pathway.SECTION_47: "referral_section_47.docx",
        },
    ),
    "tac_plan": DocumentKind("Team Around the Child plan", "tac_plan.docx", needs="tac_plan"),
    "cin_plan": DocumentKind("Child in Need plan", "cin_plan.docx", needs="cin_plan"),
    "outcome_feedback": DocumentKind(
        "Outcome letter to the referrer", "outcome_feedback.docx", needs="decision"
    ),
}

DEFAULT_ESCALATION_POLICY = "LSCP Dispute Resolution/Escalation Policy"


@dataclass(frozen=True)
class Sender:
    """Whom the documents come from, as the authority's settings say: the letterhead and whom to
    contact on every letter and plan, and the local escalation policy the outcome letter names.
    An authority changes them in settings, not in every template."""

    name: str = "Children's Services Front Door"
    address: str = ""
    phone: str = ""
    email: str = ""
    escalation_policy: str = DEFAULT_ESCALATION_POLICY

    @classmethod
    def from_settings(cls, settings) -> "Sender":
        return cls(
            name=settings["COUNCIL_NAME"],
            address=settings["COUNCIL_ADDRESS"],
            phone=settings["COUNCIL_PHONE"],
            email=settings["COUNCIL_EMAIL"],
            escalation_policy=settings["ESCALATION_POLICY"] or DEFAULT_ESCALATION_POLICY,
        )

    def letterhead(self) -> dict:
        """As templates see it: ``council.name``, ``council.address`` (one line),
        ``council.phone``, ``council.email``."""
        lines = [line.strip() for line in self.address.replace("\n", ",").split(",")]
        address = ", ".join(line for line in lines if line)
        return {"name": self.name, "address": address, "phone": self.phone, "email": self.email}


#: the letterhead with no authority's settings (a council's name in words, no address)
DEFAULT_SENDER = Sender()
