"""Question files: the format round-trips, bad files are located, every key is documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from server.bank.corrections import KEYS as CORRECTION_KEYS
from server.bank.files import (
    FRONT_MATTER_KEYS,
    QuestionFileError,
    is_hand_edited,
    load_bank,
    parse_question,
    question_id,
    render_question,
)
from server.config import PROJECT_ROOT

README = PROJECT_ROOT / "questions" / "README.md"


def _write(directory: Path, name: str, **fields: object) -> Path:
    values: dict = {
        "id": name,
        "prompt": f"What is {name}?",
        "answer": f"- {name} is a thing.",
        "topics": ("testing",),
        "difficulty": "easy",
        "source": "notes/x.txt:1",
        "key_points": (f"{name} is a thing",),
    }
    values.update(fields)
    path = directory / f"{name}.md"
    path.write_text(render_question(**values), encoding="utf-8")
    return path


def test_a_rendered_question_parses_back_to_the_same_fields(tmp_path: Path) -> None:
    answer = (
        'Line "one" with +++ and \\(x\\)\n\n```python\nprint("hi")\n```\n\n> **Editor\'s note:** ok'
    )
    text = render_question(
        id="tricky-1",
        prompt='Why "quotes", backslashes \\ and ünïcode?',
        answer=answer,
        topics=("python", "statistics"),
        difficulty="hard",
        source="notes/003.txt:12",
        also_in=("notes/002.txt:5",),
        key_points=("quotes survive", "so does ü"),
    )
    doc = parse_question(text, path=tmp_path / "tricky-1.md")
    assert (doc.id, doc.prompt, doc.answer) == (
        "tricky-1",
        'Why "quotes", backslashes \\ and ünïcode?',
        answer,
    )
    assert doc.topics == ("python", "statistics")
    assert (doc.difficulty, doc.source, doc.also_in) == (
        "hard",
        "notes/003.txt:12",
        ("notes/002.txt:5",),
    )
    assert doc.key_points == ("quotes survive", "so does ü")


def test_broken_front_matter_is_reported_with_file_and_line_and_the_rest_loads(
    tmp_path: Path,
) -> None:
    _write(tmp_path, "good")
    broken = tmp_path / "broken.md"
    broken.write_text('+++\nid = "broken"\nprompt = \n+++\nanswer\n', encoding="utf-8")
    docs, errors = load_bank(tmp_path)
    assert [doc.id for doc in docs] == ["good"]
    assert len(errors) == 1
    assert (errors[0].path, errors[0].line) == (broken, 3)
    assert str(errors[0]).startswith(f"{broken}:3: broken front matter")


def test_a_duplicate_id_is_reported_on_the_second_file_and_the_first_loads(tmp_path: Path) -> None:
    first = _write(tmp_path, "a-first", id="same-id")
    second = _write(tmp_path, "b-second", id="same-id")
    docs, errors = load_bank(tmp_path)
    assert [doc.path for doc in docs] == [first]
    assert len(errors) == 1
    assert (errors[0].path, errors[0].line) == (second, 2)
    assert "duplicate id 'same-id'" in errors[0].message and str(first) in errors[0].message


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("no front matter\n", 1, "first line must be +++"),
        ('+++\nid = "x"\n', 1, "no closing +++"),
        (
            '+++\nid = "x"\nprompt = "p"\nsource = "s"\n+++\n',
            1,
            "missing required key 'difficulty'",
        ),
        (
            '+++\nid = "x"\nprompt = "p"\ndifficulty = "extreme"\nsource = "s"\n+++\n',
            4,
            "difficulty",
        ),
        (
            '+++\nid = "x"\nprompt = "p"\ndifficulty = "easy"\nsource = "s"\ncolour = "red"\n+++\n',
            6,
            "unknown key 'colour'",
        ),
        (
            '+++\nid = "Bad Id"\nprompt = "p"\ndifficulty = "easy"\nsource = "s"\n+++\n',
            2,
            "lowercase",
        ),
        (
            '+++\nid = "x"\nprompt = "p"\ndifficulty = "easy"\nsource = "s"\ntopics = [1]\n+++\n',
            6,
            "list of strings",
        ),
    ],
)
def test_each_bad_file_gets_an_error_at_its_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    with pytest.raises(QuestionFileError) as caught:
        parse_question(text, path=tmp_path / "q.md")
    assert caught.value.line == line
    assert message in caught.value.message


def test_hand_edits_are_detected_by_the_import_stamp() -> None:
    text = render_question(
        id="q", prompt="P?", answer="A.", topics=(), difficulty="easy", source="s", key_points=()
    )
    assert not is_hand_edited(text)
    assert is_hand_edited(text.replace("A.", "A, edited."))
    assert is_hand_edited(re.sub(r'imported_hash = ".*"\n', "", text))


def test_ids_are_stable_readable_and_valid(tmp_path: Path) -> None:
    one = question_id("003.txt", "What is a Correlation Coefficient?")
    assert one == question_id("003.txt", "what is a correlation   coefficient")
    assert one != question_id("002.txt", "What is a Correlation Coefficient?")
    assert one.startswith("what-is-a-correlation-coefficient-")
    long = question_id("003.txt", "Explain " + "very " * 60 + "long")
    assert len(long) <= 120
    for qid in (one, long, question_id("n", "¿Qué?")):
        _write(tmp_path, qid)
    docs, errors = load_bank(tmp_path)
    assert errors == [] and len(docs) == 3


def _documented(section: str) -> set[str]:
    text = README.read_text(encoding="utf-8")
    body = text.split(f"## {section}", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([a-z_]+)` \|", body, re.MULTILINE))


def test_every_front_matter_key_is_documented_in_the_readme() -> None:
    assert _documented("Front matter keys") == set(FRONT_MATTER_KEYS)


def test_every_corrections_key_is_documented_in_the_readme() -> None:
    assert _documented("Corrections") == set(CORRECTION_KEYS)
