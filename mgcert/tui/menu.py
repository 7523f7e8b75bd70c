"""The 인증센터 menu and which flows are built: adding a flow is one line in FLOWS.

Flow screens are named, not imported: the home screen paints before any of them (or
the center they use) is loaded, and :func:`preload_flows` imports them in the
background while the center opens.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from textual.screen import Screen

from mgcert.messages import practice_tui as practice_msg
from mgcert.messages import tui as msg
from mgcert.tui.session import TuiSession

ScreenFactory = Callable[[TuiSession], Screen[Any]]
SCREENS = "mgcert.tui.screens"


@dataclass(frozen=True)
class LazyScreen:
    """A flow's first screen by module and class name; imported on first use."""

    module: str
    name: str

    def load(self) -> ScreenFactory:
        factory: ScreenFactory = getattr(import_module(f"{SCREENS}.{self.module}"), self.name)
        return factory

    def __call__(self, session: TuiSession) -> Screen[Any]:
        return self.load()(session)


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
    MenuItem("practice", practice_msg.MENU_PRACTICE),
)

# Menu key -> the first screen of its flow. Items without an entry show "준비 중".
FLOWS: dict[str, ScreenFactory] = {
    "issue": LazyScreen("kind_choice", "KindChoiceScreen"),
    "renew": LazyScreen("renewal.renewal_screen", "RenewalScreen"),
    "financial": LazyScreen("financial.financial_screen", "FinancialScreen"),
    "register": LazyScreen("registration.registration_screen", "RegistrationScreen"),
    "manage": LazyScreen("manage.manage_screen", "ManageScreen"),
    "export": LazyScreen("transfer.transfer_screen", "TransferScreen"),
    "login": LazyScreen("login_check.login_check_screen", "LoginCheckScreen"),
    "practice": LazyScreen("practice.mission_list", "MissionListScreen"),
}


def preload_flows() -> None:
    """Import every flow screen now (from the loader thread), so opening one is instant."""
    for factory in FLOWS.values():
        if isinstance(factory, LazyScreen):
            factory.load()
