"""The short 금융인증서 vs 공동인증서 comparison shown on the home screen."""

from __future__ import annotations

from rich import box
from rich.table import Table
from textual.widgets import Static

from mgcert.messages import tui as msg


class KindComparison(Static):
    """A static table: use, validity, storage and fee of the two certificate families."""

    DEFAULT_CSS = """
    KindComparison {
        height: auto;
        width: 1fr;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(self._table(), id=id)

    @staticmethod
    def _table() -> Table:
        table = Table(
            title=msg.COMPARISON_TITLE,
            box=box.SIMPLE_HEAD,
            expand=True,
            pad_edge=False,
            title_justify="left",
        )
        first, *others = msg.COMPARISON_HEADERS
        table.add_column(first, no_wrap=True, style="bold")
        for header in others:
            table.add_column(header)
        for row in msg.COMPARISON_ROWS:
            table.add_row(*row)
        return table
