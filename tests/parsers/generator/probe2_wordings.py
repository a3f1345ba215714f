"""The ``probe2`` split's wordings: questions, headings, options and answer styles in none of the
tune, held-out, fresh or probe banks.

Written the way yet other councils word their forms: MASH contact forms that say "service user"
and "subject child", Early Help "request for support" forms that ask "what is life like for the
child?", Team Around the Child (TAC) and Child in Need (CIN) review forms, s.47 strategy
discussion records, CAMHS and community paediatric referrals from GPs, SEN / EHC needs
assessment requests from SENCos, youth offending and disabled children's team referrals. Never
written from what any parser understands. Each bank carries the name of the bank it stands in for
(``split.probe2_bank``), so a probe2 ``split.Chooser`` picks from it wherever a composer asks for
that bank.

Probe2 is the next split to tune on: its mistakes may be read.
"""

from __future__ import annotations

from tests.parsers.generator.split import probe2_bank as bank


def labels(entries: dict[str, list[str]]) -> dict:
    return {key: bank(key, words) for key, words in entries.items()}


LABELS = labels(
    {
        "child.first_name": [
            "Subject child – forename",
            "Christian / first name",
            "First name of the young person",
            "Child's forename(s) as registered",
        ],
        "child.last_name": [
            "Subject child – surname",
            "Surname of the young person",
            "Child's surname as registered",
            "Last / family name of child",
        ],
        "child.full_name": [
            "Subject child (full name)",
            "Name of the young person referred",
            "Child/young person's full name",
            "Who is this referral about? (full name)",
        ],
        "child.date_of_birth": [
            "Subject child – date of birth",
            "Young person's DoB",
            "When was the child born?",
            "Birth date of child",
        ],
        "child.gender": [
            "Gender identity of the young person",
            "Subject child – gender",
            "Child is (gender)",
            "Gender / sex of child",
        ],
        "child.address": [
            "Subject child – home address",
            "Address the young person lives at",
            "Residential address of child",
            "Child's current residence",
        ],
        "child.address_with_postcode": [
            "Home address of the young person (with postcode)",
            "Residential address and postcode",
            "Subject child – address incl. postcode",
        ],
        "child.postcode": [
            "Subject child – postcode",
            "Postcode of residence",
            "Young person's postcode",
            "PCode",
        ],
        "child.school_or_setting": [
            "Educational establishment attended (name)",
            "School / nursery / college attended",
            "Setting the young person attends",
            "Subject child – school",
        ],
        "child.first_language": [
            "Language used at home",
            "Young person's main language",
            "Language child speaks best",
            "Mother tongue",
        ],
        "child.disability": [
            "Diagnosed conditions or disabilities",
            "Does the young person have SEND?",
            "Disabilities / long-term conditions",
            "Any SEN or disability (details)",
        ],
        "referral.date": [
            "Date this request was made",
            "Date request made",
            "Date form completed by referrer",
            "Date contact made with Front Door",
        ],
        "referral.reason_summary": [
            "Summary of why you are requesting support",
            "What is the presenting issue?",
            "In brief, what is the worry?",
            "Primary reason for this request",
        ],
        "referral.request": [
            "What would you like to happen as a result of this request?",
            "Support requested from Children's Services",
            "What are you hoping we can offer?",
            "Request (what do you want us to do?)",
        ],
        "referral.intended_outcome": [
            "What would success look like for the child?",
            "Outcome the family want",
            "Desired change for the young person",
            "What should be different in three months?",
        ],
        "referral.facts": [
            "What is life like for the child at the moment?",
            "Background and presenting concerns (facts only)",
            "What happened? (dates, times, who was present)",
            "Facts known to you (no opinion)",
        ],
        "referral.opinions": [
            "Professional opinion (please say whose view)",
            "Analysis – what do you think this means for the child?",
            "Why are you worried? (your view)",
            "Referrer's assessment of need",
        ],
        "referral.child_views": [
            "What does the young person want to happen?",
            "Child's lived experience – in their words",
            "What has the subject child said?",
            "Child's own account",
        ],
        "referral.what_has_been_done": [
            "Support already in place (and how it has helped)",
            "What has your agency done so far?",
            "Previous interventions and outcome",
            "Actions already taken",
        ],
        "referral.conversations": [
            "Discussion held with parent/carer (what did they say?)",
            "Conversations with the family about this request",
            "Parent/carer's account",
            "Family's response when concerns were raised",
        ],
        "consent.family_agrees": [
            "Has the parent/carer signed to agree to this request?",
            "Family in agreement with the request",
            "Parent/carer agreement to referral",
            "Do parents agree to Early Help involvement?",
        ],
        "consent.information_sharing": [
            "Agreement to share information between agencies",
            "Parent/carer agrees to information being shared",
            "Permission to share data with partner agencies",
            "Consent for multi-agency information sharing",
        ],
        "consent.given_by": [
            "Name of person who agreed",
            "Agreement given by",
            "Signed by (parent/carer)",
            "Parent/carer name (consenting)",
        ],
        "consent.date": [
            "Date agreement given",
            "Date signed by parent/carer",
            "Agreement to referral obtained (date)",
            "Date consent recorded",
        ],
        "consent.family_informed": [
            "Do the family know about this contact form?",
            "Has the subject child's parent/carer been told?",
            "Parent/carer informed of this contact",
            "Have you told the family you are contacting us?",
        ],
        "consent.decision_reason": [
            "Explain the decision not to tell the family",
            "Family not told – reason for this decision",
            "What are the risks of telling the family?",
            "If the family are unaware, explain why",
        ],
        "assessment.development.health": [
            "Child's health (physical, emotional, sexual, dental)",
            "Health needs and appointments",
            "General health and development",
        ],
        "assessment.development.emotional_social": [
            "Emotional health and friendships",
            "Emotional wellbeing & peer friendships",
            "Feelings, confidence and social skills",
        ],
        "assessment.development.behaviour": [
            "Behaviour – what is it like day to day?",
            "Conduct at home and in class",
            "Behaviour – home / school / community",
        ],
        "assessment.development.identity": [
            "Sense of identity and belonging",
            "Identity (faith, culture, sexuality)",
            "Who the child is – identity",
        ],
        "assessment.development.family_social_relationships": [
            "Relationships – family and friends",
            "Bonds with family members and peers",
            "Attachments and relationships",
        ],
        "assessment.development.self_care": [
            "Self-presentation and self-care",
            "Social presentation & self-care skills",
            "Looking after themselves",
        ],
        "assessment.development.learning": [
            "Education, learning and attendance",
            "Learning, attainment & attendance",
            "School progress and attendance",
        ],
        "assessment.parenting.basic_care": [
            "Meeting day-to-day physical needs",
            "Everyday physical care",
            "Food, clothing, warmth and hygiene",
        ],
        "assessment.parenting.safety": [
            "Keeping the young person safe",
            "Protection from danger and harm",
            "Supervision and keeping safe",
        ],
        "assessment.parenting.emotional_warmth": [
            "Affection and emotional warmth",
            "Warmth shown to the child",
            "Love, praise and encouragement",
        ],
        "assessment.parenting.guidance_boundaries": [
            "Boundaries, guidance & consistency of rules",
            "Routines, rules and boundaries",
            "Behaviour management and guidance",
        ],
        "assessment.parenting.stimulation": [
            "Promoting learning and development",
            "Play, reading and stimulation at home",
            "Stimulation and encouragement to learn",
        ],
        "assessment.parenting.stability": [
            "Stability – same carers and routines",
            "Predictable daily care",
            "Stable home life",
        ],
        "assessment.family_environment.family_history": [
            "Family history and how the family functions",
            "Family functioning and history",
            "Significant family events",
        ],
        "assessment.family_environment.wider_family": [
            "Who else in the family helps out?",
            "Support from extended family",
            "Relatives and friends who help",
        ],
        "assessment.family_environment.housing": [
            "Housing – type, tenure, repair",
            "State of the home",
            "Where the family live (housing)",
        ],
        "assessment.family_environment.employment_income": [
            "Household income and work",
            "Money, work and benefits",
            "Financial situation",
        ],
        "assessment.family_environment.social_integration": [
            "Social integration of the family",
            "Community links and isolation",
            "Family's place in the community",
        ],
        "assessment.family_environment.community_resources": [
            "Services in the area the family use",
            "Local services the family use",
            "Community facilities available",
        ],
        "harm.nature": [
            "Type of harm (physical, sexual, emotional, neglect)",
            "What is the alleged harm?",
            "Nature of the harm alleged or suspected",
        ],
        "harm.severity": [
            "How serious is the harm or risk?",
            "Severity (low / moderate / serious)",
            "Gravity of harm",
        ],
        "harm.duration": [
            "Length of time harm has occurred",
            "Over what period has this happened?",
            "Since when have you been worried?",
        ],
        "harm.frequency": [
            "How frequently?",
            "Number and frequency of incidents",
            "How many times?",
        ],
        "harm.impact": [
            "Impact on the child's development",
            "Harm's impact on health and development",
            "How has this affected the child?",
        ],
        "harm.unusual_elements": [
            "Threats, coercion or sadism",
            "Planned, threatening or coercive features",
            "Unusual elements of the abuse",
        ],
        "harm.parental_capacity": [
            "Can parents protect from further harm?",
            "Are parents able to protect the child?",
            "Protective capacity of carers",
        ],
        "harm.family_environment_factors": [
            "Relevant family and environmental factors",
            "Environmental factors",
            "Family circumstances relevant to the harm",
        ],
        "harm.care_given": [
            "Care currently given to the child",
            "Current care of the child",
            "What care is provided?",
        ],
        "harm.comparison_similar_child": [
            "Comparison with a child of the same age",
            "Compared to a similar child",
            "How would a similar child be expected to do?",
        ],
        "harm.noteworthy": [
            "Anything further to note",
            "Any other significant information",
            "Other noteworthy information",
        ],
    }
)

