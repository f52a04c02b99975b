"""Key points the importer derives are claims: whole phrases, labels with what they say."""

from __future__ import annotations

from server.bank.checks import key_point_problem
from server.bank.corrections import editor_note_markdown
from server.bank.derive import MAX_SENTENCE_WORDS, key_points_for


def test_a_short_label_keeps_what_follows_it() -> None:
    answer = (
        "- When the slope approaches zero, things can get stuck.\n"
        "- Opposite problem: “exploding gradients”.\n"
    )
    points = key_points_for(answer, prompt="What is the vanishing gradient problem?")
    assert points == (
        "When the slope approaches zero, things can get stuck",
        "Opposite problem: exploding gradients",
    )


def test_a_long_sentence_is_kept_whole_cut_at_a_clause_or_left_out() -> None:
    long_clause = " ".join(["word"] * 30)
    answer = (
        "- Gradient descent is the most common algorithm for minimizing a neural network's loss "
        "by following the negative gradient step after step until it converges.\n"
        f"- {long_clause}\n"
        "- Regularization adds a penalty on large weights to the loss, which curbs overfitting.\n"
    )
    points = key_points_for(answer, prompt="What is gradient descent?")
    assert points == (
        "Gradient descent is the most common algorithm for minimizing a neural network's loss "
        "by following the negative gradient step after step until it converges",
        "Regularization adds a penalty on large weights to the loss",
    )
    assert all(len(point.split()) <= MAX_SENTENCE_WORDS for point in points)


def test_a_lead_in_gives_way_to_its_sub_items_but_a_name_does_not() -> None:
    answer = (
        "- Batch size is how many samples each step uses.\n"
        "- Somewhat counter-intuitively:\n"
        "  - Smaller batches escape local minima more easily.\n"
        "  - Very large batches can get stuck in the wrong solution.\n"
        "- LeNet-5:\n"
        "  - handwriting recognition\n"
    )
    points = key_points_for(answer, prompt="How does the batch size affect training?")
    assert points == (
        "Batch size is how many samples each step uses",
        "Smaller batches escape local minima more easily",
        "Very large batches can get stuck in the wrong solution",
        "LeNet-5",
    )


def test_points_the_editors_note_corrects_are_left_out() -> None:
    answer = (
        "- **K-means**: Unsupervised, groups similar points.\n"
        "- **Naive Bayes**: Supervised. If-then kind of method.\n"
    )
    note = editor_note_markdown(
        "Naive Bayes is a **supervised classifier**, not a clustering method."
    )
    points = key_points_for(
        answer,
        prompt="What are the main clustering methods?",
        corrections=[note],
        wrong=["Naive Bayes: Supervised. If-then kind of method."],
    )
    assert points == ("K-means: Unsupervised, groups similar points",)


def test_every_derived_point_passes_the_content_check() -> None:
    answer = (
        "- Variance: how much the fit changes with other training data.\n"
        "- Variance\n"
        "- In the context of deep networks\n"
        "- yes\n"
        "- High variance means overfitting.\n"
    )
    prompt = "What are bias and variance?"
    points = key_points_for(answer, prompt=prompt)
    assert points == (
        "Variance: how much the fit changes with other training data",
        "High variance means overfitting",
    )
    assert all(key_point_problem(p, prompt=prompt) is None for p in points)


def test_a_heading_label_or_summing_up_opener_gives_way_to_the_claim() -> None:
    answer = (
        "- Mechanism: VAEs map inputs to a latent space and decode them back.\n"
        "- Conclusion: In summary, diffusion models trade speed for sample quality.\n"
        "- Stemming: a process that trims affixes to reach a root form.\n"
    )
    points = key_points_for(answer, prompt="Explain stemming and generative models")
    assert points == (
        "VAEs map inputs to a latent space and decode them back",
        "Diffusion models trade speed for sample quality",
        "Stemming: a process that trims affixes to reach a root form",
    )
