"""While the center works (issuing, saving): the stage it reports and a progress bar."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Label, LoadingIndicator, ProgressBar

from mgcert.center import IssueStage
from mgcert.messages import issuance as issue_msg
from mgcert.tui.screens.steps.step import Step

STAGES = list(IssueStage)


class ProgressStep(Step[None]):
    """Shown while the key is made, the CA signs and the files are written; never
    answered (the flow's ``work`` returns when the center does)."""

    HELP_TOPIC = "progress"

    def __init__(self, *, id: str = "progress") -> None:
        super().__init__(id=id)

    def compose(self) -> ComposeResult:
        yield Label(issue_msg.PROGRESS_HEADING, classes="heading", id="progress-heading")
        yield Label(issue_msg.PROGRESS_HINT, classes="intro")
        yield ProgressBar(total=len(STAGES), show_eta=False, id="issue-progress")
        yield Label("", id="issue-stage")
        yield LoadingIndicator(id="issue-spinner")

    def enter(self) -> None:
        self.query_one(ProgressBar).update(progress=0)
        self.query_one("#issue-stage", Label).update("")

    def show_heading(self, text: str) -> None:
        """What is being done: issuing (the default) or saving a parked certificate."""
        self.query_one("#progress-heading", Label).update(text)

    def show_stage(self, stage: IssueStage) -> None:
        self.query_one(ProgressBar).update(progress=STAGES.index(stage) + 1)
        self.query_one("#issue-stage", Label).update(stage.label)
