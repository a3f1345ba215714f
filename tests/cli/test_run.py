"""`make run`'s last step, for real: the served app, driven over HTTP as a person would."""

import http.cookiejar
import io
import re
import socket
import subprocess
import time
import urllib.parse
import urllib.request

import docx
import pytest
from bs4 import BeautifulSoup

from tests.views.conftest import form_values


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class HttpBrowser:
    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def open(self, path: str, fields: dict | None = None) -> tuple[str, bytes]:
        data = urllib.parse.urlencode(fields, doseq=True).encode() if fields is not None else None
        with self.opener.open(self.base + path, data, timeout=60) as response:
            return response.geturl()[len(self.base) :], response.read()

    def submit(self, path: str, answers: dict) -> tuple[str, BeautifulSoup]:
        _, html = self.open(path)
        fields = form_values(BeautifulSoup(html, "html.parser").select_one("main form"))
        fields.update({k: v if isinstance(v, list) else [v] for k, v in answers.items()})
        url, html = self.open(path, fields)
        return url, BeautifulSoup(html, "html.parser")


@pytest.fixture
def served(frontdoor):
    assert frontdoor("db", "upgrade").returncode == 0
    demo = frontdoor("seed-demo")
    logins = {
        role: (email, pw)
        for role, email, pw in re.findall(r"^\s+(\w+)\s+(\S+)\s+(\S+)$", demo.stdout, re.M)
    }
    port = free_port()
    server = subprocess.Popen(
        [str(frontdoor.command), "run", "--host", "127.0.0.1", "--port", str(port)],
        env=frontdoor.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
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
    yield base, logins
    server.terminate()
    server.wait(timeout=10)


def test_demo_practitioner_signs_in_submits_a_section_17_referral_and_downloads_the_letter(served):
    base, logins = served
    browser = HttpBrowser(base)
    url, html = browser.open("/")
    assert url == "/sign-in?next=/"
    email, password = logins["practitioner"]
    url, page = browser.submit("/sign-in", {"email": email, "password": password})
    assert url == "/" and page.h1.text.strip() == "Referrals"

    url, page = browser.submit(
        "/referrals/new/section-17",
        {
            "child-first_name": "Amara",
            "child-last_name": "Adeyemi",
            "child-date_of_birth": ["4", "7", "2012"],
            "household_members-0-name": "Funmi Adeyemi",
            "household_members-0-relationship": "Mother",
            "household_members-0-date_of_birth": ["1", "2", "1985"],
            "household_members-0-parental_responsibility": "yes",
            "referral-reason_summary": "Neglect concerns.",
            "referral-request": "Child in Need assessment",
            "consent-family_agrees": "yes",
            "submit": "Submit referral",
        },
    )
    assert re.fullmatch(r"/referrals/\d+", url), page.select_one(".govuk-error-summary")
    form = page.select_one("form[action$='/letter']")
    url, html = browser.open(form["action"], form_values(form))
    page = BeautifulSoup(html, "html.parser")
    assert page.select_one("#documents .govuk-tag").text.strip() == "Ready"
    _, content = browser.open(page.select_one("#documents a")["href"])
    letter = docx.Document(io.BytesIO(content))
    text = "\n".join(c.text for t in letter.tables for r in t.rows for c in r.cells)
    for expected in ["Amara Adeyemi", "4 July 2012", "Priya Shah", "Funmi Adeyemi", "mother"]:
        assert expected in text, expected
