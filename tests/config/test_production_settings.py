"""Production settings: `check --deploy` is clean once the HTTPS variables are set, a missing or placeholder
SECRET_KEY stops the start with a clear message, and passwords meet Django's four validators."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "portfolio.example.org",
    "SECURE_SSL_REDIRECT": "true",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "true",
    "SECURE_HSTS_PRELOAD": "true",
    "SECURE_COOKIES": "true",
    "SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO,https",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    # the browser tests' setting, which no deployment has (check --deploy reports it)
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env={**inherited, **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_names_each_missing_https_setting():
    local = {**PRODUCTION, "SECURE_SSL_REDIRECT": "", "SECURE_HSTS_SECONDS": "0", "SECURE_COOKIES": "false"}
    result = manage("check", "--deploy", "--fail-level", "WARNING", **local)
    assert result.returncode != 0
    for check in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert check in result.stderr


def test_the_proxy_header_is_read_from_the_environment():
    code = "from django.conf import settings; print(settings.SECURE_PROXY_SSL_HEADER, settings.SECURE_HSTS_SECONDS)"
    result = manage("shell", "-c", code, **PRODUCTION)
    assert result.stdout.strip().endswith("('HTTP_X_FORWARDED_PROTO', 'https') 31536000"), result.stderr
    bad = manage("check", **{**PRODUCTION, "SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO"})
    assert bad.returncode != 0 and "SECURE_PROXY_SSL_HEADER takes HEADER,VALUE" in bad.stderr


@pytest.mark.parametrize("key", ["", "change-me", "  "])
def test_an_empty_or_placeholder_secret_key_refuses_to_start(key):
    result = manage("check", SECRET_KEY=key)
    assert result.returncode != 0
    assert "SECRET_KEY is empty or still the placeholder" in result.stderr


def test_the_example_env_file_carries_no_usable_secret_key():
    lines = (ROOT / ".env.example").read_text().splitlines()
    assert "SECRET_KEY=" in lines
    assert not any(line.startswith("SECRET_KEY=") and line != "SECRET_KEY=" for line in lines)


def test_every_setting_read_from_the_environment_is_documented():
    import re

    settings_text = (ROOT / "config" / "settings.py").read_text()
    read = set(re.findall(r'env(?:\.\w+)?\("([A-Z_]+)"', settings_text))
    documented = set(re.findall(r"^#?\s*([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.MULTILINE))
    assert read - documented == set()


@pytest.mark.django_db
def test_all_numeric_passwords_are_refused():
    with pytest.raises(ValidationError, match="entirely numeric"):
        validate_password("84736251094857")
    validate_password("long-enough-and-unusual-7")
