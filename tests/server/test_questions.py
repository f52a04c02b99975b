"""Browsing, searching and filtering the bank; the page of one question."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from server.app import create_app
from server.config import Settings
from tests.factories import one, page, text, write_question

pytestmark = pytest.mark.usefixtures("sample_bank")


def _ids(client: TestClient, query: str = "") -> list[str]:
    html = page(client.get(f"/questions?{query}"))
    return [str(link.attributes["href"]).rsplit("/", 1)[1] for link in html.css("a.question-link")]


def test_browse_lists_every_question_with_its_metadata(client: TestClient) -> None:
    html = page(client.get("/questions"))
    items = html.css("li.question-item")
    assert len(items) == 5
    lstm = next(item for item in items if item.css_first('a[href="/questions/lstm"]'))
    assert text(lstm, ".badge") == "easy"
    assert [topic.text() for topic in lstm.css(".topic")] == ["deep-learning", "rnn"]
    assert text(html, ".result-count").strip() == "5 questions."


def test_browse_without_a_query_is_alphabetical(client: TestClient) -> None:
    assert _ids(client) == [
        "attention-mean",
        "sql-order",
        "transformer-drawbacks",
        "lstm",
        "transfer-learning",
    ]


def test_search_matches_prompt_and_answer(client: TestClient) -> None:
    assert _ids(client, "q=LSTM") == ["lstm"]
    assert _ids(client, "q=pretrained") == ["transfer-learning"]  # only in an answer
    assert _ids(client, "q=pretrained+lstm") == []  # every word must match


def test_search_ranks_prompt_matches_first(client: TestClient) -> None:
    assert _ids(client, "q=attention") == [
        "attention-mean",  # in the prompt
        "transformer-drawbacks",  # in the answer ("Self-attention")
        "transfer-learning",  # in the answer
    ]


def test_filters_by_topic_and_difficulty(client: TestClient) -> None:
    assert _ids(client, "topic=rnn") == ["lstm"]
    assert _ids(client, "difficulty=medium") == ["transformer-drawbacks", "transfer-learning"]
    assert _ids(client, "topic=deep-learning&difficulty=easy") == ["attention-mean", "lstm"]
    assert _ids(client, "topic=rnn&difficulty=hard") == []
    assert _ids(client, "q=data&topic=deep-learning") == ["transformer-drawbacks"]
    html = page(client.get("/questions?topic=rnn&difficulty=easy"))
    topic = html.css_first("#search-topic option[selected]")
    assert topic is not None and topic.attributes["value"] == "rnn"
    difficulty = html.css_first("#search-difficulty option[selected]")
    assert difficulty is not None and difficulty.attributes["value"] == "easy"
    options = [option.attributes["value"] for option in html.css("#search-topic option")]
    assert options == ["", "attention", "deep-learning", "rnn", "sql", "transformers"]


def test_no_match_says_so(client: TestClient) -> None:
    html = page(client.get("/questions?q=zzzzzz"))
    assert text(html, ".result-count").strip() == "No questions match."


def test_htmx_search_returns_only_the_results_fragment(client: TestClient) -> None:
    headers = {"HX-Request": "true", "HX-Target": "results"}
    html = page(client.get("/questions?q=lstm", headers=headers))
    assert html.css_first("form.search-form") is None
    assert html.css_first("nav.nav") is None
    assert len(html.css("#results a.question-link")) == 1


def test_pagination(settings: Settings) -> None:
    for number in range(7):
        write_question(settings.questions_dir, f"paging-{number}", f"Paging {number}", "Body.")
    app: FastAPI = create_app(settings.model_copy(update={"page_size": 3}))
    with TestClient(app) as client:
        first = page(client.get("/questions?q=paging&topic=testing"))
        assert text(first, ".result-count").strip() == "7 questions, page 1 of 3."
        assert first.css_first('.pagination a[rel="prev"]') is None
        next_link = one(first, '.pagination a[rel="next"]')
        second = page(client.get(str(next_link.attributes["href"])))
        assert text(second, ".result-count").strip() == "7 questions, page 2 of 3."
        assert [a.text() for a in second.css("a.question-link")] == [
            "Paging 3",
            "Paging 4",
            "Paging 5",
        ]
        last = page(client.get("/questions?q=paging&page=99"))
        assert [a.text() for a in last.css("a.question-link")] == ["Paging 6"]


def test_question_page_shows_everything(client: TestClient) -> None:
    html = page(client.get("/questions/transformer-drawbacks"))
    assert text(html, "h1.question-prompt") == "What are some drawbacks of the Transformer?"
    assert text(html, ".meta .badge") == "medium"
    assert [link.text() for link in html.css(".meta a.topic")] == [
        "deep-learning",
        "transformers",
    ]
    assert html.css_first('.meta a.topic[href="/questions?topic=transformers"]') is not None
    inline = [node.text() for node in html.css(".answer span.math.inline")]
    assert inline == ["O(T^2 d)", "T"]
    block = html.css_first(".answer div.math.block")
    assert block is not None and block.text().strip() == r"\mathrm{softmax}(QK^T / \sqrt{d})V"
    assert [item.text() for item in html.css(".key-points li")] == [
        "runtime quadratic in sequence length",
        "needs more data",
    ]
    assert text(html, ".source code") == "notes/003.txt:267"


def test_question_content_is_escaped(settings: Settings) -> None:
    write_question(
        settings.questions_dir,
        "hostile",
        "Is <script>alert(1)</script> escaped?",
        "<img src=x onerror=alert(1)> and [link](javascript:alert(1))",
        key_points=("<b>bold</b>",),
    )
    with TestClient(create_app(settings)) as client:
        html = page(client.get("/questions/hostile"))
    assert html.css("main script") == []
    assert html.css("main img") == []
    assert html.css('main a[href^="javascript"]') == []
    assert html.css(".key-points b") == []
    assert text(html, "h1.question-prompt") == "Is <script>alert(1)</script> escaped?"


def test_unknown_question_is_a_friendly_404(client: TestClient) -> None:
    response = client.get("/questions/no-such-question")
    assert response.status_code == 404
    assert text(page(response), "h1") == "Not found"


@pytest.mark.parametrize(
    "query",
    ["q=" + "x" * 201, "difficulty=impossible", "page=0", "page=abc", "topic=" + "t" * 81],
)
def test_bad_search_parameters_are_a_400_page(client: TestClient, query: str) -> None:
    response = client.get(f"/questions?{query}")
    assert response.status_code == 400
    assert page(response).css_first(".error-message") is not None
