"""Requests a hostile or careless client may send; the views' browser-like client and users."""

from tests.views.conftest import browser, signed_in  # noqa: F401 - fixtures for these tests
from tests.views.imports.conftest import admin  # noqa: F401
