"""The lexicon on its own: the phrases the issue names, idioms, categories and worried friends."""

from __future__ import annotations

import pytest

from connectors.crisis import detect
from connectors.crisis.detector import has_risk_words, normalise


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("kutta meg igjen i natt", "self_harm"),
        ("jeg vil ikke leve lenger", "suicide"),
        ("vil ikke leve", "suicide"),
        ("kill myself", "suicide"),
        ("kms", "suicide"),
        ("eg vil ikkje leve meir", "suicide"),
        ("I want to end my life", "suicide"),
        ("tar jeg livet av meg", "suicide"),
        ("pappa slår mamma nå", "violence_home"),
        ("stefaren min banker meg", "violence_home"),
        ("onkelen min tar på meg når jeg ikke vil", "sexual_abuse"),
        ("jeg ble voldtatt på fest", "sexual_abuse"),
        ("han står utenfor døra og truer meg", "acute_danger"),
        ("han har kniv og truer meg", "acute_danger"),
        ("vennen min har tatt masse piller og puster ikke", "acute_danger"),
    ],
)
def test_crisis_messages_are_caught_with_their_category(text, category):
    signal = detect(text)
    assert signal is not None, text
    assert signal.category == category


@pytest.mark.parametrize(
    "text",
    [
        "jeg døde av latter",
        "matteprøven dreper meg",
        "kill the process",
        "ta livet med ro",
        "drep meg, så kjedelig",
        "jeg drepte bossen i spillet",
        "kutta håret i dag",
        "skriver oppgave om selvmord",
        "vi har om andre verdenskrig i historie",
        "hva er straffen for voldtekt",
        "hvordan får jeg skattekort",
        "hva er alarmtelefonen",
        "takk for hjelpen, ha det",
        "",
    ],
)
def test_idioms_topics_and_questions_are_not_a_crisis(text):
    assert detect(text) is None


@pytest.mark.parametrize(
    ("text", "third_person"),
    [
        ("jeg tror vennen min vil ta livet sitt", True),
        ("my friend says she wants to die", True),
        ("venninna mi kutter seg og jeg vet ikke hva jeg skal gjøre", True),
        ("jeg vil ta livet mitt", False),
        ("pappa slår meg", False),
    ],
)
def test_a_worried_friend_is_told_apart(text, third_person):
    signal = detect(text)
    assert signal is not None
    assert signal.third_person is third_person


def test_a_disclosure_inside_school_work_still_counts():
    assert detect("jeg skriver oppgave om selvmord fordi jeg har selvmordstanker") is not None


def test_normalise_handles_case_punctuation_and_stretched_letters():
    assert normalise("Jeg VIL døøøøø!!!") == "jeg vil døø"


def test_risk_words_ignore_idioms_and_school_topics():
    assert has_risk_words("jeg har lyst til å dø")
    assert not has_risk_words("jeg døde av latter")
    assert not has_risk_words("skriver oppgave om vold")
    assert not has_risk_words("hvordan får jeg skattekort")


def test_huge_and_binary_looking_input_does_not_crash():
    assert detect("a" * 100_000) is None
    assert detect("\x00\x01\ufffd") is None


@pytest.mark.parametrize(
    "text",
    [
        # a general "what if" with a help question: nobody named is in danger
        "om nokon har vorte valdteken, kan ein ringje politiet seinare?",
        "if someone was raped at a party, do you have to go to the police first?",
        # a past event and a help question, without danger now
        "broren min ble mishandlet for to år siden, hvordan kan jeg støtte ham nå som voksen?",
        "my cousin was abused as a kid, who do i talk to about helping her?",
    ],
)
def test_general_and_past_help_questions_get_a_check_in_not_the_crisis_answer(text):
    signal = detect(text)
    assert signal is not None and signal.level == "check_in", signal


@pytest.mark.parametrize(
    "text",
    [
        "hvis stefaren min slår meg igjen i kveld vet jeg ikke hva jeg gjør",  # first person, now
        "han slo meg i fjor og nå er han tilbake og jeg er redd, hvem kan hjelpe?",  # past, but danger now
    ],
)
def test_the_writer_in_danger_now_still_gets_the_crisis_answer(text):
    signal = detect(text)
    assert signal is not None and signal.level == "crisis", signal


