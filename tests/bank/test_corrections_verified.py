"""questions/corrections.toml: well-formed, anchored in the notes, and re-verified.

The first tests check the file itself (four keys, every ``match`` occurs exactly once in the
named note, entries ordered by note then position). The rest re-run, quickly, each check that
a correction about code or arithmetic rests on: the notes' claim is computed and shown to
differ from the true value.
"""

from __future__ import annotations

import math
import random
import tomllib
from fractions import Fraction
from itertools import combinations, product
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTES = ROOT / "questions" / "notes"
CORRECTIONS = ROOT / "questions" / "corrections.toml"
KEYS = {"note", "match", "editor_note", "verified"}


def _entries() -> list[dict]:
    with CORRECTIONS.open("rb") as fh:
        return tomllib.load(fh)["correction"]


def _note_text(name: str) -> str:
    return (NOTES / name).read_text(encoding="utf-8")


def _entry(match_fragment: str) -> dict:
    found = [e for e in _entries() if match_fragment in e["match"]]
    assert len(found) == 1, f"expected one correction matching {match_fragment!r}"
    return found[0]


# ----------------------------------------------------------------------------- the file


def test_every_entry_has_the_four_keys():
    entries = _entries()
    assert entries
    for e in entries:
        assert set(e) == KEYS, e
        for key in KEYS:
            assert isinstance(e[key], str) and e[key].strip(), (key, e)


def test_every_match_occurs_exactly_once_in_its_note():
    for e in _entries():
        path = NOTES / e["note"]
        assert path.is_file(), e["note"]
        assert _note_text(e["note"]).count(e["match"]) == 1, (e["note"], e["match"])


def test_entries_are_ordered_by_note_then_position():
    keys = [(e["note"], _note_text(e["note"]).find(e["match"])) for e in _entries()]
    assert keys == sorted(keys)


def test_the_three_known_corrections_are_present():
    _entry("set(X).intersect(set(Y))")
    _entry("combinations([k for x in range (1, n+1)], k)")
    _entry("k-Means Clustering (kMC) is a classifier.")


# ----------------------------------------------------------------------------- code


def test_python_sets_have_no_intersect_method():
    assert not hasattr(set(), "intersect")
    with pytest.raises(AttributeError):
        set([1]).intersect(set([1]))  # type: ignore[attr-defined]
    X, Y = [1, 5, 9, 0], [3, 0, 2, 9]
    assert set(X) & set(Y) == set(X).intersection(Y) == {0, 9}


def test_notes_combinations_snippet_is_wrong():
    def find_combintaion(k, n):  # the notes' snippet, verbatim logic
        list_num = []
        comb = combinations([k for x in range(1, n + 1)], k)
        for i in comb:
            list_num.append(i)
        return list_num

    assert find_combintaion(2, 3) == [(2, 2), (2, 2), (2, 2)]
    assert list(combinations(range(1, 4), 2)) == [(1, 2), (1, 3), (2, 3)]


def test_max_product_of_three_rule_fails_on_a_counterexample():
    def notes_rule(a):
        a = sorted(a)
        if all(x > 0 for x in a):
            return a[-1] * a[-2] * a[-3]
        return a[0] * a[1] * a[-1]

    def brute(a):
        return max(x * y * z for x, y, z in combinations(a, 3))

    def correct(a):
        a = sorted(a)
        return max(a[-1] * a[-2] * a[-3], a[0] * a[1] * a[-1])

    for a in ([1, 5, 3, 4], [-2, -4, 5, 3]):  # the notes' own examples
        assert notes_rule(a) == brute(a) == correct(a)
    assert (notes_rule([-1, -2, 3, 4, 5]), brute([-1, -2, 3, 4, 5])) == (10, 60)
    rng = random.Random(0)
    for _ in range(300):
        a = [rng.randint(-9, 9) for _ in range(rng.randint(3, 7))]
        assert correct(a) == brute(a)


def test_xor_arithmetic_and_false_negative_of_the_notes_scheme():
    assert 3 ^ 7 ^ 4 == 0 != 4
    stored = 2 ^ 1 ^ 3  # hash(7), hash(15), hash(23) in the notes' second example
    assert stored == 0
    assert 2 ^ stored != 0  # the member 7 (hash 2) is reported absent


def test_redis_cluster_slots_are_crc16_mod_16384():
    def crc16(data: bytes) -> int:  # CRC16-XMODEM, as in the Redis Cluster spec
        crc = 0
        for b in data:
            crc ^= b << 8
            for _ in range(8):
                crc = ((crc << 1) ^ 0x1021) & 0xFFFF if crc & 0x8000 else (crc << 1) & 0xFFFF
        return crc

    assert crc16(b"123456789") == 0x31C3
    assert crc16(b"foo") % 16384 == 12182
    assert crc16(b"somekey") % 16384 == 11058


def test_random_seed_does_not_change_the_request():
    prompt = "Once upon a time in a distant land"
    requests = []
    for seed in (1, 2):
        random.seed(seed)
        requests.append({"model": "text-davinci-003", "prompt": prompt, "temperature": 0.7})
    assert requests[0] == requests[1]


# ----------------------------------------------------------------------------- arithmetic


def test_two_consecutive_threes_in_three_rolls():
    hits = sum(
        1
        for r in product(range(1, 7), repeat=3)
        if (r[0] == 3 and r[1] == 3) or (r[1] == 3 and r[2] == 3)
    )
    truth = Fraction(hits, 216)
    assert truth == Fraction(11, 216)
    sixth = Fraction(1, 6)
    as_written = 2 * (Fraction(5, 6) * sixth**2) + sixth * 3
    as_meant = 2 * (Fraction(5, 6) * sixth**2) + sixth**3
    assert as_written == Fraction(59, 108) != truth
    assert as_meant == truth


