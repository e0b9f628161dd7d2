"""The English model reads typographic quotes as the ASCII ones it learnt (news writes China’s,
CoNLL China's): the same names, at the same offsets, and none glued across a possessive."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Treasury’s sanctions hit Oleg Deripaska’s companies, said Steven Mnuchin.",
    "“We will respond firmly,” said Wang Wenbin, a spokesman for China’s foreign ministry.",
])
def test_curly_quotes_give_the_names_of_ascii_ones(nlp, text):
    ascii_text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    curly = {(e.start, e.end, e.type) for e in nlp(text).entities}
    assert curly == {(e.start, e.end, e.type) for e in nlp(ascii_text).entities}
    assert not any("’" in text[s:e] for s, e, _ in curly)


def test_a_possessive_glues_no_sentence_into_a_name(nlp):
    doc = nlp("The U.S. Commerce Department added China’s Institute of Forensic Science to the Entity List.")
    names = [e.text for e in doc.entities]
    assert "U.S. Commerce Department" in names
    assert not any("added" in n for n in names)
