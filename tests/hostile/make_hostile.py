"""Write the hostile-input regression corpus: the nastiest inputs a crawl can contain.

    python tests/hostile/make_hostile.py DIR            # the small corpus (what tests/hostile/corpus holds)
    python tests/hostile/make_hostile.py DIR --big      # plus the large files (20 MB article, 5 MB line...)

Every input is listed in ``DIR/expected.manifest`` (JSON, a name the readers skip) under its file and line: ``"record"`` (a normal
record must come out), ``"error"`` (an error record), or ``"any"`` (either; the point is that the
run survives it). A record may also name the language it must get (``"record:ja"``).
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
from pathlib import Path

KO = "미국 상무부는 8일 하이크비전 등 중국 기업 28곳을 수출 블랙리스트에 올렸다고 밝혔다. 중국 외교부는 강하게 반발했다."
ZH = "美国商务部8日将海康威视等28家中国实体列入出口管制“实体清单”。中方对此表示坚决反对。"
EN = "The U.S. Commerce Department added Hikvision and 27 other Chinese entities to the Entity List on Oct. 7. China objected."
JA = "米商務省は7日、中国の監視カメラ大手ハイクビジョンなど28団体を輸出規制リストに加えたと発表した。中国外務省は強く反発した。"
RU = "Министерство торговли США внесло компанию Hikvision и ещё 27 китайских организаций в чёрный список. Китай выразил протест."
AR = "أضافت وزارة التجارة الأمريكية شركة هيكفيجن الصينية إلى قائمة الكيانات. واعترضت الصين على القرار."
HE = "משרד המסחר האמריקאי הוסיף את חברת הייקוויז'ן לרשימת הישויות. סין מחתה על ההחלטה."

MANIFEST = "expected.manifest"

HTML_SCRIPTS = ("<html><head><title>블랙리스트</title><style>p{color:red} body::after{content:'STYLE'}</style>"
                "<script>var leaked = 'SCRIPT'; document.write('<p>SCRIPT</p>');</script></head>"
                f"<body><script src='x.js'></script><p>{KO}</p><noscript>NOSCRIPT</noscript>"
                "<p>끝.</p></body></html>")
HTML_REMOTE = ('<!DOCTYPE html SYSTEM "http://127.0.0.1:9/evil.dtd"><html><head>'
               '<link rel="stylesheet" href="http://127.0.0.1:9/s.css"><base href="http://127.0.0.1:9/">'
               '</head><body><img src="http://127.0.0.1:9/pixel.png"><iframe src="http://127.0.0.1:9/frame">'
               f'IFRAME</iframe><object data="http://127.0.0.1:9/o"></object><p>{EN}</p></body></html>')


def _line(obj: object) -> bytes:
    """A JSON line as the stdlib writes it (lone surrogates stay as \\ud800 escapes)."""
    return json.dumps(obj, ensure_ascii=False).encode("utf-8", "surrogatepass")


def _ascii_line(obj: object) -> bytes:
    return json.dumps(obj, ensure_ascii=True).encode("ascii")


def jsonl_cases() -> list[tuple[bytes, str]]:
    """(line, expectation) for hostile.jsonl, one case a line."""
    return [
        (_line({"id": "plain-ko", "text": KO}), "record:ko"),
        (b'{"id": "invalid-utf8", "text": "caf\xe9 \xff\xfe Hikvision"}', "error"),
        (b'\xc3\x28\xa0\xa1 not even json', "error"),
        (b'{"id": "euc-kr-line", "text": "' + KO.encode("euc-kr") + b'"}', "error"),
        (b'{"id": "raw-nul", "text": "a\x00b"}', "error"),
        (_ascii_line({"id": "escaped-nul", "text": "Huawei\u0000 was\u0000\u0000 added. " + KO}), "record"),
        (_ascii_line({"id": "only-nul", "text": "\u0000\u0000\u0000"}), "any"),
        (b"[1, 2, 3]", "error"),
        (b'"just a string"', "error"),
        (b"42", "error"),
        (b"null", "error"),
        (b"true", "error"),
        (b"{}", "error"),
        (b'{"id": "text-number", "text": 42}', "error"),
        (b'{"id": "text-float", "text": 1.5e300}', "error"),
        (b'{"id": "text-null", "text": null}', "error"),
        (b'{"id": "text-bool", "text": false}', "error"),
        (b'{"id": "text-list", "text": ["a", "b"]}', "error"),
        (b'{"id": "text-object", "text": {"ko": "x"}}', "error"),
        (b'{"id": "no-text", "title": "x"}', "error"),
        (b'{"id": "empty", "text": ""}', "error"),
        (_line({"id": "whitespace", "text": " \t\r\n \n\x0b\x0c"}), "error"),
        (_line({"id": "unicode-space", "text": "\u3000\u00a0\u2003\u2028\u2029\u0085\n"}), "error"),
        (_line({"id": "zero-width", "text": "\u200b\u200c\u200d\ufeff\u2060"}), "any"),
        (_line({"id": "dup", "text": "First of two records with the same id. " + EN}), "record:en"),
        (_line({"id": "dup", "text": "두 번째 같은 id. " + KO}), "record:ko"),
        (_line({"id": "html-scripts", "html": HTML_SCRIPTS}), "record:ko"),
        (_line({"id": "html-remote", "html": HTML_REMOTE}), "record:en"),
        (_line({"id": "html-only-script", "html": "<script>alert(1)</script><style>p{}</style>"}), "error"),
        (_line({"id": "html-empty", "html": ""}), "error"),
        (_line({"id": "html-comment", "html": "<!-- nothing -->"}), "error"),
        (_line({"id": "html-nul", "html": "<p>a\x00b</p><p>\x00</p>"}), "any"),
        (_line({"id": "html-broken", "html": "<p>unclosed <b>bold <div><table><td>" + EN + "</tr></p></p>"}), "record"),
        (_line({"id": "html-number", "html": 5}), "error"),
        (_line({"id": "ja", "text": JA}), "record:ja"),
        (_line({"id": "ja-kanji-sentence", "text": JA + " 東京都知事選挙。"}), "record:ja"),
        (_line({"id": "ru", "text": RU}), "record:ru"),
        (_line({"id": "ar", "text": AR}), "record:ar"),
        (_line({"id": "he", "text": HE}), "record:he"),
        (_line({"id": "emoji", "text": "🇰🇷🇨🇳 삼성전자 👨‍👩‍👧‍👦 주가가 3% 올랐다 🚀🚀. 😀 " + EN + " 🏳️‍🌈👍🏽"}), "record"),
        (_line({"id": "rtl-mixed", "text": "\u202eHuawei\u202c was added. " + AR + " 화웨이 " + HE}), "record"),
        (_line({"id": "controls", "text": "".join(chr(c) for c in range(1, 32)) + "\x7f\x80\x9f "
                + EN + "\u2028" + KO + "\u2029" + ZH + "\r" + EN}), "record"),
        (_line({"id": "zalgo", "text": "H\u0336\u0337\u0338a\u0301\u0302\u0303" * 50 + " " + EN}), "record"),
        (_line({"id": "nonchars", "text": "\uffff\ufffe\U0010ffff\U000e0001\ue000 " + ZH}), "record"),
        (_ascii_line({"id": "surrogate-pair-escape", "text": "\U0001f600 " + EN}), "record"),
        (b'{"id": "lone-high", "text": "\\ud800"}', "error"),
        (b'{"id": "lone-low", "text": "abc \\udfff def"}', "error"),
        (b'{"id": "wtf8-surrogate", "text": "a' + "\ud800".encode("utf-8", "surrogatepass") + b'"}', "error"),
        (b'{"id": "reversed-pair", "text": "\\udc00\\ud800"}', "error"),
        (b'{"id": "\\ud800", "text": "surrogate in the id"}', "error"),
        (b'{"id": "surrogate-meta", "text": "ok", "source": "\\udbff"}', "error"),
        (b'\xef\xbb\xbf{"id": "bom", "text": "' + EN.encode() + b'"}', "record:en"),
        (b'{"id": "crlf", "text": "' + EN.encode() + b'"}\r', "record:en"),
        (b'{"id": "deep", "text": "x", "meta": ' + b"[" * 5000 + b"]" * 5000 + b"}", "error"),
        (b'{"id": "bigint", "text": "ok", "n": 123456789012345678901234567890}', "record"),
        (b'{"id": "nan", "text": "ok", "n": NaN}', "error"),
        (b'{"id": "trailing", "text": "ok"} {"second": 1}', "error"),
        (b'{"id": "truncated", "text": "cut in the mid', "error"),
        (b'{"id": true, "text": "' + EN.encode() + b'"}', "record"),
        (b'{"id": 1.5, "text": "' + EN.encode() + b'"}', "record"),
        (b'{"id": ["a"], "text": "' + EN.encode() + b'"}', "record"),
        (b'{"id": "", "text": "' + EN.encode() + b'"}', "record"),
        (_line({"id": "x" * 10_000, "text": EN}), "record"),
        (_line({"id": "published-number", "text": KO + " 지난달 3일 발표했다.", "published": 20191008}), "record"),
        (_line({"id": "published-garbage", "text": KO + " 지난달 3일 발표했다.", "published": "9999-99-99"}), "record"),
        (_line({"id": "published-null", "text": EN + " Last month it said so.", "published": None}), "record"),
        (_line({"id": "published-list", "text": ZH + "上个月宣布。", "meta": {"published": ["2019"]}}), "record"),
        (_line({"id": "meta-string", "text": EN, "meta": "not an object"}), "record"),
        (_line({"id": "reserved-keys", "text": EN, "schema": "x", "sentences": "bad", "entities": 5,
                "events": None, "lang": 7, "error": {"stage": "fake"}}), "record"),
        (_line({"id": "newlines-only-between", "text": "\n\n\n" + KO + "\n\n\n\n" + ZH + "\n\n"}), "record"),
        (_line({"id": "byline-dates", "text": "입력 2019.13.45 기자\n입력 0000.00.00\n" + KO
                + "\n발행 2020. 02. 30.\n记者 2019年2月30日"}), "record"),
        (_line({"id": "navigation", "text": " | ".join(["홈", "정치", "경제"] * 300) + "\n" + KO}), "record"),
        (_line({"id": "digits", "text": "1" * 5000 + " 억 " + "9." * 2000 + " 100,000,000,000,000,000,000,000원"}), "record"),
        (_line({"id": "mixed-scripts", "text": "하이크비전(海康威視·Hikvision)은 " + ZH + " " + EN + " " + JA}), "record"),
    ]


def text_files() -> dict[str, tuple[bytes, str]]:
    """Whole-file inputs: legacy encodings, binary junk, empty files, HTML."""
    rng = random.Random(8)
    return {
        "enc/euc-kr.txt": ((KO + "\n" + KO).encode("euc-kr"), "record:ko"),
        "enc/cp949.txt": (("똠방각하 펲시콜라 " + KO).encode("cp949"), "record:ko"),
        "enc/gb18030.txt": ((ZH + "\n㐀䶵 " + ZH).encode("gb18030"), "record:zh"),
        "enc/gbk.txt": ((ZH + ZH).encode("gbk"), "record:zh"),
        "enc/shift_jis.txt": ((JA + JA).encode("shift_jis"), "record:ja"),
        "enc/utf-16.txt": ((EN + "\n" + KO).encode("utf-16"), "record"),
        "enc/utf-8-bom.txt": (("\ufeff" + KO).encode("utf-8"), "record:ko"),
        "enc/mostly-utf8.txt": (KO.encode() + b"\xff\xfe\xc3" + KO.encode(), "any"),
        "enc/random-bytes.txt": (bytes(rng.randrange(256) for _ in range(4096)), "any"),
        "enc/nul.txt": (b"\x00" * 10 + EN.encode() + b"\x00\n\x00" + KO.encode(), "record"),
        "enc/empty.txt": (b"", "error"),
        "enc/whitespace.txt": (" \n\t\r\n\u3000\n".encode(), "error"),
        "html/scripts-styles.html": (HTML_SCRIPTS.encode(), "record:ko"),
        "html/remote-references.html": (HTML_REMOTE.encode(), "record:en"),
        "html/euc-kr.html": (('<html><head><meta charset="euc-kr"></head><body><p>' + KO
                              + "</p></body></html>").encode("euc-kr"), "record:ko"),
        "html/empty.html": (b"", "error"),
        "html/nul.html": (b"<p>\x00\x00</p><p>" + EN.encode() + b"\x00</p>", "any"),
        "html/deep.html": (b"<div>" * 3_000 + EN.encode() + b"</div>" * 3_000, "any"),
        "html/binary.html": (bytes(rng.randrange(256) for _ in range(2048)), "any"),
    }


def gzip_files() -> dict[str, bytes]:
    """Compressed JSONL: a good one, one cut short (a killed download), one that is not gzip."""
    body = b"".join(_line({"id": f"gz-{i}", "text": f"{i}. {EN}"}) + b"\n" for i in range(200))
    whole = gzip.compress(body, mtime=0)
    return {"gz/good.jsonl.gz": whole, "gz/truncated.jsonl.gz": whole[: len(whole) // 2],
            "gz/not-gzip.jsonl.gz": b"this is not gzip data\n"}


def big_cases() -> list[tuple[bytes, str]]:
    """(line, expectation) for the large generated file: repetitions, a 5 MB line, a 20 MB article."""
    article = "\n".join([KO, ZH, EN] * 1)
    big = (article + "\n") * (20_000_000 // len((article + "\n").encode()) + 1)
    return [
        (_line({"id": "rep-eok", "text": "억억억" * 100_000}), "any"),
        (_line({"id": "rep-maru", "text": "。。。" * 100_000}), "any"),
        (_line({"id": "rep-dots", "text": "........" * 100_000}), "any"),
        (_line({"id": "rep-parens", "text": "((((((" * 100_000}), "any"),
        (_line({"id": "rep-closing", "text": "))))]]]]" * 50_000}), "any"),
        (_line({"id": "rep-abbrev", "text": "Mr. U.S. Inc. " * 50_000}), "any"),
        (_line({"id": "rep-dates", "text": "2019. 10. 8. " * 50_000}), "any"),
        (_line({"id": "rep-da", "text": "했다." * 100_000}), "any"),
        (_line({"id": "rep-nav", "text": "ㅣ" * 300_000}), "any"),
        (_line({"id": "rep-newlines", "text": "가\n" * 200_000}), "any"),
        (_line({"id": "rep-emoji", "text": "😀" * 200_000}), "any"),
        (_line({"id": "rep-digits", "text": "0" * 1_000_000}), "any"),
        (_line({"id": "rep-money", "text": "1억 " * 100_000}), "any"),
        (_line({"id": "line-5mb-words", "text": (EN + " ") * (5_000_000 // (len(EN) + 1))}), "any"),
        (_line({"id": "line-5mb-nospace", "text": "가" * 1_700_000}), "any"),
        (_line({"id": "article-20mb", "text": big}), "any"),
    ]


def write_corpus(dest: Path, big: bool = False) -> dict[str, list[str]]:
    """Write the corpus under ``dest``; returns {relative file: [expectation per input]}."""
    expected: dict[str, list[str]] = {}

    def put(rel: str, data: bytes) -> None:
        path = dest / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    cases = jsonl_cases()
    put("hostile.jsonl", b"\n".join(line for line, _ in cases) + b"\n")
    expected["hostile.jsonl"] = [e for _, e in cases]
    for rel, (data, expect) in text_files().items():
        put(rel, data)
        expected[rel] = [expect]
    for rel, data in gzip_files().items():
        put(rel, data)
    if big:
        cases = big_cases()
        put("big/big.jsonl", b"\n".join(line for line, _ in cases) + b"\n")
        expected["big/big.jsonl"] = [e for _, e in cases]
        odd = dest / "big" / b"odd-name-\xff\xfe.txt".decode("utf-8", "surrogateescape")
        odd.write_bytes(EN.encode())
    put(MANIFEST, json.dumps(expected, indent=1, sort_keys=True).encode() + b"\n")
    return expected


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("--big", action="store_true", help="also write the large files")
    args = parser.parse_args()
    write_corpus(args.dest, args.big)


if __name__ == "__main__":
    main()
