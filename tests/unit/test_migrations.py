"""Migrations keep what is stored: a referral sent before the lifecycle (status 'submitted')
becomes the stage it had reached (on PostgreSQL too: tests/integration/test_postgres.py)."""

from tests.support.migrations import EXPECTED_STAGES, submitted_before_stages


def test_submitted_referrals_become_the_stage_they_had_reached(app):
    assert submitted_before_stages() == EXPECTED_STAGES
