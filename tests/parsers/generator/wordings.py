"""How UK children's-services forms word each question, heading and tick-box option.

Gathered from the way councils' CAF, Early Help Assessment (EHA), multi-agency referral (MARF),
request-for-support and child-in-need / s.47 referral forms ask things: their headings, their
abbreviations (DoB, LP, EHA, SEN, PR, CYP, Tel) and their habits. Written as councils write them,
never from what any parser understands. Every list is a ``split.bank``, so each wording falls on
the tune or the held-out side for good.
"""

from __future__ import annotations

from tests.parsers.generator.split import bank

# --- the questions, by the record field they answer -------------------------------------------

LABELS = {
    "child.first_name": bank(
        "child.first_name",
        [
            "Forename(s)",
            "Given name(s)",
            "First name(s)",
            "Child's forename",
            "Child/young person's first name",
            "Christian name",
            "First name of child",
            "Forename",
            "CYP first name",
            "Child's first name",
            "Young person's forename",
        ],
    ),
    "child.last_name": bank(
        "child.last_name",
        [
            "Surname",
            "Family name",
            "Last name",
            "Child's surname",
            "Child/young person's surname",
            "Surname/family name",
            "Legal surname",
            "CYP surname",
            "Family name (surname)",
            "Young person's last name",
        ],
    ),
    "child.full_name": bank(
        "child.full_name",
        [
            "Child's full name",
            "Name of child/young person",
            "Full name of child",
            "Child's name",
            "Name of child or young person being referred",
            "Young person's name",
            "CYP name",
            "Name of the child",
        ],
    ),
    "child.date_of_birth": bank(
        "child.date_of_birth",
        [
            "Date of birth",
            "DoB",
            "D.O.B.",
            "Child's date of birth",
            "Date of birth or EDD",
            "Birth date",
            "Date of birth of child",
            "Child's DOB",
            "Date of Birth / Estimated Due Date",
            "Born",
        ],
    ),
    "child.gender": bank(
        "child.gender",
        [
            "Gender",
            "Sex",
            "Sex/gender",
            "Gender identity",
            "Child's gender",
            "Gender of child",
            "Sex (as recorded)",
        ],
    ),
    "child.address": bank(
        "child.address",
        [
            "Address",
            "Home address",
            "Current address",
            "Address where the child lives",
            "Child's address",
            "Permanent address",
            "Address (where child is living)",
            "Residential address",
            "Usual address",
            "Child's home address",
        ],
    ),
    "child.address_with_postcode": bank(
        "child.address_with_postcode",
        [
            "Address including postcode",
            "Home address (inc. postcode)",
            "Full address and postcode",
            "Address & postcode",
            "Current address including post code",
            "Address and postcode of child",
        ],
    ),
    "child.postcode": bank(
        "child.postcode",
        ["Postcode", "Post code", "P/code", "Postcode of home address", "PC", "Postcode (child)"],
    ),
    "child.school_or_setting": bank(
        "child.school_or_setting",
        [
            "School",
            "School or nursery",
            "Name of school/setting",
            "School/setting attended",
            "Education setting",
            "Nursery/School/Children's Centre",
            "School / college / early years setting",
            "Current school",
            "Educational establishment",
            "Setting attended",
            "School or education provision",
        ],
    ),
    "child.first_language": bank(
        "child.first_language",
        [
            "First language",
            "Main language",
            "Main language spoken at home",
            "Language(s) spoken",
            "Child's first language",
            "Preferred language",
            "Home language",
            "Language spoken at home",
            "First language of child",
        ],
    ),
    "child.disability": bank(
        "child.disability",
        [
            "Disability",
            "Any disability",
            "Does the child have a disability? If yes give details",
            "Disability / SEN",
            "SEND / disability",
            "Additional needs or disability",
            "Special educational needs or disability",
            "Disabilities or health conditions",
            "Any SEN or disability (please give details)",
            "Medical conditions / disability",
            "Is the child disabled? Details",
        ],
    ),
    "referral.date": bank(
        "referral.date",
        [
            "Date of referral",
            "Referral date",
            "Date form completed",
            "Date of assessment",
            "Date completed",
            "Date EHA started",
            "Date of request",
            "Today's date",
            "Date submitted",
            "Date of this referral",
            "Assessment date",
        ],
    ),
    "referral.reason_summary": bank(
        "referral.reason_summary",
        [
            "Reason for referral",
            "What are you worried about?",
            "Summary of concerns",
            "Presenting concerns",
            "Why are you making this referral?",
            "Reason for request",
            "What has led to this child being assessed?",
            "Main concerns",
            "Nature of concern",
            "Brief summary of the concerns",
            "Reason for the assessment",
            "Concerns about the child",
        ],
    ),
    "referral.request": bank(
        "referral.request",
        [
            "What is the referral asking for?",
            "Support requested",
            "What support are you requesting?",
            "What do you want to happen?",
            "What help is being requested?",
            "Service(s) requested from this referral",
            "What are you asking for?",
            "Request",
            "What would you like from this referral?",
            "Nature of support required",
            "What are you requesting?",
        ],
    ),
    "referral.intended_outcome": bank(
        "referral.intended_outcome",
        [
            "Intended outcome for the child",
            "Desired outcome",
            "What outcome do you hope for?",
            "What needs to change?",
            "Expected outcomes",
            "What would success look like?",
            "Outcome(s) sought",
            "What difference will the support make?",
            "Hoped-for outcomes for the child",
            "What do you want to achieve for the child?",
        ],
    ),
    "referral.facts": bank(
        "referral.facts",
        [
            "Facts",
            "What are the facts?",
            "Known facts",
            "Evidence / factual information",
            "Factual information",
            "Incidents and dates",
            "What has happened (facts only)",
            "Chronology of key events",
            "Details of incidents",
            "Facts known to you",
        ],
    ),
    "referral.opinions": bank(
        "referral.opinions",
        [
            "Opinions (say whose opinion)",
            "Professional opinion",
            "Your analysis",
            "Professional judgement",
            "Views of professionals",
            "Opinion",
            "Analysis of the information",
            "Your view of the risks",
            "Professional views and whose they are",
        ],
    ),
    "referral.child_views": bank(
        "referral.child_views",
        [
            "Child's views",
            "Voice of the child",
            "Views of the child/young person",
            "What does the child say?",
            "Child's wishes and feelings",
            "The child's views in their own words",
            "What the young person says",
            "Child/young person's comments",
            "Wishes and feelings of the child",
            "Child's voice",
        ],
    ),
    "referral.what_has_been_done": bank(
        "referral.what_has_been_done",
        [
            "What has already been done",
            "Interventions so far",
            "Action taken so far",
            "What support has already been offered?",
            "Previous interventions",
            "Support already in place",
            "What has been tried?",
            "Work already undertaken",
            "Services already involved and support given",
            "Actions taken to date",
            "What have you done so far?",
        ],
    ),
    "referral.conversations": bank(
        "referral.conversations",
        [
            "Conversations held",
            "Discussions held with the family",
            "Who have you spoken to about this?",
            "Conversations and expectations",
            "What has been discussed with the family",
            "Discussion with parents/carers",
            "Record of discussions",
            "Conversations with family and professionals",
            "Discussions and agreed expectations",
            "Conversations with parents and expectations of them",
        ],
    ),
    "consent.family_agrees": bank(
        "consent.family_agrees",
        [
            "Family agrees",
            "Parent/carer agreement to this request",
            "Does the family agree to the referral?",
            "Is the family in agreement with this referral?",
            "Parent/carer consents to this referral",
            "Has the parent/carer agreed to the referral?",
            "Family consent obtained",
            "Do the parents agree to the EHA?",
            "Agreement to Early Help involvement",
            "Family happy to engage",
        ],
    ),
    "consent.information_sharing": bank(
        "consent.information_sharing",
        [
            "Consent to share information",
            "Information sharing consent",
            "Has consent been obtained for the sharing of information?",
            "Consent given to share information with other agencies",
            "Agree to information being shared",
            "Consent to share (Y/N)",
            "Information sharing agreed",
            "Consent to contact other agencies",
            "Consent to share with partner agencies",
        ],
    ),
    "consent.given_by": bank(
        "consent.given_by",
        [
            "Consent given by",
            "Who gave consent?",
            "Name of person giving consent",
            "Consent obtained from",
            "Name of parent/carer consenting",
            "Consenting adult",
            "Who gave the consent",
            "Consent from (name and relationship)",
        ],
    ),
    "consent.date": bank(
        "consent.date",
        [
            "Date consent given",
            "Date of consent",
            "Consent date",
            "Date consent obtained",
            "Date signed",
            "Date agreed",
        ],
    ),
    "consent.family_informed": bank(
        "consent.family_informed",
        [
            "Will the family be informed of this referral?",
            "Are the parents/carers aware of this referral?",
            "Have you informed the child/family?",
            "Is the family aware of the referral?",
            "Have parents been told about this referral?",
            "Family informed",
            "Parents aware of referral?",
            "Has the family been told you are making this referral?",
        ],
    ),
    "consent.decision_reason": bank(
        "consent.decision_reason",
        [
            "Reason for decision",
            "If no, why not?",
            "If not, please give the reason",
            "Reason for not informing the family",
            "If 'No' give a reason",
            "Why has consent not been sought?",
            "Reason consent not obtained",
            "Rationale for not informing parents",
            "If parents are not aware, explain why",
        ],
    ),
    "assessment.development.health": bank(
        "assessment.development.health",
        [
            "Health",
            "General health",
            "Health (including physical development)",
            "Physical health",
            "Health and physical development",
            "Health needs",
        ],
    ),
    "assessment.development.emotional_social": bank(
        "assessment.development.emotional_social",
        [
            "Emotional and social development",
            "Emotional wellbeing",
            "Emotional & social development",
            "Emotional health and wellbeing",
            "Social and emotional development",
        ],
    ),
    "assessment.development.behaviour": bank(
        "assessment.development.behaviour",
        [
            "Behavioural development",
            "Behaviour",
            "Behaviour and conduct",
            "Conduct and behaviour",
            "Behavioural needs",
        ],
    ),
    "assessment.development.identity": bank(
        "assessment.development.identity",
        [
            "Identity",
            "Identity, self-esteem and self-image",
            "Identity and social presentation",
            "Self-esteem and identity",
            "Identity, self-esteem, self-image and social presentation",
            "Identity and self-esteem",
        ],
    ),
    "assessment.development.family_social_relationships": bank(
        "assessment.development.family_social_relationships",
        [
            "Family and social relationships",
            "Relationships",
            "Friendships and family relationships",
            "Family & social relationships",
            "Relationships with family and friends",
        ],
    ),
    "assessment.development.self_care": bank(
        "assessment.development.self_care",
        [
            "Self-care skills",
            "Self-care and independence",
            "Self care skills and independence",
            "Independence skills",
            "Self-care",
        ],
    ),
    "assessment.development.learning": bank(
        "assessment.development.learning",
        [
            "Learning",
            "Education and learning",
            "Learning and achievement",
            "Progress and achievement in learning",
            "Education",
            "Understanding, reasoning and problem solving",
        ],
    ),
    "assessment.parenting.basic_care": bank(
        "assessment.parenting.basic_care",
        [
            "Basic care",
            "Meeting basic needs",
            "Basic care and physical needs",
            "Physical care",
            "Basic physical care",
            "Basic care (food, clothing, hygiene)",
        ],
    ),
    "assessment.parenting.safety": bank(
        "assessment.parenting.safety",
        [
            "Safety",
            "Ensuring safety",
            "Safety and protection",
            "Keeping the child safe",
            "Ensuring safety and protection",
        ],
    ),
    "assessment.parenting.emotional_warmth": bank(
        "assessment.parenting.emotional_warmth",
        [
            "Emotional warmth",
            "Warmth and affection",
            "Emotional warmth and support",
            "Love and warmth",
            "Emotional warmth from parents",
            "Warmth, love and affection",
        ],
    ),
    "assessment.parenting.guidance_boundaries": bank(
        "assessment.parenting.guidance_boundaries",
        [
            "Guidance and boundaries",
            "Guidance, boundaries and discipline",
            "Boundaries",
            "Rules and routines",
            "Guidance & boundaries",
        ],
    ),
    "assessment.parenting.stimulation": bank(
        "assessment.parenting.stimulation",
        [
            "Stimulation",
            "Play and stimulation",
            "Stimulation and encouragement",
            "Encouraging learning and play",
            "Stimulation and play",
        ],
    ),
    "assessment.parenting.stability": bank(
        "assessment.parenting.stability",
        [
            "Stability",
            "Family stability",
            "Consistency and stability",
            "Stability of care",
            "Stability and consistency",
        ],
    ),
    "assessment.family_environment.family_history": bank(
        "assessment.family_environment.family_history",
        [
            "Family history and functioning",
            "Family history",
            "Family history, functioning and well-being",
            "Family functioning",
            "Family background",
            "Family history & functioning",
        ],
    ),
    "assessment.family_environment.wider_family": bank(
        "assessment.family_environment.wider_family",
        [
            "Wider family",
            "Extended family",
            "Wider family and support network",
            "Support from wider family",
            "Wider family support",
        ],
    ),
    "assessment.family_environment.housing": bank(
        "assessment.family_environment.housing",
        [
            "Housing",
            "Housing situation",
            "Accommodation",
            "Home conditions and housing",
            "Housing and home conditions",
        ],
    ),
    "assessment.family_environment.employment_income": bank(
        "assessment.family_environment.employment_income",
        [
            "Employment and finance",
            "Employment",
            "Income and employment",
            "Finances and work",
            "Family income and employment",
            "Employment and income",
        ],
    ),
    "assessment.family_environment.social_integration": bank(
        "assessment.family_environment.social_integration",
        [
            "Social integration",
            "Family's social integration",
            "Links with the community",
            "Social and community links",
            "Social integration and community links",
        ],
    ),
    "assessment.family_environment.community_resources": bank(
        "assessment.family_environment.community_resources",
        [
            "Community resources",
            "Use of community resources",
            "Local services and resources",
            "Access to community facilities",
            "Community resources and services",
            "Use of local community resources",
        ],
    ),
    "harm.nature": bank(
        "harm.nature",
        [
            "Nature of the harm",
            "What is the harm?",
            "Type of abuse/harm",
            "Nature of harm suffered or likely to be suffered",
            "Category of harm",
            "Description of the harm or injury",
            "Nature of harm",
        ],
    ),
    "harm.severity": bank(
        "harm.severity",
        [
            "Severity of the harm",
            "How serious is the harm?",
            "Degree and extent of harm",
            "Seriousness of injury/harm",
            "Severity",
            "Degree of harm",
        ],
    ),
    "harm.duration": bank(
        "harm.duration",
        [
            "Duration of the harm",
            "How long has this been happening?",
            "Duration",
            "Length of time the harm has occurred",
            "Over what period?",
            "How long has the harm gone on?",
        ],
    ),
    "harm.frequency": bank(
        "harm.frequency",
        [
            "Frequency of the harm",
            "How often does it happen?",
            "Frequency",
            "How often has this occurred?",
            "Frequency of incidents",
            "How frequent?",
        ],
    ),
    "harm.impact": bank(
        "harm.impact",
        [
            "Impact on the child",
            "Impact on the child's health and development",
            "Effect on the child",
            "How is the child affected?",
            "Impact of the harm",
            "Impact on child",
        ],
    ),
    "harm.unusual_elements": bank(
        "harm.unusual_elements",
        [
            "Any threat, coercion, sadism or unusual elements",
            "Threats or coercion",
            "Premeditation, threats, coercion or sadism",
            "Any bizarre or unusual elements",
            "Degree of threat or coercion",
            "Unusual elements (threat, coercion, sadism)",
        ],
    ),
    "harm.parental_capacity": bank(
        "harm.parental_capacity",
        [
            "Parental capacity",
            "Parenting capacity",
            "Capacity of parents to protect",
            "Ability of parents/carers to meet needs",
            "Parents' capacity to keep the child safe",
            "Capacity of parents/carers",
        ],
    ),
    "harm.family_environment_factors": bank(
        "harm.family_environment_factors",
        [
            "Family and environmental factors",
            "Family context",
            "Family circumstances and environment",
            "Wider family and environmental factors",
            "Family context including strengths and supports",
            "Family and environment factors",
        ],
    ),
    "harm.care_given": bank(
        "harm.care_given",
        [
            "Care given or likely to be given",
            "Care given to the child",
            "Standard of care provided",
            "Care the child is receiving",
            "Adequacy of care given",
            "Quality of care provided by parents/carers",
        ],
    ),
    "harm.comparison_similar_child": bank(
        "harm.comparison_similar_child",
        [
            "Comparison to a similar child",
            "Compared with a similar child",
            "How does this compare with what could be expected of a similar child?",
            "Comparison with a child of similar age",
            "Comparison with what might reasonably be expected",
            "Similar child comparison",
        ],
    ),
    "harm.noteworthy": bank(
        "harm.noteworthy",
        [
            "What is noteworthy",
            "Anything else noteworthy",
            "Other significant information",
            "Anything else we should know?",
            "Additional relevant information",
            "Other noteworthy factors",
        ],
    ),
}

