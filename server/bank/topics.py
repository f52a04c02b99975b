"""Topics for a question: its section in the notes plus a small keyword table."""

from __future__ import annotations

import re

__all__ = ["topics_for"]

MAX_TOPICS = 3
# Checked in order against the prompt and the start of the answer; the first matches win.
_KEYWORDS: list[tuple[str, re.Pattern[str]]] = [
    (topic, re.compile(pattern, re.IGNORECASE))
    for topic, pattern in [
        ("python", r"\bpython\b|\btuples?\b|\bnumpy\b|\bpandas\b"),
        ("sql", r"\bsql\b|\bjoins?\b|\bquery\b"),
        ("nlp", r"\bnlp\b|language model|\bllms?\b|\btokens?\b|\bbert\b|\bgpt|word2vec|"
                r"\bembeddings?\b|\btext\b|sentiment|named entity|seq2seq|translation"),
        ("deep-learning", r"neural|deep learning|\bcnns?\b|\brnns?\b|\blstm|\bgru\b|"
                          r"transformer|attention|backprop|vanishing|exploding|activation|"
                          r"dropout|batch norm|resnet|convolution|autoencoder|\bgans?\b|"
                          r"diffusion|learning rate|batch size|transfer learning"),
        ("statistics", r"correlation|probability|distribution|hypothesis|p-value|"
                       r"central limit|bayes|\bmean\b|median|a/b test|dice|coin|birthday"),
        ("machine-learning", r"regression|classif|\bsvm\b|decision tree|random forest|"
                             r"boosting|bagging|k-means|cluster|overfitting|regularization|"
                             r"cross-validation|\bfeatures?\b|bias|precision|recall|"
                             r"ensemble|confusion matrix|\broc\b|\bf1\b|dimensionality"),
        ("data-engineering", r"\bspark\b|parquet|data lake|big data|\betl\b|hadoop"),
        ("aws", r"sagemaker|\baws\b|\bec2\b|\bemr\b|\bs3\b|deepar|blazingtext|"
                r"object2vec|linear learner"),
        ("mlops", r"production|deploy|automl|hyperparameter tuning|pipelines?\b|"
                  r"inference|instance types?"),
    ]
]  # fmt: skip


def topics_for(prompt: str, answer: str, sections: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Keyword topics from the prompt, then the answer; the notes' sections when none match.

    Sections come last because notes file broadly: a Q&A page keeps its Python and
    statistics questions under "Deep Learning".
    """
    topics: list[str] = []
    for text in (prompt, answer[:400]):
        for topic, pattern in _KEYWORDS:
            if topic not in topics and pattern.search(text):
                topics.append(topic)
    return tuple(topics[:MAX_TOPICS] or dict.fromkeys(sections))
