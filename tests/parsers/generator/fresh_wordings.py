"""The ``fresh`` split's wordings: questions, headings, options and answer styles that appear in
neither the tune nor the held-out banks of ``wordings`` / ``styles``.

Written the way other councils word their CAF, Early Help Assessment, multi-agency / inter-agency
referral, MASH contact and s.17 / s.47 forms (older "RF1"-style referral forms, Signs of Safety
style questions, LiveCycle PDFs, forms that say "YP", "CYP", "EDD", "NFA", "PR"), never from what
any parser understands. Each bank carries the same name as its tune / held-out counterpart, so a
``split.Chooser`` for the fresh split picks from it wherever the composer asks for that bank.

Keep the fresh split fresh: do not tune parsers on these forms or read their mistakes; report only
the overall and per-family figures (tests/parsers/unseen.py ``--split fresh``).
"""

from __future__ import annotations

from tests.parsers.generator.split import fresh_bank

LABELS = {
    "child.first_name": fresh_bank(
        "child.first_name",
        ["Given names", "First names (in full)", "YP's forename(s)", "Child forename"],
    ),
    "child.last_name": fresh_bank(
        "child.last_name",
        [
            "Family name (and any former surnames)",
            "Surname (as registered)",
            "Child surname",
            "YP's surname",
        ],
    ),
    "child.full_name": fresh_bank(
        "child.full_name",
        [
            "Name of child (forename and surname)",
            "Subject child",
            "Full name of the YP",
            "Child / young person's full name",
            "Name of child being referred",
        ],
    ),
    "child.date_of_birth": fresh_bank(
        "child.date_of_birth",
        ["DoB or EDD", "Date of birth (or expected date of delivery)", "Child DOB", "DOB/EDD"],
    ),
    "child.gender": fresh_bank(
        "child.gender",
        ["Gender (M/F/other)", "Child's sex", "Sex / gender identity", "Sex of child"],
    ),
    "child.address": fresh_bank(
        "child.address",
        [
            "Home address (where the child usually lives)",
            "Address where the YP is staying",
            "Child's current address",
            "Main residence",
        ],
    ),
    "child.address_with_postcode": fresh_bank(
        "child.address_with_postcode",
        [
            "Home address incl. postcode",
            "Address (with postcode) where the child lives",
            "Current address and post code",
            "Family address / postcode",
        ],
    ),
    "child.postcode": fresh_bank(
        "child.postcode", ["Post code (home)", "Postal code", "Postcode of address", "P/C"]
    ),
    "child.school_or_setting": fresh_bank(
        "child.school_or_setting",
        [
            "School / nursery attended",
            "Name of education provider",
            "Early years / school setting",
            "Educational setting (name)",
            "School, college or nursery",
        ],
    ),
    "child.first_language": fresh_bank(
        "child.first_language",
        [
            "Child's main language",
            "Language(s) used at home",
            "What language does the child speak?",
            "Language / communication",
        ],
    ),
    "child.disability": fresh_bank(
        "child.disability",
        [
            "Does the child have any disability or SEN? (give details)",
            "SEN/D or health needs",
            "Disability or additional needs (please specify)",
            "Is the child disabled or have special needs?",
        ],
    ),
    "referral.date": fresh_bank(
        "referral.date",
        [
            "Date of contact",
            "Date referral made",
            "Date of this request",
            "Date assessment started",
        ],
    ),
    "referral.reason_summary": fresh_bank(
        "referral.reason_summary",
        [
            "Why are you referring the child to children's social care?",
            "What are you worried about? (summary)",
            "Reason for contact",
            "Summary of the current concerns",
            "Brief outline of concerns",
        ],
    ),
    "referral.request": fresh_bank(
        "referral.request",
        [
            "What are you hoping will happen as a result of this referral?",
            "Support / service needed",
            "What help do you think the family need?",
            "Request (what is needed)",
        ],
    ),
    "referral.intended_outcome": fresh_bank(
        "referral.intended_outcome",
        [
            "What needs to happen for the child?",
            "Outcome wanted for the YP",
            "What would make things better for the child?",
            "Desired outcomes for the child",
        ],
    ),
    "referral.facts": fresh_bank(
        "referral.facts",
        [
            "What has happened? (facts and dates)",
            "Details of the incident(s)",
            "Observed facts",
            "Information known (facts)",
        ],
    ),
    "referral.opinions": fresh_bank(
        "referral.opinions",
        [
            "Your professional view (and whose view it is)",
            "Analysis / professional opinion",
            "Opinions held and by whom",
            "What do professionals think?",
        ],
    ),
    "referral.child_views": fresh_bank(
        "referral.child_views",
        [
            "What does the YP want to happen?",
            "Views and wishes of the child",
            "Child's own words",
            "What has the child said?",
        ],
    ),
    "referral.what_has_been_done": fresh_bank(
        "referral.what_has_been_done",
        [
            "What has your agency done? What actions have you taken?",
            "Support provided to date",
            "Previous support and outcome",
            "Action already taken by you or your agency",
        ],
    ),
    "referral.conversations": fresh_bank(
        "referral.conversations",
        [
            "Discussions with the family and what was agreed",
            "Who have you discussed this with?",
            "Conversations had with parents/carers",
            "Contact with family and expectations",
        ],
    ),
    "consent.family_agrees": fresh_bank(
        "consent.family_agrees",
        [
            "Parent/carer agrees to the referral",
            "Have those with PR agreed to this referral?",
            "Family agreement obtained",
            "Is the parent/carer in agreement?",
        ],
    ),
    "consent.information_sharing": fresh_bank(
        "consent.information_sharing",
        [
            "Has the Consent to Share Information form been signed?",
            "Agreement to share information",
            "Consent for agencies to share information",
            "Info sharing consent given",
        ],
    ),
    "consent.given_by": fresh_bank(
        "consent.given_by",
        [
            "Name of person who gave consent",
            "Consent provided by",
            "Who consented (name / relationship)",
            "Parent/carer who consented",
        ],
    ),
    "consent.date": fresh_bank(
        "consent.date",
        [
            "Date consent was given",
            "Consent obtained on",
            "Date of agreement",
            "Date verbal consent",
        ],
    ),
    "consent.family_informed": fresh_bank(
        "consent.family_informed",
        [
            "Have you discussed this referral with those who hold PR?",
            "Are the family aware of this contact?",
            "Parents/carers told of referral",
            "Is the family aware you are contacting us?",
        ],
    ),
    "consent.decision_reason": fresh_bank(
        "consent.decision_reason",
        [
            "If you answered No, please say why",
            "Why have the family not been told?",
            "Reason family not informed",
            "Explain why consent was not sought",
        ],
    ),
    "assessment.development.health": fresh_bank(
        "assessment.development.health",
        ["Health (physical and mental)", "Child's health", "Health and wellbeing"],
    ),
    "assessment.development.emotional_social": fresh_bank(
        "assessment.development.emotional_social",
        [
            "Emotional & behavioural development",
            "Emotional development",
            "Feelings and emotional wellbeing",
        ],
    ),
    "assessment.development.behaviour": fresh_bank(
        "assessment.development.behaviour",
        ["Behaviour at home and school", "Child's behaviour", "Behaviour (home / school)"],
    ),
    "assessment.development.identity": fresh_bank(
        "assessment.development.identity",
        ["Identity & self-esteem", "Sense of identity", "Identity and self-image"],
    ),
    "assessment.development.family_social_relationships": fresh_bank(
        "assessment.development.family_social_relationships",
        [
            "Family & friendships",
            "Relationships (family and peers)",
            "Family and peer relationships",
        ],
    ),
    "assessment.development.self_care": fresh_bank(
        "assessment.development.self_care",
        ["Self care and independence skills", "Independence", "Self-care & independence"],
    ),
    "assessment.development.learning": fresh_bank(
        "assessment.development.learning",
        ["Education / learning", "Learning & education", "School attendance and learning"],
    ),
    "assessment.parenting.basic_care": fresh_bank(
        "assessment.parenting.basic_care",
        ["Basic care & physical needs", "Meeting the child's basic needs", "Physical care needs"],
    ),
    "assessment.parenting.safety": fresh_bank(
        "assessment.parenting.safety",
        ["Ensuring the child is safe", "Keeping safe", "Safety & protection"],
    ),
    "assessment.parenting.emotional_warmth": fresh_bank(
        "assessment.parenting.emotional_warmth",
        ["Emotional warmth & stability", "Warmth and emotional support", "Affection and warmth"],
    ),
    "assessment.parenting.guidance_boundaries": fresh_bank(
        "assessment.parenting.guidance_boundaries",
        ["Boundaries and guidance", "Guidance, routines & boundaries", "Routines and boundaries"],
    ),
    "assessment.parenting.stimulation": fresh_bank(
        "assessment.parenting.stimulation",
        ["Play, learning and stimulation", "Encouragement and stimulation", "Stimulation & play"],
    ),
    "assessment.parenting.stability": fresh_bank(
        "assessment.parenting.stability",
        ["Stable care", "Stability in the home", "Consistency of care"],
    ),
    "assessment.family_environment.family_history": fresh_bank(
        "assessment.family_environment.family_history",
        ["History and functioning of the family", "Family history/functioning", "Family story"],
    ),
    "assessment.family_environment.wider_family": fresh_bank(
        "assessment.family_environment.wider_family",
        ["Extended family support", "Wider family & friends", "Family network"],
    ),
    "assessment.family_environment.housing": fresh_bank(
        "assessment.family_environment.housing",
        ["Accommodation / housing", "Housing & home environment", "Home environment"],
    ),
    "assessment.family_environment.employment_income": fresh_bank(
        "assessment.family_environment.employment_income",
        ["Work and money", "Employment & income", "Income / benefits / employment"],
    ),
    "assessment.family_environment.social_integration": fresh_bank(
        "assessment.family_environment.social_integration",
        ["Integration in the community", "Community links", "Social & community integration"],
    ),
    "assessment.family_environment.community_resources": fresh_bank(
        "assessment.family_environment.community_resources",
        ["Community services used", "Local resources and services", "Community facilities"],
    ),
    "harm.nature": fresh_bank(
        "harm.nature",
        ["Type of harm", "What harm has the child suffered or is likely to suffer?", "Harm type"],
    ),
    "harm.severity": fresh_bank(
        "harm.severity",
        ["Seriousness of the harm", "How severe is the harm?", "Level of severity"],
    ),
    "harm.duration": fresh_bank(
        "harm.duration",
        ["How long has the harm been going on?", "Length of time", "Duration of concerns"],
    ),
    "harm.frequency": fresh_bank(
        "harm.frequency",
        ["How often?", "Frequency of concerns", "Number of incidents / how often"],
    ),
    "harm.impact": fresh_bank(
        "harm.impact",
        ["Effect of the harm on the child", "Impact on the YP", "What impact has this had?"],
    ),
    "harm.unusual_elements": fresh_bank(
        "harm.unusual_elements",
        [
            "Threats, coercion or sadistic elements",
            "Any premeditation or unusual features",
            "Coercion / threats / sadism",
        ],
    ),
    "harm.parental_capacity": fresh_bank(
        "harm.parental_capacity",
        [
            "Can the parents protect the child?",
            "Protective capacity of parents",
            "Parents' ability to protect",
        ],
    ),
    "harm.family_environment_factors": fresh_bank(
        "harm.family_environment_factors",
        [
            "Environmental factors and family context",
            "Environmental and family factors",
            "Family circumstances",
        ],
    ),
    "harm.care_given": fresh_bank(
        "harm.care_given",
        ["Care being given", "Level of care the child receives", "Care provided to the child"],
    ),
    "harm.comparison_similar_child": fresh_bank(
        "harm.comparison_similar_child",
        [
            "Compared to a child of the same age",
            "How does this compare with a similar child?",
            "Comparison with similar children",
        ],
    ),
    "harm.noteworthy": fresh_bank(
        "harm.noteworthy",
        ["Any other relevant information", "Other information of note", "Anything else to add"],
    ),
}

