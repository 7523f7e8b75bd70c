"""Which stylesheets a screen loads (absolute paths: Textual resolves a relative
CSS_PATH against each subclass's own module).

app.tcss (the app's CSS_PATH) holds only what the home screen needs, so the first
frame parses as little CSS as possible; every other screen loads the rest when it is
first pushed, in the same order app.tcss used to hold it, so the cascade is unchanged.
"""

from __future__ import annotations

from pathlib import Path, PurePath

_HERE = Path(__file__).resolve().parent

FORMS_CSS = str(_HERE / "forms.tcss")
DIALOGS_CSS = str(_HERE / "dialogs.tcss")
SIMULATOR_CSS = str(_HERE / "simulator.tcss")
FLOWS_CSS = str(_HERE / "flows.tcss")

# What Screen.CSS_PATH accepts.
CssPaths = str | PurePath | list[str | PurePath] | None

# Every screen but home.
SCREEN_CSS: list[str | PurePath] = [FORMS_CSS, DIALOGS_CSS, SIMULATOR_CSS]
# The part-2 flow screens and their dialogs.
FLOW_SCREEN_CSS: list[str | PurePath] = [*SCREEN_CSS, FLOWS_CSS]
