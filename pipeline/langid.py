"""Script-based language identification for ko/zh/en (and a few scripts we only name).

Korean is Hangul, Chinese is Han without kana or Hangul, Japanese has kana; Latin text is English
when it has English function words. Han characters carry about a word each, so a Korean or English
sentence with a Chinese name in parentheses stays Korean or English.
"""
from __future__ import annotations

import re

_SCRIPTS = {
    "hangul": re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]"),
    "han": re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff]"),
    "kana": re.compile(r"[\u3040-\u30ff\u31f0-\u31ff]"),
    "latin": re.compile(r"[A-Za-z\u00c0-\u024f]"),
    "cyrillic": re.compile(r"[\u0400-\u04ff]"),
    "arabic": re.compile(r"[\u0600-\u06ff\u0750-\u077f]"),
    "hebrew": re.compile(r"[\u0590-\u05ff]"),
    "thai": re.compile(r"[\u0e00-\u0e7f]"),
    "greek": re.compile(r"[\u0370-\u03ff]"),
    "devanagari": re.compile(r"[\u0900-\u097f]"),
}
_OTHER = {"cyrillic": "ru", "arabic": "ar", "hebrew": "he", "thai": "th", "greek": "el",
          "devanagari": "hi"}
_EN_WORDS = frozenset("""the of and to in is was for on that with by as at from its it are be has
have said will its an or which this were not but their been after had than over more into its""".split())
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")
#: how many characters of a script count as one word of evidence
_WEIGHT = {"hangul": 1.0, "han": 1.0, "kana": 1.0, "latin": 1 / 4}
MAX_CHARS = 20_000   # enough evidence; bounds the cost on huge documents


def detect(text: str, default: str = "und") -> str:
    """Return the language code of ``text``: ko, zh, en, ja, ru, ar... or ``default``."""
    sample = text[:MAX_CHARS]
    counts = {name: len(rx.findall(sample)) for name, rx in _SCRIPTS.items()}
    if not any(counts.values()):
        return default
    if counts["kana"] and counts["kana"] >= 0.1 * (counts["han"] + counts["kana"]) \
            and counts["kana"] >= counts["hangul"]:
        return "ja"
    scores = {name: counts[name] * _WEIGHT.get(name, 1.0) for name in counts}
    best = max(scores, key=scores.__getitem__)
    if best == "hangul":
        return "ko"
    if best == "han":
        return "zh"
    if best == "latin":
        return _latin(sample, default)
    return _OTHER.get(best, default)


def _latin(text: str, default: str) -> str:
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return default
    hits = sum(w in _EN_WORDS for w in words)
    if len(words) <= 4 or hits >= max(1.0, 0.1 * len(words)):
        return "en"
    return default
