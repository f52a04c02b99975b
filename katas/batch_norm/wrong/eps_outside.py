# expect: failed
# Adds eps after the square root.
import numpy as np


def batch_norm(x, gamma, beta, eps):
    return gamma * (x - x.mean(axis=0)) / (x.std(axis=0) + eps) + beta
