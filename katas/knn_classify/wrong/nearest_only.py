# expect: failed
# Ignores k: always the single nearest neighbour's label.
import numpy as np


def knn_classify(X_train, y_train, X_test, k):
    out = []
    for point in X_test:
        out.append(y_train[np.argmin(((X_train - point) ** 2).sum(axis=1))])
    return np.array(out, dtype=int)
