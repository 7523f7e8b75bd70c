"""Real signPri.key files can carry bytes after the DER (a real TradeSign test key has
46; NPKI.md). mgcert opens them as PyPinkSign does and never writes them back (issue 13)."""

from __future__ import annotations

import os

import pytest
from center_support import KIM, NEW_PASSWORD, PASSWORD, entry, issue, phone

from mgcert.center import CertificateCenter
from mgcert.npki.keyfile import MalformedKeyFile, decrypt_private_key, key_file_der

TRAILING = os.urandom(46)


def test_a_key_file_with_trailing_bytes_opens_and_keeps_working(
    center: CertificateCenter,
) -> None:
    result = issue(center, KIM)
    key_path = result.folder / "signPri.key"
    clean = key_path.read_bytes()
    key_path.write_bytes(clean + TRAILING)

    assert decrypt_private_key(key_path.read_bytes(), PASSWORD).random_num is not None
    mine = entry(center, result.serial_hex)
    assert center.login_check(mine, PASSWORD).ok

    copied = center.copy_certificate(mine, phone(center))
    assert copied.stored.key_path.read_bytes() == clean  # the copy holds the DER alone

    center.change_password(center.refresh(mine), PASSWORD, NEW_PASSWORD, NEW_PASSWORD)
    rewritten = key_path.read_bytes()
    assert not rewritten.endswith(TRAILING)
    assert key_file_der(rewritten) == rewritten
    assert center.login_check(center.refresh(mine), NEW_PASSWORD).ok


@pytest.mark.parametrize(
    "data", [b"", b"\x30", b"\x30\x85\x00\x00\x00\x00\x01", b"\x30\x82\x01", b"\x04\x00"]
)
def test_truncated_or_foreign_data_is_a_malformed_key_file(data: bytes) -> None:
    with pytest.raises(MalformedKeyFile):
        key_file_der(data)
