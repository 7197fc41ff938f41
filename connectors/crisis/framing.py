"""Context that makes a risk word harmless, or calls for a check-in rather than the crisis answer.

A message can hold a risk word and still be about something else:

- school work about a subject: "skoleoppgave om selvskading", "presentation on suicide prevention";
- fiction, history and games: "i filmen blir hovedpersonen voldtatt", "did Cleopatra kill herself",
  "blir skutt hele tiden i warzone";
- news about others: "så en sak på nrk om en drukningsulykke", "the papers wrote about a stabbing";
- a small kitchen cut on a finger: "kutta meg litt i fingeren da jeg skar løk";
- an everyday accident with its cause named: "ble slått i ansiktet av en volleyball", "knife
  slipped while carving a pumpkin" (never with intent, a cover story or a serious wound);
- cutting hair or nails: "kutta håret selv i går", "gave myself a buzz cut".

A frame is a topic, never a setting: "i timen", "på trening" or "on the server" are places where
danger can happen, so they do not count.

`frame(cleaned)` finds such a frame. The detector then asks whether the danger is *outside* the
framed clauses (the message with them removed still matches), or whether the writer says it is
about themselves (`discloses`): either way it stays a crisis. Context never suppresses a
first-person statement of intent: "jeg skriver en oppgave om selvmord fordi jeg tenker på det
selv" is a crisis.

Something told as over ("4 years clean", "fikk hjelp og har det bra nå"), with no relapse and no
danger now, gets a check-in: `recovered(cleaned)`.

A question about where to get help ("forced marriage helpline", "hvem kan hjelpe en venninne
som blir tvangsgiftet") with nobody in danger named gets a check-in: `asks_for_help(cleaned)`.
"""

from __future__ import annotations

import re