PREFIXED = {
    "referrer": labels(
        {
            "referrer.name": [
                "Name of professional making the request",
                "Requester's name",
                "Referring professional – full name",
                "Your name (referrer)",
            ],
            "referrer.role": [
                "Requester's role",
                "Role of referring professional",
                "Referrer job role",
                "Your role (referrer)",
            ],
            "referrer.agency": [
                "Requester's agency",
                "Agency of referring professional",
                "Referrer's service / organisation",
                "Your agency (referrer)",
            ],
            "referrer.phone": [
                "Requester's telephone",
                "Referring professional – tel.",
                "Referrer direct line",
                "Your phone number (referrer)",
            ],
            "referrer.email": [
                "Requester's e-mail",
                "Referring professional – email",
                "Referrer secure email",
                "Your email (referrer)",
            ],
        }
    ),
    "lead_professional": labels(
        {
            "lead_professional.name": [
                "Key worker's name",
                "Named lead professional",
                "TAC lead – name",
            ],
            "lead_professional.role": [
                "Key worker's role",
                "Role of lead professional",
                "TAC lead – role",
            ],
            "lead_professional.agency": [
                "Key worker's agency",
                "Lead professional's service",
                "TAC lead – agency",
            ],
            "lead_professional.phone": [
                "Key worker's telephone",
                "Lead professional contact number",
                "TAC lead – phone",
            ],
            "lead_professional.email": [
                "Key worker's e-mail",
                "Key worker email (secure)",
                "TAC lead – email",
            ],
        }
    ),
}
PREFIXED["referrer"] = {k.split(".")[1]: v for k, v in PREFIXED["referrer"].items()}
PREFIXED["lead_professional"] = {
    k.split(".")[1]: v for k, v in PREFIXED["lead_professional"].items()
}

