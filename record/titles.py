"""The words a person reads for the record's codes (pathways, decisions, kinds of document) and
its dates as GOV.UK writes them ("9 March 2014"): pages, letters, mail and the import review all
say them the same way, from here."""

import datetime as dt

from record.model import (
    AttachmentKind,
    ComplexNeed,
    DecisionOutcome,
    InitialAssessmentOutcome,
    LeadChoice,
    Pathway,
)

PATHWAY_TITLES = {
    Pathway.EARLY_HELP: "Early Help (Level 3)",
    Pathway.SECTION_17: "Section 17 Child in Need (Level 4)",
    Pathway.SECTION_47: "Section 47 Child Protection",
    Pathway.CAMHS: "Child and Adolescent Mental Health Service (CAMHS)",
    Pathway.SEN_ASSESSMENT: "Special educational needs assessment",
    Pathway.DRUG_ALCOHOL: "Drug and alcohol service",
    Pathway.YOUTH_OFFENDING: "Youth Offending Service",
    Pathway.DISABLED_CHILDREN: "Disabled children: integrated needs assessment",
    Pathway.PAEDIATRIC_HEALTH: "Paediatric health services",
}

ATTACHMENT_LABELS = {
    AttachmentKind.EARLY_HELP_ASSESSMENT: "Early help assessment",
    AttachmentKind.EARLY_HELP_PLAN: "Early help plan",
    AttachmentKind.EHCP: "Education, health and care plan (EHCP)",
    AttachmentKind.RISK_ASSESSMENT: "Risk assessment",
    AttachmentKind.SCREENING_TOOL: "Screening tool",
    AttachmentKind.OTHER: "Other document",
}

#: what each decision means, in the words the referrer reads (seed 003 §1.7 and §1.9)
OUTCOME_TITLES = {
    DecisionOutcome.NO_FURTHER_ACTION_ADVICE: "No further action, with advice given",
    DecisionOutcome.SIGNPOSTED: "Signposted to other services in the community",
    DecisionOutcome.PASSED_TO_EARLY_HELP: (
        "Passed to the Common Assessment Framework (CAF) / Early Help process"
    ),
    DecisionOutcome.IA_NO_FURTHER_ACTION: (
        "Initial assessment completed: the child is not a child in need; no further action"
    ),
    DecisionOutcome.IA_SECTION_17_SERVICES: (
        "Initial assessment completed: services for a child in need under section 17"
    ),
    DecisionOutcome.IA_SECTION_47_ENQUIRY: (
        "Initial assessment completed: enquiries under section 47 (child protection)"
    ),
    DecisionOutcome.IA_FURTHER_ASSESSMENT: (
        "Initial assessment completed: a further (core) assessment is needed"
    ),
    DecisionOutcome.CHILD_PROTECTION: "Action under child protection procedures",
}


#: the outcomes of an initial assessment (seed 003 §1.7)
INITIAL_ASSESSMENT_TITLES = {
    InitialAssessmentOutcome.HARM_SUSPECTED: (
        "Reasonable cause to suspect actual or likely significant harm: child protection"
    ),
    InitialAssessmentOutcome.NOT_IN_NEED: (
        "Not a child in need: passed to the Common Assessment Framework with the family's consent"
    ),
    InitialAssessmentOutcome.IN_NEED_NOT_COMPLEX: "A child in need, whose needs are not complex",
    InitialAssessmentOutcome.IN_NEED_COMPLEX: "A child in need, whose needs are complex",
}

#: why needs are complex (seed 003 §1.8), as a social care manager would say it
LEAD_CHOICE_TITLES = {
    LeadChoice.FAMILY_PREFERENCE: "The child's or family's preference",
    LeadChoice.INVOLVEMENT: "Their contact and involvement with the child and family",
    LeadChoice.MAIN_NEED: "Their service meets the main area of need",
    LeadChoice.CAPACITY: "Their skills and capacity",
}

COMPLEX_NEED_TITLES = {
    ComplexNeed.MANY_PROFESSIONALS: "Needs require inputs from a number of professionals",
    ComplexNeed.SUSTAINED_SUPPORT: (
        "Significant issues are unlikely to be resolved without sustained support"
    ),
    ComplexNeed.SIGNIFICANT_RESOURCES: "Significant resources are likely to be required",
    ComplexNeed.NO_CLEAR_SOLUTION: (
        "No obvious solution, or no agreement about the needs or what to do"
    ),
    ComplexNeed.PARENTS_LIMITED: (
        "Parents may have limited ability or willingness to address the needs or work with "
        "professionals"
    ),
}


def day_month_year(day: dt.date) -> str:
    """``2014-03-09`` -> ``9 March 2014``: the GOV.UK style, with no leading zero."""
    return f"{day.day} {day:%B %Y}"