# Frames are topics, never settings: "i timen" or "on the server" can be where danger happens,
# so only words that say the message is *about* a subject count.
SCHOOL = (
    r"\b\w*(?:oppgave|oppgåve|oppgaven|oppgåva|presentasjon|presentasjonen|innlevering|innleveringen|"
    r"rapport|rapporten|prosjekt|prosjektet|foredrag|foredraget|fagtekst|fagteksten|artikkel|artikkelen|kampanje|kampanjen|poster|plakat) (?:om|about|on|for)\b"
    r"|\b(?:health|psych|psychology|sociology|biology|biologi|social studies|samfunnsfag|naturfag) (?:class|exam|lesson|timen|time|prøve)\b"
    # "exam on suicide prevention", not "after my exam on friday" (a time, not a subject)
    r"|\b(?:class|lesson|exam) (?:on|about|is covering|covers)\b(?! (?:monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday|the \d+\w*|\d+\w*|tomorrow|today|week|weekend)\b)|\bundervisningsopplegg\w*"
    r"|\btil (?:samfunnskunnskap|samfunnsfag|naturfag|norsktimen|historie|krle|religion|biologi|psykologi|sosiologi)\b"
    r"|\b(?:stil|artikkel|artikkelen|essay|essayet|assignment|project|presentation|homework|paper|report|"
    r"lekse|leksa|debatt|debatten|diskusjon|diskusjonen|analyse|statistikk|forskning|research|sources|"
    r"kilder|fagdag|fagdagen|gruppearbeid|gruppearbeidet|særemne|særemnet) (?:om|about|on|på|til)\b"
    r"|\b(?:vi har om|vi lærer om|vi lærar om|we re learning about|we are learning about)\b"
    r"|\b(?:skrive|skriv|skriver|write|writing) (?:en |ei |ein |a )?(?:tekst |text |stil )?(?:om|about) (?:hvorfor|kvifor|why|hvordan|korleis|how)\b"
    r"|\bfor (?:english|norsk|samfunnsfag|historie|krle|religion|history|social studies) (?:lit|class|timen)\b"
    r"|\benglish lit\b|\b(?:skoleoppgave|skuleoppgåve|selvmordsforebygging|sjølvmordsførebygging)\w*"
    r"|\b\w+ prevention\b|\b(?:grammatikk\w*|fysikk\w*|kjemi\w*|biologien|i biologi|apoptose|in biology|in physics|in chemistry|physics class)\b"
)
FICTION = (
    r"\b(?:i|in) (?:filmen|serien|boka|boken|romanen|novellen|spillet|spelet|diktet|the movie|the film|"
    r"the show|the series|the book|the novel|the game|the story|hamlet|macbeth|romeo and juliet|"
    r"episode \d+|sesong \d+|season \d+|chapter \d+|kapittel \d+)\b"
    r"|\b(?:novelle|novellen|fanfic|fanfiction|fan fiction|romanen|my oc|hovedpersonen|the character|the hero|helten|comic|comics|tegneserie\w*|dikt|dikta|diktet|poem|poems|"
    r"main character|protagonist|plottet|skurken|the villain|anime|manga|true crime|dokumentaren|"
    r"documentary|podcasten|serien|filmen|hovudpersonen|hovudperson|monologen|monologue|skuespill\w*|skodespel\w*|revyen|revy|teater\w*|"
    r"theatre|theater|manus|manuset|script|på scenen|på scena|on stage|dnd|d d|dungeons|my sims?|the sims)\b"
    # asking for a film, a series or a book: "any movies like the one where ...", "tips til en serie om ..."
    r"|\b(?:movies?|films?|shows?|series|books?|filmer|serier|seriar|bøker|bøkar) (?:like|similar to|about|som handler om|som handlar om|om)\b"
    # genre compounds: "skrekkfilm", "krimserien", "horrorfilmen", "fantasyboka" (not "dagboka": a
    # diary is the writer's own)
    r"|\b(?:skrekk|grøsser|horror|krim|crime|thriller|action|fantasy|scifi|sci fi|netflix|drama|dokumentar|spennings|"
    r"ungdoms|tegne|anime|zombie|superhelt|superhero)(?:film|filmen|filmer|filmar|serie|serien|serier|bok|boka|boken|"
    r"roman|romanen|podkast|podkasten|podcast|podcasten)\b"
    r"|\b(?:recommend|anbefal\w*|tips til|tips om) (?:me |meg |some |noen |nokre |a |an |en |ei |ein |et |eit )?(?:good |gode? |\w+ )?"
    r"(?:movie|film|show|series|book|serie|bok|bøker|filmer|serier)\w*\b"
)
HISTORY = (
    # how someone known died: "how did Van Gogh actually die", "hvordan døde Amy Winehouse" (not
    # "my friend": nobody close)
    r"\b(?:how did|hvordan døde|korleis døydde|kordan døde|hva døde|kva døydde|what did) (?!(?:my|min|mi|mitt|mine|our|vår|vårt|he|she|han|hun|ho)\b)"
    r"\w+(?: \w+){0,2} (?:actually |really |egentlig |eigentleg )?(?:die|døde|døydde|dø|of)\b|"
    r"\b(?:cleopatra|kleopatra|hitler|napoleon|ophelia|juliet|julie|romeo|cæsar|caesar|titanic|holocaust|andre verdenskrig|"
    r"world war ii|world war 2|utøya|22 juli|vikingene|vikings?|romerne|the romans|i middelalderen)\b"
)
GAMES = (
    r"\b(?:i spillet|i spelet|i gamet|in the game|in game|ingame|fortnite|minecraft|gta|roblox|"
    r"call of duty|valorant|fifa|warzone|apex|overwatch|league of legends|counter strike|cs ?go|"
    r"cs2|pubg|among us|elden ring|zelda|pokemon|skyrim|respawn\w*|i cs|in cs|ranked|sniper|pvp|raid\w*|"
    r"basen deres|their base|cod|gamet|sjakk|chess|rocket league|siste sirkel|last circle|\w+spill|\w+spillet|\w+spel|\w+spelet|(?:this|the|a|that) (?:\w+ )?game)\b"
)
# Something reported about others: news, a report, a campaign. Outlets and reports only: social
# media ("på snap") is a setting where danger happens, so it does not count.
NEWS = (
    r"\b(?:på|i|on|in) (?:nyhetene|nyheitene|nyhendene|the news|avisa|avisen|avisene|the paper|the newspaper|"
    r"radioen|the radio|nrk|vg|dagbladet|aftenposten|tv2|tv 2|dagsrevyen|bt|adressa|nettavisen|bbc|cnn)\b"
    r"|\b(?:nyhetssak\w*|nyheitssak\w*|nyhetsartikkel\w*|avisartikkel\w*|avisoppslag\w*|reportasje\w*|"
    r"news story|news article|news report|newspaper|headline\w*|overskrift\w*)\b"
    r"|\b(?:så|leste|las|hørte|høyrde|saw|read|heard|watched) (?:en |ei |ein |a |an |the )?(?:sak|artikkel|artikkelen|"
    r"story|article|report|dokumentar|documentary|kampanje|campaign|innslag|post|video) (?:om|på|about|on|in|from)\b"
    r"|\b(?:saw|read|så|leste|las) (?:a |an |the |en |ei |ein )?(?:\w+ )?(?:story|article|sak|artikkel)\b"
    # asking why an event happened: "hvorfor ble det knivstikking på t-banen i går", "why was there a shooting"
    r"|\b(?:hvorfor|kvifor|korfor|why) (?:ble|blei|vart|var|was|were|did) (?:det |there |it )?(?:\w+ ){0,2}(?:skyting\w*|knivstikking\w*|drap\w*|shooting|stabbing|murder|attack)\b"
    r"|\bthere (?:was|has been|were|s been) (?:a |another )?(?:\w+ )?(?:shooting|stabbing|attack|fire|murder|accident)\b|\bdet var (?:en |ei |et |ein |eit )?(?:skyting|knivstikking|brann|drap|ulykke)\b"
    r"|\b(?:leste|las|read) (?:om|about|that|at)\b|\b(?:saw|hørte|høyrde|heard) (?:on \w+ )?(?:that|a story|about)\b"
    r"|\b(?:skriv|skriver|skreiv|skrev|write|wrote|writes|sa|sier|seier|said|say) (?:alle |all )?(?:avisene|avisa|media|"
    r"pressen|the papers|the news|the media)\b"
    r"|\b(?:media|avisene|avisa|nyhetene|nyheitene|dagsrevyen|the papers|the news) (?:skriv|skriver|skreiv|skrev|write|"
    r"wrote|writes|hadde|viste|had|showed|sa|sier|seier|said|says)\b"
)
# Cutting hair or nails: "kutta håret selv", "gave myself a buzz cut", "kutte lugga". The hair word
# is what is cut (at most two words after the verb), so "kutter meg, bruker langt hår" still counts.
# (Not shaving: a razor is a self-harm tool too.)
_HAIR_WORD = (
    r"(?:hår|håret|haret|hair|lugg|lugga|luggen|pannelugg\w*|bangs|fringe|negl|neglene|neglane|nails|"
    r"fingernails|toenails)"
)
HAIR = (
    rf"\b(?:kutt\w*|klipp\w*|klypp\w*|cut|cuts|cutting|trim\w*|skar|skjære|skjærer)(?: \w+){{0,2}} {_HAIR_WORD}\b"
    r"|\b(?:buzz ?cut|haircut|frisyre\w*|frisør\w*|hairdresser)\b"
)
# An injury with its everyday cause named: a ball or a kick in a sport, an object (a glass, a nail,
# a tin, the oven), a task (cooking, shaving, whittling), a fall or a pet. Self-harm is told with a
# tool and a purpose, violence with a person doing it; an accident names what it came from. The
# detector still checks the other clauses ("pappa slo meg, sa at jeg falt av sykkelen" stays).
ACCIDENT = (
    r"\b(?:av|by|with|med) (?:en |ei |ein |et |eit |a |the )?(?:ball|ballen|volleyball\w*|fotball\w*|håndball\w*|handball\w*|"
    r"basket\w*|frisbee|puck|pucken|kølle\w*|racket\w*|hockey ?stick|snøball\w*|snowball)\b"
    r"|\b(?:på|at|in|under|during) (?:en |ei |ein |a |the )?(?:(?:fotball|håndball|handball|hockey|basket|volleyball|innebandy|bandy)kamp\w*|"
    r"taekwondo|karate|judo|boksing|boxing|kickboxing|bryting|wrestling|mma|football|soccer|rugby|hockey)\b"
    r"|\b(?:på|on|opening|åpne|åpna|åpnet) (?:en |ei |ein |et |eit |a |an |the )?(?:\w+ )?(?:glass|glasset|glasbit\w*|glassbit\w*|glasskår\w*|"
    r"spiker|spikeren|boks|boksen|hermetikkboks\w*|ark|arket|papir\w*|kant|kanten|bordkant\w*|stein|steinen|"
    r"flaske|flaska|flasken|flasker|bottle|speil|speilet|mirror|krukke|jar|"
    r"vaffeljern\w*|waffle iron|stekepann\w*|panna|ovn|ovnen|komfyr\w*|strykejern\w*|kjele\w*|nail|tin|can|pan|stove|oven|iron)\b"
    r"|\b(?:kniven|the knife|knife) (?:gled|skled|glei|slipped|slipt)\b|\b(?:dropped|mista|mistet) (?:a |the |en |ei )?(?:\w+ )?(?:knife|kniv|kniven)\b"
    r"|\b(?:skadet|skada|skadde|injured|hurt|strakk|strained|sprained|forstua|forstuet|vrikket|vrikka) (?:\w+ )?(?:på|at|during|i|in) (?:trening\w*|practice|training|kamp\w*|game|match|fotball|håndball|football)\b"
    r"|\b(?:da|når|mens|while|when|etter å ha|after) (?:jeg |eg |æ |i )?(?:kutta|kuttet|skar|skjærer|skjar|lagde|laga|laget|barberte|barberer|"
    r"spikka|spikket|spikke|skrelt|skrelte|åpna|åpnet|cooking|carving|shaving|opening|chopping|slicing|peeling|whittling)\b"
    r"|\b(?:barberte|barbert|shaving|shaved) (?:beina|leggene|legs|my legs)\b"
    r"|\b(?:falt|datt|dett|fell|fall|slo seg|slo meg|fall off) (?:\w+ ){0,2}(?:av|på|i|ned|off|from|on) (?:\w+ )?(?:sykkel\w*|huska|husken|"
    r"trampoline\w*|skateboard\w*|brett\w*|ski|trappa|trappen|bike|swing|stairs|klatre\w*)\b|\bskateboard fall\b"
    r"|\b(?:katten|hunden|kattungen|valpen|the cat|the dog|my cat|my dog) (?:klorte|klora|bet|beit|scratched|bit)\b"
    r"|\b(?:klorte|klora|bet|beit|scratched|bit) (?:\w+ ){0,2}(?:av|by) (?:katten|hunden|a cat|a dog|the cat|the dog)\b"
)
# What keeps an injury from being an everyday accident: it was on purpose, it is told as a cover
# story ("mom said to say i fell"), or it is serious now (bleeding hard, not stopping).
NOT_AN_ACCIDENT = (
    r"\b(?:med vilje|on purpose|deliberately|with intent|for å føle|for å kjenne|to feel)\b"
    r"|\b(?:say|said|says|tell|told|si|sa|sier|seie|seier|fortelle|fortell|lie|lyge|lyve|pretend\w*|late som|lot som|later som)\b"
    r"(?: \w+){0,5} (?:fell|falt|datt|dett|walked into|gikk inn i|accident|uhell)\b"
    r"|\b(?:blør|bløder|bleeding|bleeds) (?:mye|masse|kraftig|heavily|a lot|badly|fra hodet|from my head|from the head)\b"
    r"|\b(?:ikke|ikkje|not) (?:slutter|sluttar|stopper|stoppar|stop) (?:å )?(?:blø|bleeding)\b|\b(?:stort|stor|dypt|djupt|big|deep|huge) (?:kutt|sår|cut|wound|gash)\b"
    r"|\b(?:slutter|stopper|sluttar|stoppar) (?:ikke|ikkje) (?:å )?(?:blø|blø)\b"
    r"|\b(?:won ?t|wont|doesn ?t|doesnt|will not|does not|can ?t|cant) stop (?:the )?bleeding\b(?!.{0,40}\b(?:tiny|small|litt|lite)\b)"
    r"|\b(?:it s|its|it is|er|e|so|really|veldig|skikkelig|kjempe) (?:dypt|djupt|deep)\b"
    r"|\b(?:bevisstløs|medvitslaus|unconscious|passed out|besvimt|brukket|broken bone|knekt)\b"
)
# A sentence that says why the whole message is asked: "spør til en skoleoppgave", "it's for my essay".
PURPOSE = (
    r"\b(?:spør|spør om|spørsmålet er|asking|ask|it s|its|this is|det er|dette er|er|is) (?:til|for) (?:en |ei |ein |a |an |my |our |the )?"
    r"(?:\w+ )?(?:skoleoppgave|skuleoppgåve|oppgave|oppgåve|essay|assignment|project|prosjekt|presentasjon|presentation|school|"
    r"skolen|skulen|class|homework|lekse\w*|særemne\w*|fagdag\w*)\b"
)
# Food being made: the cut happened while cooking ("skrelte poteter", "chopping onions").
FOOD = (
    r"\b(?:løk|løken|brød(?!kniv)\w*|tomat\w*|grønnsak\w*|grønsak\w*|gulrot\w*|gulrøt\w*|agurk\w*|paprika\w*|gresskar\w*|pumpkin|carrots?|onions?|"
    r"vegetables|potet\w*|eple\w*|matlaging|lagde mat|laget mat|cooking|slicing|chopping)\b"
)
# A kitchen or a blade there, which a finger must confirm ("kutta meg litt i fingeren på kjøkkenet").
KITCHEN = FOOD + r"|\b(?:brødkniv\w*|kjøkken\w*|kitchen|barbering|shaving)\b"
FINGER = r"\b(?:finger|fingeren|fingern|fingrane|fingrene|tommel\w*|thumb|fingertip)\b"
SMALL = r"\b(?:litt|lite|bittelite|small|a bit|a little|tiny|minor|bare et lite|berre eit lite|ikke så ille)\b"

