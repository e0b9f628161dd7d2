"""Names matched across scripts: a mention in Hangul, Chinese or Latin letters -> KB candidates.

``CrossScriptMatcher.candidates(mention, script)`` compares the mention with keys derived from
every organisation of the KB (and every curated person), each kind of key in its own way:

==============  ==================================================  ===========================
key             made from the entity's                              compared with a mention in
==============  ==================================================  ===========================
``skeleton``    English names and Chinese names, as phonetic        Hangul (romanised), Chinese
                skeletons (``pipeline.kb.phonetic``)                 (pinyin): transliterations
``sino``        Chinese names read in Sino-Korean (``hanja``)        Hangul (중국전자과기집단)
``hangul``      Korean aliases                                       Hangul (spacing, variants)
``han``         Chinese names (simplified; traditional is read      Chinese
                as simplified, OpenCC)
``latin``       English names                                        Latin letters
``pinyin``      Chinese names in toneless pinyin                     Latin letters (Haikang Weishi)
``person``      a person's English names (two words or more), as     a Hangul full name, spaced
                phonetic skeletons                                  (세르게이 라브로프)
==============  ==================================================  ===========================

A Chinese person's pinyin name (Tan Tieniu, ZHANG, Xiaoming) also gives a ``hangul`` key: its
spelling by the Korean transliteration rules for Mandarin (탄톄뉴, 장샤오밍;
``pipeline.lang.ko.pinyin``), which is how Korean newspapers write it.

All comparisons are ``rapidfuzz`` similarities of the names without their legal form; a key kind
counts only above its threshold (:data:`THRESHOLDS`, chosen on the development pairs of
``scripts/eval_xscript.py``), and a transliteration only when its skeleton is long enough to say
something (:data:`MIN_SKELETON`). The keys are computed once by ``newsfacts kb build`` and saved
as JSON beside the KB (``entities.xscript.json``); loading them needs neither pypinyin, hanja nor
the romaniser, only a query in Hangul or Chinese does.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import orjson

from ..entities import typer as orgtype
from . import phonetic
from .normalize import key, script

FORMAT = 1
KINDS = ("skeleton", "skeleton_zh", "sino", "hangul", "han", "latin", "pinyin", "letters", "person")
#: the key kinds each script of mention is compared with
BY_SCRIPT = {"hangul": ("hangul", "sino", "skeleton", "skeleton_zh", "person"), "han": ("han", "skeleton", "letters"),
             "latin": ("latin", "pinyin")}
#: least similarity (0-100) for a key kind to count
THRESHOLDS = {"skeleton": 95.0, "skeleton_zh": 95.0, "sino": 90.0, "hangul": 90.0, "han": 90.0, "latin": 92.0,
              "pinyin": 92.0, "letters": 94.0, "person": 95.0}
#: least length of a skeleton compared (PN for Boeing says too little)
MIN_SKELETON = 6
#: least length of a person's skeleton (a short one, MVKVLVP for 마코 루비오, fits many names)
MIN_PERSON_SKELETON = 9
#: countries whose firms' English names are pinyin: they are compared letter by letter, not by sound
PINYIN_COUNTRIES = frozenset({"CN", "HK", "MO", "TW"})
#: words a name may end in that are translated, not transliterated (工业 for Industries)
_ZH_GENERIC = re.compile(r"(?:股份|有限|责任|公司|集团|控股|工业|科技|技术|系统|国际|防务|株式会社|企业|美国|日本)+$")
_KO_GENERIC = re.compile(r"(?:주식회사|㈜|\(주\)|유한공사|유한회사|그룹|홀딩스|코퍼레이션|컴퍼니|테크놀로지스|테크놀로지|테크|"
                         r"인더스트리즈|인더스트리|시스템즈|시스템스|시스템|인터내셔널|일렉트로닉스|일렉트릭|로보틱스|"
                         r"디펜스|에어로스페이스|솔루션스|솔루션|네트웍스|네트워크스|커뮤니케이션즈|커뮤니케이션스|모터스|"
                         r"에너지|캐피털|캐피탈|인베스트먼트|트레이딩|로지스틱스|시큐리티|랩스)+$")
#: 랩 (Lab) ends a Korean name's short form, but stays in a query: without it 카스퍼스키랩 would
#: sound like every Kaspersky entity of the KB
_KO_LAB = re.compile(r"랩$")
_EN_GENERIC = re.compile(r"(?:\s+(?:industries|technologies|technology|systems|group|holdings|corporation|company|"
                         r"international|incorporated|electronics|electric|robotics|defense|defence|aerospace|"
                         r"solutions|networks|communications|motors|energy|capital|investments|trading|logistics|"
                         r"security|labs|lab|laboratory))+$", re.IGNORECASE)


_DIGITS = re.compile(r"\d+|[一二三四五六七八九十百零〇]+")


@dataclass(frozen=True)
class Candidate:
    """A KB entity a mention may name: its id, a score in 0-1 and the kind of key that matched."""

    entity_id: str
    score: float
    how: str


def mention_script(text: str) -> str:
    """``hangul``, ``han`` or ``latin``: the script that decides how a mention is compared."""
    scripts = {script(c) for c in text}
    return "hangul" if "hangul" in scripts else "han" if "han" in scripts else "latin"


class CrossScriptMatcher:
    """Keys of every kind with the entity each belongs to; see the module docstring."""

    def __init__(self, keys: dict[str, list[str]], owners: dict[str, list[int]], ids: list[str],
                 sino_syllables: str) -> None:
        self.ids = ids
        self.keys: dict[str, list[str]] = {}
        self.owners: dict[str, list[int]] = {}
        self._lengths: dict[str, list[int]] = {}
        for kind in KINDS:        # sorted by length: a query is compared with keys of a similar length only
            order = sorted(range(len(keys.get(kind, []))), key=lambda i: (len(keys[kind][i]), i))
            self.keys[kind] = [keys[kind][i] for i in order]
            self.owners[kind] = [owners[kind][i] for i in order]
            self._lengths[kind] = [len(k) for k in self.keys[kind]]
        #: Hangul syllables that read a Han character of the KB's Chinese names (중, 국, 전, 자...):
        #: a Hangul name made of them only is Sino-Korean, not a transliteration
        self.sino_syllables = frozenset(sino_syllables)
        #: names recur in a document and across a corpus; the keys never change once loaded
        self.best = functools.lru_cache(maxsize=65_536)(self._best)

    # -- building -------------------------------------------------------------------------
    @classmethod
    def build(cls, entities: Iterable[Any]) -> "CrossScriptMatcher":
        ids: list[str] = []
        pairs: dict[str, dict[tuple[str, int], None]] = {kind: {} for kind in KINDS}
        for entity in entities:
            if entity.type == "LOC":
                continue
            n = len(ids)
            ids.append(entity.id)
            for kind, value in entity_keys(entity):
                pairs[kind][(value, n)] = None
        keys = {kind: [v for v, _ in pairs[kind]] for kind in KINDS}
        owners = {kind: [n for _, n in pairs[kind]] for kind in KINDS}
        return cls(keys, owners, ids, "".join(sorted(set("".join(keys["sino"])))))

    def save(self, path: str | Path, kb_digest: str) -> None:
        payload = {"format": FORMAT, "kb_sha256": kb_digest, "ids": self.ids, "keys": self.keys, "owners": self.owners,
                   "sino_syllables": "".join(sorted(self.sino_syllables))}
        Path(path).write_bytes(orjson.dumps(payload))

    @classmethod
    def load(cls, path: str | Path, kb_digest: str) -> "CrossScriptMatcher | None":
        path = Path(path)
        if not path.exists():
            return None
        payload = orjson.loads(path.read_bytes())
        if payload.get("format") != FORMAT or payload.get("kb_sha256") != kb_digest:
            return None
        return cls(payload["keys"], payload["owners"], payload["ids"], payload["sino_syllables"])

    # -- matching -------------------------------------------------------------------------
    def candidates(self, mention: str, mention_in: str | None = None, limit: int = 5,
                   kinds: frozenset[str] | None = None) -> list[Candidate]:
        """KB entities ``mention`` may name, best first (at most ``limit``); ``mention_in`` is its
        script (``hangul``, ``han``, ``latin``), found from the text when not given; ``kinds``
        limits the key kinds compared (all by default)."""
        from bisect import bisect_left, bisect_right

        from rapidfuzz import fuzz, process

        mention_in = mention_in or mention_script(mention)
        best: dict[int, tuple[float, str]] = {}
        for kind, query in query_keys(mention, mention_in, self.sino_syllables):
            if not query or (kinds is not None and kind not in kinds):
                continue
            scorer = fuzz.token_sort_ratio if kind == "latin" else fuzz.ratio
            digits = _DIGITS.findall(query)
            t = THRESHOLDS[kind] / 100
            lo = bisect_left(self._lengths[kind], int(len(query) * t / (2 - t)))
            hi = bisect_right(self._lengths[kind], int(len(query) * (2 - t) / t) + 1)
            for choice, score, i in process.extract(query, self.keys[kind][lo:hi], scorer=scorer, limit=limit,
                                                    score_cutoff=THRESHOLDS[kind]):
                if _DIGITS.findall(choice) != digits:
                    continue                      # 239厂 is not 159厂
                owner = self.owners[kind][lo + i]
                if score > best.get(owner, (0.0, ""))[0]:
                    best[owner] = (score, kind)
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], self.ids[item[0]]))
        return [Candidate(self.ids[n], round(score / 100, 3), kind) for n, (score, kind) in ranked[:limit]]

    def _best(self, mention: str, mention_in: str | None = None,
              kinds: frozenset[str] | None = None) -> Candidate | None:
        """The one candidate, when no other entity scores as high (a tie says nothing); called
        as ``best`` (memoised)."""
        found = self.candidates(mention, mention_in, limit=2, kinds=kinds)
        if not found or (len(found) > 1 and found[1].score >= found[0].score):
            return None
        return found[0]


def entity_keys(entity: Any) -> Iterable[tuple[str, str]]:
    """(kind, key) pairs of one KB entity."""
    english = [entity.name] + list(entity.aliases.get("en", []))
    chinese_firm = entity.country in PINYIN_COUNTRIES
    if entity.type == "PERSON":
        yield from _person_keys(entity, english, chinese_firm)
        return
    for name in english:
        bare = _bare_en(name)
        for variant in {bare, _EN_GENERIC.sub("", bare)}:
            if variant:
                yield "latin", key(variant)
                if chinese_firm:
                    yield "letters", re.sub(r"[^a-z]", "", key(variant))
                if len(skeleton := phonetic.english(variant)) >= MIN_SKELETON:
                    yield "skeleton", skeleton
    for name in entity.aliases.get("zh-Hans", []):
        bare = _bare_zh(name)
        if len(bare) < 2:
            continue
        yield "han", key(bare)
        if len(skeleton := phonetic.chinese(_ZH_GENERIC.sub("", bare) or bare)) >= MIN_SKELETON:
            yield "skeleton_zh", skeleton
        if len(reading := phonetic.sino_korean(key(name))) >= 3:
            yield "sino", reading
        if len(spelled := "".join(phonetic.pinyin(bare))) >= 6:
            yield "pinyin", spelled
    for name in entity.aliases.get("ko", []):
        if len(bare := _bare_ko(name)) >= 2:
            yield "hangul", bare


def _person_keys(entity: Any, english: list[str], chinese: bool) -> Iterable[tuple[str, str]]:
    """A person by the letters of a pinyin name (Chen Quanguo = 陈全国) and its Korean spelling
    (천취안궈), by a curated Korean name, and by the sound of a full English name and of its first
    and last words, read as English and as spelled (세르게이 라브로프 = Sergei Viktorovich Lavrov)."""
    from ..lang.ko.pinyin import to_hangul

    if chinese or any(s.startswith("seed:") for s in entity.sources):
        yield from (("letters", re.sub(r"[^a-z]", "", key(n))) for n in english if " " in n.strip())
        yield from (("hangul", b) for n in entity.aliases.get("ko", []) if len(b := _bare_ko(n)) >= 2)
    for name in english:
        words = re.findall(r"[A-Za-z]+", name)
        if len(words) < 2:
            continue
        # Sergei Lavrov for Sergei Viktorovich Lavrov; in a fixed order (the saved keys must not
        # depend on the hash seed)
        for said in dict.fromkeys((" ".join(words), f"{words[0]} {words[-1]}")):
            for skeleton in dict.fromkeys((phonetic.english(said), phonetic.spelled(said))):
                if len(skeleton) >= MIN_PERSON_SKELETON:
                    yield "person", skeleton
        cut = [pinyin_syllables(w) for w in words] if chinese else []
        syllables = [s for part in cut for s in part or ()]
        if cut and all(cut) and 2 <= len(syllables) <= 4 and (spelled := to_hangul(syllables)):
            yield "hangul", spelled


def pinyin_syllables(word: str) -> list[str] | None:
    """A word of toneless pinyin cut into syllables (``Tieniu`` -> tie, niu), or None."""
    word = word.lower()
    if not word:
        return []
    known = phonetic.pinyin_syllables()
    for n in range(min(6, len(word)), 0, -1):
        if word[:n] in known and (rest := pinyin_syllables(word[n:])) is not None:
            return [word[:n], *rest]
    return None


def query_keys(mention: str, mention_in: str, sino_syllables: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """(kind, key) pairs of a mention, for the kinds its script is compared with. A Hangul
    mention is read as a transliteration only when a third of its syllables or more read no
    Han character of the KB (스, 트, 크 in 록히드마틴, 하이크비전; none in 인민은행)."""
    if mention_in == "hangul":
        bare = _bare_ko(mention)
        distinctive = _KO_GENERIC.sub("", bare) or bare
        syllables = [c for c in distinctive if script(c) == "hangul"]
        foreign = sum(c not in sino_syllables for c in syllables)
        skeleton = phonetic.korean(distinctive) if syllables and 3 * foreign >= len(syllables) else ""
        long_enough = skeleton if len(skeleton) >= MIN_SKELETON else ""
        person = phonetic.korean(bare) if len(mention.split()) >= 2 else ""
        return [("hangul", bare), ("sino", bare), ("skeleton", long_enough), ("skeleton_zh", long_enough),
                ("person", person if len(person) >= MIN_PERSON_SKELETON else "")]
    if mention_in == "han":
        bare = _bare_zh(mention)
        skeleton = phonetic.chinese(_ZH_GENERIC.sub("", bare) or bare)
        transliterated = "·" in mention and len(skeleton) >= MIN_SKELETON   # 亨廷顿·英格尔斯
        letters = "".join(phonetic.pinyin(bare))
        translated = _translated_letters(bare)
        return [("han", key(bare)), ("skeleton", skeleton if transliterated else ""),
                ("letters", letters if len(letters) >= 8 or 2 <= len(bare) <= 4 else ""),
                ("letters", translated if translated != letters and len(translated) >= 8 else "")]
    bare = key(_bare_en(mention))
    return [("latin", bare), ("pinyin", re.sub(r"[^a-z]", "", bare) if len(bare) >= 6 else "")]


@functools.lru_cache(maxsize=1)
def _name_words() -> dict[str, str]:
    """Chinese words of firm names -> the English word they translate to (the Chinese pack's
    ``xscript.name_words``)."""
    from .. import lang

    pack = next((p for p in lang.packs() if p.code == "zh"), None)
    table = pack.words.table("xscript.name_words") if pack is not None else {}
    return {zh: en for en, words in table.items() for zh in words}


def _translated_letters(name: str) -> str:
    """``name`` (simplified, no legal form) in letters, its generic words in English and the rest
    in pinyin (河北新海化工集团 -> hebeixinhaichemicalgroup), longest word first."""
    words = _name_words()
    longest = max(map(len, words), default=0)
    out, i = [], 0
    while i < len(name):
        size = next((n for n in range(min(longest, len(name) - i), 1, -1) if name[i:i + n] in words), 0)
        if size:
            out.append(words[name[i:i + size]])
            i += size
        else:
            out.append("".join(phonetic.pinyin(name[i])) or re.sub(r"[^a-z]", "", name[i].lower()))
            i += 1
    return "".join(out)


def generic_tail_removed(name: str) -> str:
    """``name`` without its legal form and the generic words it ends in (카스퍼스키랩 -> 카스퍼스키,
    Huawei Technologies -> Huawei, 海康威视科技 -> 海康威视); what is left when nothing else is."""
    bare = orgtype.strip_legal_form(name).strip()
    for generic in (_EN_GENERIC, _KO_GENERIC, _KO_LAB, _ZH_GENERIC):
        bare = generic.sub("", bare).strip() or bare
    return bare


def _bare_en(name: str) -> str:
    return orgtype.strip_legal_form(re.sub(r"\s*\([^)]*\)", "", name)).strip()


def _bare_zh(name: str) -> str:
    return key(orgtype.strip_legal_form(name)).replace(" ", "")


def _bare_ko(name: str) -> str:
    return re.sub(r"\s+", "", orgtype.strip_legal_form(name)) or name.replace(" ", "")


def xscript_path(kb_path: str | Path) -> Path:
    kb_path = Path(kb_path)
    return kb_path.with_name(kb_path.stem + ".xscript.json")
