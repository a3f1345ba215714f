"""The ``probe`` split's wordings: questions, headings, options and answer styles in none of the
tune, held-out or fresh banks (``wordings``, ``styles``, ``fresh_wordings``).

Written the way further councils word their forms: MASH referral forms and multi-agency referral
forms ("MARF") that ask for the "legal name" and "known as", Early Help Assessments with "what's
working well / what are we worried about" questions, request-for-support forms, LADO, CAMHS
single point of access and SEN / EHC needs assessment requests, and consent blocks that ask
whether the family "know you are contacting the MASH". Never written from what any parser
understands. Each bank carries the name of the tune / held-out (or fresh-only) bank it stands in
for, so a probe ``split.Chooser`` picks from it wherever the composer asks for that bank.

Probe is the split to tune on after tune: its mistakes may be read.
"""

from __future__ import annotations

from tests.parsers.generator.split import probe_bank

LABELS = {
    "child.first_name": probe_bank(
        "child.first_name",
        [
            "Legal first name",
            "First name (as on birth certificate)",
            "Child's given name",
            "Forename(s) of child",
        ],
    ),
    "child.last_name": probe_bank(
        "child.last_name",
        [
            "Surname (legal)",
            "Surname (family name) of child",
            "Child's family name",
            "Last name (legal)",
        ],
    ),
    "child.full_name": probe_bank(
        "child.full_name",
        [
            "Child's legal name",
            "Name of the child this referral is about",
            "Child/YP name (first and last)",
            "Full legal name of child",
        ],
    ),
    "child.date_of_birth": probe_bank(
        "child.date_of_birth",
        [
            "Child's date of birth (or EDD if unborn)",
            "Child D.o.B",
            "Date of birth (dd/mm/yyyy)",
            "DOB / expected due date",
        ],
    ),
    "child.gender": probe_bank(
        "child.gender",
        [
            "Gender (as the child identifies)",
            "Gender of child/young person",
            "Sex (as registered at birth)",
            "M/F",
        ],
    ),
    "child.address": probe_bank(
        "child.address",
        [
            "Home address of child",
            "Address where the child lives now",
            "Current home address",
            "Usual place of residence",
        ],
    ),
    "child.address_with_postcode": probe_bank(
        "child.address_with_postcode",
        [
            "Full address including postcode",
            "Child's address (inc. postcode)",
            "Where does the child live? (address and postcode)",
            "Current address incl post code",
        ],
    ),
    "child.postcode": probe_bank(
        "child.postcode",
        [
            "Post code of home address",
            "Home postcode",
            "Child's postcode",
            "Postcode (essential)",
            "Postcode where the child lives",
        ],
    ),
    "child.school_or_setting": probe_bank(
        "child.school_or_setting",
        [
            "Name of school / early years provider",
            "Which school or nursery does the child attend?",
            "Education provision",
            "Current school/college/setting",
        ],
    ),
    "child.first_language": probe_bank(
        "child.first_language",
        [
            "Preferred language (spoken/written)",
            "Main home language",
            "Child's first or preferred language",
            "Languages spoken by child",
        ],
    ),
    "child.disability": probe_bank(
        "child.disability",
        [
            "Does the child have a disability or additional needs?",
            "Any additional needs / diagnosis",
            "SEND (please give details)",
            "Known disability, health condition or SEN",
        ],
    ),
    "referral.date": probe_bank(
        "referral.date",
        [
            "Date of referral to MASH",
            "Date this form was completed",
            "Date of submission",
            "Date sent to MASH",
        ],
    ),
    "referral.reason_summary": probe_bank(
        "referral.reason_summary",
        [
            "Please explain why you are making this referral",
            "What are you worried about for this child?",
            "Main concern(s)",
            "Reason for referral (please be specific)",
        ],
    ),
    "referral.request": probe_bank(
        "referral.request",
        [
            "What are you asking the MASH to do?",
            "What support are you requesting for the family?",
            "Help being asked for",
            "What service do you think is needed?",
        ],
    ),
    "referral.intended_outcome": probe_bank(
        "referral.intended_outcome",
        [
            "What difference would you like this support to make?",
            "What needs to happen next?",
            "Hoped-for outcome",
            "How will we know things are better for the child?",
        ],
    ),
    "referral.facts": probe_bank(
        "referral.facts",
        [
            "Details of concerns (what, when, where, who)",
            "What has happened to cause concern?",
            "Description of the incident or concern",
            "Evidence of concern",
        ],
    ),
    "referral.opinions": probe_bank(
        "referral.opinions",
        [
            "What do you think is happening and why?",
            "Your analysis of the risk",
            "Your professional judgement of the concerns",
            "Referrer's view of the situation",
        ],
    ),
    "referral.child_views": probe_bank(
        "referral.child_views",
        [
            "What has the child told you?",
            "Voice of the child – what have they said?",
            "The child's views (in their own words if possible)",
            "Wishes and feelings of the child/young person",
        ],
    ),
    "referral.what_has_been_done": probe_bank(
        "referral.what_has_been_done",
        [
            "What support has been offered so far?",
            "Interventions already tried and their impact",
            "What has been done to address these concerns?",
            "Current and previous involvement",
        ],
    ),
    "referral.conversations": probe_bank(
        "referral.conversations",
        [
            "What has been discussed with the parents/carers?",
            "Parent/carer's response to the concerns",
            "Family's views",
            "What do the parents say?",
        ],
    ),
    "consent.family_agrees": probe_bank(
        "consent.family_agrees",
        [
            "Do the parents/carers consent to this referral?",
            "Parental consent for referral",
            "Has the family agreed to the referral being made?",
            "Consent to referral obtained from parent/carer",
        ],
    ),
    "consent.information_sharing": probe_bank(
        "consent.information_sharing",
        [
            "Consent to share information with other agencies",
            "Has consent been given for information to be shared?",
            "Information sharing agreed by family",
            "Parent/carer consents to agencies sharing information",
        ],
    ),
    "consent.given_by": probe_bank(
        "consent.given_by",
        [
            "Consent given by (name and relationship to child)",
            "Name of parent/carer giving consent",
            "Who gave this consent?",
            "Person giving consent",
        ],
    ),
    "consent.date": probe_bank(
        "consent.date",
        [
            "Date on which consent was obtained",
            "When was consent given?",
            "Date parent/carer agreed",
            "Date of parental consent",
        ],
    ),
    "consent.family_informed": probe_bank(
        "consent.family_informed",
        [
            "Does the family know you are contacting the MASH?",
            "Have the parents/carers been informed of this referral?",
            "Has the family been told about this referral?",
            "Parents/carers aware of referral",
        ],
    ),
    "consent.decision_reason": probe_bank(
        "consent.decision_reason",
        [
            "If the family have not been told, please give your reasons",
            "If 'No', why not?",
            "Reason for not informing parents/carers",
            "Why have parents not been made aware?",
        ],
    ),
    "assessment.development.health": probe_bank(
        "assessment.development.health",
        [
            "Health (including any diagnoses)",
            "Physical & mental health",
            "Health – physical, mental, sexual",
        ],
    ),
    "assessment.development.emotional_social": probe_bank(
        "assessment.development.emotional_social",
        [
            "Emotional wellbeing and social skills",
            "How the child feels and gets on with others",
            "Social & emotional development",
        ],
    ),
    "assessment.development.behaviour": probe_bank(
        "assessment.development.behaviour",
        [
            "Behaviour (including at school)",
            "How the child behaves",
            "Behaviour at home, school and in the community",
        ],
    ),
    "assessment.development.identity": probe_bank(
        "assessment.development.identity",
        [
            "Identity, including self-esteem",
            "Identity – culture, religion and self-esteem",
            "Identity & self-image",
        ],
    ),
    "assessment.development.family_social_relationships": probe_bank(
        "assessment.development.family_social_relationships",
        [
            "Relationships with parents, siblings and peers",
            "Family & social relationships (friendships)",
            "How the child gets on with family and friends",
        ],
    ),
    "assessment.development.self_care": probe_bank(
        "assessment.development.self_care",
        [
            "Self-care skills and independence",
            "Self care",
            "Independence & self-care skills",
        ],
    ),
    "assessment.development.learning": probe_bank(
        "assessment.development.learning",
        [
            "Learning – attendance, progress, SEN",
            "Education and learning progress",
            "Achievement and progress at school",
        ],
    ),
    "assessment.parenting.basic_care": probe_bank(
        "assessment.parenting.basic_care",
        [
            "Basic care (food, warmth, hygiene)",
            "Basic care, ensuring safety and protection",
            "Providing basic care",
        ],
    ),
    "assessment.parenting.safety": probe_bank(
        "assessment.parenting.safety",
        [
            "Safety – supervision and protection from harm",
            "Keeping the child safe from harm",
            "Safety and supervision",
        ],
    ),
    "assessment.parenting.emotional_warmth": probe_bank(
        "assessment.parenting.emotional_warmth",
        ["Warmth, praise and affection", "Showing warmth and love", "Emotional warmth and care"],
    ),
    "assessment.parenting.guidance_boundaries": probe_bank(
        "assessment.parenting.guidance_boundaries",
        [
            "Guidance, boundaries and stimulation",
            "Setting boundaries",
            "Guidance and boundaries (routines)",
        ],
    ),
    "assessment.parenting.stimulation": probe_bank(
        "assessment.parenting.stimulation",
        [
            "Stimulation – play, reading, learning at home",
            "Learning and play at home",
            "Encouraging the child to learn and play",
        ],
    ),
    "assessment.parenting.stability": probe_bank(
        "assessment.parenting.stability",
        [
            "Stability of care and routines",
            "Stable and consistent care",
            "Consistent carers and home life",
        ],
    ),
    "assessment.family_environment.family_history": probe_bank(
        "assessment.family_environment.family_history",
        [
            "Family history (significant events)",
            "Family history, functioning and wellbeing",
            "How the family functions",
        ],
    ),
    "assessment.family_environment.wider_family": probe_bank(
        "assessment.family_environment.wider_family",
        [
            "Grandparents, aunts, uncles and wider network",
            "Wider family support network",
            "Extended family and friends",
        ],
    ),
    "assessment.family_environment.housing": probe_bank(
        "assessment.family_environment.housing",
        [
            "Housing (tenure, condition, overcrowding)",
            "Current housing and its condition",
            "Accommodation and housing conditions",
        ],
    ),
    "assessment.family_environment.employment_income": probe_bank(
        "assessment.family_environment.employment_income",
        [
            "Work, benefits and debts",
            "Employment and money worries",
            "Finances, employment and benefits",
        ],
    ),
    "assessment.family_environment.social_integration": probe_bank(
        "assessment.family_environment.social_integration",
        [
            "Family's links with friends and neighbours",
            "Isolation or integration in the community",
            "Links with the local community",
        ],
    ),
    "assessment.family_environment.community_resources": probe_bank(
        "assessment.family_environment.community_resources",
        [
            "Community resources used by the family",
            "Access to community resources",
            "Use of local services and facilities",
        ],
    ),
    "harm.nature": probe_bank(
        "harm.nature",
        [
            "Nature of the harm or likely harm",
            "What harm has happened or might happen?",
            "Category of abuse/harm suspected",
        ],
    ),
    "harm.severity": probe_bank(
        "harm.severity",
        ["Severity of harm", "Severity – how serious is it?", "Seriousness / severity"],
    ),
    "harm.duration": probe_bank(
        "harm.duration",
        ["Duration of harm", "How long has this been going on for?", "Timescale of the harm"],
    ),
    "harm.frequency": probe_bank(
        "harm.frequency",
        ["Frequency of harm", "How often does this happen?", "Pattern / frequency"],
    ),
    "harm.impact": probe_bank(
        "harm.impact",
        [
            "Impact of the harm on the child",
            "What is the impact on the child?",
            "Effect on the child's health and development",
        ],
    ),
    "harm.unusual_elements": probe_bank(
        "harm.unusual_elements",
        [
            "Any unusual or sadistic elements",
            "Extent of premeditation, threats or coercion",
            "Premeditation / sadism / threats",
        ],
    ),
    "harm.parental_capacity": probe_bank(
        "harm.parental_capacity",
        [
            "Parents' capacity to protect the child",
            "Can the parent/carer keep the child safe?",
            "Capacity of carers to protect",
        ],
    ),
    "harm.family_environment_factors": probe_bank(
        "harm.family_environment_factors",
        [
            "Family/environmental factors affecting the harm",
            "Factors in the family environment",
            "Environmental context of the harm",
        ],
    ),
    "harm.care_given": probe_bank(
        "harm.care_given",
        [
            "Care the child is being given",
            "What care is the child receiving?",
            "Standard of care given",
        ],
    ),
    "harm.comparison_similar_child": probe_bank(
        "harm.comparison_similar_child",
        [
            "Comparison with a similar child",
            "Compared with what could be expected of a similar child",
            "How does the child compare with their peers?",
        ],
    ),
    "harm.noteworthy": probe_bank(
        "harm.noteworthy",
        ["Anything else of note", "Other relevant details", "Further information"],
    ),
}

