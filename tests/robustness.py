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
not rejected / not survived). Registered in ``tests/conftest.py`` (``pytest_plugins``). What a
test records travels with its report (``user_properties``), so the line counts every test when
xdist runs them in several processes.
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


_PROPERTY = "robustness"


@dataclass
class Recorder:
    """What one test tried, kept on its report."""

    properties: list[tuple[str, object]]

    def bad_input(self, name: str, rejected: bool) -> None:
        """A bad input was tried; ``rejected``: it was refused as it should be."""
        self.properties.append((_PROPERTY, ("bad_input", name, bool(rejected))))

    def fault(self, name: str, survived: bool) -> None:
        """A fault was injected; ``survived``: the service came through it as it should."""
        self.properties.append((_PROPERTY, ("fault", name, bool(survived))))


def pytest_configure(config: pytest.Config) -> None:
    tally = config.stash[_KEY] = Tally()
    config.pluginmanager.register(_Counter(tally), "robustness-counter")


@dataclass(eq=False)  # a plugin is registered by its hash
class _Counter:
    """Adds each test's record to the run's tally as its report arrives (from an xdist worker,
    or from this process)."""

    tally: Tally

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when != "call":
            return
        for key, value in report.user_properties:
            if key == _PROPERTY:
                kind, name, ok = value
                getattr(self.tally, kind)(name, ok)


@pytest.fixture
def robustness(request: pytest.FixtureRequest) -> Recorder:
    """This test's record: ``.bad_input(name, rejected=...)`` and ``.fault(name, survived=...)``."""
    return Recorder(request.node.user_properties)


def pytest_terminal_summary(terminalreporter, exitstatus, config: pytest.Config) -> None:
    terminalreporter.write_line(config.stash[_KEY].summary())
