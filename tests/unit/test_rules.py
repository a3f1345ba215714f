"""One case per rule of service/rules/*.yaml: complete records pass, each gap is named."""

import copy

import pytest

from record import Pathway, load_record
from service.rules import RulesError, load_rulebook
from service.rules.engine import DEFAULT_RULES_DIR
from tests.support.records import SPECIALIST

HARM_ITEMS = [
    "nature",
    "severity",
    "duration",
    "frequency",
    "impact",
    "unusual_elements",
    "parental_capacity",
    "family_environment_factors",
    "care_given",
    "comparison_similar_child",
    "noteworthy",
]
CHILDRENS_SERVICES = ["early_help", "section_17", "section_47"]  # seed 002 "Basic Details"
THRESHOLD = {"early_help": 3, "section_17": 4, "section_47": 4}
LEVEL4_EVIDENCE = "Three admissions in eight weeks despite a TAC plan and weekly nurse visits."


@pytest.fixture(scope="module")
def rules():
    return load_rulebook()


@pytest.fixture
def complete(example_record_data):
    """A record complete for ``pathway``, built from the contract's example."""

    def build(pathway: str) -> dict:
        data = copy.deepcopy(example_record_data)
        data["pathway"] = pathway
        data.pop("threshold_level")
        data["referral"]["level4_evidence"] = LEVEL4_EVIDENCE  # the example has none
        if pathway == "section_47":
            data["harm"] = {
                item: f"The {item.replace('_', ' ')} of the harm." for item in HARM_ITEMS
            }
            data["consent"] = {"family_informed": True}
        return data

    return build


def missing_fields(rules, data: dict) -> list[str]:
    return [m.field for m in rules.check(load_record(data)).missing]


def without(data: dict, path: str) -> dict:
    data = copy.deepcopy(data)
    *parents, last = path.split(".")
    target = data
    for part in parents:
        target = target[part]
    del target[last]
    return data


@pytest.mark.parametrize("pathway", [p.value for p in Pathway])
def test_a_complete_record_is_complete_on_every_pathway(rules, complete, pathway):
    result = rules.check(load_record(complete(pathway)))
    assert result.complete, result.missing
    assert result.as_dict()["missing"] == []


def assert_only_missing(rules, data: dict, path: str, message: str) -> None:
    result = rules.check(load_record(data))
    assert [(m.field, m.message.startswith(message)) for m in result.missing] == [(path, True)]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("child.first_name", "Enter the child's first name"),
        ("child.last_name", "Enter the child's last name"),
        ("child.date_of_birth", "Enter the child's date of birth, or the expected date of birth"),
        ("referrer.name", "Enter the referrer's name"),
        ("referrer.agency", "Enter the referrer's agency or organisation"),
    ],
)
@pytest.mark.parametrize("pathway", [p.value for p in Pathway])
def test_every_pathway_names_the_child_and_the_referrer(rules, complete, pathway, path, message):
    assert_only_missing(rules, without(complete(pathway), path), path, message)


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("household_members", "List the members of the child's household"),
        ("referral.facts", "Write the facts on their own"),
        ("referral.opinions", "Write the opinions apart from the facts, saying whose opinion"),
        ("referral.what_has_been_done", "Say what has already been done"),
        ("referral.conversations", "Say what conversations have taken place"),
        ("referral.child_views", "Record the child's views in their own words"),
        ("referral.request", "Say what the referral is asking for"),
    ],
)
@pytest.mark.parametrize("pathway", CHILDRENS_SERVICES)
def test_childrens_services_referrals_name_each_missing_basic_detail(
    rules, complete, pathway, path, message
):
    assert_only_missing(rules, without(complete(pathway), path), path, message)


def test_early_help_is_told_to_name_the_areas_it_needs_support_with(rules, complete):
    [problem] = rules.check(
        load_record(without(complete("early_help"), "referral.request"))
    ).missing
    assert "areas you need support with" in problem.message


@pytest.mark.parametrize("item", ["name", "relationship", "parental_responsibility"])
@pytest.mark.parametrize("pathway", CHILDRENS_SERVICES)
def test_every_household_member_needs_full_details(rules, complete, pathway, item):
    data = complete(pathway)
    del data["household_members"][1][item]  # the first member stays complete
    assert_only_missing(rules, data, "household_members", "Give each household member's full name")


