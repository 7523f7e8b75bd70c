"""The demo certificate: 박지훈's 공동인증서 20 days from expiry, so 갱신 can be shown.

Made once per data home on first open (a marker file makes it idempotent, also when two
processes open a fresh home at once): issued by the real MG CA with an explicit end,
written to the 하드디스크 medium with :data:`DEMO_CERTIFICATE_PASSWORD` (shown in the
simulator panel and by ``mgcert customers``), and registered at the bank like any MG
certificate.
"""

from __future__ import annotations

import contextlib
import os
from datetime import timedelta

from mgcert.ca.validity import end_of_day_kst
from mgcert.center.context import CenterContext
from mgcert.center.issuing import encrypt_for_medium, issue_from_ca, write_parked
from mgcert.center.media import location_of
from mgcert.center.sequence import next_sequence
from mgcert.npki.names import make_cn, mg_cn_digits
from mgcert.npki.profile import CertificateKind
from mgcert.npki.storage import MediumKind

DEMO_CUSTOMER_NAME = "박지훈"
DEMO_DAYS_LEFT = 20
MARKER_FILE = "demo-certificate.done"
# Demo data, printed for the user: meets the password rule (letters, digits, special).
DEMO_CERTIFICATE_PASSWORD = "Jihoon2580!"  # noqa: S105


def ensure_demo_certificate(ctx: CenterContext) -> bool:
    """Create the demo certificate unless this data home already has (had) it.

    Returns True when it was created now.
    """
    marker = ctx.home.root / MARKER_FILE
    try:
        fd = os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return False
    os.close(fd)
    try:
        _create(ctx)
    except BaseException:
        with contextlib.suppress(OSError):
            marker.unlink()
        raise
    return True


def _create(ctx: CenterContext) -> None:
    sheet = next((s for s in ctx.bank.demo_sheets() if s.name == DEMO_CUSTOMER_NAME), None)
    if sheet is None:
        return
    customer = ctx.bank.customer(sheet.customer_id)
    today = ctx.clock.today_kst()
    digits = mg_cn_digits(customer.number, today, next_sequence(ctx.home.root, today))
    issued = issue_from_ca(
        ctx.mg_ca,
        real_name=customer.name,
        rrn_digits=customer.rrn,
        cn=make_cn(customer.name, digits),
        kind=CertificateKind.GENERAL,
        not_after=end_of_day_kst(today + timedelta(days=DEMO_DAYS_LEFT)),
        progress=None,
    )
    files = encrypt_for_medium(issued, DEMO_CERTIFICATE_PASSWORD, ctx.iterations, None)
    write_parked(location_of(ctx.home, MediumKind.HARDDISK), files)
    accounts = ctx.bank.accounts(customer.id)
    ctx.bank.register_certificate(
        customer.id,
        ctx.mg_ca.profile.org,
        issued.serial,
        CertificateKind.GENERAL,
        origin="mg",
        account_number=accounts[0].number if accounts else None,
    )