@pytest.mark.parametrize(
    "text",
    [
        "leste en nyhetssak om en drukningsulykke i sommer, så trist",
        "dagsrevyen hadde et innslag om knivstikking i byen, er det farlig å gå ut",
        "kva skreiv avisene om overdosebølgja i helga",
        "saw a news story about sextortion, how does it even work",
    ],
)
def test_news_about_others_is_not_a_crisis(text):
    assert detect(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # danger of the writer's own outside the reported part still counts
        "så en sak på nrk om vold i hjemmet, pappa slår meg også",
        "leste en artikkel om selvmord fordi jeg tenker på det selv",
    ],
)
def test_news_does_not_hide_the_writers_own_danger(text):
    signal = detect(text)
    assert signal is not None and signal.level == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "skal kutte lugga mi selv i kveld, håper det går bra",
        "cut my own hair last night and it looks awful",
        "kutta neglene altfor korte, det svir litt",
    ],
)
def test_cutting_hair_or_nails_is_not_a_crisis(text):
    assert detect(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "i cut myself again, i hide the marks under my hair",
        "kutter meg hver kveld, bruker langt hår så ingen ser det",
    ],
)
def test_a_haircut_word_does_not_hide_self_harm(text):
    signal = detect(text)
    assert signal is not None and signal.level == "crisis" and signal.category == "self_harm"


@pytest.mark.parametrize(
    "text",
    [
        # an injury with its everyday cause named
        "fikk en fotball rett i fjeset i friminuttet, nesa er hoven",
        "kutta meg på ei glasskår på stranda, lite sår, holder det med plaster?",
        "the cat scratched my arm pretty bad, should i wash it with soap",
        "datt av sykkelen og skrubbet opp kneet, svir skikkelig",
        "brente meg på stekepanna da jeg lagde pannekaker, det er bare litt rødt",
        # someone else's death as grief or news, a drowning in history
        "morfar døde i helga og jeg gruer meg til begravelsen",
        "hvor mange druknet egentlig da Titanic sank?",
        # a dosage question for everyday pain
        "hvor mange paracet kan man ta på en dag mot hodepine?",
        # a threat over an everyday act
        "søsteren min sier hun skal drepe meg hvis jeg låner skoene hennes igjen",
        # a sentence saying the whole message is for school
        "hva straffen er for voldtekt i Norge? spør til en skoleoppgave",
        # everyday words holding a risk word
        "ikke kutt meg av når jeg prøver å forklare",
        "ble kutta fra laget i dag, så sur",
        # a small cut while cooking, with no finger named
        "kutta meg litt då eg skar gulrøter, må eg ha plaster?",
        # asking for a film or a book, asking why a news event happened
        "any shows like the one where a guy gets kidnapped on holiday?",
        "anbefal en bok om en som blir kidnappet",
        "why was there a stabbing in oslo last night",
        # a thing that "took my life" (the writer is alive), banging the table
        "den treningsøkta tok livet av meg, kan ikke gå i morgen",
        "pappa banker i bordet hver gang han taper i yatzy",
        # a racing heart from coffee or nerves, a holiday picture shared, a bruise from sport
        "drakk for mye kaffe i dag og hjertet slår så fort",
        "hjertet hamrer helt vilt hver gang jeg skal ha framføring",
        "mamma delte et bilde av meg fra 17. mai på facebook",
        "fikk et blåmerke på leggen på fotballtreninga",
    ],
)
def test_everyday_accidents_grief_and_idioms_are_not_a_crisis(text):
    signal = detect(text)
    assert signal is None or signal.level != "crisis", signal


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # an accident frame never hides intent, a cover story or a serious wound
        ("brente meg på stekepanna med vilje for å kjenne noe", "self_harm"),
        ("pappa slår meg med beltet, sa at jeg skal si at jeg falt av sykkelen", "violence_home"),
        ("kompisen datt av sykkelen og blør kraftig fra hodet, hva gjør vi", "acute_danger"),
        # a threat over telling someone stays a threat
        ("stefaren min sier han skal drepe meg hvis jeg forteller det til noen", "violence_home"),
        # danger in another sentence than the school frame
        ("jeg har en oppgave om vold. pappa slår meg hver dag", "violence_home"),
        # someone's death with a wish to follow
        ("bestemor døde i vår og jeg vil bare være med henne", "suicide"),
        # a drowning now
        ("broren min holder på å drukne i elva, hjelp", "acute_danger"),
        # cooking is no cover for intent or a tool from the kitchen
        ("kutter meg litt med vilje når jeg lager mat", "self_harm"),
        ("kuttet meg litt med brødkniven igjen", "self_harm"),
        # a shooting or a stabbing going on where the writer is
        ("det er skyting på skulen no, vi gøymer oss", "acute_danger"),
        ("there's a guy with a gun at my school right now", "acute_danger"),
        # the writer as the one who "took my life", a blow after the table
        ("jeg tok nesten livet av meg i fjor og tenker på det igjen nå", "suicide"),
        ("mamma slår i bordet og så slår hun meg", "violence_home"),
        # intoxication with a body in alarm, a naked picture shared, an adult's threat on telling,
        # bruises with a cover story
        ("we took some pills at a party and now my chest hurts and i cant breathe properly", "acute_danger"),
        ("har drukket altfor mye og tror jeg dør, alt snurrer", "acute_danger"),
        ("nakenbildet av meg har gått rundt på hele skolen", "sexual_abuse"),
        ("treneren sier at hvis jeg forteller noen om hva han gjør, får jeg ikke spille mer", "sexual_abuse"),
        ("always have bruises and i tell everyone i fell down the stairs", "violence_home"),
    ],
)
def test_frames_and_idioms_do_not_hide_danger(text, category):
    signal = detect(text)
    assert signal is not None and signal.level == "crisis", signal
    assert signal.category == category


