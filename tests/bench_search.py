"""``referral_list_search_ms_10k``: the referrals list searched by a child's name ("Maya
Okafor", which finds Maia Okafor-Smith) over 10,000 referrals in PostgreSQL, as a manager who
sees them all asks for it in the web app: the median of repeated requests, in milliseconds."""

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import flask_migrate
from sqlalchemy import insert

from service.db import users
from service.db.models import Referral, Role
from service.extensions import db
from tests.support.app import PASSWORD, make_app
from tests.support.browser import Browser
from tests.support.services import REDIS_URL, scratch_database, services_unreachable

REFERRALS = 10_000
RUNS = 15
FIRST = ["Maia", "Leo", "Ava", "Noah", "Zara", "Oliver", "Amira", "Jack", "Isla", "Kofi"]
LAST = ["Okafor-Smith", "Brennan", "Khan", "Jones", "Nowak", "Patel", "Evans", "Murphy"]


def _referrals(owner_id: int) -> list[dict]:
    rng = random.Random(7)
    now = datetime.now(UTC)
    rows = []
    for n in range(REFERRALS):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        born = date(2008, 1, 1) + timedelta(days=rng.randrange(6000))
        record = {"pathway": "section_17", "child": {"first_name": first, "last_name": last}}
        rows.append(
            {
                "created_by_id": owner_id,
                "pathway": "section_17",
                "status": "received",
                "team": "Front Door",
                "child_first_name": first,
                "child_last_name": last,
                "child_date_of_birth": born,
                "record": record,
                "created_at": now - timedelta(minutes=n),
                "updated_at": now,
                "submitted_at": now - timedelta(minutes=n),
            }
        )
    return rows


def main() -> None:
    problem = services_unreachable()
    if problem:
        print(f"referral_list_search_ms_10k: skipped ({problem})", file=sys.stderr)
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
            db.session.commit()
            browser = Browser(app.test_client())
            assert browser.sign_in(manager.email).status_code == 302
            timings = []
            for _ in range(RUNS):
                started = time.perf_counter()
                page = browser.get("/?name=Maya+Okafor")
                timings.append((time.perf_counter() - started) * 1000)
            assert "Maia Okafor-Smith" in page.text
            db.session.remove()
            db.engine.dispose()
    print(f"referral_list_search_ms_10k: {statistics.median(timings):.1f}")


if __name__ == "__main__":
    main()
