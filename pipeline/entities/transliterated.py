"""Foreign names written in Hangul (헌팅턴잉걸스, 캐멀 그룹, 쑨진룽): candidates for the resolver.

The Korean NER model misses such names, types them PERSON or cuts them (펑자루이 -> 펑자루). Words
that score as transliterations (:mod:`pipeline.lang.ko.loanwords`) become candidates (source
"rule") where the sentence gives them a name's place, by the word lists of the packs that declare
them (``[transliteration]`` in their ``words.toml``: the Korean pack's), in those packs' sentences:

- **headed firms**: name words before a firm head, glued or apart (캐멀 그룹, 킹파이테크놀로지,
  CK 인터내셔널) -> FIRM;
- **appositions**: name words after a word that says what kind of party follows (러시아 보안업체인
  카스퍼스키랩, 항공기 제작사 수호이) -> that kind's type; in such a slot and in enumerations, a
  Sino-Korean firm name too (전자업체인 하나전자합영회사, 화성선박회사);
- **titles**: name words right before a title (므누신 장관은) -> PERSON;
- **enumerations**: name words between separators next to a name already found, or before a
  count (허징, 천둥, 루신닝 등 5명) -> the neighbour's or the count's type;
- **cut persons**: a model person that ends or starts inside a transliterated word, or is
  followed by one or by a surname (스티븐 + 므누신, 펑자루 + 이, 고르반 모하마드 + 발리자데) -> the whole name.

A name word is a word of Latin letters or digits (CK, 3HC), or a Hangul word that scores as a
transliteration; its particles stay outside the name (카스퍼스키가), and a final syllable that is
also a particle counts as one only when it agrees with the syllable before it (이 and 은 after a
final consonant: 펑자루이 is a name, 베이징이 is 베이징 + 이).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from .. import lang
from . import typer as orgtype
from ..lang.ko.loanwords import LoanwordScorer, is_hangul, jamo
from ..lang.ko.names import is_particle_tail
from ..lang.pack import alternation
from ..types import Document, Entity

#: a word: Hangul, Latin letters, digits and the marks inside firm names (EN+, AT&T)
_WORD = re.compile(r"[가-힣A-Za-z0-9&+]+")
_OPENING = "‘'“\"「『<《"
_MAX_NAME_WORDS = 3
#: what separates an enumeration's items: a mark, or a conjunction particle or word
_SEPARATOR_AFTER = re.compile(r"(?:과|와)? ?[,·、] ?|(?:과|와) |,? ?및 ")
_SEPARATOR_BEFORE = re.compile(r"(?:[,·、]|(?<=[가-힣])(?:과|와)| 및) ?$")
#: the rest of an enumeration up to its count: more items, then 등 and a number
_COUNT = re.compile(r"(?:\s*[,·、]\s*[^\s,·、]{1,15}(?: [^\s,·、]{1,15}){0,2}?)*\s*등 ?\d+ ?")
#: particles whose form depends on whether the syllable before ends in a consonant
_AFTER_CONSONANT = ("이", "은", "을", "과", "으로", "이나", "이랑", "이며", "이다", "이고", "이라")
_AFTER_VOWEL = ("가", "는", "를", "와", "로", "나", "랑", "며", "다", "고", "라")
#: the share of the scorer's threshold a word needs where the sentence says a name stands there:
#: after a word that says what kind of party follows (a strong cue: only Korean words are kept
#: out), before a title, in an enumeration or after a given name
APPOSITION_FACTOR = 0.1
SLOT_FACTOR = 0.6
#: a score above which a word is a transliteration whatever MeCab-ko makes of it
CERTAIN = 0.95


@dataclass(frozen=True)
class Word:
    """One word of a sentence: ``[start, end)``, of which ``[start, stem_end)`` is the name part
    (particles cut)."""

    start: int
    end: int
    stem_end: int
    text: str

    @property
    def stem(self) -> str:
        return self.text[:self.stem_end - self.start]

    @property
    def has_particles(self) -> bool:
        return self.stem_end < self.end


@dataclass(frozen=True)
class _Lists:
    langs: frozenset[str]          # the languages of the packs that declare them
    firm_heads: tuple[str, ...]
    apposition: dict[str, str]
    counts: tuple[tuple[str, str], ...]
    titles: frozenset[str]
    not_names: frozenset[str]
    native_heads: tuple[str, ...] = ()
    industries: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    """The word lists of the packs that say where a transliterated name stands (``[transliteration]``)."""
    packs = [p for p in lang.packs() if p.words.value("transliteration")]

    def words(key: str) -> list[str]:
        return [w for p in packs for w in p.words.get(key)]

    def typed(key: str) -> list[tuple[str, str]]:
        return [(w, typ) for p in packs for typ, ws in p.words.table(key).items() for w in ws]

    return _Lists(langs=frozenset(p.code for p in packs),
                  firm_heads=tuple(sorted(words("transliteration.firm_heads"), key=len, reverse=True)),
                  apposition=dict(typed("transliteration.apposition_types")),
                  counts=tuple(sorted(typed("transliteration.count_types"), key=lambda x: -len(x[0]))),
                  titles=frozenset(words("titles")), not_names=frozenset(words("transliteration.not_names")),
                  native_heads=tuple(sorted(words("transliteration.native_firm_heads"), key=len, reverse=True)),
                  industries=frozenset(words("transliteration.industries")))


def _agrees(stem: str, tail: str) -> bool:
    """The particles ``tail`` may follow ``stem``: 이/은/을/과 after a final consonant, 가/는/를/와
    after a vowel (other particles fit either)."""
    if not stem or not is_hangul(stem[-1]):
        return True
    consonant = jamo(stem[-1])[2] != 0
    if tail.startswith(_AFTER_CONSONANT) and not consonant:
        return False
    if tail.startswith(_AFTER_VOWEL) and consonant and not tail.startswith("로") or \
            tail.startswith("로") and consonant and jamo(stem[-1])[2] != 8:   # 8: ㄹ, which takes 로
        return False
    return True


def split_word(text: str, start: int, end: int) -> Word:
    """The word ``text[start:end]`` with its particles cut (the shortest stem of two characters
    or more whose tail is a run of particles that agree with it, unless a longer one ends in a
    Sino-Korean firm head)."""
    word = text[start:end]
    heads = _lists().native_heads
    cuts = (cut for cut in range(2, len(word)) if is_hangul(word[cut:]) and is_particle_tail(word[cut:])
            and _agrees(word[:cut], word[cut:]))
    if any(h in word for h in heads):     # a firm's head is no particle: 화성선박회사 is not 화성선박회 + 사
        every = [*cuts, len(word)]
        cut = next((c for c in every if word[:c].endswith(heads)), every[0])
    else:
        cut = next(cuts, len(word))
    return Word(start, end, start + cut, word)


def sentence_words(text: str, lo: int, hi: int) -> list[Word]:
    return [split_word(text, m.start(), m.end()) for m in _WORD.finditer(text, lo, hi)]


#: MeCab-ko tags of what no name holds: particles, endings, verbs and their suffixes, dependent
#: nouns, adverbs, determiners, numerals, pronouns
_FUNCTION_TAGS = ("J", "E", "XSV", "XSA", "NNB", "VCP", "VCN", "MA", "MM", "IC", "VV", "VA", "VX", "NR", "NP")


def _function_words(doc: Document, words: list[Word]) -> frozenset[str]:
    """Stems of ``words`` in which MeCab-ko found a function morpheme (중에, 포함되자, 으로)."""
    return frozenset(w.stem for w in words
                     if any(t.startswith(_FUNCTION_TAGS) for tags in _tags(doc, w.start, w.stem_end) for t in tags))


def _tags(doc: Document, start: int, end: int) -> list[list[str]]:
    """The MeCab-ko tags of each token that starts in ``[start, end)``."""
    i = bisect.bisect_left(doc.tokens, start, key=lambda t: t.start)
    out = []
    while i < len(doc.tokens) and doc.tokens[i].start < end:
        out.append((doc.tokens[i].pos or "?").split("+"))
        i += 1
    return out


def _crosses(found: Entity, new: Entity) -> bool:
    """``found`` overlaps ``new`` and is not a model name strictly inside it (마르코 in 마르코 루비오)."""
    inside = found.source == "model" and new.start <= found.start and found.end <= new.end \
        and (found.start, found.end) != (new.start, new.end)
    return found.start < new.end and new.start < found.end and not inside


_MEMO_WORDS = 1 << 17   # words each memo of a finder remembers


class TransliterationFinder:
    """Finds the candidates of each document (see the module docstring); one per pipeline."""

    def __init__(self, scorer: LoanwordScorer) -> None:
        self.scorer = scorer
        self.lists = _lists()
        #: what a word scores, whether it is a title, what kind of party it names: functions of
        #: the word alone, memoised (news repeats its words; they were a third of the Korean time)
        self._score = lru_cache(maxsize=_MEMO_WORDS)(self._score)
        self._is_title = lru_cache(maxsize=_MEMO_WORDS)(self._is_title)
        self._apposition_type = lru_cache(maxsize=_MEMO_WORDS)(self._apposition_type)
        long_titles = [t for t in self.lists.titles if len(t) >= 2]
        self._title_end = re.compile(f"(?:{alternation(long_titles)})$" if long_titles else r"(?!x)x")
        heads = self.lists.firm_heads
        self._head_end = re.compile(f"(?:{alternation(heads)})$" if heads else r"(?!x)x")   # leftmost: longest
        #: words of the sentence at hand that a place, a government or a KB name already holds,
        #: and words that hold a particle, an ending, a verb suffix or a dependent noun (MeCab-ko)
        self._claimed: frozenset[str] = frozenset()
        self._function: frozenset[str] = frozenset()
        self._text = ""

    # -- what a word is ----------------------------------------------------------------------
    def _name_like(self, word: str, factor: float = 1.0) -> bool:
        """Latin letters or digits (CK, 3HC), or Hangul that scores as a transliteration."""
        if not word or word in self._claimed or word in self.lists.firm_heads or word in self.lists.not_names:
            return False
        if word.isascii():
            return any(c.isupper() or c.isdigit() for c in word)
        if not is_hangul(word) or len(word) < 2 or word in self.lists.titles:
            return False
        score = self._score(word)
        # a word holding a function morpheme (중에, 포함되자, 라는) is a name only when it is
        # certainly a transliteration (MeCab-ko reads 쑨진룽 as verbs)
        if word in self._function:
            return score >= CERTAIN
        return score >= self.scorer.threshold * factor

    def _native_firm(self, word: str) -> bool:
        """A Sino-Korean firm name (백설무역회사, 하나전자합영회사): two syllables or more before a
        native firm head, no word for an industry (해운회사). Only in a name's slot."""
        head = next((h for h in self.lists.native_heads if word.endswith(h)), None)
        rest = word[:-len(head)] if head else ""
        return len(rest) >= 2 and is_hangul(rest) and rest not in self.lists.industries \
            and word not in self._claimed and word not in self.lists.not_names

    def _score(self, word: str) -> float:
        """The loanword score of the word less its firm heads."""
        return self.scorer.score(self._distinctive(word))

    def _distinctive(self, word: str) -> str:
        """The word less the firm heads it ends in (알파트레이딩인베스트먼트 -> 알파), unless that
        leaves less than two syllables."""
        changed = True
        while changed:
            changed = False
            for head in self.lists.firm_heads:
                if word.endswith(head) and len(word) - len(head) >= 2:
                    word, changed = word[:-len(head)], True
                    break
        return word

    def _firm_head(self, stem: str) -> str | None:
        """The longest firm head the stem ends in."""
        m = self._head_end.search(stem)
        return m.group() if m else None

    def _name_before(self, words: list[Word], i: int, factor: float = 1.0) -> int | None:
        """Index of the first of the name words that end right before ``words[i]`` (at most three,
        separated by single spaces, without particles), or None."""
        first = None
        j = i - 1
        while j >= 0 and i - j <= _MAX_NAME_WORDS and not words[j].has_particles \
                and words[j + 1].start - words[j].end == 1 and self._text[words[j].end] == " " \
                and self._name_like(words[j].stem, factor):
            first, j = j, j - 1
        return first

    def _name_after(self, text: str, words: list[Word], i: int, factor: float) -> int | None:
        """Index of the last of the name words from ``words[i]`` on (at most three, single spaces,
        the last may carry particles), or None."""
        last = None
        j = i
        while j < len(words) and j - i < _MAX_NAME_WORDS \
                and (self._name_like(words[j].stem, factor) or j > i and words[j].stem in self.lists.firm_heads
                     or self._native_firm(words[j].stem)) \
                and (j == i or words[j].start - words[j - 1].end == 1 and text[words[j - 1].end] == " "):
            last = j
            if words[j].has_particles or words[j].end < len(text) and text[words[j].end] not in " ":
                break
            j += 1
        return last

    # -- candidates --------------------------------------------------------------------------
    def candidates(self, doc: Document, found: list[Entity]) -> list[Entity]:
        """New candidates for the sentences of ``doc`` in the languages of the lists (``_Lists.langs``);
        ``found`` are the others."""
        out: dict[tuple[int, int], Entity] = {}
        order = sorted(range(len(found)), key=lambda k: found[k].start)
        starts = [found[k].start for k in order]
        for sent in doc.sentences:
            if sent.lang not in self.lists.langs:
                continue
            words = sentence_words(doc.text, sent.start, sent.end)
            here = order[bisect.bisect_left(starts, sent.start):bisect.bisect_left(starts, sent.end)]
            inside = [found[k] for k in sorted(here)]           # in the order they were found
            self._claimed = frozenset(w.stem for w in words for e in inside
                                      if e.start < w.stem_end and w.start < e.end
                                      and (e.source != "model" or e.type in ("LOC", "GOV")))
            self._function = _function_words(doc, words)
            self._text = doc.text
            taken = [e for e in inside if e.type in orgtype.NAME_TYPES]
            slots = [*self._titled(doc.text, words, inside), *self._enumerated(doc.text, words, inside)]
            for e in [*self._headed(doc.text, words), *self._apposition(doc.text, words),
                      *(e for e in slots if not any(_crosses(t, e) for t in taken)),
                      *self._persons(doc, words, inside)]:
                out.setdefault((e.start, e.end), e)
        # Latin names alone are the English rules' and the model's
        return sorted((e for e in out.values() if not e.text.isascii()), key=lambda e: (e.start, e.end))

    def _entity(self, text: str, start: int, end: int, typ: str) -> Entity:
        score = min((self._score(w) for w in text[start:end].split() if is_hangul(w)),
                    default=1.0)
        return Entity(id="", text=text[start:end], type=typ, start=start, end=end, source="rule",
                      score=round(max(score, 0.5), 3))

    def _headed(self, text: str, words: list[Word]) -> Iterator[Entity]:
        for i, w in enumerate(words):
            head = self._firm_head(w.stem)
            if head is None:
                continue
            rest = w.stem[:-len(head)]
            if rest and not (self._name_like(rest) or self._firm_head(rest)):
                continue
            first = self._name_before(words, i, SLOT_FACTOR)
            if first is None and not rest:
                continue
            start = words[first].start if first is not None else w.start
            yield self._entity(text, start, w.stem_end, "FIRM")

    def _apposition_type(self, word: str) -> str | None:
        """The type a word that says what kind of party follows gives it."""
        return next((t for a, t in self.lists.apposition.items() if word.endswith(a)), None)

    def _apposition(self, text: str, words: list[Word]) -> Iterator[Entity]:
        for i, w in enumerate(words[:-1]):
            word = w.text[:-1] if w.text.endswith("인") else w.text      # 보안업체인 X: X, a security firm
            typ = self._apposition_type(word)
            nxt = words[i + 1]
            gap = text[w.end:nxt.start]
            if typ is None or not gap.startswith(" ") or gap.strip(" " + _OPENING):
                continue
            bare = len(word) <= 2       # 회사 자산: a bare 업체, 기업, 회사 says less than 방산업체
            last = self._name_after(text, words, i + 1, SLOT_FACTOR if bare else APPOSITION_FACTOR)
            if last is not None:
                yield self._entity(text, nxt.start, words[last].stem_end, typ)

    def _titled(self, text: str, words: list[Word], found: list[Entity]) -> Iterator[Entity]:
        """Name words before a title; a model person right before them is the name's start
        (보리스 + 존슨 총리)."""
        person_ends = {e.end: e for e in found if e.type == "PERSON" and e.source == "model"}
        for i, w in enumerate(words):
            if i == 0 or not self._is_title(w.text):
                continue
            first = self._name_before(words, i, SLOT_FACTOR)
            if first is not None and words[i - 1].stem_end - words[first].start >= 2:
                person = person_ends.get(words[first].start - 1)
                start = person.start if person is not None and text[person.end] == " " else words[first].start
                yield self._entity(text, start, words[i - 1].stem_end, "PERSON")

    def _is_title(self, word: str) -> bool:
        """A title with its particles (장관은), or a word ending in a title of two syllables or
        more with its particles (재무장관, 행정장관이)."""
        return any(is_particle_tail(word[n:]) and (word[:n] in self.lists.titles or bool(self._title_end.search(word[:n])))
                   for n in range(len(word), 0, -1))

    def _surname(self, doc: Document, words: list[Word], k: int, found: list[Entity]) -> int | None:
        """``k`` when ``words[k]``, right after a foreign given name, is its surname: Hangul of two
        syllables or more, no title, no name found already (미국 in 바이든 미국 대통령), and either
        a word MeCab-ko does not know and pieces from proper nouns (발리자데: 발리 자데), or one
        that is certainly a transliteration and in which MeCab-ko reads no particle, verb or
        ending; a word MeCab-ko knows (시리즈, 화이팅, 주온) is no surname short of that."""
        if k >= len(words) or words[k].start - words[k - 1].end != 1 or doc.text[words[k - 1].end] != " ":
            return None
        word = words[k]
        stem = word.stem
        if not is_hangul(stem) or len(stem) < 2 or stem in self.lists.titles or stem in self.lists.not_names \
                or stem in self.lists.firm_heads or any(e.start < word.stem_end and word.start < e.end for e in found):
            return None
        tokens = _tags(doc, word.start, word.stem_end)
        if len(tokens) >= 2 and all(tags == ["NNP"] for tags in tokens):
            return k                     # a word MeCab-ko does not know, pieced from proper nouns
        plain = not any(t.startswith(("J", "E", "V", "XS")) for tags in tokens for t in tags)
        return k if plain and self._score(stem) >= CERTAIN else None

    def _enumerated(self, text: str, words: list[Word], found: list[Entity]) -> Iterator[Entity]:
        """Name words between separators whose neighbour is a name found, or in a chain that ends
        in a count; typed by their own head, else the count, else the neighbour."""
        names = [e for e in found if e.type in orgtype.NAME_TYPES]
        ends = {e.end: e for e in names}
        starts = {e.start: e for e in names}
        i = 0
        while i < len(words):
            last = self._name_after(text, words, i, SLOT_FACTOR)
            if last is None:
                i += 1
                continue
            start, end = words[i].start, words[last].stem_end
            opens = _SEPARATOR_BEFORE.search(text, max(0, start - 3), start) is not None
            closes = _SEPARATOR_AFTER.match(text, end) is not None or text.startswith(" 등", words[last].end)
            if opens or closes:
                neighbour = self._neighbour(text, start, end, ends, starts)
                typ = ("FIRM" if self._native_firm(words[last].stem) else orgtype.by_name(text[start:end])) \
                    or self._count_type(text, words[last].end)
                if typ is None and neighbour is not None:
                    typ = orgtype.by_name(neighbour.text) or neighbour.type
                if typ is not None:
                    yield self._entity(text, start, end, typ)
            i = last + 1

    @staticmethod
    def _neighbour(text: str, start: int, end: int, ends: dict[int, Entity],
                   starts: dict[int, Entity]) -> Entity | None:
        """A name found right across a separator before or after ``[start, end)``."""
        m = _SEPARATOR_BEFORE.search(text, max(0, start - 3), start)
        if m is not None and m.start() in ends:
            return ends[m.start()]
        m = _SEPARATOR_AFTER.match(text, end)
        return starts.get(m.end()) if m is not None else None

    def _count_type(self, text: str, pos: int) -> str | None:
        """The type a count after the enumeration's items gives (``A, B, C 등 5명``)."""
        m = _COUNT.match(text, pos)
        if m is None:
            return None
        return next((typ for unit, typ in self.lists.counts if text.startswith(unit, m.end())), None)

    def _persons(self, doc: Document, words: list[Word], found: list[Entity]) -> Iterator[Entity]:
        """Model persons cut inside a transliterated word (by at most two syllables that are no
        particles agreeing with it) or followed by one: the whole name."""
        text = doc.text
        for person in (e for e in found if e.type == "PERSON" and e.source == "model"):
            covering = [i for i, w in enumerate(words) if w.start < person.end and person.start < w.end]
            if not covering:
                continue
            first, last = covering[0], covering[-1]
            start = words[first].start if self._name_like(words[first].stem) else person.start
            end, rest = person.end, text[person.end:words[last].stem_end]
            if rest and len(rest) <= 2 and not (is_particle_tail(rest) and _agrees(text[:person.end], rest)) \
                    and self._name_like(words[last].stem) and words[last].stem not in self._function:
                end = words[last].stem_end                               # 펑자루 + 이
            foreign = any(self._name_like(w) for w in text[start:end].split())
            if end == words[last].end and foreign \
                    and last + 1 < len(words) and words[last + 1].start - end == 1 and text[end] == " " \
                    and is_hangul(words[last + 1].stem) and words[last + 1].stem not in self._function:
                nxt = self._name_after(text, words, last + 1, 1.0)
                if nxt is not None and all(is_hangul(w.stem) for w in words[last + 1:nxt + 1]):
                    end = words[nxt].stem_end                            # 스티븐 + 므누신
            if end == words[last].end and foreign and (surname := self._surname(doc, words, last + 1, found)) is not None:
                end = words[surname].stem_end                            # 고르반 모하마드 + 발리자데
            if (start, end) != (person.start, person.end) and end > start:
                yield self._entity(text, start, end, "PERSON")
