"""The Korean error line under a form: empty (and invisible) until something is refused."""

from __future__ import annotations

from textual.widgets import Static


class FieldError(Static):
    """Shows one refusal; ``show("")`` clears it."""

    DEFAULT_CSS = """
    FieldError {
        width: 1fr;
        height: auto;
        color: $text-error;
        text-style: bold;
        display: none;
    }
    FieldError.-shown {
        display: block;
        padding: 0 1;
        border-left: thick $error;
        background: $error 10%;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, classes="field-error")

    def show(self, text: str) -> None:
        self.update(text)
        self.set_class(bool(text), "-shown")

    @property
    def text(self) -> str:
        return str(self.content)
