"""The delegated OCSP responder certificate of a CA (mgcert/ca/responder.py)."""

from __future__ import annotations

import stat
import threading
from datetime import timedelta

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import ExtendedKeyUsageOID

from mgcert.ca import MG_CA_PROFILE, CertificateAuthority
from mgcert.ca.responder import RENEW_BEFORE, ensure_responder, responder_paths
from mgcert.clock import Clock
from mgcert.home import DataHome


def _open(home: DataHome, clock: Clock) -> CertificateAuthority:
    return CertificateAuthority.open(home.ca_dir, home.ca_db, clock, MG_CA_PROFILE, create=False)


def test_made_once_with_the_responder_profile(home_copy: DataHome) -> None:
    clock = Clock(state_file=home_copy.clock_file)
    with _open(home_copy, clock) as ca:
        cert_path, key_path = responder_paths(ca.directory)
        cert_path.unlink(missing_ok=True)
        signer = ensure_responder(ca, clock.now())
        certificate = signer.certificate
        assert certificate is not None
        assert cert_path.read_bytes() == certificate.public_bytes(serialization.Encoding.DER)
        assert stat.S_IMODE(key_path.stat().st_mode) == 0o600
        assert stat.S_IMODE(key_path.parent.stat().st_mode) == 0o700
        certificate.verify_directly_issued_by(ca.issuing_certificate)
        extensions = certificate.extensions
        eku = extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
        assert list(eku) == [ExtendedKeyUsageOID.OCSP_SIGNING]
        extensions.get_extension_for_class(x509.OCSPNoCheck)
        assert extensions.get_extension_for_class(x509.BasicConstraints).value.ca is False
        usage = extensions.get_extension_for_class(x509.KeyUsage)
        assert usage.critical
        assert usage.value.digital_signature
        aki = extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value
        assert aki.authority_cert_serial_number == ca.issuing_certificate.serial_number
        assert aki.authority_cert_issuer == [x509.DirectoryName(ca.issuing_certificate.issuer)]
        lifetime = certificate.not_valid_after_utc - certificate.not_valid_before_utc
        assert timedelta(days=7) < lifetime <= timedelta(days=31)
        assert "TEST" in certificate.subject.rfc4514_string()
        # Fresh: the next call loads the same one.
        again = ensure_responder(ca, clock.now())
        assert again.certificate == certificate


def test_renewed_near_its_end_and_when_the_clock_went_back(home_copy: DataHome) -> None:
    clock = Clock(state_file=home_copy.clock_file)
    with _open(home_copy, clock) as ca:
        first = ensure_responder(ca, clock.now()).certificate
        assert first is not None
        near_end = first.not_valid_after_utc - RENEW_BEFORE + timedelta(minutes=1)
        assert ensure_responder(ca, near_end - timedelta(hours=2)).certificate == first
        renewed = ensure_responder(ca, near_end).certificate
        assert renewed is not None
        assert renewed != first
        assert renewed.not_valid_after_utc - near_end > RENEW_BEFORE
        back = ensure_responder(ca, first.not_valid_before_utc).certificate
        assert back is not None
        assert back != renewed
        assert back.not_valid_before_utc <= first.not_valid_before_utc


def test_parallel_first_uses_make_one_responder(home_copy: DataHome) -> None:
    clock = Clock(state_file=home_copy.clock_file)
    cas = [_open(home_copy, clock) for _ in range(6)]
    try:
        responder_paths(cas[0].directory)[0].unlink(missing_ok=True)
        serials: list[int] = []
        lock = threading.Lock()

        def make(ca: CertificateAuthority) -> None:
            certificate = ensure_responder(ca, clock.now()).certificate
            assert certificate is not None
            with lock:
                serials.append(certificate.serial_number)

        threads = [threading.Thread(target=make, args=(ca,)) for ca in cas]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(serials) == 6
        assert len(set(serials)) == 1
    finally:
        for ca in cas:
            ca.close()


def test_a_damaged_responder_file_is_made_anew(home_copy: DataHome) -> None:
    clock = Clock(state_file=home_copy.clock_file)
    with _open(home_copy, clock) as ca:
        first = ensure_responder(ca, clock.now()).certificate
        cert_path, _ = responder_paths(ca.directory)
        cert_path.write_bytes(b"damaged")
        again = ensure_responder(ca, clock.now()).certificate
        assert again is not None
        assert again != first
        assert x509.load_der_x509_certificate(cert_path.read_bytes()) == again
