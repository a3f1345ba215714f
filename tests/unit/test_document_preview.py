"""A generated document read as a page: its headings below the page's own, its tables with
header cells (column headers from the header row, row headers in a table of facts), and every
answer escaped, however it was typed."""

import copy

from bs4 import BeautifulSoup

from record import load_record
from service.documents import preview
from service.documents.render import render_docx


def page_of(record_data: dict, document: str = "referral_letter") -> BeautifulSoup:
    docx = render_docx(document, load_record(record_data))
    return BeautifulSoup(str(preview.html_of(docx)), "html.parser")


def test_headings_sit_below_the_pages_own_and_tables_have_header_cells(app, full_record_data):
    page = page_of(full_record_data)
    assert not page.select("h1")  # the page's own heading names the document
    assert page.select_one("h2").get_text() == "Referral: Section 47 Child Protection"
    assert [h.get_text() for h in page.select("h3")][:2] == ["1. The child", "2. Household members"]
    child, household = page.select("table")[:2]
    assert [th["scope"] for th in child.select("th")] == ["row"] * len(child.select("tr"))
    assert child.select_one("th").get_text() == "Name"
    assert child.select_one("td").get_text() == "Leo Brennan"
    columns = [th.get_text() for th in household.select("thead th")]
    assert columns[:2] == ["Name", "Relationship to the child"]
    assert all(th["scope"] == "col" for th in household.select("thead th"))
    assert household.select("tbody td")[0].get_text() == "Kerry Brennan"
    assert "govuk-table" in household["class"]


def test_an_answer_with_markup_is_shown_as_typed_never_run(app, full_record_data):
    record = copy.deepcopy(full_record_data)
    record["child"]["school_or_setting"] = '<script>alert("x")</script> & <b>Park</b>'
    page = page_of(record)
    assert not page.select("script") and not page.select("b")
    assert '<script>alert("x")</script> & <b>Park</b>' in page.get_text()


def test_every_document_reads_as_a_page(app, full_record_data):
    for document in ("tac_plan", "outcome_feedback"):
        page = page_of(full_record_data, document)
        assert page.select("h2") and page.select("p.govuk-body")
