"""Limits for reading the hostile corpus: tight enough that each bomb is stopped within a second
or two, loose enough for every real form. The web-upload tests use the views' signed-in admin,
the command-line tests the installed ``frontdoor`` command."""

import pytest

from parsers.isolation import Limits
from tests.support.hostile import TEST_LIMITS


@pytest.fixture
def limits() -> Limits:
    return TEST_LIMITS


@pytest.fixture
def parse_settings(app):
    """The app reads uploads with ``TEST_LIMITS`` (the task takes them from its config)."""
    app.config.update(
        PARSE_CPU_SECONDS=TEST_LIMITS.cpu_seconds,
        PARSE_MEMORY_MB=TEST_LIMITS.memory_mb,
        PARSE_WALL_SECONDS=TEST_LIMITS.wall_seconds,
    )
    return app