# The writer says it is about them: "fordi jeg tenker på det selv", "it's about me", "me too".
DISCLOSURE = re.compile(
    r"\b(?:jeg|eg|i|æ|je|meg|me|mæ)\b(?: \w+){0,6} (?:selv|sjølv|sjøl|myself|også|òg)\b|\b(?:jeg|eg|i|æ|je|meg|me|mæ)\b(?: \w+){0,6} too *$"
    r"|\b(?:handler|handlar|gjelder|gjeld|is about|it s about|its about|egentlig om|eigentleg om|really about) "
    r"(?:egentlig |eigentleg |really |actually )?(?:meg|mæ|me|myself)\b"
    r"|\b(?:me too|meg også|meg òg|jeg også|eg også|eg òg|same here)\b"
    # a first-person statement of intent, wherever it stands
    r"|\b(?:jeg|eg|i|æ|je|ive|im) (?:\w+ ){0,2}(?:vil|ville|want to|wanna|skal|kommer til å|kjem til å|har lyst|"
    r"tenker på å|tenkjer på å|planlegger|plan to|am going to|m going to|gonna|have been thinking about|been thinking about|"
    r"ve been thinking about|think about|keep thinking about) (?:\w+ ){0,3}(?:dø|døy|die|ta livet|tek livet|"
    r"kill myself|end it|end my life|ending it|ending my life|kutte meg|cut myself|skade meg|hurt myself|forsvinne|disappear)\b"
    # a first-person report of harm done to oneself: "jeg skar meg i natt igjen", "i cut myself again"
    r"|\b(?:jeg|eg|i|æ|je) (?:\w+ ){0,2}(?:skar|skjar|kutta|kuttet|cut|skada|skadet|hurt|brant|brente|burned|burnt) "
    r"(?:meg|mæ|me|myself)\b"
)

