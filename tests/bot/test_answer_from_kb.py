from __future__ import annotations

import asyncio
import json
import socket
import time

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.answer_from_kb import ActionAnswerFromKB
from actions.config import ActionConfig
from support.trackers import make_tracker


async def run_action_with_events(kb_url: str, tracker, timeout: float = 3.0) -> tuple[list[dict], list[dict]]:
    dispatcher = CollectingDispatcher()
    # The three fixture entries score lower than the real content: no floor under the options here
    # (the floor has its own test on given rankings).
    action = ActionAnswerFromKB(ActionConfig(kb_url=kb_url, kb_timeout_seconds=timeout, clarify_min_score=0.0))
    events = await action.run(dispatcher, tracker, domain={})
    # The only events the action sets are the follow-up context slots.
    assert {e["name"] for e in events} <= {"context_question", "context_service"}
    assert all(e["event"] == "slot" for e in events)
    return dispatcher.messages, events


async def run_action(kb_url: str, tracker, timeout: float = 3.0) -> list[dict]:
    messages, _ = await run_action_with_events(kb_url, tracker, timeout)
    return messages


async def test_confident_question_is_answered_with_routing_payload(kb_url):
    messages = await run_action(kb_url, make_tracker("hvordan får jeg skattekort"))
    assert len(messages) == 1
    message = messages[0]
    assert message["custom"]["kind"] == "answer"
    assert message["custom"]["service"] == "skatteetaten"
    assert message["custom"]["entry_id"] == "fixture-skattekort"
    assert message["custom"]["lang"] == "nb"
    assert "skatteetaten.no" in message["text"]
    assert "Skatteetaten" in message["text"]


async def test_unclear_question_offers_at_most_three_choices(kb_url):
    messages = await run_action(kb_url, make_tracker("jeg trenger penger"))
    assert len(messages) == 1
    message = messages[0]
    assert message["custom"]["kind"] == "clarify"
    assert message["response"] == "utter_clarify"
    options = message["custom"]["options"]
    assert 1 <= len(options) <= 3
    # One button per option, then "none of these" and a person.
    assert len(message["buttons"]) == len(options) + 2
    for button, option in zip(message["buttons"], options):
        payload = button["payload"]
        assert payload.startswith("/choose_entry")
        assert json.loads(payload[len("/choose_entry"):])["entry_id"] == option["entry_id"]
    assert [b["payload"] for b in message["buttons"][-2:]] == ["/deny", "/request_human"]
    assert message["buttons"][-2]["title"] == "Ingen av disse"


async def test_chosen_entry_is_answered(kb_url):
    tracker = make_tracker(
        '/choose_entry{"entry_id": "fixture-moped"}',
        intent="choose_entry",
        entities=[{"entity": "entry_id", "value": "fixture-moped"}],
    )
    [message] = await run_action(kb_url, tracker)
    assert message["custom"]["kind"] == "answer"
    assert message["custom"]["entry_id"] == "fixture-moped"
    assert message["custom"]["service"] == "vegvesen"


@pytest.mark.parametrize("entry_id", ["no-such-entry", "../../healthz", "<script>"])
async def test_unknown_chosen_entry_gets_no_match(kb_url, entry_id):
    tracker = make_tracker(
        "/choose_entry", intent="choose_entry", entities=[{"entity": "entry_id", "value": entry_id}]
    )
    [message] = await run_action(kb_url, tracker)
    assert message["response"] == "utter_no_match"


async def test_empty_text_gets_no_match_without_calling_search(kb_url):
    [message] = await run_action(kb_url, make_tracker("   "))
    assert message["response"] == "utter_no_match"


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def test_unreachable_kb_gets_fallback():
    [message] = await run_action(f"http://127.0.0.1:{closed_port()}", make_tracker("skattekort"))
    assert message["response"] == "utter_kb_unavailable"


