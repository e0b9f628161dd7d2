"""Chinese people of the KB found in text by how their names read: 陳全國 by its pinyin (chen quan
guo = Chen Quanguo), 천취안궈 by its Korean spelling of that pinyin.

The official lists write Chinese people in pinyin only, and a model misses many of their names in
Chinese and Korean news. The cross-script keys of the KB's people (``letters`` and ``hangul`` in
:mod:`pipeline.kb.xscript`) are read back as a gazetteer: a run of three or four Han characters
whose toneless pinyin is one person's key, at word boundaries; a Hangul word of three or four
syllables (particles aside) that is one person's Korean spelling. A key that two people share
finds nobody.
"""
from __future__ import annotations

import re
from typing import Any, Iterator

from ..types import Document, Sentence
from . import phonetic
from .normalize import script

#: how many characters (Han) or syllables (Hangul) a name found this way has
LENGTHS = (3, 4)


class PersonReadings:
    """Pinyin letters -> person id and Korean spelling -> person id (see the module docstring)."""

    def __init__(self, letters: dict[str, str], hangul: dict[str, str]) -> None:
        self.letters = letters
        self.hangul = hangul

    @classmethod
    def build(cls, xscript: Any, kb: Any) -> "PersonReadings":
        tables: dict[str, dict[str, str | None]] = {"letters": {}, "hangul": {}}
        for kind, table in tables.items():
            for key, owner in zip(xscript.keys[kind], xscript.owners[kind]):
                entity_id = xscript.ids[owner]
                record = kb.get(entity_id)
                if record is None or record.type != "PERSON":
                    continue
                table[key] = entity_id if table.get(key, entity_id) == entity_id else None
        return cls(*({k: v for k, v in tables[kind].items() if v} for kind in ("letters", "hangul")))

    def find(self, doc: Document, sent: Sentence, particles: re.Pattern[str]) -> Iterator[tuple[int, int, str]]:
        """(start, end, person id) of the names of ``sent`` found by their reading."""
        text = doc.text
        starts = {t.start for t in doc.tokens if sent.start <= t.start < sent.end}
        ends = {t.end for t in doc.tokens if sent.start < t.end <= sent.end}
        i = sent.start
        while i < sent.end:
            found = None
            if script(text[i]) == "han" and i in starts:
                found = next(((i + n, self.letters[k]) for n in LENGTHS if i + n in ends
                              and all(script(c) == "han" for c in text[i:i + n])
                              and (k := "".join(phonetic.pinyin(text[i:i + n]))) in self.letters), None)
            elif script(text[i]) == "hangul" and (i == 0 or script(text[i - 1]) != "hangul"):
                word = re.match(r"[\uac00-\ud7a3]+", text[i:sent.end]).group()
                found = next(((i + n, self.hangul[word[:n]]) for n in LENGTHS
                              if len(word) >= n and word[:n] in self.hangul and particles.fullmatch(word[n:])), None)
            if found:
                yield i, found[0], found[1]
                i = found[0]
            else:
                i += 1
