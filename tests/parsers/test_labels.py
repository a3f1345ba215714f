"""The vocabulary on wordings the dev corpus does not use, as other councils write them."""

import sys

import pytest

from parsers import labels, parse_bytes, semantic
from parsers.mapping import to_record
from parsers.model import Observation, ReadDocument
from tests.parsers.accuracy import DEV_CORPUS


@pytest.mark.parametrize(
    ("label", "section", "field"),
    [
        ("Forename(s)", "", "child.first_name"),
        ("Given name", "Child / young person", "child.first_name"),
        ("Family name", "", "child.last_name"),
        ("Name of child/young person", "", "child.full_name"),
        ("Name", "About the child", "child.full_name"),
        ("D.O.B.", "", "child.date_of_birth"),
        ("Post Code", "", "child.postcode"),
        ("child_first_name", "", "child.first_name"),
        ("childSurname", "", "child.last_name"),
        ("Name", "Your details", "referrer.name"),
        ("Tel No.", "Details of referrer", "referrer.phone"),
        ("E-mail", "Lead professional", "lead_professional.email"),
        ("Designation", "Person making the referral", "referrer.role"),
        ("Name of person making this referral", "", "referrer.name"),  # "this" as "the"
        ("Employing organisation", "Referral made by", "referrer.agency"),
        (
            "Basic care (food, warmth, hygiene)",
            "Parenting capacity",
            "assessment.parenting.basic_care",
        ),
        ("M/F", "", "child.gender"),
        ("Has the family agreed to the referral being made?", "", "consent.family_agrees"),
        ("Referred by", "Details of the person making the referral", "referrer.name"),
        ("Referrer", "", "referrer.name"),
        ("Name of referring agency", "Referrer's details", "referrer.agency"),
        (
            "Learning and play at home",
            "Domain 2: parenting capacity",
            "assessment.parenting.stimulation",
        ),
        ("Organisation", "Referring agency", "referrer.agency"),
        ("Key worker's name", "", "lead_professional.name"),
        ("Voice of the child", "", "referral.child_views"),
        ("What are you worried about?", "", "referral.reason_summary"),
        ("Action taken so far", "", "referral.what_has_been_done"),
        ("How often has the harm happened?", "", "harm.frequency"),
        ("Parenting capacity", "", "harm.parental_capacity"),
        ("Are the parents aware of this referral?", "", "consent.family_informed"),
        ("Date", "Consent", "consent.date"),
        ("Date", "About the referral", "referral.date"),  # equal scores: the first in vocabulary
        ("Date", "", "referral.date"),
        ("Service being requested", "", "pathway"),
        ("Threshold", "", "threshold_level"),
        # Under a safeguarding heading, whether parents keep the child safe is their capacity
        # to protect, not the parenting-assessment item "ensuring safety".
        (
            "Can the parent/carer keep the child safe?",
            "5. Safeguarding concerns",
            "harm.parental_capacity",
        ),
        # Under an assessment domain the child's heading asks how the child is, not who.
        (
            "Learning – attendance, progress, SEN",
            "Domain 1: the child's development",
            "assessment.development.learning",
        ),
        (
            "Behaviour at home, school and in the community",
            "Developmental needs of the child",
            "assessment.development.behaviour",
        ),
        (
            "Work, benefits and debts",
            "8.0  The family's wider world",
            "assessment.family_environment.employment_income",
        ),
        ("Date of birth", "Details of the child or young person", "child.date_of_birth"),
        ("Child's own account", "Nature of the concerns", "referral.child_views"),
        ("Child's lived experience – in their words", "", "referral.child_views"),
        ("Why are you worried?", "", "referral.reason_summary"),
        ("Service / organisation", "Team Around the Child – lead", "lead_professional.agency"),
        ("Capacity", "Part C – referrer information", "referrer.role"),
        ("Parenting capacity", "", "harm.parental_capacity"),
        ("Desired change for the young person", "", "referral.intended_outcome"),
        ("What should be different in three months?", "", "referral.intended_outcome"),
        ("Name of worker completing", "Part A – the subject child", "referrer.name"),
        ("Requester's telephone", "", "referrer.phone"),
        ("Post / grade", "Who is asking for support?", "referrer.role"),
        ("Why are you asking for support?", "", "referral.request"),
        # Rules are guidance and boundaries, whatever routines come with them; routines alone
        # and consistency are stability.
        ("Rules and routines", "Parenting capacity", "assessment.parenting.guidance_boundaries"),
        ("Routines", "Parenting capacity", "assessment.parenting.stability"),
        (
            "Parent/carer agrees to information being shared",
            "Agreement",
            "consent.information_sharing",
        ),
        ("Parent/carer name (consenting)", "", "consent.given_by"),
        ("Name of person who agreed", "", "consent.given_by"),
        # All of a phrase's words and little else: the words decide, whatever the model makes
        # of "your agency".
        (
            "What has your agency done so far?",
            "Nature of the concerns",
            "referral.what_has_been_done",
        ),
        ("Since when have you been worried?", "Risk of significant harm", "harm.duration"),
        ("Over what period has this happened?", "The harm", "harm.duration"),
        ("PCode", "The subject child", "child.postcode"),
        # Two ways of naming the lead professional overlap: the question asks only who.
        (
            "Who will be the lead professional?",
            "Lead professional / key worker",
            "lead_professional.name",
        ),
        ("REASON CONSENT NOT OBTAINED", "7. Parental consent", "consent.decision_reason"),
        # An officer's details under no heading are the form's author's.
        ("Officer's name", "", "referrer.name"),
        ("Team or agency", "", "referrer.agency"),
        # The Assessment Framework's dimensions in everyday words.
        ("Feelings, confidence and social skills", "", "assessment.development.emotional_social"),
        ("Conduct at home and in class", "", "assessment.development.behaviour"),
        (
            "Bonds with family members and peers",
            "",
            "assessment.development.family_social_relationships",
        ),
        ("Relatives and friends who help", "", "assessment.family_environment.wider_family"),
        ("Predictable daily care", "Parenting capacity", "assessment.parenting.stability"),
        (
            "Money worries and debt",
            "Family and environment",
            "assessment.family_environment.employment_income",
        ),
        ("Hygiene and physical needs", "Parenting capacity", "assessment.parenting.basic_care"),
        # What the child wants is the child's view; what you want is the request.
        ("What does the young person want to happen?", "The request", "referral.child_views"),
        ("What would you like to happen?", "The request", "referral.request"),
        ("What are you hoping we can offer?", "The request", "referral.request"),
        ("Summary of why you are requesting support", "The request", "referral.reason_summary"),
    ],
)
def test_other_councils_wordings_find_their_field(label, section, field):
    found = labels.match(label, section)
    assert found is not None and found.field == field, found


