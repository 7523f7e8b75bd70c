"""내보내기 / 가져오기: a 12-digit one-time code, 3 minutes, single use."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from center_support import demo_entry, phone

from mgcert.center import CertificateCenter, ExportExpired, ExportUsed, WrongExportCode
from mgcert.center.demo import DEMO_CERTIFICATE_PASSWORD
from mgcert.clock import Clock
from mgcert.npki import storage
from mgcert.npki.keyfile import WrongKeyPassword, decrypt_private_key


def test_export_then_import_on_the_phone(center: CertificateCenter) -> None:
    demo = demo_entry(center)
    ticket = center.export_certificate(demo, DEMO_CERTIFICATE_PASSWORD)
    assert len(ticket.code) == 12
    assert ticket.code.isdigit()
    assert ticket.expires_at == center.clock.now() + timedelta(minutes=3)
    assert ticket.code_grouped.count("-") == 2
    imported = center.import_certificate(ticket.code_grouped, phone(center))
    assert imported.serial == demo.serial
    decrypt_private_key(storage.read_key_file(imported.stored), DEMO_CERTIFICATE_PASSWORD)


def test_parked_export_holds_no_plain_certificate(center: CertificateCenter) -> None:
    demo = demo_entry(center)
    center.export_certificate(demo, DEMO_CERTIFICATE_PASSWORD)
    parked = list((center.home.root / "transfer").glob("*/*"))
    assert parked
    for path in parked:
        data = path.read_bytes()
        assert demo.stored.cert_der not in data
        assert demo.stored.cert_der.hex().encode() not in data
        if path.name == "meta.json":
            assert "code" not in json.loads(data)


def test_export_needs_the_password(center: CertificateCenter) -> None:
    with pytest.raises(WrongKeyPassword):
        center.export_certificate(demo_entry(center), "Wrong-pass1")


def test_wrong_code(center: CertificateCenter) -> None:
    ticket = center.export_certificate(demo_entry(center), DEMO_CERTIFICATE_PASSWORD)
    wrong = str((int(ticket.code) + 1) % 10**12).zfill(12)
    with pytest.raises(WrongExportCode):
        center.import_certificate(wrong, phone(center))
    with pytest.raises(WrongExportCode):
        center.import_certificate("12345", phone(center))
    center.import_certificate(ticket.code, phone(center))  # still usable after a wrong try


def test_expired_code(center: CertificateCenter, clock: Clock) -> None:
    ticket = center.export_certificate(demo_entry(center), DEMO_CERTIFICATE_PASSWORD)
    clock.advance(timedelta(minutes=3, seconds=1))
    with pytest.raises(ExportExpired):
        center.import_certificate(ticket.code, phone(center))
    with pytest.raises(ExportExpired):
        center.import_certificate(ticket.code, phone(center))
    assert center.list_certificates(phone(center)).entries == []


def test_reused_code(center: CertificateCenter) -> None:
    ticket = center.export_certificate(demo_entry(center), DEMO_CERTIFICATE_PASSWORD)
    center.import_certificate(ticket.code, phone(center))
    with pytest.raises(ExportUsed):
        center.import_certificate(ticket.code, phone(center))