# --- a person's details: prefixed labels say whose they are, generic ones need their section --

PERSON_PARTS = ("name", "role", "agency", "phone", "email")

PREFIXED = {
    "referrer": {
        "name": bank(
            "referrer.name",
            [
                "Referrer's name",
                "Name of referrer",
                "Name of person making the referral",
                "Referred by",
                "Completed by",
                "Name of practitioner completing this form",
                "Assessor's name",
                "Your name",
                "Referrer (name)",
                "Name of professional referring",
            ],
        ),
        "role": bank(
            "referrer.role",
            [
                "Referrer's role",
                "Referrer's job title",
                "Your role",
                "Your job title",
                "Role of referrer",
                "Assessor's role",
                "Designation of referrer",
                "Referrer's position",
            ],
        ),
        "agency": bank(
            "referrer.agency",
            [
                "Referring agency",
                "Referrer's organisation",
                "Your organisation",
                "Agency making the referral",
                "Referring organisation",
                "Assessor's agency/service",
                "Referrer's agency",
            ],
        ),
        "phone": bank(
            "referrer.phone",
            [
                "Referrer's telephone",
                "Referrer's tel. no.",
                "Your contact number",
                "Referrer contact number",
                "Referrer phone",
                "Your phone number",
                "Referrer's tel",
                "Contact number of referrer",
            ],
        ),
        "email": bank(
            "referrer.email",
            [
                "Referrer's email",
                "Referrer e-mail",
                "Your email address",
                "Referrer's secure email",
                "Email of referrer",
                "Your e-mail",
            ],
        ),
    },
    "lead_professional": {
        "name": bank(
            "lead_professional.name",
            [
                "Name of lead professional",
                "Lead professional's name",
                "LP name",
                "Name of lead practitioner",
                "Who will be the lead professional?",
                "Nominated lead professional",
                "Key worker / LP",
                "Lead practitioner name",
            ],
        ),
        "role": bank(
            "lead_professional.role",
            [
                "LP role",
                "Lead professional's role",
                "Lead professional job title",
                "Role of LP",
                "Lead practitioner's role",
            ],
        ),
        "agency": bank(
            "lead_professional.agency",
            [
                "LP agency",
                "Lead professional's agency",
                "Lead professional's organisation",
                "LP service/team",
                "Agency of lead practitioner",
                "LP organisation",
            ],
        ),
        "phone": bank(
            "lead_professional.phone",
            [
                "LP tel",
                "Lead professional's contact number",
                "LP phone",
                "Lead professional tel. no.",
                "Lead practitioner's telephone",
                "LP contact no.",
                "Lead professional telephone",
            ],
        ),
        "email": bank(
            "lead_professional.email",
            [
                "LP email",
                "Lead professional's e-mail",
                "Lead professional email address",
                "LP e-mail",
                "Lead practitioner's email",
            ],
        ),
    },
}