def test_binomial_two_or_fewer_heads_in_six_tosses():
    p = sum(Fraction(math.comb(6, k), 2**6) for k in range(3))
    assert p == Fraction(11, 32)
    assert len(range(0, 7)) == 7  # the sample space has 7 outcomes, not 3


def test_softmax_of_the_notes_logits():
    z = np.array([10.1, 5.6])
    p = np.exp(z - z.max()) / np.exp(z - z.max()).sum()
    assert p[0] == pytest.approx(0.98901, abs=1e-5)
    assert p[1] == pytest.approx(0.01099, abs=1e-5)
    assert abs(0.99 + 0.1 - 1.0) > 0.05  # the notes' pair does not sum to 1


def test_recall_is_not_the_share_of_negatives_wrongly_predicted():
    tp, fn, fp, tn = 40, 10, 5, 45
    recall = Fraction(tp, tp + fn)
    false_positive_rate = Fraction(fp, fp + tn)
    assert recall == Fraction(4, 5)
    assert false_positive_rate == Fraction(1, 10) != recall


def test_l1_is_the_sum_of_absolute_weights_not_of_weights():
    w = [1.0, -1.0]
    assert sum(w) == 0
    assert sum(abs(x) for x in w) == 2


def test_mse_is_in_squared_units():
    errors = np.array([1.0, -2.0, 3.0])
    mae, mse = np.abs(errors).mean(), (errors**2).mean()
    assert (mae, mse) == pytest.approx((2.0, 14 / 3))
    assert np.abs(10 * errors).mean() == pytest.approx(10 * mae)
    assert ((10 * errors) ** 2).mean() == pytest.approx(100 * mse)


def test_mse_is_gaussian_likelihood_not_prior():
    sigma = 1.7
    const = 0.5 * math.log(2 * math.pi * sigma**2)
    for y, mu in [(0.0, 0.0), (1.0, -2.0), (3.5, 0.25)]:
        density = math.exp(-((y - mu) ** 2) / (2 * sigma**2)) / math.sqrt(2 * math.pi * sigma**2)
        nll = -math.log(density)
        assert nll - (y - mu) ** 2 / (2 * sigma**2) == pytest.approx(const)


def test_spearman_of_a_decreasing_relation_is_minus_one():
    x = np.arange(1, 21, dtype=float)
    y = -np.exp(x / 3)

    def ranks(v):
        return np.argsort(np.argsort(v)).astype(float)

    assert np.corrcoef(x, y)[0, 1] == pytest.approx(-0.798, abs=1e-3)
    assert np.corrcoef(ranks(x), ranks(y))[0, 1] == pytest.approx(-1.0)


def test_cauchy_sample_mean_does_not_concentrate():
    rng = np.random.default_rng(0)

    def iqr_of_mean(n):
        means = rng.standard_cauchy((2000, n)).mean(axis=1)
        q1, q3 = np.percentile(means, [25, 75])
        return q3 - q1

    # The mean of n standard Cauchy draws is standard Cauchy (IQR 2) for every n;
    # with finite variance the IQR would shrink like 1/sqrt(n).
    assert iqr_of_mean(1) == pytest.approx(2.0, rel=0.15)
    assert iqr_of_mean(500) == pytest.approx(2.0, rel=0.15)


def test_kmeans_objective_prefers_cutting_elongated_clusters():
    xs = np.linspace(0.0, 20.0, 200)
    strip_a = np.c_[xs, np.zeros_like(xs)]
    strip_b = np.c_[xs, np.full_like(xs, 2.0)]
    points = np.r_[strip_a, strip_b]

    def sse(groups):
        return sum(((g - g.mean(axis=0)) ** 2).sum() for g in groups)

    true_partition = sse([strip_a, strip_b])
    cut_across = sse([points[points[:, 0] < 10], points[points[:, 0] >= 10]])
    assert cut_across < true_partition / 3


def test_kmeans_within_plus_between_is_total():
    rng = np.random.default_rng(1)
    pts = rng.normal(size=(300, 3))
    labels = rng.integers(0, 4, size=300)
    centre = pts.mean(axis=0)
    total = ((pts - centre) ** 2).sum()
    within = sum(((pts[labels == j] - pts[labels == j].mean(axis=0)) ** 2).sum() for j in range(4))
    between = sum(
        (labels == j).sum() * ((pts[labels == j].mean(axis=0) - centre) ** 2).sum()
        for j in range(4)
    )
    assert total == pytest.approx(within + between)


def test_saddle_point_has_positive_and_negative_curvature():
    hessian = np.array([[2.0, 0.0], [0.0, -2.0]])  # f(x, y) = x**2 - y**2
    eig = np.linalg.eigvalsh(hessian)
    assert eig.min() < 0 < eig.max()


def test_leaky_relu_returns_a_times_x_not_a():
    def leaky_relu(x, a=0.01):
        return x if x > 0 else a * x

    assert leaky_relu(-2.0) == pytest.approx(-0.02)
    assert leaky_relu(-4.0) == pytest.approx(-0.04)
    assert leaky_relu(3.0) == 3.0
    assert 1 / (1 + math.exp(2.0)) == pytest.approx(0.119, abs=1e-3)  # sigmoid(-2)
