"""The client side of issuing, shared by 발급, 재발급, 갱신, 금융인증서 and the simulator.

Order (DESIGN.md "Layers"): the key pair, randomNum and CSR are made here; the CA only
sees the CSR and the VID; the private key is encrypted with the holder's password; the
files are written atomically, or parked in the recovery area when the medium fails.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from mgcert.bank import Bank
from mgcert.bank.errors import InsufficientBalance
from mgcert.ca import CertificateAuthority, IssueRequest
from mgcert.center import recovery
from mgcert.center.context import CenterContext
from mgcert.center.errors import IssuedButNotSaved
from mgcert.center.models import IssueStage, MediumLocation
from mgcert.center.recovery import ParkedCertificate
from mgcert.errors import MgcertError
from mgcert.home import DataHome
from mgcert.messages import center as msg
from mgcert.npki import storage
from mgcert.npki.keyfile import encrypt_private_key, new_random_num
from mgcert.npki.keys import generate_key_pair, make_csr
from mgcert.npki.names import folder_name
from mgcert.npki.profile import CertificateKind
from mgcert.npki.vid import compute_vid

Progress = Callable[[IssueStage], None]

# An issued certificate whose files could be neither written nor parked is withdrawn.
LOST_REASON = x509.ReasonFlags.cessation_of_operation


def report(progress: Progress | None, stage: IssueStage) -> None:
    if progress is not None:
        progress(stage)


@dataclass(frozen=True)
class IssuedCertificate:
    """A certificate fresh from the CA with its (still unencrypted, in-memory) key."""

    certificate: x509.Certificate
    private_key: rsa.RSAPrivateKey
    random_num: bytes
    ca_org: str

    @property
    def cert_der(self) -> bytes:
        return self.certificate.public_bytes(serialization.Encoding.DER)

    @property
    def serial(self) -> int:
        return self.certificate.serial_number

    @property
    def folder_name(self) -> str:
        return folder_name(self.certificate.subject)


def issue_from_ca(
    ca: CertificateAuthority,
    *,
    real_name: str,
    rrn_digits: str,
    cn: str,
    kind: CertificateKind,
    not_after: datetime | None,
    progress: Progress | None,
) -> IssuedCertificate:
    """Make the key pair, CSR and VID here, and have ``ca`` issue the certificate."""
    report(progress, IssueStage.KEY_PAIR)
    key = generate_key_pair()
    report(progress, IssueStage.CSR)
    csr = make_csr(key)
    random_num = new_random_num()
    vid = compute_vid(rrn_digits, random_num)
    report(progress, IssueStage.CA_SIGNING)
    request = IssueRequest(cn=cn, real_name=real_name, vid=vid, kind=kind, not_after=not_after)
    certificate = ca.issue(csr, request)
    return IssuedCertificate(
        certificate=certificate, private_key=key, random_num=random_num, ca_org=ca.profile.org
    )


def encrypt_for_medium(
    issued: IssuedCertificate, password: str, iterations: int, progress: Progress | None
) -> ParkedCertificate:
    """The two NPKI files' contents: the certificate and the encrypted signPri.key."""
    report(progress, IssueStage.ENCRYPTING)
    key_der = encrypt_private_key(
        issued.private_key, password, issued.random_num, iterations=iterations
    )
    return ParkedCertificate(
        serial=issued.serial,
        ca_org=issued.ca_org,
        folder_name=issued.folder_name,
        cert_der=issued.cert_der,
        key_der=key_der,
    )


def write_or_park(
    home: DataHome,
    location: MediumLocation,
    files: ParkedCertificate,
    progress: Progress | None,
    on_lost: Callable[[], None],
) -> Path:
    """Write the files to ``location``; if that fails, park them and raise.

    Raises :class:`IssuedButNotSaved` (with the recovery folder) when the medium write
    fails. If even parking fails, ``on_lost`` is called (the caller revokes the
    certificate and refunds the fee) and the medium's error is re-raised, so an issued
    certificate is never silently lost.
    """
    report(progress, IssueStage.WRITING)
    try:
        return write_parked(location, files)
    except (OSError, MgcertError) as write_error:
        try:
            folder = recovery.park(home.recovery_dir, files)
        except OSError:
            on_lost()
            raise write_error from None
        raise IssuedButNotSaved(folder, files.serial) from write_error


def issue_and_store(
    ctx: CenterContext,
    fee: FeeCharge,
    issue: Callable[[], IssuedCertificate],
    password: str,
    location: MediumLocation,
    completion: dict[str, Any],
    progress: Progress | None,
) -> tuple[ParkedCertificate, Path]:
    """The issuing transaction shared by 발급/재발급 and 갱신, after the fee is charged.

    Issue at the CA, encrypt the key with ``password``, write to ``location``. A failure
    before the CA issues refunds the fee; one after it also revokes the certificate,
    unless the files were parked safely (:class:`IssuedButNotSaved`: the certificate
    exists, the fee stays, the caller offers another medium).
    """
    try:
        issued = issue()
    except BaseException:
        fee.refund()
        raise

    def lost() -> None:
        ctx.mg_ca.revoke(issued.serial, LOST_REASON)
        fee.refund()

    try:
        files = encrypt_for_medium(issued, password, ctx.iterations, progress)
        files = replace(files, completion=completion)
    except BaseException:
        lost()
        raise
    return files, write_or_park(ctx.home, location, files, progress, lost)


def write_parked(location: MediumLocation, files: ParkedCertificate) -> Path:
    """Write a parked certificate to ``location`` (no parking again on failure)."""
    return storage.write_certificate(
        location.root,
        files.ca_org,
        files.folder_name,
        files.cert_der,
        files.key_der,
        create_root=location.create_root,
    )


class FeeCharge:
    """A fee debited before issuing, refunded once if issuing fails (both in the ledger)."""

    def __init__(self, bank: Bank, account_number: str | None, fee_won: int, reason: str) -> None:
        self._bank = bank
        self._ledger_id: int | None = None
        if fee_won and account_number is not None:
            require_balance(bank, account_number, fee_won)
            self._ledger_id = bank.charge_fee(account_number, fee_won, reason)

    def refund(self) -> None:
        if self._ledger_id is not None:
            ledger_id, self._ledger_id = self._ledger_id, None
            self._bank.refund_fee(ledger_id, msg.FEE_REFUND_REASON)


def require_balance(bank: Bank, account_number: str, fee_won: int) -> int:
    """The balance, or :class:`InsufficientBalance` when the fee cannot be paid."""
    balance = bank.balance(account_number)
    if fee_won > balance:
        raise InsufficientBalance(fee_won, balance)
    return balance