def test_sentences_are_cut_at_punctuation_after_unmasking():
    from connectors.crisis.detector import sentences

    assert sentences("S.e.l.v.s.k.a.d.e igjen. Hjelp, hva gjør jeg?") == ["selvskade igjen", "hjelp", "hva gjør jeg"]


@pytest.mark.parametrize(
    "text",
    [
        "kutta meg for mange år siden, men fikk hjelp og har det bra nå. kan jeg bli sykepleier?",
        "two years clean from self harm, is it weird to want to talk about it at school?",
        "how do you help someone who says they want to die? asking for a course",
    ],
)
def test_something_told_as_over_or_asked_in_general_gets_a_check_in(text):
    signal = detect(text)
    assert signal is not None and signal.level == "check_in", signal


@pytest.mark.parametrize(
    "text",
    [
        "relapsed after 6 months clean, cut again last night",
        "var clean i et år men sprakk i går og kutta meg",
    ],
)
def test_a_relapse_is_not_told_as_over(text):
    signal = detect(text)
    assert signal is not None and signal.level == "crisis", signal


@pytest.mark.parametrize("text", ["how do i get help, my dad hits me", "hvordan får jeg hjelp? stefaren min slår meg"])
def test_asking_how_to_get_help_now_is_not_told_as_over(text):
    signal = detect(text)
    assert signal is not None and signal.level == "crisis", signal


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an exam as a time, not a subject
        ("decided im going to end it after my last exam on friday", None),
        ("we have an exam on suicide prevention tomorrow", "school"),
        # a game as where someone was met: a setting, not a frame
        ("a grown man she met on roblox keeps sending her gifts", None),
        ("han eg blei kjend med på fortnite vil treffe meg aleine", None),
        ("i died in fortnite again, my squad is trash", "games"),
    ],
)
def test_a_time_or_a_setting_is_not_a_harmless_frame(text, expected):
    from connectors.crisis import framing
    from connectors.crisis.detector import normalise

    assert framing.frame(f" {normalise(text)} ") == expected


@pytest.mark.parametrize("text", ["treneren truer med å kaste meg ut av laget", "læreren truer med å kaste meg ut av timen"])
def test_being_sent_away_from_a_team_or_a_class_is_not_a_crisis(text):
    assert detect(text) is None


@pytest.mark.parametrize(("text", "category"), [
    ("mamma truer med å kaste meg ut", "violence_home"),
    ("pappa truer med å kaste meg ut hjemmefra", "violence_home"),
    ("jeg vil kaste meg ut av vinduet", "suicide"),
])
def test_thrown_out_at_home_is_violence_at_home_and_throwing_oneself_is_suicide(text, category):
    signal = detect(text)
    assert signal is not None and signal.level == "crisis" and signal.category == category


@pytest.mark.parametrize("text", [
    "studerer i Bergen og huseieren vil kaste meg ut uten grunn",
    "utleieren kastet meg ut av hybelen",
    "de kastet meg ut av gruppechatten",
    "han truer med å henge meg ut på snap",
])
def test_evicted_or_shamed_is_not_a_jump(text):
    """"Kaste/henge meg ut" is a jump only towards a height or a window."""
    signal = detect(text)
    assert signal is None or signal.category != "suicide"


@pytest.mark.parametrize("text", [
    "eg vil berre kaste meg ut",
    "tenker på å kaste meg ut fra brua",
    "vil kaste meg ut fra 5. etasje",
    "i want to throw myself out the window",
    "har lyst til å kaste meg foran toget",
])
def test_throwing_oneself_out_or_in_front_of_a_train_is_suicide(text):
    signal = detect(text)
    assert signal is not None and signal.level == "crisis" and signal.category == "suicide"


