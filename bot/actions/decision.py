"""The answer decision for one message: read the knowledge base's results (with the last topic,
when there is one) and choose an answer, options, out of scope or no match.

`Decider.reply(question, context, lang, offer_human)` returns a `Reply` and the new `Context`
(`KEEP`: leave it as it was), or None when asked for sure answers only and none is sure. Raises
`KBUnavailable` when the knowledge base cannot be reached (the action turns it into its reply).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rasa_sdk.events import SlotSet

from common.ages import stated_age

from .age_fit import AgeFit
from .config import ActionConfig
from .context import age, refers_back, short_question, strong_follow_up
from .kb_client import KBClient, KBResult, KBSearch
from .replies import Reply, answer_reply, clarify_reply, no_match_reply, related_results
from .topics import Topics

# The longest question kept as context for follow-ups, in words (the newest words are kept).
CONTEXT_WORDS = 30


@dataclass(frozen=True)
class Context:
    """What the last answer was about: the question (with any follow-up) and its service."""

    question: str | None = None
    service: str | None = None

    def events(self) -> list[dict[str, Any]]:
        words = (self.question or "").split()[-CONTEXT_WORDS:]
        return [SlotSet("context_question", " ".join(words) or None), SlotSet("context_service", self.service)]


KEEP = None  # a reply that leaves the context as it was


class Decider:
    """Chooses the reply to a question from knowledge-base searches; the thresholds are
    `ActionConfig`'s (scores are the knowledge base's, 0-1)."""

    def __init__(self, config: ActionConfig, kb: KBClient, topics: Topics, ages: AgeFit) -> None:
        self._config = config
        self._kb = kb
        self._topics = topics
        self._ages = ages

    def confident(self, search: KBSearch) -> bool:
        """Whether `search`'s best result is answered without options."""
        if not search.results:
            return False
        top = search.results[0]
        others = [r.score for r in search.results[1:] if r.service != top.service]
        lead = top.score - (others[0] if others else 0.0)
        if search.confident:
            # The knowledge base is sure of the entry, but another service's entry is as close as
            # makes no difference: which service is a coin toss, so the young person chooses.
            return lead >= self._config.sure_min_lead
        if top.score >= self._config.answer_score and lead >= self._config.answer_lead:
            return True
        # Most of the best three results are entries of the top service, well inside the catalogue.
        best_three = [r.service for r in search.results[:3]]
        inside = search.in_domain is None or search.in_domain >= self._config.answer_majority_in_domain
        return inside and top.score >= self._config.answer_majority_score and best_three.count(top.service) >= 2

    def _named_pick(self, search: KBSearch) -> KBResult | None:
        """The best result of the one service the question names, when another service's entry
        tops it by at most `named_service_margin` ("fastlegen vil sende meg til bup, kva skjer
        då": a fastlege entry first, BUP's close behind); else None."""
        if len(search.named) != 1 or not search.results or search.results[0].service == search.named[0]:
            return None
        pick = next((r for r in search.results if r.service == search.named[0]), None)
        if pick is None or pick.score < self._config.clarify_min_score:
            return None
        return pick if search.results[0].score - pick.score <= self._config.named_service_margin else None

    def answer(self, results: list[KBResult], lang: str, question: str) -> tuple[Reply, Context]:
        related = related_results(results, self._config.related_options, self._config.related_min_share)
        return answer_reply(results[0], lang, related), Context(question, results[0].service)

    def _answer_first(self, pick: KBResult, results: list[KBResult], lang: str, question: str) -> tuple[Reply, Context]:
        """The answer from `pick`, the other results after it (for the related entries)."""
        return self.answer([pick, *(r for r in results if r is not pick)], lang, question)

    def _clarify(self, results: list[KBResult], lang: str, question: str) -> tuple[Reply, Context]:
        """Options from one plausible topic: the best result and others related to its service.
        When several are all of one service, the choice says nothing the answer would not: answer."""
        top = results[0]
        options = [top] + [r for r in results[1:] if self._topics.related(top.service, r.service)]
        options = options[: self._config.clarify_options]
        if len(options) > 1 and len({o.service for o in options}) == 1 and top.score >= self._config.follow_up_score:
            return self.answer(results, lang, question)
        if len({r.service for r in results}) == 1 and top.score >= self._config.follow_up_score:
            # Everything close enough to show is from one service ("is weed really that dangerous":
            # one entry cleared the knowledge base's floor): a clarify of it would say nothing more.
            return self.answer(results, lang, question)
        return clarify_reply(options, self._config.clarify_options, lang), Context(question, None)

    async def reply(
        self, question: str, context: Context, lang: str, offer_human: bool,
        *, corrected: bool = False, out_of_scope: bool = False, only_sure: bool = False,
    ) -> tuple[Reply, Context | None] | None:
        """Search the message; with a last topic, also the last question and the message together.

        A marked follow-up ("og hvis ...", a bare age) is answered from the combined search when
        that finds the last answer's service. An unmarked or pronoun-only message ("hva er
        nummeret deres") is read in context only when it is not clear on its own; if it has no
        pronoun to point back, it must also point to that service among its own results. A
        correction replaces the topic: the message alone first, then the combined search.
        """
        k = self._config.search_k
        # One request: the message alone and, with a last topic, read as its follow-up. After a
        # clarify or a topic menu the last question is kept without a service.
        with_context = bool(context.question)
        alone = await self._kb.search(question, k, context.question if with_context else None)
        writer_age = stated_age(question) or (stated_age(context.question) if with_context else None)
        if self._ages.rules_out_all(alone, writer_age):
            # "er 22, så Kors på halsen gjelder vel ikke meg": every result is the service the
            # message names and rules out; asked again without its name, others can come up.
            unnamed = self._ages.without_names(question, {r.service for r in alone.results})
            if unnamed != question:
                alone = await self._kb.search(unnamed, k, context.question if with_context else None)
        alone = self._ages.fit(alone, writer_age)
        # Outside the catalogue by the domain model, and the knowledge base not sure (or the model
        # very sure it is outside): no service is named (unless the last topic explains the
        # message, below). Not for a correction ("no I meant my regular doctor"): it continues a
        # conversation inside the catalogue, and its words alone are no measure of that.
        outside = not corrected and alone.in_domain is not None and (
            alone.in_domain < self._config.outside_even_if_sure_below
            or (not alone.confident and alone.in_domain < self._config.outside_below)
        )
        confident_alone = self.confident(alone) and not outside
        if corrected and confident_alone:
            return self.answer(alone.results, lang, question)
        if corrected and context.service and alone.results and alone.results[0].service != context.service:
            # "No, I meant ...": the last answer's service is what was not meant, so it is no
            # competition for the best other one.
            rest = KBSearch([r for r in alone.results if r.service != context.service], False, None, alone.in_domain)
            if self.confident(rest) and not outside:
                return self.answer(rest.results, lang, question)
        strong = strong_follow_up(question)
        # A pronoun pointing back, or a bare question of a few words the knowledge base cannot
        # place alone ("må eg betale noko?"): a weak sign of a follow-up.
        alone_top = alone.results[0].score if alone.results else 0.0
        # An unmarked message that is clear on its own is a new question, unless it is only a
        # little clear and the last topic explains it much better ("hvor langt unna må skolen
        # være" after a borteboerstipend answer): then the combined search must win by a margin.
        implicit = confident_alone and alone_top < self._config.implicit_follow_up_below
        weak = refers_back(question) or (short_question(question) and (not confident_alone or implicit))
        if with_context and not context.service and alone.in_context is not None and (strong or weak or corrected):
            # After a clarify: the follow-up, or a correction ("no, I meant the one about drugs"),
            # narrows the question the options were for.
            combined = alone.in_context
            if not confident_alone and self.confident(combined):
                return self.answer(combined.results, lang, f"{context.question} {question}")
            if not confident_alone and combined.results and not outside and not only_sure:
                return self._clarify(combined.results, lang, f"{context.question} {question}")
        with_context = with_context and bool(context.service)
        if with_context and alone.in_context is not None and (strong or corrected or not confident_alone or implicit):
            combined_question = f"{context.question} {question}"
            combined = alone.in_context
            top = combined.results[0] if combined.results else None
            same_service = (
                top is not None and top.service == context.service and top.score >= self._config.follow_up_score
            )
            on_its_own = any(r.service == context.service for r in alone.results)
            if corrected and top is not None and top.service != context.service and self.confident(combined):
                return self.answer(combined.results, lang, combined_question)
            if age(question) is not None and not corrected:
                # A bare age ("im 16 btw") adds nothing about the topic: the last answer's service,
                # its best entry read with the age.
                stay = next((r for r in combined.results if r.service == context.service), None)
                if stay is not None and stay.score >= self._config.follow_up_score:
                    return self._answer_first(stay, combined.results, lang, combined_question)
            named = [service for service in alone.named if service != context.service]
            if named and (strong or weak) and not corrected:
                # "hva med fastlegen?" after an answer from the school nurse: the same question, put
                # to the service it names (its best entry read with the last question, else alone).
                pick = next((r for r in combined.results if r.service == named[0]), None)
                pick = pick or next((r for r in alone.results if r.service == named[0]), None)
                if pick is not None and pick.score >= self._config.follow_up_score:
                    return self._answer_first(pick, combined.results, lang, combined_question)
            if not corrected and same_service:
                if strong or weak or (not confident_alone and on_its_own):
                    return self.answer(combined.results, lang, combined_question)
            if (strong or (weak and not confident_alone)) and not corrected and top is not None and not same_service:
                # A marked follow-up ("what if ...", "og hvis ...") or a bare question that is not
                # clear alone stays on the last topic when an entry of its service comes close to
                # the best result.
                stay = next((r for r in combined.results if r.service == context.service), None)
                if (
                    stay is not None
                    and stay.score >= self._config.follow_up_score
                    and stay.score >= top.score - self._config.follow_up_stay_margin
                ):
                    return self._answer_first(stay, combined.results, lang, combined_question)
                if strong and top.score >= alone_top + self._config.implicit_follow_up_margin:
                    return self.answer(combined.results, lang, combined_question)
        # The young person named the service: its entry, when it is close behind the top.
        pick = self._named_pick(alone)
        if pick is not None and not outside and not (only_sure and pick.score < self._config.answer_score):
            return self._answer_first(pick, alone.results, lang, question)
        # Outside the catalogue with something found (with nothing at all, no-match says the same).
        # The NLU's out-of-scope gives way when the knowledge base is sure ("kva gjer barnevernet
        # eigentleg" read as out of scope), not for options: the domain model finds idioms and
        # jokes "inside" too ("jeg døde av latter i timen"), and unrelated options cost more there.
        if (out_of_scope and not confident_alone) or (outside and alone.results and not only_sure):
            return Reply(response="utter_out_of_scope"), KEEP
        if only_sure and not confident_alone:
            return None
        if confident_alone:
            return self.answer(alone.results, lang, question)
        if alone.results and alone.results[0].score >= self._config.clarify_min_score:
            return self._clarify(alone.results, lang, question)
        # Nothing close: options would be unrelated entries ("hva er newtons tredje lov").
        return no_match_reply(offer_human, lang), KEEP

    async def sure_of(self, text: str, lang: str) -> tuple[Reply, Context | None] | None:
        """The answer to `text` read as a new question when the knowledge base is sure of it, else None."""
        return await self.reply(text, Context(), lang, False, only_sure=True)
