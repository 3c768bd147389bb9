from reports import charts
from reports.indicators import Table


def test_bars_are_proportional_to_the_largest_value():
    table = Table("t", "T", ["Country", "Mobilities"], [["Estonia", 4], ["Latvia", 1]], "bars")
    drawing = charts.chart(table)
    widths = [bar.width for bar in drawing["bars"]]
    assert widths == [charts.PLOT_WIDTH, charts.PLOT_WIDTH / 4]
    assert [bar.y for bar in drawing["bars"]] == [0, charts.BAR_HEIGHT + charts.BAR_GAP]


def test_lines_have_one_series_per_column_and_readable_labels():
    rows = [[f"{month:02}/2026", month, 0] for month in range(1, 13)] * 2  # 24 months
    drawing = charts.chart(Table("m", "M", ["Month", "Mobilities", "Badges"], rows, "lines"))
    assert [series["name"] for series in drawing["series"]] == ["Mobilities", "Badges"]
    assert len(drawing["series"][0]["dots"]) == 24
    assert len(drawing["ticks"]) <= 8
    # The highest value touches the top of the plot, zero the baseline.
    ys = [y for _x, y in drawing["series"][0]["dots"]]
    assert min(ys) == 10 and ys[11] == 10
    assert all(y == drawing["baseline"] for _x, y in drawing["series"][1]["dots"])


def test_an_empty_table_draws_nothing():
    assert charts.chart(Table("t", "T", ["Country", "Mobilities"], [], "bars")) is None
