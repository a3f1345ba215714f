import pytest

from parsers import normalise


@pytest.mark.parametrize(
    "written",
    [
        "09/03/2014",
        "9/3/2014",
        "09.03.14",
        "9-3-2014",
        "9 March 2014",
        "9th Mar 2014",
        "March 9, 2014",
        "2014-03-09",
        "09 03 2014",
        "Sunday 9 March 2014"[7:],
        "09-Mar-2014",
        "9/Mar/14",
        "9th of March 2014",
        "Sunday, 9th March 2014",
        "Sun 09/03/2014",
        "2014/03/09",
        "9 March, 2014",
        "9 Mar '14",
        "09/03/’14",
    ],
)
def test_dates_as_councils_write_them(written):
    assert normalise.date(written) == "2014-03-09"


@pytest.mark.parametrize("written", ["31/02/2014", "13/13/2013", "soon", "", None, "2014"])
def test_what_is_not_a_date_is_not_guessed(written):
    assert normalise.date(written) is None


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("hp65ab", "HP6 5AB"),
        ("HP6  5AB", "HP6 5AB"),
        ("sw1a 1aa", "SW1A 1AA"),
        ("GL9H 9AW", "GL9H 9AW"),
    ],
)
def test_postcodes(written, expected):
    assert normalise.postcode(written) == expected


def test_an_address_ending_in_its_postcode_is_split():
    assert normalise.split_postcode("14 Larch Close\nAmersham HP6 5AB") == (
        "14 Larch Close\nAmersham",
        "HP6 5AB",
    )
    assert normalise.address("14 Larch Close\nAmersham") == "14 Larch Close, Amersham"


@pytest.mark.parametrize(
    "written",
    [
        "12 High Street, Wycombe. HP11 2AB",
        "12 High Street, Wycombe. Postcode: HP11 2AB",
        "12 High Street, Wycombe (HP11 2AB)",
        "12 High Street, Wycombe, HP11-2AB",
        "12 High Street, Wycombe, HP11 2AB, UK",
        "12 High Street, Wycombe;HP11 2AB",
        "12 High Street, Wycombe – HP11 2AB",
    ],
)
def test_a_postcode_is_parted_from_the_address_however_it_is_set_off(written):
    assert normalise.split_postcode(written) == ("12 High Street, Wycombe", "HP11 2AB")


def test_an_abbreviations_full_stop_stays_before_the_postcode():
    assert normalise.split_postcode("12 High St. HP11 2AB") == ("12 High St.", "HP11 2AB")


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("OKAFOR, Maya", "Maya Okafor"),
        ("Maya Okafor", "Maya Okafor"),
        ("Okafor, Maya Rose", "Maya Rose Okafor"),
    ],
)
def test_surname_first_names_are_turned_round(written, expected):
    assert normalise.person_name(written) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Tel: 01494 586303", "01494 586303"),
        ("01494-586303", "01494 586303"),
        ("+44 1494 586303", "+44 1494 586303"),
        ("n/a", None),
    ],
)
def test_phone_numbers(written, expected):
    assert normalise.phone(written) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("☒ Yes   ☐ No", True),
        ("☐ Yes ☒ No", False),
        ("☐ Yes ☐ No", None),
        ("Yes", True),
        ("N", False),
        ("maybe", None),
        (True, True),
    ],
)
def test_yes_no_answers_and_ticked_boxes(written, expected):
    assert normalise.yes_no(written) is expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("M", "male"),
        ("f", "female"),
        ("Girl", "female"),
        ("Female", "female"),
        ("Non-binary", "non-binary"),
    ],
)
def test_gender_letters_and_words_are_the_record_s_words(written, expected):
    assert normalise.gender(written) == expected


@pytest.mark.parametrize(
    ("written", "ticked"),
    [
        ("S.17 CHILD IN NEED ⬛   CAMHS ⬜", "S.17 CHILD IN NEED"),
        ("○ Early Help ◉ Section 47", "Section 47"),
        ("◻ Low ◼ High", "High"),
        ("Child in Need [✘]  Disabled children [☐]", "Child in Need"),
        ("CAMHS [⬜]  Substance misuse [⬛]", "Substance misuse"),
        ("TARGETED EARLY HELP x   S.17 CHILD IN NEED   YOUTH JUSTICE", "TARGETED EARLY HELP"),
        ("TIER 2 – TARGETED ◇   TIER 3 – COMPLEX ◆", "TIER 3 – COMPLEX"),
        ("LEVEL 3 – INTENSIVE ✘ LEVEL 4 – SPECIALIST ☐", "LEVEL 3 – INTENSIVE"),
        ("Targeted Early Help service ✓     s.17 child in need", "Targeted Early Help service"),
        ("Early Help     ✓ Child in need     CAMHS", "Child in need"),
    ],
)
def test_filled_squares_and_radio_rings_are_tick_boxes(written, ticked):
    assert [caption for on, caption in normalise.ticks(written) if on] == [ticked]


