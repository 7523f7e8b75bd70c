"""The 본인인증 methods as one table: ARS, SMS, 보안카드, OTP (DOMAIN.md step 3).

Each row of :data:`IDENTITY_METHODS` says everything a client needs about one method:
its group (the phone check, or the 보안매체 that follows it), its Korean label, how the
flow starts it (which :class:`~mgcert.center.identity.IdentitySteps` method asks the
bank, and what prompt comes back), how the typed answer is handed in, how many digits
each answer field takes, which typed errors it can raise (and which of them is its
lockout), and which rule numbers its sentences mention (keys of
:func:`mgcert.center.rules.rule_values`). The simulator plays the device for any row
(:meth:`mgcert.center.simulator.Simulator.answer_identity`); the CLI's
``--phone-check`` / ``--second-factor`` take the rows' names.

Adding a method (say PASS 앱 인증) is: the bank module that checks it, an
:class:`IdentitySteps` pair of methods, one row here, one step widget, and tests
(docs/architecture.md "Adding an identity method").
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from mgcert.bank import errors as bank
from mgcert.bank.models import OtpReading, SecurityCard, SmsMessage
from mgcert.center import rules
from mgcert.center.errors import NoPendingChallenge, StepsIncomplete
from mgcert.center.identity import IdentitySteps
from mgcert.center.models import ArsPrompt, SecurityCardPrompt, SmsPrompt
from mgcert.errors import MgcertError
from mgcert.messages import center_identity as msg


class IdentityGroup(enum.Enum):
    """The two checks of step 3, in the order they are asked."""

    PHONE = "phone"  # ARS or SMS: the 전자금융사기 예방서비스 check
    SECURITY_MEDIUM = "security_medium"  # 보안카드 or OTP

    @property
    def label(self) -> str:
        return _GROUP_LABELS[self]

    @property
    def methods(self) -> list[IdentityMethodRow]:
        """This group's rows, in table order (the first is the default)."""
        return [row for row in IDENTITY_METHODS if row.group is self]

    @property
    def default(self) -> IdentityMethod:
        return self.methods[0].method


_GROUP_LABELS = {
    IdentityGroup.PHONE: msg.GROUP_PHONE,
    IdentityGroup.SECURITY_MEDIUM: msg.GROUP_SECURITY_MEDIUM,
}


class IdentityMethod(enum.Enum):
    """One way to pass a check; the value is its name on the command line."""

    ARS = "ars"
    SMS = "sms"
    SECURITY_CARD = "card"
    OTP = "otp"

    @property
    def row(self) -> IdentityMethodRow:
        return method_row(self)


# What starting a method shows: the 승인번호 to key in, where the SMS went, which two
# 보안카드 cells to read, or nothing (an OTP device shows its code without being asked).
IdentityPrompt = ArsPrompt | SmsPrompt | SecurityCardPrompt | None


@dataclass(frozen=True)
class IdentityAnswer:
    """What the customer types for a method, one string per field of the row's
    ``answer_digits`` (ARS: none — the 승인번호 is keyed on the phone itself)."""

    method: IdentityMethod
    values: tuple[str, ...] = ()


class Devices(Protocol):
    """The customer's devices as the simulator plays them
    (:class:`~mgcert.center.simulator.Simulator`)."""

    def key_in_ars(self, customer_id: int, digits: str) -> bool: ...

    def sms_inbox(self, customer_id: int) -> list[SmsMessage]: ...

    def security_card(self, customer_id: int) -> SecurityCard: ...

    def otp(self, customer_id: int) -> OtpReading: ...


@dataclass(frozen=True)
class IdentityMethodRow:
    """Everything about one 본인인증 method."""

    method: IdentityMethod
    group: IdentityGroup
    label: str
    prompt_type: type[ArsPrompt] | type[SmsPrompt] | type[SecurityCardPrompt] | None
    # The IdentitySteps call that asks the bank (returns the prompt to show).
    start: Callable[[IdentitySteps], IdentityPrompt]
    # The IdentitySteps call that hands the answer in; raises one of ``errors``.
    submit: Callable[[IdentitySteps, IdentityAnswer], None]
    # The customer's device: what they do there and what they then type (the simulator).
    play: Callable[[Devices, int, IdentityPrompt], IdentityAnswer]
    answer_digits: tuple[int, ...]  # digits per typed field
    errors: tuple[type[MgcertError], ...]  # what start or submit can raise
    lockout: type[bank.IdentityCheckLocked] | None  # the error that needs a 지점 방문
    rule_keys: tuple[str, ...]  # the rule numbers its sentences name

    @property
    def name(self) -> str:
        """The command-line name (``--phone-check sms``)."""
        return self.method.value

    def rule_numbers(self) -> dict[str, int]:
        """This method's rule numbers as of now (read from the center's rules)."""
        values = rules.rule_values()
        return {key: values[key] for key in self.rule_keys}

    def answer(self, steps: IdentitySteps, *values: str) -> None:
        """Hand in typed values (one per answer field) through ``submit``."""
        self.submit(steps, IdentityAnswer(self.method, tuple(values)))


def _no_prompt(steps: IdentitySteps) -> None:
    """OTP: nothing to request (the device shows its code; ``verify_otp`` checks it)."""
    del steps


def _confirm_ars(steps: IdentitySteps, answer: IdentityAnswer) -> None:
    _expect(answer, IdentityMethod.ARS, 0)
    steps.confirm_ars()


def _verify_sms(steps: IdentitySteps, answer: IdentityAnswer) -> None:
    _expect(answer, IdentityMethod.SMS, 1)
    steps.verify_sms(answer.values[0])


def _verify_card(steps: IdentitySteps, answer: IdentityAnswer) -> None:
    _expect(answer, IdentityMethod.SECURITY_CARD, 2)
    steps.verify_security_card(answer.values[0], answer.values[1])


