# expect: failed
# The default argsort is not stable: among equal distances it may take any point.
import numpy as np


def knn_classify(X_train, y_train, X_test, k):
    out = []
    for point in X_test:
        nearest = np.argsort(((X_train - point) ** 2).sum(axis=1))[:k]
        out.append(np.bincount(y_train[nearest]).argmax())
    return np.array(out, dtype=int)