HELP_QUESTION = re.compile(
    r"\b(?:helpline|hotline|hjelpetelefon\w*|hjelpelinje\w*|nummer til|number for|number to|nettside|"
    r"website|organisasjon\w*|organisation\w*|organization\w*)\b"
    r"|\b(?:hvor|kor|where) (?:kan|får|can|do) (?:man|en|ein|jeg|eg|i|you|someone|hun|han|ho) (?:få |get |find )?(?:hjelp|help)\b"
    r"|\b(?:hvem|kven|who) (?:kan|can|do) (?:hjelpe|help|i call|i contact|you call)\b"
    r"|\b(?:hjelp til|help for|help with) (?:en |ei |ein |a |my )?(?:venn\w*|venninne\w*|kompis\w*|friend)\b"
    r"|\b(?:who|hvem|kven) (?:do|can|should|kan|skal|bør) (?:i|we|jeg|eg|vi) (?:tell|call|contact|talk to|ask|report|"
    r"si det til|fortelle|ringe|ringje|kontakte|snakke med|spørre|melde)\b"
    r"|\b(?:hvilket|hvilke|kva|what|which) (?:nummer|number)\b"
    r"|\b(?:hvordan|korleis|how) (?:kan|skal|bør|can|do|should) (?:jeg|eg|i|we|vi|you|man|ein|en|one) (?:best )?(?:hjelpe|støtte|help|support)\b"
    r"|\b(?:finnes|fins|finst) det (?:noe|noko|hjelp|nokon|noen)\b|\bis there (?:a |any |some )?(?:help|support|service|place|group|chat|site|someone|anyone)\b"
    # what to do if something happens: "ka gjør æ om nån har lagt ut bilda av mæ", "what do i do if"
    r"|\b(?:hva|ka|kva|what) (?:gjør|gjer|gjær|do|should|can) (?:jeg|eg|æ|i|man|ein|en|you|we|vi) (?:do )?(?:hvis|om|viss|if|when|about|når)\b"
)

