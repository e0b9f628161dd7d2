"""The generated part of the KB card (``README.md`` beside ``entities.jsonl``): which sources a
build read, how many entries each gave, and a warning when one is not for commercial use."""
from __future__ import annotations

from pathlib import Path

BEGIN, END = "<!-- kb-build:sources -->", "<!-- /kb-build:sources -->"


def sources_section(sources: list[tuple[str, int, str, bool]]) -> str:
    """Markdown for (source, entries read, licence, non-commercial)."""
    lines = [BEGIN, "## Sources of this build (written by `newsfacts kb build`)", "",
             "| source | entries read | licence |", "| --- | ---: | --- |"]
    lines += [f"| `{name}` | {n} | {licence}{' (**non-commercial**)' if bad else ''} |"
              for name, n, licence, bad in sources]
    restricted = [name for name, _, _, bad in sources if bad]
    if restricted:
        lines += ["", f"**Not for commercial use:** this KB contains {', '.join(f'`{r}`' for r in restricted)}, "
                      "licensed for non-commercial use only or without a licence. The default KB "
                      "(`newsfacts kb build` without `--source`) contains none of them."]
    else:
        lines += ["", "No source licensed for non-commercial use only was added."]
    return "\n".join(lines + [END])


def write_card_sources(card: Path, sources: list[tuple[str, int, str, bool]]) -> None:
    """Replace the generated section of ``card`` (append it, or start the card, when absent)."""
    section = sources_section(sources)
    text = card.read_text(encoding="utf-8") if card.exists() else "# Knowledge base card\n"
    if BEGIN in text and END in text:
        text = text[:text.index(BEGIN)] + section + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    card.parent.mkdir(parents=True, exist_ok=True)
    card.write_text(text, encoding="utf-8")
