"""Interview prompts from note headings: deterministic rules plus a small curated table."""

from __future__ import annotations

import re

from server.bank.text import clean_inline, convert_math, sentence

__all__ = ["is_question", "normalise", "prompt_for_heading", "tidy_question"]

# Headings whose rule-made prompt reads badly, keyed by `normalise(heading)`.
CURATED: dict[str, str] = {
    "taming the training": "How do you tame the training of a neural network?",
    "feasibility of training performance": (
        "How do you judge whether training a model is feasible and performs well?"
    ),
    "compute considerations": "What compute considerations matter when you deploy a model?",
    "de duplicate training data k means": (
        "Why would you de-duplicate training data, and how can K-means help?"
    ),
    "searching a space in an optimal way": "How can you search a parameter space efficiently?",
    "batch size": "How does the batch size affect training?",
    "learning rate and training": "How does the learning rate affect training time and results?",
    "training rnn": "Why is training an RNN hard?",
    "dimensional effect": "Can a neural network cope with unwanted features on its own?",
    "data science mlinterview are hard regardless which side of the table you are on": (
        "What is the most complex machine learning concept you came across, and how would you"
        " explain it to make it easier to understand?"
    ),
    "if you are overfitting": "What can you do if your model is overfitting?",
    "regularization techniques what they do": "What do regularization techniques do?",
    "aws offers for training a neural network": "What does AWS offer for training neural networks?",
    "major components of tuning a neural network hyperparameters": (
        "What are the main hyperparameters to tune in a neural network?"
    ),
    "what if pick some wrong choices in training a rnn": (
        "What happens if you make wrong choices when training an RNN?"
    ),
    "there might be feature location invariant what to do": (
        "What should you use when a feature can appear anywhere in the input"
        " (feature-location invariance)?"
    ),
    "typical image process using cnn what s the process": (
        "What does a typical CNN for image classification look like, layer by layer?"
    ),
    "l1 and l2 differences": "What are the differences between L1 and L2 regularization?",
    "why l1 then over l2": "Why would you choose L1 over L2 regularization?",
    "what bagging is good for": "What is bagging good for?",
    "xgboost industry trend": "Why is XGBoost so popular?",
    "some ideal file format for sagemaker to fetch data from s3": (
        "Which file formats are best for SageMaker to fetch data from S3?"
    ),
    "does the object2vector performs unsupervised or supervised": (
        "Is Object2Vec supervised or unsupervised?"
    ),
    "accuracy measurement": "When is accuracy the right measurement?",
    "deepar which part of data for input": (
        "Which part of a time series should DeepAR get for training, testing and inference?"
    ),
    "word2vec of blazingtext what modes of operation are available": (
        "What modes of operation does BlazingText offer for word2vec?"
    ),
    "object2vec encoder choices": "Which encoders can Object2Vec use?",
    "name some specialised architectures of cnn": "Name some specialised CNN architectures.",
    "small file and big file problem in big data": (
        "What are the small file and the large file problems in big data,"
        " and how do you avoid them?"
    ),
    "order of execution of an sql query in detail": (
        "In what order are the clauses of an SQL query executed?"
    ),
    "pitfalls in spark data engineering that can hurt your data lake performance": (
        "Which pitfalls in Spark data engineering hurt data lake performance?"
    ),
}
_GERUND_BASE = {
    "addressing": "address",
    "automating": "automate",
    "choosing": "choose",
    "fixing": "fix",
    "handling": "handle",
    "installing": "install",
    "preventing": "prevent",
    "reducing": "reduce",
    "scaling": "scale",
    "selecting": "select",
    "training": "train",
    "tuning": "tune",
    "using": "use",
}
_NOT_GERUNDS = {
    "learning", "bagging", "boosting", "clustering", "pooling", "embedding", "string",
    "vanishing", "exploding", "missing", "existing", "underlying", "remaining", "following",
}  # fmt: skip
_THE_NOUNS = {"rate", "size", "problem", "theorem", "effect", "trade-off", "tradeoff", "law"}
_A_NOUNS = {
    "network", "model", "matrix", "function", "algorithm", "layer", "classifier", "tree",
    "curve", "encoder", "decoder", "architecture", "metric", "test", "distribution", "kernel",
    "example",
}  # fmt: skip
_KEEP_CASE = {"bayesian", "gaussian", "python", "keras", "spark", "sagemaker", "bert", "neo"}
_PROPER = {"spark": "Spark", "python": "Python", "keras": "Keras", "pandas": "pandas"}
# Product names that keep their capitals mid-sentence.
_KEEP_PHRASES = ("Linear Learner", "Random Cut Forest")
_KINDS = r"(?P<kind>approaches|methods|techniques|types|strategies|algorithms|options)"
_SUFFIX_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(pattern, re.IGNORECASE), template)
    for pattern, template in [
        (r"^(?P<x>.+?) (training )?inputs?( format)?$", "What input does {x} take?"),
        (r"^(?P<x>.+?) instance types?$", "Which instance types suit {x}?"),
        (r"^(?P<x>.+?) hyperparameters:?$", "What are the main hyperparameters of {x}?"),
        (r"^(?P<x>.+?) use cases$", "What are the use cases of {x}?"),
        (r"^(?P<x>.+?) preprocessing$", "How should you preprocess data for {x}?"),
        (r"^(?P<x>.+?) training$", "How does training work in {x}?"),
        (r"^(?P<x>.+?) validation$", "How does {x} pick its final model?"),
        (r"^(?P<x>.+?)[’']s strengths?$", "What is the main strength of {x}?"),
        (r"^(?P<x>.+?) full form(at)?$", "What does {x} stand for?"),
        (r"^(?P<x>.+?): pros and cons$", "What are the pros and cons of {x}?"),
        (r"^(?P<x>.+?): (?P<y>.+?) example$", "How does {x} work, with {y} as the example?"),
        (
            r"^(?P<c>.+?): (?P<x>.+?) vs\.? (?P<y>.+)$",
            "What is the difference between {x} and {y} in {c}?",
        ),
        (r"^(?P<x>.+?) vs\.? (?P<y>.+)$", "How do {x} and {y} compare?"),
        (r"^effect of (?P<x>.+)$", "What is the effect of the {x}?"),
        (r"^types of (?P<x>.+)$", "What types of {x} are there?"),
        (rf"^(?P<x>.+?) {_KINDS}:?$", "What are the main {x} {kind}?"),
        (
            r"^(?P<x>.+?) (on|in) (?P<y>the cloud|AWS|EC2\S*|EMR|SageMaker)$",
            "What are the options for {x} on {y}?",
        ),
    ]
]
# Flashcard shorthand, spelled out: "XGBoost, how is it used?" -> "How is XGBoost used?".
_QUESTION_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(?P<x>[^,?]+), how is it (?P<v>\w+)\?$", re.I), "How is {x} {v}?"),
    (re.compile(r"^(?P<x>[^,?]+), how to (?P<v>\w+)\?$", re.I), "How do you {v} {x}?"),
    (re.compile(r"^(?P<x>\S+) is for (?P<y>[^?]+)\?$", re.I), "Is {x} for {y}?"),
    (re.compile(r"^(?P<x>[^:?]+): good for\?$", re.I), "What is {x} good for?"),
]
_QUESTION_START = re.compile(
    r"^(what|why|how|when|where|which|who|whom|whose|is|are|was|were|can|could|do|does|did"
    r"|should|would|will|explain|describe|define|list|compare|contrast|given|mention|write"
    r"|implement|please|name|state|discuss|give|briefly|walk|suppose|consider|derive"
    r"|calculate|design|outline|summari[sz]e|in|if|you)\b",
    re.IGNORECASE,
)