def test_a_household_members_date_of_birth_is_not_required(rules, complete):
    """A date cannot be answered "not known", and a guessed one would not be accurate."""
    data = complete("section_17")
    for member in data["household_members"]:
        del member["date_of_birth"]
    assert missing_fields(rules, data) == []


def test_no_parental_responsibility_is_an_answer(rules, complete):
    data = complete("section_17")
    assert data["household_members"][1]["parental_responsibility"] is False
    assert missing_fields(rules, data) == []


def test_section_17_needs_the_evidence_for_a_level_4_intervention(rules, complete):
    data = without(complete("section_17"), "referral.level4_evidence")
    assert_only_missing(
        rules, data, "referral.level4_evidence", "Set out your evidence that the child's needs"
    )
    assert "risk assessment or screening tool" in rules.check(load_record(data)).missing[0].message


@pytest.mark.parametrize("pathway", ["early_help", "section_47", *SPECIALIST])
def test_only_section_17_asks_for_level_4_evidence(rules, complete, pathway):
    assert missing_fields(rules, without(complete(pathway), "referral.level4_evidence")) == []


def test_section_17_needs_no_risk_assessment_or_screening_tool_unless_one_was_used(rules, complete):
    data = complete("section_17")
    assert {a["kind"] for a in data["attachments"]}.isdisjoint(
        {"risk_assessment", "screening_tool"}
    )
    assert missing_fields(rules, data) == []


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("referral.request", "Say what you are asking the specialist service to do"),
        ("referral.conversations", "Say when you discussed this request with the receiving"),
    ],
)
@pytest.mark.parametrize("pathway", SPECIALIST)
def test_specialist_requests_need_the_request_discussed_with_the_receiving_service(
    rules, complete, pathway, path, message
):
    assert_only_missing(rules, without(complete(pathway), path), path, message)


@pytest.mark.parametrize(
    "path",
    [
        "household_members",
        "referral.facts",
        "referral.opinions",
        "referral.what_has_been_done",
        "referral.child_views",
        "attachments",
        "assessment",
        "lead_professional",
    ],
)
@pytest.mark.parametrize("pathway", SPECIALIST)
def test_specialist_requests_do_not_need_what_seed_000_does_not_ask(rules, complete, pathway, path):
    assert missing_fields(rules, without(complete(pathway), path)) == []


def test_an_unborn_child_is_identified_by_the_expected_date_of_birth(rules, complete):
    data = without(complete("section_17"), "child.date_of_birth")
    data["child"]["expected_date_of_birth"] = "2027-02-01"
    assert missing_fields(rules, data) == []


def test_referrer_can_be_contacted_by_phone_or_by_email(rules, complete):
    data = complete("early_help")
    assert missing_fields(rules, without(data, "referrer.phone")) == []
    assert missing_fields(rules, without(data, "referrer.email")) == []
    neither = without(without(data, "referrer.phone"), "referrer.email")
    assert missing_fields(rules, neither) == ["referrer.phone"]


@pytest.mark.parametrize(
    ("born", "flagged"),
    [
        ("2007-11-03", False),
        ("2006-11-02", True),
        ("2001-01-01", True),
        ("2026-11-01", False),
        ("2026-12-25", True),
    ],
    ids=["19 and a day short of 20", "20 on the day", "25", "a day old", "born after the referral"],
)
def test_child_must_be_from_pre_birth_to_19_on_the_referral_date(rules, complete, born, flagged):
    data = complete("section_17")
    data["child"]["date_of_birth"] = born  # referral date is 2026-11-02
    assert missing_fields(rules, data) == (["child.date_of_birth"] if flagged else [])


def test_a_child_born_after_the_referral_is_told_to_use_the_expected_date(rules, complete):
    data = complete("section_17")
    data["child"]["date_of_birth"] = "2027-01-10"
    [problem] = rules.check(load_record(data)).missing
    assert "expected date of birth" in problem.message


@pytest.mark.parametrize("kind", ["early_help_assessment", "early_help_plan"])
def test_early_help_needs_both_the_assessment_and_the_plan(rules, complete, kind):
    data = without(complete("early_help"), "assessment")
    data["attachments"] = [a for a in data["attachments"] if a["kind"] != kind]
    assert missing_fields(rules, data) == [f"attachments.{kind}"]


