"""Korean trigger grammar: 올리다/포함시키다/추가하다/지정하다/제재하다/해제하다/제외하다...

Korean is verb-final: the targets and the list come before the trigger, so ``object_after`` is
False. Negation follows the verb (올리지 않았다) or precedes it (안/못); planned actions are
marked after the verb (올릴 계획이다, 추가할 예정, 포함시킬 수 있다, 검토) or before it (추진).
"""
from __future__ import annotations

import re

from .grammar import Grammar, compile_rules

# verb endings after a Sino-Korean noun: 추가했다, 추가한, 추가된, 추가됐다, 추가돼, 추가키로...
_HA = r"(?:했|하[였고며면는기여자다]|한|할|함|합|된|됐|되|돼|될|키|시키|시켰|시킨|시킬)"

# a reason clause starts after the subject's particle or a comma
_CLAUSE = r"(?:(?<=[은는이가도]\s)|(?<=,)|(?<=,\s))"

RULES = compile_rules([
    # add: "명단에 올렸다/올랐다/오른", "명단에 추가했다", "포함시켰다", "등재", "편입"
    (r"(?:에|에도)\s*(?:이름을\s*|다시\s*|새로\s*|추가로\s*|잇따라\s*|또\s*|함께\s*)*(?P<t>올[렸린라랐리려릴]|오[른르를])",
     "add", None, "list"),
    (r"(?:추가|포함|등재|편입|기재)" + _HA, "add", None, "list"),
    (r"(?<=에)\s*(?:도\s*)?(?:들었|들어갔|들어가|든\s|들게)", "add", None, "list"),
    (r"(?:지정)" + _HA, "add", "impose", "carry"),
    (r"(?:자산|재산)(?:을|를)?\s*동결", "impose", None),
    # remove: "명단에서 제외했다", "삭제", "빠졌다", "해제" (with a list), "철회"
    (r"(?:제외|삭제|제척)" + _HA + r"|빠[졌진지져]|[뺐뺀빼]", "remove", None, "list"),
    (r"(?<=■)\S{0,3}\s*(?:해제|철회|취소)" + _HA, "remove", None),
    (r"(?:제재|규제|조치|지정|지위|통제|금지|허가)\S{0,3}\s*(?:해제|철회|취소)" + _HA
     + r"|(?:제재|규제|조치)\S{0,3}\s*풀[어었린기]", "remove", "lift"),
    (r"(?:규제|통제|절차|심사)(?:를|을)?\s*강화" + _HA, "restrict", None),
    # impose: 제재하다, 제재를 가하다/부과하다, 제재 조치를 취하다, 보복 조치
    (r"제재(?=했|하[였고며면는기여다]|한다|한\s|할|키|를\s*(?:가|부과|단행|발표|결정|내|시행)"
     r"|에\s*나|\s*조치를|\s*대상으로)", "impose", None),
    (r"(?:대응|보복|반격)\s*(?:조치|제재)를\s*(?:취|단행|발표|시행)", "impose", None),
    # ban: 금지/차단/중단시키다; "사용을 중단" (a vendor cutting off users)
    (r"(?:금지|차단)" + _HA, "ban", None),
    (r"(?:사용|공급|판매|거래|수출|서비스|라이선스|접속|이용)(?:을|를)?\s*(?:전면\s*)?(?:중단|막)"
     r"(?:했|하[였고며면는기여다]|한|시키|시켰|시킨|았|은)", "ban", None),
    (r"(?:유예|정지)" + _HA, "suspend", None),
    (r"(?:제한|규제)" + _HA, "restrict", None),
    (r"조사(?=에\s*착수|를\s*(?:시작|개시|벌이|진행|착수)|하기로|했다|한다|에\s*들어)", "investigate",
     None),
])

GRAMMAR = Grammar(
    lang="ko",
    rules=RULES,
    negation_before=re.compile(r"(?:^|\s)(?:안|못)\s*$"),
    negation_after=re.compile(r"^\w{0,3}\s*지\s*(?:않|못|말|마)|^\w{0,2}\s*(?:않|없)"),
    modal_before=re.compile(r"(?:검토|추진|고려|계획|방침)(?:하고|중인|중|해|해온)?\s*(?:있는\s*)?\S*\s*$"),
    modal_after=re.compile(
        r"^\w{0,4}\s*(?:계획|예정|방침|전망|수\s*(?:있|도)|가능성|방안|것으로\s*(?:보|예상|전망|관측|알려)"
        r"|지\s*(?:여부|모른)|을지|할지|려|겠|를?\s*검토|하는\s*방안|을\s*검토)"
        r"|^(?:을|를)?\s*(?:검토|추진|고려)"),
    reasons=(
        re.compile(_CLAUSE + r"(?P<r>[^,.。“”\"]{2,40}?)(?:했다는|한다는|하다는|라는|다는|는)\s*이유로"),
        re.compile(_CLAUSE + r"(?P<r>[^,.。“”\"]{2,40}?)(?:을|를)?\s*이유로"),
        re.compile(_CLAUSE + r"(?P<r>[^,.。“”\"]{2,60}?)\s*혐의로"),
        re.compile(_CLAUSE + r"(?P<r>[^,.。“”\"]{2,60}?)\s*(?:때문에|탓에)"),
    ),
    continuation=re.compile(r"^\s*(?:이\s*중에?는|이\s*가운데|이들\s*중|여기에는|해당\s*명단에는|대상에는"
                            r"|명단에는|이\s*명단에는|이들은|대상\s*(?:기업|기관)에는|추가된\s*(?:기업|기관)"
                            r"(?:은|는|에는))"),
    count=re.compile(r"(?<![가-힣\d])(?P<n>\d+|[한두세네]|다섯|여섯|일곱|여덟|아홉|열)\s*(?:개\s*)?(?:의\s*)?"
                     r"(?:(?:중국|미국|러시아|한국|일본|이란|홍콩|외국)\s*)?"
                     r"(?P<u>개사|곳|기관|기업|업체|단체|회사|명|개인|대학|실체|법인|개)(?!단|부|령|예|확|칭|시)"),
    anaphor=re.compile(r"(?:이들|해당|상기|위)\s*(?:기업|기관|업체|단체|실체|개인|대학)"),
    list_anaphor=re.compile(r"(?:해당\s*|이\s*|같은\s*)?(?:명단|목록|리스트)"),
    numbered=re.compile(r"(?P<n>[두세네]|다섯)\s*(?P<u>대학|회사|기업)"),
    object_after=False,
    list_after=False,
    subject_after=re.compile(r"^\s*(?:은|는|이|가|도|측은|측이|측도|에서|의|이\s|와|과|\(|,)"),
    object_after_entity=re.compile(r"^\s*(?:을|를|에\s*대해|에\s*대한|에게|등\s*\d|등을|등의|등|,|과|와|및)"
                                   r"|^\s*(?:수출\s*)?(?:규제|통제|제재|절차)"),
    adnominal=re.compile(r"\S*[른린된한킨던]\s+(?!것|바|뒤|후|데|이후|직후|다음|적|지|만큼|가운데|상태|이래|바람)"),
    numbers={"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8,
             "아홉": 9, "열": 10},
    sanction_cue=re.compile(r"제재|수출\s*(?:통제|규제|금지|허가)|블랙리스트|거래\s*제한|명단|보복|반외국제재|수입\s*금지"
                            r"|금수|전략물자|자산\s*동결"),
)
