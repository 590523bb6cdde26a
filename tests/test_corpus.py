"""The byte corpus (tools/corpus.py): every small inbox, run through the real command line,
gives exactly the exit code, screen lines and output bytes recorded in corpus_digests.json.

A deliberate change of output: `python tools/corpus.py record` and commit the new digests
with the change. The 5,000- and 200,000-row inboxes: `python tools/corpus.py check`.
"""

from __future__ import annotations

import os

from tests.conftest import ROOT
from tools import corpus


def test_small_corpus_gives_the_recorded_bytes():
    changes = corpus.check(ROOT, small=True, jobs=os.cpu_count() or 1, log=lambda line: None)
    assert not changes, "输出与 tests/data/corpus_digests.json 不一致：\n" + "\n".join(changes)


def test_every_case_is_recorded():
    recorded = corpus.load_recorded()
    assert sorted(recorded) == sorted(c.name for c in corpus.CASES)
    assert all(recorded[c.name]["outputs"] or c.name.startswith("refused") for c in corpus.CASES)