PREFIXED = {
    "referrer": {
        "name": probe_bank(
            "referrer.name",
            [
                "Name of person making this referral",
                "Referrer's full name",
                "Your full name",
                "Referrer – name",
            ],
        ),
        "role": probe_bank(
            "referrer.role",
            [
                "Referrer – job title",
                "Your job title/role",
                "Position held",
                "Referrer's designation",
            ],
        ),
        "agency": probe_bank(
            "referrer.agency",
            [
                "Referrer – organisation",
                "Your organisation/agency",
                "Name of referring agency",
                "Organisation you work for",
            ],
        ),
        "phone": probe_bank(
            "referrer.phone",
            [
                "Referrer's contact number",
                "Your telephone number",
                "Contact tel. (referrer)",
                "Referrer's phone no.",
            ],
        ),
        "email": probe_bank(
            "referrer.email",
            [
                "Referrer's secure e-mail",
                "Your secure email address",
                "E-mail of referrer",
                "Referrer – email",
            ],
        ),
    },
    "lead_professional": {
        "name": probe_bank(
            "lead_professional.name",
            [
                "Lead professional – name",
                "Lead practitioner – name",
                "LP – name",
                "Proposed lead professional",
            ],
        ),
        "role": probe_bank(
            "lead_professional.role",
            ["Lead professional – job title", "LP – role", "Job title of lead professional"],
        ),
        "agency": probe_bank(
            "lead_professional.agency",
            [
                "Lead professional – organisation",
                "LP – agency",
                "Organisation of lead practitioner",
            ],
        ),
        "phone": probe_bank(
            "lead_professional.phone",
            ["Lead professional's telephone", "LP – tel", "Lead practitioner phone"],
        ),
        "email": probe_bank(
            "lead_professional.email",
            ["Lead professional's email", "LP – email", "Lead practitioner e-mail"],
        ),
    },
}

