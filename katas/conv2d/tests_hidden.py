"""What "Submit" adds to the samples: orientation, shapes, strides, then properties."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from reference import conv2d as oracle
from tests_sample import near

from graders.kit import check


def verify(solution, image, kernel, stride, padding):
    expected = oracle(image, kernel, stride, padding)
    check(solution, (image, kernel, stride, padding), expected, compare=near)


def test_kernel_is_not_flipped(solution):
    image = np.array([[1.0, 2.0], [3.0, 4.0]])
    kernel = np.array([[1.0, 0.0], [0.0, 0.0]])
    check(solution, (image, kernel, 1, 0), np.array([[1.0]]), compare=near)


def test_rectangular_everything(solution):
    rng = np.random.default_rng(1)
    verify(solution, rng.normal(size=(5, 9)), rng.normal(size=(2, 3)), 1, 0)


def test_stride_leaves_a_remainder(solution):
    # (7 - 3) / 3 is not whole: the last column of positions does not fit and is dropped.
    rng = np.random.default_rng(2)
    verify(solution, rng.normal(size=(7, 8)), rng.normal(size=(3, 3)), 3, 0)


def test_padding_with_stride(solution):
    rng = np.random.default_rng(3)
    verify(solution, rng.normal(size=(6, 5)), rng.normal(size=(3, 2)), 2, 2)


def test_kernel_as_large_as_the_image(solution):
    image = np.arange(12.0).reshape(3, 4)
    check(solution, (image, np.ones((3, 4)), 1, 0), np.array([[66.0]]), compare=near)


def test_kernel_larger_than_the_image_but_padded(solution):
    verify(solution, np.array([[2.0]]), np.arange(1.0, 10.0).reshape(3, 3), 1, 1)


def shifted_sums(image, kernel, padding):
    """The stride-1 answer, summed over the kernel's 49 cells instead of the 16 384 output
    cells the reference loops over: the same float64 products, so the same answer to ~1e-11."""
    padded = np.pad(image, padding)
    kh, kw = kernel.shape
    rows, cols = padded.shape[0] - kh + 1, padded.shape[1] - kw + 1
    out = np.zeros((rows, cols))
    for a in range(kh):
        for b in range(kw):
            out += kernel[a, b] * padded[a : a + rows, b : b + cols]
    return out


def test_largest_case(solution):
    rng = np.random.default_rng(4)
    image, kernel = rng.uniform(-100, 100, size=(128, 128)), rng.uniform(-100, 100, (7, 7))
    check(solution, (image, kernel, 1, 3), shifted_sums(image, kernel, 3), compare=near)


@st.composite
def problems(draw):
    kh, kw = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    padding = draw(st.integers(0, 2))
    h = draw(st.integers(max(1, kh - 2 * padding), 9))
    w = draw(st.integers(max(1, kw - 2 * padding), 9))
    stride = draw(st.integers(1, 3))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    return rng.uniform(-100, 100, (h, w)), rng.uniform(-100, 100, (kh, kw)), stride, padding


@given(problem=problems())
def test_matches_reference(solution, problem):
    verify(solution, *problem)