def normalise(text: str) -> str:
    """Lowercase words only, for matching headings and spotting duplicate prompts."""
    return " ".join(re.sub(r"[^\w\s]|_", " ", text.lower()).split())


def is_question(text: str) -> bool:
    """True when a line is already phrased as a question or an instruction to answer."""
    text = text.strip()
    return text.endswith("?") or bool(_QUESTION_START.match(text))


def tidy_question(text: str) -> str:
    """A question from the notes, cleaned: hashtags, lead-ins to lists, maths delimiters."""
    text = clean_inline(convert_math(text))
    text = re.sub(r"(^|\s)#(\w)", r"\1\2", text)
    text = re.sub(r"^(related|question|q):\s*", "", text, flags=re.IGNORECASE)
    # "How do you avoid overfitting? Try one (or more) of the following:" keeps the question.
    text = re.sub(r"(\?)\s+[^?]*:$", r"\1", text)
    curated = CURATED.get(normalise(text))
    if curated:
        return curated
    for pattern, template in _QUESTION_RULES:
        if found := pattern.match(text):
            return sentence(template.format(**found.groupdict()))
    return sentence(_sentence_case(text))


def _sentence_case(text: str) -> str:
    """ "What is the Difference Between X and Y?" -> "What is the difference between x and y?"."""
    words = text.split()
    long = [word for word in words[1:] if len(word.strip("?.,()")) >= 4]
    titled = [word for word in long if word[:1].isupper()]
    if len(titled) < 3 or len(titled) < 0.75 * len(long):
        return text
    return " ".join([words[0], *(_mid_sentence(word) for word in words[1:])])


