"""Risk overview: every risk in the library against the articles that name it; enter opens one."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Static

from kratom_tui.document.article_parts import severity_label
from kratom_tui.library.model import Article
from kratom_tui.library.risk_overview import RiskRow
from kratom_tui.ui.movement import MovingDataTable
from kratom_tui.ui.theme_palette import palette_for

FIRST_ARTICLE_COLUMN = 2
RISK_COLUMN_WIDTH = 30


class RiskOverviewScreen(ModalScreen[tuple[str, str] | None]):
    """Dismisses with (article id, risk name), or None."""

    BINDINGS = [Binding("escape,o,q", "dismiss(None)", "Close", id="dialog.close")]

    def __init__(self, rows: list[RiskRow], articles: list[Article]) -> None:
        super().__init__()
        self.rows = rows
        self.articles = articles

    def compose(self) -> ComposeResult:
        with Vertical(id="overview-dialog") as dialog:
            dialog.border_title = "Risk overview"
            dialog.border_subtitle = "enter: open the article at its risks · escape: close"
            legend = Text(
                "Every risk the articles name, most widely named first. Each numbered column is an "
                "article, and each cell the severity that article gives the risk.\n",
                style="dim",
            )
            for number, article in enumerate(self.articles, 1):
                legend.append_text(Text.assemble((f"{number} ", "bold"), article.title, "   "))
            yield Static(legend, id="overview-intro")
            yield MovingDataTable(id="overview", cursor_type="cell", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        palette = palette_for(self.app)  # the theme's readable severity colours
        table.add_column(Text("Risk"), key="risk", width=RISK_COLUMN_WIDTH)
        table.add_column(Text("Named by"), key="count")
        for number, article in enumerate(self.articles, 1):
            table.add_column(Text(str(number)), key=article.id, width=8)
        for row in self.rows:
            severities = {article.id: severity for article, severity in row.named_by}
            cells = [Text(row.name), Text(str(len(row.named_by)), justify="right")]
            for article in self.articles:
                if article.id in severities:
                    severity = severities[article.id]
                    style = palette.severity.get(severity or "", palette.muted)
                    cells.append(Text(severity_label(severity).lower(), style=style))
                else:
                    cells.append(Text("·", style=palette.muted))
            table.add_row(*cells, key=row.name)
        table.focus()

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        row = self.rows[event.coordinate.row]
        column = event.coordinate.column
        named = {article.id for article, _severity in row.named_by}
        if column >= FIRST_ARTICLE_COLUMN:
            article = self.articles[column - FIRST_ARTICLE_COLUMN]
            if article.id not in named:
                self.notify("That article does not name this risk.", severity="warning")
                return
            self.dismiss((article.id, row.name))
        else:
            self.dismiss((row.named_by[0][0].id, row.name))
