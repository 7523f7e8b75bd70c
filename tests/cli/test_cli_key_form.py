"""`--key-form` / `--iterations` and `MGCERT_KEY_FORM` / `MGCERT_ITERATIONS`: the form and
count of new key files, reported by `--json`; a bad value is one Korean line and exit 2;
`passwd` keeps the file's own form and count unless the flags say otherwise."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_support import AUTO, DEMO_PASSWORD, FAST_ITERATIONS, PASSWORD, CliRun, CliRunner

from mgcert.center import CertificateCenter
from mgcert.cli import main
from mgcert.home import DataHome
from mgcert.npki import storage
from mgcert.npki.keyfile import (
    KeyProtection,
    KeyScheme,
    decrypt_private_key,
    encrypt_with,
    read_key_file_parameters,
)
from mgcert.tui import app as tui_app

HANGUL = re.compile("[가-힣]")
NEW_PASSWORD = "Cli-other-2027!"


def _issue(mgcert: CliRunner, *options: str) -> CliRun:
    return mgcert(
        "--json",
        "issue",
        "--customer",
        "1",
        *AUTO,
        "--password-stdin",
        *options,
        stdin=PASSWORD + "\n",
    )


def _written(folder: Path) -> KeyProtection:
    return read_key_file_parameters((folder / storage.KEY_FILE).read_bytes()).protection


def _holder_folders(home: DataHome, name: str) -> list[Path]:
    return sorted(home.harddisk_root.glob(f"NPKI/*/USER/cn={name}*"))


def _assert_usage_line(run: CliRun, *needles: str) -> None:
    assert run.code == 2, (run.out, run.err)
    lines = run.err.strip().splitlines()
    assert len(lines) == 1, run.err
    assert lines[0].startswith("mgcert: ")
    assert HANGUL.search(lines[0]), lines[0]
    assert "Traceback" not in run.err
    for needle in needles:
        assert needle in lines[0], lines[0]


# --- the form of a new key file ----------------------------------------------------------


@pytest.mark.parametrize("scheme", list(KeyScheme), ids=lambda s: s.cli_name)
def test_issue_writes_the_asked_form_and_json_says_so(mgcert: CliRunner, scheme: KeyScheme) -> None:
    run = _issue(mgcert, "--key-form", scheme.cli_name, "--iterations", "1024")

    assert run.code == 0, run.err
    data = run.json()
    assert data["key_form"] == scheme.cli_name
    assert data["iterations"] == 1024
    assert _written(Path(data["folder"])) == KeyProtection(scheme, 1024)


def test_issue_defaults_to_pbes2_at_the_environments_count(mgcert: CliRunner) -> None:
    run = _issue(mgcert)

    assert run.code == 0, run.err
    data = run.json()
    assert (data["key_form"], data["iterations"]) == ("pbes2", FAST_ITERATIONS)
    assert _written(Path(data["folder"])) == KeyProtection(KeyScheme.PBES2, FAST_ITERATIONS)


def test_issue_says_the_key_form_to_people_too(mgcert: CliRunner) -> None:
    run = mgcert(
        "issue",
        "--customer",
        "1",
        *AUTO,
        "--password-stdin",
        "--key-form",
        "seed-cbc",
        stdin=PASSWORD + "\n",
    )

    assert run.code == 0, run.err
    assert f"  개인키: {KeyProtection(KeyScheme.OLD_SEED, FAST_ITERATIONS).label}" in run.out


def test_environment_sets_the_form_and_flags_beat_it(
    mgcert: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MGCERT_KEY_FORM", "seedcbc-sha1")
    monkeypatch.setenv("MGCERT_ITERATIONS", "1500")

    from_env = _issue(mgcert)
    assert from_env.code == 0, from_env.err
    assert (from_env.json()["key_form"], from_env.json()["iterations"]) == ("seedcbc-sha1", 1500)

    by_flag = _issue(mgcert, "--key-form", "pbes2", "--iterations", "1600")
    assert by_flag.code == 0, by_flag.err
    assert _written(Path(by_flag.json()["folder"])) == KeyProtection(KeyScheme.PBES2, 1600)


def test_the_older_variable_name_still_works(
    mgcert: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MGCERT_ITERATIONS")
    monkeypatch.setenv("MGCERT_KDF_ITERATIONS", "1700")

    run = _issue(mgcert)

    assert run.code == 0, run.err
    assert run.json()["iterations"] == 1700


def test_renew_writes_the_asked_form(mgcert: CliRunner) -> None:
    run = mgcert(
        "--json",
        "renew",
        "--name",
        "박지훈",
        *AUTO,
        "--password-stdin",
        "--key-form",
        "seedcbc-sha1",
        "--iterations",
        "1024",
        stdin=DEMO_PASSWORD + "\n",
    )

    assert run.code == 0, run.err
    data = run.json()
    assert (data["key_form"], data["iterations"]) == ("seedcbc-sha1", 1024)
    assert _written(Path(data["folder"])) == KeyProtection(KeyScheme.SEED_CBC_WITH_SHA1, 1024)


def test_other_institution_certificate_takes_the_flags(mgcert: CliRunner) -> None:
    run = mgcert(
        "--json",
        "other-cert",
        "--customer",
        "1",
        "--password-stdin",
        "--key-form",
        "seed-cbc",
        "--iterations",
        "1024",
        stdin=PASSWORD + "\n",
    )

    assert run.code == 0, run.err
    folder = Path(run.json()["certificate"]["folder"])
    assert _written(folder) == KeyProtection(KeyScheme.OLD_SEED, 1024)


# --- bad values ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "flag"),
    [
        (["--iterations", "0"], "--iterations"),
        (["--iterations=-5"], "--iterations"),
        (["--iterations", "10000001"], "--iterations"),
        (["--iterations", "abc"], "--iterations"),
        (["--iterations", ""], "--iterations"),
        (["--iterations", "2048.0"], "--iterations"),
        (["--key-form", "aes"], "--key-form"),
        (["--key-form", ""], "--key-form"),
        (["--key-form", "seedCBCWithSHA1"], "--key-form"),
    ],
)
def test_a_bad_flag_is_one_korean_line_exit_2_and_issues_nothing(
    mgcert: CliRunner, prepared_home: DataHome, options: list[str], flag: str
) -> None:
    run = _issue(mgcert, *options)

    _assert_usage_line(run, flag)
    assert run.json()["ok"] is False
    assert run.json()["type"] == "KeySettingInvalid"
    assert _holder_folders(prepared_home, "김민준") == []


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("MGCERT_ITERATIONS", "0"),
        ("MGCERT_ITERATIONS", "abc"),
        ("MGCERT_ITERATIONS", "99999999999"),
        ("MGCERT_ITERATIONS", "2048x"),
        ("MGCERT_KEY_FORM", "aes"),
        # The old name used to fall back to 1,300,000 without a word on a bad value.
        ("MGCERT_KDF_ITERATIONS", "abc"),
        ("MGCERT_KDF_ITERATIONS", "0"),
    ],
)
def test_a_bad_variable_stops_every_command(
    mgcert: CliRunner, monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.delenv("MGCERT_ITERATIONS")
    monkeypatch.setenv(variable, value)

    _assert_usage_line(mgcert("list"), variable)


def test_two_different_counts_in_the_environment_are_refused(
    mgcert: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MGCERT_ITERATIONS", "2048")
    monkeypatch.setenv("MGCERT_KDF_ITERATIONS", "4096")

    _assert_usage_line(mgcert("list"), "MGCERT_ITERATIONS", "MGCERT_KDF_ITERATIONS")

    monkeypatch.setenv("MGCERT_KDF_ITERATIONS", "2048")  # the same count twice is fine
    assert mgcert("list").code == 0


@pytest.mark.usefixtures("terminal")
def test_a_bad_variable_stops_the_tui_before_it_starts(
    mgcert: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_tui(opener: Callable[[], CertificateCenter]) -> BaseException | None:
        raise AssertionError("the TUI started with a bad MGCERT_ITERATIONS")

    monkeypatch.setattr(tui_app, "run", no_tui)
    monkeypatch.setenv("MGCERT_ITERATIONS", "-1")

    _assert_usage_line(mgcert(), "MGCERT_ITERATIONS")


@pytest.mark.usefixtures("terminal")
def test_the_tui_gets_the_environments_form_and_count(
    mgcert: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[KeyProtection] = []

    def fake_run(opener: Callable[[], CertificateCenter]) -> BaseException | None:
        center = opener()
        seen.append(center.key_protection)
        center.close()
        return None

    monkeypatch.setattr(tui_app, "run", fake_run)
    monkeypatch.setenv("MGCERT_KEY_FORM", "seed-cbc")
    monkeypatch.setenv("MGCERT_ITERATIONS", "1024")

    assert main([]) == 0
    assert seen == [KeyProtection(KeyScheme.OLD_SEED, 1024)]


# --- passwd ------------------------------------------------------------------------------


def _demo_key_as(home: DataHome, protection: KeyProtection) -> Path:
    """박지훈's demo key re-encrypted in ``protection`` (an older file); its path."""
    (folder,) = _holder_folders(home, "박지훈")
    path = folder / storage.KEY_FILE
    opened = decrypt_private_key(path.read_bytes(), DEMO_PASSWORD)
    path.write_bytes(encrypt_with(opened.private_key, DEMO_PASSWORD, opened.random_num, protection))
    return path


