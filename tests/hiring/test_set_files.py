"""The question-set file format: every key the importer accepts is documented in the README,
the README's example imports, and an export reads back as the same set."""

from __future__ import annotations

import re
import tomllib

import pytest

from server.config import PROJECT_ROOT
from server.hiring import sets


def _readme_example() -> str:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("**Question set files.**", 1)[1]
    match = re.search(r"```toml\n(.*?)```", section, re.S)
    assert match, "the README shows an example set file"
    return "\n".join(line.removeprefix("  ") for line in match.group(1).splitlines())


def test_every_key_is_documented_and_the_example_imports() -> None:
    example = _readme_example()
    document = tomllib.loads(example)
    documented = set(document) | {key for item in document["items"] for key in item}
    assert documented == sets._TOP_KEYS | sets._ITEM_KEYS
    title, description, entries = sets.import_toml(example)
    assert title == "ML engineer, round 1" and description
    assert entries[1].ref_ids == ("attention-mean", "transfer-learning")


def test_an_unknown_key_is_named() -> None:
    text = 'format = 1\ntitle = "t"\n[[items]]\nkind = "kata"\nid = "x"\nweight = 2\n'
    with pytest.raises(sets.SetError, match=r"Item 1: unknown key\(s\) weight"):
        sets.import_toml(text)
