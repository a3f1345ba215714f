"""Fields named by their dotted paths: one way to read, write and take them out of a record."""

from record.paths import get_path, remove_path, set_path


def test_a_path_reads_through_objects_and_numbered_list_items():
    record = {"child": {"first_name": "Maya"}, "household_members": [{"name": "Ada Okafor"}]}
    assert get_path(record, "child.first_name") == "Maya"
    assert get_path(record, "household_members.0.name") == "Ada Okafor"
    assert get_path(record, "household_members.1.name") is None
    assert get_path(record, "child.first_name.initial") is None
    assert get_path(record, "harm.severity") is None


def test_writing_a_path_makes_the_objects_above_it():
    record: dict = {"child": {"first_name": "Maya"}}
    set_path(record, "child.last_name", "Okafor")
    set_path(record, "consent.young_person_competence.competent", True)
    assert record == {
        "child": {"first_name": "Maya", "last_name": "Okafor"},
        "consent": {"young_person_competence": {"competent": True}},
    }


def test_taking_out_a_path_says_whether_there_was_anything_there():
    record = {
        "child": {"first_name": "Maya", "gender": None},
        "household_members": [{"name": "Ada"}, {"name": "Sam"}],
    }
    assert remove_path(record, "child.gender") is True  # a value the model refused, even None
    assert remove_path(record, "household_members.0") is True
    assert remove_path(record, "child.gender") is False
    assert remove_path(record, "harm.severity") is False
    assert remove_path(record, "household_members.5") is False
    assert record == {"child": {"first_name": "Maya"}, "household_members": [{"name": "Sam"}]}
