"""A team's pages over 10,000 referrals in PostgreSQL, as a manager who sees them all asks for
them in the web app, the median of repeated requests in milliseconds:
``referral_list_search_ms_10k``, the referrals list searched by a child's name ("Maya Okafor",
which finds Maia Okafor-Smith); ``dashboard_ms_10k_referrals``, the manager's dashboard (every
referral with its decision and assessment clocks, some overdue, received over a year)."""

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import flask_migrate
from sqlalchemy import insert, select

from service.db import users
from service.db.models import Deadline, Referral, Role
from service.extensions import db
from tests.support.app import PASSWORD, make_app
from tests.support.browser import Browser
from tests.support.services import REDIS_URL, scratch_database, services_unreachable

REFERRALS = 10_000
RUNS = 15
FIRST = ["Maia", "Leo", "Ava", "Noah", "Zara", "Oliver", "Amira", "Jack", "Isla", "Kofi"]
LAST = ["Okafor-Smith", "Brennan", "Khan", "Jones", "Nowak", "Patel", "Evans", "Murphy"]
PATHWAYS = ["section_17", "early_help", "section_47", "camhs", "sen_assessment"]
OUTCOMES = [None, "signposted", "ia_further_assessment", "passed_to_early_help", "child_protection"]
SOURCES = ["2A", "3C", "3A", "6", "1A", "5D", "8", "10"]


def _referrals(owner_id: int) -> list[dict]:
    rng = random.Random(7)
    now = datetime.now(UTC)
    rows = []
    for n in range(REFERRALS):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        born = date(2008, 1, 1) + timedelta(days=rng.randrange(6000))
        pathway, outcome = rng.choice(PATHWAYS), rng.choice(OUTCOMES)
        record = {"pathway": pathway, "child": {"first_name": first, "last_name": last}}
        if outcome:
            record["decision"] = {"outcome": outcome}
        rows.append(
            {
                "created_by_id": owner_id,
                "pathway": pathway,
                "status": "decided" if outcome else "received",
                "team": "Front Door",
                "source": rng.choice(SOURCES),
                "child_first_name": first,
                "child_last_name": last,
                "child_date_of_birth": born,
                "record": record,
                "created_at": now - timedelta(minutes=n * 50),
                "updated_at": now,
                "submitted_at": now - timedelta(minutes=n * 50),
            }
        )
    return rows


def _deadlines(referral_ids: list[int]) -> list[dict]:
    """Each referral's decision clock (met, or running and due around now) and its assessment
    clock, running."""
    rng = random.Random(8)
    now = datetime.now(UTC)
    rows = []
    for referral_id in referral_ids:
        for clock, days in (("decision", rng.randrange(-3, 3)), ("assessment", rng.randrange(60))):
            due = now + timedelta(days=days)
            stopped = clock == "decision" and rng.random() < 0.9
            rows.append(
                {
                    "referral_id": referral_id,
                    "clock": clock,
                    "started_at": now - timedelta(days=1),
                    "due_on": due.date(),
                    "due_at": due,
                    "stopped_at": now if stopped else None,
                    "outcome": "met" if stopped else None,
                }
            )
    return rows


def _median_ms(browser: Browser, url: str):
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        page = browser.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), page


def main() -> None:
    problem = services_unreachable()
    if problem:
        for name in ("referral_list_search_ms_10k", "dashboard_ms_10k_referrals"):
            print(f"{name}: skipped ({problem})", file=sys.stderr)
        return
    with scratch_database() as database_url, tempfile.TemporaryDirectory() as folder:
        os.environ["FRONTDOOR_INSTANCE_PATH"] = folder
        app = make_app(Path(folder), DATABASE_URL=database_url, BROKER_URL=REDIS_URL)
        with app.app_context():
            flask_migrate.upgrade()
            manager = users.save_user(
                "bench@council.example", "Bench", Role.MANAGER, PASSWORD, team="Front Door"
            )
            db.session.execute(insert(Referral), _referrals(manager.id))
            referral_ids = list(db.session.scalars(select(Referral.id)))
            db.session.execute(insert(Deadline), _deadlines(referral_ids))
            db.session.commit()
            browser = Browser(app.test_client())
            assert browser.sign_in(manager.email).status_code == 302
            search_ms, page = _median_ms(browser, "/?name=Maya+Okafor")
            assert "Maia Okafor-Smith" in page.text
            dashboard_ms, page = _median_ms(browser, "/dashboard")
            assert page.select("table#overdue tbody tr") and page.select("#chart-by-month svg")
            db.session.remove()
            db.engine.dispose()
    print(f"referral_list_search_ms_10k: {search_ms:.1f}")
    print(f"dashboard_ms_10k_referrals: {dashboard_ms:.1f}")


if __name__ == "__main__":
    main()