GENERIC = {
    "name": bank("person.name", ["Print name", "Name of worker completing", "Officer's name"]),
    "role": bank("person.role", ["Post / grade", "Role / job title", "Capacity"]),
    "agency": bank(
        "person.agency", ["Service / organisation", "Name of agency / service", "Team or agency"]
    ),
    "phone": bank(
        "person.phone", ["Direct dial no.", "Work mobile / landline", "Contact telephone no."]
    ),
    "email": bank(
        "person.email", ["Secure e-mail address", "GCSX / secure email", "E-mail (work)"]
    ),
}

HEADINGS = {
    key: bank(f"heading.{key}", words)
    for key, words in {
        "child": [
            "Part A – the subject child",
            "Information about the young person",
            "1. Child / young person details",
            "The child we are worried about",
        ],
        "household": [
            "Part B – household composition",
            "Who lives in the child's home?",
            "Members of the household",
            "Family and household details",
        ],
        "referrer": [
            "Part C – referrer information",
            "Professional making the request",
            "Who is asking for support?",
            "Requester details",
        ],
        "lead_professional": [
            "Key worker / lead professional",
            "Team Around the Child – lead",
            "Lead professional for the plan",
        ],
        "referral": [
            "Part D – the request",
            "Why are you asking for support?",
            "Nature of the concerns",
            "What we are worried about",
        ],
        "consent": [
            "Part E – agreement and consent",
            "Agreement of parents / carers to this request",
            "Consent (GDPR / data protection)",
            "Agreement to this request",
        ],
        "development": [
            "Child development – what's working well, what are we worried about",
            "Child's developmental needs – what is life like?",
            "Development of the young person",
        ],
        "parenting": [
            "Parenting – strengths and worries",
            "Capacity of the parents and carers",
            "Parents' ability to meet needs",
        ],
        "family_environment": [
            "Family & environment – what is working well?",
            "Environment and wider family",
            "Home, family and neighbourhood",
        ],
        "harm": [
            "Section 47 – risk of significant harm",
            "Significant harm – strategy discussion detail",
            "Child protection – the harm",
        ],
        "pathway": [
            "Request for service – please tick",
            "The service you need",
            "Which team should respond?",
        ],
        "attachments": [
            "Enclosed documents",
            "Reports and documents supplied",
            "Attachments to this request",
        ],
    }.items()
}

