"""인증서 로그인 확인: sign a fresh challenge; the bank side says which check failed.

The client side signs a random challenge with the decrypted key (PKCS #1 v1.5,
SHA-256, as NPKI login modules do). The bank side then checks, independently and in
this order: the signature against the certificate's public key, the chain (issued by a
CA the bank knows), the validity period at the clock's time, the CA's CRL, and the
registration at MG. Every check is reported, passed or not.
"""

from __future__ import annotations

import secrets

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from mgcert.center.catalog import Catalog, open_key
from mgcert.center.certinfo import kst_day_text
from mgcert.center.context import CenterContext
from mgcert.center.models import CertificateEntry, LoginCheck, LoginReport
from mgcert.clock import KST
from mgcert.messages import center as msg

CHALLENGE_BYTES = 32


def sign_challenge(private_key: rsa.RSAPrivateKey, challenge: bytes) -> bytes:
    """The client side: PKCS #1 v1.5 signature with SHA-256."""
    return private_key.sign(challenge, padding.PKCS1v15(), hashes.SHA256())


class LoginChecker:
    """Runs the client side and the bank side of a certificate login."""

    def __init__(self, ctx: CenterContext, catalog: Catalog) -> None:
        self._ctx = ctx
        self._catalog = catalog

    def login_check(self, entry: CertificateEntry, password: str) -> LoginReport:
        """Decrypt the key (wrong password raises), sign, and report each bank check."""
        entry = self._catalog.refresh(entry)
        decrypted = open_key(entry, password)
        challenge = secrets.token_bytes(CHALLENGE_BYTES)
        signature = sign_challenge(decrypted.private_key, challenge)
        return self.verify(entry.stored.certificate, challenge, signature)

    def verify(self, cert: x509.Certificate, challenge: bytes, signature: bytes) -> LoginReport:
        """The bank side: every check on a signed challenge."""
        return LoginReport(
            checks=[
                self._signature(cert, challenge, signature),
                *self._chain_validity_revocation(cert),
                self._registration(cert),
            ]
        )

    def _signature(self, cert: x509.Certificate, challenge: bytes, signature: bytes) -> LoginCheck:
        key = cert.public_key()
        passed = False
        if isinstance(key, rsa.RSAPublicKey):
            try:
                key.verify(signature, challenge, padding.PKCS1v15(), hashes.SHA256())
                passed = True
            except InvalidSignature:
                passed = False
        detail = msg.DETAIL_SIGNATURE_OK if passed else msg.DETAIL_SIGNATURE_BAD
        return LoginCheck(msg.CHECK_SIGNATURE, passed, detail)

    def _chain_validity_revocation(self, cert: x509.Certificate) -> list[LoginCheck]:
        ca = self._catalog.ca_for(cert)
        if ca is None:
            chain = LoginCheck(msg.CHECK_CHAIN, False, msg.DETAIL_CHAIN_BAD)
        else:
            chain = LoginCheck(
                msg.CHECK_CHAIN, True, msg.DETAIL_CHAIN_OK.format(issuer=ca.profile.issuing_cn)
            )
        now = self._ctx.clock.now()
        not_before, not_after = cert.not_valid_before_utc, cert.not_valid_after_utc
        if now < not_before:
            validity = LoginCheck(
                msg.CHECK_VALIDITY,
                False,
                msg.DETAIL_NOT_YET.format(not_before=kst_day_text(not_before)),
            )
        elif now > not_after:
            validity = LoginCheck(
                msg.CHECK_VALIDITY,
                False,
                msg.DETAIL_EXPIRED.format(not_after=kst_day_text(not_after)),
            )
        else:
            validity = LoginCheck(
                msg.CHECK_VALIDITY,
                True,
                msg.DETAIL_VALID_OK.format(not_after=kst_day_text(not_after)),
            )
        if ca is None:
            revocation = LoginCheck(msg.CHECK_REVOCATION, False, msg.DETAIL_REVOCATION_UNKNOWN)
        else:
            revoked = ca.crl().get_revoked_certificate_by_serial_number(cert.serial_number)
            if revoked is None:
                revocation = LoginCheck(msg.CHECK_REVOCATION, True, msg.DETAIL_NOT_REVOKED)
            else:
                when = revoked.revocation_date_utc.astimezone(KST).strftime("%Y-%m-%d %H:%M")
                revocation = LoginCheck(
                    msg.CHECK_REVOCATION, False, msg.DETAIL_REVOKED.format(revoked_at=when)
                )
        return [chain, validity, revocation]

    def _registration(self, cert: x509.Certificate) -> LoginCheck:
        if self._catalog.is_registered(cert):
            return LoginCheck(msg.CHECK_REGISTRATION, True, msg.DETAIL_REGISTERED)
        # 타기관 등록 is for other institutions' certificates only; an MG one is reissued.
        if self._catalog.is_mg(cert):
            return LoginCheck(msg.CHECK_REGISTRATION, False, msg.DETAIL_MG_UNREGISTERED)
        return LoginCheck(msg.CHECK_REGISTRATION, False, msg.DETAIL_UNREGISTERED)
