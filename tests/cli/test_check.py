import json

import pytest

from tests.support.app import EXAMPLE_RECORD


def written(tmp_path, data: dict):
    record = tmp_path / "record.json"
    record.write_text(json.dumps(data))
    return record


def with_level4_evidence() -> dict:
    data = json.loads(EXAMPLE_RECORD.read_text())
    data["referral"]["level4_evidence"] = "Three admissions in eight weeks despite a TAC plan."
    return data


def test_the_example_record_lacks_only_the_evidence_for_a_level_4_intervention(frontdoor):
    """Seed 002, Section 17: "Set out your evidence for a Level 4 intervention"."""
    assert "level4_evidence" not in json.loads(EXAMPLE_RECORD.read_text())["referral"]
    result = frontdoor("check", str(EXAMPLE_RECORD))
    assert result.returncode == 1, result.stderr
    output = json.loads(result.stdout)
    assert output["complete"] is False
    assert [m["field"] for m in output["missing"]] == ["referral.level4_evidence"]


def test_the_example_record_with_its_evidence_is_complete(frontdoor, tmp_path):
    result = frontdoor("check", str(written(tmp_path, with_level4_evidence())))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "pathway": "section_17",
        "complete": True,
        "missing": [],
        "warnings": [],
    }


def test_without_the_childs_views_it_is_incomplete_and_names_the_field(frontdoor, tmp_path):
    data = with_level4_evidence()
    del data["referral"]["child_views"]
    result = frontdoor("check", str(written(tmp_path, data)))
    assert result.returncode == 1
    output = json.loads(result.stdout)
    assert output["complete"] is False
    assert output["missing"] == [
        {"field": "referral.child_views", "message": "Record the child's views in their own words"}
    ]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"pathway": ', "not valid JSON"),
        ('{"pathway": "section_99"}', "pathway"),
        ("[]", "JSON object"),
    ],
    ids=["bad JSON", "unknown pathway", "not an object"],
)
def test_invalid_input_exits_2_with_one_line_on_stderr(frontdoor, tmp_path, content, reason):
    record = tmp_path / "record.json"
    record.write_text(content)
    result = frontdoor("check", str(record))
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and reason in result.stderr


def test_a_broken_rules_file_stops_the_command_naming_file_and_problem(frontdoor, tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "section_17.yaml").write_text(
        "applies_to: [section_17]\nrules:\n  - field: child.shoe_size\n    message: x\n"
    )
    frontdoor.env["FRONTDOOR_RULES_DIR"] = str(rules)
    result = frontdoor("check", str(EXAMPLE_RECORD))
    assert result.returncode == 2
    assert f"{rules / 'section_17.yaml'}: rule 1 names 'child.shoe_size'" in result.stderr
