import itertools

import numpy as np
import pandas as pd
import pytest
import tables
from matplotlib.container import BarContainer

from framing.errors import InputError
from framing.report import plots


@pytest.fixture
def table():
    return tables.compare_table()


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plots.plt.close("all")


def labels(ax, axis="y"):
    ticks = ax.get_yticklabels() if axis == "y" else ax.get_xticklabels()
    return [t.get_text() for t in ticks]


def assert_no_overlap(texts):
    """No two drawn labels share pixels."""
    fig = texts[0].figure
    fig.canvas.draw()
    boxes = [t.get_window_extent() for t in texts if t.get_text()]
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b), (a, b)


def assert_rotated_labels_apart(ax):
    """Rotated x labels are parallel lines: their perpendicular gap must exceed the text height."""
    fig = ax.figure
    fig.canvas.draw()
    ticks = ax.get_xticklabels()
    xs = [ax.transData.transform((x, 0))[0] for x in ax.get_xticks()]
    gap = min(np.diff(xs)) * np.sin(np.radians(ticks[0].get_rotation()))
    assert gap >= ticks[0].get_fontsize() * fig.dpi / 72


def test_forest_sorts_by_mean_and_marks_significance(table):
    ax = plots.forest(table, "loaded_language")
    d = table[table.measure == "loaded_language"].sort_values("mean")
    assert labels(ax) == [f"{g} (n={n})" for g, n in zip(d.group, d.n, strict=True)]
    filled, hollow = ax.collections[-2:]
    assert len(filled.get_offsets()) == int((d.q < 0.05).sum())
    assert len(hollow.get_offsets()) == int((d.q >= 0.05).sum())
    # the dashed line is the article-weighted mean
    line = [ln for ln in ax.get_lines() if ln.get_linestyle() == "--"][0]
    assert line.get_xdata()[0] == pytest.approx(np.average(d["mean"], weights=d["n"]))
    assert_no_overlap(ax.get_yticklabels())
    with pytest.raises(InputError, match="no rows for measure"):
        plots.forest(table, "nope")


def test_forest_colours_a_table_from_sufficient_statistics():
    from matplotlib.colors import to_hex

    from framing.stats.compare import compare_outlets

    f = pd.DataFrame({"outlet": ["low"] * 20 + ["high"] * 20, "x": np.arange(40.0)})
    ax = plots.forest(compare_outlets(f, method="moments"), "x")  # Cliff's delta is NaN
    filled = ax.collections[-2]
    assert [to_hex(c) for c in filled.get_facecolors()] == [plots.LOW.lower(), plots.HIGH.lower()]


def test_heatmap_z_scores_by_hand_and_marks_q():
    t = pd.DataFrame(
        {
            "group": ["A", "B", "C"] * 2,
            "measure": ["x"] * 3 + ["flat"] * 3,
            "mean": [1.0, 2.0, 6.0, 4.0, 4.0, 4.0],
            "q": [0.5, 0.01, 0.001, 1.0, 1.0, 1.0],
            "cliffs_delta": [-0.5, 0.0, 0.5, 0.0, 0.0, 0.0],
        }
    )
    ax = plots.heatmap(t)
    grid = ax.images[0].get_array()
    x = np.array([1.0, 2.0, 6.0])
    z = (x - x.mean()) / x.std()
    # rows sorted by mean z, highest first: C, B, A; columns sorted: flat, x
    assert labels(ax) == ["C", "B", "A"] and labels(ax, "x") == ["flat", "x"]
    np.testing.assert_allclose(grid[:, 1], z[[2, 1, 0]])
    np.testing.assert_allclose(grid[:, 0], 0.0)  # a constant measure is 0, not NaN
    stars = [(t.get_position()) for t in ax.texts if t.get_text() == "*"]
    assert sorted(stars) == [(1, 0), (1, 1)]
    ax = plots.heatmap(t, value="cliffs_delta", order=["A", "B", "C"])
    np.testing.assert_allclose(ax.images[0].get_array()[:, 1], [-0.5, 0.0, 0.5])
    with pytest.raises(InputError):
        plots.heatmap(t, value="nope")


