# expect: failed
# Sorts the distances the wrong way: the k farthest points vote.
import numpy as np


def knn_classify(X_train, y_train, X_test, k):
    out = []
    for point in X_test:
        order = np.argsort(-((X_train - point) ** 2).sum(axis=1), kind="stable")[:k]
        out.append(np.bincount(y_train[order]).argmax())
    return np.array(out, dtype=int)