async def test_hanging_kb_gets_fallback_within_the_timeout():
    # A server that accepts connections and never answers.
    release = asyncio.Event()

    async def hang(reader, writer):
        await release.wait()
        writer.close()

    server = await asyncio.start_server(hang, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    started = time.monotonic()
    try:
        [message] = await run_action(f"http://127.0.0.1:{port}", make_tracker("skattekort"), 0.5)
    finally:
        release.set()
        server.close()
        await server.wait_closed()
    assert message["response"] == "utter_kb_unavailable"
    assert time.monotonic() - started < 5


# --- the answer language follows the conversation's `lang` slot ----------------------------


async def test_nynorsk_conversation_gets_the_nynorsk_answer(kb_url):
    [message] = await run_action(kb_url, make_tracker("korleis får eg skattekort", slots={"lang": "nn"}))
    assert message["custom"]["lang"] == "nn"
    assert "answer_lang" not in message["custom"]
    assert message["text"].startswith("Bestill skattekort sjølv")


async def test_english_conversation_gets_the_english_answer(kb_url):
    [message] = await run_action(kb_url, make_tracker("how do I get a tax card", slots={"lang": "en"}))
    assert message["custom"]["lang"] == "en"
    assert message["text"].startswith("Order your tax card yourself")


async def test_missing_version_answers_in_bokmal_and_says_so_in_the_readers_language(kb_url):
    tracker = make_tracker(
        '/choose_entry{"entry_id": "fixture-borteboer"}',
        intent="choose_entry",
        entities=[{"entity": "entry_id", "value": "fixture-borteboer"}],
        slots={"lang": "nn"},
    )
    [message] = await run_action(kb_url, tracker)
    assert message["custom"]["lang"] == "nn"
    assert message["custom"]["answer_lang"] == "nb"
    note, answer = message["text"].split("\n\n")[:2]
    assert "berre på bokmål" in note
    assert answer == "Søk borteboerstipend hos Lånekassen."


async def test_clarify_options_use_the_title_in_the_conversation_language(kb_url):
    [message] = await run_action(kb_url, make_tracker("jeg trenger penger", slots={"lang": "en"}))
    assert message["custom"]["kind"] == "clarify"
    assert message["custom"]["lang"] == "en"
    titles = {option["entry_id"]: option["title"] for option in message["custom"]["options"]}
    expected = {"fixture-borteboer": "Grant for living away from home", "fixture-skattekort": "Skattekort til første jobb", "fixture-moped": "Førerkort for moped"}
    assert titles == {entry_id: expected[entry_id] for entry_id in titles}
    assert [button["title"] for button in message["buttons"]][: len(titles)] == list(titles.values())
    assert [button["title"] for button in message["buttons"]][len(titles):] == ["None of these", "Talk to an adult"]


async def test_an_unknown_slot_value_falls_back_to_bokmal(kb_url):
    [message] = await run_action(kb_url, make_tracker("hvordan får jeg skattekort", slots={"lang": "xx"}))
    assert message["custom"]["lang"] == "nb"
    assert message["text"].startswith("Bestill skattekort selv")


async def test_a_second_fallback_in_a_row_offers_a_person(kb_url):
    first = make_tracker("qwxz plokk fnurr", slots={"lang": "en"})
    [message] = await run_action(kb_url, first)
    assert message["response"] == "utter_no_match" and not message.get("buttons")

    second = make_tracker("zzkv brumm", slots={"lang": "en"})
    user_event = second.events.pop()
    second.events.extend([
        {"event": "user", "text": "qwxz plokk fnurr"},
        {"event": "bot", "text": "I don't have a good answer", "data": {"custom": {"kind": "fallback", "reason": "no_match"}}},
        user_event,
    ])
    [message] = await run_action(kb_url, second)
    assert message["response"] == "utter_no_match"
    assert message["buttons"] == [{"title": "Talk to an adult", "payload": "/request_human"}]
    assert message["custom"]["offer"] == "handoff" and message["custom"]["lang"] == "en"


# --- the conversation around a question ---------------------------------------------------


def after_bot(tracker, custom: dict):
    """`tracker` with a bot message carrying `custom` just before the latest user message."""
    user_event = tracker.events.pop()
    tracker.events.extend([{"event": "bot", "text": "...", "data": {"custom": custom}}, user_event])
    return tracker


CLARIFY = {
    "kind": "clarify",
    "options": [
        {"entry_id": "fixture-skattekort", "service": "skatteetaten", "title": "Skattekort til første jobb"},
        {"entry_id": "fixture-moped", "service": "vegvesen", "title": "Førerkort for moped"},
    ],
}


def slot_events(events: list[dict]) -> dict:
    return {e["name"]: e["value"] for e in events}


async def test_a_follow_up_is_answered_in_the_last_topic(kb_url):
    tracker = make_tracker(
        "og hvis jeg bor hjemme?",
        slots={"context_question": "når får man førerkort på moped", "context_service": "vegvesen"},
    )
    messages, events = await run_action_with_events(kb_url, tracker)
    assert messages[0]["custom"]["kind"] == "answer"
    assert messages[0]["custom"]["service"] == "vegvesen"
    assert slot_events(events)["context_service"] == "vegvesen"
    assert "og hvis jeg bor hjemme" in slot_events(events)["context_question"]


async def test_an_answer_keeps_its_question_and_service_as_context(kb_url):
    _, events = await run_action_with_events(kb_url, make_tracker("hvordan får jeg skattekort"))
    assert slot_events(events) == {"context_question": "hvordan får jeg skattekort", "context_service": "skatteetaten"}


async def test_a_correction_replaces_the_topic(kb_url):
    tracker = make_tracker(
        "nei, jeg mente skattekort", intent="deny",
        slots={"context_question": "når får man førerkort på moped", "context_service": "vegvesen"},
    )
    [message] = await run_action(kb_url, after_bot(tracker, {"kind": "answer", "service": "vegvesen"}))
    assert message["custom"]["kind"] == "answer"
    assert message["custom"]["service"] == "skatteetaten"


@pytest.mark.parametrize("text,entry_id", [("den andre", "fixture-moped"), ("nr 1", "fixture-skattekort"), ("moped", "fixture-moped")])
async def test_a_typed_choice_among_the_options(kb_url, text, entry_id):
    tracker = after_bot(make_tracker(text, intent="choose_option"), CLARIFY)
    [message] = await run_action(kb_url, tracker)
    assert message["custom"]["kind"] == "answer"
    assert message["custom"]["entry_id"] == entry_id


async def test_no_to_a_clarify_is_none_of_these_with_a_person(kb_url):
    [message] = await run_action(kb_url, after_bot(make_tracker("nei", intent="deny"), CLARIFY))
    assert message["custom"]["kind"] == "fallback"
    assert message["custom"]["reason"] == "none_of_these"
    assert {"title": "Snakk med en voksen", "payload": "/request_human"} in message["buttons"]


async def test_yes_to_a_clarify_asks_which_one(kb_url):
    [message] = await run_action(kb_url, after_bot(make_tracker("ja", intent="affirm"), CLARIFY))
    assert message["custom"]["kind"] == "clarify"
    assert [o["entry_id"] for o in message["custom"]["options"]] == ["fixture-skattekort", "fixture-moped"]


async def test_no_right_after_an_answer_offers_other_words_or_a_person(kb_url):
    tracker = after_bot(make_tracker("nei", intent="deny"), {"kind": "answer", "service": "vegvesen"})
    [message] = await run_action(kb_url, tracker)
    assert message["response"] == "utter_not_helpful"


@pytest.mark.parametrize("text", ["det hjalp ikke", "skjønte ingenting av det der", "way too complicated"])
async def test_saying_the_answer_did_not_help_gets_the_offer_of_a_person(kb_url, text):
    tracker = after_bot(make_tracker(text), {"kind": "answer", "service": "vegvesen"})
    [message] = await run_action(kb_url, tracker)
    assert message["response"] == "utter_not_helpful"


@pytest.mark.parametrize("kind", ["out_of_scope", "fallback"])
async def test_a_complaint_after_the_bot_had_no_answer_gets_the_offer_of_a_person(kb_url, kind):
    tracker = after_bot(make_tracker("that didn't help"), {"kind": kind})
    [message] = await run_action(kb_url, tracker)
    assert message["response"] == "utter_not_helpful"


async def test_a_complaint_that_is_also_a_new_question_gets_the_answer(kb_url):
    tracker = after_bot(make_tracker("skjønner ikke hvordan jeg får skattekort"), {"kind": "answer", "service": "vegvesen"})
    [message] = await run_action(kb_url, tracker)
    assert message["custom"]["kind"] == "answer" and message["custom"]["service"] == "skatteetaten"


async def test_a_complaint_that_asks_for_someone_gets_the_offer(kb_url):
    tracker = after_bot(make_tracker("dette var ikke til hjelp. finnes det en person jeg kan spørre?"), {"kind": "answer", "service": "vegvesen"})
    [message] = await run_action(kb_url, tracker)
    assert message["response"] == "utter_not_helpful"


async def test_a_complaint_with_nothing_answered_before_is_read_as_a_question(kb_url):
    [message] = await run_action(kb_url, make_tracker("det hjalp ikke"))
    assert message.get("response") != "utter_not_helpful"


@pytest.mark.parametrize("intent,response", [("affirm", "utter_handoff"), ("deny", "utter_handoff_declined")])
async def test_a_typed_yes_or_no_to_the_actions_offer_does_what_its_buttons_do(kb_url, intent, response):
    tracker = after_bot(make_tracker("ja" if intent == "affirm" else "nei", intent=intent), {"kind": "handoff_offer"})
    [message] = await run_action(kb_url, tracker)
    assert message["response"] == response


async def test_a_bare_yes_with_nothing_asked_gets_a_neutral_prompt(kb_url):
    [message] = await run_action(kb_url, make_tracker("ja", intent="affirm"))
    assert message["response"] == "utter_how_can_i_help"


async def test_a_topic_from_the_menu_lists_its_entries(kb_url):
    tracker = make_tracker(
        '/choose_topic{"topic": "jobb_penger"}', intent="choose_topic",
        entities=[{"entity": "topic", "value": "jobb_penger"}],
    )
    [message] = await run_action(kb_url, tracker)
    assert message["custom"]["kind"] == "clarify"
    assert message["custom"]["topic"] == "jobb_penger"
    services = {o["service"] for o in message["custom"]["options"]}
    assert services and services <= {"skatteetaten", "lanekassen"}
    assert message["buttons"][-1]["payload"] == "/request_human"


@pytest.mark.parametrize(("text", "intent"), [("jobb og penger", "ask_question"), ("penger", "affirm"), ("money pls", "nlu_fallback")])
async def test_a_topic_typed_after_the_menu_lists_its_entries(kb_url, text, intent):
    tracker = after_bot(make_tracker(text, intent=intent), {"kind": "topics"})
    [message] = await run_action(kb_url, tracker)
    assert (message["custom"]["kind"], message["custom"]["topic"]) == ("clarify", "jobb_penger")


async def test_a_question_after_the_menu_is_a_question(kb_url):
    tracker = after_bot(make_tracker("hvordan får jeg skattekort"), {"kind": "topics"})
    [message] = await run_action(kb_url, tracker)
    assert (message["custom"]["kind"], message["custom"]["service"]) == ("answer", "skatteetaten")


@pytest.mark.parametrize("text", ["trenger hjelp med jobb og penger", "hi i need help with money stuff"])
async def test_a_vague_request_naming_a_broad_topic_lists_that_topic(kb_url, text):
    [message] = await run_action(kb_url, make_tracker(text))
    assert message["custom"]["kind"] == "clarify" and message["custom"]["topic"] == "jobb_penger", message


async def test_an_unknown_topic_shows_the_menu_again(kb_url):
    tracker = make_tracker('/choose_topic{"topic": "xx"}', intent="choose_topic", entities=[{"entity": "topic", "value": "xx"}])
    [message] = await run_action(kb_url, tracker)
    assert message["response"] == "utter_topics"


async def test_a_question_naming_no_topic_gets_the_topic_menu_not_unrelated_options(kb_url):
    [message] = await run_action(kb_url, make_tracker("i need help with something"))
    assert message["response"] == "utter_topics"


async def test_a_bare_question_right_after_an_answer_is_not_sent_to_the_menu(kb_url):
    tracker = make_tracker("what do i do?", slots={"context_question": "do i need a tax card", "context_service": "skatteetaten"})
    [message] = await run_action(kb_url, tracker)
    assert message.get("response") != "utter_topics"


def gated(tracker, intent: str):
    """`tracker` whose latest message the small-talk gate sent on as a question (connectors.nlu_gate)."""
    tracker.latest_message["gated_intent"] = intent
    return tracker


async def test_a_gated_no_as_the_first_message_is_read_as_a_question(kb_url):
    # Nothing was asked before, so "no" means nothing: an unsure search clarifies, as any question.
    [message] = await run_action(kb_url, gated(make_tracker("jeg trenger penger"), "deny"))
    assert message["custom"]["kind"] == "clarify"


async def test_a_gated_yes_after_the_topic_menu_is_read_as_a_question(kb_url):
    # Nothing a yes could answer was asked: "it's about school, I want to complain" is a question.
    tracker = after_bot(gated(make_tracker("jeg trenger penger"), "affirm"), {"kind": "topics"})
    [message] = await run_action(kb_url, tracker)
    assert message["custom"]["kind"] == "clarify"


async def test_a_gated_no_after_an_answer_stays_a_no_when_the_search_is_unsure(kb_url):
    tracker = after_bot(gated(make_tracker("nei, jeg trenger penger"), "deny"), {"kind": "answer", "service": "vegvesen"})
    [message] = await run_action(kb_url, tracker)
    assert message["response"] == "utter_not_helpful"


async def test_a_gated_yes_or_no_with_no_yes_or_no_word_after_an_answer_is_a_question(kb_url):
    # "rus" read as a yes after an answer: nothing in it says yes, so it is a topic, not small talk.
    for text, intent in (("jeg trenger penger", "deny"), ("rus", "affirm")):
        tracker = after_bot(gated(make_tracker(text), intent), {"kind": "answer", "service": "vegvesen"})
        [message] = await run_action(kb_url, tracker)
        # not the replies to a bare yes or no ("what can I help with?", "that did not help?")
        assert message.get("response") not in ("utter_not_helpful", "utter_how_can_i_help"), (text, message)


async def test_a_yes_that_asks_for_a_person_after_an_answer_gets_the_offer_of_one(kb_url):
    for text in ("ja det er meg, vil gjerne snakke med noen", "yes its me, i want to talk to someone"):
        tracker = after_bot(make_tracker(text, intent="affirm"), {"kind": "answer", "service": "kors-pa-halsen"})
        [message] = await run_action(kb_url, tracker)
        assert message.get("response") == "utter_handoff_offer", (text, message.get("response"))
    # a plain yes after an answer is still what it was
    tracker = after_bot(make_tracker("ja takk", intent="affirm"), {"kind": "answer", "service": "kors-pa-halsen"})
    [message] = await run_action(kb_url, tracker)
    assert message.get("response") != "utter_handoff_offer"


# --- decisions on given search results (the knowledge base's ranking is not what is tested) ------


def result(entry_id: str, service: str, score: float):
    from actions.kb_client import KBResult

    return KBResult(entry_id, service, "dir", entry_id, f"Svar {entry_id}", None, score, service, "", "verified")


class RankedKB:
    """Gives the action fixed rankings: `alone` for the message, `combined` read with the context."""

    def __init__(self, alone, combined, confident=False, in_domain=None, named=()):
        self.alone, self.combined, self.confident, self.in_domain = alone, combined, confident, in_domain
        self.named = tuple(named)

    async def search(self, query, k, context=None):
        from actions.kb_client import KBSearch

        in_context = KBSearch(self.combined, False) if context else None
        return KBSearch(self.alone, self.confident, in_context, self.in_domain, self.named)


async def decide(
    alone, combined, text="what if i don't get one in time?", context=True, service="skatteetaten", intent="ask_question",
    **search,
):
    action = ActionAnswerFromKB(ActionConfig(kb_url="http://127.0.0.1:9"), kb=RankedKB(alone, combined, **search))
    slots = {"context_question": "do i need a tax card", "context_service": service} if context else {}
    tracker = make_tracker(text, intent=intent, slots=slots)
    dispatcher = CollectingDispatcher()
    await action.run(dispatcher, tracker, domain={})
    return dispatcher.messages[0]["custom"]


async def test_a_marked_follow_up_stays_on_the_topic_when_its_service_comes_close():
    custom = await decide([], [result("nav-jobb", "nav", 0.46), result("skatt-frikort", "skatteetaten", 0.43)])
    assert (custom["kind"], custom["service"]) == ("answer", "skatteetaten")


async def test_a_marked_follow_up_moves_on_when_another_service_is_far_ahead():
    custom = await decide(
        [result("nav-jobb", "nav", 0.7)], [result("nav-jobb", "nav", 0.7), result("skatt-frikort", "skatteetaten", 0.4)],
        text="what about a job at nav then?",
    )
    assert custom["service"] == "nav"


# After a school-nurse answer the follow-up read with it still ranks the school nurse first.
NURSE_FIRST = [result("nurse-secret", "skolehelsetjenesten", 0.7), result("gp-secret", "fastlege", 0.55)]


async def test_a_follow_up_that_names_another_service_is_the_same_question_to_that_one():
    custom = await decide(
        [result("gp-change", "fastlege", 0.6)], NURSE_FIRST, text="what about the fastlege", service="skolehelsetjenesten",
        named=["fastlege"],
    )
    assert (custom["entry_id"], custom["service"]) == ("gp-secret", "fastlege")


async def test_a_bare_age_stays_on_the_last_answers_service():
    custom = await decide(
        [result("gp-change", "fastlege", 0.3)], NURSE_FIRST, text="im 16 btw", service="fastlege",
    )
    assert (custom["entry_id"], custom["service"]) == ("gp-secret", "fastlege")


async def test_a_follow_up_naming_no_other_service_stays_on_the_topic():
    custom = await decide(
        [result("gp-change", "fastlege", 0.6)], NURSE_FIRST, text="what about at school", service="skolehelsetjenesten",
    )
    assert custom["service"] == "skolehelsetjenesten"


GP_FIRST = [result("gp-what", "fastlege", 0.65), result("bup-referral", "bup", 0.61), result("gp-change", "fastlege", 0.56)]


async def test_a_question_that_names_a_service_gets_its_entry_when_it_comes_close():
    custom = await decide(GP_FIRST, [], text="fastlegen vil sende meg til bup, kva skjer då", context=False, named=["bup"])
    assert (custom["kind"], custom["entry_id"]) == ("answer", "bup-referral")


async def test_a_named_service_far_behind_or_not_named_changes_nothing():
    far = [result("gp-what", "fastlege", 0.75), *GP_FIRST[1:]]
    custom = await decide(far, [], text="fastlegen vil sende meg til bup", context=False, named=["bup"])
    assert custom.get("service") != "bup"
    custom = await decide(GP_FIRST, [], text="fastlegen vil sende meg videre", context=False)
    assert custom.get("entry_id") != "bup-referral"


# A close-but-unsure ranking would answer NAV (score 0.47, lead 0.07 over the next service).
CLOSE = [result("nav-jobb", "nav", 0.47), result("udi-kontakt", "udi", 0.40)]


async def test_a_question_outside_the_catalogue_gets_the_honest_reply_not_a_service():
    custom_or_response = await decide(CLOSE, [], text="hvordan får jeg tak i elytra", context=False, in_domain=0.05)
    assert custom_or_response == {}  # utter_out_of_scope comes from the domain, not the action


async def test_inside_the_catalogue_the_same_ranking_is_answered():
    custom = await decide(CLOSE, [], text="trenger jobb", context=False, in_domain=0.8)
    assert (custom["kind"], custom["service"]) == ("answer", "nav")


async def test_a_sure_knowledge_base_answers_unless_the_domain_model_is_very_sure_it_is_outside():
    custom = await decide(CLOSE, [], text="trenger jobb", context=False, confident=True, in_domain=0.2)
    assert custom["service"] == "nav"
    custom_or_response = await decide(CLOSE, [], text="ka e ein kovalent binding", context=False, confident=True, in_domain=0.05)
    assert custom_or_response == {}  # utter_out_of_scope


async def test_a_follow_up_explained_by_the_last_topic_is_answered_even_when_it_looks_outside():
    custom = await decide([], [result("skatt-frikort", "skatteetaten", 0.5)], text="og hvis jeg er 15?", in_domain=0.05)
    assert custom["service"] == "skatteetaten"


# A bare question the knowledge base cannot place alone: NAV leads it, weakly.
UNSURE = [result("nav-jobb", "nav", 0.38), result("hfu-pris", "hfu", 0.36)]


async def test_a_bare_short_question_unclear_alone_stays_on_the_last_topic():
    custom = await decide(UNSURE, [result("nav-jobb", "nav", 0.45), result("skatt-frikort", "skatteetaten", 0.42)], text="må eg betale noko?")
    assert (custom["kind"], custom["service"]) == ("answer", "skatteetaten")


async def test_a_bare_short_question_clear_alone_is_a_new_question():
    custom = await decide(
        [result("nav-jobb", "nav", 0.8)], [result("skatt-frikort", "skatteetaten", 0.5)], text="hvordan søker jeg jobb?", confident=True,
    )
    assert custom["service"] == "nav"


async def test_a_follow_up_after_a_clarify_narrows_the_question_the_options_were_for():
    custom = await decide(UNSURE, [result("skatt-frikort", "skatteetaten", 0.7)], text="og hvis jeg er 15?", service=None)
    assert (custom["kind"], custom["service"]) == ("answer", "skatteetaten")


async def test_a_follow_up_after_a_clarify_that_stays_unclear_offers_the_narrowed_options():
    custom = await decide(
        UNSURE, [result("skatt-frikort", "skatteetaten", 0.4), result("skatt-kort", "skatteetaten", 0.39)], text="hva med kveldsjobb?", service=None,
    )
    assert custom["kind"] in ("clarify", "answer") and custom.get("service", "skatteetaten") == "skatteetaten"


@pytest.mark.parametrize(
    ("text", "kind", "response"),
    [
        # asks where to find someone: the knowledge base's options, which end with the person button
        ("is there anyone i can talk to about my job situation", "clarify", "utter_clarify"),
        # asks for a person in this chat: the offer
        ("can i talk to a real person here about my job situation", None, "utter_handoff_offer"),
    ],
)
async def test_a_wish_to_talk_is_told_apart_from_a_request_for_a_person_here(text, kind, response):
    action = ActionAnswerFromKB(ActionConfig(kb_url="http://127.0.0.1:9"), kb=RankedKB(UNSURE, [], in_domain=0.9))
    dispatcher = CollectingDispatcher()
    await action.run(dispatcher, gated(make_tracker(text), "request_human"), domain={})
    [message] = dispatcher.messages
    assert (message.get("custom") or {}).get("kind") == kind and message.get("response") == response


@pytest.mark.parametrize(("ranking", "kind"), [
    # two of the best three from the top service, the top above the majority score: answered
    ([result("vilbli-frist", "vilbli", 0.47), result("lanekassen-frist", "lanekassen", 0.46), result("vilbli-vigo", "vilbli", 0.44)], "answer"),
    # the same shape below the majority score: options
    ([result("vilbli-frist", "vilbli", 0.43), result("lanekassen-frist", "lanekassen", 0.42), result("vilbli-vigo", "vilbli", 0.40)], "clarify"),
    # the top service holds only one of the three: options
    ([result("vilbli-frist", "vilbli", 0.47), result("lanekassen-frist", "lanekassen", 0.46), result("nav-jobb", "nav", 0.44)], "clarify"),
])
async def test_an_answer_when_most_of_the_best_results_agree_on_the_service(ranking, kind):
    custom = await decide(ranking, [], text="når er fristen", context=False, in_domain=0.95)
    assert custom["kind"] == kind


async def test_agreeing_results_are_not_enough_for_a_question_near_the_edge_of_the_catalogue():
    ranking = [result("vilbli-frist", "vilbli", 0.47), result("lanekassen-frist", "lanekassen", 0.46), result("vilbli-vigo", "vilbli", 0.44)]
    custom = await decide(ranking, [], text="når er fristen", context=False, in_domain=0.6)
    assert custom["kind"] == "clarify"


async def test_a_correction_does_not_count_the_last_answers_service_as_competition():
    # "no I meant my regular doctor" after a legevakt answer: legevakt close behind is what was not meant.
    ranking = [result("fastlege-bytte", "fastlege", 0.45), result("legevakt-ringe", "legevakt", 0.44), result("frikort", "frikort-helse", 0.36)]
    custom = await decide(ranking, [], text="no I meant my regular doctor", service="legevakt", in_domain=0.6)
    assert (custom["kind"], custom["service"]) == ("answer", "fastlege")


async def test_without_a_correction_the_same_ranking_clarifies():
    ranking = [result("fastlege-bytte", "fastlege", 0.45), result("legevakt-ringe", "legevakt", 0.44), result("frikort", "frikort-helse", 0.36)]
    custom = await decide(ranking, [], text="my regular doctor", service="legevakt", context=False, in_domain=0.6)
    assert custom["kind"] == "clarify"


@pytest.mark.parametrize(("ranking", "in_domain", "kind"), [
    ([result("rusinfo-fest", "rusinfo", 0.58), result("barsnakk", "barsnakk", 0.55), result("rusinfo-press", "rusinfo", 0.54)], 0.99, "answer"),
    ([result("rusinfo-fest", "rusinfo", 0.58), result("barsnakk", "barsnakk", 0.55), result("rusinfo-press", "rusinfo", 0.54)], 0.6, None),
    # well inside by the domain model but unsure: no options (it finds idioms and jokes inside too)
    ([result("rusinfo-fest", "rusinfo", 0.44), result("barsnakk", "barsnakk", 0.43)], 0.99, None),
])
async def test_the_nlus_out_of_scope_gives_way_only_to_a_sure_answer(ranking, in_domain, kind):
    custom = await decide(ranking, [], text="kor mykje kan ein drikke", context=False, intent="out_of_scope", in_domain=in_domain)
    assert custom.get("kind") == kind  # None: utter_out_of_scope, from the domain


@pytest.mark.parametrize("text,response", [("nei, trengs ikke likevel", "utter_handoff_declined"), ("ja det hadde vært fint", "utter_handoff")])
async def test_a_yes_or_no_the_nlu_missed_after_the_offer_of_a_person_does_what_its_buttons_do(kb_url, text, response):
    tracker = after_bot(make_tracker(text), {"kind": "handoff_offer"})
    [message] = await run_action(kb_url, tracker)
    assert message["response"] == response


async def test_after_a_language_switch_the_last_answer_comes_again_in_the_new_language(kb_url):
    tracker = after_bot(
        make_tracker("can you answer in english", intent="switch_language", slots={"lang": "en"}),
        {"kind": "answer", "service": "skatteetaten", "entry_id": "fixture-skattekort"},
    )
    [message] = await run_action(kb_url, tracker)
    assert message["custom"]["kind"] == "answer" and message["custom"]["entry_id"] == "fixture-skattekort"
    assert message["custom"]["lang"] == "en"


async def test_a_language_switch_with_no_answer_before_it_adds_nothing(kb_url):
    tracker = after_bot(make_tracker("english please", intent="switch_language", slots={"lang": "en"}), {"kind": "smalltalk"})
    assert await run_action(kb_url, tracker) == []


async def test_a_gated_out_of_scope_the_knowledge_base_is_sure_of_is_answered():
    action = ActionAnswerFromKB(ActionConfig(kb_url="http://127.0.0.1:9"), kb=RankedKB(CLOSE, [], confident=True, in_domain=0.7))
    dispatcher = CollectingDispatcher()
    await action.run(dispatcher, gated(make_tracker("kan eg angre kjøpet av mobilen?"), "out_of_scope"), domain={})
    [message] = dispatcher.messages
    assert message["custom"]["kind"] == "answer"


@pytest.mark.parametrize(("top", "response"), [(0.45, "utter_clarify"), (0.33, "utter_no_match")])
async def test_options_need_something_close(top, response):
    action = ActionAnswerFromKB(ActionConfig(kb_url="http://127.0.0.1:9"), kb=RankedKB([result("arbeid-alder", "arbeidstilsynet", top), result("nav-jobb", "nav", top - 0.01)], [], in_domain=0.7))
    dispatcher = CollectingDispatcher()
    await action.run(dispatcher, make_tracker("hva er newtons tredje lov"), domain={})
    [message] = dispatcher.messages
    assert message["response"] == response


async def test_a_single_service_among_all_results_is_answered_not_offered():
    custom = await decide([result("rus-cannabis", "rusinfo", 0.39)], [], text="is weed really that dangerous", context=False, in_domain=0.9)
    assert (custom["kind"], custom["service"]) == ("answer", "rusinfo")
    custom = await decide(
        [result("rus-cannabis", "rusinfo", 0.39), result("nav-jobb", "nav", 0.385)], [], text="is weed dangerous", context=False,
        in_domain=0.9,
    )
    assert custom["kind"] == "clarify"


async def test_a_no_with_more_words_after_the_check_in_is_a_no_to_it(kb_url):
    tracker = after_bot(make_tracker("nei det går fint, bare en dårlig dag", intent="deny"), {"kind": "check_in"})
    [message] = await run_action(kb_url, tracker)
    assert message["response"] == "utter_check_in_declined"


async def test_a_correction_is_not_judged_outside_by_its_words_alone():
    custom = await decide(
        [result("gp-change", "fastlege", 0.5), result("legevakt-natt", "legevakt", 0.42)], [],
        text="no I meant my regular doctor, I want to switch to a new one", service="frikort-helse", in_domain=0.16,
    )
    assert (custom["kind"], custom["service"]) == ("answer", "fastlege")


async def test_a_question_with_a_request_for_a_language_is_searched_without_the_request(kb_url):
    # (the request's words alone find nothing: only the rest can give this answer)
    tracker = make_tracker("can you answer in english please", slots={"lang": "en"})
    tracker.latest_message["without_language_request"] = "hvordan får jeg skattekort"
    [message] = await run_action(kb_url, tracker)
    assert (message["custom"]["kind"], message["custom"]["service"]) == ("answer", "skatteetaten")


# "Kors på halsen" first, a helpline for all ages close behind: for a 22-year-old the first does not apply.
TALK_FIRST = [
    result("kph-chat", "kors-pa-halsen", 0.72), result("kph-phone", "kors-pa-halsen", 0.7),
    result("mh-phone", "mental-helse", 0.6),
]


async def test_a_service_the_writers_stated_age_is_outside_is_left_out():
    custom = await decide(TALK_FIRST, [], text="trenger noen å prate med, er 22", context=False, confident=True)
    assert custom["service"] == "mental-helse"
    under_18 = await decide(TALK_FIRST, [], text="trenger noen å prate med, er 15", context=False, confident=True)
    assert under_18["service"] == "kors-pa-halsen"


async def test_an_age_that_leaves_no_service_changes_nothing():
    only = [result("kph-chat", "kors-pa-halsen", 0.72)]
    custom = await decide(only, [], text="trenger noen å prate med, er 22", context=False, confident=True)
    assert custom["service"] == "kors-pa-halsen"


async def test_a_need_for_help_naming_no_topic_gets_the_topic_menu_even_when_the_knowledge_base_is_sure():
    action = ActionAnswerFromKB(ActionConfig(kb_url="http://127.0.0.1:9"), kb=RankedKB([result("elevombud-what", "elevombud", 0.9)], [], confident=True))
    tracker = make_tracker("need help with something", intent="ask_question")
    tracker.latest_message["gated_intent"] = "need_help"
    dispatcher = CollectingDispatcher()
    await action.run(dispatcher, tracker, domain={})
    assert dispatcher.messages[0]["response"] == "utter_topics"


class NameAwareKB:
    """Only Kors på halsen while the question names it; a helpline for all ages once it does not."""

    def __init__(self):
        self.queries = []

    async def search(self, query, k, context=None):
        from actions.kb_client import KBSearch

        self.queries.append(query)
        if "halsen" in query.lower():
            return KBSearch([result("kph-chat", "kors-pa-halsen", 0.7), result("kph-phone", "kors-pa-halsen", 0.65)], True)
        return KBSearch([result("mh-phone", "mental-helse", 0.7), result("kirkens-sos-ringe", "kirkens-sos", 0.6)], True)


async def test_a_service_the_message_names_and_rules_out_by_age_is_searched_for_without_its_name():
    kb = NameAwareKB()
    action = ActionAnswerFromKB(ActionConfig(kb_url="http://127.0.0.1:9"), kb=kb)
    tracker = make_tracker("trenger noen å prate med, er 22 så korspåhalsen gjelder vel ikke meg", intent="ask_question")
    dispatcher = CollectingDispatcher()
    await action.run(dispatcher, tracker, domain={})
    assert dispatcher.messages[0]["custom"]["service"] == "mental-helse"
    assert "halsen" not in kb.queries[-1]


async def test_a_sure_knowledge_base_with_another_service_a_hair_behind_gets_a_clarify():
    # Which service is a coin toss when another's entry trails the top by under `sure_min_lead`.
    close = [result("frikort-helse-tak", "frikort-helse", 0.73), result("frikort-skatt", "skatteetaten", 0.725)]
    custom = await decide(close, [], text="frikort grense i år", context=False, confident=True)
    assert custom["kind"] == "clarify"
    assert {o["entry_id"] for o in custom["options"]} >= {"frikort-helse-tak"}
    apart = [result("frikort-helse-tak", "frikort-helse", 0.73), result("frikort-skatt", "skatteetaten", 0.70)]
    custom = await decide(apart, [], text="frikort grense i år", context=False, confident=True)
    assert (custom["kind"], custom["service"]) == ("answer", "frikort-helse")
