"""Step ④: where the certificate goes (하드디스크, 이동식디스크 with a folder, 휴대폰, 보안토큰).

Shown again, with the recovery notice, when the CA issued but the first medium failed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Input, Label, RadioSet

from mgcert.center import CertificateCenter, MediumLocation
from mgcert.errors import MgcertError
from mgcert.messages import issuance as issue_msg
from mgcert.npki.storage import MediumKind
from mgcert.tui.normalize import field_text
from mgcert.tui.screens.issuance.recovery import RecoveryNotice
from mgcert.tui.screens.steps.step import Step, guarded
from mgcert.tui.validators import FolderPath
from mgcert.tui.widgets.choice_list import ChoiceButton, ChoiceList
from mgcert.tui.widgets.field_error import FieldError


def _medium_label(kind: MediumKind) -> str:
    if kind.available:
        return kind.label
    return f"{kind.label} — {issue_msg.MEDIUM_UNAVAILABLE}"


class MediumStep(Step[MediumLocation]):
    """Picks the medium; ``check`` (the center's) refuses an unwritable one before the CA
    issues anything. Saving a parked certificate needs no check here: ``save_to`` checks
    the medium itself before writing anything."""

    HELP_TOPIC = "medium"

    def __init__(
        self,
        center: CertificateCenter,
        check: Callable[[MediumLocation], None] | None = None,
        *,
        parked: Path | None = None,
        folder: Path | None = None,
        id: str = "medium",
    ) -> None:
        super().__init__(id=id)
        self.center = center
        self.check = check
        self.parked = parked  # a certificate issued earlier but not saved
        # The USB folder chosen last in this session, else the default mount point.
        self.folder = folder or center.home.removable_default_root

    def compose(self) -> ComposeResult:
        yield Label(issue_msg.MEDIUM_HEADING, classes="heading", id="medium-heading")
        yield Label(issue_msg.MEDIUM_INTRO, classes="intro")
        yield RecoveryNotice()
        with ChoiceList(id="medium-choice"):
            for kind in MediumKind:
                yield ChoiceButton(
                    _medium_label(kind),
                    value=kind is MediumKind.HARDDISK,
                    disabled=not kind.available,
                    name=kind.name,
                )
        with Horizontal(classes="field", id="folder-row"):
            yield Label(issue_msg.MEDIUM_FOLDER_LABEL, classes="field-label wide")
            yield Input(
                str(self.folder),
                validators=[FolderPath()],
                validate_on=("submitted",),
                id="folder",
            )
        yield FieldError()
        yield Button(issue_msg.MEDIUM_NEXT, id="medium-next", variant="primary")

    def on_mount(self) -> None:
        self._show_folder()
        if self.parked is not None:
            self.show_parked(self.parked)

    def show_parked(self, parked: Path | None) -> None:
        """Issued but not saved: say so, with the recovery folder; ``None`` undoes it."""
        self.query_one(RecoveryNotice).show_parked(parked)
        recovering = parked is not None
        heading = issue_msg.RECOVERY_HEADING if recovering else issue_msg.MEDIUM_HEADING
        self.query_one("#medium-heading", Label).update(heading)
        button = issue_msg.RECOVERY_SAVE_BUTTON if recovering else issue_msg.MEDIUM_NEXT
        self.query_one("#medium-next", Button).label = button

    def has_input(self) -> bool:
        """A folder typed for the 이동식디스크 (the default one does not count)."""
        folder = field_text(self.query_one("#folder", Input).value)
        default = str(self.folder)
        return self.chosen_kind() is MediumKind.REMOVABLE and folder != default

    def chosen_kind(self) -> MediumKind:
        pressed = self.query_one("#medium-choice", RadioSet).pressed_button
        if pressed is None or pressed.name is None:
            return MediumKind.HARDDISK
        return MediumKind[pressed.name]

    @on(RadioSet.Changed, "#medium-choice")
    def _show_folder(self) -> None:
        removable = self.chosen_kind() is MediumKind.REMOVABLE
        self.query_one("#folder-row").display = removable
        self.show_error("")

    def location(self) -> MediumLocation | None:
        kind = self.chosen_kind()
        if kind is MediumKind.REMOVABLE:
            field = self.query_one("#folder", Input)
            result = field.validate(field.value)
            if result is not None and not result.is_valid:
                self.show_error(result.failure_descriptions[0])
                field.focus()
                return None
            root = Path(field_text(field.value)).expanduser()
            if root != self.center.home.removable_default_root:
                return self.center.removable(root)
        # The standard places (the default USB mount point is created on demand).
        return next(place for place in self.center.media() if place.kind is kind)

    @on(Input.Submitted, "#folder")
    @on(Button.Pressed, "#medium-next")
    @guarded
    def submit(self) -> None:
        location = self.location()
        if location is None:
            return
        try:
            if self.check is not None:
                self.check(location)
        except MgcertError as error:
            self.fail(error)
            if self.chosen_kind() is MediumKind.REMOVABLE:
                self.query_one("#folder", Input).focus()
            return
        self.finish(location)