PREFIXED = {
    "referrer": {
        "name": fresh_bank(
            "referrer.name",
            [
                "This form completed by",
                "Name of referring professional",
                "Referrer name",
                "Referring practitioner",
            ],
        ),
        "role": fresh_bank(
            "referrer.role",
            ["Referrer job title", "Job title of referrer", "Referrer's role/post", "Your post"],
        ),
        "agency": fresh_bank(
            "referrer.agency",
            [
                "Referrer's agency / organisation",
                "Organisation name (referrer)",
                "Your agency",
                "Referring service",
            ],
        ),
        "phone": fresh_bank(
            "referrer.phone",
            [
                "Tel contact number (inc STD)",
                "Referrer telephone number",
                "Best number to contact you on",
                "Referrer's direct line",
            ],
        ),
        "email": fresh_bank(
            "referrer.email",
            [
                "Referrer email address",
                "Your secure email",
                "Referrer's e-mail address",
                "Email (referrer)",
            ],
        ),
    },
    "lead_professional": {
        "name": fresh_bank(
            "lead_professional.name",
            [
                "Lead professional name",
                "Name of agreed LP",
                "Lead worker",
                "Name of lead professional (if different)",
            ],
        ),
        "role": fresh_bank(
            "lead_professional.role",
            ["LP job title", "Lead professional role", "Role (LP)", "Lead worker's role"],
        ),
        "agency": fresh_bank(
            "lead_professional.agency",
            ["LP agency/organisation", "Lead professional agency", "Lead worker's service"],
        ),
        "phone": fresh_bank(
            "lead_professional.phone",
            ["LP telephone", "Lead professional phone number", "Lead worker tel"],
        ),
        "email": fresh_bank(
            "lead_professional.email",
            ["LP e-mail address", "Lead professional e-mail", "Lead worker email"],
        ),
    },
}

