"""The free-text answers: invented situations, written the way practitioners write them.

Each scenario fills the referral questions for one kind of worry; ``{child}``, ``{parent}`` and
``{sib}`` are the family's first names. Answers are values, not wordings, so they are not split.
"""

from __future__ import annotations

SCENARIOS = {
    "early_help": [
        {
            "reason_summary": "{child}'s attendance has dropped to 82% this term and {parent} "
            "has told school she is struggling to get the children out in the mornings since "
            "her hours changed.",
            "request": "An Early Help assessment and a Team Around the Family, with help for "
            "{parent} with morning routines and a parenting course.",
            "intended_outcome": "{child} attends school every day, on time, and {parent} feels "
            "supported.",
            "facts": "Attendance 82% (autumn term). Late on 14 occasions. Two missed health "
            "appointments in October.",
            "opinions": "In the class teacher's view {child} is tired rather than unwilling; "
            "{parent} is open and wants help.",
            "child_views": '"I like school but Mum can\'t wake up and I have to get {sib} ready."',
            "what_has_been_done": "Attendance meetings held in September and November; breakfast "
            "club place offered; school nurse drop-in.",
            "conversations": "Spoke with {parent} on the phone and at pick-up; she agrees to an "
            "Early Help assessment and expects a key worker to visit at home.",
        },
        {
            "reason_summary": "Health visitor worried about {child}'s speech delay and the "
            "family's isolation after moving to the area; {parent} has no local support.",
            "request": "A coordinated Early Help plan: speech and language therapy, a place at "
            "stay-and-play and help to register with a dentist.",
            "intended_outcome": "{child} is using more words and the family is linked in with "
            "local groups.",
            "facts": "{child} uses around ten words. The family moved here in June. Not "
            "registered with a dentist.",
            "child_views": "{child} is too young to give views in words; seen smiling and "
            "seeking comfort from {parent} during the visit.",
            "what_has_been_done": "Ages and Stages questionnaire completed; SALT referral sent "
            "on 3 March; stay-and-play timetable given.",
        },
    ],
    "section_17": [
        {
            "reason_summary": "{child} has complex health needs and the family's flat is damp "
            "and overcrowded; the Early Help plan has not been able to resolve this.",
            "request": "A Child in Need assessment and help with housing, equipment and short "
            "breaks.",
            "intended_outcome": "{child} lives somewhere that meets {child}'s health needs and the "
            "family has regular short breaks.",
            "facts": "Six people in a two-bedroom flat. Black mould in the children's room. "
            "Three chest infections since August.",
            "child_views": "{child} told the school nurse: \"My room smells and I can't get my "
            'chair into the bathroom."',
            "what_has_been_done": "Early Help plan since January; OT assessment; housing "
            "priority banding requested.",
            "conversations": "{parent} agrees to the referral and hopes for help with rehousing "
            "and a break at weekends.",
        },
        {
            "reason_summary": "{parent} has been admitted to hospital with a mental health "
            "crisis twice this year and {child} is caring for {sib} most evenings.",
            "request": "A Child in Need assessment and young carers support for {child}.",
            "intended_outcome": "{child} is not left caring for {sib} and {parent} has a plan "
            "for when she is unwell.",
            "opinions": "In the school's opinion {child} is a young carer at risk of falling "
            "behind; {parent} loves the children but cannot manage alone when unwell.",
            "child_views": "\"I don't mind looking after {sib} but I'm tired all the time.\"",
            "what_has_been_done": "Young carers service contacted; school pastoral support "
            "weekly; GP aware.",
        },
    ],
    "section_47": [
        {
            "reason_summary": "{child} disclosed that an adult at home hit {child} with a belt; "
            "marks seen on {child}'s upper arms and back.",
            "request": "A section 47 enquiry and a strategy discussion today.",
            "intended_outcome": "{child} is safe from physical harm and the adults at home are "
            "assessed.",
            "facts": "Four linear marks across the upper back and two fingertip bruises on the "
            "left arm seen at 10:40 by the class teacher. Disclosure made unprompted.",
            "opinions": "In the DSL's opinion the marks are not consistent with play and {child} "
            "seemed frightened to go home.",
            "child_views": "\"He used his belt because I spilt the juice. Please don't tell him "
            'I told."',
            "what_has_been_done": "Body map completed; DSL consulted; no contact made with the "
            "family, following procedures.",
            "conversations": "Spoke with the MASH consultant social worker, who advised an "
            "immediate referral; school expects a strategy discussion before home time.",
            "harm": {
                "nature": "Physical abuse: linear bruising consistent with being struck with a "
                "belt.",
                "severity": "Moderate bruising, skin not broken; medical requested.",
                "duration": '{child} says it has happened "since the summer".',
                "frequency": "At least three times, most recently last night.",
                "impact": "{child} is withdrawn, flinches at raised voices and does not want to "
                "go home.",
                "unusual_elements": "{child} was told the family dog would be taken away if "
                "{child} told anyone.",
                "parental_capacity": "{parent} has minimised injuries before; neighbours report "
                "heavy drinking by an adult in the home.",
                "family_environment_factors": "Eviction notice served; police called to a "
                "domestic incident at the address in August.",
                "care_given": "Meals and clothing adequate; supervision inconsistent.",
                "comparison_similar_child": "A child of this age would not be expected to have "
                "repeated, patterned bruising.",
                "noteworthy": "The disclosure was spontaneous, detailed and fits the injuries "
                "seen.",
            },
        },
        {
            "reason_summary": "Police attended a domestic abuse incident at the home last night; "
            "{child} and {sib} were present and {parent} had a head injury.",
            "request": "A child protection enquiry under section 47 and a MARAC referral for "
            "{parent}.",
            "intended_outcome": "The children and {parent} are safe and the perpetrator has no "
            "unsupervised contact.",
            "facts": "Third police call-out since March. DASH completed: high risk. {child} hid "
            "in the bathroom with {sib}.",
            "child_views": '"I put the telly on loud so {sib} wouldn\'t hear."',
            "what_has_been_done": "DASH risk assessment; IDVA referral; Operation Encompass "
            "notification to school.",
            "harm": {
                "nature": "Emotional harm from living with domestic abuse; risk of physical harm.",
                "severity": "High risk on DASH (17 ticks).",
                "duration": "Abuse reported for at least two years.",
                "frequency": "Police called three times in eight months.",
                "impact": "{child} is anxious, wetting the bed and not sleeping.",
                "unusual_elements": "Threats to kill {parent} if she left; coercive control "
                "over money and phone.",
                "parental_capacity": "{parent} wants to protect the children but is frightened "
                "to leave.",
                "family_environment_factors": "No wider family nearby; the partner controls the "
                "family's money.",
                "care_given": "Basic care good; children well presented.",
                "comparison_similar_child": "A similar child would not be exposed to repeated "
                "violence at home.",
                "noteworthy": "Incidents are escalating in severity.",
            },
        },
    ],
    "camhs": [
        {
            "reason_summary": "{child} has been self-harming (cutting) for three months and "
            "has talked about not wanting to be here.",
            "request": "A CAMHS assessment, urgently if possible.",
            "intended_outcome": "{child} is safe, has a safety plan and specialist support.",
            "child_views": '"I just want the thoughts to stop."',
            "what_has_been_done": "School counsellor weekly since January; GP saw {child} on "
            "2 February; safety plan written with {parent}.",
            "conversations": "{parent} agrees and is anxious to get help quickly.",
        },
    ],
    "sen_assessment": [
        {
            "reason_summary": "{child} is making little progress despite two years of SEN "
            "support and needs more than the school can give.",
            "request": "An Education, Health and Care needs assessment.",
            "intended_outcome": "{child}'s needs are fully assessed and met in school.",
            "facts": "Reading age 6.2 at chronological age 10. Three assess-plan-do-review "
            "cycles completed.",
            "child_views": '"Reading is hard and the letters move."',
            "what_has_been_done": "Educational psychologist visit; 1:1 reading intervention "
            "daily; speech and language therapy block.",
        },
    ],
    "youth_offending": [
        {
            "reason_summary": "{child} was arrested for possession with intent to supply and "
            "is thought to be carrying drugs for older young people.",
            "request": "Youth Offending Service involvement and an exploitation screening.",
            "intended_outcome": "{child} is safe from exploitation and not reoffending.",
            "child_views": '"They\'re my mates, I owe them."',
            "what_has_been_done": "Missing episodes reported; NRM referral considered; "
            "mentoring offered.",
        },
    ],
    "disabled_children": [
        {
            "reason_summary": "{child} has cerebral palsy and {parent} is caring for {child} alone "
            "overnight with no breaks.",
            "request": "A disabled child assessment and short breaks.",
            "intended_outcome": "The family has regular short breaks and equipment at home.",
            "child_views": "{child} uses a communication aid; {child} chose the picture for "
            '"swimming" when asked what {child} would like to do.',
            "what_has_been_done": "OT visit; continence service referral; carers assessment "
            "offered to {parent}.",
        },
    ],
    "drug_alcohol": [
        {
            "reason_summary": "{child} has been drinking heavily most weekends and was taken to "
            "A&E intoxicated in May.",
            "request": "Referral to the young people's substance misuse service.",
            "intended_outcome": "{child} understands the risks and cuts down.",
            "child_views": '"Everyone drinks, it\'s not a big deal."',
            "what_has_been_done": "School nurse brief intervention; {parent} informed.",
        },
    ],
    "paediatric_health": [
        {
            "reason_summary": "{child}'s weight has fallen from the 50th to the 9th centile in "
            "six months.",
            "request": "A community paediatric assessment for faltering growth.",
            "intended_outcome": "The cause is found and {child} gains weight steadily.",
            "child_views": '{child} says they are "not hungry" at school dinners.',
            "what_has_been_done": "Weekly weights by the health visitor; food diary; GP review.",
        },
    ],
}

