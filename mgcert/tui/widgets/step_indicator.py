"""The four-step indicator of the issuance wizard (① 고객정보 입력 … ④ 발급완료)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Label

from mgcert.messages import tui as msg

STEPS = tuple(zip(msg.STEP_MARKS, msg.STEP_LABELS, strict=True))


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

    def __init__(self, current: int = 1, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(StepIndicator.current, current)

    def compose(self) -> ComposeResult:
        for number, (mark, label) in enumerate(
            zip(msg.STEP_MARKS, msg.STEP_LABELS, strict=True), 1
        ):
            yield Label(f"{mark} {label}", id=f"step-{number}")

    def on_mount(self) -> None:
        self._paint()

    def watch_current(self) -> None:
        self._paint()

    def _paint(self) -> None:
        # Safe before compose too: the query is simply empty then.
        for item in self.query(Label):
            number = int((item.id or "step-0").removeprefix("step-"))
            mark, label = STEPS[number - 1]
            done = number < self.current
            item.set_class(done, "-done")
            item.set_class(number == self.current, "-current")
            item.update(f"{msg.STEP_DONE_MARK if done else mark} {label}")