GENERIC = {
    "name": bank("person.name", ["Name", "Full name", "Name of worker", "Practitioner name"]),
    "role": bank(
        "person.role",
        ["Job title", "Role", "Designation", "Position", "Role/job title", "Post held"],
    ),
    "agency": bank(
        "person.agency",
        [
            "Organisation",
            "Agency",
            "Service/team",
            "Agency / organisation",
            "Employer",
            "Agency/service",
            "Organisation and team",
        ],
    ),
    "phone": bank(
        "person.phone",
        [
            "Tel",
            "Tel. no.",
            "Telephone",
            "Phone",
            "Contact number",
            "Telephone number",
            "Contact tel. no.",
            "Mobile",
        ],
    ),
    "email": bank(
        "person.email",
        ["Email", "E-mail", "Email address", "Secure email", "E-mail address", "Work email"],
    ),
}

# --- section headings --------------------------------------------------------------------------

HEADINGS = {
    "child": bank(
        "heading.child",
        [
            "Child's details",
            "Details of the child or young person",
            "About the child",
            "Child/young person's details",
            "Identifying details",
            "Information about the child",
            "Section 1: Child/young person",
            "The child or young person",
            "Details of child",
        ],
    ),
    "household": bank(
        "heading.household",
        [
            "Household members",
            "Who lives in the household?",
            "Family composition",
            "Details of parents/carers and others in the household",
            "Household composition",
            "People living in the home",
            "Family and household members",
            "Parents/carers and siblings",
            "Who lives with the child?",
        ],
    ),
    "referrer": bank(
        "heading.referrer",
        [
            "Referrer details",
            "Details of the person making the referral",
            "Person making the referral",
            "Assessed by",
            "Practitioner completing this form",
            "Details of person(s) undertaking assessment",
            "Your details",
            "About you (the referrer)",
            "Referring professional",
            "Details of the referrer",
            "Person completing this form",
            "Who is making this request?",
        ],
    ),
    "lead_professional": bank(
        "heading.lead_professional",
        [
            "Lead professional",
            "Lead professional details",
            "Who will be the LP?",
            "Lead practitioner",
            "Lead professional (where agreed)",
            "Agreed lead professional",
            "Nominated lead practitioner",
            "Lead professional / key worker",
        ],
    ),
    "referral": bank(
        "heading.referral",
        [
            "Referral information",
            "Concerns",
            "About the request",
            "Reason for this request for support",
            "Details of concerns",
            "What is the request?",
            "Referral details",
            "The concerns and the request",
        ],
    ),
    "consent": bank(
        "heading.consent",
        [
            "Consent",
            "Consent and information sharing",
            "Parental consent",
            "Family consent",
            "Agreement of the family",
            "Consent for information sharing",
            "Informing the family",
            "Consent and agreement",
        ],
    ),
    "development": bank(
        "heading.development",
        [
            "Development of the child or young person",
            "Child's developmental needs",
            "Development of unborn baby, infant, child or young person",
            "Child development",
            "Domain 1: development of the child",
        ],
    ),
    "parenting": bank(
        "heading.parenting",
        [
            "Parents and carers",
            "Parenting capacity",
            "Parents and carers: parenting capacity",
            "Domain 2: parents and carers",
            "Parenting",
        ],
    ),
    "family_environment": bank(
        "heading.family_environment",
        [
            "Family and environment",
            "Family and community",
            "Wider family and environment",
            "Domain 3: family and environmental factors",
            "Family & environmental factors",
        ],
    ),
    "harm": bank(
        "heading.harm",
        [
            "Significant harm (Section 47 referrals)",
            "Section 47 – significant harm",
            "Child protection concerns",
            "Information about harm",
            "Risk of significant harm",
            "Significant harm: nature and impact",
            "Child protection referrals only",
            "s.47 information",
        ],
    ),
    "pathway": bank(
        "heading.pathway",
        [
            "Level of need and service requested",
            "Referral route",
            "Threshold and pathway",
            "What service are you requesting?",
            "Continuum of need",
            "Service and level of need",
            "Where is this referral going?",
        ],
    ),
    "attachments": bank(
        "heading.attachments",
        [
            "Attachments",
            "Documents enclosed",
            "Enclosures",
            "Supporting documents",
            "Additional documents attached",
            "Documents attached to this referral",
            "Other documents",
            "Attached paperwork",
        ],
    ),
}

