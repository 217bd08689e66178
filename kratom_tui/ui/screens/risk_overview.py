"""Risk overview: every risk in the library against the articles that name it; enter opens one.

A small library is shown as a grid (a column per article, each cell the severity that article
gives), with the risk names fixed on the left so they stay in view when moving right. A large one
would need a column per article, so there each risk shows its highest severity, and a list below
names the articles of the risk under the cursor; both lists draw only what is on screen.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Static

from kratom_tui.document.article_parts import severity_label
from kratom_tui.document.palette import Palette
from kratom_tui.library.model import Article
from kratom_tui.library.risk_overview import RiskRow
from kratom_tui.ui.movement import MovingDataTable
from kratom_tui.ui.theme_palette import palette_for
from kratom_tui.ui.widgets.virtual_list import VirtualList

GRID_MOST_ARTICLES = 24
"""Above this many articles the grid gives way to a list of the articles naming each risk."""
SEVERITY_WIDTH = 8
NAME_WIDTH_LEAST = 20
GRID_COLUMNS_IN_VIEW = 3
"""Article columns kept in view beside the names when sizing the name column."""
CHROME = 4 + 2
"""Dialog border and padding, and the cell padding of the name column."""
COUNT_WIDTH = 8


def name_width(rows: list[RiskRow], room: int, columns_beside: int) -> int:
    """As wide as the longest name when it fits, leaving room for `columns_beside` columns."""
    longest = max((len(row.name) for row in rows), default=NAME_WIDTH_LEAST)
    budget = room - CHROME - (COUNT_WIDTH + 2) - columns_beside * (SEVERITY_WIDTH + 2)
    return max(NAME_WIDTH_LEAST, min(longest, budget))


def severity_cell(severity: str | None, palette: Palette) -> Text:
    return Text(severity_label(severity).lower(), style=palette.severity.get(severity or "", palette.muted))


def risk_overview_screen(rows: list[RiskRow], articles: list[Article]) -> RiskOverviewScreen:
    """The grid while every article can have its column, else the two lists."""
    if len(articles) <= GRID_MOST_ARTICLES:
        return RiskGridScreen(rows, articles)
    return RiskListScreen(rows, articles)


class RiskOverviewScreen(ModalScreen[tuple[str, str] | None]):
    """Dismisses with (article id, risk name), or None."""

    BINDINGS = [Binding("escape,o,q", "dismiss(None)", "Close", id="dialog.close")]

    def __init__(self, rows: list[RiskRow], articles: list[Article]) -> None:
        super().__init__()
        self.rows = rows
        self.articles = articles
        self._name_width = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="overview-dialog") as dialog:
            dialog.border_title = "Risk overview"
            dialog.border_subtitle = "enter: open the article at its risks · escape: close"
            yield Static(self.legend(), id="overview-intro")
            yield from self.compose_lists()
        yield Footer(compact=True)

    def legend(self) -> Text:
        raise NotImplementedError

    def compose_lists(self) -> ComposeResult:
        raise NotImplementedError

    def columns_beside_names(self) -> int:
        raise NotImplementedError

    def fill(self) -> None:
        """Lay the risks out for `self._name_width`."""
        raise NotImplementedError

    def on_mount(self) -> None:
        self.palette = palette_for(self.app)  # the theme's readable severity colours
        self._name_width = self._width_for(self.app.size.width)
        self.fill()
        self.query_one("#overview").focus()

    def on_resize(self, event: events.Resize) -> None:
        if (width := self._width_for(event.size.width)) != self._name_width:
            self._name_width = width
            self.fill()

    def _width_for(self, room: int) -> int:
        return name_width(self.rows, room, self.columns_beside_names())

    def risk_name(self, row: RiskRow) -> Text:
        """Whole when there is room, else cut with an ellipsis."""
        name = Text(row.name, no_wrap=True)
        name.truncate(self._name_width, overflow="ellipsis", pad=True)
        return name


class RiskGridScreen(RiskOverviewScreen):
    """A column per article; the names stay in view when moving right."""

    def legend(self) -> Text:
        legend = Text(
            "Every risk the articles name, most widely named first. Each numbered column is an "
            "article, and each cell the severity that article gives the risk.\n",
            style="dim",
        )
        for number, article in enumerate(self.articles, 1):
            legend.append_text(Text.assemble((f"{number} ", "bold"), article.title, "   "))
        return legend

    def compose_lists(self) -> ComposeResult:
        yield MovingDataTable(id="overview", cursor_type="cell", zebra_stripes=True)

    def columns_beside_names(self) -> int:
        return min(len(self.articles), GRID_COLUMNS_IN_VIEW)

    def fill(self) -> None:
        table = self.query_one(DataTable)
        cursor = table.cursor_coordinate
        table.clear(columns=True)
        palette = self.palette
        absent = Text("·", style=palette.muted)
        table.add_column(Text("Risk"), key="risk", width=self._name_width)
        table.add_column(Text("Named by"), key="count")
        for number, article in enumerate(self.articles, 1):
            table.add_column(Text(str(number)), key=article.id, width=SEVERITY_WIDTH)
        table.fixed_columns = 1
        for row in self.rows:
            severities = {article.id: severity for article, severity in row.named_by}
            cells = [self.risk_name(row), Text(str(len(row.named_by)), justify="right")]
            for article in self.articles:
                cells.append(severity_cell(severities[article.id], palette) if article.id in severities else absent)
            table.add_row(*cells, key=row.name)
        if self.rows:
            table.cursor_coordinate = cursor

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        row = self.rows[event.coordinate.row]
        column = event.coordinate.column
        if column < 2:
            self.dismiss((row.named_by[0][0].id, row.name))
            return
        article = self.articles[column - 2]
        if article.id not in {named.id for named, _severity in row.named_by}:
            self.notify("That article does not name this risk.", severity="warning")
            return
        self.dismiss((article.id, row.name))


class RiskListScreen(RiskOverviewScreen):
    """Risks above, the articles naming the one under the cursor below; `right` and `left` move between."""

    def legend(self) -> Text:
        return Text(
            f"{len(self.rows):,} risks named across {len(self.articles):,} articles, most widely named "
            "first, with the highest severity any article gives. The list below shows the articles "
            "naming the risk under the cursor: right or tab goes there, enter opens one.",
            style="dim",
        )

    def compose_lists(self) -> ComposeResult:
        yield Static(id="overview-header")
        yield VirtualList[RiskRow](self._describe_risk, id="overview")
        yield VirtualList[tuple[Article, str | None]](self._describe_article, id="overview-articles")

    def columns_beside_names(self) -> int:
        return 1

    def fill(self) -> None:
        header = Text("Risk", style="bold", no_wrap=True)
        header.pad_right(self._name_width - len(header))
        header.append(f"  {'Named by':>{COUNT_WIDTH}}  Highest", style="bold")
        self.query_one("#overview-header", Static).update(header)
        risks = self.query_one("#overview", VirtualList)
        cursor = risks.cursor
        risks.show_items(self.rows)
        risks.cursor = min(cursor, max(0, len(self.rows) - 1))

    def _describe_risk(self, row: RiskRow) -> Text:
        line = self.risk_name(row)
        line.append(f"  {len(row.named_by):>{COUNT_WIDTH},}  ")
        line.append_text(severity_cell(row.highest, self.palette))
        return line

    def _describe_article(self, named: tuple[Article, str | None]) -> Text:
        article, severity = named
        line = severity_cell(severity, self.palette)
        line.pad_right(SEVERITY_WIDTH + 1 - len(line))
        line.append(article.title)
        return line

    def _chosen_risk(self) -> RiskRow:
        return self.rows[self.query_one("#overview", VirtualList).cursor]

    def on_virtual_list_highlighted(self, event: VirtualList.Highlighted) -> None:
        if event.virtual_list.id == "overview" and self.rows:
            row = self.rows[event.index]
            articles = self.query_one("#overview-articles", VirtualList)
            articles.border_title = f"{len(row.named_by):,} articles naming {row.name}"
            articles.show_items(row.named_by)

    def on_virtual_list_selected(self, event: VirtualList.Selected) -> None:
        if event.virtual_list.id == "overview":
            self.query_one("#overview-articles").focus()
        else:
            article, _severity = event.virtual_list.items[event.index]
            self.dismiss((article.id, self._chosen_risk().name))

    def key_right(self, event: events.Key) -> None:
        if self.focused is self.query_one("#overview"):
            event.stop()
            self.query_one("#overview-articles").focus()

    def key_left(self, event: events.Key) -> None:
        if self.focused is self.query_one("#overview-articles"):
            event.stop()
            self.query_one("#overview").focus()
