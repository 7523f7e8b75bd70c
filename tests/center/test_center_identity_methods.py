"""The 본인인증 methods table: what each row says is what the flow and the bank do."""

from __future__ import annotations

import pytest
from center_support import KIM, pass_method

from mgcert.bank.errors import IdentityCheckLocked
from mgcert.center import LOCKED_FAILURES, CertificateCenter, IssuanceFlow
from mgcert.center.identity_methods import (
    IDENTITY_METHODS,
    IdentityAnswer,
    IdentityGroup,
    IdentityMethod,
    IdentityMethodRow,
    method_named,
)
from mgcert.center.models import ArsPrompt
from mgcert.center.rules import rule_values
from mgcert.errors import MgcertError
from mgcert.npki.profile import CertificateKind

ROWS = [pytest.param(row, id=row.name) for row in IDENTITY_METHODS]


def _flow(center: CertificateCenter) -> IssuanceFlow:
    flow = center.start_issuance(CertificateKind.GENERAL)
    flow.enter_customer(KIM.rrn, KIM.account, KIM.account_password)
    return flow


def _passed(flow: IssuanceFlow, group: IdentityGroup) -> bool:
    if group is IdentityGroup.PHONE:
        return flow.phone_verified
    return flow.second_factor_verified


def _wrong(row: IdentityMethodRow, right: IdentityAnswer) -> IdentityAnswer:
    """The right answer with every digit changed (same shape)."""
    flipped = tuple("".join(str((int(d) + 1) % 10) for d in v) for v in right.values)
    return IdentityAnswer(row.method, flipped)


def test_the_table_has_each_method_once_in_the_bank_apps_order() -> None:
    assert [row.method for row in IDENTITY_METHODS] == list(IdentityMethod)
    assert [r.method for r in IdentityGroup.PHONE.methods] == [
        IdentityMethod.ARS,
        IdentityMethod.SMS,
    ]
    assert [r.method for r in IdentityGroup.SECURITY_MEDIUM.methods] == [
        IdentityMethod.SECURITY_CARD,
        IdentityMethod.OTP,
    ]
    assert IdentityGroup.PHONE.default is IdentityMethod.ARS
    assert IdentityGroup.SECURITY_MEDIUM.default is IdentityMethod.SECURITY_CARD
    assert IdentityGroup.SECURITY_MEDIUM.label == "보안매체"  # not 전자금융사기 예방서비스


@pytest.mark.parametrize("row", ROWS)
def test_each_row_names_typed_errors_and_known_rule_numbers(row: IdentityMethodRow) -> None:
    assert row.method.row is row
    assert row.label
    assert all(issubclass(error, MgcertError) for error in row.errors)
    assert set(row.rule_keys) <= rule_values().keys()
    assert row.rule_numbers() == {key: rule_values()[key] for key in row.rule_keys}
    if row.lockout is not None:
        assert row.lockout in row.errors
        assert issubclass(row.lockout, LOCKED_FAILURES)
    assert not any(issubclass(e, IdentityCheckLocked) for e in row.errors if e is not row.lockout)


@pytest.mark.parametrize("row", ROWS)
def test_the_simulators_answer_passes_every_method(
    center: CertificateCenter, row: IdentityMethodRow
) -> None:
    flow = _flow(center)
    prompt = row.start(flow)
    if row.prompt_type is None:
        assert prompt is None
    else:
        assert isinstance(prompt, row.prompt_type)
    answer = center.simulator.answer_identity(KIM.customer_id, row.method, prompt)
    assert answer.method is row.method
    assert [len(value) for value in answer.values] == list(row.answer_digits)
    assert not _passed(flow, row.group)
    row.submit(flow, answer)
    assert _passed(flow, row.group)


@pytest.mark.parametrize("row", ROWS)
def test_a_wrong_answer_raises_one_of_the_rows_errors(
    center: CertificateCenter, row: IdentityMethodRow
) -> None:
    flow = _flow(center)
    prompt = row.start(flow)
    if row.method is IdentityMethod.ARS:
        wrong = IdentityAnswer(row.method)  # 확인 before the number was keyed on the phone
    else:
        right = center.simulator.answer_identity(KIM.customer_id, row.method, prompt)
        wrong = _wrong(row, right)
    with pytest.raises(MgcertError) as raised:
        row.submit(flow, wrong)
    assert isinstance(raised.value, row.errors)
    assert not _passed(flow, row.group)


@pytest.mark.parametrize("row", [r for r in ROWS if r.values[0].lockout is not None])
def test_the_lockout_comes_after_the_rows_attempt_count(
    center: CertificateCenter, row: IdentityMethodRow
) -> None:
    (attempts,) = (v for k, v in row.rule_numbers().items() if k.endswith("_attempts"))
    flow = _flow(center)
    raised: list[type[MgcertError]] = []
    for _ in range(attempts):
        prompt = row.start(flow)
        right = center.simulator.answer_identity(KIM.customer_id, row.method, prompt)
        with pytest.raises(MgcertError) as caught:
            row.submit(flow, _wrong(row, right))
        raised.append(type(caught.value))
    assert raised[-1] is row.lockout
    assert row.lockout not in raised[:-1]
    center.simulator.unlock(KIM.customer_id)  # 지점 방문, then the method works again
    pass_method(center, flow, KIM.customer_id, row.method)
    assert _passed(flow, row.group)


def test_the_answer_needs_the_prompt_its_method_started(center: CertificateCenter) -> None:
    flow = _flow(center)
    card_prompt = IdentityMethod.SECURITY_CARD.row.start(flow)
    with pytest.raises(TypeError):
        center.simulator.answer_identity(KIM.customer_id, IdentityMethod.ARS, card_prompt)
    ars = IdentityMethod.ARS.row
    with pytest.raises(ValueError, match="card"):
        ars.submit(flow, IdentityAnswer(IdentityMethod.SECURITY_CARD, ("12", "34")))
    assert isinstance(ars.start(flow), ArsPrompt)


def test_methods_are_found_by_their_command_line_name_within_their_group() -> None:
    assert method_named("SMS", IdentityGroup.PHONE) is IdentityMethod.SMS
    assert method_named("otp", IdentityGroup.SECURITY_MEDIUM) is IdentityMethod.OTP
    assert method_named("otp", IdentityGroup.PHONE) is None
    assert method_named("pass", IdentityGroup.PHONE) is None
