"""Which simulator tab F2 opens on: the one the step on screen tells the user to look at.

A step pane names its tab in a ``SIMULATOR_TAB`` class attribute (the OTP step says
"F2 → 'OTP' 탭", so it sets ``SIMULATOR_TAB = "otp"``). The lookup goes by the widget
tree, not by any flow framework: the focused widget or its nearest ancestor that names
a tab, else a shown widget that does. Nothing here imports the center, so the app can
call it before the panel (and the center) are loaded.
"""

from __future__ import annotations

from typing import Any

from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget

# Tab names a step may use; each is the TabPane ``sim-<name>-tab`` of the panel, except
# "sms": the 휴대폰 tab, scrolled to its 문자함.
TAB_NAMES = ("customers", "card", "otp", "phone", "sms", "clock", "branch")


def _named_tab(node: DOMNode) -> str | None:
    tab = getattr(node, "SIMULATOR_TAB", None)
    return tab if isinstance(tab, str) and tab in TAB_NAMES else None


def _shown(widget: Widget) -> bool:
    """Displayed, and so is every container up to the screen (a switcher hides panes)."""
    node: DOMNode | None = widget
    while isinstance(node, Widget):
        if not node.display:
            return False
        node = node.parent
    return True


def simulator_tab_for(screen: Screen[Any]) -> str | None:
    """The tab name the step shown on ``screen`` asks for, or None if nothing asks."""
    focused = screen.focused
    if focused is not None:
        for node in focused.ancestors_with_self:
            tab = _named_tab(node)
            if tab is not None:
                return tab
    for widget in screen.query(Widget):
        tab = _named_tab(widget)
        if tab is not None and _shown(widget):
            return tab
    return _named_tab(screen)