GENERIC = {
    "name": probe_bank("person.name", ["Name in full", "Practitioner", "Staff name"]),
    "role": probe_bank(
        "person.role", ["Designation/post", "Job title/role", "Position in organisation"]
    ),
    "agency": probe_bank(
        "person.agency", ["Organisation/agency", "Employing organisation", "Team/service name"]
    ),
    "phone": probe_bank(
        "person.phone", ["Contact no.", "Telephone no", "Mobile/landline", "Best number to call"]
    ),
    "email": probe_bank(
        "person.email", ["E-mail address (secure)", "Email addr", "cjsm/secure e-mail"]
    ),
}

HEADINGS = {
    "child": probe_bank(
        "heading.child",
        [
            "About the child or young person",
            "Details of the child referred",
            "Section 1 – details of the child",
            "Child/young person",
        ],
    ),
    "household": probe_bank(
        "heading.household",
        [
            "Parents, carers and household members",
            "Who does the child live with?",
            "Family composition / household",
            "People living at the address",
        ],
    ),
    "referrer": probe_bank(
        "heading.referrer",
        [
            "Details of person referring",
            "About you – the person referring",
            "Referrer's details",
            "Referral made by",
        ],
    ),
    "lead_professional": probe_bank(
        "heading.lead_professional",
        [
            "Lead professional (key worker)",
            "Proposed lead professional details",
            "Lead practitioner (if agreed)",
        ],
    ),
    "referral": probe_bank(
        "heading.referral",
        [
            "Reasons for this referral",
            "Your concerns",
            "Referral details and concerns",
            "Concerns and what you are asking for",
        ],
    ),
    "consent": probe_bank(
        "heading.consent",
        [
            "Consent and sharing information",
            "Parental consent and information sharing",
            "Family awareness and consent",
            "Informing parents and carers",
        ],
    ),
    "development": probe_bank(
        "heading.development",
        [
            "Developmental needs of the child",
            "Child's developmental needs – strengths and needs",
            "Domain 1: the child's developmental needs",
        ],
    ),
    "parenting": probe_bank(
        "heading.parenting",
        [
            "Parenting capacity – strengths and needs",
            "Parents' and carers' capacity",
            "Domain 2: parenting capacity",
        ],
    ),
    "family_environment": probe_bank(
        "heading.family_environment",
        [
            "Family and environment – strengths and needs",
            "The family's wider world",
            "Domain 3 – family & environment",
        ],
    ),
    "harm": probe_bank(
        "heading.harm",
        [
            "Likelihood of significant harm",
            "Significant harm (s.47 enquiries)",
            "Safeguarding concerns (s.47)",
        ],
    ),
    "pathway": probe_bank(
        "heading.pathway",
        ["Route of referral", "Type of referral being made", "What level of support is needed?"],
    ),
    "attachments": probe_bank(
        "heading.attachments",
        ["Attached information", "Supporting documents sent with this form", "Any attachments"],
    ),
}

