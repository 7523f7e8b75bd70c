"""인증서 관리: details, password change, copy, delete, 폐기 and 등록 해제."""

from __future__ import annotations

import hashlib
import os

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import SignatureAlgorithmOID

from mgcert.ca.errors import AlreadyRevoked
from mgcert.center.catalog import Catalog, open_key
from mgcert.center.certinfo import kind_of, policy_oid
from mgcert.center.context import CenterContext
from mgcert.center.crash_points import crash_point
from mgcert.center.errors import (
    AlreadyDiscarded,
    CenterError,
    CertificateAlreadyOnMedium,
    CopyTargetOccupied,
    KeyWithoutRandomNum,
    KmKeyPasswordDiffers,
    NotMgCertificate,
    NotOtherInstitutionCertificate,
    NotRegistered,
    SameMedium,
)
from mgcert.center.media import check_copy_target
from mgcert.center.models import (
    CertificateDetails,
    CertificateEntry,
    EntryStatus,
    MediumLocation,
    RevocationResult,
)
from mgcert.errors import MgcertError
from mgcert.npki import storage
from mgcert.npki.keyfile import WrongKeyPassword, decrypt_private_key, encrypt_with, key_file_der
from mgcert.npki.keyform import KeyProtection, KeyScheme
from mgcert.npki.names import common_name
from mgcert.npki.password_rule import validate_new_password
from mgcert.npki.vid import VidError, read_identify_data

_SIGNATURE_NAMES = {
    SignatureAlgorithmOID.RSA_WITH_SHA256: "sha256WithRSAEncryption",
    SignatureAlgorithmOID.RSA_WITH_SHA1: "sha1WithRSAEncryption",
    SignatureAlgorithmOID.RSA_WITH_SHA384: "sha384WithRSAEncryption",
    SignatureAlgorithmOID.RSA_WITH_SHA512: "sha512WithRSAEncryption",
}

# The crash point between deleting the certificate a 복사 replaces and writing the copy.
COPY_OCCUPANT_DELETED = "copy_occupant_deleted"

# 폐기 at the user's request: the certificate is no longer needed.
USER_REVOCATION_REASON = x509.ReasonFlags.cessation_of_operation


def fingerprint(cert_der: bytes) -> str:
    """SHA-256 fingerprint as upper-case hex pairs joined by ``:``."""
    digest = hashlib.sha256(cert_der).hexdigest().upper()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