GENERIC = {
    "name": fresh_bank("person.name", ["Worker's name", "Name (print)", "Professional's name"]),
    "role": fresh_bank("person.role", ["Job role", "Title / role", "Post"]),
    "agency": fresh_bank(
        "person.agency", ["Organisation name", "Service", "Team / agency", "Agency name"]
    ),
    "phone": fresh_bank(
        "person.phone", ["Phone no.", "Tel no", "Telephone / mobile", "Direct dial"]
    ),
    "email": fresh_bank("person.email", ["Email (secure)", "E-mail addr.", "Work e-mail"]),
}

HEADINGS = {
    "child": fresh_bank(
        "heading.child",
        [
            "Details of child/young person being referred",
            "Details of key person of concern",
            "Part A – the child",
            "Child or young person information",
        ],
    ),
    "household": fresh_bank(
        "heading.household",
        [
            "Other people within the household",
            "Family members and significant others",
            "Who is in the family?",
            "Household details",
        ],
    ),
    "referrer": fresh_bank(
        "heading.referrer",
        [
            "Person completing this referral",
            "Referring agency details",
            "Referrer information",
            "Your contact details",
        ],
    ),
    "lead_professional": fresh_bank(
        "heading.lead_professional",
        ["Lead professional contact", "Lead worker", "Details of the lead professional"],
    ),
    "referral": fresh_bank(
        "heading.referral",
        [
            "Reason for contact",
            "What are we worried about?",
            "Information about the concerns",
            "The referral",
        ],
    ),
    "consent": fresh_bank(
        "heading.consent",
        [
            "Consent and family awareness",
            "Parent/carer agreement",
            "Consent to refer and share information",
            "Agreement and consent",
        ],
    ),
    "development": fresh_bank(
        "heading.development",
        [
            "Child's development",
            "The child's developmental needs",
            "Section A: child development",
        ],
    ),
    "parenting": fresh_bank(
        "heading.parenting",
        ["Parenting capacity (parents and carers)", "Parents/carers", "Section B: parenting"],
    ),
    "family_environment": fresh_bank(
        "heading.family_environment",
        [
            "Family & environment",
            "Family, home and community",
            "Section C: family and environment",
        ],
    ),
    "harm": fresh_bank(
        "heading.harm",
        [
            "Child protection (s47) information",
            "Significant harm",
            "Harm – section 47 referrals only",
        ],
    ),
    "pathway": fresh_bank(
        "heading.pathway",
        ["Request for service", "Service requested and level of need", "Which service?"],
    ),
    "attachments": fresh_bank(
        "heading.attachments",
        ["Documents included", "Supporting paperwork", "Attached documents", "Enclosed"],
    ),
}

