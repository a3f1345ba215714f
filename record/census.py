"""What the DfE's children in need (CIN) census and the Standard Safeguarding Dataset ask of a
child's record, as their codes and titles: ethnicity, the primary need found, the factors an
assessment identified; and the check digits of the identifiers a child may have, the Unique
Pupil Number (UPN) and the NHS number, so that a mistyped one is caught when it is entered."""

import re
from enum import StrEnum

#: the check letter's alphabet (DfE "Unique Pupil Numbers (UPN) guidance"): no I, O or S
UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"
UPN_SHAPE = re.compile(rf"[{UPN_LETTERS}]\d{{11}}[\d{UPN_LETTERS}]")


def upn_problem(upn: str) -> str | None:
    """Why ``upn`` is not a UPN: 13 characters, a check letter, 11 digits, then a digit (or a
    letter, for a temporary one), the check letter agreeing with the rest."""
    if not UPN_SHAPE.fullmatch(upn):
        return "A UPN is 13 characters: a letter, 11 digits, then a digit or letter"
    values = [int(c) if c.isdigit() else UPN_LETTERS.index(c) for c in upn[1:]]
    total = sum(value * weight for weight, value in enumerate(values, 2))
    if UPN_LETTERS[total % 23] != upn[0]:
        return "This UPN's check letter does not match its digits: check it was typed correctly"
    return None


def nhs_number_problem(number: str) -> str | None:
    """Why ``number`` is not an NHS number: 10 digits, the last a modulus 11 check digit."""
    if not re.fullmatch(r"\d{10}", number):
        return "An NHS number is 10 digits, like 943 476 5919"
    total = sum(
        int(digit) * weight for digit, weight in zip(number[:9], range(10, 1, -1), strict=True)
    )
    check = 11 - total % 11
    if check == 10 or (check % 11) != int(number[9]):
        return "This NHS number's check digit does not match: check it was typed correctly"
    return None


class Ethnicity(StrEnum):
    """The census's ethnic categories (DfE "main and extended categories", main codes)."""

    WBRI = "WBRI"
    WIRI = "WIRI"
    WIRT = "WIRT"
    WROM = "WROM"
    WOTH = "WOTH"
    MWBC = "MWBC"
    MWBA = "MWBA"
    MWAS = "MWAS"
    MOTH = "MOTH"
    AIND = "AIND"
    APKN = "APKN"
    ABAN = "ABAN"
    CHNE = "CHNE"
    AOTH = "AOTH"
    BCRB = "BCRB"
    BAFR = "BAFR"
    BOTH = "BOTH"
    OOTH = "OOTH"
    REFU = "REFU"
    NOBT = "NOBT"


ETHNICITY_TITLES = {
    Ethnicity.WBRI: "White: British",
    Ethnicity.WIRI: "White: Irish",
    Ethnicity.WIRT: "White: Traveller of Irish heritage",
    Ethnicity.WROM: "White: Gypsy or Roma",
    Ethnicity.WOTH: "White: any other White background",
    Ethnicity.MWBC: "Mixed: White and Black Caribbean",
    Ethnicity.MWBA: "Mixed: White and Black African",
    Ethnicity.MWAS: "Mixed: White and Asian",
    Ethnicity.MOTH: "Mixed: any other mixed background",
    Ethnicity.AIND: "Asian or Asian British: Indian",
    Ethnicity.APKN: "Asian or Asian British: Pakistani",
    Ethnicity.ABAN: "Asian or Asian British: Bangladeshi",
    Ethnicity.CHNE: "Chinese",
    Ethnicity.AOTH: "Asian or Asian British: any other Asian background",
    Ethnicity.BCRB: "Black or Black British: Caribbean",
    Ethnicity.BAFR: "Black or Black British: African",
    Ethnicity.BOTH: "Black or Black British: any other Black background",
    Ethnicity.OOTH: "Any other ethnic group",
    Ethnicity.REFU: "Refused: the child or family declined to say",
    Ethnicity.NOBT: "Information not yet obtained",
}


class PrimaryNeed(StrEnum):
    """The main reason the child is in need, as the census codes it."""

    N0 = "N0"
    N1 = "N1"
    N2 = "N2"
    N3 = "N3"
    N4 = "N4"
    N5 = "N5"
    N6 = "N6"
    N7 = "N7"
    N8 = "N8"
    N9 = "N9"


PRIMARY_NEED_TITLES = {
    PrimaryNeed.N1: "Abuse or neglect",
    PrimaryNeed.N2: "Child's disability or illness",
    PrimaryNeed.N3: "Parent's disability or illness",
    PrimaryNeed.N4: "Family in acute stress",
    PrimaryNeed.N5: "Family dysfunction",
    PrimaryNeed.N6: "Socially unacceptable behaviour",
    PrimaryNeed.N7: "Low income",
    PrimaryNeed.N8: "Absent parenting",
    PrimaryNeed.N9: "Cases other than children in need",
    PrimaryNeed.N0: "Not stated",
}

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
