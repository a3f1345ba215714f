"""A child's identifiers as they are issued, with their check digits right (record/census.py):
Hypothesis strategies for the API's fuzzing, and the census's tests."""

from hypothesis import strategies as st

from record.census import UPN_LETTERS, nhs_number_problem, upn_problem


def upns() -> st.SearchStrategy[str]:
    """A UPN: a check letter, then 12 digits; the letter that agrees with the digits."""
    digits = st.text("0123456789", min_size=12, max_size=12)
    candidates = digits.map(lambda body: [letter + body for letter in UPN_LETTERS])
    return candidates.map(lambda made: next(u for u in made if upn_problem(u) is None))


def nhs_numbers() -> st.SearchStrategy[str]:
    """An NHS number: 9 digits and the check digit they give (some give none: drawn again)."""
    digits = st.text("0123456789", min_size=9, max_size=9)
    numbered = digits.map(lambda nine: [nine + str(last) for last in range(10)])
    valid = numbered.map(lambda made: [n for n in made if nhs_number_problem(n) is None])
    return valid.filter(bool).map(lambda found: found[0])
