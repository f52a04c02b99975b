"""What "Submit" adds to the samples: scale, opposites, ties, size, then properties."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from reference import cosine_top_k as oracle
from tests_sample import top_k_of

from graders.kit import check


def verify(solution, query, items, k):
    check(solution, (query, items, k), oracle(query, items, k), compare=top_k_of(query, items, k))


def test_long_vector_does_not_win(solution):
    # By dot product the long, slightly off vector would come first.
    items = np.array([[1000.0, 300.0], [1.0, 0.0], [0.5, 0.01]])
    verify(solution, np.array([1.0, 0.0]), items, 3)


def test_opposite_is_last(solution):
    items = np.array([[-2.0, 0.0], [0.0, 5.0], [3.0, 0.1]])
    verify(solution, np.array([1.0, 0.0]), items, 3)


def test_all_of_them(solution):
    items = np.random.default_rng(1).normal(size=(6, 4))
    verify(solution, np.ones(4), items, 6)


def test_ties(solution):
    # Multiples of one direction are tied: any order among them is accepted.
    items = np.array([[1.0, 1.0], [3.0, 3.0], [0.0, 1.0], [2.0, 2.0]])
    verify(solution, np.array([1.0, 1.0]), items, 2)


def test_largest_case(solution):
    rng = np.random.default_rng(2)
    items = rng.uniform(-1e3, 1e3, size=(2000, 128))
    verify(solution, rng.uniform(-1e3, 1e3, size=128), items, 20)


@given(
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(1, 30),
    d=st.integers(1, 6),
    k=st.integers(1, 30),
    scale=st.sampled_from([1e-3, 1.0, 1e3]),
)
def test_matches_reference(solution, seed, n, d, k, scale):
    rng = np.random.default_rng(seed)
    items = rng.normal(size=(n, d)) * rng.uniform(1e-3, 1.0, size=(n, 1)) * scale
    items[np.linalg.norm(items, axis=1) == 0] = 1.0
    query = rng.normal(size=d) + 1e-3
    verify(solution, query, items, min(k, n))
