"""English sanction events: add to / remove from / designate / blacklist / revoke, passives, modality."""
from __future__ import annotations

import pytest

from conftest import entity_texts as texts
from conftest import event_extractor


extract = event_extractor("en")


def test_federal_register_summary_with_reason_in_the_next_sentence(extract):
    doc, events = extract(
        "Publication date: [2020-03-16|DATE|2020-03-16]\n"
        "In this rule, the [Bureau of Industry and Security|GOV|nf:us-bis] ([BIS|GOV|nf:us-bis]) amends the "
        "Export Administration Regulations (EAR) by adding twenty-four entities to the Entity List. These "
        "twenty-four entities have been determined by the U.S. Government to be acting contrary to the "
        "national security or foreign policy interests of the United States.")
    (ev,) = events
    assert (ev.action, ev.list["id"], ev.count) == ("add", "us-entity-list", 24)
    assert doc.entity(ev.authority).text == "Bureau of Industry and Security"
    assert ev.targets == []
    assert ev.date == {"value": "2020-03-16", "precision": "day"}
    assert ev.reason["text"].startswith("acting contrary to the national security")


def test_passive_listing_takes_targets_before_the_verb(extract):
    doc, events = extract(
        "[Huawei|FIRM|nf:huawei] and [HiSilicon|FIRM|nf:hisilicon] were added to the Entity List by the "
        "[Commerce Department|GOV|nf:us-commerce] on [May 16, 2019|DATE|2019-05-16].")
    (ev,) = events
    assert texts(doc, ev.targets) == ["Huawei", "HiSilicon"]
    assert doc.entity(ev.authority).text == "Commerce Department"
    assert ev.date["value"] == "2019-05-16"


@pytest.mark.parametrize("sentence", [
    "The [Commerce Department|GOV|nf:us-commerce] could add [SMIC|FIRM|nf:smic] to the Entity List.",
    "Washington is considering adding [DJI|FIRM|nf:dji] to the Entity List.",
    "[Xiaomi|FIRM|nf:xiaomi] was not added to the Entity List.",
])
def test_possible_or_negated_additions_are_not_events(extract, sentence):
    assert extract(sentence)[1] == []


def test_removal_from_the_unverified_list_with_reason(extract):
    doc, events = extract(
        "The [Bureau of Industry and Security|GOV|nf:us-bis] is amending the EAR by removing three (3) persons "
        "from the Unverified List (UVL). The three persons are removed from the UVL on the basis that BIS "
        "was able to verify their bona fides.")
    (ev,) = events
    assert (ev.action, ev.list["id"], ev.count, ev.cameo) == ("remove", "us-unverified-list", 3, "085")
    assert ev.reason["text"].startswith("BIS was able to verify")


def test_revocation_of_veu_is_removal_and_targets_follow(extract):
    doc, events = extract(
        "The [Bureau of Industry and Security|GOV|nf:us-bis] amends the EAR to revise the existing "
        "Validated End-User (VEU) Authorizations list by removing [Intel Semiconductor (Dalian) Ltd|FIRM|nf:intel-dalian]; "
        "[Samsung China Semiconductor Co. Ltd|FIRM|nf:samsung-china-semiconductor]; and "
        "[SK hynix Semiconductor (China) Ltd.|FIRM|nf:sk-hynix-china]")
    (ev,) = events
    assert (ev.action, ev.list["id"]) == ("remove", "us-veu")
    assert len(ev.targets) == 3


def test_designation_without_a_list_is_impose_and_blacklisted_means_entity_list(extract):
    doc, events = extract(
        "The [State Department|GOV|nf:us-state] designated [Beijing Luo Luo Technology Development Co Ltd|FIRM|nf:luo-luo] "
        "for contributing to ballistic missile proliferation.")
    (ev,) = events
    assert ev.action == "impose" and "list" not in ev.to_dict()
    assert ev.reason["text"].startswith("contributing to ballistic")
    doc, events = extract("[DJI|FIRM|nf:dji] was blacklisted by the [Commerce Department|GOV|nf:us-commerce].")
    assert events[0].list["id"] == "us-entity-list" and texts(doc, events[0].targets) == ["DJI"]


def test_sdn_designation_with_two_lists_in_one_sentence(extract):
    doc, events = extract(
        "[OFAC|GOV|nf:us-ofac] added [Sovcombank|FIRM|nf:sovcombank] to the SDN List and removed "
        "[Rusal|FIRM|nf:rusal] from the SDN List.")
    assert [(e.action, e.list["id"], texts(doc, e.targets)) for e in events] == [
        ("add", "us-sdn-list", ["Sovcombank"]), ("remove", "us-sdn-list", ["Rusal"])]


