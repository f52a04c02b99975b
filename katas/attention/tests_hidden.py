"""What "Submit" adds to the samples: masks, large scores, shapes, then properties."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from reference import attention as oracle
from tests_sample import near

from graders.kit import check


def verify(solution, Q, K, V, mask):
    check(solution, (Q, K, V, mask), oracle(Q, K, V, mask), compare=near)


def qkv(seed, n_q, n_k, d_k, d_v, scale):
    rng = np.random.default_rng(seed)
    return (
        rng.uniform(-scale, scale, size=(n_q, d_k)),
        rng.uniform(-scale, scale, size=(n_k, d_k)),
        rng.uniform(-scale, scale, size=(n_k, d_v)),
    )


def test_causal_mask(solution):
    Q, K, V = qkv(1, 5, 5, 4, 3, 1.0)
    verify(solution, Q, K, V, np.tril(np.ones((5, 5), dtype=bool)))


def test_scaled_by_root_dk(solution):
    # With d_k = 4 the scores are halved; unscaled or divided by d_k they are not.
    Q, K = np.ones((1, 4)), np.array([[1.0, 1.0, 1.0, 1.0], [0.0, 0.0, 0.0, 0.0]])
    verify(solution, Q, K, np.array([[1.0], [0.0]]), None)


def test_large_scores(solution):
    # Scores near 8e4: the textbook softmax overflows.
    Q = np.full((2, 64), 100.0)
    K = np.vstack([np.full(64, 100.0), np.full(64, 99.0)])
    verify(solution, Q, K, np.array([[1.0, 2.0], [3.0, 4.0]]), None)


def test_large_scores_masked(solution):
    Q, K, V = qkv(3, 4, 6, 64, 5, 100.0)
    mask = np.zeros((4, 6), dtype=bool)
    mask[np.arange(4), [5, 0, 2, 2]] = True
    mask[0, 1] = True
    verify(solution, Q, K, V, mask)


def test_more_keys_than_queries(solution):
    Q, K, V = qkv(4, 2, 7, 3, 5, 2.0)
    mask = np.array([[True, False] * 3 + [True], [False] * 6 + [True]])
    verify(solution, Q, K, V, mask)


def test_one_key(solution):
    Q, K, V = qkv(5, 3, 1, 2, 2, 1.0)
    check(solution, (Q, K, V, None), np.repeat(V, 3, axis=0), compare=near)


def test_largest_case(solution):
    Q, K, V = qkv(6, 200, 200, 64, 64, 10.0)
    verify(solution, Q, K, V, np.tril(np.ones((200, 200), dtype=bool)))


@given(
    seed=st.integers(0, 2**32 - 1),
    n_q=st.integers(1, 6),
    n_k=st.integers(1, 6),
    d_k=st.integers(1, 8),
    scale=st.sampled_from([0.1, 1.0, 30.0, 100.0]),
    masked=st.booleans(),
)
def test_matches_reference(solution, seed, n_q, n_k, d_k, scale, masked):
    Q, K, V = qkv(seed, n_q, n_k, d_k, 3, scale)
    mask = None
    if masked:
        rng = np.random.default_rng(seed + 1)
        mask = rng.random((n_q, n_k)) < 0.5
        mask[np.arange(n_q), rng.integers(0, n_k, size=n_q)] = True
    verify(solution, Q, K, V, mask)
