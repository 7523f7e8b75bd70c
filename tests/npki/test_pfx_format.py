"""PKCS #12 (PFX) files that keep the randomNum: written by mgcert, read by OpenSSL and
cryptography, and ordinary PFX files (``openssl pkcs12 -export``) read by mgcert.

Passwords reach openssl through the environment, never argv.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat import asn1 as der
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from npki_testkit import HOLDER_RRN, certificate_for, shared_key

from mgcert.errors import MgcertError
from mgcert.npki import der_writer, pfx_crypto
from mgcert.npki.keyfile import new_random_num
from mgcert.npki.pfx import (
    MAX_PFX_SIZE,
    MalformedPfx,
    PfxIterationCountTooHigh,
    PfxKeyMismatch,
    PfxKeyNotRsa,
    PfxTooLarge,
    PfxWithoutCertificate,
    PfxWithoutKey,
    WrongPfxPassword,
    pfx_bytes,
    read_pfx,
)
from mgcert.npki.vid import compute_vid, verify_vid

PFX_PASSWORD = "Pfx#Pass2026"
KOREAN_PASSWORD = "한글비밀번호Ab1!"
PASSWORD_ENV = "MGCERT_TEST_PFX_PASSWORD"
RANDOM_NUM_OID = "1.2.410.200004.10.1.1.3"


# --- helpers --------------------------------------------------------------------------------


def _openssl(args: list[str], password: str) -> subprocess.CompletedProcess[bytes]:
    openssl = shutil.which("openssl")
    assert openssl is not None, "openssl is required (.ci/run installs it)"
    return subprocess.run(
        [openssl, *args],
        env={**os.environ, PASSWORD_ENV: password, "LC_ALL": "C.UTF-8"},
        capture_output=True,
        timeout=60,
        check=False,
    )


def _text(data: bytes) -> str:
    # OpenSSL prints a Hangul friendlyName byte by byte: decode leniently.
    return data.decode("utf-8", "replace")


def openssl_info(path: Path, password: str) -> str:
    """``openssl pkcs12 -info -nodes`` output."""
    args = ["pkcs12", "-info", "-nodes", "-in", str(path), "-passin", f"env:{PASSWORD_ENV}"]
    result = _openssl(args, password)
    assert result.returncode == 0, _text(result.stderr)
    return _text(result.stdout + result.stderr)


def openssl_export(
    tmp_path: Path, key: rsa.RSAPrivateKey, cert: x509.Certificate, password: str, *extra: str
) -> bytes:
    """A PFX made by ``openssl pkcs12 -export`` (no randomNum: OpenSSL writes none)."""
    key_pem = tmp_path / "key.pem"
    key_pem.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    key_pem.chmod(0o600)
    cert_pem = tmp_path / "cert.pem"
    cert_pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    out = tmp_path / "openssl.pfx"
    out.unlink(missing_ok=True)
    args = ["pkcs12", "-export", "-inkey", str(key_pem), "-in", str(cert_pem), "-out", str(out)]
    result = _openssl([*args, "-passout", f"env:{PASSWORD_ENV}", *extra], password)
    assert result.returncode == 0, _text(result.stderr)
    return out.read_bytes()


@pytest.fixture(scope="module")
def key() -> rsa.RSAPrivateKey:
    return shared_key(0)


@pytest.fixture(scope="module")
def random_num() -> bytes:
    return new_random_num()


@pytest.fixture(scope="module")
def certificate(key: rsa.RSAPrivateKey, random_num: bytes) -> x509.Certificate:
    return certificate_for(key, vid=compute_vid(HOLDER_RRN, random_num))


@pytest.fixture(scope="module")
def ca_certificate() -> x509.Certificate:
    return certificate_for(shared_key(1), cn="MGSIM TEST Class 1")


@pytest.fixture(scope="module")
def ours(
    key: rsa.RSAPrivateKey,
    certificate: x509.Certificate,
    random_num: bytes,
    ca_certificate: x509.Certificate,
) -> bytes:
    return pfx_bytes(certificate, key, random_num, PFX_PASSWORD, chain=[ca_certificate])


# --- what others see in our files -----------------------------------------------------------


def test_openssl_lists_the_random_num_under_key_attributes(
    ours: bytes, random_num: bytes, key: rsa.RSAPrivateKey, tmp_path: Path
) -> None:
    path = tmp_path / "ours.pfx"
    path.write_bytes(ours)
    info = openssl_info(path, PFX_PASSWORD)

    assert "MAC: sha256" in info
    assert "Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC" in info
    assert "PRF hmacWithSHA256" in info
    key_attributes = info.split("Key Attributes", 1)[1].splitlines()
    line = next(row for row in key_attributes if RANDOM_NUM_OID in row)
    assert bytes.fromhex(line.split(":", 1)[1].replace(" ", "")) == random_num
    # The key OpenSSL decrypted is ours.
    pem = info[info.index("-----BEGIN PRIVATE KEY-----") :]
    pem = pem[: pem.index("-----END PRIVATE KEY-----") + len("-----END PRIVATE KEY-----")]
    opened = serialization.load_pem_private_key(pem.encode("ascii"), None)
    assert isinstance(opened, rsa.RSAPrivateKey)
    assert opened.private_numbers() == key.private_numbers()
    # Both certificates, the holder's with localKeyID and friendlyName.
    assert info.count("Certificate bag") == 2
    assert info.count("localKeyID") == 2
    assert info.count("friendlyName") == 2


def test_openssl_reads_a_korean_password(
    key: rsa.RSAPrivateKey, certificate: x509.Certificate, random_num: bytes, tmp_path: Path
) -> None:
    path = tmp_path / "korean.pfx"
    path.write_bytes(pfx_bytes(certificate, key, random_num, KOREAN_PASSWORD))
    assert RANDOM_NUM_OID in openssl_info(path, KOREAN_PASSWORD)
    loaded = pkcs12.load_pkcs12(path.read_bytes(), KOREAN_PASSWORD.encode("utf-8"))
    assert loaded.key is not None
    assert read_pfx(path.read_bytes(), KOREAN_PASSWORD).random_num == random_num


def test_cryptography_loads_key_certificate_name_and_chain(
    ours: bytes,
    key: rsa.RSAPrivateKey,
    certificate: x509.Certificate,
    ca_certificate: x509.Certificate,
) -> None:
    loaded = pkcs12.load_pkcs12(ours, PFX_PASSWORD.encode("ascii"))
    assert isinstance(loaded.key, rsa.RSAPrivateKey)
    assert loaded.key.private_numbers() == key.private_numbers()
    assert loaded.cert is not None
    assert loaded.cert.certificate == certificate
    assert loaded.cert.friendly_name == "홍길동()0045000000012026112401".encode()
    assert [c.certificate for c in loaded.additional_certs] == [ca_certificate]


# --- our reader --------------------------------------------------------------------------------


def test_round_trip_keeps_random_num_and_the_vid_verifies(
    ours: bytes,
    key: rsa.RSAPrivateKey,
    certificate: x509.Certificate,
    ca_certificate: x509.Certificate,
    random_num: bytes,
) -> None:
    contents = read_pfx(ours, PFX_PASSWORD)
    assert contents.private_key.private_numbers() == key.private_numbers()
    assert contents.certificate == certificate
    assert contents.chain == (ca_certificate,)
    assert contents.random_num == random_num
    assert contents.friendly_name == "홍길동()0045000000012026112401"
    assert contents.random_num is not None
    assert verify_vid(contents.certificate, HOLDER_RRN, contents.random_num)
    assert not verify_vid(contents.certificate, "8001011234568", contents.random_num)
    assert random_num.hex() not in repr(contents)


def test_each_export_is_freshly_salted(
    key: rsa.RSAPrivateKey, certificate: x509.Certificate, random_num: bytes
) -> None:
    first = pfx_bytes(certificate, key, random_num, PFX_PASSWORD)
    second = pfx_bytes(certificate, key, random_num, PFX_PASSWORD)
    assert first != second
    assert read_pfx(first, PFX_PASSWORD).random_num == read_pfx(second, PFX_PASSWORD).random_num


def test_without_random_num_the_key_has_no_attributes(
    key: rsa.RSAPrivateKey, certificate: x509.Certificate, tmp_path: Path
) -> None:
    data = pfx_bytes(certificate, key, None, PFX_PASSWORD, friendly_name="test")
    path = tmp_path / "plain.pfx"
    path.write_bytes(data)
    assert RANDOM_NUM_OID not in openssl_info(path, PFX_PASSWORD)
    contents = read_pfx(data, PFX_PASSWORD)
    assert contents.random_num is None
    assert contents.friendly_name == "test"


def test_iterations_apply_to_key_certificates_and_mac(
    key: rsa.RSAPrivateKey, certificate: x509.Certificate, random_num: bytes, tmp_path: Path
) -> None:
    path = tmp_path / "strong.pfx"
    path.write_bytes(pfx_bytes(certificate, key, random_num, PFX_PASSWORD, iterations=4096))
    info = openssl_info(path, PFX_PASSWORD)
    assert "MAC: sha256, Iteration 4096" in info
    assert info.count("Iteration 4096") == 3


def test_wrong_password_is_told_apart(ours: bytes) -> None:
    with pytest.raises(WrongPfxPassword) as raised:
        read_pfx(ours, PFX_PASSWORD + "x")
    assert "PFX 파일 비밀번호가 올바르지 않습니다" in str(raised.value)
    with pytest.raises(WrongPfxPassword):
        read_pfx(ours, "")
    with pytest.raises(WrongPfxPassword):
        read_pfx(ours, "\ud800")  # a lone surrogate encodes to nothing


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"not a pfx at all",
        bytes(range(256)) * 4,
        der_writer.sequence(der_writer.integer(3)),
        der_writer.sequence(der_writer.integer(2), der_writer.octet_string(b"")),
    ],
    ids=["empty", "text", "noise", "version-only", "not-a-content-info"],
)
def test_garbage_is_not_a_pfx(data: bytes) -> None:
    with pytest.raises(MalformedPfx) as raised:
        read_pfx(data, PFX_PASSWORD)
    assert "PFX" in str(raised.value)


def test_a_certificate_is_not_a_pfx(certificate: x509.Certificate) -> None:
    with pytest.raises(MalformedPfx):
        read_pfx(certificate.public_bytes(serialization.Encoding.DER), PFX_PASSWORD)


@pytest.mark.parametrize("cut", [1, 16, 200, 1000])
def test_truncated_is_not_a_pfx(ours: bytes, cut: int) -> None:
    with pytest.raises(MalformedPfx):
        read_pfx(ours[:-cut], PFX_PASSWORD)


def test_trailing_bytes_are_refused(ours: bytes) -> None:
    with pytest.raises(MalformedPfx):
        read_pfx(ours + b"\x00", PFX_PASSWORD)


def test_oversized_file_is_not_read(ours: bytes) -> None:
    with pytest.raises(PfxTooLarge) as raised:
        read_pfx(ours + bytes(MAX_PFX_SIZE), PFX_PASSWORD)
    assert f"{MAX_PFX_SIZE:,}" in str(raised.value)


def test_iteration_count_is_checked_before_any_derivation(
    key: rsa.RSAPrivateKey,
    certificate: x509.Certificate,
    random_num: bytes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = pfx_bytes(certificate, key, random_num, PFX_PASSWORD, iterations=3000)
    monkeypatch.setattr(pfx_crypto, "MAX_ITERATIONS", 2999)

    def no_derivation(*args: object) -> bytes:
        raise AssertionError("derived a key for a refused count")

    monkeypatch.setattr(pfx_crypto, "pkcs12_kdf", no_derivation)
    with pytest.raises(PfxIterationCountTooHigh):
        read_pfx(data, PFX_PASSWORD)


def test_flipped_bytes_give_only_pfx_errors(
    key: rsa.RSAPrivateKey, certificate: x509.Certificate, random_num: bytes
) -> None:
    data = pfx_bytes(certificate, key, random_num, PFX_PASSWORD, iterations=1)
    rng = random.Random(1607)
    for _ in range(300):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 3)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        try:
            contents = read_pfx(bytes(damaged), PFX_PASSWORD)
        except MgcertError:
            continue
        # A flip the MAC does not cover (its own salt is covered through the key) can
        # only be outside the AuthenticatedSafe: what opens must still be the pair.
        public = contents.certificate.public_key()
        assert isinstance(public, rsa.RSAPublicKey)
        assert public.public_numbers() == contents.private_key.public_key().public_numbers()


# --- other tools' PFX files ----------------------------------------------------------------


@pytest.mark.parametrize(
    "options",
    [
        [],
        ["-name", "openssl"],
        ["-keypbe", "PBE-SHA1-3DES", "-certpbe", "PBE-SHA1-3DES", "-macalg", "sha1"],
        ["-legacy"],  # RC2-40 certificates, 3DES key, SHA-1 MAC
        ["-keypbe", "PBE-SHA1-RC2-128", "-certpbe", "NONE", "-legacy"],
        ["-macalg", "sha512", "-iter", "1000"],
        ["-nomac"],
        ["-keypbe", "NONE", "-certpbe", "NONE"],
        ["-keypbe", "AES-128-CBC", "-certpbe", "DES-EDE3-CBC"],
        ["-certpbe", "PBE-MD5-DES", "-legacy"],  # PBES1 certificates
    ],
    ids=[
        "default",
        "named",
        "3des-sha1",
        "legacy",
        "rc2-128-key",
        "sha512",
        "nomac",
        "nocrypt",
        "aes128-3des",
        "pbes1-certs",
    ],
)
def test_openssl_made_pfx_reads_without_random_num(
    options: list[str],
    key: rsa.RSAPrivateKey,
    certificate: x509.Certificate,
    tmp_path: Path,
) -> None:
    data = openssl_export(tmp_path, key, certificate, PFX_PASSWORD, *options)
    contents = read_pfx(data, PFX_PASSWORD)
    assert contents.random_num is None
    assert contents.certificate == certificate
    assert contents.private_key.private_numbers() == key.private_numbers()
    assert contents.chain == ()
    if "-nomac" not in options:
        with pytest.raises(WrongPfxPassword):
            read_pfx(data, "Wrong#pass2026")


def test_openssl_nomac_with_a_wrong_password(
    key: rsa.RSAPrivateKey, certificate: x509.Certificate, tmp_path: Path
) -> None:
    data = openssl_export(tmp_path, key, certificate, PFX_PASSWORD, "-nomac")
    with pytest.raises(WrongPfxPassword):
        read_pfx(data, "Wrong#pass2026")


def test_openssl_empty_password(
    key: rsa.RSAPrivateKey, certificate: x509.Certificate, tmp_path: Path
) -> None:
    data = openssl_export(tmp_path, key, certificate, "")
    assert read_pfx(data, "").certificate == certificate
    with pytest.raises(WrongPfxPassword):
        read_pfx(data, "x")


def test_openssl_reexport_of_ours_loses_the_random_num(
    ours: bytes, key: rsa.RSAPrivateKey, tmp_path: Path
) -> None:
    """Through PEM and back (a common conversion) the randomNum is gone: the reader
    says so (None) instead of failing, and the center then refuses the import."""
    source = tmp_path / "ours.pfx"
    source.write_bytes(ours)
    pem = tmp_path / "all.pem"
    result = _openssl(
        [
            "pkcs12",
            "-in",
            str(source),
            "-nodes",
            "-out",
            str(pem),
            "-passin",
            f"env:{PASSWORD_ENV}",
        ],
        PFX_PASSWORD,
    )
    assert result.returncode == 0, _text(result.stderr)
    pem.chmod(0o600)
    out = tmp_path / "again.pfx"
    result = _openssl(
        ["pkcs12", "-export", "-in", str(pem), "-out", str(out), "-passout", f"env:{PASSWORD_ENV}"],
        PFX_PASSWORD,
    )
    assert result.returncode == 0, _text(result.stderr)
    contents = read_pfx(out.read_bytes(), PFX_PASSWORD)
    assert contents.private_key.private_numbers() == key.private_numbers()
    assert contents.random_num is None  # PEM has no place for PKCS #8 attributes


def test_key_only_certificate_only_and_mismatched(
    key: rsa.RSAPrivateKey, certificate: x509.Certificate, ca_certificate: x509.Certificate
) -> None:
    encryption = serialization.BestAvailableEncryption(PFX_PASSWORD.encode("ascii"))
    key_only = pkcs12.serialize_key_and_certificates(b"k", key, None, None, encryption)
    with pytest.raises(PfxWithoutCertificate):
        read_pfx(key_only, PFX_PASSWORD)
    cert_only = pkcs12.serialize_key_and_certificates(b"c", None, certificate, None, encryption)
    with pytest.raises(PfxWithoutKey):
        read_pfx(cert_only, PFX_PASSWORD)
    mismatched = pkcs12.serialize_key_and_certificates(
        b"m", key, None, [ca_certificate], encryption
    )
    with pytest.raises(PfxKeyMismatch) as raised:
        read_pfx(mismatched, PFX_PASSWORD)
    assert "짝이 맞지 않습니다" in str(raised.value)


def test_an_ec_key_is_not_an_npki_key() -> None:
    ec_key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(x509.NameOID.COMMON_NAME, "ec")])
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(ec_key.public_key())
        .serial_number(1)
        .not_valid_before(certificate_for(shared_key(0)).not_valid_before_utc)
        .not_valid_after(certificate_for(shared_key(0)).not_valid_after_utc)
        .sign(ec_key, hashes.SHA256())
    )
    encryption = serialization.BestAvailableEncryption(PFX_PASSWORD.encode("ascii"))
    data = pkcs12.serialize_key_and_certificates(b"ec", ec_key, cert, None, encryption)
    with pytest.raises(PfxKeyNotRsa):
        read_pfx(data, PFX_PASSWORD)


# --- the writer's own checks ------------------------------------------------------------------


def test_writer_refuses_what_cannot_be_a_pfx(
    key: rsa.RSAPrivateKey,
    certificate: x509.Certificate,
    ca_certificate: x509.Certificate,
    random_num: bytes,
) -> None:
    with pytest.raises(ValueError, match="password"):
        pfx_bytes(certificate, key, random_num, "")
    with pytest.raises(ValueError, match="belong"):
        pfx_bytes(ca_certificate, key, random_num, PFX_PASSWORD)
    with pytest.raises(ValueError, match="random_num"):
        pfx_bytes(certificate, key, random_num[:10], PFX_PASSWORD)
    with pytest.raises(ValueError, match="iterations"):
        pfx_bytes(certificate, key, random_num, PFX_PASSWORD, iterations=0)
    with pytest.raises(ValueError, match="Basic Multilingual Plane"):
        pfx_bytes(certificate, key, random_num, PFX_PASSWORD, friendly_name="😀")


@der.sequence
class _Probe:
    number: int
    oid: x509.ObjectIdentifier
    name: str


@pytest.mark.parametrize("number", [0, 1, 127, 128, 255, 256, 2**40, -1, -128, -129])
def test_der_writer_agrees_with_the_declarative_decoder(number: int) -> None:
    oid = x509.ObjectIdentifier("1.2.410.200004.10.1.1.3")
    encoded = der_writer.sequence(
        der_writer.integer(number),
        der_writer.object_identifier(oid),
        der_writer.element(0x0C, "가나다".encode() * 50),  # UTF8String, long form length
    )
    probe = der.decode_der(_Probe, encoded)
    assert (probe.number, probe.oid, probe.name) == (number, oid, "가나다" * 50)
    assert der.encode_der(probe) == encoded