class Management:
    """The 인증서 관리 operations on certificates found on media."""

    def __init__(self, ctx: CenterContext, catalog: Catalog) -> None:
        self._ctx = ctx
        self._catalog = catalog

    def details(self, entry: CertificateEntry) -> CertificateDetails:
        """Every field the details screen shows."""
        cert = entry.stored.certificate
        kind = kind_of(cert)
        oid = policy_oid(cert)
        public_key = cert.public_key()
        try:
            read_identify_data(cert)
            vid_present = True
        except VidError:
            vid_present = False
        return CertificateDetails(
            name=entry.name,
            common_name=common_name(cert.subject),
            subject=cert.subject.rfc4514_string(),
            issuer=cert.issuer.rfc4514_string(),
            issuer_org=entry.issuer_org,
            kind=kind,
            kind_label=kind.label if kind is not None else (oid.dotted_string if oid else "-"),
            policy_oid=oid.dotted_string if oid is not None else None,
            serial=entry.serial,
            serial_hex=entry.serial_hex,
            not_before=entry.not_before,
            not_after=entry.not_after,
            status=entry.status,
            status_text=entry.status_text,
            days_left=entry.days_left,
            registered=entry.registered,
            medium_label=entry.location.label,
            folder=entry.stored.folder,
            cert_path=entry.stored.cert_path,
            key_path=entry.stored.key_path,
            sha256_fingerprint=fingerprint(entry.stored.cert_der),
            signature_algorithm=_SIGNATURE_NAMES.get(
                cert.signature_algorithm_oid, cert.signature_algorithm_oid.dotted_string
            ),
            public_key_bits=public_key.key_size if isinstance(public_key, rsa.RSAPublicKey) else 0,
            vid_present=vid_present,
        )

    def change_password(
        self,
        entry: CertificateEntry,
        old: str,
        new: str,
        confirm: str,
        *,
        scheme: KeyScheme | None = None,
        iterations: int | None = None,
    ) -> KeyProtection:
        """New password per the rule; the key file is rewritten atomically, randomNum kept.

        The file keeps its own form and iteration count (a seedCBCWithSHA1 file at 1024
        stays one) unless ``scheme`` / ``iterations`` say otherwise; the center's setting
        for new files does not apply. Returns what the new file was written with.
        """
        new = validate_new_password(new, confirm)
        entry = self._catalog.refresh(entry)
        decrypted = open_key(entry, old)
        if decrypted.random_num is None:
            # Re-encrypting without it would silently break the VID check.
            raise KeyWithoutRandomNum
        protection = decrypted.protection.with_changes(scheme=scheme, iterations=iterations)
        key_der = encrypt_with(decrypted.private_key, new, decrypted.random_num, protection)
        storage.replace_key_file(
            entry.stored, key_der, km_key_der=_km_key_rewrapped(entry, old, new, scheme, iterations)
        )
        return protection

    def copy_certificate(
        self, entry: CertificateEntry, target: MediumLocation, *, overwrite: bool = False
    ) -> CertificateEntry:
        """Copy both files as they are (key stays encrypted) to another medium; returns
        the copy's entry (its ``identity`` finds it again in a fresh listing).

        Never silent about what is there already, and refused before anything is
        written: the same certificate anywhere on ``target`` →
        :class:`CertificateAlreadyOnMedium` (whatever ``overwrite`` says: there is
        nothing to do); another certificate in the folder the copy needs (the same
        CN under the same CA) → :class:`CopyTargetOccupied`, unless ``overwrite`` —
        then that certificate is deleted from ``target`` first (the TUI asks before).
        """
        entry = self._catalog.refresh(entry)
        if target.root.resolve() == entry.location.root.resolve():
            raise SameMedium
        # Read-only first: the writability probe below touches the medium's folder.
        occupant = self._occupant(entry, target)
        if occupant is not None and not overwrite:
            raise CopyTargetOccupied(target.label, occupant)
        check_copy_target(target)
        key_der = key_file_der(storage.read_key_file(entry.stored))  # no trailing bytes
        km_cert_der = km_key_der = None
        if entry.stored.has_km_pair:  # the key-management pair travels with its certificate
            km_cert_der = entry.stored.km_cert_path.read_bytes()
            km_key_der = key_file_der(storage.read_km_key_file(entry.stored))
        if occupant is not None:
            storage.delete_certificate(occupant.stored)
            # Killed here: the target lost the certificate the user chose to replace, and
            # the source is untouched; copying again finishes the job.
            crash_point(COPY_OCCUPANT_DELETED)
        folder = storage.write_certificate(
            target.root,
            entry.stored.ca_folder,
            entry.stored.folder.name,
            entry.stored.cert_der,
            key_der,
            create_root=target.create_root,
            km_cert_der=km_cert_der,
            km_key_der=km_key_der,
        )
        return self._catalog.find(target, folder)

    def _occupant(self, entry: CertificateEntry, target: MediumLocation) -> CertificateEntry | None:
        """What the copy would meet on ``target``: raises if the certificate is there
        already (or its folder is taken by something unreadable); returns another
        certificate in its folder, or None when the way is free."""
        for stored in storage.discover(target.root).certificates:
            if stored.cert_der == entry.stored.cert_der:
                raise CertificateAlreadyOnMedium(target.label, stored.folder)
        folder = (
            target.root
            / storage.NPKI_DIR
            / entry.stored.ca_folder
            / storage.USER_DIR
            / entry.stored.folder.name
        )
        if not os.path.lexists(folder):
            return None
        try:
            return self._catalog.find(target, folder)
        except (MgcertError, OSError) as exc:  # damaged or not a certificate: never deleted
            raise storage.CertificateFolderExists(folder) from exc

    def delete_certificate(self, entry: CertificateEntry) -> None:
        """Remove the files from the medium (the UI asks for confirmation first)."""
        storage.delete_certificate(self._catalog.refresh(entry).stored)

    def revocation_refusal(self, entry: CertificateEntry) -> CenterError | None:
        """Why 폐기 of ``entry`` cannot be done, known from the listing alone (None: it
        can): another institution's certificate, or one revoked already. Screens ask this
        before the confirmation and the password, so no one types a password in vain."""
        if not self._catalog.is_mg(entry.stored.certificate):
            return NotMgCertificate()
        if entry.status is EntryStatus.REVOKED:
            return AlreadyDiscarded()
        return None

    def revoke_certificate(self, entry: CertificateEntry, password: str) -> RevocationResult:
        """폐기 an MG certificate (password proves possession); the CRL then lists it.

        :meth:`revocation_refusal` is checked first, before the password's KDF.
        """
        entry = self._catalog.refresh(entry)
        refusal = self.revocation_refusal(entry)
        if refusal is not None:
            raise refusal
        open_key(entry, password)
        cert = entry.stored.certificate
        try:
            self._ctx.mg_ca.revoke(cert.serial_number, USER_REVOCATION_REASON)
        except AlreadyRevoked as exc:  # revoked meanwhile, from another window
            raise AlreadyDiscarded from exc
        listed = self._ctx.mg_ca.crl().get_revoked_certificate_by_serial_number(cert.serial_number)
        return RevocationResult(serial=cert.serial_number, crl_lists_serial=listed is not None)

    def unregister(self, entry: CertificateEntry, password: str) -> None:
        """타기관 인증서 등록 해제: password required; never an MG-issued certificate.

        MG's own certificates are registered by 발급 and leave the register only by
        재발급/갱신/폐기; unregistering one would leave a valid MG certificate that
        cannot log in (and a login check that sends the user to 타기관 등록).
        """
        entry = self._catalog.refresh(entry)
        if self._catalog.is_mg(entry.stored.certificate):
            raise NotOtherInstitutionCertificate
        open_key(entry, password)
        if not entry.registered:
            raise NotRegistered
        self._ctx.bank.unregister_certificate(entry.issuer_org, entry.serial)


def _km_key_rewrapped(
    entry: CertificateEntry,
    old: str,
    new: str,
    scheme: KeyScheme | None,
    iterations: int | None,
) -> bytes | None:
    """kmPri.key under the new password, in its own form, when the folder has a KM pair.

    Real folders keep both keys under one password; a kmPri.key the old password does
    not open is refused (:class:`KmKeyPasswordDiffers`) before either file changes.
    """
    if not entry.stored.has_km_pair:
        return None
    try:
        km = decrypt_private_key(storage.read_km_key_file(entry.stored), old)
    except WrongKeyPassword as exc:
        raise KmKeyPasswordDiffers from exc
    protection = km.protection.with_changes(scheme=scheme, iterations=iterations)
    return encrypt_with(km.private_key, new, km.random_num, protection)