TITLES = probe_bank(
    "title",
    [
        "MARF – Multi Agency Referral Form",
        "MASH Multi-Agency Referral",
        "Early Help Assessment – Family Plan",
        "Request for Support – Children's Services",
        "Common Assessment Framework – Assessment Form",
        "CAMHS Single Point of Access Referral",
        "Request for an Education, Health and Care Needs Assessment",
        "Multi-Agency Safeguarding Hub – Request for Service",
        "Early Help Request Form (Family Hub)",
    ],
)

INTROS = probe_bank(
    "intro",
    [
        "If you believe a child is at immediate risk of significant harm, call the police on 999. "
        "Telephone referrals must be followed up in writing on this form within 24 hours.",
        "Please complete all sections. If a section does not apply write 'N/A'; please do not "
        "leave sections blank.",
        "Before making this referral please refer to the Continuum of Need / threshold guidance "
        "and discuss your concerns with your designated safeguarding lead.",
        "OFFICIAL-SENSITIVE when complete. Send by secure e-mail only.",
        "Fields marked * must be completed. Incomplete forms will be returned to the referrer, "
        "which may delay support for the family.",
    ],
)

PATHWAY_QUESTION = probe_bank(
    "pathway.question",
    [
        "Which service are you referring to?",
        "Referral to (please tick)",
        "Type of support requested",
        "Referral is for",
        "Service you are requesting",
    ],
)

PATHWAY_OPTIONS = {
    "early_help": probe_bank(
        "pathway.early_help",
        ["Early Help Hub", "Targeted Early Help service", "Early Help – family support worker"],
    ),
    "section_17": probe_bank(
        "pathway.section_17",
        ["Child in need assessment (s.17)", "s.17 child in need", "Child in Need – assessment"],
    ),
    "section_47": probe_bank(
        "pathway.section_47",
        ["S47 child protection enquiry", "Child protection – s.47", "Child protection enquiry"],
    ),
    "camhs": probe_bank(
        "pathway.camhs",
        [
            "CAMHS (mental health)",
            "Child and Adolescent Mental Health Service",
            "Emotional wellbeing / CAMHS",
        ],
    ),
    "sen_assessment": probe_bank(
        "pathway.sen_assessment",
        [
            "EHC needs assessment request",
            "SEND team – statutory assessment",
            "Education, Health and Care",
        ],
    ),
    "youth_offending": probe_bank(
        "pathway.youth_offending",
        ["Youth Offending Service (YOS)", "YOS/YJS", "Youth justice team (YJT)"],
    ),
    "disabled_children": probe_bank(
        "pathway.disabled_children",
        [
            "Disabled Children's Service (0-18)",
            "Children with disabilities service",
            "0-25 disability team",
        ],
    ),
    "drug_alcohol": probe_bank(
        "pathway.drug_alcohol",
        [
            "Young people's substance misuse",
            "Drug and alcohol service for young people",
            "Substance misuse team",
        ],
    ),
    "paediatric_health": probe_bank(
        "pathway.paediatric_health",
        ["Community paediatric service", "Paediatric assessment", "Child health / paediatrics"],
    ),
}