# An event told as past, with nobody said to be in danger now: "søstera mi ble voldtatt i fjor".
PAST = re.compile(
    r"\b(?:i fjor|i fjer|for (?:\w+ )?(?:år|måneder|månader|uker|veker|år) siden|for (?:\w+ )?(?:år|månader|veker) sidan|"
    r"last (?:year|month|summer|winter|spring|week|weekend)|(?:a|one|two|three|\d+|few|many|some) (?:years?|months?) ago|"
    r"as a (?:kid|child)|da (?:jeg|eg|hun|han|ho|vi) var (?:liten|lita|yngre|barn|\d+)|when (?:i|she|he|we) (?:was|were) "
    r"(?:little|younger|a kid|a child|kids|\d+)|it s over now|det er over nå|det er slutt nå|used to|pleide å|pleidde å)\b"
)
# Words that put danger in the present again. (An intent of the writer's own is a disclosure,
# found before this is asked; "hvordan jeg skal hjelpe henne" is not one.)
PRESENT = re.compile(
    r"\b(?:nå|no|now|right now|rn|i kveld|i natt|tonight|still|fortsatt|framleis|igjen|again|hver dag|kvar dag|"
    r"every day|keeps|stadig|redd|scared|afraid)\b"
)
# A question asked of anyone: "må man", "do you have to".
GENERAL_ASK = re.compile(
    r"\b(?:må man|må ein|kan man|kan ein|får man|får ein|do you have to|do you need|can you|should you)\b"
    r"|\b(?:hva|kva|what|hvordan|korleis|how|hvor|kvar|where|når|when|hvem|kven|who) (?:gjør|gjer|do|does|should|skal|bør|lærer|lærar|"
    r"ringer|ringjer|kan|can|call|helps?) (?:man|ein|en|you|one|people|folk)\b"
)
# Told as over: help was given, it has stopped for a long time, the writer is well now.
RECOVERED = re.compile(
    # (past tense only: "how do i get help, he hits me" asks for help now)
    r"\b(?:fikk|fekk|har fått|got|went to|received) (?:\w+ )?(?:hjelp|help|therapy|terapi|behandling|treatment)\b"
    r"|\b(?:har det|have it|am doing|i m doing|im doing|doing) (?:bra|fint|godt|good|better|fine|great|well) (?:nå|no|now)\b"
    r"|\b(?:\d+|one|two|three|four|five|ett|eitt|to|tre|fire|fem) (?:years?|months?|år|måneder|månader) clean\b|\bclean (?:from|for) (?:\w+ )?(?:years?|months?|self ?harm\w*)\b"
    r"|\b(?:haven t|havent|have not|har ikke|har ikkje|hasn t|hasnt) (?:\w+ ){0,2}(?:self ?harmed|harmed myself|cut|gjort det|done it|kutta|kuttet|skada meg|skadet meg)\b(?: \w+){0,2} (?:in|på|for|since|sidan|siden) (?:\w+ )?(?:years?|months?|år|måneder|månader|a year|eit år|et år|ett år)\b"
    r"|\b(?:since|siden|sidan) (?:i |jeg |eg )?(?:havent|haven t|har ikke|har ikkje) (?:\w+ ){0,2}(?:self ?harmed|cut|kutta|skada meg)\b"
)
# A general "what if": "hvis noen har blitt voldtatt, må man anmelde?", "if someone is hit at home".
HYPOTHETICAL = re.compile(
    r"\b(?:hvis|om|viss|dersom|if|when|når) (?:noen|nokon|someone|somebody|en person|ein person|a person|"
    r"man|ein|en ungdom|ein ungdom|a teenager|a kid|et barn|eit barn|barn|kids|unge|ungdom)\b"
)