def test_early_help_assessment_done_here_stands_for_the_attached_one(rules, complete):
    data = complete("early_help")
    data["attachments"] = []
    data["assessment"] = {
        "development": {"health": "Asthma."},
        "parenting": {"basic_care": "Good."},
        "family_environment": {"housing": "Overcrowded."},
        "actions": "School nurse to review inhaler use by March.",
    }
    assert missing_fields(rules, data) == []
    del data["assessment"]["parenting"]
    assert missing_fields(rules, data) == ["attachments.early_help_assessment"]
    del data["assessment"]["actions"]
    assert missing_fields(rules, data) == [
        "attachments.early_help_assessment",
        "attachments.early_help_plan",
    ]


@pytest.mark.parametrize("pathway", ["early_help", "section_17"])
def test_family_must_agree_on_early_help_and_section_17(rules, complete, pathway):
    unanswered = without(complete(pathway), "consent.family_agrees")
    assert missing_fields(rules, unanswered) == ["consent.family_agrees"]
    refused = complete(pathway)
    refused["consent"]["family_agrees"] = False
    [problem] = rules.check(load_record(refused)).missing
    assert problem.field == "consent.family_agrees" and problem.message.startswith(
        "The family must agree"
    )


@pytest.mark.parametrize(
    "attachments",
    [
        [{"kind": "early_help_assessment"}, {"kind": "early_help_plan"}],
        [{"kind": "ehcp", "filename": "EHCP.pdf"}],
        [{"kind": "other", "filename": "Multi-agency assessment and plan.pdf"}],
    ],
    ids=["early help assessment and plan", "EHCP", "other multi-agency assessment and plan"],
)
def test_section_17_accepts_each_alternative_assessment_and_plan(rules, complete, attachments):
    data = complete("section_17")
    data["attachments"] = attachments
    assert missing_fields(rules, data) == []


@pytest.mark.parametrize(
    "attachments",
    [[], [{"kind": "early_help_assessment"}], [{"kind": "risk_assessment"}]],
    ids=["nothing", "assessment without its plan", "a risk assessment alone"],
)
def test_section_17_without_an_assessment_and_plan_is_incomplete(rules, complete, attachments):
    data = complete("section_17")
    data["attachments"] = attachments
    [problem] = rules.check(load_record(data)).missing
    assert problem.field == "attachments.early_help_assessment"
    assert "EHCP" in problem.message


@pytest.mark.parametrize("item", HARM_ITEMS)
def test_section_47_names_each_missing_harm_item(rules, complete, item):
    assert missing_fields(rules, without(complete("section_47"), f"harm.{item}")) == [
        f"harm.{item}"
    ]


def test_section_47_frequency_message_is_one_a_practitioner_can_act_on(rules, complete):
    [problem] = rules.check(load_record(without(complete("section_47"), "harm.frequency"))).missing
    assert problem.message == "Say how often the harm has happened (frequency)"


def test_section_47_asks_about_disability(rules, complete):
    assert missing_fields(rules, without(complete("section_47"), "child.disability")) == [
        "child.disability"
    ]


def test_section_47_needs_no_family_agreement_but_a_recorded_decision_to_inform(rules, complete):
    data = complete("section_47")
    assert "family_agrees" not in data["consent"]
    assert missing_fields(rules, data) == []
    assert missing_fields(rules, without(data, "consent.family_informed")) == [
        "consent.family_informed"
    ]


def test_section_47_not_telling_the_family_needs_a_reason(rules, complete):
    data = complete("section_47")
    data["consent"] = {"family_informed": False}
    assert missing_fields(rules, data) == ["consent.decision_reason"]
    data["consent"]["decision_reason"] = (
        "Telling the father would put the child at risk of further harm."
    )
    assert missing_fields(rules, data) == []


@pytest.mark.parametrize("pathway", SPECIALIST)
@pytest.mark.parametrize("answer", [None, False])
@pytest.mark.parametrize("item", ["family_agrees", "information_sharing"])
def test_specialist_requests_need_agreement_and_consent_to_share(
    rules, complete, pathway, answer, item
):
    data = complete(pathway)
    data["consent"][item] = answer
    assert missing_fields(rules, data) == [f"consent.{item}"]


