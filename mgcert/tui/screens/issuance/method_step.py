"""Step ③ choices: ARS or SMS first, then 보안카드 or OTP."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Button, Label, RadioSet

from mgcert.center.identity_methods import IdentityGroup, IdentityMethod
from mgcert.messages import identity_steps as identity_msg
from mgcert.tui.screens.steps.step import Step
from mgcert.tui.widgets.choice_list import ChoiceButton, ChoiceList
from mgcert.tui.widgets.field_error import FieldError


class MethodStep(Step[IdentityMethod]):
    """Pick one method of an identity group (the center's table lists them, the first
    chosen); answers the chosen method."""

    HELP_TOPIC = "identity"

    def __init__(self, group: IdentityGroup) -> None:
        super().__init__(id=PANE_IDS[group])
        self.group = group
        self.intro = INTROS[group]
        self.options = tuple(group.methods)

    def compose(self) -> ComposeResult:
        yield Label(identity_msg.IDENTITY_HEADING, classes="heading")
        yield Label(self.intro, classes="intro")
        with ChoiceList(classes="methods"):
            for index, row in enumerate(self.options):
                yield ChoiceButton(row.label, value=index == 0, name=row.name)
        yield FieldError()
        yield Button(identity_msg.METHOD_NEXT, classes="method-next", variant="primary")

    @on(Button.Pressed, ".method-next")
    def submit(self) -> None:
        pressed = self.query_one(RadioSet).pressed_button
        chosen = pressed.name if pressed is not None else None
        self.finish(IdentityMethod(chosen) if chosen else self.group.default)


PANE_IDS = {IdentityGroup.PHONE: "phone-method", IdentityGroup.SECURITY_MEDIUM: "device-method"}
INTROS = {
    IdentityGroup.PHONE: identity_msg.PHONE_METHOD_INTRO,
    IdentityGroup.SECURITY_MEDIUM: identity_msg.SECOND_METHOD_INTRO,
}
