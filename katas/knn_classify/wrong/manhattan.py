# expect: failed
# Manhattan distance (sum of absolute differences) instead of Euclidean.
import numpy as np


def knn_classify(X_train, y_train, X_test, k):
    out = []
    for point in X_test:
        nearest = np.argsort(np.abs(X_train - point).sum(axis=1), kind="stable")[:k]
        out.append(np.bincount(y_train[nearest]).argmax())
    return np.array(out, dtype=int)
