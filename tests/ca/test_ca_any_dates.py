"""Test certificates with any validity (expired, not yet valid, explicit): only when the
request says ``allow_any_dates``; without it the bank flows' rules stay."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from ca_support import CA_NOW, CN_PREFIX, HOLDER_RANDOM_NUM, HOLDER_RRN
from cryptography import x509

from mgcert.ca import CertificateAuthority, CertificateStatus, InvalidIssueRequest, IssueRequest
from mgcert.clock import KST
from mgcert.messages import ca as msg
from mgcert.npki.profile import CertificateKind
from mgcert.npki.vid import compute_vid


def _request(
    *,
    not_before: datetime | None = None,
    not_after: datetime | None = None,
    allow_any_dates: bool = True,
    kind: CertificateKind = CertificateKind.GENERAL,
) -> IssueRequest:
    return IssueRequest(
        cn=CN_PREFIX,
        cn_number_digits=9,
        real_name="홍길동",
        vid=compute_vid(HOLDER_RRN, HOLDER_RANDOM_NUM),
        kind=kind,
        not_before=not_before,
        not_after=not_after,
        allow_any_dates=allow_any_dates,
    )


def _validity(certificate: x509.Certificate) -> tuple[datetime, datetime]:
    return certificate.not_valid_before_utc, certificate.not_valid_after_utc


def test_an_expired_certificate(mg_ca: CertificateAuthority, csr_der: bytes) -> None:
    start = datetime(2020, 1, 30, 0, 0, 0, tzinfo=KST)
    end = datetime(2021, 1, 30, 23, 59, 59, tzinfo=KST)

    certificate = mg_ca.issue(csr_der, _request(not_before=start, not_after=end))

    assert _validity(certificate) == (start, end)
    assert mg_ca.status(certificate.serial_number) is CertificateStatus.EXPIRED


def test_a_certificate_not_valid_yet(mg_ca: CertificateAuthority, csr_der: bytes) -> None:
    start = CA_NOW + timedelta(days=30)

    certificate = mg_ca.issue(csr_der, _request(not_before=start))

    # Without an end: the kind's full term from the start's KST day.
    assert _validity(certificate) == (start, datetime(2027, 12, 24, 23, 59, 59, tzinfo=KST))
    assert certificate.not_valid_before_utc > CA_NOW
    record = mg_ca.record(certificate.serial_number)
    assert record is not None
    assert record.not_before == start


def test_explicit_dates_are_kept_to_the_second(mg_ca: CertificateAuthority, csr_der: bytes) -> None:
    start = datetime(2026, 11, 24, 9, 30, 15, 123456, tzinfo=KST)
    end = datetime(2026, 12, 4, 9, 30, 15, 999999, tzinfo=UTC)

    certificate = mg_ca.issue(csr_der, _request(not_before=start, not_after=end))

    assert _validity(certificate) == (start.replace(microsecond=0), end.replace(microsecond=0))


def test_the_default_start_is_midnight_kst_today(
    mg_ca: CertificateAuthority, csr_der: bytes
) -> None:
    # Expiring in ten days: only the end is given.
    end = datetime(2026, 12, 4, 23, 59, 59, tzinfo=KST)

    certificate = mg_ca.issue(csr_der, _request(not_after=end))

    assert _validity(certificate) == (datetime(2026, 11, 24, tzinfo=KST), end)


def test_a_financial_term_from_a_given_start(mg_ca: CertificateAuthority, csr_der: bytes) -> None:
    start = datetime(2025, 3, 1, 12, 0, tzinfo=KST)

    certificate = mg_ca.issue(csr_der, _request(not_before=start, kind=CertificateKind.FINANCIAL))

    assert certificate.not_valid_after_utc == datetime(2028, 3, 1, 23, 59, 59, tzinfo=KST)


@pytest.mark.parametrize(
    ("not_before", "not_after"),
    [
        (datetime(2021, 1, 1, tzinfo=KST), datetime(2021, 1, 1, tzinfo=KST)),  # equal
        (datetime(2021, 1, 2, tzinfo=KST), datetime(2021, 1, 1, tzinfo=KST)),  # reversed
        # Equal once the microseconds are dropped.
        (
            datetime(2021, 1, 1, 0, 0, 0, 100, tzinfo=KST),
            datetime(2021, 1, 1, 0, 0, 0, 900, tzinfo=KST),
        ),
        (None, datetime(2026, 11, 23, 23, 59, 59, tzinfo=KST)),  # before the default start
    ],
)
def test_the_end_must_follow_the_start(
    mg_ca: CertificateAuthority,
    csr_der: bytes,
    not_before: datetime | None,
    not_after: datetime,
) -> None:
    with pytest.raises(InvalidIssueRequest, match="만료 시각") as caught:
        mg_ca.issue(csr_der, _request(not_before=not_before, not_after=not_after))
    assert "Traceback" not in str(caught.value)


@pytest.mark.parametrize(
    ("not_before", "not_after"),
    [
        (datetime(2021, 1, 1), None),
        (None, datetime(2027, 1, 1)),
        (datetime(2021, 1, 1, tzinfo=KST), datetime(2022, 1, 1)),
    ],
)
def test_naive_times_are_refused(
    mg_ca: CertificateAuthority,
    csr_der: bytes,
    not_before: datetime | None,
    not_after: datetime | None,
) -> None:
    with pytest.raises(InvalidIssueRequest) as caught:
        mg_ca.issue(csr_der, _request(not_before=not_before, not_after=not_after))
    assert caught.value.detail == msg.DETAIL_NAIVE_DATE


@pytest.mark.parametrize(
    ("not_before", "not_after"),
    [
        (datetime(1949, 12, 31, tzinfo=UTC), datetime(2021, 1, 1, tzinfo=UTC)),
        (datetime(9999, 1, 1, tzinfo=UTC), None),  # the default end would be in 10000
    ],
)
def test_dates_x509_cannot_carry_are_refused(
    mg_ca: CertificateAuthority,
    csr_der: bytes,
    not_before: datetime,
    not_after: datetime | None,
) -> None:
    with pytest.raises(InvalidIssueRequest) as caught:
        mg_ca.issue(csr_der, _request(not_before=not_before, not_after=not_after))
    assert caught.value.detail == msg.DETAIL_DATE_OUT_OF_RANGE


def test_the_extremes_x509_can_carry(mg_ca: CertificateAuthority, csr_der: bytes) -> None:
    start = datetime(1950, 1, 1, tzinfo=UTC)
    end = datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)

    certificate = mg_ca.issue(csr_der, _request(not_before=start, not_after=end))

    assert _validity(certificate) == (start, end)


# --- without allow_any_dates: the bank flows' rules ------------------------------------


def test_a_start_needs_the_permission(mg_ca: CertificateAuthority, csr_der: bytes) -> None:
    today = datetime(2026, 11, 24, tzinfo=KST)  # even the default start, given explicitly

    for start in (today, today - timedelta(days=400), today + timedelta(days=30)):
        with pytest.raises(InvalidIssueRequest) as caught:
            mg_ca.issue(csr_der, _request(not_before=start, allow_any_dates=False))
        assert caught.value.detail == msg.DETAIL_DATES_NEED_PERMISSION


def test_a_past_end_needs_the_permission(mg_ca: CertificateAuthority, csr_der: bytes) -> None:
    expired = datetime(2021, 1, 30, 23, 59, 59, tzinfo=KST)

    with pytest.raises(InvalidIssueRequest) as caught:
        mg_ca.issue(csr_der, _request(not_after=expired, allow_any_dates=False))
    assert caught.value.detail == msg.DETAIL_BAD_NOT_AFTER
    # As a test certificate (with a start before it) the same end is issued.
    start = expired - timedelta(days=366)
    issued = mg_ca.issue(csr_der, _request(not_before=start, not_after=expired))
    assert issued.not_valid_after_utc == expired


def test_without_the_permission_the_term_starts_today(
    mg_ca: CertificateAuthority, csr_der: bytes
) -> None:
    end = datetime(2027, 6, 30, 23, 59, 59, tzinfo=KST)

    certificate = mg_ca.issue(csr_der, _request(not_after=end, allow_any_dates=False))

    assert _validity(certificate) == (datetime(2026, 11, 24, tzinfo=KST), end)


def test_the_register_keeps_the_dates_given(mg_ca: CertificateAuthority, csr_der: bytes) -> None:
    start = datetime(2019, 5, 1, 8, 0, tzinfo=KST)
    end = datetime(2020, 5, 1, 8, 0, tzinfo=KST)

    certificate = mg_ca.issue(csr_der, _request(not_before=start, not_after=end))

    record = mg_ca.record(certificate.serial_number)
    assert record is not None
    assert (record.not_before, record.not_after) == (start, end)
    assert any(
        entry.detail.endswith(f"not_after={end.isoformat()}")
        for entry in mg_ca.audit_log(certificate.serial_number)
    )