_FRAMES = {
    "school": re.compile(SCHOOL),
    "fiction": re.compile(FICTION),
    "history": re.compile(HISTORY),
    "games": re.compile(GAMES),
    "news": re.compile(NEWS),
    "hair": re.compile(HAIR),
    "accident": re.compile(ACCIDENT),
}
_NOT_AN_ACCIDENT = re.compile(NOT_AN_ACCIDENT)
_PURPOSE = re.compile(PURPOSE)
_FOOD = re.compile(FOOD)
_KITCHEN = re.compile(KITCHEN)
_FINGER = re.compile(FINGER)
_SMALL = re.compile(SMALL)
# ("for" is left out: it is a preposition far more often than "because": "dømt for voldtekt".)
_CLAUSES = re.compile(r"\s*(?:[,.;:!?]|\b(?:fordi|because|siden|sidan|since|men|but|og|and|so|så)\b)\s*")


# Someone met or talked to on a game or a platform: the game is where it happens (grooming starts
# there), not what the message is about.
_MET_IN_A_GAME = re.compile(
    r"\b(?:møtte|møtt|met|meet|meeting|chatta|chatter|chattet|chatting|chatted|snakket|snakka|snakker|prata|prater"
    r"|talking|talked|talks|ble kjent|blei kjend|got to know|sender|sends|sent|gaver|gifts)\b(?: \w+){0,5} (?:på|on|in|i|via|through) "
    r"(?:roblox|fortnite|minecraft|discord|gta|among us|\w+spill\w*|\w+spel\w*|the game|spillet|spelet|a game)\b"
)


