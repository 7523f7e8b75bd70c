"""The step bar of a flow (① 고객정보 입력 … ④ 발급완료): its stages, the current one lit."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Label

from mgcert.messages import issuance as issue_msg


def stage_mark(number: int) -> str:
    """①, ②, … for the stage ``number`` (1-based)."""
    return chr(0x2460 + number - 1)


class StepIndicator(Horizontal):
    """Shows every step; the current one highlighted, earlier ones ticked."""

    DEFAULT_CSS = """
    StepIndicator {
        height: 1;
        width: 1fr;
    }
    StepIndicator > Label {
        width: 1fr;
        content-align: center middle;
        color: $text-muted;
    }
    StepIndicator > Label.-done {
        color: $success;
    }
    StepIndicator > Label.-current {
        color: $text;
        background: $primary 40%;
        text-style: bold;
    }
    """

    current: reactive[int] = reactive(1)

    def __init__(self, labels: Sequence[str], current: int = 1, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.labels = tuple(labels)
        self.set_reactive(StepIndicator.current, current)

    def compose(self) -> ComposeResult:
        for number, label in enumerate(self.labels, 1):
            yield Label(f"{stage_mark(number)} {label}", id=f"step-{number}")

    def on_mount(self) -> None:
        self._paint()

    def watch_current(self) -> None:
        self._paint()

    def _paint(self) -> None:
        # Safe before compose too: the query is simply empty then.
        for item in self.query(Label):
            number = int((item.id or "step-0").removeprefix("step-"))
            done = number < self.current
            item.set_class(done, "-done")
            item.set_class(number == self.current, "-current")
            mark = issue_msg.STEP_DONE_MARK if done else stage_mark(number)
            item.update(f"{mark} {self.labels[number - 1]}")
