"""The demo certificate: 박지훈's 공동인증서 20 days from expiry, so 갱신 can be shown.

Made once per data home on first open, as a certificate job (a kill during it is
finished by the next open; a second process opening the new home meanwhile skips it;
a marker file written afterwards saves later opens the check): issued by the real MG
CA with an explicit end, written to the 하드디스크 medium with
:data:`DEMO_CERTIFICATE_PASSWORD` (shown in the simulator panel and by ``mgcert
customers``), and registered at the bank like any MG certificate.
"""

from __future__ import annotations

import os
from datetime import timedelta

from mgcert.ca.validity import end_of_day_kst
from mgcert.center.completion import Completion
from mgcert.center.context import CenterContext
from mgcert.center.errors import JobInProgress
from mgcert.center.issuing import Holder, issue_common
from mgcert.center.media import location_of
from mgcert.center.models import IssueMode
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
    if marker.exists():
        return False
    try:
        made = _create(ctx)
    except JobInProgress:
        return False  # another process opening this new home is making it right now
    # Written once it exists (a kill before this only makes the next open check again).
    fd = os.open(marker, os.O_WRONLY | os.O_CREAT, 0o600)
    os.close(fd)
    return made


def _create(ctx: CenterContext) -> bool:
    sheet = next((s for s in ctx.bank.demo_sheets() if s.name == DEMO_CUSTOMER_NAME), None)
    if sheet is None:
        return False
    customer = ctx.bank.customer(sheet.customer_id)
    if any(r.kind is CertificateKind.GENERAL for r in ctx.bank.registrations(customer.id)):
        return False  # made by an earlier open whose marker was not written yet
    accounts = ctx.bank.accounts(customer.id)
    completion = Completion(
        customer_id=customer.id,
        name=customer.name,
        kind=CertificateKind.GENERAL,
        mode=IssueMode.NEW,
        account_number=accounts[0].number if accounts else None,
        fee_won=0,
        previous=None,
    )
    today = ctx.clock.today_kst()
    # A certificate job like any other, so a kill during the first open is finished
    # (or cancelled) by the next one.
    issue_common(
        ctx,
        Holder(customer.id, customer.name, customer.rrn),
        completion,
        location_of(ctx.home, MediumKind.HARDDISK),
        DEMO_CERTIFICATE_PASSWORD,
        fee_reason="",
        not_after=end_of_day_kst(today + timedelta(days=DEMO_DAYS_LEFT)),
        recheck=lambda: None,
        progress=None,
    )
    return True