TITLES = bank(
    "title",
    [
        "Front Door Contact Form – Children's Social Care",
        "Request for Early Help Support (Team Around the Child)",
        "Child in Need – Request for Assessment",
        "Section 47 Strategy Discussion Referral Record",
        "Referral to Community Paediatrics",
        "SENCo Request for Statutory EHC Assessment",
        "Youth Offending Team – Prevention Referral",
        "Disabled Children's Team – Referral for Assessment",
        "CAMHS Referral from Primary Care",
        "Multi-Agency Contact Form (MACF)",
    ],
)

INTROS = bank(
    "intro",
    [
        "Use this form to request support from Children's Services. Please type, do not "
        "handwrite. Where a child is in danger now, phone 999.",
        "Professionals: please discuss with the family first. Requests without parental "
        "agreement will only be accepted where there are safeguarding concerns.",
        "This form replaces the previous MARF (version 5). Please make sure you use the current "
        "version downloaded from the partnership website.",
        "Send the completed form to the Front Door via the secure portal. You will receive an "
        "acknowledgement within one working day.",
        "OFFICIAL SENSITIVE – contains personal data. Handle in line with GDPR and the Data "
        "Protection Act 2018.",
    ],
)

PATHWAY_QUESTION = bank(
    "pathway.question",
    [
        "Team you are requesting (tick one)",
        "Which service is this request for?",
        "Route for this request",
        "Requested response",
    ],
)

PATHWAY_OPTIONS = {
    code: bank(f"pathway.{code}", words)
    for code, words in {
        "early_help": [
            "Early Help / TAC support",
            "Family Help (early help)",
            "Early Help Family Support Team",
        ],
        "section_17": [
            "Assessment – child in need (Section 17)",
            "CIN assessment by social worker",
            "Section 17 – Children in Need",
        ],
        "section_47": [
            "Section 47 enquiry – child protection",
            "Strategy discussion / s47",
            "Child Protection – s47 enquiry",
        ],
        "camhs": [
            "Children & Young People's Mental Health Service",
            "CAMHS specialist assessment",
            "CAMHS – emotional health",
        ],
        "sen_assessment": [
            "Statutory assessment for an EHCP",
            "Special Educational Needs – EHC assessment",
            "SEN statutory assessment",
        ],
        "youth_offending": [
            "Youth Justice Service (prevention)",
            "YOT – prevention and diversion",
            "Youth Offending Team",
        ],
        "disabled_children": [
            "Children with Disabilities Team (CWD)",
            "Disabled children's social work team",
            "Short breaks / disabled children's service",
        ],
        "drug_alcohol": [
            "Young people's drug & alcohol team",
            "Substance misuse (under 18s)",
            "Drug/alcohol support – young people",
        ],
        "paediatric_health": [
            "Paediatrician – community child health",
            "Community paediatrics (developmental)",
            "Child development centre / paediatrician",
        ],
    }.items()
}

THRESHOLD_QUESTION = bank(
    "threshold.question",
    [
        "Level on the Windscreen of Need",
        "Which band of need applies?",
        "Level of need (Thresholds document)",
        "Level of need as assessed by referrer",
    ],
)

