"""Browsing, searching and filtering the bank; the page of one question."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from server.app import create_app
from server.bank.files import load_bank
from server.config import PROJECT_ROOT, Settings
from server.search import SearchIndex, hits
from server.stemming import stem
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
    found = _ids(client, "q=attention")
    assert found[0] == "attention-mean"  # in the prompt
    # In the answers ("Self-attention", "attention layers"): BM25 puts the shorter one first.
    assert found[1:] == ["transfer-learning", "transformer-drawbacks"]


def test_search_matches_other_forms_of_a_word(client: TestClient) -> None:
    assert _ids(client, "q=layer") == _ids(client, "q=layers") == ["transfer-learning"]
    assert _ids(client, "q=averages") == _ids(client, "q=averaging") == ["attention-mean"]
    assert _ids(client, "q=pretraining") == ["transfer-learning"]  # "pretrained"


def test_search_ranks_by_relevance(settings: Settings, questions_dir: Path) -> None:
    write_question(questions_dir, "one-gradient", "What is a loss?", "A gradient step.")
    write_question(
        questions_dir,
        "many-gradients",
        "Why do gradients vanish?",
        "Gradients shrink as gradients pass back through saturated layers.",
    )
    with TestClient(create_app(settings)) as fresh:
        assert _ids(fresh, "q=gradients") == ["many-gradients", "one-gradient"]


def test_search_marks_the_matching_words_and_escapes_the_rest(
    settings: Settings, questions_dir: Path
) -> None:
    write_question(
        questions_dir,
        "hostile",
        "Why do <script>alert(1)</script> gradients vanish?",
        "Because <img src=x onerror=alert(1)> each gradient shrinks & more.",
    )
    with TestClient(create_app(settings)) as fresh:
        html = page(fresh.get("/questions?q=gradient"))
    item = one(html, "li.question-item")
    assert [mark.text() for mark in item.css(".question-link mark")] == ["gradients"]
    assert [mark.text() for mark in item.css(".snippet mark")] == ["gradient"]
    assert item.css_first("script") is None and item.css_first("img") is None
    assert "<img src=x onerror=alert(1)>" in text(item, ".snippet")


def test_an_empty_result_names_its_filters_and_offers_to_clear_them(client: TestClient) -> None:
    html = page(client.get("/questions?q=pretrained&topic=sql&difficulty=hard"))
    assert text(html, ".result-count").strip() == "No questions match."
    filters = [" ".join(item.text().split()) for item in html.css(".active-filters li")]
    assert filters == ["Search: “pretrained”", "Topic: sql", "Difficulty: hard"]
    assert one(html, "a.clear-all").attributes["href"] == "/questions"
    assert one(html, "a.clear-topic-difficulty").attributes["href"] == "/questions?q=pretrained"
    assert _ids(client, "q=pretrained") == ["transfer-learning"]
    # With only words to search for, there are no topic and difficulty to clear.
    html = page(client.get("/questions?q=zzzz"))
    assert [item.text() for item in html.css(".active-filters li")] == ["Search: “zzzz”"]
    assert html.css_first("a.clear-topic-difficulty") is None


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


def test_searches_in_parallel_threads_give_what_one_thread_gives() -> None:
    # Pages run in a pool of threads; a stemmer shared by them once mixed up their words
    # (IndexError, a 500 under load). The whole bank, every stem worked out afresh.
    docs, _ = load_bank(PROJECT_ROOT / "questions")
    index = SearchIndex(docs)
    queries = ["model", "losses", "training data", "gradients vanishing", "attention heads"] * 8

    def results(query: str) -> list[tuple[str, str, str]]:
        found = index.search(text=query)[:20]
        return [(h.question.id, str(h.prompt), str(h.snippet)) for h in hits(found, text=query)]

    expected = [results(query) for query in queries]
    stem.cache_clear()
    with ThreadPoolExecutor(8) as pool:
        assert list(pool.map(results, queries)) == expected