def _verify_otp(steps: IdentitySteps, answer: IdentityAnswer) -> None:
    _expect(answer, IdentityMethod.OTP, 1)
    steps.verify_otp(answer.values[0])


def _play_ars(devices: Devices, customer_id: int, prompt: IdentityPrompt) -> IdentityAnswer:
    """Key the 승인번호 shown on the screen on the ringing phone; nothing is typed."""
    if not isinstance(prompt, ArsPrompt):
        raise TypeError(prompt)
    devices.key_in_ars(customer_id, prompt.code)
    return IdentityAnswer(IdentityMethod.ARS)


def _play_sms(devices: Devices, customer_id: int, prompt: IdentityPrompt) -> IdentityAnswer:
    """The code in the newest message of the phone's inbox."""
    if not isinstance(prompt, SmsPrompt):
        raise TypeError(prompt)
    inbox = devices.sms_inbox(customer_id)  # newest first
    return IdentityAnswer(IdentityMethod.SMS, (inbox[0].code if inbox else "",))


def _play_card(devices: Devices, customer_id: int, prompt: IdentityPrompt) -> IdentityAnswer:
    """The first two digits of the first cell asked, the last two of the second."""
    if not isinstance(prompt, SecurityCardPrompt):
        raise TypeError(prompt)
    cells = devices.security_card(customer_id).cells
    first, second = cells[prompt.first_cell], cells[prompt.second_cell]
    return IdentityAnswer(IdentityMethod.SECURITY_CARD, (first[:2], second[-2:]))


def _play_otp(devices: Devices, customer_id: int, prompt: IdentityPrompt) -> IdentityAnswer:
    """The code the OTP device shows now."""
    del prompt
    return IdentityAnswer(IdentityMethod.OTP, (devices.otp(customer_id).code,))


def _expect(answer: IdentityAnswer, method: IdentityMethod, fields: int) -> None:
    # A programming error (the wrong row's answer), not user input.
    if answer.method is not method or len(answer.values) != fields:
        raise ValueError(f"{answer.method.value} answer with {len(answer.values)} values")


_COMMON: tuple[type[MgcertError], ...] = (StepsIncomplete, bank.UnknownCustomer)

# In the order the bank app offers them; the first of each group is its default.
IDENTITY_METHODS: tuple[IdentityMethodRow, ...] = (
    IdentityMethodRow(
        method=IdentityMethod.ARS,
        group=IdentityGroup.PHONE,
        label=msg.METHOD_ARS,
        prompt_type=ArsPrompt,
        start=IdentitySteps.start_ars,
        submit=_confirm_ars,
        play=_play_ars,
        answer_digits=(),
        errors=(
            *_COMMON,
            NoPendingChallenge,
            bank.InvalidArsDigits,  # keyed on the phone
            bank.ArsNotConfirmed,
            bank.ArsExpired,
            bank.ArsSuperseded,
            bank.ArsFailed,
            bank.ArsAlreadyUsed,
            bank.UnknownArsCall,
        ),
        lockout=None,
        rule_keys=("ars_minutes",),
    ),
    IdentityMethodRow(
        method=IdentityMethod.SMS,
        group=IdentityGroup.PHONE,
        label=msg.METHOD_SMS,
        prompt_type=SmsPrompt,
        start=IdentitySteps.send_sms,
        submit=_verify_sms,
        play=_play_sms,
        answer_digits=(6,),
        errors=(
            *_COMMON,
            NoPendingChallenge,
            bank.InvalidSmsCodeFormat,
            bank.WrongSmsCode,
            bank.SmsVoided,
            bank.SmsExpired,
            bank.SmsSuperseded,
            bank.SmsAlreadyUsed,
            bank.SmsSendLimited,
            bank.UnknownSmsChallenge,
        ),
        lockout=None,
        rule_keys=("sms_minutes", "sms_attempts"),
    ),
    IdentityMethodRow(
        method=IdentityMethod.SECURITY_CARD,
        group=IdentityGroup.SECURITY_MEDIUM,
        label=msg.METHOD_SECURITY_CARD,
        prompt_type=SecurityCardPrompt,
        start=IdentitySteps.security_card_challenge,
        submit=_verify_card,
        play=_play_card,
        answer_digits=(2, 2),
        errors=(
            *_COMMON,
            NoPendingChallenge,
            bank.InvalidSecurityCardFormat,
            bank.WrongSecurityCard,
            bank.SecurityCardLocked,
            bank.SecurityCardChallengeUsed,
            bank.UnknownSecurityCardChallenge,
        ),
        lockout=bank.SecurityCardLocked,
        rule_keys=("card_attempts",),
    ),
    IdentityMethodRow(
        method=IdentityMethod.OTP,
        group=IdentityGroup.SECURITY_MEDIUM,
        label=msg.METHOD_OTP,
        prompt_type=None,
        start=_no_prompt,
        submit=_verify_otp,
        play=_play_otp,
        answer_digits=(6,),
        errors=(*_COMMON, bank.InvalidOtpFormat, bank.WrongOtp, bank.OtpLocked, bank.OtpReplayed),
        lockout=bank.OtpLocked,
        rule_keys=("otp_attempts",),
    ),
)


def method_row(method: IdentityMethod) -> IdentityMethodRow:
    """The row of :data:`IDENTITY_METHODS` for ``method``."""
    for row in IDENTITY_METHODS:
        if row.method is method:
            return row
    raise ValueError(method)


def method_named(name: str, group: IdentityGroup) -> IdentityMethod | None:
    """The method of ``group`` called ``name`` on the command line (None if none is)."""
    for row in group.methods:
        if row.name == name.strip().lower():
            return row.method
    return None
