"""A browser-like client: reads pages as a person would and submits forms with what they show."""

import pytest
from bs4 import BeautifulSoup

from tests.conftest import PASSWORD


def form_values(form) -> dict:
    """What a browser would send for ``form``: every named field with the value it shows."""
    values = {}
    for field in form.select("input[name], textarea[name]"):
        kind = field.get("type", "text")
        if kind in ("submit", "file") or field.name == "button":
            continue
        if kind in ("radio", "checkbox") and not field.has_attr("checked"):
            continue
        value = field.text if field.name == "textarea" else field.get("value", "")
        values.setdefault(field["name"], []).append(value)
    return values


class Browser:
    def __init__(self, client):
        self.client = client

    def get(self, url: str, status: int = 200) -> BeautifulSoup:
        response = self.client.get(url)
        assert response.status_code == status, response.status_code
        return self.read(response)

    @staticmethod
    def read(response) -> BeautifulSoup:
        page = BeautifulSoup(response.data, "html.parser")
        assert len(page.select("h1")) == 1, "every page has one main heading"
        ids = [tag["id"] for tag in page.select("[id]")]
        assert len(ids) == len(set(ids)), "no id is used twice on a page"
        return page

    form_values = staticmethod(lambda form: form_values(form))

    def submit(self, url: str, answers: dict, button: tuple[str, str] | None = None, **kwargs):
        """Open ``url``, fill in ``answers`` over what the form shows, press ``button``."""
        page = self.get(url)
        form = page.select_one("main form[method=post]:not([action])") or page.select_one(
            "main form"
        )
        data = self.form_values(form)
        for name, value in answers.items():
            data[name] = value if isinstance(value, list | tuple) else [value]
        if button:
            data[button[0]] = [button[1]]
        return self.client.post(url, data=data, **kwargs)

    def sign_in(self, email: str, password: str = PASSWORD):
        return self.submit("/sign-in", {"email": email, "password": password})


@pytest.fixture
def browser(app):
    return Browser(app.test_client())


@pytest.fixture
def signed_in(browser, practitioner):
    response = browser.sign_in(practitioner.email)
    assert response.status_code == 302
    return browser
