"""Which question pages each pathway asks, in order. The pathway rules (service/rules) decide
what must be answered before a referral can be submitted; the pages only ask."""

from forms.sections.assessment import (
    ConclusionsSection,
    DevelopmentSection,
    FamilyEnvironmentSection,
    ParentingSection,
)
from forms.sections.attachments import AttachmentsSection
from forms.sections.base import Section
from forms.sections.concern import (
    ConcernSection,
    EarlyHelpConcernSection,
    HarmSection,
    Section17ConcernSection,
    SpecialistConcernSection,
    ThresholdSection,
)
from forms.sections.consent import ConsentSection, FamilyConsentSection, Section47ConsentSection
from forms.sections.people import (
    ChildSection,
    HouseholdSection,
    LeadProfessionalSection,
    ReferrerSection,
)
from record import Pathway
from record.titles import PATHWAY_TITLES

BASICS = [ChildSection, HouseholdSection, ReferrerSection, ThresholdSection]
COMMON_ASSESSMENT = [
    DevelopmentSection,
    ParentingSection,
    FamilyEnvironmentSection,
    ConclusionsSection,
]

JOURNEYS: dict[Pathway, list[type[Section]]] = {
    Pathway.EARLY_HELP: [
        *BASICS,
        *COMMON_ASSESSMENT,
        EarlyHelpConcernSection,
        LeadProfessionalSection,
        AttachmentsSection,
        ConsentSection,
    ],
    Pathway.SECTION_17: [
        *BASICS,
        Section17ConcernSection,
        AttachmentsSection,
        FamilyConsentSection,
    ],
    Pathway.SECTION_47: [
        *BASICS,
        ConcernSection,
        HarmSection,
        AttachmentsSection,
        Section47ConsentSection,
    ],
}
SPECIALIST_JOURNEY = [
    *BASICS,
    SpecialistConcernSection,
    *COMMON_ASSESSMENT,
    AttachmentsSection,
    ConsentSection,
]

# The start page words the three statutory pathways its own way, with what each is for as a
# hint; the specialist services go by the titles their letters use.
START_OPTIONS = [
    (
        Pathway.EARLY_HELP,
        "Common assessment (CAF) and Early Help",
        "Level 3: a coordinated multi-agency plan",
    ),
    (
        Pathway.SECTION_17,
        "Section 17 Child in Need",
        "Level 4: complex needs that call for statutory help",
    ),
    (
        Pathway.SECTION_47,
        "Section 47 Child Protection",
        "A child suffering, or likely to suffer, significant harm",
    ),
    *(
        (pathway, PATHWAY_TITLES[pathway], None)
        for pathway in Pathway
        if pathway not in (Pathway.EARLY_HELP, Pathway.SECTION_17, Pathway.SECTION_47)
    ),
]


def journey(pathway: str) -> list[type[Section]]:
    return JOURNEYS.get(Pathway(pathway), SPECIALIST_JOURNEY)


def section(pathway: str, slug: str) -> type[Section] | None:
    return next((page for page in journey(pathway) if page.slug == slug), None)


def next_section(pathway: str, slug: str) -> type[Section] | None:
    pages = journey(pathway)
    index = next(i for i, page in enumerate(pages) if page.slug == slug)
    return pages[index + 1] if index + 1 < len(pages) else None


def where_answered(pathway: str, path: str) -> tuple[str, str] | None:
    """(page slug, question id) of the page that asks for the record field ``path``."""
    for page in journey(pathway):
        anchor = page.anchor_for(path)
        if anchor:
            return page.slug, anchor
    return None
