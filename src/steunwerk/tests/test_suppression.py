"""Small-number suppression shared by the reports (steunwerk/suppression.py): what is hidden, and that no line
gives a hidden number away. The tables as they appear on a page: signals/tests/test_reports.py and
support/tests/test_dashboard.py."""

import random

import pytest

from steunwerk.suppression import PRIMARY, SECONDARY, TOTAL, Row, Table, complete


@pytest.mark.parametrize("seed", range(25))
def test_it_never_leaves_a_single_hidden_number_in_a_line(seed):
    rng = random.Random(seed)
    rows, cols = ["a", "b", "c", "total"], ["x", "y", "total"]
    counts = {(r, c): rng.choice([0, 0, 1, 2, 3, 5, 7, 12]) for r in rows[:-1] for c in cols[:-1]}
    for r in rows[:-1]:
        counts[(r, "total")] = counts[(r, "x")] + counts[(r, "y")]
    for c in cols:
        counts[("total", c)] = sum(counts[(r, c)] for r in rows[:-1])
    lines = [((r, "total"), [(r, c) for c in cols[:-1]]) for r in rows] + [
        (("total", c), [(r, c) for r in rows[:-1]]) for c in cols
    ]
    hidden = Table("t", "r", [], [], counts, lines).hidden()
    assert {k for k, n in counts.items() if 1 <= n <= 4} <= set(hidden)
    for whole, parts in lines:
        assert sum(1 for key in (whole, *parts) if key in hidden) != 1
        if whole not in hidden:  # what the hidden parts add up to is known: it must not be small
            assert sum(counts[key] for key in parts if key in hidden) not in range(1, 5)


def test_it_hides_more_when_two_small_numbers_would_add_up_to_a_known_small_sum():
    counts = {("a", "x"): 1, ("a", "y"): 1, ("a", "z"): 9, ("a", "total"): 11}
    table = Table("t", "r", [], [], counts, [(("a", "total"), [("a", "x"), ("a", "y"), ("a", "z")])])
    assert table.hidden() == {("a", "x"): PRIMARY, ("a", "y"): PRIMARY, ("a", "z"): SECONDARY}


def test_complete_adds_the_totals_and_lists_every_row_and_column_as_a_line():
    counts = {("a", "x"): 2, ("b", "x"): 3, ("b", "y"): 1}
    lines = complete(counts, ["a", "b"], [("x", "X"), ("y", "Y")])
    assert counts[("a", TOTAL)] == 2 and counts[("b", TOTAL)] == 4
    assert counts[(TOTAL, "x")] == 5 and counts[(TOTAL, "y")] == 1 and counts[(TOTAL, TOTAL)] == 6
    assert (("b", TOTAL), [("b", "x"), ("b", "y")]) in lines
    assert ((TOTAL, "y"), [("a", "y"), ("b", "y")]) in lines
    assert len(lines) == 3 + 3  # rows a, b and the total row; columns x, y and the total column


def test_display_shows_exact_numbers_unless_suppressed():
    counts = {("a", "x"): 2, ("b", "x"): 7}
    lines = complete(counts, ["a", "b"], [("x", "X")])
    table = Table("t", "r", [("x", "X")], [Row("a", "A"), Row("b", "B"), Row(TOTAL, "Totaal", "total")], counts, lines)
    assert [(row.key, cells, total) for row, cells, total in table.display(False)] == [
        ("a", [2], 2),
        ("b", [7], 7),
        (TOTAL, [9], 9),
    ]
    assert [(row.key, cells, total) for row, cells, total in table.display(True)] == [
        ("a", [PRIMARY], PRIMARY),
        ("b", [SECONDARY], SECONDARY),
        (TOTAL, [9], 9),
    ]
