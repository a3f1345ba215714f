"""`make run`'s last step, for real: the served app, driven over HTTP as a person would."""

import io
import re
import socket
import subprocess
import time

import docx
import pytest
import requests
from bs4 import BeautifulSoup

from tests.support.browser import form_values


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class HttpBrowser:
    def __init__(self, base: str):
        self.base = base
        self.session = requests.Session()

    def get(self, path: str) -> requests.Response:
        return self.session.get(self.base + path, timeout=60)

    def submit(self, path: str, answers: dict, files=None) -> tuple[str, BeautifulSoup]:
        """Open the page, type ``answers`` over its first form, send it; follow redirects."""
        form = BeautifulSoup(self.get(path).text, "html.parser").select_one("main form")
        fields = form_values(form)
        fields.update({k: v if isinstance(v, list) else [v] for k, v in answers.items()})
        target = form.get("action") or path
        response = self.session.post(self.base + target, data=fields, files=files, timeout=60)
        assert response.status_code == 200, response.status_code
        return response.url[len(self.base) :], BeautifulSoup(response.text, "html.parser")


@pytest.fixture
def served(frontdoor):
    assert frontdoor("db", "upgrade").returncode == 0
    demo = frontdoor("seed-demo")
    rows = re.findall(r"^\s+(\w+)\s+(\S+@\S+)\s+(\S+)$", demo.stdout, re.MULTILINE)
    logins = {role: (email, password) for role, email, password in rows}
    port = free_port()
    server = subprocess.Popen(
        [str(frontdoor.command), "run", "--host", "127.0.0.1", "--port", str(port)],
        env=frontdoor.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=2).close()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail("frontdoor run did not start serving")
            time.sleep(0.2)
    yield f"http://127.0.0.1:{port}", logins
    server.terminate()
    server.wait(timeout=10)


ANSWERS = {
    "child": {"first_name": "Amara", "last_name": "Adeyemi", "date_of_birth": ["4", "7", "2012"]},
    "household": {
        "members-0-name": "Funmi Adeyemi",
        "members-0-relationship": "Mother",
        "members-0-date_of_birth": ["1", "2", "1985"],
        "members-0-parental_responsibility": "yes",
    },
    "concern": {
        "reason_summary": "Neglect concerns.",
        "facts": "Arrives without breakfast most days; weight on the 2nd centile.",
        "opinions": "In the class teacher's opinion, Amara is often too tired to learn.",
        "child_views": "I am hungry at school.",
        "what_has_been_done": "Breakfast club since September.",
        "conversations": "Spoke to mother on 3 November; she asked for help with food.",
        "request": "Child in Need assessment",
        "level4_evidence": "No change after a term of early help; neglect screening tool used.",
    },
    "consent": {"family_agrees": "yes"},
}


def test_demo_practitioner_signs_in_submits_a_section_17_referral_and_downloads_the_letter(served):
    base, logins = served
    browser = HttpBrowser(base)
    assert browser.get("/").url == f"{base}/sign-in?next=/"
    email, password = logins["practitioner"]
    url, page = browser.submit("/sign-in", {"email": email, "password": password})
    assert url == "/" and page.h1.text.strip() == "Referrals"

    url, page = browser.submit("/referrals/new", {"pathway": "section_17"})
    draft = url.rsplit("/edit/", 1)[0]
    for slug, answers in ANSWERS.items():
        browser.submit(f"{draft}/edit/{slug}", {**answers, "save": "y"})
    ehcp = {"ehcp": ("EHCP Adeyemi.pdf", io.BytesIO(b"%PDF-1.4 EHCP"), "application/pdf")}
    browser.submit(f"{draft}/edit/documents", {"save": "y"}, files=ehcp)

    url, page = browser.submit(f"{draft}/check", {})
    assert re.fullmatch(r"/referrals/\d+", url), page.select(".govuk-error-summary li")
    url, page = browser.submit(url, {})  # "Produce document": the referral letter, as Word
    assert page.select_one("#document-versions .govuk-tag").text.strip() == "Ready"
    download = page.select_one("#document-versions a[href$='.docx']")["href"]
    letter = docx.Document(io.BytesIO(browser.get(download).content))
    text = "\n".join(c.text for t in letter.tables for r in t.rows for c in r.cells)
    for expected in ["Amara Adeyemi", "4 July 2012", "Priya Shah", "Funmi Adeyemi", "mother"]:
        assert expected in text, expected
