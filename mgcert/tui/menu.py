"""The 인증센터 menu and which flows are built: adding a flow is one line in FLOWS."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual.screen import Screen

from mgcert.messages import tui as msg
from mgcert.tui.screens.financial.financial_screen import FinancialScreen
from mgcert.tui.screens.kind_choice import KindChoiceScreen
from mgcert.tui.screens.login_check.login_check_screen import LoginCheckScreen
from mgcert.tui.screens.manage.manage_screen import ManageScreen
from mgcert.tui.screens.registration.registration_screen import RegistrationScreen
from mgcert.tui.screens.renewal.renewal_screen import RenewalScreen
from mgcert.tui.screens.transfer.transfer_screen import TransferScreen
from mgcert.tui.session import TuiSession

ScreenFactory = Callable[[TuiSession], Screen[Any]]


@dataclass(frozen=True)
class MenuItem:
    """One line of the 인증센터 menu (DOMAIN.md "Menu")."""

    key: str
    label: str


MENU: tuple[MenuItem, ...] = (
    MenuItem("issue", msg.MENU_ISSUE),
    MenuItem("renew", msg.MENU_RENEW),
    MenuItem("financial", msg.MENU_FINANCIAL),
    MenuItem("register", msg.MENU_REGISTER),
    MenuItem("manage", msg.MENU_MANAGE),
    MenuItem("export", msg.MENU_EXPORT),
    MenuItem("login", msg.MENU_LOGIN),
)

# Menu key -> the first screen of its flow. Items without an entry show "준비 중".
FLOWS: dict[str, ScreenFactory] = {
    "issue": KindChoiceScreen,
    "renew": RenewalScreen,
    "financial": FinancialScreen,
    "register": RegistrationScreen,
    "manage": ManageScreen,
    "export": TransferScreen,
    "login": LoginCheckScreen,
}
