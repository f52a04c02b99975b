# expect: failed
# Counter.most_common breaks vote ties by first appearance (the nearest point's label).
from collections import Counter

import numpy as np


def knn_classify(X_train, y_train, X_test, k):
    out = []
    for point in X_test:
        nearest = np.argsort(((X_train - point) ** 2).sum(axis=1), kind="stable")[:k]
        out.append(Counter(y_train[nearest].tolist()).most_common(1)[0][0])
    return np.array(out, dtype=int)