THRESHOLD_QUESTION = probe_bank(
    "threshold.question",
    [
        "Level of need (see threshold guidance)",
        "Which level of need do you think applies?",
        "Continuum of need – level",
        "Threshold level (tick one)",
        "Level of need you have identified",
    ],
)

THRESHOLD_SCHEMES = probe_bank(
    "threshold.scheme",
    [
        "Universal | Early Help | Targeted Early Help | Social Care",
        "Tier 1 – universal | Tier 2 – targeted | Tier 3 – complex | Tier 4 – specialist",
        "Level 1 – universal | Level 2 – additional | Level 3 – intensive | Level 4 – specialist",
        "Low | Medium | High | Acute",
    ],
)

HOUSEHOLD_COLUMNS = {
    "name": probe_bank(
        "household.name", ["Full name of person", "Name (first and last)", "Name of family member"]
    ),
    "relationship": probe_bank(
        "household.relationship",
        ["Relationship to child/YP", "Relationship to the child", "Relationship to referred child"],
    ),
    "date_of_birth": probe_bank(
        "household.date_of_birth",
        ["Date of birth (or age)", "D.O.B. (dd/mm/yyyy)", "DOB (if known)"],
    ),
    "parental_responsibility": probe_bank(
        "household.parental_responsibility",
        ["Do they have parental responsibility?", "PR Y/N", "Has parental responsibility"],
    ),
}

HOUSEHOLD_SPLIT_NAMES = probe_bank(
    "household.split_names",
    ["First name | Surname", "Forename | Family name", "Given name | Last name"],
)

# Lines for a household written into one cell, one person to a phrase.
HOUSEHOLD_LINES = probe_bank(
    "household.line",
    [
        "{Rel} – {name} (DOB {dob})",
        "{name}, {rel}, born {dob}",
        "{name} ({rel}) d.o.b. {dob}",
    ],
)

HOUSEHOLD_SHAPES = probe_bank(
    "household.shape",
    [
        "table with gender and occupation / school columns",
        "parents/carers table and children table, different columns",
        "everyone in one answer box, separated by semicolons",
        "table with a 'known to services' column and a blank row for each empty slot",
        "a paragraph per person, relationship first",
        "a line per person, name first, details in brackets",
        "a line per person, parts between dashes",
        "Person 1, Person 2 … blocks of name / relationship / date of birth",
        "numbered list, one person to a line",
        "sideways table: a column per person, the details as rows",
        "table, date of birth in the first column",
        "table, relationship in the first column",
        "table with an age column beside the date of birth",
        "table with surname and forename(s) as two columns, surname first",
        "table with a 'lives at the same address?' column",
        "table with an ethnicity column",
        "table of numbered blank rows with a note to continue on a separate sheet",
        "adults and children under two headings, a line per person",
    ],
)

HOUSEHOLD_UNKNOWN = probe_bank(
    "household.unknown",
    [
        "NK",
        "DOB not known",
        "tbc",
        "n/k - to be confirmed",
        "Unknown at present",
        "Not known to referrer",
    ],
)
HOUSEHOLD_PR_VALUES = probe_bank("household.pr_values", ["Yes | No", "Y | N", "PR | no PR"])
HOUSEHOLD_PARTS = probe_bank(
    "household.parts",
    [
        "Parents/carers (including any not living with the child) | Children in the household",
        "Adults | Children and young people",
        "Parent/carer details | Brothers and sisters",
    ],
)
HOUSEHOLD_EXTRA = probe_bank(
    "household.extra_column",
    ["Occupation / school", "School or employment", "Employment/education"],
)
HOUSEHOLD_KNOWN = probe_bank(
    "household.known_to_services",
    ["Known to services?", "Involved agencies", "Other agencies involved"],
)

ATTACHMENT_KINDS = {
    "early_help_assessment": probe_bank(
        "attachment.early_help_assessment",
        [
            "Early Help Assessment (EHA) form",
            "EHA form",
            "Completed EHA",
            "Early Help assessment (family copy)",
            "EHAT (assessment)",
        ],
    ),
    "early_help_plan": probe_bank(
        "attachment.early_help_plan",
        [
            "Team Around the Family (TAF) plan",
            "Early Help plan and review",
            "TAF plan (latest)",
            "EHA plan",
            "Family support plan",
            "Early Help Plan (current)",
        ],
    ),
    "ehcp": probe_bank(
        "attachment.ehcp",
        [
            "Education, Health & Care Plan (EHCP)",
            "EHC plan – current",
            "Current EHCP",
            "Final EHC Plan",
            "EHCP (issued)",
        ],
    ),
    "risk_assessment": probe_bank(
        "attachment.risk_assessment",
        [
            "DASH risk checklist (completed)",
            "DASH RIC form",
            "Domestic abuse risk assessment",
            "Risk assessment (DASH / SafeLives)",
            "Completed risk assessment",
        ],
    ),
    "screening_tool": probe_bank(
        "attachment.screening_tool",
        ["GCP2 assessment", "Neglect toolkit (completed)", "Child exploitation screening tool"],
    ),
    "other": probe_bank(
        "attachment.other",
        [
            "Chronology of concerns",
            "GP letter",
            "School attendance record",
            "Additional information",
        ],
    ),
}