TITLES = bank(
    "title",
    [
        "Multi-Agency Referral Form (MARF)",
        "Request for support: Children's Services",
        "Early Help Assessment",
        "Common Assessment Framework (CAF)",
        "Referral to Children's Social Care",
        "Multi-agency request for services",
        "Early Help Assessment and Plan",
        "Child in Need / Child Protection referral",
        "Integrated Front Door – request for support",
        "MASH referral form",
    ],
)

# --- pathway and threshold as ticked options ----------------------------------------------------

PATHWAY_QUESTION = bank(
    "pathway.question",
    [
        "Pathway requested",
        "Which service is this referral for?",
        "Service requested",
        "Referral to",
        "Type of referral",
        "Please tick the service you are referring to",
        "Request for",
        "Service being requested",
        "Referral pathway",
        "Which team is this for?",
    ],
)

PATHWAY_OPTIONS = {
    "early_help": bank(
        "pathway.early_help",
        [
            "Early Help",
            "Early Help (EHA)",
            "Early Help Assessment / Team Around the Family",
            "Targeted Early Help",
            "Family Support (Early Help)",
            "Early Help Service",
            "CAF / Early Help",
        ],
    ),
    "section_17": bank(
        "pathway.section_17",
        [
            "Child in Need (s.17)",
            "Section 17 – Child in Need",
            "Children's Social Care – child in need assessment",
            "CIN assessment",
            "s17 Child in Need",
            "Child in Need",
            "Child in Need assessment (Section 17)",
        ],
    ),
    "section_47": bank(
        "pathway.section_47",
        [
            "Child Protection (s.47)",
            "Section 47 enquiry",
            "Safeguarding / child protection",
            "Child protection – risk of significant harm",
            "s47 Child Protection",
            "Child Protection",
            "Section 47 child protection enquiry",
        ],
    ),
    "camhs": bank(
        "pathway.camhs",
        [
            "CAMHS",
            "Child and Adolescent Mental Health Services",
            "Emotional wellbeing and mental health (CAMHS)",
            "CAMHS (specialist)",
            "Mental health – CAMHS",
        ],
    ),
    "sen_assessment": bank(
        "pathway.sen_assessment",
        [
            "SEN assessment",
            "EHC needs assessment",
            "Special educational needs assessment",
            "SEND assessment",
            "Education, Health and Care needs assessment",
        ],
    ),
    "youth_offending": bank(
        "pathway.youth_offending",
        [
            "Youth Offending Service",
            "YOS",
            "Youth Justice Service",
            "Youth Offending Team (YOT)",
            "Youth justice",
        ],
    ),
    "disabled_children": bank(
        "pathway.disabled_children",
        [
            "Disabled Children's Team",
            "Children with Disabilities",
            "CHAD – disabled child assessment",
            "Disabled children's service",
            "Children with disabilities social work team",
        ],
    ),
    "drug_alcohol": bank(
        "pathway.drug_alcohol",
        [
            "Drug and alcohol service",
            "Young people's substance misuse service",
            "Substance misuse",
            "Drugs & alcohol",
            "Young people's drug and alcohol team",
        ],
    ),
    "paediatric_health": bank(
        "pathway.paediatric_health",
        [
            "Paediatric health services",
            "Community paediatrics",
            "Paediatrician",
            "Child health (paediatrics)",
            "Paediatric health",
        ],
    ),
}

