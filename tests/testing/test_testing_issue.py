"""NpkiCA.issue: the files, the values, and every input checked before anything is issued."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from testing_support import pinksign, vid_by_asn1crypto

from mgcert.ca.records import AuditAction
from mgcert.clock import KST
from mgcert.npki.keyfile import decrypt_private_key, read_key_file_parameters
from mgcert.npki.vid import verify_vid
from mgcert.testing import (
    DEFAULT_PASSWORD,
    FixtureDatesInvalid,
    FixtureError,
    HolderNumberInvalid,
    NpkiCA,
)
from mgcert.testing.holders import checked_rrn, made_up_rrn, rrn_check_digit

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=KST)
VALID_RRN = "850315-1000010"  # check digit 0 (weights 2..9,2..5)


@pytest.fixture
def ca(tmp_path: Path) -> NpkiCA:
    authority = NpkiCA(tmp_path / "ca", now=NOW, reuse_keys=True)
    yield authority  # type: ignore[misc]
    authority.close()


def _issued(ca: NpkiCA) -> list[object]:
    return [entry for entry in ca.authority.audit_log() if entry.action == AuditAction.ISSUE]


def _policy(certificate: x509.Certificate) -> str:
    policies = certificate.extensions.get_extension_for_class(x509.CertificatePolicies)
    return policies.value[0].policy_identifier.dotted_string


def test_a_default_certificate_is_a_real_npki_pair(ca: NpkiCA) -> None:
    cert = ca.issue()
    assert cert.folder.parent.name == "USER"
    assert cert.folder.parent.parent.name == ca.org
    assert cert.folder.name.startswith("cn=홍길동()0045045")
    assert cert.cert_path.read_bytes() == cert.cert_der
    assert cert.key_path.stat().st_mode & 0o777 == 0o600
    assert cert.password == DEFAULT_PASSWORD
    signer = pinksign(cert.cert_path, cert.key_path, cert.password)
    assert signer.serialnum() == cert.serial  # type: ignore[attr-defined]
    assert len(cert.serial.to_bytes(8, "big").lstrip(b"\0")) <= 4
    opened = decrypt_private_key(cert.key_path.read_bytes(), cert.password)
    assert opened.random_num == cert.random_num
    assert cert.rrn is not None
    assert len(cert.rrn) == 13
    assert verify_vid(cert.certificate, cert.rrn, opened.random_num)
    assert vid_by_asn1crypto(cert.rrn, opened.random_num) == cert.vid
    assert _policy(cert.certificate) == "1.2.410.200005.1.1.4"
    params = read_key_file_parameters(cert.key_path.read_bytes())
    assert (params.scheme.cli_name, params.iterations) == ("pbes2", 2048)


def test_default_validity_is_a_year_of_whole_kst_days(ca: NpkiCA) -> None:
    cert = ca.issue()
    assert cert.not_before == datetime(2026, 11, 24, 0, 0, tzinfo=KST)
    assert cert.not_after == datetime(2027, 11, 24, 23, 59, 59, tzinfo=KST)


def test_a_given_rrn_and_name_are_used(ca: NpkiCA) -> None:
    cert = ca.issue(name="김철수", rrn=VALID_RRN, password="Other-pass-123!")
    assert cert.rrn == "8503151000010"
    assert cert.cn.startswith("김철수()")
    decrypted = decrypt_private_key(cert.key_path.read_bytes(), "Other-pass-123!")
    assert decrypted.random_num is not None
    assert verify_vid(cert.certificate, "8503151000010", decrypted.random_num)


def test_a_wrong_check_digit_is_refused_unless_waived(ca: NpkiCA) -> None:
    with pytest.raises(HolderNumberInvalid, match="검증번호"):
        ca.issue(rrn="850315-1000011")
    assert ca.issue(rrn="850315-1000011", rrn_check_digit=False).rrn == "8503151000011"


@pytest.mark.parametrize("bad", ["850315", "850399-1000010", "abc", "850315-9000010"])
def test_a_malformed_rrn_is_refused_in_korean(ca: NpkiCA, bad: str) -> None:
    with pytest.raises(HolderNumberInvalid, match="주민등록번호"):
        ca.issue(rrn=bad)


def test_made_up_numbers_pass_their_check_digit() -> None:
    for _ in range(200):
        number = made_up_rrn()
        assert rrn_check_digit(number.digits[:12]) == int(number.digits[12])
        assert checked_rrn(number.formatted).digits == number.digits


def test_expired_and_not_yet_valid_by_dates(ca: NpkiCA) -> None:
    expired = ca.issue(not_after=date(2025, 1, 31))
    assert expired.not_after == datetime(2025, 1, 31, 23, 59, 59, tzinfo=KST)
    assert expired.not_before == datetime(2024, 1, 31, 0, 0, tzinfo=KST)
    future = ca.issue(not_before=date(2027, 3, 1))
    assert future.not_before == datetime(2027, 3, 1, tzinfo=KST)
    assert future.not_after == datetime(2028, 3, 1, 23, 59, 59, tzinfo=KST)
    soon = ca.issue(not_after=NOW + timedelta(days=10))
    assert soon.not_after - NOW == timedelta(days=10)
    assert ca.status(expired) == "expired"
    assert ca.status(soon) == "good"


def test_instants_keep_their_time_to_the_second(ca: NpkiCA) -> None:
    start = datetime(2026, 1, 2, 3, 4, 5, 678, tzinfo=UTC)
    end = datetime(2026, 6, 7, 8, 9, 10, tzinfo=UTC)
    cert = ca.issue(not_before=start, not_after=end)
    assert cert.certificate.not_valid_before_utc == start.replace(microsecond=0)
    assert cert.certificate.not_valid_after_utc == end


def test_impossible_dates_are_refused_before_issuing(ca: NpkiCA) -> None:
    with pytest.raises(FixtureDatesInvalid):
        ca.issue(not_before=date(2027, 1, 2), not_after=date(2027, 1, 1))
    with pytest.raises(FixtureDatesInvalid, match="시간대"):
        ca.issue(not_after=datetime(2027, 1, 1))
    assert _issued(ca) == []


@pytest.mark.parametrize(
    ("options", "needle"),
    [
        ({"kind": "platinum"}, "종류"),
        ({"key_form": "aes"}, "개인키 형식"),
        ({"iterations": 0}, "반복 횟수"),
        ({"iterations": True}, "반복 횟수"),
        ({"password": ""}, "비밀번호"),
        ({"layout": "amiga"}, "amiga"),
        ({"brn": "1208147521"}, "사업자등록번호"),
        ({"kind": "corporate"}, "사업자등록번호"),
        ({"kind": "corporate", "brn": "1208147520"}, "사업자등록번호"),
    ],
)
def test_bad_requests_issue_nothing(ca: NpkiCA, options: dict[str, object], needle: str) -> None:
    with pytest.raises(Exception, match=needle) as caught:
        ca.issue(**options)  # type: ignore[arg-type]
    assert not isinstance(caught.value, (TypeError, AttributeError, KeyError))
    assert _issued(ca) == []


def test_universal_and_corporate_kinds(ca: NpkiCA) -> None:
    universal = ca.issue(kind="universal")
    assert _policy(universal.certificate) == "1.2.410.200005.1.1.1"
    corporate = ca.issue("(주)엠지테스트", kind="corporate", brn="120-81-47521")
    assert _policy(corporate.certificate) == "1.2.410.200005.1.1.5"
    assert corporate.rrn is None
    assert corporate.brn == "1208147521"
    assert corporate.id_number == "1208147521"
    assert corporate.random_num is not None
    assert verify_vid(corporate.certificate, "1208147521", corporate.random_num)
    assert vid_by_asn1crypto("1208147521", corporate.random_num) == corporate.vid


@pytest.mark.parametrize(
    ("form", "scheme"), [("seedcbc-sha1", "seedcbc-sha1"), ("seed-cbc", "seed-cbc")]
)
def test_legacy_key_forms_at_a_chosen_count(ca: NpkiCA, form: str, scheme: str) -> None:
    cert = ca.issue(key_form=form, iterations=1024)
    params = read_key_file_parameters(cert.key_path.read_bytes())
    assert (params.scheme.cli_name, params.iterations) == (scheme, 1024)
    assert decrypt_private_key(cert.key_path.read_bytes(), cert.password).random_num == (
        cert.random_num
    )


def test_a_km_pair_beside_the_signing_pair(ca: NpkiCA) -> None:
    cert = ca.issue(km=True)
    assert cert.km_cert_path is not None
    assert cert.km_key_path is not None
    km = x509.load_der_x509_certificate(cert.km_cert_path.read_bytes())
    usage = km.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.key_encipherment
    assert not usage.digital_signature
    assert km.subject == cert.certificate.subject
    assert km.public_key() != cert.certificate.public_key()
    km_key = decrypt_private_key(cert.km_key_path.read_bytes(), cert.password).private_key
    assert km_key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    ) == km.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    assert ca.issue().km_cert_path is None


def test_reused_keys_repeat_and_fresh_keys_do_not(tmp_path: Path) -> None:
    with NpkiCA(tmp_path / "fast", reuse_keys=True) as fast:
        first, second = fast.issue(), fast.issue()
        assert first.certificate.public_key() == second.certificate.public_key()
        assert first.serial != second.serial
        assert first.cn != second.cn
    with NpkiCA(tmp_path / "fresh") as fresh:
        assert fresh.issue().certificate.public_key() != fresh.issue().certificate.public_key()


def test_a_temporary_home_is_removed_and_a_given_one_kept(tmp_path: Path) -> None:
    with NpkiCA(reuse_keys=True) as temporary:
        home = temporary.home
        assert temporary.issue().cert_path.is_file()
    assert not home.exists()
    kept = tmp_path / "kept"
    with NpkiCA(kept, reuse_keys=True) as ca:
        root = ca.root_certificate
        serial = ca.issue().serial
    with NpkiCA(kept) as again:
        assert again.root_certificate == root
        assert again.status(serial) == "good"


def test_a_closed_ca_says_so(tmp_path: Path) -> None:
    ca = NpkiCA(tmp_path / "ca", reuse_keys=True)
    ca.close()
    with pytest.raises(FixtureError, match="닫혔"):
        ca.issue()


def test_serial_hex_is_written_as_the_center_writes_it(
    ca: NpkiCA, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No leading zeros: a serial whose top nibble is 0 once made a listing lookup miss."""
    monkeypatch.setattr("mgcert.ca.authority.new_serial", lambda: 0x0997D90B)
    cert = ca.issue()
    assert cert.serial == 0x0997D90B
    assert cert.serial_hex == "997d90b"
