"""Sign-in guards every route, found from the app's own URL map so a new route cannot slip by:
a page sends a stranger to sign in, the JSON API refuses a call without a token (401)."""

import re

import pytest
from werkzeug.routing import Rule

#: what a stranger may open: sign-in, assets, and a referrer's link to their outcome letter
#: (guarded by its token and the e-mail address it was sent to instead; tests/views/test_feedback)
PUBLIC = {
    "sign_in.sign_in",
    "static",
    "govuk_assets.static",
    "feedback.confirm",
    "feedback.letter",
    "feedback.download",
    "api.openapi",  # the API's description: no one's data
}


def guarded_routes(app) -> list[tuple[str, str]]:
    routes = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint in PUBLIC:
            continue
        url = _example_url(rule)
        routes += [(method, url) for method in sorted(rule.methods - {"HEAD", "OPTIONS"})]
    return routes


def _example_url(rule: Rule) -> str:
    """The rule with every id filled in (``/referrals/<int:referral_id>`` -> ``/referrals/1``)."""
    url = re.sub(r"<(?:int(?:\([^)]*\))?:)?\w+>", "1", rule.rule)
    return re.sub(r"<any\((\w+)[^>]*>", r"\1", url)  # <any(docx, pdf):file_type> -> docx


def test_every_route_but_sign_in_redirects_a_stranger_to_sign_in(app, browser):
    routes = guarded_routes(app)
    assert ("POST", "/referrals/1/documents") in routes and ("GET", "/") in routes
    assert ("GET", "/referrals/1/audit.csv") in routes and (
        "POST",
        "/referrals/1/decision",
    ) in routes
    assert ("POST", "/imports/jobs/1/retry") in routes and ("GET", "/imports/batches/1") in routes
    token = browser.get("/sign-in").select_one("input[name=csrf_token]")["value"]
    for method, url in routes:
        response = browser.client.open(url, method=method, data={"csrf_token": token})
        if url.startswith("/api/"):
            assert response.status_code == 401, (method, url)
            assert response.get_json()["code"] == "unauthorised", (method, url)
            continue
        assert response.status_code == 302, (method, url)
        assert response.headers["Location"].startswith("/sign-in"), (method, url)
    assert ("POST", "/api/v1/referrals/1/decision") in routes


@pytest.mark.parametrize("url", ["/", "/referrals/new"])
def test_record_pages_are_not_cached_and_allow_no_inline_script_without_the_nonce(signed_in, url):
    response = signed_in.client.get(url)
    assert response.headers["Cache-Control"] == "no-store"
    policy = response.headers["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy and "frame-ancestors 'none'" in policy
    nonce = policy.split("'nonce-")[1].split("'")[0]
    page = signed_in.read(response)
    inline = [script for script in page.select("script") if not script.get("src")]
    assert inline and all(script["nonce"] == nonce for script in inline)


def test_an_id_beyond_any_a_table_holds_is_not_found(signed_in):
    """Such an id once reached the database, which refused it: a server error."""
    for url in ("/referrals/2928045584389869928448", "/documents/2147483648"):
        assert signed_in.client.get(url).status_code == 404