@pytest.mark.parametrize("label", ["Text12", "Signature", "Office use only", "Page 2 of 4"])
def test_labels_that_say_nothing_match_nothing(label):
    assert labels.match(label) is None


@pytest.mark.parametrize(
    ("caption", "pathway"),
    [
        ("Child in Need (s17)", "section_17"),
        ("Child Protection (S47)", "section_47"),
        ("CAMHS", "camhs"),
        ("Youth Justice Service", "youth_offending"),
        ("Early Help / CAF", "early_help"),
        ("Substance misuse service", "drug_alcohol"),
    ],
)
def test_pathway_tick_box_captions(caption, pathway):
    assert labels.option_in(caption, labels.PATHWAY_OPTIONS) == pathway


@pytest.mark.parametrize(
    ("caption", "level"),
    [
        ("Level 3 Targeted", 3),
        ("Tier 2", 2),
        ("Specialist", 4),
        ("Universal", 1),
        ("4", 4),
        ("SOCIAL CARE", 4),
        ("Targeted early help", 3),
    ],
)
def test_threshold_levels(caption, level):
    assert labels.level_in(caption) == level


def test_send_is_the_abbreviation_only_in_capitals():
    assert labels.option_in("SEND support", labels.PATHWAY_OPTIONS) == "sen_assessment"
    assert labels.option_in("Send by secure e-mail only", labels.PATHWAY_OPTIONS) is None


@pytest.mark.parametrize(
    "label", ["Referring organisation", "Name of referring organisation", "Referring service"]
)
def test_the_referring_organisation_is_the_referrers_agency_not_the_pathway(label):
    assert labels.match(label).field == "referrer.agency"


