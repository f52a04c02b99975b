# expect: failed
# A few hundred steps of gradient descent: close, but not the least-squares answer.
import numpy as np


def linear_regression(X, y):
    A = np.column_stack([np.ones(len(X)), X])
    beta = np.zeros(A.shape[1])
    lr = 1.0 / np.linalg.norm(A, 2) ** 2
    for _ in range(300):
        beta -= lr * A.T @ (A @ beta - y)
    return beta