def prompt_for_heading(heading: str, *, parent: str | None = None) -> str:
    """The question a good interviewer would ask about a heading and the bullets under it."""
    heading = clean_inline(heading).rstrip(":").strip()
    curated = CURATED.get(normalise(heading))
    if curated:
        return curated
    if is_question(heading):
        if parent and re.fullmatch(
            r"what[’']?s the difference\??|what is the difference\??", heading, re.I
        ):
            return f"What is the difference between {_and_phrase(parent)}?"
        return tidy_question(heading)
    for pattern, template in _SUFFIX_RULES:
        found = pattern.match(heading)
        if found:
            parts = {key: _phrase(value) for key, value in found.groupdict().items() if value}
            return sentence(template.format(**parts))
    words = heading.split()
    first = words[0].lower()
    if first.endswith("ing") and first not in _NOT_GERUNDS and len(words) > 1:
        rest = _phrase(" ".join(words[1:]), article=True)
        if first in _GERUND_BASE:
            return f"How do you {_GERUND_BASE[first]} {rest}?"
        return f"How would you go about {first} {rest}?"
    if re.search(r"\band\b|&|,", heading) or _plural(words[-1]):
        return f"What are {_phrase(heading)}?"
    return f"What is {_phrase(heading, article=True)}?"


def _phrase(text: str, *, article: bool = False) -> str:
    """A heading as it reads mid-sentence: ordinary capitalised words lowercased."""
    for name in _KEEP_PHRASES:
        text = text.replace(name, name.replace(" ", "\0"))
    words = [_mid_sentence(word) for word in text.replace("&", "and").split()]
    phrase = " ".join(_PROPER.get(word, word) for word in words)
    if not article or words[0].lower() in ("the", "a", "an"):
        return phrase
    if words[0].lower() in ("maximum", "minimum", "best", "optimal", "main", "typical"):
        return f"the {phrase}"
    plain = re.sub(r"\s*\(.*?\)", "", phrase).split() or words
    last = re.sub(r"\W+$", "", plain[-1]).lower()
    if last in _THE_NOUNS:
        return f"the {phrase}"
    if last in _A_NOUNS:
        return f"{'an' if phrase[0].lower() in 'aeiou' else 'a'} {phrase}"
    return phrase


def _mid_sentence(word: str) -> str:
    if "\0" in word:
        return word.replace("\0", " ")
    if re.search(r"[’']s\W*$", word):
        return word  # "Pearson’s": a possessive is nearly always a name
    parts = word.split("-")
    ordinary = all(part[:1].isupper() and part[1:].islower() for part in parts if part)
    return word.lower() if ordinary and word.lower() not in _KEEP_CASE else word


def _and_phrase(parent: str) -> str:
    return _phrase(parent.rstrip(":"))


def _plural(word: str) -> bool:
    word = word.lower()
    return word.endswith("s") and not word.endswith(("ss", "sis", "us", "ics"))