ATTACHMENT_COLUMNS = probe_bank(
    "attachment.columns",
    [
        "Ref | Type of document | File name | Sent by",
        "No. | Document | Document name | How sent",
        "# | Description | File | Method",
    ],
)

ATTACHMENT_LINES = probe_bank(
    "attachment.line",
    ["{kind}; file name {file}", "{file} [{kind}]", "{kind} – saved as {file}"],
)

ATTACHMENT_SHAPES = probe_bank(
    "attachment.shape",
    [
        "yes/no question, then a bulleted list",
        "table: ref, type, file name, how sent",
        "one answer box, numbered (1) (2)",
        "tick boxes for every kind of document, file name beside the ticked ones",
        "a tick list down the page, one kind of document to a line",
        "'Enclosures:' lines at the foot of the section, as in a letter",
        "'Documents enclosed' table: document, date, attached Y/N",
        "a sentence naming each document and its file",
        "yes/no tick question, then 'if yes, list them'",
        "'please list any reports you are sending', numbered or dashed",
    ],
)

ATTACHMENT_QUESTION = probe_bank(
    "attachment.question",
    [
        "Are you attaching any documents?",
        "Have any other documents been included with this referral?",
        "Supporting documents attached?",
    ],
)

ATTACHMENT_SENT_BY = probe_bank(
    "attachment.sent_by",
    ["Secure e-mail (Egress)", "Egress", "Uploaded to portal", "With this form"],
)

GENDER_OPTIONS = probe_bank(
    "gender.options",
    [
        "Male | Female | Other (please state)",
        "Female | Male | Non-binary | Prefer not to say | Unknown",
        "Boy | Girl | Other",
    ],
)

# --- how answers are written --------------------------------------------------------------------

DATE_STYLES = probe_bank(
    "date.style",
    [
        "d/m/yy",
        "dd Month yyyy",
        "d Mon. yyyy",
        "dd.mm.yy",
        "dd mm yyyy, spaced",
        "Weekday d Month yyyy",
        "dd/Mon/yyyy",
        "d Month yyyy in capitals",
    ],
)

YES_NO_STYLES = probe_bank(
    "yesno.style",
    [
        "a sentence in the worker's own words",
        "tick boxes Y, N, N/K",
        "Yes or No left, question says delete as applicable",
        "Yes or No in bold capitals with a dash and a note",
    ],
)

# Styles an AcroForm text field (Latin-1) or check box can hold.
YES_NO_STYLES_LATIN1 = YES_NO_STYLES.entries

YES_NO_SENTENCES = {
    "consent.family_agrees": probe_bank(
        "yesno.sentences.family_agrees",
        [
            "I have spoken to mum and she is happy for the referral to go ahead. | Mum does not "
            "agree to this referral.",
            "Parents agreed when I met them. | Parents have said they do not want a referral.",
        ],
    ),
    "consent.information_sharing": probe_bank(
        "yesno.sentences.information_sharing",
        [
            "Mum has given consent for information to be shared. | Mum has refused consent to "
            "share information.",
            "Consent to share was given verbally. | The family would not consent to sharing.",
        ],
    ),
    "consent.family_informed": probe_bank(
        "yesno.sentences.family_informed",
        [
            "Mum knows I am making this referral. | The family have not been told about this "
            "referral.",
            "I told both parents before sending this. | Parents have not been informed.",
        ],
    ),
}

YES_NO_NOTES = probe_bank(
    "yesno.notes",
    [
        "confirmed at meeting | see reason below",
        "by phone | not appropriate at this time",
        "in person | advised against by police",
    ],
)
YES_NO_DELETE = probe_bank(
    "yesno.delete",
    ["(delete as applicable)", "(please delete)", "Yes/No*"],
)

TICK_GLYPHS = probe_bank(
    "tick.glyphs",
    ["⬛ | ⬜", "◆ | ◇", "✘ | ☐", "x | (nothing)", "☒ | ◻"],
)

TICK_PLACES = probe_bank(
    "tick.place",
    [
        "box before option, bars between",
        "options in capitals, box after each",
        "option then box in brackets",
    ],
)

HOUSEHOLD_GENDER = probe_bank("household.gender_column", ["M / F", "Male/Female", "Gender (M/F/X)"])


# --- households and enclosures written further ways ----------------------------------------------

