import json

import pytest

from record import Pathway, RecordError, dump_record, load_record
from tests.support.app import SHARED


def test_example_record_round_trips_unchanged(example_record_data):
    assert dump_record(load_record(example_record_data)) == example_record_data


@pytest.mark.parametrize(
    "expected", sorted((SHARED / "corpus" / "dev").glob("*.expected.json")), ids=lambda p: p.name
)
def test_every_corpus_ground_truth_is_a_valid_record(expected):
    data = json.loads(expected.read_text())
    assert dump_record(load_record(data)) == data


def test_loads_json_text_and_keeps_fields_beyond_the_contract():
    record = load_record('{"pathway": "section_47", "local_reference": "MASH-123"}')
    assert record.pathway is Pathway.SECTION_47
    assert dump_record(record) == {"pathway": "section_47", "local_reference": "MASH-123"}


def test_normalises_values_into_the_contract_formats():
    record = load_record(
        {
            "pathway": "section_17",
            "child": {"first_name": "  Maya   Rose ", "postcode": "hp65ab", "gender": "Female"},
            "referrer": {"email": "Priya.Shah@Example.NHS.uk", "phone": "01494  586000"},
            "referral": {"facts": "  First line.  \n\n\n  Second   line. "},
        }
    )
    data = dump_record(record)
    assert data["child"] == {"first_name": "Maya Rose", "postcode": "HP6 5AB", "gender": "female"}
    assert data["referrer"] == {"email": "priya.shah@example.nhs.uk", "phone": "01494 586000"}
    assert data["referral"]["facts"] == "First line.\nSecond line."


def test_blank_answers_are_left_out_not_written_as_empty():
    data = dump_record(load_record({"pathway": "early_help", "child": {"first_name": "   "}}))
    assert data == {"pathway": "early_help"}


def test_unanswered_yes_no_stays_unanswered_not_false():
    data = dump_record(load_record({"pathway": "early_help", "consent": {"family_agrees": None}}))
    assert "consent" not in data


def test_validation_errors_name_each_bad_field():
    with pytest.raises(RecordError) as caught:
        load_record(
            {
                "pathway": "section_99",
                "threshold_level": 7,
                "child": {"date_of_birth": "09/03/2014"},
                "attachments": [{"kind": "photo"}],
            }
        )
    fields = [problem.split(":")[0] for problem in caught.value.problems]
    assert fields == ["pathway", "threshold_level", "child.date_of_birth", "attachments.0.kind"]


@pytest.mark.parametrize("text", ["{not json", "[1, 2]", '"a string"'])
def test_refuses_what_is_not_a_json_object(text):
    with pytest.raises(RecordError):
        load_record(text)