def test_denial_order_title_names_its_targets(extract):
    doc, events = extract(
        "Title: Mahan Airways, Mahan Tower, No. 21, Azadegan St., Tehran, [Iran|LOC|nf:iran]; Pejman Mahmood "
        "Kosarayanifard a/k/a Kosarian Fard, P.O. Box 52404, Dubai; et al.; Order Renewing Order Temporarily "
        "Denying Export Privileges")
    (ev,) = events
    assert ev.action == "ban" and texts(doc, ev.targets) == ["Mahan Airways", "Pejman Mahmood Kosarayanifard"]


def test_state_department_determination_is_a_designation(extract):
    doc, events = extract(
        "The [Secretary of State|GOV|nf:us-state-department] has determined that General Technology Limited, "
        "Beijing Luo Luo Technology Development Co Ltd, and Changzhou Utek Composite Company Ltd, engaged in "
        "activities that have materially contributed to the proliferation of weapons of mass destruction.")
    (ev,) = events
    assert (ev.action, ev.list["id"]) == ("add", "us-sdn-list")       # conventions D10
    assert texts(doc, ev.targets) == ["General Technology Limited", "Beijing Luo Luo Technology Development Co Ltd",
                                      "Changzhou Utek Composite Company Ltd"]


def test_agent_of_an_order_is_not_its_target(extract):
    doc, events = extract(
        "Under an executive order signed by President [Donald Trump|PERSON|nf:donald-trump] in November, "
        "[Xiaomi|FIRM|nf:xiaomi] was barred from U.S. capital markets.")
    assert texts(doc, events[0].targets) == ["Xiaomi"]


def test_the_company_refers_to_the_firm_named_before(extract):
    doc, events = extract(
        "[Illumina|FIRM|nf:illumina] shares fell. The San Diego-based company was added to the unreliable entity "
        "list on [Feb. 4|DATE|2025-02-04] together with [PVH Corp.|FIRM|nf:pvh].")
    (ev,) = events
    assert ev.list["id"] == "cn-unreliable-entity-list"
    assert sorted(texts(doc, ev.targets)) == ["Illumina", "PVH Corp."]


def test_month_and_year_in_two_expressions(extract):
    doc, events = extract(
        "The Treasury used its SDN list against Chinese targets. In [July|DATE|2021-07] [last year|DATE|2020] "
        "[OFAC|GOV|nf:us-ofac] designated [Sun Jinlong|PERSON|nf:sun-jinlong].")
    assert events[0].date == {"value": "2020-07", "precision": "month"}
    assert events[0].list["id"] == "us-sdn-list"


def test_state_department_determination_met_the_criteria_and_officers(extract):
    """IFCA notices: firms that "met the criteria for sanctions", then officers "with respect to these persons"."""
    doc, events = extract(
        "On [October 19, 2020|DATE|2020-10-19], Secretary of State Michael R. Pompeo determined that each of "
        "[Reach Holding Group (Shanghai) Company Ltd.|FIRM] and [Delight Shipping Co., Ltd.|FIRM] met the criteria "
        "for sanctions set forth in section 1244(d)(1)(A) of the Iran Freedom and Counter-Proliferation Act of 2012 "
        "(IFCA). On the same date, Secretary Pompeo also determined that [Eric Chen|PERSON] is a principal executive "
        "officer of [Reach Holding Group (Shanghai) Company Ltd.|FIRM], and selected sanctions described in section "
        "6(a) of ISA to be imposed with respect to these persons.")
    (ev,) = events
    assert ev.action == "impose" and ev.list is None
    assert texts(doc, ev.targets) == ["Reach Holding Group (Shanghai) Company Ltd.", "Delight Shipping Co., Ltd.",
                                      "Eric Chen"]
    assert ev.date == {"value": "2020-10-19", "precision": "day"}


def test_anaphoric_clause_dates_an_event_whose_date_was_inherited(extract):
    doc, events = extract(
        "Publication date: [2022-05-26|DATE|2022-05-26]\n"
        "The Under Secretary of State has determined that [O Yong Ho|PERSON] and [Parsek LLC|FIRM] have engaged, "
        "or attempted to engage, in activities that have materially contributed to the proliferation of weapons "
        "of mass destruction. The imposition of sanctions on the individual and entity were applicable on "
        "[January 12, 2022|DATE|2022-01-12].")
    (ev,) = events
    assert texts(doc, ev.targets) == ["O Yong Ho", "Parsek LLC"]
    assert ev.date == {"value": "2022-01-12", "precision": "day"}