@pytest.mark.parametrize(("text", "category"), [
    ("har brannsår jeg lagde med vilje", "self_harm"),
    ("the scars on my legs, i made them on purpose", "self_harm"),
    ("how many pills so you dont survive", "suicide"),
    ("eg les om kor høgt det må vere for at ein ikkje overlever fallet", "suicide"),
])
def test_a_wound_made_on_purpose_and_asking_what_one_would_not_survive_are_crises(text, category):
    signal = detect(text)
    assert signal is not None and signal.level == "crisis" and signal.category == category


@pytest.mark.parametrize("text", [
    "fikk brannsår av stekepanna i går", "hvor høyt kan en katt falle og overleve", "how much paracetamol is a normal dose",
])
def test_a_burn_from_cooking_or_surviving_a_fall_is_not_a_crisis(text):
    assert detect(text) is None


@pytest.mark.parametrize(("text", "category"), [
    # an overdose already taken is acute danger; a plan is suicide
    ("tok 30 paracet for en time siden, begynner å angre nå", "acute_danger"),
    ("har lyst til å ta 30 paracet i kveld", "suicide"),
    # a cut on an object is an accident; a cut on the arm is self-harm
    ("skar meg på eit knust glas og det sprutar blod, det stoppar ikkje", "acute_danger"),
    ("kutta meg på armen igjen og det slutter ikke å blø", "self_harm"),
    # a family threat with nothing sexual in it
    ("stefar sa at hvis jeg forteller noen hva han gjorde med mamma så skal han knekke armen min", "violence_home"),
    # chest pain is not a breast
    ("hjertet hamrer og jeg får ikke puste etter at jeg tok noe på fest, vondt i brystet", "acute_danger"),
])
def test_the_category_of_messages_that_fit_more_than_one(text, category):
    signal = detect(text)
    assert signal is not None and signal.category == category


def test_raped_in_slang_and_masked_is_sexual_abuse_and_a_burp_is_not():
    signal = detect("tror jeg ble r*pa på fest i helga")
    assert signal is not None and signal.category == "sexual_abuse"
    assert detect("babyen rapa etter maten") is None


def test_a_cut_on_a_broken_bottle_is_an_accident_unless_it_is_deep_or_will_not_stop():
    assert detect("kutta meg på en knust flaske på kjøkkenet, blør ikke så mye men tror det må sys") is None
    for text in ("cut myself on a broken bottle, its deep and wont stop bleeding",
                 "kutta meg på ei flaske og det slutter ikke å blø"):
        signal = detect(text)
        assert signal is not None and signal.level == "crisis" and signal.category == "acute_danger"


@pytest.mark.parametrize(("text", "expected"), [
    ("ser en skrekkfilm der en fyr følger etter ei jente hjem", "fiction"),
    ("hørte på krimpodkasten om en mann som skadet familien sin", "fiction"),
    ("how did van gogh actually die", "history"),
    ("lillesøster skrev i dagboka at hun vil dø", None),
    ("how did my brother die", None),
])
def test_genre_compounds_and_how_someone_known_died_are_frames_a_diary_is_not(text, expected):
    from connectors.crisis import framing
    from connectors.crisis.detector import normalise

    assert framing.frame(f" {normalise(text)} ") == expected


@pytest.mark.parametrize("text", ["jeg skyter meg selv i foten med den jobben", "i shot myself in the foot with that essay"])
def test_shooting_oneself_in_the_foot_is_an_idiom(text):
    assert detect(text) is None


@pytest.mark.parametrize("text", [
    "fikk et svart øye av stefaren min i går",
    "my dad threw a glass at my face last night",
    "mor kasta ein kopp i hovudet mitt",
])
def test_a_black_eye_or_something_thrown_at_the_head_by_family_is_violence_at_home(text):
    signal = detect(text)
    assert signal is not None and signal.category == "violence_home"


def test_wounds_kept_so_that_nobody_finds_out_are_self_harm():
    signal = detect("i cut my arms again and wear long sleeves so nobody finds out")
    assert signal is not None and signal.category == "self_harm"
    assert detect("skal kjøpe bursdagsgave så ingen finner ut det") is None


@pytest.mark.parametrize("text", [
    "jeg skar meg i natt igjen, dypere enn før",
    "i cut myself yesterday but anyway how do i get frikort",
    "ive been thinking about ending it, i have a plan",
])
def test_a_first_person_report_of_harm_or_of_ending_it_is_a_disclosure(text):
    from connectors.crisis import framing

    assert framing.discloses(f" {normalise(text)} ")
