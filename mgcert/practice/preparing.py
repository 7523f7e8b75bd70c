"""Building a mission's situation with the center's own flows and the simulator.

The preparation plays the customer's past the way a learner would: the issuing flow
with the simulated phone (ARS) and 보안카드 answering (not the OTP, whose code a
learner could then not use again), the simulator's "other institution" certificate,
time travel. Only the center's public API is used.
"""

from __future__ import annotations

import secrets
import string

from mgcert.bank.demo import DemoCustomerSheet
from mgcert.center import CertificateCenter, IssuanceResult, MediumLocation
from mgcert.messages import practice as msg
from mgcert.npki.profile import CertificateKind
from mgcert.practice.situation import Fact

# The practice password a story gives the learner (letters, digits, special; 11 long).
STORY_PASSWORD = "Practice25!"  # noqa: S105 (practice data, shown to the learner)


def sheet_of(center: CertificateCenter, customer_id: int) -> DemoCustomerSheet:
    """The demo customer's data sheet (the simulator panel's)."""
    return next(s for s in center.simulator.sheets() if s.customer_id == customer_id)


def customer_facts(
    sheet: DemoCustomerSheet, *, all_accounts: bool = False, balance: bool = False
) -> tuple[Fact, ...]:
    """이름, 주민등록번호, 출금계좌, 계좌비밀번호, 휴대폰 (and the other accounts, balances)."""
    first = sheet.accounts[0]
    facts = [
        Fact(msg.FACT_NAME, sheet.name),
        Fact(msg.FACT_RRN, sheet.rrn),
        Fact(msg.FACT_ACCOUNT, first.number),
        Fact(msg.FACT_ACCOUNT_PASSWORD, first.password),
    ]
    if balance:
        facts.append(Fact(msg.FACT_BALANCE, msg.WON.format(amount=first.balance_won)))
    if all_accounts:
        for other in sheet.accounts[1:]:
            facts.append(Fact(msg.FACT_SECOND_ACCOUNT, f"{other.number} ({other.password})"))
    facts.append(Fact(msg.FACT_PHONE, sheet.phone))
    return tuple(facts)


def forgotten_password() -> str:
    """A random password meeting the rule, told to nobody (the story's forgotten one)."""
    letters = "".join(secrets.choice(string.ascii_letters) for _ in range(8))
    digits = "".join(secrets.choice(string.digits) for _ in range(3))
    return f"{letters}{digits}#"


def issue_for(
    center: CertificateCenter,
    customer_id: int,
    kind: CertificateKind,
    location: MediumLocation,
    password: str,
) -> IssuanceResult:
    """발급 through every step of the flow, the simulated devices answering."""
    sheet = sheet_of(center, customer_id)
    account = sheet.accounts[0]
    flow = center.start_issuance(kind)
    flow.enter_customer(sheet.rrn, account.number, account.password)
    flow.agree_terms(True)
    prompt = flow.start_ars()
    center.simulator.key_in_ars(customer_id, prompt.code)
    flow.confirm_ars()
    challenge = flow.security_card_challenge()
    cells = center.simulator.security_card(customer_id).cells
    flow.verify_security_card(cells[challenge.first_cell][:2], cells[challenge.second_cell][-2:])
    return flow.issue(location, password, password)


def job_ids(center: CertificateCenter) -> tuple[str, ...]:
    """Every certificate job in the journal (the preparation's baseline)."""
    return tuple(job.id for job in center.journal.all())
