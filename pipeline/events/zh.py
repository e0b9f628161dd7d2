"""Chinese trigger grammar: 列入/纳入/移出/制裁/反制/禁止/暂停/解除/限制/调查...

Objects come before the verb with 将/把/对 (将X列入实体清单, 对X采取反制措施) and after it
otherwise (制裁X), so the argument region is the whole clause around the trigger
(``object_after`` is True, and entities before the trigger count too unless they are the
subject). Negation precedes the verb (未被列入, 没有列入, 不会制裁); 拟/计划/考虑/可能/或将 mark a
planned or possible action.
"""
from __future__ import annotations

import re

from .grammar import LIST_MASK, Grammar, compile_rules

_NUM = "零〇一二两三四五六七八九十百千"

RULES = compile_rules([
    (r"列入|纳入|列进|增列|列为|加入|添加至|添加到|增加至|增加到|写入|列名", "add", None, "list"),
    (r"采取" + LIST_MASK + r"+措施", "add", None),
    (r"拉黑|列黑", "add", None, "generic"),
    (r"移出|移除|剔除|除名|删除|撤出|移去|剔出", "remove", None, "list"),
    (r"解除|取消|撤销|撤回", "remove", "lift"),
    (r"(?:采取|实施|实行|宣布|进行)(?:了)?(?:对等)?(?:反制裁|反制|制裁)(?:措施)?|(?:反制裁|反制)(?=措施)|制裁",
     "impose", None),
    (r"禁止|封杀|断供|(?:停止|暂停|中止|终止)(?:向|对|为)|拒绝(?:向|对|为)", "ban", None),
    (r"冻结", "impose", None),
    (r"暂停|中止|暂缓", "suspend", None),
    (r"限制|管控(?!" + LIST_MASK + ")", "restrict", None),
    (r"(?:立案|展开|开展|启动|发起|进行)(?:了)?(?:反倾销|反垄断|反补贴|反规避)?调查", "investigate", None),
])

_NUMBERS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
            "九": 9, "十": 10}


def chinese_number(token: str) -> int | None:
    """十三 -> 13, 二十八 -> 28, 一百零五 -> 105; None when it is not a Chinese numeral."""
    if not token or any(c not in _NUM for c in token):
        return None
    total, current = 0, 0
    for c in token:
        if c in "十百千":
            unit = {"十": 10, "百": 100, "千": 1000}[c]
            total += (current or 1) * unit
            current = 0
        else:
            current = {"零": 0, "〇": 0}.get(c, _NUMBERS.get(c, 0))
    return total + current


class _Numbers(dict):
    """Number words for Grammar.number: any Chinese numeral."""

    def get(self, key, default=None):  # type: ignore[override]
        n = chinese_number(key)
        return default if n is None else n


GRAMMAR = Grammar(
    lang="zh",
    rules=RULES,
    negation_before=re.compile(r"(?:未|没有|没|不|并未|尚未|从未|不会|不再|无意|否认|未能)[被将把再曾予能]?\s*$"),
    negation_after=re.compile(r"(?!x)x"),
    modal_before=re.compile(r"(?:(?<!模)拟|计划|打算|考虑|可能|或将|或会|威胁|扬言|准备|寻求|有望|可望|研究|酝酿)"
                            r"[^，。；]{0,30}$|(?:将|将会|将要|会)(?:\S{1,3}或)?$"),
    modal_after=re.compile(r"^\S{0,4}?的?(?:申请|请求|提议|建议|要求|可能|传闻|报道|威胁)"),   # 移除的申请被驳回
    reasons=(
        re.compile(r"以(?P<r>[^，。；]{2,60}?)为由"),
        re.compile(r"(?:借口|理由是|原因是)(?P<r>[^，。；]{2,80})"),
        re.compile(r"(?:因|由于|鉴于)(?P<r>[^，。；]{2,60}?)(?:而|，|被|遭)"),
        re.compile(r"(?P<r>参与[^，。；、]{2,40}?)的"),
    ),
    continuation=re.compile(r"^\s*(?:其中|包括|名单包括|清单包括|这些(?:实体|企业|公司|机构)(?:包括|是)|被列入的(?:实体|企业)"
                            r"(?:包括|有))"),
    count=re.compile(r"(?P<n>\d+|[" + _NUM + r"]+)\s*(?P<u>家|名|所|位|个(?=[^，。]{0,4}(?:实体|机构|组织|单位|企业|公司|个人|高校)))"),
    anaphor=re.compile(r"(?:上述|该|这些|前述|以上)(?:\d+家)?(?:[^，。；]{0,4})(?:企业|实体|公司|机构|个人|人员|单位)"
                       r"|(?:向|对|与|为)其"),
    clause_break=re.compile(r"[，：:](?!\s*(?:以及|及其|及|和|与|还有|并将|其中|包括|含))"),
    agent_before=re.compile(r"(?:被|由|遭)\s*$"),
    list_anaphor=re.compile(r"(?:该|此|上述)?(?:名单|清单|名單|清單)"),
    country_object=re.compile(r"(?:对|针对|對)\s*$"),
    numbered=re.compile(r"(?P<n>[两二三四五六七八九十])(?:所|家)?(?P<u>校|大学|公司|企业)"),
    object_after=True,
    subject_after=re.compile(r"^\s*(?:决定|宣布|将|把|对|于|已|在|表示|发布|称|日前|近日|今天|当天|[（(])"),
    object_before=re.compile(r"(?:对|将|把|向|与|和|及|、|制裁|禁止|限制)\s*$"),
    object_after_entity=re.compile(r"^\s*(?:[（(][^）)]*[）)])?\s*(?:、|，|和|及|等|列入|纳入|移出)"),
    numbers=_Numbers(),
    window=12,
    sanction_cue=re.compile(r"制裁|出口管制|管控|黑名单|清单|名单|反制|禁运|不可靠实体|冻结|出口许可|两用物项"),
)