def test_dateline_yields_to_a_date_stated_in_the_body(extract):
    doc, events = extract(
        "Title: Addition of Certain Entities to the Entity List; Correction\n"
        "Publication date: [2022-04-11|DATE|2022-04-11]\n\n"
        "BIS corrects errors in a final rule published on [February 14, 2022|DATE|2022-02-14]. That rule "
        "amended the EAR by adding a new entry for \"[Huawei Technologies Co., Ltd.|FIRM|nf:huawei]\".")
    assert [(ev.action, ev.date["value"]) for ev in events] == [("add", "2022-02-14")]


def test_eu_sanctions_without_a_named_list_are_on_the_eu_list(extract):
    doc, events = extract("The [European Union|GOV|nf:eu] imposed sanctions on [Rosneft|FIRM] on "
                          "[Friday|DATE|2024-12-27].")
    (ev,) = events
    assert (ev.action, ev.list["id"], texts(doc, ev.targets)) == ("add", "eu-sanctions", ["Rosneft"])


def test_us_sanctions_without_a_named_list_are_sdn_designations(extract):
    """Conventions D10: State Department and Treasury sanctions on named parties are listings
    on the SDN list, named or not."""
    doc, events = extract("The [State Department|GOV|nf:us-state-department] imposed sanctions on "
                          "[Parsek LLC|FIRM].")
    (ev,) = events
    assert (ev.action, ev.list["id"]) == ("add", "us-sdn-list")


def test_ban_without_sanctions_in_sight_is_no_event(extract):
    assert extract("The city of [Boston|LOC] banned smoking in parks run by [Parks Corp|FIRM].")[1] == []


def test_designated_persons_with_a_one_letter_surname_are_found(extract):
    doc, events = extract(
        "The [Under Secretary of State|GOV] has determined that O Yong Ho, Roman Anatolyevich Alar, and Parsek "
        "LLC have engaged, or attempted to engage, in activities that have materially contributed to the "
        "proliferation of weapons of mass destruction.")
    (ev,) = events
    assert texts(doc, ev.targets) == ["O Yong Ho", "Roman Anatolyevich Alar", "Parsek LLC"]


def test_including_inside_the_object_does_not_take_the_list_from_the_verb(extract):
    doc, events = extract(
        "The [U.S. Commerce Department|GOV|nf:us-doc] on Tuesday added 12 Chinese companies, including units of "
        "[Inspur Group|FIRM|nf:inspur], to its entity list, citing their support for China's military.")
    (ev,) = events
    assert (ev.action, ev.list["id"], ev.count, texts(doc, ev.targets)) == ("add", "us-entity-list", 12, ["Inspur Group"])


@pytest.mark.parametrize("sentence", [
    "[China|LOC|nf:china]'s [Ministry of Commerce|GOV|nf:cn-mofcom] added [Lockheed Martin|FIRM|nf:lockheed-martin] "
    "to the list of unreliable organizations.",
    "[Beijing|LOC|nf:china] put [Lockheed Martin|FIRM|nf:lockheed-martin] on its list of unreliable firms.",
])
def test_the_unreliable_entity_list_named_loosely(extract, sentence):
    doc, events = extract(sentence)
    (ev,) = events
    assert (ev.action, ev.list["id"], texts(doc, ev.targets)) == ("add", "cn-unreliable-entity-list", ["Lockheed Martin"])


def test_an_unnamed_list_bound_by_a_cue_word_in_its_sentence(extract):
    # "the list" alone names nothing; "unreliable" in the sentence says which list (configs/lists.toml cues)
    doc, events = extract("Chinese authorities added [Skydio|FIRM|nf:skydio] to the list, saying the drone maker "
                          "was unreliable.")
    assert [(ev.action, ev.list["id"]) for ev in events] == [("add", "cn-unreliable-entity-list")]
    assert extract("The ministry added [Skydio|FIRM|nf:skydio] to the list.")[1] == []


def test_names_also_sanctioned_in_a_later_sentence_join_the_act_told_before(extract):
    # "X and Y, also sanctioned, ran ...": a participle after a comma describes the names before
    # it, and "also" makes the act one more of the designation told sentences before
    doc, events = extract(
        "The [Treasury Department|GOV|nf:us-treasury] added [Jinyong IT Cooperation Company|FIRM] "
        "to the SDN list on [Tuesday|DATE|2024-02-20].\n"
        "The company dispatched IT workers to Russia and Laos.\n"
        "Its workers earned money illegally overseas.\n"
        "Managers of the company trained them.\n"
        "Individuals [Yu Song-hyok|PERSON] and [Yun Song-il|PERSON], also sanctioned, ran a restaurant in Laos.")
    assert [(e.action, e.list["id"], texts(doc, e.targets)) for e in events] == [
        ("add", "us-sdn-list", ["Jinyong IT Cooperation Company", "Yu Song-hyok", "Yun Song-il"])]
