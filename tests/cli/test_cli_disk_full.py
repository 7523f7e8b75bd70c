"""A full disk is reported as one: one Korean line naming the data home, whichever layer
met it (a raw OSError, SQLite's "database or disk is full", or an error wrapping them)."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_support import (
    AUTO,
    FAST_ITERATIONS,
    NOW_TEXT,
    PASSWORD,
    CliRun,
    CliRunner,
    copy_template,
)

from mgcert import errors
from mgcert.cli.invocation import Invocation
from mgcert.errors import MgcertError
from mgcert.home import DataHome
from mgcert.messages import center as msg
from mgcert.messages import cli as cli_msg
from mgcert.tui import app as tui_app

LAYER_SENTENCE = "은행 데이터 파일을 열 수 없습니다"
SQLITE_IOERR_SHMSIZE = 10 | (19 << 8)  # what a WAL database says on a full tmpfs


def disk_full_line(path: Path, detail: str | None = None) -> str:
    disk = cli_msg.DISK_FULL.format(path=path)
    if detail is not None:
        disk = cli_msg.DISK_FULL_WITH_DETAIL.format(disk_full=disk, detail=detail)
    return msg.CLI_ERROR.format(message=disk)


def enospc(filename: str | None = None) -> OSError:
    return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), filename)


def wrapped(cause: BaseException) -> MgcertError:
    """An error of some layer raised ``from`` the low-level one, as the layers do."""
    try:
        raise cause
    except BaseException as low:
        try:
            raise MgcertError(LAYER_SENTENCE) from low
        except MgcertError as error:
            return error


def failing_with(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    def boom(*_: object) -> object:
        raise error

    monkeypatch.setattr(Invocation, "sheet", boom)


def one_line(run: CliRun) -> str:
    lines = run.err.strip().splitlines()
    assert len(lines) == 1, run.err
    assert "Traceback" not in run.err
    return lines[0]


def test_raw_enospc_names_the_data_home_and_other_os_errors_do_not(
    mgcert: CliRunner, prepared_home: DataHome, monkeypatch: pytest.MonkeyPatch
) -> None:
    failing_with(monkeypatch, wrapped(OSError(errno.EACCES, "Permission denied")))
    assert one_line(mgcert("unlock", "--customer", "1")) == msg.CLI_ERROR.format(
        message=LAYER_SENTENCE
    )
    failing_with(monkeypatch, OSError(errno.EIO, "Input/output error"))
    assert one_line(mgcert("unlock", "--customer", "1")) == msg.CLI_UNEXPECTED

    failing_with(monkeypatch, enospc())
    run = mgcert("unlock", "--customer", "1")
    assert run.code == 1
    assert one_line(run) == disk_full_line(prepared_home.root)
    as_json = mgcert("--json", "unlock", "--customer", "1").json()
    assert as_json == {
        "ok": False,
        "error": cli_msg.DISK_FULL.format(path=prepared_home.root),
        "type": "DiskFull",
        "disk_full": True,
    }


def test_enospc_inside_the_data_home_names_the_data_home(
    mgcert: CliRunner, prepared_home: DataHome, monkeypatch: pytest.MonkeyPatch
) -> None:
    failing_with(monkeypatch, wrapped(enospc(str(prepared_home.bank_db))))
    run = mgcert("unlock", "--customer", "1")
    assert one_line(run) == disk_full_line(prepared_home.root, LAYER_SENTENCE)


@pytest.mark.parametrize(
    "cause",
    [
        pytest.param(enospc(), id="ENOSPC"),
        pytest.param(OSError(errno.EDQUOT, "Disk quota exceeded"), id="EDQUOT"),
        pytest.param(sqlite3.OperationalError("database or disk is full"), id="sqlite-full"),
    ],
)
def test_a_layer_error_caused_by_a_full_disk_says_so_and_keeps_its_sentence(
    mgcert: CliRunner,
    prepared_home: DataHome,
    monkeypatch: pytest.MonkeyPatch,
    cause: BaseException,
) -> None:
    failing_with(monkeypatch, wrapped(cause))
    run = mgcert("unlock", "--customer", "1")
    assert run.code == 1
    assert one_line(run) == disk_full_line(prepared_home.root, LAYER_SENTENCE)
    data = mgcert("--json", "unlock", "--customer", "1").json()
    assert data["type"] == "MgcertError"  # scripts still see which error it was
    assert data["disk_full"] is True


def test_full_disk_found_through_context_and_several_layers(
    mgcert: CliRunner, prepared_home: DataHome, monkeypatch: pytest.MonkeyPatch
) -> None:
    sentence = "인증기관 데이터베이스를 사용할 수 없습니다."

    def layered() -> MgcertError:
        try:
            try:
                raise sqlite3.OperationalError("database or disk is full")
            except sqlite3.Error:
                raise RuntimeError("while committing") from None  # hidden, still the cause
        except RuntimeError:
            try:
                raise MgcertError(sentence)  # raised during the handling: context only
            except MgcertError as top:
                return top

    failing_with(monkeypatch, layered())
    run = mgcert("unlock", "--customer", "1")
    assert one_line(run) == disk_full_line(prepared_home.root, sentence)


def test_sqlite_error_code_for_a_full_database(
    mgcert: CliRunner, prepared_home: DataHome, monkeypatch: pytest.MonkeyPatch
) -> None:
    cause = sqlite3.OperationalError("some other wording")
    cause.sqlite_errorcode = 13  # type: ignore[attr-defined]  # SQLITE_FULL
    failing_with(monkeypatch, wrapped(cause))
    assert "디스크 공간이 부족합니다" in one_line(mgcert("unlock", "--customer", "1"))


def test_sqlite_io_error_is_a_full_disk_only_when_the_disk_is_nearly_full(
    mgcert: CliRunner, prepared_home: DataHome, monkeypatch: pytest.MonkeyPatch
) -> None:
    cause = sqlite3.OperationalError("disk I/O error")
    cause.sqlite_errorcode = SQLITE_IOERR_SHMSIZE  # type: ignore[attr-defined]
    failing_with(monkeypatch, wrapped(cause))
    free = shutil.disk_usage(prepared_home.root).free
    assert free > errors.LOW_SPACE_BYTES  # the test machine's disk is not full
    plenty = one_line(mgcert("unlock", "--customer", "1"))
    assert plenty == msg.CLI_ERROR.format(message=LAYER_SENTENCE)
    # Other processes change the free space meanwhile: a threshold far above any disk.
    monkeypatch.setattr(errors, "LOW_SPACE_BYTES", 1 << 62)
    nearly_full = one_line(mgcert("unlock", "--customer", "1"))
    assert nearly_full == disk_full_line(prepared_home.root, LAYER_SENTENCE)


def test_full_disk_elsewhere_names_that_place(
    mgcert: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    usb = tmp_path / "usb-stick" / "NPKI" / "signPri.key"
    failing_with(monkeypatch, wrapped(enospc(str(usb))))
    assert one_line(mgcert("unlock", "--customer", "1")) == disk_full_line(usb, LAYER_SENTENCE)


def test_a_cycle_in_the_chain_ends(
    mgcert: CliRunner, prepared_home: DataHome, monkeypatch: pytest.MonkeyPatch
) -> None:
    top = MgcertError(LAYER_SENTENCE)
    middle = RuntimeError("middle")
    top.__cause__ = middle
    middle.__context__ = top
    failing_with(monkeypatch, top)
    assert one_line(mgcert("unlock", "--customer", "1")) == msg.CLI_ERROR.format(
        message=LAYER_SENTENCE
    )
    middle.__cause__ = enospc()
    assert one_line(mgcert("unlock", "--customer", "1")) == disk_full_line(
        prepared_home.root, LAYER_SENTENCE
    )


@pytest.mark.usefixtures("terminal")
def test_the_tui_that_could_not_open_on_a_full_disk_says_so(
    mgcert: CliRunner, prepared_home: DataHome, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tui_app, "run", lambda opener: wrapped(enospc()))
    run = mgcert()
    assert run.code == 1
    assert one_line(run) == disk_full_line(prepared_home.root, LAYER_SENTENCE)


# --- for real: a 1 MiB tmpfs filled to the last block ------------------------------------


def _can_mount_tmpfs() -> bool:
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    probe = tempfile.mkdtemp(prefix="mgcert-mount-probe-")
    try:
        mounted = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe],
            capture_output=True,
            timeout=10,
            check=False,
        )
        if mounted.returncode != 0:
            return False
        subprocess.run(["umount", probe], capture_output=True, timeout=10, check=True)
        return True
    except (OSError, subprocess.SubprocessError):
        return False
    finally:
        with contextlib.suppress(OSError):
            os.rmdir(probe)


@contextlib.contextmanager
def tiny_disk(where: Path) -> Iterator[Path]:
    where.mkdir()
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(where)],
        check=True,
        capture_output=True,
        timeout=10,
    )
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True, timeout=10, check=False)


def _fill(disk: Path) -> None:
    fd = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        with contextlib.suppress(OSError):  # ENOSPC: full
            while os.write(fd, b"\0" * 4096):
                pass
    finally:
        os.close(fd)
    assert shutil.disk_usage(disk).free == 0


def _installed(*argv: str, stdin: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(Path(sys.executable).with_name("mgcert")), *argv],
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
        check=False,
    )


if _can_mount_tmpfs():  # root on Linux; elsewhere this test does not exist (never skipped)

    def test_a_really_full_disk_is_reported_as_one(cli_template: Path, tmp_path: Path) -> None:
        with tiny_disk(tmp_path / "disk") as disk:
            home = DataHome(disk / "home").ensure()
            copy_template(cli_template, home)
            _fill(disk)
            env = {
                "MGCERT_HOME": str(home.root),
                "MGCERT_NOW": NOW_TEXT,
                "MGCERT_ITERATIONS": str(FAST_ITERATIONS),
            }
            issued = _installed(
                "issue", "--customer", "1", *AUTO, "--password-stdin", stdin=PASSWORD + "\n", **env
            )
            assert issued.returncode == 1
            lines = issued.stderr.strip().splitlines()
            assert len(lines) == 1, issued.stderr
            assert lines[0].startswith(disk_full_line(home.root))
            moved = _installed("clock", "advance", "--days", "1", **env)
            assert moved.returncode == 1
            assert moved.stderr.startswith(disk_full_line(home.root))
            (disk / "filler").unlink()
            listed = _installed("list", **env)
            assert listed.returncode == 0, listed.stderr
