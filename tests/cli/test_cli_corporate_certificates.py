"""The bank's CLI commands never offer 법인 (``--kind corporate`` is refused in one line);
a 법인 certificate on a medium is listed and shown like any other."""

from __future__ import annotations

from cli_support import NOW, PASSWORD, CliRunner
from cryptography.hazmat.primitives import serialization

from mgcert.ca import MG_CA_PROFILE, CertificateAuthority, IssueRequest
from mgcert.clock import Clock
from mgcert.home import DataHome
from mgcert.npki.keyfile import encrypt_private_key, new_random_num
from mgcert.npki.keys import generate_key_pair, make_csr
from mgcert.npki.names import folder_name, make_cn
from mgcert.npki.profile import CertificateKind
from mgcert.npki.storage import write_certificate
from mgcert.npki.vid import compute_vid


def test_issue_and_reissue_refuse_the_corporate_kind(mgcert: CliRunner) -> None:
    for command in ("issue", "reissue"):
        refused = mgcert(command, "--customer", "1", "--kind", "corporate")
        assert refused.code == 2
        assert "corporate" in refused.err
        assert "Traceback" not in refused.err


def test_a_corporate_certificate_is_listed_and_shown(
    mgcert: CliRunner, prepared_home: DataHome
) -> None:
    key, random_num = generate_key_pair(), new_random_num()
    with CertificateAuthority.open(
        prepared_home.ca_dir, prepared_home.ca_db, Clock(pinned=NOW), MG_CA_PROFILE
    ) as ca:
        certificate = ca.issue(
            make_csr(key),
            IssueRequest(
                cn=make_cn("주식회사엠지", "0045045"),
                cn_number_digits=9,
                real_name="주식회사엠지",
                vid=compute_vid("1208147521", random_num),
                kind=CertificateKind.CORPORATE,
            ),
        )
        org = ca.profile.org
    write_certificate(
        prepared_home.harddisk_root,
        org,
        folder_name(certificate.subject),
        certificate.public_bytes(serialization.Encoding.DER),
        encrypt_private_key(key, PASSWORD, random_num, iterations=2048),
    )

    listed = mgcert("list", "--json")
    assert listed.code == 0, listed.err
    (corporate,) = [c for c in listed.json()["certificates"] if c["name"] == "주식회사엠지"]
    assert (corporate["kind"], corporate["kind_label"]) == ("corporate", "법인 범용")
    shown = mgcert("show", "--name", "주식회사엠지", "--json")
    assert shown.code == 0, shown.err
    assert shown.json()["policy_oid"] == "1.2.410.200005.1.1.5"
    assert "법인 범용" in mgcert("list").out
