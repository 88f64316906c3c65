"""The run command's `.env`: fresh secrets on a first start or over a copied .env.example, kept afterwards."""

import shutil
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from config import launcher

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setattr(launcher, "ROOT", tmp_path)
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("FIELD_ENCRYPTION_KEY", raising=False)
    return tmp_path


def written(project: Path) -> dict[str, str]:
    return launcher.read_env_values((project / ".env").read_text().splitlines())


def test_a_first_start_writes_fresh_secrets(project):
    launcher.ensure_env_file()
    values = written(project)
    assert len(values["SECRET_KEY"]) >= 50 and values["SECRET_KEY"] not in launcher.PLACEHOLDERS
    Fernet(values["FIELD_ENCRYPTION_KEY"])
    assert (project / ".env").stat().st_mode & 0o077 == 0


@pytest.mark.parametrize("placeholder", ["", "change-me"])
def test_a_copied_example_gets_its_empty_secrets_filled_in_place(project, placeholder):
    shutil.copy(ROOT / ".env.example", project / ".env")
    text = (project / ".env").read_text().replace("\nSECRET_KEY=\n", f"\nSECRET_KEY={placeholder}\n")
    (project / ".env").write_text(text)
    launcher.ensure_env_file()
    lines = (project / ".env").read_text().splitlines()
    keys = [line for line in lines if line.startswith("SECRET_KEY=")]
    assert len(keys) == 1 and len(keys[0]) > len("SECRET_KEY=") + 40
    assert "LOGIN_FAILURE_LIMIT=5" in lines  # the rest of the file is kept


def test_later_starts_keep_the_secrets(project):
    launcher.ensure_env_file()
    first = (project / ".env").read_text()
    launcher.ensure_env_file()
    assert (project / ".env").read_text() == first


def test_secrets_given_in_the_environment_are_not_written(project, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x" * 60)
    launcher.ensure_env_file()
    assert "SECRET_KEY" not in written(project) and "FIELD_ENCRYPTION_KEY" in written(project)