THRESHOLD_QUESTION = bank(
    "threshold.question",
    [
        "Level of need",
        "Threshold level",
        "Level of need (see threshold document)",
        "Continuum of need level",
        "Which level of need?",
        "Assessed level of need",
        "Threshold",
        "Level of need identified",
    ],
)

# One scheme per form: how a council names its four levels, separated by " | ".
THRESHOLD_SCHEMES = bank(
    "threshold.scheme",
    [
        "Level 1 Universal | Level 2 Additional | Level 3 Targeted | Level 4 Specialist",
        "1 – Universal | 2 – Emerging needs | 3 – Complex needs | 4 – Acute",
        "Tier 1 | Tier 2 | Tier 3 | Tier 4",
        "Universal | Additional | Targeted | Specialist",
        "Universal (L1) | Additional (L2) | Intensive (L3) | Specialist/statutory (L4)",
        "Level 1 – needs met by universal services | Level 2 – additional needs"
        " | Level 3 – complex/multiple needs | Level 4 – acute/child protection",
        "Level One | Level Two | Level Three | Level Four",
        "Universal | Universal plus | Targeted support | Specialist / statutory",
    ],
)

# --- households ---------------------------------------------------------------------------------

HOUSEHOLD_COLUMNS = {
    "name": bank(
        "household.name",
        ["Name", "Full name", "Name of household member", "Person's name", "Family member"],
    ),
    "relationship": bank(
        "household.relationship",
        [
            "Relationship to child",
            "Relationship",
            "Relationship to CYP",
            "Relation to child",
            "How related",
            "Relationship to the child/young person",
        ],
    ),
    "date_of_birth": bank(
        "household.date_of_birth",
        ["Date of birth", "DoB", "D.O.B.", "Birth date", "Date of Birth (if known)"],
    ),
    "parental_responsibility": bank(
        "household.parental_responsibility",
        [
            "Parental responsibility",
            "PR?",
            "Parental responsibility (Y/N)",
            "Has PR",
            "Holds parental responsibility?",
            "PR (yes/no)",
        ],
    ),
}