TITLES = fresh_bank(
    "title",
    [
        "Inter-Agency Referral Form",
        "Children's Services Referral Form for Other Agencies",
        "Early Help Family Assessment",
        "MASH Contact Form",
        "Request for Early Help or Social Care Support",
        "Single Agency Referral – Children and Families",
    ],
)

INTROS = fresh_bank(
    "intro",
    [
        "Urgent referrals should always be made by telephone; use this form to confirm the "
        "referral within 48 hours.",
        "Please complete as fully as possible. Incomplete forms may be returned.",
        "This form is to be used to refer to one service only. Attach an EHA if one exists.",
        "Restricted once completed. Do not send by unsecured e-mail.",
    ],
)

PATHWAY_QUESTION = fresh_bank(
    "pathway.question",
    [
        "Service you are referring to (tick one)",
        "Referral type",
        "Is this a child protection referral or a request for support?",
        "Service required",
    ],
)

PATHWAY_OPTIONS = {
    "early_help": fresh_bank(
        "pathway.early_help",
        ["Early Help / TAF", "Early Help support", "Early Help (Level 3)", "Family support"],
    ),
    "section_17": fresh_bank(
        "pathway.section_17",
        ["Child in Need (Section 17)", "CIN – s17", "Social care assessment (CIN)"],
    ),
    "section_47": fresh_bank(
        "pathway.section_47",
        ["Child protection (Section 47)", "CP – s47 enquiry", "Child protection referral"],
    ),
    "camhs": fresh_bank(
        "pathway.camhs", ["CAMHS referral", "Mental health (CAMHS)", "Specialist CAMHS"]
    ),
    "sen_assessment": fresh_bank(
        "pathway.sen_assessment", ["EHC assessment", "SEN/D assessment", "EHCNA request"]
    ),
    "youth_offending": fresh_bank(
        "pathway.youth_offending", ["YOT", "Youth Justice Team", "Youth Offending"]
    ),
    "disabled_children": fresh_bank(
        "pathway.disabled_children",
        ["Children with Disabilities Team", "CWD team", "Short breaks / disabled children"],
    ),
    "drug_alcohol": fresh_bank(
        "pathway.drug_alcohol",
        ["Substance misuse service (young people)", "Drugs/alcohol", "Drug & alcohol team"],
    ),
    "paediatric_health": fresh_bank(
        "pathway.paediatric_health",
        ["Paediatrics", "Community paediatrician", "Paediatric services"],
    ),
}