def test_consent_alone_asks_whether_the_family_agrees_without_asking_the_model(monkeypatch):
    """ "Consent: Yes" is the family's agreement; saying so costs no call to the label model,
    and "Consent to contact other agencies" still asks about sharing."""
    labels.clear_caches()
    asked = []
    monkeypatch.setattr(labels.MEANINGS, "similar", lambda text: asked.append(text) or {})
    assert labels.match("Consent", "Consent").field == "consent.family_agrees"
    assert asked == []
    monkeypatch.undo()
    assert labels.match("Consent to contact other agencies").field == (
        "consent.information_sharing"
    )


def test_the_child_s_details_are_no_assessment_domain():
    assert labels.domain_of("Details of the child or young person") is None
    assert labels.domain_of("Domain 1: development of the child or young person") == (
        "assessment.development"
    )


def test_a_continuum_of_need_in_four_steps_named_its_own_way_gives_the_chosen_step_s_place():
    """ "Low | Medium | x High | Acute", as a line of options or as four tick boxes of one
    question: the third of four steps is level 3."""
    written = ReadDocument(kind="docx")
    written.observations = [
        Observation(["Child's first name"], "Maya"),
        Observation(["Threshold level (tick one)"], "Low | Medium | x High | Acute"),
    ]
    assert to_record(written)[0]["threshold_level"] == 3
    boxes = ReadDocument(kind="acroform-pdf")
    boxes.observations = [Observation(["Child's first name"], "Maya")] + [
        Observation([step], step == "High", group="Which level of need applies?")
        for step in ("Low", "Medium", "High", "Acute")
    ]
    assert to_record(boxes)[0]["threshold_level"] == 3


def test_tick_boxes_for_a_thing_and_its_denial_answer_a_yes_or_no_question():
    boxes = ReadDocument(kind="acroform-pdf")
    question = "Has the parent/carer signed to agree to this request?"
    boxes.observations = [Observation(["Child's first name"], "Maya")] + [
        Observation([caption], ticked, group=question)
        for caption, ticked in (("Agreement obtained", False), ("Agreement not obtained", True))
    ]
    assert to_record(boxes)[0]["consent"]["family_agrees"] is False


def test_options_marked_x_or_blank_answer_their_question_as_ticked_boxes_do():
    written = ReadDocument(kind="docx")
    written.observations = [
        Observation(["Child's first name"], "Maya"),
        Observation(
            ["Level on the Windscreen of Need"],
            "_ Band A (universal) / _ Band B (additional) / _ Band C / X Band D (specialist)",
        ),
    ]
    assert to_record(written)[0]["threshold_level"] == 4


# Caches that hold no reading of a form: the process's one model, its OCR command and language.
_PROCESS_WIDE = {"parsers.semantic.encoder", "parsers.ocr._command", "parsers.ocr.language"}


def _remembering(value) -> bool:
    """Does a module's attribute (a cached function, a phrase book or index, or a dict of
    books) still hold anything it worked out from a form?"""
    if hasattr(value, "cache_info"):
        return value.cache_info().currsize > 0
    books = value.values() if isinstance(value, dict) else [value]
    return any(
        getattr(book, cache).cache_info().currsize > 0
        for book in books
        if isinstance(book, labels.PhraseBook | semantic.PhraseIndex)
        for cache in ("_scores", "_closest", "_similar")
        if hasattr(book, cache)
    )


def test_clear_caches_forgets_what_every_reader_remembered_of_labels():
    """The parse benchmarks time a first reading: a cache of labels (or of the phrase books'
    scores) that ``clear_caches`` missed would make the second reading of the same form look
    cheaper than a new council's first form is."""
    parse_bytes(next(DEV_CORPUS.glob("*-referral-docx.docx")).read_bytes())
    labels.clear_caches()
    remembering = [
        f"{name}.{attribute}"
        for name, module in sorted(sys.modules.items())
        if name.startswith("parsers.")
        for attribute, value in vars(module).items()
        if f"{name}.{attribute}" not in _PROCESS_WIDE and _remembering(value)
    ]
    assert remembering == []
