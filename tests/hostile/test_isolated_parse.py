"""Every file of the hostile corpus, read as a worker reads it (in a child process with limits):
each is refused with its own reason, quickly, and leaves nothing behind."""

import io

import pdfplumber
import pytest

from parsers import ParseError, isolation
from tests.hostile.corpus import (
    BAD_FILES,
    MISNAMED,
    PASSWD_LINE,
    docx_in,
    incremental_update,
    one_page_pdf,
    pickle_cmap_pdf,
)


@pytest.mark.parametrize("name", BAD_FILES)
def test_each_bad_file_is_refused_with_its_own_reason(name, limits, tmp_path, robustness):
    bad = BAD_FILES[name]
    content = bad.build(tmp_path)
    with pytest.raises(ParseError) as refused:
        isolation.parse_bytes(content, limits)
    reason = str(refused.value)
    robustness.bad_input(f"{name} (isolated read)", rejected=bad.says in reason)
    assert bad.says in reason, reason
    assert PASSWD_LINE not in reason
    assert not (tmp_path / "marker").exists(), "the CMap pickle was never loaded"


@pytest.mark.parametrize("name", MISNAMED)
def test_the_kind_of_file_comes_from_its_content_not_its_name(name, limits, robustness):
    filename, content, kind = MISNAMED[name]()
    result = isolation.parse_bytes(content, limits)
    robustness.bad_input(f"{name} ({filename})", rejected=result.kind == kind)
    assert result.kind == kind
    assert result.record["child"]["first_name"] == "Luke"


def test_pdfminer_as_installed_never_loads_a_pickled_cmap(tmp_path, robustness):
    """pdfminer (under pdfplumber) follows the font's CMap name to the pickle; the pinned
    version (>= 20251230) must refuse it, so the marker the pickle would write never appears."""
    content = pickle_cmap_pdf(tmp_path)
    assert (tmp_path / "evil.pickle.gz").exists()
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        pdf.pages[0].extract_text()
    written = (tmp_path / "marker").exists()
    robustness.bad_input("pickle cmap (pdfminer)", rejected=not written)
    assert not written


def test_a_word_document_written_in_utf_16_is_still_read(limits):
    """The DTD check reads UTF-16 text as text; a plain UTF-16 document is a real one."""
    assert isolation.parse_bytes(docx_in("utf-16"), limits).record["child"]["first_name"] == "Luke"


def test_a_pdf_saved_again_is_read_through_its_chain_of_sections(limits):
    """The /Prev loop check follows a real chain of incremental saves to its end."""
    result = isolation.parse_bytes(incremental_update(one_page_pdf()), limits)
    assert result.record["child"]["first_name"] == "Luke"