THRESHOLD_QUESTION = fresh_bank(
    "threshold.question",
    ["Level of need (tick)", "Current level of need", "Need level", "Threshold of need"],
)

THRESHOLD_SCHEMES = fresh_bank(
    "threshold.scheme",
    [
        "Green – universal | Yellow – early help | Amber – targeted | Red – specialist",
        "Level 1: Universal | Level 2: Early Help | Level 3: Targeted | Level 4: Statutory",
        "L1 | L2 | L3 | L4",
        "Universal need | Emerging need | Complex need | Acute need",
    ],
)

HOUSEHOLD_COLUMNS = {
    "name": fresh_bank(
        "household.name",
        ["Name of person", "Full name (and any other names used)", "Household member"],
    ),
    "relationship": fresh_bank(
        "household.relationship",
        ["Relationship to subject", "Relationship to the child named above", "Relation"],
    ),
    "date_of_birth": fresh_bank(
        "household.date_of_birth", ["Age/DOB", "Date of birth / age", "DOB/EDD"]
    ),
    "parental_responsibility": fresh_bank(
        "household.parental_responsibility",
        ["PR (Y/N)", "Parental resp.", "Holds PR?", "Does this person have PR?"],
    ),
}

HOUSEHOLD_SPLIT_NAMES = fresh_bank(
    "household.split_names",
    ["Surname | Forename(s)", "Last Name | First Name", "Family name | Given names"],
)

# One line per person: {age} is the age in years at the referral date.
HOUSEHOLD_LINES = fresh_bank(
    "household.line",
    [
        "{name} – {rel} – {dob}",
        "{Rel}, {name}, DOB: {dob}",
        "{name} / {Rel} / {dob}",
        "{name}, aged {age} ({dob}), {rel}",
    ],
)

HOUSEHOLD_SHAPES = fresh_bank(
    "household.shape",
    [
        "table: surname, forename, age and DOB, relationship, PR",
        "name – relationship – DOB lines",
        "numbered blocks, one per person",
        "table in two parts, adults then children, with a lives-here column",
    ],
)

# How an unknown date of birth is written, and how a PR column answers.
HOUSEHOLD_UNKNOWN = fresh_bank("household.unknown", ["N/K", "Unknown", "not given"])
HOUSEHOLD_PR_VALUES = fresh_bank(
    "household.pr_values", ["✓ | ✗", "Has PR | No PR", "Yes (PR) | No (no PR)"]
)
HOUSEHOLD_BLOCK_TITLES = fresh_bank(
    "household.block_title", ["Person {n}", "Family member {n}", "{n})"]
)
HOUSEHOLD_PARTS = fresh_bank(
    "household.parts",
    ["Adults in the household | Children in the household", "Parents/carers | Siblings/others"],
)
HOUSEHOLD_LIVES_HERE = fresh_bank(
    "household.lives_here", ["Lives at address? | Yes", "Living in home Y/N | Y"]
)

