"""English trigger grammar: add to / remove from / designate / blacklist / sanction / ban / revoke...

Objects follow an active verb (BIS added X to the Entity List) and precede a passive one (X was
added to the Entity List; sanctions are imposed on...), so a passive cue before the trigger turns
the argument region around. Modal verbs and plans (could add, plans to, is considering, threatens
to) mark an action that has not happened.
"""
from __future__ import annotations

import re

from .grammar import Grammar, compile_rules

RULES = compile_rules([
    (r"\badd(?:s|ed|ing)?\b|(?<!in\s)\badditions?\b(?=\s+(?:of|to)\b)", "add", None, "list"),
    (r"(?:■|\blist|\bIt|\bThey)\s+(?:also\s+)?(?P<t>includ(?:es|ed|e)|compris(?:es|ed))\b", "add", None, "list"),
    # (not ", including X," inside another verb's object: "added 12 firms, including X, to the list")
    (r"(?<!,\s)\b(?:plac(?:e|es|ed|ing)|put(?:s|ting)?|list(?:s|ed|ing)?|includ(?:e|es|ed|ing))\b(?=[^;]{0,120}?\b(?:on|in|to)\s+(?:the\s+|its\s+|their\s+|a\s+)?(?:[A-Z][\w.'-]*\s+){0,4}■)",
     "add", None, "list"),
    (r"\bblacklist(?:s|ed|ing)\b", "add", None, "generic"),
    (r"\bdesignat(?:e|es|ed|ing)\b|\bdesignations?\b(?=\s+of\b)", "add", "impose", "carry"),
    # State Department designations: "has determined that A, B and C engage(d) in ... activity",
    # "determined that each of A, B and C met the criteria for sanctions", "determined that A is
    # a principal executive officer of B ... and selected sanctions ... to be imposed"
    (r"\bdetermined\s+that\b(?=[^;]{0,600}?(?:\b(?:engaged?|engages|ha(?:ve|s)\s+engaged),?\s+(?:in|or)\b"
     r"|\bm(?:eet|eets|et)\s+the\s+criteria\s+for\s+(?:the\s+imposition\s+of\s+)?sanctions\b"
     r"|\bsanctions\b[^;.]{0,120}?\bto\s+be\s+imposed\b))",
     "add", "impose", "carry"),
    # BIS orders: "A, address; B, address; Order (Temporarily) Denying Export Privileges"
    (r"\bOrder\s+(?:Renewing\s+(?:the\s+)?Order\s+)?(?:Temporarily\s+)?Denying\s+Export\s+Privileges\b",
     "ban", None, "passive", "line"),
    (r"\bexpand(?:s|ed|ing)?\b(?=[^;]{0,80}\b(?:license requirements|licensing requirements|export controls|"
     r"restrictions)\b)", "restrict", None),
    (r"\bremov(?:e|es|ed|ing)\b|\bremovals?\b(?=\s+(?:of|from)\b)|\bdelist(?:s|ed|ing)?\b|\btak(?:e|es|en|ing)\b(?=[^;]{0,80}?\boff\b)|\btook\b(?=[^;]{0,80}?\boff\b)",
     "remove", None, "list"),
    (r"\brevo(?:ke|kes|ked|king|cation|cations)\b|\brescind(?:s|ed|ing)?\b|\brescission\b", "remove", "lift"),
    (r"\bimpos(?:e|es|ed|ing|ition)\b(?=[^.;]{0,60}?(?:\b(?:sanctions?|penalt(?:y|ies)|measures|bans?)|countermeasures|counter-measures)\b)"
     r"|(?<=\bsanctions\s)(?:are|were|was|is|be|been)\s+imposed\b|\bsanction(?:ed|ing)\b|\bsanctions?\b(?=\s+(?:on|against)\b)",
     "impose", None),
    (r"\bban(?:s|ned|ning)?\b|\bbarr(?:ed|ing)\b|\bbars\b|\bprohibit(?:s|ed|ing)?\b|\bcut(?:s|ting)?\s+off\b|\bden(?:y|ies|ied|ying)\b(?=[^.;]{0,30}\bexport privileges\b)|\bdenial orders?\b",
     "ban", None),
    (r"\bsuspend(?:s|ed|ing)?\b|\bsuspension\b", "suspend", None),
    (r"\blift(?:s|ed|ing)?\b(?=[^.;]{0,40}\b(?:sanctions?|restrictions?|ban|measures)\b)|\beas(?:e|es|ed|ing)\b(?=\s+(?:the\s+)?(?:sanctions?|restrictions?))|\bwaiv(?:e|es|ed|ing)\b",
     "lift", None),
    (r"\brestrict(?:s|ed|ing)?\b", "restrict", None),
    (r"\binvestigat(?:e|es|ed|ing|ion|ions)\b|\bprobe\b|\bopen(?:ed|s)? an inquiry\b", "investigate", None),
])

_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}


def _number_words() -> dict[str, int]:
    out = {w: i for i, w in enumerate(_WORDS)}
    for word, value in _TENS.items():
        out[word] = value
        for i, unit in enumerate(_WORDS[1:10], 1):
            out[f"{word}-{unit}"] = value + i
            out[f"{word} {unit}"] = value + i
    out.update({"a": 1, "an": 1, "a single": 1, "a dozen": 12, "dozens": 0})
    return out


NUMBERS = _number_words()
_NUMBER_RE = "|".join(sorted((re.escape(w) for w in NUMBERS if w not in ("a", "an", "dozens")),
                             key=len, reverse=True))