HOUSEHOLD_SPLIT_NAMES = bank(
    "household.split_names",
    ["Forename | Surname", "First name | Last name", "Given name | Family name", "First | Surname"],
)

# One line per person. {rel} is the relationship as the form writes it, {Rel} capitalised.
HOUSEHOLD_LINES = bank(
    "household.line",
    [
        "{Rel}: {name}, Birth date {dob}{pr_comma}",
        "{name} ({rel}, {dob})",
        "{name} – {rel} – DoB {dob}{pr_dash}",
        "{Rel} – {name}, born {dob}",
        "{name}, {rel}, d.o.b. {dob}",
        "{Rel}: {name} (DOB {dob})",
        "{name} (date of birth {dob}) – {rel}",
        "{Rel} {name}, {dob}",
        "{name}; {rel}; {dob}",
    ],
)

HOUSEHOLD_SHAPES = bank(
    "household.shape",
    [
        "table",
        "table with forename and surname columns",
        "sideways table, one column per person",
        "one line per person",
        "one paragraph per person",
        "bulleted list",
        "table without a header row, labels in the first cell",
    ],
)

# --- attachments ---------------------------------------------------------------------------------

ATTACHMENT_KINDS = {
    "early_help_assessment": bank(
        "attachment.early_help_assessment",
        [
            "Early Help Assessment",
            "EHA",
            "Common Assessment (CAF)",
            "CAF form",
            "Early Help Assessment (EHA)",
            "Completed CAF",
            "Copy of the EHA",
            "Family Early Help Assessment",
        ],
    ),
    "early_help_plan": bank(
        "attachment.early_help_plan",
        [
            "Early Help Plan",
            "TAF plan",
            "Team Around the Family plan",
            "Early help action plan",
            "CAF action plan",
            "TAC plan",
        ],
    ),
    "ehcp": bank(
        "attachment.ehcp",
        [
            "EHCP",
            "Education, Health and Care Plan",
            "EHC plan",
            "Current EHC Plan",
            "Education Health & Care Plan (EHCP)",
        ],
    ),
    "risk_assessment": bank(
        "attachment.risk_assessment",
        [
            "Risk assessment",
            "DASH risk assessment",
            "DASH RIC",
            "MARAC risk assessment",
            "Risk assessment (DASH)",
            "Risk assessment form",
            "DASH",
        ],
    ),
    "screening_tool": bank(
        "attachment.screening_tool",
        [
            "Screening tool",
            "Neglect screening tool",
            "CSE screening tool",
            "Neglect toolkit",
            "Exploitation screening tool",
            "Screening tool (neglect)",
        ],
    ),
    "other": bank(
        "attachment.other",
        [
            "Chronology",
            "Other",
            "School attendance report",
            "Letter from GP",
            "Other (please specify)",
            "Other supporting document",
            "Police report",
        ],
    ),
}

