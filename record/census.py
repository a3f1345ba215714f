"""What the DfE's children in need (CIN) census and the Standard Safeguarding Dataset ask of a
child's record, as their codes and titles: ethnicity, the primary need found, the factors an
assessment identified; and the check digits of the identifiers a child may have, the Unique
Pupil Number (UPN) and the NHS number, so that a mistyped one is caught when it is entered."""

import re
from enum import StrEnum

#: the check letter's alphabet (DfE "Unique Pupil Numbers (UPN) guidance"): no I, O or S
UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"
UPN_SHAPE = re.compile(rf"[{UPN_LETTERS}]\d{{11}}[\d{UPN_LETTERS}]")


def compact(identifier: str) -> str:
    """An identifier as it is kept, however it was written: ``e825 2003 19001`` ->
    ``E825200319001``."""
    return re.sub(r"[\s-]+", "", identifier).upper()


def upn_problem(upn: str) -> str | None:
    """Why ``upn`` (written any way) is not a UPN: 13 characters, a check letter, 11 digits,
    then a digit (or a letter, for a temporary one), the check letter agreeing with the rest."""
    upn = compact(upn)
    if not UPN_SHAPE.fullmatch(upn):
        return "A UPN is 13 characters: a letter, 11 digits, then a digit or letter"
    values = [int(c) if c.isdigit() else UPN_LETTERS.index(c) for c in upn[1:]]
    total = sum(value * weight for weight, value in enumerate(values, 2))
    if UPN_LETTERS[total % 23] != upn[0]:
        return "This UPN's check letter does not match its digits: check it was typed correctly"
    return None


def nhs_number_problem(number: str) -> str | None:
    """Why ``number`` (written any way) is not an NHS number: 10 digits, the last a modulus 11
    check digit."""
    number = compact(number)
    if not re.fullmatch(r"\d{10}", number):
        return "An NHS number is 10 digits, like 943 476 5919"
    total = sum(
        int(digit) * weight for digit, weight in zip(number[:9], range(10, 1, -1), strict=True)
    )
    check = 11 - total % 11
    if check == 10 or (check % 11) != int(number[9]):
        return "This NHS number's check digit does not match: check it was typed correctly"
    return None


#: the census's ethnic categories (DfE "main and extended categories", main codes)
ETHNICITY_TITLES = {
    "WBRI": "White: British",
    "WIRI": "White: Irish",
    "WIRT": "White: Traveller of Irish heritage",
    "WROM": "White: Gypsy or Roma",
    "WOTH": "White: any other White background",
    "MWBC": "Mixed: White and Black Caribbean",
    "MWBA": "Mixed: White and Black African",
    "MWAS": "Mixed: White and Asian",
    "MOTH": "Mixed: any other mixed background",
    "AIND": "Asian or Asian British: Indian",
    "APKN": "Asian or Asian British: Pakistani",
    "ABAN": "Asian or Asian British: Bangladeshi",
    "CHNE": "Chinese",
    "AOTH": "Asian or Asian British: any other Asian background",
    "BCRB": "Black or Black British: Caribbean",
    "BAFR": "Black or Black British: African",
    "BOTH": "Black or Black British: any other Black background",
    "OOTH": "Any other ethnic group",
    "REFU": "Refused: the child or family declined to say",
    "NOBT": "Information not yet obtained",
}


#: the main reason the child is in need, as the census codes it
PRIMARY_NEED_TITLES = {
    "N1": "Abuse or neglect",
    "N2": "Child's disability or illness",
    "N3": "Parent's disability or illness",
    "N4": "Family in acute stress",
    "N5": "Family dysfunction",
    "N6": "Socially unacceptable behaviour",
    "N7": "Low income",
    "N8": "Absent parenting",
    "N9": "Cases other than children in need",
    "N0": "Not stated",
}

Ethnicity = StrEnum("Ethnicity", {code: code for code in ETHNICITY_TITLES})
PrimaryNeed = StrEnum("PrimaryNeed", {code: code for code in PRIMARY_NEED_TITLES})

#: the factors an assessment may identify (census "factors identified at the end of assessment")
ASSESSMENT_FACTOR_TITLES = {
    "1A": "Alcohol misuse: the child",
    "1B": "Alcohol misuse: a parent or carer",
    "1C": "Alcohol misuse: another person in the household",
    "2A": "Drug misuse: the child",
    "2B": "Drug misuse: a parent or carer",
    "2C": "Drug misuse: another person in the household",
    "3A": "Domestic abuse: the child as the subject",
    "3B": "Domestic abuse: a parent or carer as the subject",
    "3C": "Domestic abuse: another person in the household",
    "4A": "Mental health: the child",
    "4B": "Mental health: a parent or carer",
    "4C": "Mental health: another person in the household",
    "5A": "Learning disability: the child",
    "5B": "Learning disability: a parent or carer",
    "5C": "Learning disability: another person in the household",
    "6A": "Physical disability or illness: the child",
    "6B": "Physical disability or illness: a parent or carer",
    "6C": "Physical disability or illness: another person in the household",
    "7A": "Young carer",
    "8B": "Special educational needs",
    "8C": "Privately fostered: overseas child intending to return",
    "8D": "Privately fostered: overseas child intending to stay",
    "8E": "Privately fostered: UK child in education or training",
    "8F": "Privately fostered: any other",
    "9A": "Unaccompanied asylum-seeking child",
    "10A": "Going or being missing",
    "11A": "Child sexual exploitation",
    "12A": "Trafficking",
    "13A": "Gangs",
    "14A": "Socially unacceptable behaviour",
    "15A": "Self-harm",
    "16A": "Abuse or neglect: neglect",
    "17A": "Abuse or neglect: emotional abuse",
    "18B": "Abuse or neglect: physical abuse by an adult",
    "18C": "Abuse or neglect: physical abuse by a child",
    "19B": "Abuse or neglect: sexual abuse by an adult",
    "19C": "Abuse or neglect: sexual abuse by a child",
    "20": "Other",
    "21": "No factors identified",
    "22A": "Female genital mutilation",
    "23A": "Faith- or belief-linked abuse",
    "24A": "Child criminal exploitation",
}

#: a factor an assessment identified, by its census code ("3B": domestic abuse, a parent)
AssessmentFactor = StrEnum("AssessmentFactor", {f"F{c}": c for c in ASSESSMENT_FACTOR_TITLES})
