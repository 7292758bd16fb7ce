"""The chart builder: round ticks, values placed on their axis, categories spread evenly, bars side by side."""

from core.charts import BOTTOM, LEFT, RIGHT, TOP, WIDTH, Series, bar_chart, line_chart, tick_step, tick_values


def test_ticks_are_round_steps_that_reach_the_highest_value():
    assert tick_step(3000) == 1000
    assert tick_values(3000) == [0, 1000, 2000, 3000]
    assert tick_values(7) == [0, 2, 4, 6, 8]
    assert tick_values(48) == [0, 10, 20, 30, 40, 50]
    assert tick_values(101) == [0, 50, 100, 150]
    assert tick_values(1) == [0, 1]


def test_nothing_to_show_still_has_an_axis_from_0_to_1():
    assert tick_values(0) == [0, 1]
    chart = line_chart(["2025–26 Q1"], [Series("Gaps", (0,), "gaps")])
    assert [tick.value for tick in chart.ticks] == [0, 1]
    assert chart.lines[0].points[0].y == BOTTOM


def test_a_line_puts_each_value_at_its_height_in_the_middle_of_its_quarter():
    # Four quarters over a plot 860 units wide: bands of 215, middles at 80 + 107.5, 322.5, 537.5, 752.5.
    chart = line_chart(["Q1", "Q2", "Q3", "Q4"], [Series("Reached", (0, 500, 1500, None), "reached")])
    assert [tick.value for tick in chart.ticks] == [0, 500, 1000, 1500]
    # The axis runs from 0 at BOTTOM (300) to 1,500 at TOP (16): 500 is a third of the way up, 284 / 3.
    assert [(point.x, point.y, point.value) for point in chart.lines[0].points] == [
        (187.5, 300.0, 0),
        (402.5, 205.33, 500),
        (617.5, 16.0, 1500),
    ]
    assert chart.lines[0].path == "187.5,300.0 402.5,205.33 617.5,16.0"
    assert (chart.left, chart.right, chart.top, chart.bottom) == (LEFT, WIDTH - RIGHT, TOP, BOTTOM)


def test_bars_stand_side_by_side_on_zero_within_their_quarter():
    chart = bar_chart(["Q1", "Q2"], [Series("Expected", (10, 4), "expected"), Series("Received", (8, 0), "received")])
    # Bands of 430; the bars fill 70% of one (301), 150.5 each, starting 150.5 left of the middle (295).
    expected_q1, expected_q2, received_q1, received_q2 = chart.bars
    assert (expected_q1.x, expected_q1.width, expected_q1.y, expected_q1.height) == (144.5, 150.5, 16.0, 284.0)
    assert (received_q1.x, received_q1.y, received_q1.height) == (295.0, 72.8, 227.2)
    assert (received_q2.value, received_q2.height, received_q2.y) == (0, 0.0, 300.0)
    assert expected_q2.category == "Q2"
    assert [(key.name, key.style) for key in chart.keys] == [("Expected", "expected"), ("Received", "received")]


def test_crowded_quarters_are_labelled_every_few_always_the_last():
    labels = [f"Q{n}" for n in range(20)]
    categories = line_chart(labels, [Series("Gaps", tuple(range(20)), "gaps")]).categories
    # 20 bands of 43 units: a label needs 120, so every third one is written, counting back from the last.
    assert [category.label for category in categories if category.labelled] == labels[1::3]
