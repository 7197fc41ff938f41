"""End to end: the real processes, a real Redis, and the REST webhook, as `make run` starts them.

One stack serves the module. The tests run in file order and the last ones take the stack apart
one piece at a time (knowledge base, action server, Redis), as the fault cases require.
"""

from __future__ import annotations

import json
import time
import urllib.request

import pytest

from support.processes import add_caseworker, redis_cli

pytestmark = pytest.mark.e2e


def post_message(stack_config, sender: str, message: str, metadata: dict | None = None) -> list[dict]:
    body = {"sender": sender, "message": message}
    if metadata is not None:
        body["metadata"] = metadata
    request = urllib.request.Request(
        stack_config.urls()["rest"],
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as reply:
        assert reply.status == 200
        return json.loads(reply.read())


def payloads(messages: list[dict]) -> list[dict]:
    return [message["custom"] for message in messages if "custom" in message]


def test_the_nlu_is_warmed_up_after_start(running_stack):
    rasa_log = running_stack.processes["rasa"].log_path
    deadline = time.monotonic() + 30
    while "NLU warmed up" not in rasa_log.read_text(errors="replace"):
        assert time.monotonic() < deadline, "Rasa did not log its NLU warm-up"
        time.sleep(0.5)


def test_tax_card_question_is_routed_to_skatteetaten(running_stack):
    messages = post_message(running_stack.config, "e2e-tax", "hvordan får jeg skattekort")
    answers = [p for p in payloads(messages) if p["kind"] == "answer"]
    assert answers, messages
    assert answers[0]["service"] == "skatteetaten"
    assert answers[0]["entry_id"]
    assert answers[0]["lang"] == "nb"
    assert "skatteetaten.no" in messages[0]["text"]


def test_conversation_is_stored_in_redis_and_expires(running_stack):
    post_message(running_stack.config, "e2e-ttl", "hei")
    keys = redis_cli(running_stack, "--scan", "--pattern", "*e2e-ttl*").split()
    assert keys, "the tracker was not stored in Redis"
    ttl = int(redis_cli(running_stack, "ttl", keys[0]))
    assert 0 < ttl <= 600


def test_every_bot_message_carries_kind_and_lang(running_stack):
    for text in ["hei", "er du en robot?", "kan jeg snakke med et menneske", "ha det"]:
        messages = post_message(running_stack.config, "e2e-kinds", text)
        assert messages, f"silence for {text!r}"
        for payload in payloads(messages):
            assert payload["kind"] and payload["lang"] == "nb"
        assert len(payloads(messages)) == len(messages)


def widget_post(stack_config, path: str, body: dict) -> dict:
    base = stack_config.urls()["widget_demo"].rsplit("/", 1)[0]
    request = urllib.request.Request(base + path, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as reply:
        return json.loads(reply.read())


@pytest.mark.parametrize("yes", ["ja", "ja takk", "jepp", "yes please", "ja, gjerne"])
def test_a_typed_yes_after_the_offer_gives_the_referral_over_rest(running_stack, yes):
    sender = f"e2e-yes-{yes.replace(' ', '-').replace(',', '')}"
    [offer] = payloads(post_message(running_stack.config, sender, "kan jeg snakke med et menneske"))
    assert offer["kind"] == "handoff_offer"
    replies = payloads(post_message(running_stack.config, sender, yes))
    assert [p["kind"] for p in replies] == ["referral"], replies


def test_a_typed_yes_after_the_crisis_answer_gives_the_referral_over_rest(running_stack):
    assert_crisis_answer(post_message(running_stack.config, "e2e-crisis-yes", "jeg vil ikke leve lenger"))
    replies = payloads(post_message(running_stack.config, "e2e-crisis-yes", "ja"))
    # One short line that takes the yes seriously (the crisis answer's category), then who answers now.
    assert [p["kind"] for p in replies] == ["crisis", "referral"], replies
    assert replies[0]["category"] == "suicide" and replies[0]["priority"] == "urgent"


def test_every_entry_answered_in_every_language_gives_a_next_step(running_stack):
    """No dead ends: each of the knowledge base's entries, as the bot would answer it, carries a
    link, a phone number or a button to a person (services without a site of their own too)."""
    from pathlib import Path

    import yaml
    from actions.kb_client import KBResult
    from actions.replies import answer_reply, has_next_step

    base = running_stack.config.urls()["kb"].rsplit("/", 1)[0]
    content = Path(__file__).resolve().parents[2] / "knowledge_base" / "content"
    ids = [entry["id"] for path in sorted(content.glob("*.yml"))
           for entry in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("entries") or []]
    assert len(ids) > 300
    dead_ends = []
    for entry_id in ids:
        with urllib.request.urlopen(f"{base}/v1/entries/{entry_id}", timeout=10) as reply:
            result = KBResult.from_json(json.loads(reply.read()))
        for lang in ("nb", "nn", "en"):
            answer = answer_reply(result, lang)
            if not has_next_step(answer.text, result.url, answer.buttons):
                dead_ends.append((entry_id, lang))
    assert not dead_ends


def test_a_typed_yes_after_the_offer_opens_a_ticket_in_the_widget(running_stack):
    add_caseworker(running_stack, "e2e-kari", "ungdomsveiledning", "a-long-enough-password-1")
    config = running_stack.config
    session = widget_post(config, "/session", {})["session"]
    offer = widget_post(config, "/message", {"session": session, "message": "kan jeg få snakke med en voksen", "client_id": "e2e-ja-1"})
    assert offer["messages"][-1]["custom"]["kind"] == "handoff_offer"
    confirmed = widget_post(config, "/message", {"session": session, "message": "ja takk", "client_id": "e2e-ja-2"})
    [handoff] = [m["custom"] for m in confirmed["messages"] if m["custom"]["kind"] == "handoff"]
    assert handoff["ticket"], confirmed
    assert redis_cli(running_stack, "exists", f"uv:handoff:ticket:{handoff['ticket']}").strip() == "1"


def test_a_bare_yes_with_nothing_asked_gets_a_neutral_prompt(running_stack):
    [reply] = post_message(running_stack.config, "e2e-bare-yes", "ja")
    assert reply["custom"]["kind"] == "smalltalk"
    assert not reply["text"].startswith("Så bra")


@pytest.mark.parametrize("text,kind", [("😢", "check_in"), ("🆘", "check_in"), ("🙂", "fallback")])
def test_messages_without_words(running_stack, text, kind):
    [reply] = payloads(post_message(running_stack.config, f"e2e-nowords-{kind}-{len(text)}", text))
    assert reply["kind"] == kind


def test_a_yes_to_the_check_in_is_taken_seriously_and_refers_to_a_person(running_stack):
    """A yes to the sad check-in is about them: a crisis answer (urgent, `distress`), then who to
    reach now (REST has no live handoff)."""
    config = running_stack.config
    [check_in] = payloads(post_message(config, "e2e-check-in-yes", "😢"))
    assert check_in["kind"] == "check_in"
    replies = payloads(post_message(config, "e2e-check-in-yes", "ja"))
    assert [r["kind"] for r in replies] == ["crisis", "referral"], replies
    assert replies[0]["category"] == "distress" and replies[0]["priority"] == "urgent"


@pytest.mark.parametrize("text", ["hvilken chat er åpen nå?", "who can i talk to right now, any chat open?"])
def test_asking_who_is_open_now_gets_the_chat_network(running_stack, text):
    [reply] = post_message(running_stack.config, f"e2e-network-{len(text)}", text)
    assert reply["custom"]["kind"] == "network", reply
    assert "116 123" in reply["text"] and "113" in reply["text"]
    assert reply["buttons"][-1]["payload"] == "/request_human"


def test_a_follow_up_stays_in_the_topic(running_stack):
    config = running_stack.config
    first, _ = answer_after_clarifying(config, "e2e-follow", "hvor gammel må man være for å kjøre moped")
    assert first["service"] == "vegvesen"
    [reply] = payloads(post_message(config, "e2e-follow", "hva med bil da"))
    assert reply["kind"] == "answer" and reply["service"] == "vegvesen", reply


def kb_entry(stack_config, entry_id: str) -> dict:
    url = f"http://{stack_config.local}:{stack_config.ports['kb']}/v1/entries/{entry_id}"
    with urllib.request.urlopen(url, timeout=10) as reply:
        return json.loads(reply.read())


def answer_after_clarifying(stack_config, sender: str, question: str) -> tuple[dict, str]:
    """Ask; if the bot clarifies, pick its first option. Returns the answer payload and text."""
    [message] = post_message(stack_config, sender, question)
    if message["custom"]["kind"] == "clarify":
        [message] = post_message(stack_config, sender, message["buttons"][0]["payload"])
    assert message["custom"]["kind"] == "answer", message
    return message["custom"], message["text"]


def test_nynorsk_question_gets_the_nynorsk_answer_and_the_language_sticks(running_stack):
    config = running_stack.config
    payload, text = answer_after_clarifying(config, "e2e-nn", "korleis søkjer eg stipend")
    assert payload["lang"] == "nn" and payload["service"] == "lanekassen"
    assert kb_entry(config, payload["entry_id"])["answer_nn"].strip() in text
    # "takk" says nothing about its language: the conversation stays in nynorsk.
    [thanks] = post_message(config, "e2e-nn", "takk")
    assert thanks["custom"]["lang"] == "nn"
    assert "Berre hyggeleg" in thanks["text"]


def test_english_question_gets_the_english_answer(running_stack):
    config = running_stack.config
    payload, text = answer_after_clarifying(config, "e2e-en", "how do I get a tax card")
    assert payload["lang"] == "en" and payload["service"] == "skatteetaten"
    assert kb_entry(config, payload["entry_id"])["answer_en"].strip() in text


def test_asking_to_switch_language_switches_and_confirms(running_stack):
    config = running_stack.config
    post_message(config, "e2e-switch", "hei")
    [confirmation] = post_message(config, "e2e-switch", "kan du svare på engelsk?")
    assert confirmation["custom"] == {"kind": "language", "lang": "en"}
    [greeting] = post_message(config, "e2e-switch", "hei")
    assert greeting["custom"]["lang"] == "en"


def test_the_widget_language_option_sets_the_language(running_stack):
    [greeting] = post_message(running_stack.config, "e2e-widget-lang", "hei", metadata={"lang": "nn"})
    assert greeting["custom"]["lang"] == "nn"
    assert greeting["text"].startswith("Hei! Eg er")


def test_another_language_gets_english_and_bokmal_and_a_person(running_stack):
    [message] = post_message(running_stack.config, "e2e-other", "мені потрібна допомога")
    assert message["custom"]["kind"] == "other_language"
    assert message["custom"]["service"] == "imdi"
    assert "Sorry" in message["text"] and "Beklager" in message["text"]
    assert [b["payload"] for b in message["buttons"]] == ["/request_human"]


def test_crisis_in_english_gets_the_english_crisis_answer(running_stack):
    [message] = post_message(running_stack.config, "e2e-crisis-en", "I want to kill myself")
    assert message["custom"]["kind"] == "crisis"
    assert message["custom"]["lang"] == "en"


CRISIS = "jeg orker ikke mer, vil ikke leve lenger"


def assert_crisis_answer(messages: list[dict], category: str = "suicide") -> None:
    assert messages, "silence"
    first = messages[0]
    assert first["custom"]["kind"] == "crisis", messages
    assert first["custom"]["category"] == category
    for number in ("113", "116 123", "116 111", "800 33 321"):
        assert number in first["text"]


def test_crisis_gets_the_crisis_answer_and_marks_the_conversation(running_stack):
    messages = post_message(running_stack.config, "e2e-crisis", CRISIS)
    assert_crisis_answer(messages)
    assert len(messages) == 1  # the bot's own answer, not the guard's on top of another one
    key = redis_cli(running_stack, "--scan", "--pattern", "*e2e-crisis*").split()[0]
    tracker = json.loads(redis_cli(running_stack, "get", key))
    slots = [e for e in tracker["events"] if e.get("event") == "slot" and e.get("name") == "crisis_category"]
    assert slots and slots[-1]["value"] == "suicide"


def test_third_person_worry_gets_the_friend_variant(running_stack):
    messages = post_message(running_stack.config, "e2e-friend", "jeg tror vennen min vil ta livet sitt")
    assert_crisis_answer(messages)
    assert messages[0]["custom"]["subject"] == "other"


def test_with_the_kb_killed_a_question_gets_the_fallback(running_stack):
    running_stack.processes["kb"].kill()
    messages = post_message(running_stack.config, "e2e-kb-down", "hvordan søker jeg borteboerstipend")
    kinds = [p["kind"] for p in payloads(messages)]
    assert kinds == ["fallback"], messages
    assert "116 123" in messages[0]["text"]
    assert "ung.no" in messages[0]["text"]


def test_with_the_kb_killed_a_crisis_still_gets_the_crisis_answer(running_stack):
    assert not running_stack.processes["kb"].running
    assert_crisis_answer(post_message(running_stack.config, "e2e-crisis-kb", CRISIS))


def test_with_the_action_server_killed_a_crisis_still_gets_the_crisis_answer(running_stack):
    running_stack.processes["actions"].kill()
    assert_crisis_answer(post_message(running_stack.config, "e2e-crisis-actions", CRISIS))


def test_with_the_action_server_killed_a_question_gets_a_helpful_fallback(running_stack):
    assert not running_stack.processes["actions"].running
    messages = post_message(running_stack.config, "e2e-actions-down", "hvordan får jeg skattekort")
    assert [m["custom"]["kind"] for m in messages] == ["fallback"], messages
    assert "116 123" in messages[0]["text"]


def test_with_redis_stopped_a_crisis_still_gets_the_crisis_answer(running_stack):
    running_stack.redis.stop()
    assert_crisis_answer(
        post_message(running_stack.config, "e2e-crisis-redis", "pappa slår mamma nå"), "violence_home"
    )
    # And an ordinary question gets a helpful fallback, not a 500 and not silence.
    messages = post_message(running_stack.config, "e2e-redis-question", "hvordan får jeg skattekort")
    assert [m["custom"]["kind"] for m in messages] == ["fallback"]