# The words a worker writes for each relationship (the record keeps the contract's own word).
HOUSEHOLD_RELATIONSHIP_WORDS = {
    "mother": probe_bank(
        "household.relationship_word.mother", ["Mum", "Birth mother", "Mother (birth)", "Mam"]
    ),
    "father": probe_bank(
        "household.relationship_word.father", ["Dad", "Birth father", "Father (biological)"]
    ),
    "stepfather": probe_bank(
        "household.relationship_word.stepfather", ["Step-dad", "Stepdad", "Step father"]
    ),
    "mother's partner": probe_bank(
        "household.relationship_word.mothers_partner",
        ["Mum's partner", "Mother's boyfriend", "Partner of mum"],
    ),
    "maternal grandmother": probe_bank(
        "household.relationship_word.maternal_grandmother",
        ["Nan (maternal)", "Maternal gran", "Grandmother (mum's side)", "Nanna – mum's mum"],
    ),
    "sister": probe_bank(
        "household.relationship_word.sister",
        ["Sister (full)", "Full sister", "Sister (same parents)"],
    ),
    "brother": probe_bank(
        "household.relationship_word.brother",
        ["Brother (full)", "Full brother", "Brother (same parents)"],
    ),
    "half-sister": probe_bank(
        "household.relationship_word.half_sister", ["Half sister", "Sister (half)", "1/2 sister"]
    ),
    "half-brother": probe_bank(
        "household.relationship_word.half_brother",
        ["Half brother", "Brother (half)", "1/2 brother"],
    ),
    "stepsister": probe_bank(
        "household.relationship_word.stepsister", ["Step-sister", "Step sister", "Sister (step)"]
    ),
    "sibling": probe_bank(
        "household.relationship_word.sibling", ["Sibling", "Sib", "Brother/sister"]
    ),
}

# Whether a form writes relationships as the record does ("Mother") or as the worker says them.
HOUSEHOLD_RELATIONSHIP_STYLE = probe_bank(
    "household.relationship_style",
    ["relationship as recorded on the system", "relationship as the family say it"],
)

# Date-of-birth styles seen only in household lists (probe_compose.write_date writes them).
HOUSEHOLD_DOB_STYLES = probe_bank(
    "household.dob_style",
    [
        "d.m.yy, no leading zeros",
        "dd-mm-yyyy with hyphens",
        "ordinal d Month yyyy",
        "d/m/yyyy, no leading zeros",
        "dd/mm/yyyy (age n)",
        "d Mon yy, short year",
    ],
)

HOUSEHOLD_PROSE = {
    "a paragraph per person, relationship first": probe_bank(
        "household.prose.relationship_first",
        [
            "{Rel}: {name}, born {dob}{pr}",
            "{Rel} – {name}, date of birth {dob}{pr}",
            "{Rel} is {name} (DOB {dob}){pr}",
        ],
    ),
    "a line per person, name first, details in brackets": probe_bank(
        "household.prose.brackets",
        [
            "{name} ({rel}, d.o.b. {dob}){pr}",
            "{name} ({Rel}; DOB {dob}){pr}",
            "{name} ({Rel} – born {dob}){pr}",
        ],
    ),
    "a line per person, parts between dashes": probe_bank(
        "household.prose.dashes",
        [
            "{name} – {Rel} – DOB {dob}{pr}",
            "{name} - {rel} - {dob}{pr}",
            "{name} — {Rel} — born {dob}{pr}",
        ],
    ),
    "numbered list, one person to a line": probe_bank(
        "household.prose.numbered",
        [
            "{name}, {rel}, {dob}{pr}",
            "{name} – {Rel}, born {dob}{pr}",
            "{name} ({Rel}) {dob}{pr}",
        ],
    ),
    "adults and children under two headings, a line per person": probe_bank(
        "household.prose.grouped",
        [
            "{name} ({Rel}), DOB {dob}{pr}",
            "{Rel}: {name} – {dob}{pr}",
            "{name}, {rel}, date of birth {dob}{pr}",
        ],
    ),
}

# How a line says whether the person holds parental responsibility: "yes | no" phrases.
HOUSEHOLD_PR_PHRASES = probe_bank(
    "household.pr_phrase",
    [
        "(has PR) | (no PR)",
        "has parental responsibility | does not have parental responsibility",
        "PR: yes | PR: no",
        "[PR] | [not PR]",
    ],
)

HOUSEHOLD_NUMBERING = probe_bank("household.numbering", ["1. | 2.", "1) | 2)", "(1) | (2)"])

# Labels of one person's block: name | relationship | date of birth | parental responsibility.
HOUSEHOLD_BLOCK_LABELS = probe_bank(
    "household.block_labels",
    [
        "Name | Relationship | Date of birth | Parental responsibility (Y/N)",
        "Full name | Relationship to the young person | DOB | Holds PR?",
        "Name of person | How related to child | Born | PR held",
    ],
)
HOUSEHOLD_BLOCK_TITLES = probe_bank(
    "household.block_title",
    [
        "Person no. {n}",
        "Household member {n}",
        "Member of household {n}",
        "Person {n} living in the home",
    ],
)

# Sideways tables: what heads each person's column.
HOUSEHOLD_SIDEWAYS_HEADS = probe_bank(
    "household.sideways_heads",
    ["Member {n}", "{n}", "Individual {n}", "Household person {n}"],
)