THRESHOLD_SCHEMES = bank(
    "threshold.scheme",
    [
        "Level 1 – Universal | Level 2 – Early Help | Level 3 – Targeted | Level 4 – Statutory",
        "Green – universal | Yellow – emerging | Amber – complex | Red – acute",
        "Band A (universal) | Band B (additional) | Band C (complex) | Band D (specialist)",
        "Universal services | Universal plus | Partnership plus | Specialist / statutory",
    ],
)

GENDER_OPTIONS = bank(
    "gender.options",
    [
        "Female | Male | Non-binary | Not stated",
        "Male | Female | Trans | Other / not known",
        "F | M | X",
    ],
)

HOUSEHOLD_COLUMNS = {
    "name": bank("household.name", ["Name of each occupant", "Name (in full)", "Occupant"]),
    "relationship": bank(
        "household.relationship",
        ["Relation to subject child", "How related to the child", "Relationship to the YP"],
    ),
    "date_of_birth": bank(
        "household.date_of_birth",
        ["DoB (day/month/year)", "Born (date)", "Date of birth (dd.mm.yyyy)"],
    ),
    "parental_responsibility": bank(
        "household.parental_responsibility",
        ["Holds parental resp.?", "PR held (Y/N)", "PR – yes or no"],
    ),
}
HOUSEHOLD_SPLIT_NAMES = bank(
    "household.split_names", ["Forename(s) | Surname", "Christian name | Surname"]
)
HOUSEHOLD_LINES = bank(
    "household.line",
    ["{name} / {Rel} / DOB: {dob}", "Name: {name}; relationship: {rel}; born {dob}"],
)

# --- how answers are written ----------------------------------------------------------------------

DATE_STYLES = bank(
    "date.style",
    [
        "dd-Mon-yy",
        "d.m.yyyy, no leading zeros",
        "ordinal of Month yyyy",
        "dd-MON-yyyy in capitals",
        "d Mon 'yy",
        "abbreviated weekday, dd/mm/yyyy",
    ],
)

YES_NO_STYLES = bank(
    "yesno.style",
    [
        "a status word for each question",
        "tick boxes with whole-sentence captions",
        "Yes or No followed by the date it was asked",
        "TRUE / FALSE as exported from the case system",
    ],
)

YES_NO_STATUS = {
    key: bank(f"yesno.status.{key.split('.')[1]}", words)
    for key, words in {
        "consent.family_agrees": ["Agreed | Not agreed", "Consented | Declined"],
        "consent.information_sharing": ["Given | Withheld", "Granted | Refused"],
        "consent.family_informed": ["Informed | Not informed", "Aware | Unaware"],
    }.items()
}
YES_NO_CAPTIONS = {
    key: bank(f"yesno.captions.{key.split('.')[1]}", words)
    for key, words in {
        "consent.family_agrees": [
            "Yes – parent/carer agrees | No – parent/carer does not agree",
            "Agreement obtained | Agreement not obtained",
        ],
        "consent.information_sharing": [
            "Yes, consent to share given | No, consent to share refused",
            "Sharing agreed | Sharing not agreed",
        ],
        "consent.family_informed": [
            "Yes, the family know | No, the family do not know",
            "Family told | Family not told",
        ],
    }.items()
}
YES_NO_ASKED = bank(
    "yesno.asked", ["Yes – {date} | No – {date}", "Yes (asked {date}) | No (asked {date})"]
)

TICK_GLYPHS = bank("tick.glyphs", ["◉ | ◯", "▪ | ▫", "⊠ | □", "X | _"])
TICK_PLACES = bank(
    "tick.place",
    [
        "options down the page, mark at the left of each",
        "mark then option, options between slashes",
        "option, colon, mark",
    ],
)

# --- households ---------------------------------------------------------------------------------

HOUSEHOLD_SHAPES = bank(
    "household.shape",
    [
        "a sentence: 'Lives with …', everyone after it",
        "a box for each person, labelled answers inside",
        "a labelled answer per detail, the person's number in every label",
        "a line per person, each line its own answer (repeating section in Word)",
        "table with a two-row header, group headings over the columns",
        "table with a notes column",
        "table with the name and date of birth on two lines of one cell",
    ],
)

