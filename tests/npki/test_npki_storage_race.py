"""Two processes writing the same new certificate folder at once: one wins, never a mix.

Each child imports mgcert, says "ready", waits for the go file and calls
``write_certificate``. In the ``rename`` mode each child also waits at a two-party gate
just before its staging folder is renamed into place, so both have passed the "does
the folder exist?" check and the renames collide every time; the ``start`` mode only
lines up the calls (the collision point then varies from round to round).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from npki_testkit import FAST_ITERATIONS, PASSWORD, certificate_for, shared_key

import mgcert
from mgcert.npki.keyfile import encrypt_private_key, new_random_num

ORG = "MGSIM"
CN = "홍길동()0045000000122026112401"
ROUNDS = 3

CHILD = textwrap.dedent(
    """
    import json, os, sys, time
    from pathlib import Path
    from mgcert.npki import storage

    root, folder, cert, key, go, gate, name, mode = sys.argv[1:9]
    cert_der, key_der = Path(cert).read_bytes(), Path(key).read_bytes()

    def wait_for(condition):
        deadline = time.monotonic() + 60
        while not condition():
            if time.monotonic() > deadline:
                sys.exit("timed out")
            time.sleep(0.002)

    if mode == "rename":
        real_rename = os.rename

        def gated_rename(src, dst):
            Path(gate, name).touch()
            wait_for(lambda: len(os.listdir(gate)) == 2)
            real_rename(src, dst)

        os.rename = gated_rename
    print("ready", flush=True)
    wait_for(Path(go).exists)
    try:
        path = storage.write_certificate(Path(root), "MGSIM", folder, cert_der, key_der)
    except storage.CertificateFolderExists as error:
        print(json.dumps({"result": "exists", "folder": str(error.folder)}))
    except Exception as error:
        print(json.dumps({"result": "error", "type": type(error).__name__}))
    else:
        print(json.dumps({"result": "written", "folder": str(path)}))
    """
)


def _pair(index: int, password: str = PASSWORD) -> tuple[bytes, bytes]:
    cert = certificate_for(shared_key(index), cn=CN).public_bytes(serialization.Encoding.DER)
    key = encrypt_private_key(
        shared_key(index), password, new_random_num(), iterations=FAST_ITERATIONS
    )
    return cert, key


def _race(
    tmp_path: Path, folder: str, pairs: list[tuple[bytes, bytes]], mode: str
) -> list[dict[str, str]]:
    """Run one child per pair against the same folder at once; their JSON results."""
    round_dir = tmp_path / folder.removeprefix("cn=")
    gate = round_dir / "gate"
    gate.mkdir(parents=True)
    go = round_dir / "go"
    env = {**os.environ, "PYTHONPATH": str(Path(mgcert.__file__).parents[1])}
    children = []
    for index, (cert, key) in enumerate(pairs):
        cert_path, key_path = round_dir / f"cert{index}", round_dir / f"key{index}"
        cert_path.write_bytes(cert)
        key_path.write_bytes(key)
        args = [str(tmp_path / "usb"), folder, str(cert_path), str(key_path)]
        args += [str(go), str(gate), f"child{index}", mode]
        children.append(
            subprocess.Popen(
                [sys.executable, "-c", CHILD, *args],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
            )
        )
    try:
        for child in children:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "ready"
        go.touch()
        outputs = [child.communicate(timeout=120) for child in children]
    finally:
        for child in children:
            child.kill()
            child.wait()
    for child, (_, stderr) in zip(children, outputs, strict=True):
        assert child.returncode == 0, stderr
    return [json.loads(stdout) for stdout, _ in outputs]


def _user_dir(tmp_path: Path) -> Path:
    return tmp_path / "usb" / "NPKI" / ORG / "USER"


def _assert_only_whole_folders(tmp_path: Path) -> None:
    """Every folder holds exactly the pair, and no staging folder is left behind."""
    for folder in _user_dir(tmp_path).iterdir():
        assert folder.name.startswith("cn="), folder
        assert sorted(path.name for path in folder.iterdir()) == ["signCert.der", "signPri.key"]


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["rename", "start"])
def test_two_writers_of_different_certificates_one_wins_the_other_is_refused(
    tmp_path: Path, mode: str
) -> None:
    pairs = [_pair(0), _pair(1)]
    for round_number in range(ROUNDS):
        folder = f"cn={CN}-{round_number},ou=MG,ou=personal4IB,o={ORG},c=kr"

        results = _race(tmp_path, folder, pairs, mode)

        target = _user_dir(tmp_path) / folder
        assert sorted(result["result"] for result in results) == ["exists", "written"]
        assert {result["folder"] for result in results} == {str(target)}
        winner = pairs[[result["result"] for result in results].index("written")]
        assert (target / "signCert.der").read_bytes() == winner[0]
        assert (target / "signPri.key").read_bytes() == winner[1]  # never a mixed pair
    _assert_only_whole_folders(tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["rename", "start"])
def test_two_writers_of_the_same_certificate_both_succeed(tmp_path: Path, mode: str) -> None:
    # A retried write racing the first one, and the same certificate with a key file
    # encrypted under another password: either way both calls get the folder.
    cert, key = _pair(0)
    _, other_key = _pair(0, password="Other-pass-2027!")
    for round_number, pairs in enumerate(
        [[(cert, key), (cert, key)], [(cert, key), (cert, other_key)]]
    ):
        folder = f"cn={CN}-{round_number},ou=MG,ou=personal4IB,o={ORG},c=kr"

        results = _race(tmp_path, folder, pairs, mode)

        target = _user_dir(tmp_path) / folder
        assert results == [{"result": "written", "folder": str(target)}] * 2
        assert (target / "signCert.der").read_bytes() == cert
        assert (target / "signPri.key").read_bytes() in {key, other_key}
    _assert_only_whole_folders(tmp_path)
