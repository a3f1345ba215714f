"""A tally of the hostile inputs and injected faults the suite tries, printed as one line at the
end of the run::

    robustness: 15 bad inputs tried, 15 rejected; 3 faults injected, 3 survived

Tests take the ``robustness`` fixture and record what they observed, then assert on it:

    def test_a_flate_bomb_is_stopped(robustness):
        outcome = try_it()
        robustness.bad_input("flate bomb (isolated parse)", rejected=outcome.failed)
        assert outcome.failed

    def test_the_worker_survives_losing_redis(robustness, worker):
        cut_redis()
        robustness.fault("redis cut mid-task", survived=worker.is_alive())
        assert worker.is_alive()

- ``bad_input(name, rejected)``: a bad file or request was tried; ``rejected`` is whether the
  service refused it as it should (a clear reason, nothing stored, nothing crashed).
- ``fault(name, survived)``: a fault was injected (a process killed, a service cut off...);
  ``survived`` is whether the service came through it as it should.

Record before asserting, so a failure still counts as tried (and is named in the summary line as
not rejected / not survived). Registered in ``tests/conftest.py`` (``pytest_plugins``); the
tally lives in the pytest session, so it needs no xdist and no files.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

_KEY = pytest.StashKey["Tally"]()


@dataclass
class Tally:
    bad_inputs: list[tuple[str, bool]] = field(default_factory=list)
    faults: list[tuple[str, bool]] = field(default_factory=list)

    def bad_input(self, name: str, rejected: bool) -> None:
        """A bad input was tried; ``rejected``: it was refused as it should be."""
        self.bad_inputs.append((name, bool(rejected)))

    def fault(self, name: str, survived: bool) -> None:
        """A fault was injected; ``survived``: the service came through it as it should."""
        self.faults.append((name, bool(survived)))

    def summary(self) -> str:
        rejected = sum(ok for _, ok in self.bad_inputs)
        survived = sum(ok for _, ok in self.faults)
        line = (
            f"robustness: {len(self.bad_inputs)} bad inputs tried, {rejected} rejected; "
            f"{len(self.faults)} faults injected, {survived} survived"
        )
        not_rejected = [name for name, ok in self.bad_inputs if not ok]
        not_survived = [name for name, ok in self.faults if not ok]
        if not_rejected:
            line += f" (not rejected: {', '.join(not_rejected)})"
        if not_survived:
            line += f" (not survived: {', '.join(not_survived)})"
        return line


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_KEY] = Tally()


@pytest.fixture
def robustness(request: pytest.FixtureRequest) -> Tally:
    """The run's tally: ``.bad_input(name, rejected=...)`` and ``.fault(name, survived=...)``."""
    return request.config.stash[_KEY]


def pytest_terminal_summary(terminalreporter, exitstatus, config: pytest.Config) -> None:
    terminalreporter.write_line(config.stash[_KEY].summary())
