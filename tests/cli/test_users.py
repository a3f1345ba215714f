import re

from service.db import users
from tests.support.app import make_app
from tests.support.browser import Browser


def test_seed_demo_prints_a_working_login_for_each_role(migrated, tmp_path, monkeypatch):
    result = migrated("seed-demo")
    assert result.returncode == 0, result.stderr
    rows = re.findall(r"^\s+(\w+)\s+(\S+@\S+)\s+(\S+)$", result.stdout, re.MULTILINE)
    logins = {role: (email, password) for role, email, password in rows}
    assert set(logins) == {"practitioner", "admin", "manager"}

    monkeypatch.setenv("FRONTDOOR_INSTANCE_PATH", str(tmp_path / "instance"))
    app = make_app(tmp_path)
    email, password = logins["practitioner"]
    browser = Browser(app.test_client())
    assert browser.sign_in(email, password).headers["Location"] == "/"
    assert browser.sign_in(email, "an old password").status_code == 200  # refused


def test_create_user_sets_role_and_a_hashed_password(migrated, tmp_path, monkeypatch):
    result = migrated(
        "create-user",
        "--email",
        "Lead@Council.example",
        "--name",
        "Jo Lead",
        "--role",
        "manager",
        "--password",
        "s3cret-enough-pass",
    )
    assert result.returncode == 0, result.stderr
    monkeypatch.setenv("FRONTDOOR_INSTANCE_PATH", str(tmp_path / "instance"))
    with make_app(tmp_path).app_context():
        user = users.find_by_email("lead@council.example")
        assert user.role == "manager"
        assert "s3cret" not in user.password_hash and user.check_password("s3cret-enough-pass")
