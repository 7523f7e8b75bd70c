"""The TUI offers the kinds the bank issues: 은행/신용카드/보험용 and 범용, never 법인; a
법인 certificate found on a medium gets its short label in certificate tables."""

from __future__ import annotations

from cryptography.hazmat.primitives import serialization
from textual.widgets import RadioButton
from tui_driver import open_kind_choice

from mgcert.ca import IssueRequest
from mgcert.center import CertificateCenter, MediumKind
from mgcert.npki.keyfile import encrypt_private_key, new_random_num
from mgcert.npki.keys import generate_key_pair, make_csr
from mgcert.npki.names import folder_name, make_cn
from mgcert.npki.profile import CertificateKind
from mgcert.npki.storage import write_certificate
from mgcert.npki.vid import compute_vid
from mgcert.tui.app import MgcertApp
from mgcert.tui.screens.kind_choice import KindChoiceScreen
from mgcert.tui.widgets.certificate_table import kind_text

SIZE = (100, 36)


async def test_the_kind_choice_offers_no_corporate_kind(app: MgcertApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_kind_choice(pilot)
        screen = app.screen
        assert isinstance(screen, KindChoiceScreen)
        buttons = list(screen.query(RadioButton))
        assert [button.id for button in buttons] == ["kind-general", "kind-universal"]
        assert all("법인" not in str(button.label) for button in buttons)
        assert screen.chosen_kind() is CertificateKind.GENERAL


def test_a_corporate_certificate_has_its_short_label(center: CertificateCenter) -> None:
    key, random_num = generate_key_pair(), new_random_num()
    certificate = center.mg_ca.issue(
        make_csr(key),
        IssueRequest(
            cn=make_cn("주식회사엠지", "0045045"),
            cn_number_digits=9,
            real_name="주식회사엠지",
            vid=compute_vid("1208147521", random_num),
            kind=CertificateKind.CORPORATE,
        ),
    )
    location = center.medium(MediumKind.HARDDISK)
    write_certificate(
        location.root,
        center.mg_ca.profile.org,
        folder_name(certificate.subject),
        certificate.public_bytes(serialization.Encoding.DER),
        encrypt_private_key(key, "Tui-test-2026!", random_num, iterations=2048),
    )

    (entry,) = [
        e
        for e in center.list_certificates(location).entries
        if e.serial == certificate.serial_number
    ]
    assert kind_text(entry) == "법인"