# Words for each relationship as written in a sentence about the child.
HOUSEHOLD_SAID = {
    rel: bank(f"household.said.{rel.replace(chr(39), '').replace(' ', '_')}", words)
    for rel, words in {
        "mother": ["birth mum", "natural mother", "mum (birth parent)"],
        "father": ["birth dad", "natural father", "dad (birth parent)"],
        "stepfather": ["mum's husband", "step-parent (male)", "stepfather (mum's husband)"],
        "mother's partner": ["mum's new partner", "mother's live-in partner", "mum's boyfriend"],
        "maternal grandmother": ["maternal nan", "grandma (maternal)", "mum's mother"],
        "sister": ["sister (full sibling)", "full-sibling sister", "sister – same mum and dad"],
        "brother": ["brother (full sibling)", "full-sibling brother", "brother – same parents"],
        "half-sister": ["half-sibling (sister)", "maternal half-sister", "half sis"],
        "half-brother": ["half-sibling (brother)", "maternal half-brother", "half bro"],
        "stepsister": ["step-sibling (sister)", "stepsister (via mum's partner)", "step-sis"],
        "sibling": ["sibling (full)", "full sibling", "brother or sister (sibling)"],
    }.items()
}
HOUSEHOLD_SENTENCE_OPENING = bank(
    "household.sentence_opening",
    ["{child} lives with", "At home {child} lives with", "{child} currently lives with"],
)
HOUSEHOLD_SENTENCE_LABEL = bank(
    "household.sentence_label",
    ["Household (please describe)", "Who is in the household?", "Describe the household"],
)
# How a person's birth is given in a sentence: an age, or the date.
HOUSEHOLD_AGE_WORDS = bank("household.age_words", ["({age})", "aged {age}", "age {age}"])
HOUSEHOLD_BORN_WORDS = bank("household.born_words", ["(DoB {dob})", "born on {dob}", "d.o.b {dob}"])
HOUSEHOLD_CARD_TITLES = bank(
    "household.card_title", ["Household member no. {n}", "Individual {n} at the address", "({n})"]
)
HOUSEHOLD_CARD_LABELS = bank(
    "household.card_labels",
    [
        "Name | Relation | D.o.B. | PR",
        "Full name | Relationship to child | Birth date | Parental responsibility?",
        "Person | Relation to YP | Born | Has PR",
    ],
)
# "Person {n} name" etc.: the number in every label, {n} the number and {part} the detail.
HOUSEHOLD_NUMBERED_LABELS = bank(
    "household.numbered_labels",
    [
        "Person {n} {part}",
        "{group} {n} – {part}",
        "Household member {n}: {part}",
    ],
)
HOUSEHOLD_NUMBERED_PARTS = bank(
    "household.numbered_parts",
    [
        "name | relationship | DOB | PR",
        "full name | relationship to child | date of birth | parental responsibility",
    ],
)
HOUSEHOLD_GROUP_WORDS = bank("household.group_words", ["Adult | Child", "Parent/carer | Sibling"])
HOUSEHOLD_LINE_TEMPLATES = bank(
    "household.line_templates",
    [
        "{name} / {Rel} / DOB: {dob}{pr}",
        "Name: {name}; relationship: {rel}; born {dob}{pr}",
        "{Rel} = {name}, {dob}{pr}",
    ],
)
HOUSEHOLD_PR_WORDS = bank(
    "household.pr_words", ["; PR yes | ; PR no", " (with PR) | (without PR)", ", PR ✓ | , no PR"]
)
HOUSEHOLD_GROUP_HEADS = bank(
    "household.group_heads",
    [
        "Name | About the person | Parental responsibility",
        "Person | Details | Legal",
        "Who | Relationship and age | PR",
    ],
)
HOUSEHOLD_NOTES_HEAD = bank(
    "household.notes_head",
    ["Notes (e.g. work, school, health)", "Comments", "Any other information"],
)
HOUSEHOLD_NAME_DOB_HEAD = bank(
    "household.name_dob_head", ["Name and date of birth", "Name / DoB", "Name (DoB underneath)"]
)
HOUSEHOLD_PR_YESNO = bank("household.pr_yesno", ["Yes ✓ | No", "Y (PR) | N", "PR | –"])
HOUSEHOLD_UNKNOWN = bank("household.unknown", ["unknown to referrer", "d.o.b. not given", "?"])

# --- enclosures ---------------------------------------------------------------------------------

