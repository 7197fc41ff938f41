"""action_answer_after_crisis against a real knowledge base with the fixture content."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.after_crisis import SPECIALIST_TOPIC, ActionAnswerAfterCrisis
from actions.config import ActionConfig
from actions.context import asks_question
from actions.topics import Topic, Topics, default_topics
from support.trackers import make_tracker


async def run(
    kb_url: str, text: str, intent: str = "crisis", slots: dict | None = None, **kwargs,
) -> tuple[list[dict], list[dict]]:
    dispatcher = CollectingDispatcher()
    action = ActionAnswerAfterCrisis(ActionConfig(kb_url=kb_url, kb_timeout_seconds=2.0), **kwargs)
    events = await action.run(dispatcher, make_tracker(text, intent=intent, slots=slots), domain={})
    return dispatcher.messages, events


async def test_a_question_the_crisis_message_also_asked_is_answered(kb_url):
    messages, events = await run(kb_url, "hvordan får jeg skattekort?")
    assert [m["custom"]["kind"] for m in messages] == ["answer"]
    assert messages[0]["custom"]["service"] == "skatteetaten"
    assert {e["name"] for e in events} == {"context_question", "context_service"}


@pytest.mark.parametrize("text", ["skattekort", "/request_human", ""])
async def test_without_a_question_nothing_is_added(kb_url, text):
    assert await run(kb_url, text) == ([], [])


async def test_an_answer_from_a_service_the_crisis_answer_names_is_not_repeated(kb_url):
    assert await run(kb_url, "hvordan får jeg skattekort?", named=frozenset({"skatteetaten"})) == ([], [])


async def test_an_unsure_search_adds_nothing(kb_url):
    assert await run(kb_url, "hva gjør jeg nå?") == ([], [])


# The fixture knowledge base has no violence services: here the tax office stands in for one.
SPECIALISTS = Topics({SPECIALIST_TOPIC: Topic(SPECIALIST_TOPIC, {"nb": "vold"}, "vold", ("skatteetaten",))}, ())
STATEMENT = "jeg trenger skattekort til sommerjobben"


async def test_a_statement_of_violence_gets_the_specialist_service_the_knowledge_base_is_sure_of(kb_url):
    messages, _ = await run(kb_url, STATEMENT, slots={"crisis_category": "violence_home"}, topics=SPECIALISTS)
    assert [m["custom"]["service"] for m in messages] == ["skatteetaten"]
    messages, _ = await run(kb_url, STATEMENT, slots={"crisis_category": "sexual_abuse"}, topics=SPECIALISTS)
    assert [m["custom"]["service"] for m in messages] == ["skatteetaten"]


@pytest.mark.parametrize("category", ["suicide", "self_harm", "acute_danger", None])
async def test_a_statement_of_another_crisis_adds_nothing(kb_url, category):
    assert await run(kb_url, STATEMENT, slots={"crisis_category": category}, topics=SPECIALISTS) == ([], [])


async def test_a_statement_adds_no_service_outside_the_specialist_topic_or_named_already(kb_url):
    slots = {"crisis_category": "violence_home"}
    assert await run(kb_url, STATEMENT, slots=slots) == ([], [])  # the real topic has no tax office
    assert await run(kb_url, STATEMENT, slots=slots, topics=SPECIALISTS, named=frozenset({"skatteetaten"})) == ([], [])
    assert await run(kb_url, "hva gjør jeg nå", slots=slots, topics=SPECIALISTS) == ([], [])  # not sure


def test_the_specialist_topic_is_the_menu_s_violence_topic():
    topic = default_topics().topic(SPECIALIST_TOPIC)
    assert topic is not None and {"tvangsekteskap", "overgrepsmottak", "politiet"} <= set(topic.services)


async def test_a_sad_message_s_question_gets_what_any_question_gets(kb_url):
    # The same ranking the crisis path finds too unsure to add to a crisis answer.
    assert await run(kb_url, "hva gjør jeg nå?") == ([], [])
    messages, _ = await run(kb_url, "føler meg så dum, hvordan får jeg skattekort?", intent="feeling_down")
    assert [m["custom"]["kind"] for m in messages] == ["answer"]


async def test_a_sad_statement_gets_the_answer_the_knowledge_base_is_sure_of(kb_url):
    messages, _ = await run(kb_url, "er så lei meg, fikk ikke skattekort", intent="feeling_down")
    assert [m["custom"]["service"] for m in messages] == ["skatteetaten"]
    assert await run(kb_url, "er så lei meg, fikk ikke skattekort", intent="crisis") == ([], [])


async def test_a_sad_message_s_question_with_no_answer_leaves_the_check_in_alone(kb_url):
    assert await run(kb_url, "føler meg så dum, hvordan får jeg tak i elytra i minecraft?", intent="feeling_down") == ([], [])
    assert await run("http://127.0.0.1:9", "hvordan får jeg skattekort?", intent="feeling_down") == ([], [])


async def test_an_unreachable_knowledge_base_adds_nothing():
    assert await run("http://127.0.0.1:9", "hvordan får jeg skattekort?") == ([], [])


@pytest.mark.parametrize("text", [
    "kan jeg anmelde det", "hva gjør jeg", "who helps w that", "ka gjer eg no", "korleis slettar eg det",
    "is there anything i can do", "can i report it", "må jeg si det til noen", "noen som vet?",
    "i dont know if i want to go to the police", "veit ikkje om eg skal melde det", "vet ikke om jeg tør å anmelde",
    "idk whether to tell anyone",
])
def test_questions_in_each_language_are_questions(text):
    assert asks_question(text)


@pytest.mark.parametrize("text", [
    "eksen min deler nakenbilder av meg", "he hits me every night", "æ orke itj mer",
    "pappa slår meg når han er full", "jeg vet ikke lenger", "i know it was wrong",
])
def test_statements_are_not_questions(text):
    assert not asks_question(text)
