"""The simulated bank's facade: the one object the center talks to.

Each part lives in its own module (customers, account_password, ars, sms,
security_card, otp, fees, registrations, cloud, demo); :class:`Bank` wires them to one
database and one clock and offers the names fixed in docs/architecture.md.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from types import TracebackType

from mgcert.bank import demo, kdf
from mgcert.bank.account_password import AccountPasswords
from mgcert.bank.ars import Ars
from mgcert.bank.cloud import Cloud
from mgcert.bank.customers import Customers, customer_row
from mgcert.bank.db import Database, register_id
from mgcert.bank.demo import DemoCustomerSheet
from mgcert.bank.fees import Fees
from mgcert.bank.limits import TIMERS_RUN, CodeTimers
from mgcert.bank.models import (
    Account,
    ArsCall,
    CertificateOrigin,
    CloudCertificateInfo,
    Customer,
    LedgerEntry,
    LockState,
    OtpReading,
    Registration,
    SecurityCard,
    SecurityCardChallenge,
    SmsChallenge,
    SmsMessage,
)
from mgcert.bank.onboarding import NewAccount, open_customer
from mgcert.bank.otp import Otp
from mgcert.bank.registrations import Registrations
from mgcert.bank.security_card import SecurityCards, new_seed
from mgcert.bank.sms import Sms
from mgcert.bank.vault import SECRET_FILE_NAME, ServerSecret, Vault
from mgcert.bank.vault import unlock as unlock_vault
from mgcert.clock import Clock
from mgcert.npki.profile import CertificateKind


class Bank:
    """Customers, accounts, identity checks with lockouts, fees, registrations, cloud.

    Safe to share between threads; several processes may open the same file.
    """

    def __init__(
        self, db: Database, clock: Clock, cost: kdf.ScryptCost, timers: CodeTimers = TIMERS_RUN
    ) -> None:
        self.clock = clock
        self._db = db
        self._cost = cost
        with db.read() as conn:
            self._register_id = register_id(conn)
        self._customers = Customers(db)
        self._passwords = AccountPasswords(db)
        self._ars = Ars(db, clock, timers)
        self._sms = Sms(db, clock, timers)
        self._cards = SecurityCards(db, clock)
        self._otp = Otp(db, clock)
        self._fees = Fees(db, clock)
        self._registrations = Registrations(db, clock)
        self._cloud = Cloud(db, clock, cost)

    @classmethod
    def open(
        cls,
        db_path: Path,
        clock: Clock,
        *,
        kdf_cost: kdf.ScryptCost = kdf.DEFAULT_SCRYPT,
        secret_path: Path | None = None,
        create: bool = True,
        timers: CodeTimers = TIMERS_RUN,
    ) -> Bank:
        """Open ``db_path`` (schema and demo customers are created on first run).

        ``kdf_cost`` is the scrypt cost for new account passwords and PINs (tests pass a
        cheap one; rows keep their own cost). ``secret_path`` defaults to
        ``<db dir>/bank-secret.key``; it is made with the bank (vault.py) and must be
        kept (and backed up) with it. With ``create=False`` the file must already be a
        bank: a missing or empty file, or one without a schema, raises
        :class:`BankRegisterMissing` and nothing is created (no silent recreation).
        ``timers`` says whether ARS calls and SMS codes run out (limits.CodeTimers).
        BankSecretMissing / BankSecretMismatch: the secret file is gone, damaged or
        another one while the bank file holds values sealed with it.
        """
        secret_file = ServerSecret(secret_path or db_path.parent / SECRET_FILE_NAME)

        def fill(conn: sqlite3.Connection, vault: Vault) -> None:
            # A brand-new file: the 보안카드 seed first, then the demo customers.
            new_seed(conn, vault)
            demo.install(conn, vault, kdf_cost)

        def unlock_file(conn: sqlite3.Connection, has_tables: bool) -> Vault:
            return unlock_vault(conn, secret_file, has_meta=has_tables)

        db = Database.open(db_path, fill, unlock=unlock_file, create=create)
        return cls(db, clock, kdf_cost, timers)

    @property
    def path(self) -> Path:
        """The database file."""
        return self._db.path

    @property
    def register_id(self) -> str:
        """The random id (32 hex digits) naming this bank file, made with the file.

        A file made before schema v2 got one at its first open by newer code. The data
        home's manifest records it to recognise its own bank.db.
        """
        return self._register_id

    def close(self) -> None:
        """Close the database connection."""
        self._db.close()

    def __enter__(self) -> Bank:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- customers and accounts ----------------------------------------------------------

    def customers(self) -> list[Customer]:
        """All customers, by id."""
        return self._customers.all()

    def customer(self, customer_id: int) -> Customer:
        """One customer; UnknownCustomer if there is none with this id."""
        return self._customers.get(customer_id)

    def find_customer(self, rrn13: str, account_number: str) -> Customer:
        """The customer by 주민등록번호 + one of their accounts.

        Raises InvalidResidentNumberFormat / InvalidAccountNumberFormat (shape),
        UnknownCustomer (no such 주민등록번호), UnknownAccount (no such account),
        AccountMismatch (the account is someone else's).
        """
        return self._customers.find(rrn13, account_number)

    def accounts(self, customer_id: int) -> list[Account]:
        """The customer's accounts, in the order they were opened."""
        return self._customers.accounts(customer_id)

    def account(self, account_number: str) -> Account:
        """One account by number (any hyphenation); UnknownAccount if none."""
        return self._customers.account(account_number)

    def add_customer(
        self,
        *,
        name: str,
        rrn: str,
        phone: str,
        number: int,
        accounts: tuple[NewAccount, ...],
    ) -> Customer:
        """Open a new customer with accounts, a 보안카드 and an OTP device."""
        with self._db.write() as conn:
            customer_id = open_customer(
                conn,
                self._db.vault,
                name=name,
                rrn=rrn,
                phone=phone,
                number=number,
                accounts=accounts,
                cost=self._cost,
            )
        return self.customer(customer_id)

    def verify_account_password(self, account_number: str, password: str) -> None:
        """Check the 4-digit 계좌비밀번호.

        Raises InvalidAccountPasswordFormat (no attempt used), UnknownAccount,
        WrongAccountPassword(remaining), or EBankingLocked (the 5th wrong entry in a row,
        and every entry after it until :meth:`unlock`).
        """
        self._passwords.verify(account_number, password)

    # --- ARS -------------------------------------------------------------------------------

    def start_ars(self, customer_id: int) -> ArsCall:
        """Call the customer's registered phone; the screen shows ``ArsCall.code``."""
        return self._ars.start(customer_id)

    def pending_ars_call(self, customer_id: int) -> ArsCall | None:
        """The call ringing on the customer's phone now (the simulator's phone)."""
        return self._ars.pending(customer_id)

    def key_in_ars(self, call_id: str, digits: str) -> bool:
        """The phone's keypad: True if ``digits`` match; False keeps the call ringing.

        The 3rd wrong entry ends the call (ArsFailed on the next use).
        """
        return self._ars.key_in(call_id, digits)

    def confirm_ars(self, call_id: str) -> None:
        """The screen's 확인: ArsExpired (after 3 minutes), ArsNotConfirmed (not keyed yet),
        ArsFailed, ArsSuperseded, ArsAlreadyUsed; passes once otherwise."""
        self._ars.confirm(call_id)

    # --- SMS -------------------------------------------------------------------------------

    def send_sms(self, customer_id: int) -> SmsChallenge:
        """Send a 6-digit code (3 minutes, single use) to the registered phone.

        SmsSendLimited (nothing sent) if 5 codes went to the customer in the last 10
        minutes (limits.py); it carries ``retry_at``.
        """
        return self._sms.send(customer_id)

    def sms_inbox(self, customer_id: int) -> list[SmsMessage]:
        """The simulated phone's messages, newest first."""
        return self._sms.inbox(customer_id)

    def verify_sms(self, challenge_id: str, code: str) -> None:
        """InvalidSmsCodeFormat, WrongSmsCode(remaining), SmsVoided (5th wrong),
        SmsExpired, SmsSuperseded, SmsAlreadyUsed, UnknownSmsChallenge; passes once."""
        self._sms.verify(challenge_id, code)

    # --- 보안카드 ---------------------------------------------------------------------------

    def security_card(self, customer_id: int) -> SecurityCard:
        """The customer's card, cells 1..35 (the simulator panel shows it)."""
        return self._cards.card(customer_id)

    def security_card_challenge(self, customer_id: int) -> SecurityCardChallenge:
        """Ask for two random distinct cells; SecurityCardLocked if the card is locked."""
        return self._cards.challenge(customer_id)

    def verify_security_card(self, challenge_id: str, first_two: str, last_two: str) -> None:
        """First two digits of the first cell, last two of the second.

        Raises InvalidSecurityCardFormat, WrongSecurityCard(remaining), SecurityCardLocked
        (5th wrong in a row), SecurityCardChallengeUsed, UnknownSecurityCardChallenge.
        """
        self._cards.verify(challenge_id, first_two, last_two)

    # --- OTP -------------------------------------------------------------------------------

    def otp_code(self, customer_id: int) -> OtpReading:
        """What the customer's OTP device shows at the simulated now."""
        return self._otp.reading(customer_id)

    def verify_otp(self, customer_id: int, code: str) -> None:
        """±1 step accepted. InvalidOtpFormat, WrongOtp(remaining), OtpReplayed (not
        counted), OtpLocked (10th wrong in a row)."""
        self._otp.verify(customer_id, code)

    # --- locks -----------------------------------------------------------------------------

    def lock_state(self, customer_id: int) -> LockState:
        """Every lock and wrong-entry counter of the customer."""
        with self._db.read() as conn:
            customer_row(conn, customer_id)
            accounts = conn.execute(
                "SELECT number, password_failures, ebanking_locked FROM accounts"
                " WHERE customer_id = ? ORDER BY id",
                (customer_id,),
            ).fetchall()
            card = conn.execute(
                "SELECT failures, locked FROM security_cards WHERE customer_id = ?",
                (customer_id,),
            ).fetchone()
            otp = conn.execute(
                "SELECT failures, locked FROM otp_devices WHERE customer_id = ?", (customer_id,)
            ).fetchone()
            cloud = conn.execute(
                "SELECT pin_failures, pin_locked FROM cloud_certificates WHERE customer_id = ?",
                (customer_id,),
            ).fetchone()
        return LockState(
            customer_id=customer_id,
            ebanking_locked_accounts=tuple(a["number"] for a in accounts if a["ebanking_locked"]),
            account_password_failures={a["number"]: a["password_failures"] for a in accounts},
            security_card_locked=bool(card["locked"]),
            security_card_failures=card["failures"],
            otp_locked=bool(otp["locked"]),
            otp_failures=otp["failures"],
            pin_locked=bool(cloud["pin_locked"]) if cloud else False,
            pin_failures=cloud["pin_failures"] if cloud else 0,
        )

    def unlock(self, customer_id: int) -> None:
        """지점 방문: clear every lock and wrong-entry counter of the customer.

        Covers the accounts' e-banking, the 보안카드, the OTP device and the 금융인증서
        PIN. Open SMS codes and ARS calls are left as they are: a voided code or an
        ended call is not a lock, the screen simply asks for a new one.
        """
        with self._db.write() as conn:
            customer_row(conn, customer_id)
            conn.execute(
                "UPDATE accounts SET password_failures = 0, ebanking_locked = 0"
                " WHERE customer_id = ?",
                (customer_id,),
            )
            conn.execute(
                "UPDATE security_cards SET failures = 0, locked = 0 WHERE customer_id = ?",
                (customer_id,),
            )
            conn.execute(
                "UPDATE otp_devices SET failures = 0, locked = 0 WHERE customer_id = ?",
                (customer_id,),
            )
            conn.execute(
                "UPDATE cloud_certificates SET pin_failures = 0, pin_locked = 0"
                " WHERE customer_id = ?",
                (customer_id,),
            )

    # --- fees ------------------------------------------------------------------------------

    def charge_fee(
        self, account_number: str, amount_won: int, reason: str, *, job_id: str | None = None
    ) -> int:
        """Debit a fee; returns the ledger id. InsufficientBalance (nothing changed),
        EBankingLocked, UnknownAccount.

        With ``job_id`` (32 lowercase hex digits) the job is charged at most once: a
        repeated call returns the first debit's id and changes nothing (even if it was
        refunded meanwhile). JobIdConflict if the job was charged to another account or
        amount.
        """
        return self._fees.charge(account_number, amount_won, reason, job_id=job_id)

    def refund_fee(self, ledger_id: int, reason: str) -> int:
        """Credit a debit back once; returns the refund's ledger id. FeeAlreadyRefunded,
        NotRefundable (not a debit), UnknownLedgerEntry."""
        return self._fees.refund(ledger_id, reason)

    def refund_job(self, job_id: str, reason: str) -> bool:
        """Credit the job's debit back; True if a refund was made by this call.

        False (nothing changed) if the job has no debit or it was already refunded.
        """
        return self._fees.refund_job(job_id, reason)

    def job_charge(self, job_id: str) -> LedgerEntry | None:
        """The debit made for the job, or None; ``.refunded`` / ``.refunded_by`` tell
        whether it was credited back."""
        return self._fees.job_charge(job_id)

    def balance(self, account_number: str) -> int:
        """The account's balance in 원."""
        return self._fees.balance(account_number)

    def ledger(self, account_number: str) -> list[LedgerEntry]:
        """The account's fee debits and refunds, oldest first."""
        return self._fees.ledger(account_number)

    # --- registered certificates ----------------------------------------------------------

    def register_certificate(
        self,
        customer_id: int,
        issuer_org: str,
        serial: int,
        kind: CertificateKind,
        origin: CertificateOrigin | str = CertificateOrigin.MG,
        account_number: str | None = None,
        *,
        job_id: str | None = None,
    ) -> Registration:
        """Let the customer use this certificate here; returns the registration.

        Idempotent: a certificate the same customer already registered is returned as
        it is. CertificateAlreadyRegistered (another customer's), AccountMismatch
        (account given and not theirs). ``job_id`` is recorded with a new registration.
        """
        return self._registrations.register(
            customer_id, issuer_org, serial, kind, origin, account_number, job_id=job_id
        )

    def unregister_certificate(self, issuer_org: str, serial: int) -> None:
        """Remove a registration; CertificateNotRegistered if there is none."""
        self._registrations.unregister(issuer_org, serial)

    def registration(self, issuer_org: str, serial: int) -> Registration | None:
        """The registration of one certificate, or None."""
        return self._registrations.get(issuer_org, serial)

    def registrations(self, customer_id: int) -> list[Registration]:
        """The customer's registered certificates, oldest first."""
        return self._registrations.of_customer(customer_id)

    # --- 금융인증서 cloud -------------------------------------------------------------------

    def cloud_store(
        self,
        customer_id: int,
        pin: str,
        payload: bytes,
        *,
        serial: int | None = None,
        not_after: datetime | None = None,
    ) -> None:
        """Keep the 금융인증서 encrypted under ``pin`` (replaces any earlier one and
        clears its PIN lock). InvalidPinFormat, TrivialPin."""
        self._cloud.store(customer_id, pin, payload, serial=serial, not_after=not_after)

    def cloud_park(self, customer_id: int, pin: str, key_payload: bytes, job_id: str) -> None:
        """Phase 1 of a 금융인증서 job: keep ``key_payload`` encrypted under ``pin`` (as
        :meth:`cloud_store` does) in a pending row of the job, before the CA issues.

        The customer's current 금융인증서 is not touched. InvalidPinFormat, TrivialPin;
        idempotent per job (a repeat keeps the first payload); JobIdConflict if the job
        was parked for another customer.
        """
        self._cloud.park(customer_id, pin, key_payload, job_id)

    def cloud_commit(
        self, job_id: str, cert_der: bytes, *, serial: int, not_after: datetime
    ) -> None:
        """Phase 2: atomically make the job's parked payload the customer's 금융인증서,
        with ``cert_der`` stored in clear; clears the PIN count and lock.

        Idempotent (a committed job with the same serial: nothing happens).
        CloudJobNotParked if the job was never parked (or was discarded);
        JobIdConflict if it was committed with another serial.
        """
        self._cloud.commit(job_id, cert_der, serial=serial, not_after=not_after)

    def cloud_discard(self, job_id: str) -> None:
        """Drop the job's parked payload (roll back); nothing if none or committed."""
        self._cloud.discard(job_id)

    def cloud_pending(self, job_id: str) -> bool:
        """Whether the job has a parked payload, neither committed nor discarded."""
        return self._cloud.pending(job_id)

    def cloud_certificate_der(self, customer_id: int) -> bytes | None:
        """The certificate stored in clear by :meth:`cloud_commit`; None if the stored
        금융인증서 came from :meth:`cloud_store` (its payload holds the certificate) or
        there is none. UnknownCustomer."""
        return self._cloud.certificate_der(customer_id)

    def cloud_open(self, customer_id: int, pin: str) -> bytes:
        """Decrypt the stored 금융인증서 (for a committed job: its key payload).
        InvalidPinFormat (not counted), WrongPin(remaining), PinLocked (5th wrong in a
        row), NoCloudCertificate, CloudKeyUnavailable."""
        return self._cloud.open(customer_id, pin)

    def cloud_has(self, customer_id: int) -> bool:
        """Whether the customer has a stored 금융인증서."""
        return self._cloud.has(customer_id)

    def cloud_info(self, customer_id: int) -> CloudCertificateInfo | None:
        """Serial, expiry and lock state of the stored 금융인증서, if any."""
        return self._cloud.info(customer_id)

    def cloud_remove(self, customer_id: int) -> None:
        """Delete the stored 금융인증서; NoCloudCertificate if none."""
        self._cloud.remove(customer_id)

    # --- demo ------------------------------------------------------------------------------

    def demo_sheets(self) -> list[DemoCustomerSheet]:
        """The demo customers' unmasked data (simulator panel only), current balances."""
        with self._db.read() as conn:
            return demo.sheets(conn)