HOUSEHOLD_AGE = probe_bank("household.age_column", ["Age", "Age (yrs)", "Current age"])
HOUSEHOLD_SURNAME_FORENAME = probe_bank(
    "household.surname_forename",
    ["Surname | Forename(s) in full", "SURNAME | First name(s)", "Family name | Forenames"],
)
HOUSEHOLD_SAME_ADDRESS = probe_bank(
    "household.same_address",
    ["Lives at same address? Y/N", "Living with child?", "At this address (Y/N)"],
)
HOUSEHOLD_SAME_ADDRESS_YES = probe_bank(
    "household.same_address_yes", ["Y", "Yes", "Yes – full time"]
)
HOUSEHOLD_ETHNICITY = probe_bank(
    "household.ethnicity", ["Ethnicity", "Ethnic origin", "Ethnicity (as described by family)"]
)
HOUSEHOLD_CONTINUE = probe_bank(
    "household.continue",
    [
        "Continue on a separate sheet if needed",
        "If more than 8 people please continue on a separate sheet",
        "(Use an additional page if required)",
    ],
)
HOUSEHOLD_GROUPS = probe_bank(
    "household.groups",
    [
        "Significant adults | Children in the household",
        "Parents / carers in the home | Siblings (including half and step)",
        "Adults living at the address | Other children living at the address",
        "Other adults in the home (including parents) | Brothers and sisters of the child",
    ],
)
HOUSEHOLD_NONE = probe_bank("household.none", ["None", "N/A – no other children", "Nil"])

# Words for an "other" or screening document that match the file sent.
ATTACHMENT_WORDS_BY_FILE = {
    "Chronology": probe_bank(
        "attachment.other.chronology",
        ["Chronology of significant events", "Case chronology", "Timeline of events"],
    ),
    "Attendance": probe_bank(
        "attachment.other.attendance",
        [
            "Attendance print-out from SIMS",
            "School attendance summary",
            "Attendance record (this term)",
        ],
    ),
    "GP letter": probe_bank(
        "attachment.other.gp_letter",
        ["Letter from the GP practice", "GP's letter", "Letter from the surgery"],
    ),
    "Neglect": probe_bank(
        "attachment.screening.neglect",
        ["Neglect screening (completed)", "Neglect tool – completed", "Neglect checklist"],
    ),
    "GCP2": probe_bank(
        "attachment.screening.gcp2",
        ["Graded Care Profile 2 (GCP2) scores", "GCP2 (Graded Care Profile)", "GCP 2 scoring"],
    ),
    "CSE": probe_bank(
        "attachment.screening.cse",
        ["CSE/CCE screening tool", "Exploitation screening (CSE/CCE)", "CSE risk indicator tool"],
    ),
}

# Ticked and unticked marks written into the text of a list down the page: "on | off".
ATTACHMENT_TICK_MARKS = probe_bank(
    "attachment.tick_marks", ["☑ | ☐", "[x] | [ ]", "■ | □", "✔ | –"]
)
ATTACHMENT_TICK_MARKS_LATIN1 = probe_bank(
    "attachment.tick_marks_latin1", ["[x] | [ ]", "(X) | ( )", "YES | no"]
)
ATTACHMENT_TICK_LINES = probe_bank(
    "attachment.tick_line",
    ["{kind} — filename: {file}", "{kind} (attached as {file})", "{kind}. File: {file}"],
)
ATTACHMENT_TICK_LABEL = probe_bank(
    "attachment.tick_label",
    [
        "Documents included (tick all that apply)",
        "Please tick the documents you are sending",
        "Enclosed – tick as appropriate",
    ],
)
ATTACHMENT_ENCLOSURE_WORD = probe_bank(
    "attachment.enclosure_word", ["Enclosure(s):", "Enc.", "Encs:", "Encl:"]
)
ATTACHMENT_ENCLOSURE_LINE = probe_bank(
    "attachment.enclosure_line", ["{kind} ({file})", "{file} — {kind}", "{kind}, {file}"]
)
ATTACHMENT_SIGN_OFF = probe_bank(
    "attachment.sign_off",
    [
        "Thank you for considering this referral.",
        "Please contact me if you need anything further.",
        "I look forward to hearing from the MASH.",
    ],
)
ATTACHMENT_ENCLOSED_COLUMNS = probe_bank(
    "attachment.enclosed_columns",
    [
        "Document | Date | Attached? Y/N",
        "Document title | Dated | Enclosed (Y/N)",
        "Report / assessment | Date of report | Included Y/N",
    ],
)
ATTACHMENT_ENCLOSED_TITLE = probe_bank(
    "attachment.enclosed_title",
    [
        "Documents enclosed with this referral",
        "Reports and assessments enclosed",
        "Supporting paperwork sent",
    ],
)
ATTACHMENT_SENTENCE_OPENING = probe_bank(
    "attachment.sentence_opening",
    ["I have attached", "Please find attached", "Sent with this referral are", "Also attached:"],
)
ATTACHMENT_SENTENCE_LABEL = probe_bank(
    "attachment.sentence_label",
    [
        "Any other information you wish to share (including documents)",
        "Additional information and attachments",
        "Other information / documents sent",
    ],
)
ATTACHMENT_IF_YES = probe_bank(
    "attachment.if_yes",
    [
        "If yes, please list them",
        "If yes, which documents?",
        "If yes, list documents and file names",
    ],
)
ATTACHMENT_LIST_LABEL = probe_bank(
    "attachment.list_label",
    [
        "Please list any reports you are sending",
        "List any reports or assessments enclosed",
        "Reports sent with this referral (please list)",
    ],
)