DOMAINS = {
    "development": {
        "health": [
            "Growth on the 9th centile; weighed weekly.",
            "Generally healthy; asthma managed with inhalers.",
            "Immunisations up to date; dental decay noted.",
        ],
        "emotional_social": [
            "Anxious in new situations and slow to make friends.",
            "Warm and sociable with adults; tearful when routines change.",
        ],
        "behaviour": [
            "Angry outbursts at transitions, at home and school.",
            "Well behaved in class; defiant at home with {parent}.",
        ],
        "identity": [
            "Low self-esteem; says he is 'rubbish at everything'.",
            "Proud of their heritage; attends Saturday school.",
        ],
        "family_social_relationships": [
            "Strong bond with {parent}; few friendships.",
            "Close to {sib}; sees father at weekends.",
        ],
        "self_care": [
            "Dresses and washes independently; needs reminders.",
            "Needs help with toileting at night.",
        ],
        "learning": [
            "Working slightly below expected level; enjoys art.",
            "Struggles to concentrate in the afternoons; reading improving.",
        ],
    },
    "parenting": {
        "basic_care": [
            "Meals and clothing provided; home is clean.",
            "Basic care good; children well presented.",
        ],
        "safety": [
            "{parent} supervises well at home.",
            "Medication left within reach on one visit; discussed.",
        ],
        "emotional_warmth": [
            "Warm, affectionate relationship observed.",
            "{parent} praises {child} often.",
        ],
        "guidance_boundaries": [
            "Clear rules; reward charts used.",
            "Boundaries inconsistent; bedtimes vary.",
        ],
        "stimulation": [
            "Few toys or books at home; keen to attend groups.",
            "Library visits weekly; plays outdoors.",
        ],
        "stability": [
            "Stable home; same school since reception.",
            "Three house moves in two years.",
        ],
    },
    "family_environment": {
        "family_history": [
            "{parent} was in care as a child; little family support.",
            "Parents separated last year; contact arrangements informal.",
        ],
        "wider_family": [
            "No extended family in the UK.",
            "Maternal grandmother helps with school runs.",
        ],
        "housing": [
            "Two-bedroom rented flat, adequate.",
            "Private let with damp; landlord slow to repair.",
        ],
        "employment_income": [
            "{parent} works part-time; Universal Credit top-up.",
            "Family in rent arrears; uses the food bank.",
        ],
        "social_integration": [
            "Attends a local church and a toddler group.",
            "Isolated; speaks little English outside the home.",
        ],
        "community_resources": [
            "Library and leisure centre nearby but rarely used.",
            "Family hub within walking distance.",
        ],
    },
}

DECISION_REASONS = [
    "Telling the family before the strategy discussion could put {child} at greater risk and "
    "lead to pressure to retract.",
    "Advised by MASH not to inform parents as this could interfere with a police investigation.",
    "{parent} is the alleged perpetrator; informing her may place {child} at risk.",
]
