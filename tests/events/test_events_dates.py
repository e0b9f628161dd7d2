"""An act's date in an article that carries no publication date: the month its URL spells stands
for the news of the day ("On Thursday ..." cannot be resolved without the day)."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, url, target", [
    ("On Thursday, President Joe Biden issued an executive order that bans U.S. investment in 59 "
     "Chinese companies, including Huawei and SMIC.", "https://americanmilitarynews.com/2021/06/biden-extends-trump-eo",
     "Huawei"),
    ("美国商务部周四将海康威视和大华列入实体清单。", "https://www.dw.com/zh/2019/10/us-blacklist", "海康威视"),
    ("미국 상무부는 목요일 하이크비전을 블랙리스트에 올렸다.", "https://www.hankyung.com/article/2019/10/us-blacklist",
     "하이크비전"),
])
def test_an_undated_article_dates_its_act_by_the_url_month(nlp, text, url, target):
    doc = nlp(text, url=url)
    month = url.split("/20", 1)[1][:5].replace("/", "-")
    event = next(e for e in doc.events if target in [doc.entity(t).text for t in e.targets])
    assert event.date == {"value": "20" + month, "precision": "month"}
    assert all(e.date is None for e in nlp(text, url="https://tass.com/world/1238149").events)


@pytest.mark.parametrize("text, published, earlier", [
    ("블랙리스트에 오른 기업은 화웨이, SMIC 등이다. 미국 상무부는 이날 화웨이와 SMIC를 실체명단에 올렸다.", "2024-03-08", True),
    ("The Commerce Department added Huawei and SMIC to the Entity List.", "2024-03-08", True),
    ("美国商务部将华为和中芯国际列入实体清单。", "2019-05-16", False),      # the year they were listed
])
def test_a_listing_of_parties_the_kb_has_on_the_list_since_an_earlier_year(nlp, text, published, earlier):
    from pipeline.events.assemble import Candidate, _listed_earlier
    from pipeline.events.catalogue import load_catalogue

    doc = nlp(text, published=published)
    targets = [e for e in doc.entities if (e.canonical or {}).get("id") in ("nf:huawei", "nf:smic")]
    entity_list = load_catalogue().entries["us-entity-list"]
    listing = Candidate(action="add", trigger=(0, 1), sentence=0, list=entity_list, targets=targets)
    assert len(targets) >= 2 and _listed_earlier(listing, published) is earlier
    assert not _listed_earlier(Candidate(action="remove", trigger=(0, 1), sentence=0, list=entity_list,
                                         targets=targets), published)