def test_heatmap_labels_are_readable_with_many_measures():
    measures = [f"family_measure_number_{i}" for i in range(30)]
    ax = plots.heatmap(tables.compare_table(measures=measures))
    # more measures than outlets: measures run down the side, one readable row each
    assert labels(ax) == sorted(measures) and labels(ax, "x")[0] in tables.OUTLETS
    assert_no_overlap(ax.get_yticklabels())
    assert_rotated_labels_apart(ax)
    assert ax.images[0].get_array().shape == (30, len(tables.OUTLETS))


def test_clutter_composition_from_features_and_from_table_agree():
    feats = pd.DataFrame(
        {
            "outlet": ["A", "A", "B", "B"],
            "clutter_ad_share": [0.2, 0.0, 0.0, 0.0],
            "clutter_social_share": [0.1, 0.1, 0.05, 0.0],
            "clutter_ad_lines": [9, 9, 9, 9],  # _share is preferred over _lines
            "clutter_share": [0.3, 0.1, 0.05, 0.0],  # a total, not a kind
        }
    )
    ax = plots.clutter_composition(feats)
    assert labels(ax) == ["B", "A"]  # largest total on top
    bars = [(c.get_label(), [p.get_width() for p in c]) for c in ax.containers]
    assert bars == [("ad", [0.0, 0.1]), ("social", [0.025, 0.1])]
    means = feats.groupby("outlet").mean(numeric_only=True)
    t = pd.DataFrame(
        [
            {"group": g, "measure": m, "mean": means.at[g, m]}
            for g in means.index
            for m in means.columns
        ]
    )
    ax2 = plots.clutter_composition(t)
    assert [(c.get_label(), [p.get_width() for p in c]) for c in ax2.containers] == bars
    with pytest.raises(InputError, match="clutter_<kind>"):
        plots.clutter_composition(feats[["outlet", "clutter_share"]])


def test_headline_rates_are_percentages(table):
    feats = pd.DataFrame(
        {
            "outlet": ["A", "A", "B", "B"],
            "headline_question": [1, 0, 1, 1],
            "headline_teaser": [0, 0, 0, 1],
        }
    )
    ax = plots.headline_rates(feats)
    assert labels(ax) == ["A", "B"]  # highest summed rate on top (the last tick)
    assert [[p.get_width() for p in c] for c in ax.containers] == [[50.0, 100.0], [0.0, 50.0]]
    ax = plots.headline_rates(table)  # from a comparison table, with CI bars
    assert sum(isinstance(c, BarContainer) for c in ax.containers) == 4
    assert_no_overlap(ax.get_yticklabels())
    with pytest.raises(InputError, match="headline_rates needs"):
        plots.headline_rates(feats[["outlet"]])


def test_distinguishing_terms_and_importance():
    terms = tables.terms_table()
    ax = plots.distinguishing_terms(terms, "Reuters", top=5)
    top = terms[terms.group == "Reuters"].nlargest(5, "z")
    assert labels(ax) == top.term.tolist()[::-1]  # strongest on top
    assert ax.get_title(loc="left") == "Reuters"
    imp = tables.classifier_result()["importance"]
    ax = plots.importance(imp, top=3)
    assert labels(ax) == imp.nlargest(3, "importance_mean").measure.tolist()[::-1]


def test_figures_save_identically_and_draw_into_given_axes(tmp_path, table):
    fig, axes = plots.plt.subplots(1, 2)
    assert plots.forest(table, "style_words", ax=axes[0]) is axes[0]
    assert plots.heatmap(table, ax=axes[1]) is axes[1]
    png = []
    for name in ("a.png", "b.png"):
        fig.savefig(tmp_path / name, metadata={"Software": None})
        png.append((tmp_path / name).read_bytes())
    assert png[0] == png[1] and png[0][:4] == b"\x89PNG"
