"""A browser-like client for the view tests: reads pages as a person would (one main heading, no
id used twice) and submits forms with what they show; and a practitioner's way through a
referral's question pages; signed in as a given user, starting a CAF, a referral's status
as its page shows it."""

from bs4 import BeautifulSoup

from tests.support.app import PASSWORD


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
    for select in form.select("select[name]"):
        chosen = select.select_one("option[selected]") or select.select_one("option")
        if chosen is not None:
            values[select["name"]] = [chosen.get("value", chosen.text)]
    return values


def error_targets(page) -> list:
    """What each link in the error summary leads to: the element with its id (None if none)."""
    links = page.select(".govuk-error-summary a")
    return [page.find(id=link["href"].removeprefix("#")) for link in links]


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


class Journey:
    """A practitioner working through a referral's question pages."""

    def __init__(self, browser: Browser, pathway: str):
        self.browser = browser
        response = browser.submit("/referrals/new", {"pathway": pathway})
        assert response.status_code == 302, response.status_code
        self.first_page = response.headers["Location"]
        self.id = int(self.first_page.split("/")[2])

    def url(self, slug: str) -> str:
        return f"/referrals/{self.id}/edit/{slug}"

    def answer(self, slug: str, answers: dict, button=("save", "y"), **kwargs):
        """Open the page, type ``answers`` over what it shows, press ``button``."""
        return self.browser.submit(self.url(slug), answers, button=button, **kwargs)

    def check_page(self) -> BeautifulSoup:
        return self.browser.get(f"/referrals/{self.id}/check")

    def missing(self) -> list[str]:
        return [item["data-field"] for item in self.check_page().select("#missing li")]

    def submit(self):
        token = self.check_page().select_one("input[name=csrf_token]")["value"]
        return self.browser.client.post(f"/referrals/{self.id}/submit", data={"csrf_token": token})


def signed_in_as(app, email: str) -> Browser:
    browser = Browser(app.test_client())
    assert browser.sign_in(email).status_code == 302
    return browser


def start_caf(browser, child: dict) -> Journey:
    journey = Journey(browser, "early_help")
    journey.response = journey.answer("child", child)
    return journey


def status(page) -> str:
    return " ".join(page.select_one("#status").get_text().split())
