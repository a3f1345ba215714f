import stat

import pytest

from service.app import create_app
from service.config import ConfigurationError, StartupError
from service.db.models import User


@pytest.fixture
def instance(tmp_path, monkeypatch):
    for name in (
        "FRONTDOOR_DATABASE_URL",
        "FRONTDOOR_BROKER_URL",
        "FRONTDOOR_SECRET_KEY",
        "FRONTDOOR_ENV",
        "FRONTDOOR_EXTERNAL_URL",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("FRONTDOOR_INSTANCE_PATH", str(tmp_path))
    return tmp_path


def test_embedded_default_is_sqlite_in_the_instance_folder_with_eager_tasks(instance):
    app = create_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{instance / 'frontdoor.sqlite3'}"
    assert app.extensions["celery"].conf.task_always_eager is True
    assert app.config["STORAGE_DIR"] == str(instance / "files")


def test_secret_key_is_generated_once_private_and_kept(instance):
    first = create_app().config["SECRET_KEY"]
    second = create_app().config["SECRET_KEY"]
    assert first == second and len(first) >= 64
    assert stat.S_IMODE((instance / "secret_key").stat().st_mode) == 0o600


def test_settings_come_from_frontdoor_environment_variables(instance, monkeypatch):
    monkeypatch.setenv("FRONTDOOR_DATABASE_URL", "postgresql://fd@db.internal:5432/frontdoor")
    monkeypatch.setenv("FRONTDOOR_BROKER_URL", "redis://queue.internal:6379/0")
    monkeypatch.setenv("FRONTDOOR_SECRET_KEY", "from-the-environment")
    app = create_app()
    assert (
        app.config["SQLALCHEMY_DATABASE_URI"]
        == "postgresql+psycopg://fd@db.internal:5432/frontdoor"
    )
    assert app.extensions["celery"].conf.broker_url == "redis://queue.internal:6379/0"
    assert app.extensions["celery"].conf.task_always_eager is False
    assert app.config["SECRET_KEY"] == "from-the-environment"
    assert not (instance / "secret_key").exists()


def test_production_refuses_to_start_without_its_services_and_secret(instance, monkeypatch):
    monkeypatch.setenv("FRONTDOOR_ENV", "production")
    monkeypatch.setenv("FRONTDOOR_BROKER_URL", "redis://queue.internal:6379/0")
    message = "FRONTDOOR_DATABASE_URL, FRONTDOOR_SECRET_KEY, FRONTDOOR_EXTERNAL_URL"
    with pytest.raises(ConfigurationError, match=message):
        create_app()


def test_production_cookies_are_secure_only(instance, monkeypatch):
    monkeypatch.setenv("FRONTDOOR_ENV", "production")
    monkeypatch.setenv("FRONTDOOR_DATABASE_URL", "postgresql://fd@db.internal/frontdoor")
    monkeypatch.setenv("FRONTDOOR_BROKER_URL", "redis://queue.internal:6379/0")
    monkeypatch.setenv("FRONTDOOR_SECRET_KEY", "from-the-environment")
    monkeypatch.setenv("FRONTDOOR_EXTERNAL_URL", "https://frontdoor.example")
    app = create_app()
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    response = app.test_client().get("/sign-in", base_url="https://frontdoor.example")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_the_embedded_default_does_not_insist_on_https(instance):
    app = create_app()
    assert app.config["SESSION_COOKIE_SECURE"] is False
    assert "Strict-Transport-Security" not in app.test_client().get("/sign-in").headers


def test_a_broken_rules_file_stops_the_app_from_starting(instance, monkeypatch):
    (instance / "rules").mkdir()
    (instance / "rules" / "early_help.yaml").write_text("applies_to: [early_help]\nrules: {}\n")
    monkeypatch.setenv("FRONTDOOR_RULES_DIR", str(instance / "rules"))
    with pytest.raises(
        StartupError, match=r"early_help\.yaml: rules: Input should be a valid list"
    ):
        create_app()


def test_a_setting_of_the_wrong_kind_stops_the_start_naming_its_variable(instance, monkeypatch):
    monkeypatch.setenv("FRONTDOOR_PARSE_CPU_SECONDS", "twenty")
    monkeypatch.setenv("FRONTDOOR_MAIL_USE_TLS", "perhaps")
    with pytest.raises(ConfigurationError) as stopped:
        create_app()
    assert "FRONTDOOR_PARSE_CPU_SECONDS: input should be a valid integer" in str(stopped.value)
    assert "FRONTDOOR_MAIL_USE_TLS: input should be a valid boolean" in str(stopped.value)


def test_settings_from_the_environment_are_taken_in_their_declared_kinds(instance, monkeypatch):
    monkeypatch.setenv("FRONTDOOR_SECRET_KEY", "123456")  # read as a number, kept as text
    monkeypatch.setenv("FRONTDOOR_JOB_STUCK_MINUTES", "7.5")
    monkeypatch.setenv("FRONTDOOR_MAIL_USE_TLS", "yes")
    app = create_app()
    assert app.config["SECRET_KEY"] == "123456"
    assert app.config["JOB_STUCK_MINUTES"] == 7.5
    assert app.config["MAIL_USE_TLS"] is True


def test_passwords_are_hashed_with_scrypt_unless_an_authority_chooses_otherwise(instance):
    """The tests sign in with a fast hash (tests/support/app.py); a real install never does."""
    with create_app().app_context():
        user = User()
        user.set_password("correct horse battery staple")
    assert user.password_hash.startswith("scrypt:")
    assert user.check_password("correct horse battery staple")
    assert not user.check_password("correct horse battery stapler")