def _passwd(mgcert: CliRunner, *options: str) -> CliRun:
    return mgcert(
        "--json",
        "passwd",
        "--name",
        "박지훈",
        "--password-stdin",
        "--new-password-stdin",
        *options,
        stdin=f"{DEMO_PASSWORD}\n{NEW_PASSWORD}\n",
    )


def test_passwd_keeps_a_seedcbc_sha1_1024_file_seedcbc_sha1_1024(
    mgcert: CliRunner, prepared_home: DataHome, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = KeyProtection(KeyScheme.SEED_CBC_WITH_SHA1, 1024)
    path = _demo_key_as(prepared_home, kept)
    random_num = decrypt_private_key(path.read_bytes(), DEMO_PASSWORD).random_num
    # The settings for new files do not touch an existing one.
    monkeypatch.setenv("MGCERT_KEY_FORM", "pbes2")

    run = _passwd(mgcert)

    assert run.code == 0, run.err
    assert (run.json()["key_form"], run.json()["iterations"]) == ("seedcbc-sha1", 1024)
    assert read_key_file_parameters(path.read_bytes()).protection == kept
    assert decrypt_private_key(path.read_bytes(), NEW_PASSWORD).random_num == random_num


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--iterations", "4096"], KeyProtection(KeyScheme.SEED_CBC_WITH_SHA1, 4096)),
        (["--key-form", "pbes2"], KeyProtection(KeyScheme.PBES2, 1024)),
        (
            ["--key-form", "seed-cbc", "--iterations", "2048"],
            KeyProtection.fixture(KeyScheme.OLD_SEED),
        ),
    ],
    ids=["count", "form", "both"],
)
def test_passwd_flags_override_the_files_form_and_count(
    mgcert: CliRunner, prepared_home: DataHome, options: list[str], expected: KeyProtection
) -> None:
    path = _demo_key_as(prepared_home, KeyProtection(KeyScheme.SEED_CBC_WITH_SHA1, 1024))

    run = _passwd(mgcert, *options)

    assert run.code == 0, run.err
    assert run.json()["key_form"] == expected.scheme.cli_name
    assert read_key_file_parameters(path.read_bytes()).protection == expected


def test_passwd_with_a_bad_override_changes_nothing(
    mgcert: CliRunner, prepared_home: DataHome
) -> None:
    path = _demo_key_as(prepared_home, KeyProtection(KeyScheme.SEED_CBC_WITH_SHA1, 1024))
    before = path.read_bytes()

    _assert_usage_line(_passwd(mgcert, "--iterations", "0"), "--iterations")
    assert path.read_bytes() == before


# --- help ---------------------------------------------------------------------------------


def test_help_documents_the_flags_and_the_variables(mgcert: CliRunner) -> None:
    top = mgcert("--help").out
    for name in ("MGCERT_KEY_FORM", "MGCERT_ITERATIONS", "pbes2|seedcbc-sha1|seed-cbc"):
        assert name in top
    for command in ("issue", "reissue", "renew", "passwd", "other-cert"):
        out = mgcert(command, "--help").out
        assert "--key-form {pbes2,seedcbc-sha1,seed-cbc}" in out, command
        assert "--iterations N" in out, command