def test_tick_boxes_keep_their_captions():
    assert normalise.ticks("☐ Level 1 Universal ☑ Level 3 Targeted") == [
        (False, "Level 1 Universal"),
        (True, "Level 3 Targeted"),
    ]


@pytest.mark.parametrize(
    ("written", "answer"),
    [
        ("[X] Yes [ ] No", True),
        ("[ ] Yes [x] No", False),
        ("Yes (x)  No ( )", True),
        ("Yes ☒ No ☐", True),
        ("Yes X   No", True),
        ("Yes   No X", False),
        ("Yes ✓ No", True),
        ("Y", True),
        ("n", False),
        ("Yes - discussed with mum", True),
        ("No, not yet", False),
        ("Not known", None),
        ("Y/N", None),
        ("[ ] Yes [ ] No", None),
        ("✗", False),
        ("✓", True),
        ("Yes ☒", True),
        ("Yes ✘ No", True),
        ("Yes   No ✘", False),
        ("☐ Yes ✘ No", False),
    ],
)
def test_yes_and_no_marked_any_way(written, answer):
    assert normalise.yes_no(written) is answer


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("Jane Smith, Birth date 01/02/1985, has PR", "1985-02-01"),
        ("born 9th Mar 2014 in Leeds", "2014-03-09"),
        ("(DOB 2014-03-09)", "2014-03-09"),
        ("March 9, 2014", "2014-03-09"),
        ("Mother, born 9 Mar '14", "2014-03-09"),
    ],
)
def test_a_date_written_inside_a_sentence_is_found(written, iso):
    assert normalise.find_date(written)[0] == iso


@pytest.mark.parametrize(
    ("written", "alone"),
    [
        ("09/03/2014", True),
        ("priya.shah@example.nhs.uk", True),
        ("01494 586000", True),
        ("HP6 5AB", True),
        ("Seen at home on 09/03/2014 with her mother.", False),
        ("No", False),
    ],
)
def test_an_answer_that_is_only_a_date_email_phone_or_postcode_says_so(written, alone):
    """Such an answer fits only the field of its kind, never a name or a narrative."""
    assert normalise.says_what_it_is(written) is alone


@pytest.mark.parametrize(
    "written",
    [
        "▫ Level 1 – Universal\n▪ Level 3 – Targeted\n▫ Level 4 – Statutory",
        "_ Level 1 – Universal\nX Level 3 – Targeted\n_ Level 4 – Statutory",
        "◯ Level 1 – Universal\n● Level 3 – Targeted\n◯ Level 4 – Statutory",
    ],
)
def test_options_a_line_each_with_the_chosen_one_marked(written):
    assert normalise.ticks(written) == [
        (False, "Level 1 – Universal"),
        (True, "Level 3 – Targeted"),
        (False, "Level 4 – Statutory"),
    ]


def test_an_x_that_starts_every_line_is_no_tick_without_a_blank_beside_it():
    assert normalise.ticks("X-ray booked\nX marks the spot") == []


def test_a_list_bulleted_with_small_squares_is_no_row_of_ticked_boxes():
    assert not normalise.has_boxes("▪ Chronology (chronology.pdf)\n▪ GP letter (gp.pdf)")
    assert normalise.ticks("▪ Chronology\n▪ GP letter") == []


def test_an_email_address_wrapped_across_the_lines_of_a_narrow_box_is_joined_up():
    assert normalise.email("louise.fairb airn@exam ple.org.uk") == "louise.fairbairn@example.org.uk"
    assert normalise.email("Email: jo@example.org, tel 01632 960000") == "jo@example.org"
    assert normalise.email("no address @ all here") is None
    assert normalise.email("emeka.nwosu@example.or g.uk") == "emeka.nwosu@example.org.uk"
    assert normalise.email("jo@example.org tel") == "jo@example.org"
    assert normalise.email("Jane Smith jane.smith@example.org") == "jane.smith@example.org"


@pytest.mark.parametrize(
    "written",
    ["_ female / x male / _ not stated", "□ Female / ⊠ Male / □ Not stated", "_ Female | X Male"],
)
def test_options_side_by_side_parted_by_slashes_or_bars_with_one_marked(written):
    assert [caption.lower() for ticked, caption in normalise.ticks(written) if ticked] == ["male"]


@pytest.mark.parametrize(
    ("written", "answer"),
    [
        ("▪ Agreement obtained\n▫ Agreement not obtained", True),
        ("Sharing agreed: ▫ Sharing not agreed: ▪", False),
        ("☒ Yes, consent to share given ☐ No, consent to share refused", True),
        ("☒ Agreement obtained ☐ Agreement pending", None),  # no option denies the other
    ],
)
def test_a_thing_and_its_denial_as_two_options_answer_yes_or_no(written, answer):
    assert normalise.yes_no(written) is answer
