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
from ..lang.ko.names import is_particle_tail
from . import phonetic

#: whole Hangul words of three syllables or more
_HANGUL_WORD = re.compile(r"(?<![\uac00-\ud7a3])[\uac00-\ud7a3]{3,}")
#: how many characters (Han) or syllables (Hangul) a name found this way has
LENGTHS = (3, 4)


class PersonReadings:
    """Pinyin letters -> person id and Korean spelling -> person id (see the module docstring)."""

    def __init__(self, letters: dict[str, str], hangul: dict[str, str]) -> None:
        self.letters = letters
        self.hangul = hangul
        self._prefixes = frozenset(k[:n] for k in letters for n in range(1, len(k) + 1))
        first = "".join(sorted(c for c, reading in phonetic.pinyin_table().items()
                               if reading in self._prefixes and "\u4e00" <= c <= "\u9fff"))
        #: where a name found by its pinyin may start: a Han character whose reading begins a key
        self._han_start = re.compile(rf"(?=[{first}][\u4e00-\u9fff]{{{LENGTHS[0] - 1}}})") if first else None

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

    def find(self, doc: Document, sent: Sentence,
             words: tuple[frozenset[int], frozenset[int]]) -> Iterator[tuple[int, int, str]]:
        """(start, end, person id) of the names of ``sent`` found by their reading; ``words`` are
        where the tokenizer's words start and end (:func:`pipeline.spans.word_bounds`)."""
        text = doc.text
        starts, ends = words
        table = phonetic.pinyin_table()
        if self._han_start is not None:
            for m in self._han_start.finditer(text, sent.start, sent.end):
                i = m.start()
                if i not in starts or not any(i + n in ends for n in LENGTHS) \
                        or table.get(text[i], "?") + table.get(text[i + 1], "?") not in self._prefixes:
                    continue
                n = next((n for n in LENGTHS if i + n in ends and i + n <= sent.end
                          and "".join(table.get(c, "?") for c in text[i:i + n]) in self.letters), None)
                if n:
                    yield i, i + n, self.letters["".join(table[c] for c in text[i:i + n])]
        if self.hangul:
            for m in _HANGUL_WORD.finditer(text, sent.start, sent.end):
                word = m.group()
                n = next((n for n in LENGTHS if len(word) >= n and word[:n] in self.hangul
                          and is_particle_tail(word[n:])), None)
                if n:
                    yield m.start(), m.start() + n, self.hangul[word[:n]]