@pytest.mark.parametrize("pathway", ["early_help", "section_17", "section_47", *SPECIALIST])
def test_no_false_flags_on_a_minimal_complete_record(rules, complete, pathway):
    """Nothing beyond what the guidance asks: a record with only the required answers passes."""
    full = complete(pathway)
    minimal = {
        "pathway": pathway,
        "child": {"first_name": "Maya", "last_name": "Okafor", "date_of_birth": "2014-03-09"},
        "referrer": {
            "name": "Priya Shah",
            "agency": "Chiltern Community Health",
            "email": "p@example.nhs.uk",
        },
        "referral": {"request": "Help.", "conversations": "Spoke to mother on 30 Oct."},
    }
    if pathway in CHILDRENS_SERVICES:
        minimal["household_members"] = [
            {"name": "Grace Okafor", "relationship": "mother", "parental_responsibility": True}
        ]
        minimal["referral"].update(
            facts="Attendance 71%.",
            opinions="The nurse thinks mother is overwhelmed.",
            child_views="I like school.",
            what_has_been_done="TAC met.",
        )
    if pathway == "section_17":
        minimal["referral"]["level4_evidence"] = LEVEL4_EVIDENCE
    if pathway in ("early_help", "section_17"):
        minimal["attachments"] = full["attachments"]
        minimal["consent"] = {"family_agrees": True}
    if pathway == "section_47":
        minimal["harm"] = full["harm"]
        minimal["child"]["disability"] = "None known"
        minimal["consent"] = {"family_informed": True}
    if pathway in SPECIALIST:
        minimal["consent"] = {"family_agrees": True, "information_sharing": True}
    assert missing_fields(rules, minimal) == []


@pytest.mark.parametrize(("pathway", "level"), THRESHOLD.items())
def test_threshold_level_that_disagrees_with_the_pathway_is_warned_not_blocked(
    rules, complete, pathway, level
):
    data = complete(pathway)
    data["threshold_level"] = level
    assert rules.check(load_record(data)).warnings == []
    data["threshold_level"] = 2
    result = rules.check(load_record(data))
    assert result.complete
    [warning] = result.warnings
    assert warning.startswith(
        f"Threshold level 2 does not match this pathway, which is for Level {level}"
    )


class TestBrokenRulesFiles:
    @pytest.fixture
    def folder(self, tmp_path):
        for source in DEFAULT_RULES_DIR.glob("*.yaml"):
            (tmp_path / source.name).write_text(source.read_text())
        return tmp_path

    @pytest.mark.parametrize(
        ("change", "problem"),
        [
            (
                ("field: harm.severity", "field: harm.sevrity"),
                "rule 2 names 'harm.sevrity', which is not a record field",
            ),
            (("applies_to: [section_47]", "applies_to: [section_48]"), "applies_to"),
            (("    message: Say how often", "    mesage: Say how often"), "rules.3"),
            (
                ("  - field: harm.nature\n", "  - field: harm.nature\n    any_of: []\n"),
                "exactly one of",
            ),
            (("rules:\n", "rules:\n  - [unclosed\n"), "is not valid YAML"),
        ],
        ids=["unknown field", "unknown pathway", "misspelt key", "two kinds at once", "bad YAML"],
    )
    def test_a_broken_file_is_refused_naming_the_file_and_the_problem(
        self, folder, change, problem
    ):
        path = folder / "section_47.yaml"
        old, new = change
        assert old in path.read_text()
        path.write_text(path.read_text().replace(old, new, 1))
        with pytest.raises(RulesError) as caught:
            load_rulebook(folder)
        assert str(caught.value).startswith(f"{path}:")
        assert problem in str(caught.value)

    def test_an_empty_folder_is_refused(self, tmp_path):
        with pytest.raises(RulesError, match="no rules files"):
            load_rulebook(tmp_path)

    def test_an_authority_can_add_a_rule_without_touching_code(self, folder, complete):
        path = folder / "section_17.yaml"
        extra_rule = "  - field: child.school_or_setting\n    message: Name the child's school\n"
        path.write_text(path.read_text() + extra_rule)
        data = without(complete("section_17"), "child.school_or_setting")
        assert missing_fields(load_rulebook(folder), data) == ["child.school_or_setting"]

    def test_a_rule_through_a_list_asks_it_of_every_item_and_of_at_least_one(
        self, folder, complete
    ):
        path = folder / "section_17.yaml"
        extra_rule = "  - field: household_members.date_of_birth\n    message: Give every date\n"
        path.write_text(path.read_text() + extra_rule)
        rules = load_rulebook(folder)
        data = complete("section_17")
        assert missing_fields(rules, data) == []
        del data["household_members"][1]["date_of_birth"]
        assert missing_fields(rules, data) == ["household_members.date_of_birth"]
        data["household_members"] = []
        assert missing_fields(rules, data) == [
            "household_members",
            "household_members.date_of_birth",
        ]
