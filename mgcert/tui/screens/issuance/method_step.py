"""Step ③ choices: ARS or SMS first, then 보안카드 or OTP."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Button, Label, RadioSet

from mgcert.messages import tui as msg
from mgcert.tui.screens.steps.step import Step
from mgcert.tui.widgets.choice_list import ChoiceButton, ChoiceList
from mgcert.tui.widgets.field_error import FieldError


class MethodStep(Step[str]):
    """Pick one of two identity methods; finishes with the chosen option's key."""

    HELP_TOPIC = "identity"

    def __init__(self, *, id: str, intro: str, options: tuple[tuple[str, str], ...]) -> None:
        super().__init__(id=id)
        self.intro = intro
        self.options = options

    def compose(self) -> ComposeResult:
        yield Label(msg.IDENTITY_HEADING, classes="heading")
        yield Label(self.intro, classes="intro")
        with ChoiceList(classes="methods"):
            for index, (key, label) in enumerate(self.options):
                yield ChoiceButton(label, value=index == 0, name=key)
        yield FieldError()
        yield Button(msg.METHOD_NEXT, classes="method-next", variant="primary")

    @on(Button.Pressed, ".method-next")
    def submit(self) -> None:
        pressed = self.query_one(RadioSet).pressed_button
        chosen = pressed.name if pressed is not None else None
        self.finish(chosen or self.options[0][0])


def phone_method_step() -> MethodStep:
    return MethodStep(
        id="phone-method",
        intro=msg.PHONE_METHOD_INTRO,
        options=(("ars", msg.PHONE_METHOD_ARS), ("sms", msg.PHONE_METHOD_SMS)),
    )


def device_method_step() -> MethodStep:
    return MethodStep(
        id="device-method",
        intro=msg.SECOND_METHOD_INTRO,
        options=(("card", msg.SECOND_METHOD_CARD), ("otp", msg.SECOND_METHOD_OTP)),
    )