def frame(cleaned: str) -> str | None:
    """The first harmless frame in the message ("school", "fiction", "history", "games", "news",
    "hair", "accident"), or None."""
    for name, pattern in _FRAMES.items():
        if not pattern.search(cleaned):
            continue
        if name == "accident" and _NOT_AN_ACCIDENT.search(cleaned):
            continue
        if name == "games" and _MET_IN_A_GAME.search(cleaned):
            continue
        return name
    return None


def purpose(cleaned: str) -> bool:
    """Does a sentence say the whole message is asked for school work ("spør til en
    skoleoppgave")? Then the frame covers every sentence, not only its own."""
    return bool(_PURPOSE.search(cleaned))


def small_injury(cleaned: str) -> bool:
    """A small cut while cooking: a word for "a little" and food being made ("kutta meg litt då eg
    skrelte poteter"), or a kitchen word and a finger; never with a sign it was no accident ("med
    vilje", a wound that will not stop bleeding). Or a paper cut."""
    if re.search(r"\b(?:paper cut|papirkutt)\b", cleaned):
        return True
    if not _SMALL.search(cleaned) or _NOT_AN_ACCIDENT.search(cleaned):
        return False
    return bool(_FOOD.search(cleaned) or (_KITCHEN.search(cleaned) and _FINGER.search(cleaned)))


