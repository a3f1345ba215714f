"""Fixtures of browser-like clients, signed in as each kind of user (a pytest plugin, named in
tests/conftest.py's ``pytest_plugins``, so that every test package has them)."""

import pytest

from tests.support.browser import Browser


@pytest.fixture
def browser(app):
    return Browser(app.test_client())


@pytest.fixture
def signed_in(browser, practitioner):
    """A practitioner's client."""
    response = browser.sign_in(practitioner.email)
    assert response.status_code == 302
    return browser


@pytest.fixture
def admin(browser, admin_user):
    """Admin staff's client, for importing legacy forms."""
    assert browser.sign_in(admin_user.email).status_code == 302
    return browser