ATTACHMENT_KINDS = {
    "early_help_assessment": fresh_bank(
        "attachment.early_help_assessment",
        ["EHA document", "Completed early help assessment", "Early help assessment paperwork"],
    ),
    "early_help_plan": fresh_bank(
        "attachment.early_help_plan",
        ["Family plan (early help)", "Early Help Family Plan", "TAF action plan"],
    ),
    "ehcp": fresh_bank("attachment.ehcp", ["EHC Plan (final)", "Statement/EHCP", "Final EHCP"]),
    "risk_assessment": fresh_bank(
        "attachment.risk_assessment",
        ["SafeLives DASH checklist", "DA risk identification checklist", "Risk assessment (DA)"],
    ),
    "screening_tool": fresh_bank(
        "attachment.screening_tool",
        ["Graded Care Profile 2", "CCE/CSE risk screening", "Neglect screening checklist"],
    ),
    "other": fresh_bank(
        "attachment.other",
        ["Attendance printout", "Supporting letter", "Chronology of events", "Medical letter"],
    ),
}

ATTACHMENT_COLUMNS = fresh_bank(
    "attachment.columns",
    ["Document | Date | File", "Title of document | Dated | Saved as", "Item | Date | Filename"],
)

ATTACHMENT_LINES = fresh_bank(
    "attachment.line",
    ["{kind} [{file}]", "{kind} — file: {file}", "File {file}: {kind}", "{kind} (see {file})"],
)

ATTACHMENT_SHAPES = fresh_bank(
    "attachment.shape",
    [
        "table with a date column",
        "checklist: document, attached Y/N, file name",
        "a sentence naming each document",
        "lettered list",
    ],
)

ATTACHMENT_SENTENCES = fresh_bank(
    "attachment.sentence",
    [
        "Please find attached {items}.",
        "I have enclosed {items}.",
        "Attached with this form: {items}.",
    ],
)

ATTACHMENT_CHECK = fresh_bank(
    "attachment.check", ["Attached? | Y | N", "Enclosed | Yes | No", "Included (Y/N) | Y | N"]
)

GENDER_OPTIONS = fresh_bank(
    "gender.options",
    [
        "Female | Male | Transgender | Prefer not to say",
        "Male | Female | Non-binary | Other | Not stated",
        "Female | Male | Unknown",
    ],
)

# --- how answers are written --------------------------------------------------------------------

DATE_STYLES = fresh_bank(
    "date.style",
    ["d Mon yy", "dd-Mon-yyyy", "Weekday dth Month yyyy", "dth of Month yyyy", "Day dd/mm/yyyy"],
)

YES_NO_STYLES = fresh_bank(
    "yesno.style",
    [
        "✓ or ✗ on its own",
        "radio marks before Yes and No",
        "words that fit the question",
        "tick boxes Yes, No, Not asked",
    ],
)

YES_NO_STYLES_LATIN1 = ("words that fit the question", "tick boxes Yes, No, Not asked")

# "words that fit the question": what a worker writes for yes and for no, per question.
YES_NO_WORDS = {
    "consent.family_agrees": fresh_bank(
        "yesno.words.family_agrees",
        ["Parent agrees | Parent does not agree", "In agreement | Not in agreement"],
    ),
    "consent.information_sharing": fresh_bank(
        "yesno.words.information_sharing",
        ["Consent given to share | Consent refused", "Verbal consent obtained | Declined"],
    ),
    "consent.family_informed": fresh_bank(
        "yesno.words.family_informed",
        ["Family will be told | Family not to be told", "Parents are aware | Parents not informed"],
    ),
}
YES_NO_NOT_ASKED = fresh_bank("yesno.not_asked", ["Not asked", "Not sought", "N/A"])

TICK_GLYPHS = fresh_bank("tick.glyphs", ["● | ○", "√ | □", "✗ | ☐", "▣ | ▢", "[✓] | [ ]"])

TICK_PLACES = fresh_bank(
    "tick.place",
    [
        "option, colon, then box",
        "one option a line, box first",
        "options between slashes, box after each",
    ],
)
