"""Step ②: the terms, all required; 전체 동의 ticks every one; V shows a term's text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Button, Checkbox, Label, Rule

from mgcert.errors import MgcertError
from mgcert.messages import issuance as issue_msg
from mgcert.messages import terms as terms_msg
from mgcert.messages.terms import Term
from mgcert.tui.screens.issuance.customer_step import TakesCustomer
from mgcert.tui.screens.issuance.terms_text import TermTextModal
from mgcert.tui.screens.steps.step import Step, guarded
from mgcert.tui.widgets.field_error import FieldError


class TermsStep(Step[None]):
    """Every term must be agreed before identity checks start."""

    HELP_TOPIC = "terms"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("v", "view_term", terms_msg.KEY_VIEW, id="terms.view")
    ]

    def __init__(
        self,
        flow: TakesCustomer,
        terms: Sequence[Term] = terms_msg.JOINT_CERTIFICATE_TERMS,
        *,
        id: str = "terms",
    ) -> None:
        super().__init__(id=id)
        self.flow = flow
        self.terms = tuple(terms)

    def compose(self) -> ComposeResult:
        yield Label(issue_msg.TERMS_HEADING, classes="heading")
        yield Label(issue_msg.TERMS_INTRO, classes="intro")
        yield Checkbox(issue_msg.TERMS_ALL, id="terms-all", compact=True)
        yield Rule(line_style="dashed")
        for index, term in enumerate(self.terms):
            yield Checkbox(term.title, id=f"term-{index}", classes="term", compact=True)
        yield Label(terms_msg.VIEW_HINT, classes="muted")
        yield FieldError()
        yield Button(issue_msg.TERMS_NEXT, id="terms-next", variant="primary")

    def action_view_term(self) -> None:
        """The focused term's text (the first term's when 전체 동의 has focus)."""
        focused = self.screen.focused
        index = 0
        if isinstance(focused, Checkbox) and (focused.id or "").startswith("term-"):
            index = int((focused.id or "term-0").removeprefix("term-"))
        self.app.push_screen(TermTextModal(self.terms[index]))

    def _terms(self) -> list[Checkbox]:
        return list(self.query(".term").results(Checkbox))

    @on(Checkbox.Changed, "#terms-all")
    def tick_all(self, event: Checkbox.Changed) -> None:
        for term in self._terms():
            with term.prevent(Checkbox.Changed):
                term.value = event.value
        self.show_error("")
        if event.value:
            # Everything is agreed: the next thing to do is 다음.
            self.query_one("#terms-next", Button).focus()

    @on(Checkbox.Changed, ".term")
    def follow_terms(self) -> None:
        everything = all(term.value for term in self._terms())
        box = self.query_one("#terms-all", Checkbox)
        with box.prevent(Checkbox.Changed):
            box.value = everything

    @on(Button.Pressed, "#terms-next")
    @guarded
    def submit(self) -> None:
        agreed = all(term.value for term in self._terms())
        if not agreed:
            self.show_error(issue_msg.TERMS_NEED_ALL)
            return
        try:
            self.flow.agree_terms(True)
        except MgcertError as error:
            self.fail(error)
            return
        self.finish(None)
