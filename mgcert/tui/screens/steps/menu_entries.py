"""Menu key → first screen of each part-2 flow (menu.FLOWS lists the same, one line each)."""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen

from mgcert.tui.screens.financial.financial_screen import FinancialScreen
from mgcert.tui.screens.login_check.login_check_screen import LoginCheckScreen
from mgcert.tui.screens.manage.manage_screen import ManageScreen
from mgcert.tui.screens.registration.registration_screen import RegistrationScreen
from mgcert.tui.screens.renewal.renewal_screen import RenewalScreen
from mgcert.tui.screens.transfer.transfer_screen import TransferScreen
from mgcert.tui.session import TuiSession

PART2_FLOWS: dict[str, Callable[[TuiSession], Screen[object]]] = {
    "renew": RenewalScreen,
    "financial": FinancialScreen,
    "register": RegistrationScreen,
    "manage": ManageScreen,
    "export": TransferScreen,
    "login": LoginCheckScreen,
}