ATTACHMENT_COLUMNS = bank(
    "attachment.columns",
    [
        "Document type | File name",
        "Document | Attached as",
        "Type of document | Filename",
        "Description | File",
        "What it is | Name of file",
        "Document | Reference / file name",
    ],
)

ATTACHMENT_LINES = bank(
    "attachment.line",
    [
        "{kind}: {file}",
        "{kind} – {file}",
        "{file} ({kind})",
        "{kind} (attached: {file})",
        "{kind}, see {file}",
        "{file} – {kind}",
    ],
)

ATTACHMENT_SHAPES = bank(
    "attachment.shape",
    [
        "table",
        "table, file name first",
        "list under a heading",
        "numbered enclosures",
        "tick list with file names",
        "one line, separated by semicolons",
    ],
)

# --- gender as options ---------------------------------------------------------------------------

GENDER_OPTIONS = bank(
    "gender.options",
    [
        "Male | Female | Other",
        "Female | Male | Non-binary",
        "Male | Female | Prefer not to say",
        "Female | Male | Other (please state)",
        "Male | Female | Non-binary | Not known",
    ],
)

INTROS = bank(
    "intro",
    [
        "Please complete all sections. Distinguish facts from opinion and record the child's "
        "views in their own words.",
        "If a child is in immediate danger call 999. This form confirms a referral made by "
        "telephone and must be sent within 24 hours.",
        "Complete this form with the family. Keep facts and opinions apart.",
        "Use the threshold document before completing this form; discuss with your safeguarding "
        "lead if unsure.",
        "OFFICIAL – SENSITIVE when complete. Send by secure email only.",
        "Please do not leave sections blank: write 'not known' if you do not have the information.",
    ],
)
