"""HTML articles reduced to plain text (scripts, styles and page chrome dropped, nothing fetched)."""
from __future__ import annotations

import re
from typing import Any

DROP_TAGS = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form",
             "iframe", "svg", "template", "button"}
BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article",
              "section", "blockquote", "pre", "table", "ul", "ol", "dd", "dt", "figcaption"}
PUBLISHED_META = ("article:published_time", "og:article:published_time", "pubdate",
                  "publishdate", "date", "dc.date", "article.published")


def html_to_text(html: str) -> tuple[str, dict[str, Any]]:
    """Return the visible text of an article page (blocks on their own lines) and its meta.

    libxml2 parses it with networking off and keeps at most 256 levels of nesting (what lies
    deeper is dropped); a page with no elements gives ``("", {})``.
    """
    import lxml.etree
    import lxml.html

    if not html.strip():
        return "", {}
    try:
        root = lxml.html.document_fromstring(html.encode("utf-8", "surrogatepass"),
                                             parser=lxml.html.HTMLParser(encoding="utf-8", no_network=True))
    except lxml.etree.ParserError:   # "Document is empty": only comments, a bare <?xml ...?>
        return "", {}
    meta: dict[str, Any] = {}
    title = root.findtext(".//title")
    if title and title.strip():
        meta["title"] = title.strip()
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or "").lower()
        if key in PUBLISHED_META and el.get("content") and "published" not in meta:
            meta["published"] = el.get("content").strip()
    body = root.find("body")
    parts: list[str] = []
    _collect(body if body is not None else root, parts)
    text = "".join(parts)
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line), meta


def _collect(el: Any, parts: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in BLOCK_TAGS:
        parts.append("\n")
    if el.text and tag:
        parts.append(el.text)
    for child in el:
        if not (isinstance(child.tag, str) and child.tag in DROP_TAGS):
            _collect(child, parts)
        if child.tail:
            parts.append(child.tail)
    if tag in BLOCK_TAGS:
        parts.append("\n")
