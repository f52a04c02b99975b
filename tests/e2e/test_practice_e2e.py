"""In a real browser: five flashcards, one typed answer, and the progress page that follows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

from server.bank.files import load_bank
from tests.e2e.live import LiveServer


def test_practise_flashcards_and_an_answer_then_see_progress(
    page: Page, live_server: LiveServer, screenshot: Callable[[Page, str], Path]
) -> None:
    docs, _ = load_bank(live_server.questions_dir)
    assert len(docs) >= 6, "the bank needs six questions for five flashcards and one answer"
    key_points = {doc.id: doc.key_points for doc in docs}
    live_server.register(page, "e2e_practice")

    page.goto(live_server.url + "/progress")
    expect(page.locator("#total-reviews")).to_have_text("0")
    expect(page.locator("#activity-chart rect.bar")).to_have_count(0)

    page.goto(live_server.url + "/")
    expect(page.locator("#due-count")).to_have_text("0")
    screenshot(page, "practice-home")
    page.get_by_role("link", name="Start flashcards").click()
    expect(page).to_have_url(live_server.url + "/flashcards")

    prompts: list[str] = []
    for number in range(5):
        prompt = page.locator("#card .card-prompt")
        expect(prompt).to_be_visible()
        text = prompt.inner_text()
        assert text not in prompts
        prompts.append(text)
        if number == 0:
            # The shortcut, then the same through buttons. The prompt shows before the deferred
            # scripts have run, so wait for them (a press before then was lost, once, in CI).
            page.wait_for_load_state("load")
            page.keyboard.press("Space")
        else:
            page.get_by_role("button", name="Show answer").click()
        expect(page.locator("#card .reference")).to_be_visible()
        # Each rating button shows when the card would come back, as Anki's do.
        expect(page.locator("#card button[data-rating] .interval")).to_have_count(4)
        if number == 0:
            screenshot(page, "practice-flashcard")
            page.keyboard.press("3")
        else:
            page.get_by_role("button", name="Easy" if number % 2 else "Good").click()
        expect(page.locator("#card .card-prompt")).not_to_have_text(text)
        expect(page.locator("#card .rating-confirmed")).to_contain_text(
            "Easy" if number % 2 else "Good"
        )
    # htmx swapped each card in place: the page itself never changed.
    expect(page).to_have_url(live_server.url + "/flashcards")

    page.get_by_role("link", name="Answer", exact=True).click()
    question_id = page.locator("#card input[name=question_id]").get_attribute("value") or ""
    points = key_points[question_id]
    assert points, "the sixth question in notes order has key points"
    page.get_by_label("Your answer").fill("\n".join(points))
    page.get_by_role("button", name="Check my answer").click()
    expect(page.locator("#card .reference")).to_be_visible()
    expect(page.locator("#card li.key-point.covered")).to_have_count(len(points))
    screenshot(page, "practice-answer-result")
    page.locator("#card button.suggested").click()
    expect(page.locator("#card textarea[name=answer]")).to_be_visible()

    page.get_by_role("link", name="Progress", exact=True).click()
    expect(page.locator("#total-reviews")).to_have_text("6")
    expect(page.locator("#answer-checks")).to_have_text("1")
    expect(page.locator("#streak")).to_have_text("1 day")
    bars = page.locator("#activity-chart rect.bar")
    expect(bars).to_have_count(1)
    expect(bars).to_have_attribute("data-value", "6")
    expect(page.locator("#activity-chart circle.point")).to_have_count(1)
    expect(page.locator("#due-table tbody tr")).to_have_count(6)
    screenshot(page, "practice-progress")