GRAMMAR = Grammar(
    lang="en",
    rules=RULES,
    negation_before=re.compile(r"(?:\b(?:not|never|no longer|fail(?:s|ed|ure)?\s+to)\b|n't)(?:\s+\w+){0,2}\s*$",
                               re.IGNORECASE),
    negation_after=re.compile(r"(?!x)x"),
    modal_before=re.compile(
        r"\b(?:could|may|might|would|should|plans?\s+to|planning\s+to|planned\s+to|consider(?:s|ed|ing)?"
        r"|weigh(?:s|ed|ing)?|threaten(?:s|ed|ing)?\s+to|seek(?:s|ing)?\s+to|propos(?:e|es|ed|ing)\s+to"
        r"|intends?\s+to|expected\s+to|likely\s+to|poised\s+to|mulling|set\s+to|aims?\s+to|wants?\s+to"
        r"|calls?\s+(?:on\s+\S+\s+)?to|urg(?:e|es|ed|ing)\s+\S+\s+to)\b(?:\s+[\w-]+){0,3}\s*$",
        re.IGNORECASE),
    modal_after=re.compile(r"(?!x)x"),
    reasons=(
        re.compile(r"\bdetermined\b[^;]+?\bto\s+(?:be\s+|have\s+)?(?P<r>(?:acting|engaged|been|be\s+involved|"
                   r"involved|pose|posing|contribut)[^;]{3,200})"),
        re.compile(r"\bfor\s+(?P<r>(?:acting|actions|activities|engaging|allegedly|(?:its|their)\s+(?:role|involvement|support|alleged|participation|ties|links|activities)|involvement|supporting|"
                   r"helping|aiding|contributing|participating|providing|violating|violations|alleged|human rights|"
                   r"enabling|assisting|diverting|procuring|supplying)\b[^;]{3,200})"),
        re.compile(r"\b(?:because|on the basis that|on the grounds that|due to|in response to|citing)\s+"
                   r"(?P<r>[^;]{3,200})"),
    ),
    continuation=re.compile(r"^\s*(?:They|These|Those|Among them|This includes|Including|The (?:companies|entities|"
                            r"firms|targets|additions|persons|individuals)\b)"),
    count=re.compile(r"\b(?P<n>\d+|" + _NUMBER_RE + r")\s*(?:\(\d+\)\s*)?(?:(?:new|additional|more|other|"
                     r"Chinese|Russian|Iranian|foreign|existing|and|[A-Z][a-z]+)\s+){0,4}(?P<u>entities|entity|companies|"
                     r"company|firms|persons|individuals|people|organizations|universities|institutes|"
                     r"parties|businesses)\b", re.IGNORECASE),
    anaphor=re.compile(r"\b(?:these|those|the above|such|the said|the listed)\s+(?:\w+\s+)?(?:entities|companies|firms|persons|individuals|parties)\b"
                       r"|\b(?:on|against|to)\s+the\s+(?:individuals?|entit(?:y|ies)|persons)\b", re.IGNORECASE),
    object_close=re.compile(r"\s*(?:[,.;:)]|(?:and|or|over|for|in|on|after|as|because|from|with|under|until"
                                   r"|since|to|by)\b|$)"),
    agent_before=re.compile(r"\bby\s+(?:the\s+)?(?:(?:former\s+)?(?:President|Secretary|Minister|Chairman|Premier)\s+)?$"),
    attribution=re.compile(r",\s*(?:[\w.'-]+\s+){0,5}(?:said|says|told|wrote|according)\b|\s+(?:said|says)\b"),
    indefinite_list=re.compile(r"\ba\s+(?:new\s+|separate\s+|different\s+)?list\b", re.IGNORECASE),
    together=re.compile(r"\b(?:together|along)\s+with\b|\bas\s+well\s+as\b", re.IGNORECASE),
    list_anaphor=re.compile(r"\b(?:the|that|this|its)\s+(?:same\s+)?(?:list|blacklist)\b", re.IGNORECASE),
    country_object=re.compile(r"\b(?:on|against|targeting)\s+(?:the\s+)?$", re.IGNORECASE),
    definite_firm=re.compile(r"\b[Tt]he\s+(?:[\w.-]+\s+){0,2}(?:company|firm|chipmaker|drone maker|maker|"
                             r"manufacturer|carrier|group)\b(?!\s+(?:of|and|that|which|said))"),
    numbered=re.compile(r"\b[Tt]he\s+(?P<n>two|three|four|five|six)\s+(?P<u>universities|companies|firms)\b"),
    object_after=True,
    passive_cue=re.compile(r"\b(?:is|are|was|were|be|been|being|get|got|gets)\s+(?:\w+ly\s+)?$", re.IGNORECASE),
    subject_after=re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:,[^,]{0,80},\s*)?(?:has|have|had|is|are|was|were|will|on\b|"
                             r"said|announced|amends|added|removed|designated|sanctioned|imposed|\w+s\b|\w+ed\b)"),
    object_before=re.compile(r"(?:\b(?:on|against|targeting|including|and|sanctioned|added|removed|"
                             r"designated)|,)\s*(?:the\s+)?$", re.IGNORECASE),
    numbers=NUMBERS,
    window=30,
    sanction_cue=re.compile(r"\bsanction|\bexport (?:control|privilege|ban|restriction|licen)|\bblacklist|\bentity list"
                            r"|\bembargo|\bdenial order|\bcountermeasure|\bproliferat|\bterroris|\bnational security"
                            r"|\bOFAC\b|\bBIS\b|\bEAR\b|\bforeign policy|\bfreez|\bblock(?:ed|ing) (?:property|assets)"
                            r"|\bexecutive order", re.IGNORECASE),
)