def without_framed_clauses(sentences: str | list[str]) -> str:
    """The message without the clauses that carry a frame: where danger outside a frame shows.

    `sentences` is the normalised text, or its sentences normalised one by one (the detector splits
    on punctuation first, which normalising removes); each is split again at conjunctions."""
    parts = [sentences] if isinstance(sentences, str) else sentences
    clauses = [c for part in parts for c in _CLAUSES.split(part) if c and c.strip()]
    kept = [c for c in clauses if frame(f" {c} ") is None]
    return f" {' '.join(kept)} "


# "I cut my hair myself", "dyed my fringe myself": the writer did it by themselves, which says
# nothing about danger; a disclosure's "selv"/"myself" never has the hair or the nails before it.
_BY_MYSELF = re.compile(
    r"\b(?:hair|håret|håra|hår|fringe|bangs|lugg\w*|nails|negl\w*|eyebrows|bryn\w*|piercing\w*)\b(?: \w+){0,3} "
    r"(?:selv|sjølv|sjøl|myself)\b"
)


def discloses(cleaned: str) -> bool:
    """Does the writer say the danger is about them, or state an intent?"""
    return bool(DISCLOSURE.search(_BY_MYSELF.sub(" ", cleaned)))


def past_event_question(cleaned: str) -> bool:
    """A help question about something that happened before, with no sign of danger now."""
    return bool(HELP_QUESTION.search(cleaned) and PAST.search(cleaned) and not PRESENT.search(cleaned))


RELAPSE = re.compile(
    r"\b(?:relaps\w*|tilbakefall\w*|sprakk|sprekk|sprukket|picked up|started again|begynt igjen|byrja igjen|begynte igjen|"
    r"but i|but now|men jeg|men eg|men nå|men no|today|i dag)\b"
)


def recovered(cleaned: str) -> bool:
    """Something told as over ("4 years clean", "fikk hjelp og har det bra nå"), with no word
    putting danger in the present: answer, then check in."""
    if not RECOVERED.search(cleaned):
        return False
    rest = RECOVERED.sub(" ", cleaned)  # "har det bra nå" is not danger now
    return not (PRESENT.search(rest) or RELAPSE.search(rest))


def hypothetical_question(cleaned: str) -> bool:
    """A general "what if" question with a help question ("hvis noen har blitt voldtatt, må man
    anmelde for å få hjelp?"): nobody named is in danger."""
    # (cleaned text has no punctuation: a question shows in its words)
    return bool(HYPOTHETICAL.search(cleaned) and (HELP_QUESTION.search(cleaned) or GENERAL_ASK.search(cleaned)))


def asks_for_help(cleaned: str) -> bool:
    """A question about where to get help, rather than a statement of what happens."""
    return bool(HELP_QUESTION.search(cleaned))


# Laughter, an eye-roll or a huff ("😂", "🙄", "lol", "haha", "jk") marks a message as a joke or a
# complaint between friends: "æ ska drepe bror min, han åt pizzaen min 😤". It is read on the raw
# text (normalising drops most emoji). Alone it never clears a message: young people also laugh
# off what hurts, so a joking message gets the gentle check-in, never silence (see `nlu`).
JOKE = re.compile(
    r"(?:\U0001F602|\U0001F923|\U0001F605|\U0001F606|\U0001F639|\U0001F644|\U0001F624|\U0001F92A|\U0001F61C|\U0001F61D)"
    r"|\b(?:lol+|lool+|lmao+|lmfao|rofl|haha\w*|hehe\w*|xd+|jk|just kidding|bare tuller|berre tullar|tulla|tuller)\b",
    re.IGNORECASE,
)


def joking(text: str) -> bool:
    """Does the raw `text` laugh, roll its eyes or huff?"""
    return bool(JOKE.search(text))