ATTACHMENT_SHAPES = bank(
    "attachment.shape",
    [
        "an 'Enclosures' line closing the form",
        "an 'I have attached …' sentence for each document",
        "a yes/no question with the documents lettered (a), (b) beneath",
        "documents named by kind only, no file names",
        "a table: title, written by, date, saved as",
    ],
)

# "description | file name" for each kind of document: {sur}, {first}, {year}, {dmy}.
ATTACHMENT_DOCUMENTS = {
    kind: bank(f"attachment.{kind}", words)
    for kind, words in {
        "early_help_assessment": [
            "Copy of the family's EHA | EHA {sur} (signed).pdf",
            "Early Help Assessment – signed copy | {sur} family EHA {dmy}.docx",
            "Early Help assessment (draft) | Draft EHA - {first} {sur}.docx",
        ],
        "early_help_plan": [
            "TAF action plan and review minutes | TAF minutes {dmy}.docx",
            "Family plan from the last TAC meeting | TAC plan [{sur}] v3.docx",
            "Team Around the Child plan | {first} {sur} - TAC plan.pdf",
        ],
        "ehcp": [
            "Copy of EHCP | Copy of EHCP ({first} {sur}).pdf",
            "Statement of special educational needs | Statement of SEN - {sur}.pdf",
            "EHC plan (amended following annual review) | {sur} EHCP amended {year}.pdf",
        ],
        "risk_assessment": [
            "SafeLives DASH (scored) | DASH {sur} (high risk).pdf",
            "MARAC risk assessment | MARAC RIC {dmy}.docx",
            "Risk management plan | Risk plan - {first} {sur}.docx",
        ],
        "screening_tool": [
            "Child exploitation risk matrix | Exploitation matrix {sur} [{year}].xlsx",
            "Brook traffic light tool (sexual behaviours) | Brook tool - {sur}.pdf",
            "Neglect screening tool (GCP2 summary) | GCP2 summary {sur}.pdf",
        ],
        "other": [
            "Health visitor report | HV report {sur} {dmy}.pdf",
            "Police CAD log | CAD log ({sur}).pdf",
            "Letter from the housing officer | Housing letter - {sur}.pdf",
            "School attendance report | Attendance {sur} {year}.pdf",
        ],
    }.items()
}

ATTACHMENT_KINDS = {kind: ATTACHMENT_DOCUMENTS[kind] for kind in ATTACHMENT_DOCUMENTS}

ATTACHMENT_ENCLOSURES_LABEL = bank(
    "attachment.enclosures_label",
    [
        "Enclosures with this form",
        "Documents enclosed herewith",
        "Attachments sent (see covering e-mail)",
    ],
)
ATTACHMENT_ENCLOSURE_ITEM = bank(
    "attachment.enclosure_item",
    ["{kind} <{file}>", "{kind} – file '{file}'", "{kind} – see file {file}"],
)
ATTACHMENT_ATTACHED_SENTENCE = bank(
    "attachment.attached_sentence",
    [
        "I have attached {the}{kind}, saved as {file}.",
        "I am also sending {the}{kind} ({file}).",
        "Attached is {the}{kind}: {file}.",
    ],
)
ATTACHMENT_ATTACHED_BARE = bank(
    "attachment.attached_bare",
    ["I have attached {the}{kind}.", "I am also sending {the}{kind}.", "Attached is {the}{kind}."],
)
ATTACHMENT_YES_NO_QUESTION = bank(
    "attachment.yes_no_question",
    [
        "Are you sending any documents with this request?",
        "Documents attached to this contact?",
        "Is any supporting information attached?",
    ],
)
ATTACHMENT_LINES = bank(
    "attachment.line", ["{kind} – filename {file}", "{kind} … {file}", "{kind} (file {file})"]
)
ATTACHMENT_KIND_ONLY_LABEL = bank(
    "attachment.kind_only_label",
    [
        "Documents you are enclosing",
        "What documents have you included?",
        "Supporting documents (list)",
    ],
)
ATTACHMENT_COLUMNS = bank(
    "attachment.columns",
    [
        "Title of document | Written by | Date | Saved as",
        "Document | Author / agency | Dated | File name",
        "Report | Completed by | Date completed | Electronic file",
    ],
)
ATTACHMENT_AUTHORS = bank(
    "attachment.authors",
    ["School (DSL)", "Health visiting team", "Police", "Family Hub worker", "SENCo", "GP practice"],
)
