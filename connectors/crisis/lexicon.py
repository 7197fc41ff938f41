"""Curated crisis patterns in bokmål, nynorsk and English, with slang and common misspellings.

Each category has *strong* patterns (a first- or third-person statement of danger: these alone are
enough) and the lexicon has *idiom* patterns that are removed from the text before matching
("jeg døde av latter", "kill the process"). *Topic* patterns mark a message as being about a
subject (school work, news, statistics) rather than about the writer; they veto only the bare
topic words, never a strong statement.

Patterns run on normalised text (see `detector.normalise`): lower case, punctuation as spaces,
repeated letters collapsed to at most two.
"""

from __future__ import annotations

import re

CATEGORIES = ("suicide", "self_harm", "violence_home", "sexual_abuse", "acute_danger")

# Reusable fragments -------------------------------------------------------------------------
ME = r"(?:meg|me|mæ|mei)"
SELF = r"(?:selv|sjøl|sjølv|sjæl|sæl|self)"
MYSELF = rf"(?:{ME} ?{SELF}|{ME})"
NOT = r"(?:ikke|ikkje|ikk|ik|ke|itj|inte|not|never|no|don ?t|dont|do not|doesn ?t|doesnt|does not)"
WANT = r"(?:vil|ville|vi|ønsker|ønske|onsker|lyst|vil bare|vil berre|har lyst|want|wanna|wish|would like)"
LIVE = r"(?:leve|lev|liv|livet|leva|live|living|exist|existing|alive|be alive|være her|vere her|være til|finnes)"
DIE = r"(?:dø|dø+|død|døy|døyr|dævve|dæve|daue|die|dead|døden|dying)"
# where a jump out of something is a fall: "kaste meg ut fra brua", "jump out the window"
_HEIGHT = (
    r"(?:(?:et |ei |en |eit |ein |the |a |my )?(?:\w*vindu\w*|window\w*|bru|brua|bro|broa|broen|brubrua|bridge|"
    r"\w*tak|taket|roof|balkong\w*|balcony|stup\w*|cliff\w*|fjell\w*|klippe\w*|høyt|høgt|"
    r"\d+\.? etasje|\w+ etasje|\w* floor))"
)
KILL = r"(?:drepe|drep|drap|kverke|kill|killing|murder|unalive)"
CUT = r"(?:skore|skor|skjer|riss|risse|risser|risset|rissa|rissar|kutte|kutta|kutter|kuttet|kuttar|kutt|cutte|cutta|cutter|cuttet|skjære|skjærer|skar|risper|rispe|rispa|cut|cutting|cuts)"
HURT = r"(?:skade|skader|skadet|skada|skadar|hurt|hurting|harm|harming|slå|slår)"
CLOSE_ADULT = (
    r"(?:pappa|papa|mamma|mama|far|mor|faren|moren|fater|stefar|stemor|steppappa|stemamma|"
    r"foreldre|foreldra|foreldrene|onkel|onkelen|tante|bestefar|morfar|farfar|bror|broren|brodern|"
    r"storebror|søster|søsteren|søstera|kjæresten|kjæreste|typen|dama|eksen|mannen|"
    r"dad|daddy|mom|mum|mommy|father|mother|stepdad|stepmom|stepfather|parents|uncle|"
    r"brother|boyfriend|girlfriend|husband|han|hun|ho|he|she)"
)
FRIEND = (
    r"(?:kamerat\w*|klassevenn\w*|bestekompis\w*|buddy|pal|venn|vennen|venner|vennen min|venninne|venninna|venninnen|vennina|kompis|kompisen|"
    r"bestevenn|bestevennen|bestevenninne|bestevenninna|klassekamerat|en i klassen|ei i klassen|"
    r"noen i klassen|kusine|kusina|fetter|fetteren|friend|bestie|bff|mate|classmate|"
    r"my sister|my brother|søstera mi|søsteren min|broren min|bror min|veslebror|lillebror|"
    r"lillesøster|lillesøstera|kjæresten min|typen min|dama mi|"
    r"kusinen|fetteren|cousin|naboen|naboungen|nabojenta|nabogutten|neighbou?r|vesla|vesle|"
    r"lillebroren|veninna|venina|little brother|little sister|big brother|big sister|storebror|storesøster)"
)

# Idioms, removed before matching ---------------------------------------------------------------
IDIOMS = [
    rf"{DIE}r? (?:av|of|from) (?:latter|lått|laughter|laughing|sult|hunger|kjedsomhet|kjedsomheit|boredom|cringe|flauhet|skam over)",
    r"døde av latter|døydde av latter|dør av latter|døyr av latter|i m dead|im dead lol|dead lol|i m dying lol|im dying lol|💀",
    r"(?:dying|dies|die) to (?:see|get|know|try|go|meet|hear|watch|play)",
    # harming one's own cause: "eg skyt meg sjølv i foten", "shot myself in the foot"
    r"(?:skyte|skyt|skyter|skjøt|skaut|shoot|shoots|shot|shooting) (?:meg|mæ|me|seg|deg|oss|myself|yourself|himself|herself|themselves|ourselves)"
    r"(?: selv| sjølv| sjøl)? (?:i foten|in the foot)",
    r"to die for|would die for|killing it|killed it|kill it|killer|slaps|this slaps",
    r"kill (?:the|a|this|that|all|every|my|your) (?:process|task|job|dragon|boss|monster|zombie|enemy|enemies|mood|vibe|lights|engine|server|app|program|bug|bugs|time|game)",
    r"kill -9|kill process|killall",
    r"ta livet (?:med ro|som det kommer|på alvor|i egne hender)|tek livet med ro|take (?:it|life) easy",
    r"(?:dreper|drepe|drep|drap|tar livet av) (?:meg|mæ|meg helt|meg totalt)(?! ?(?:selv|sjøl|sjølv))(?: (?:av|med|,|så|altså|lol|haha))",
    r"drep meg(?: nå)?(?:,)? (?:så|for|det|dette|hvor)",
    r"(?:matte|matteprøven|prøven|leksene|lekser|eksamen|testen|skolen|jobben|læreren|kjedsomheten|heten|varmen|denne (?:sangen|låta|filmen)|this (?:song|movie|test|exam|homework)) (?:dreper|drep|kills|is killing) (?:meg|me)",
    r"drepende (?:kjedelig|morsom|god|bra)|dødskjedelig|dødsbra|dødsfin|dødslei|drit ?lei",
    r"jeg drepte (?:bossen|dragen|han i spillet|alle i spillet)|drepte bossen|killed the (?:boss|dragon)",
    r"kutt(?:e|a|er|et)? (?:løk|løken|grønnsaker|brød|kake|håret|hår|luggen|lugga|lugg|frisyren|papir|kostnader|ned på|ut|ned|ut sukker|sukker)",
    r"kutt(?:et|a|a) meg (?:på|i) (?:et |eit |en )?(?:papir|arket|fingeren|tommelen|kniven) ?(?:ved et uhell|når|da)?",
    r"kutta meg på papir|cut myself (?:shaving|on paper|by accident|accidentally|cooking)|paper cut",
    r"slå (?:av|på|opp|sammen|seg opp|meg opp)|slår (?:av|på|opp|sammen)|slo (?:opp|av|på)|slo tåa|slo hodet|slo meg (?:på|i) (?:tåa|foten|hodet|kneet|albuen)",
    r"slå (?:ham|han|henne) i (?:sjakk|fifa|spill|spillet|fotball)|beat (?:him|her|me|us) (?:at|in) ",
    r"ingen vil ha meg med|ble dumpet",
    # "<something> tok livet av meg": the writer is alive, so a thing that "took my life" (an exam, a
    # concert, the week) is hyperbole; only the writer as subject ("jeg tok nesten livet av meg") is not.
    r"\b(?!(?:jeg|eg|æ|je|i|vi|me|nesten|nesta|nær|nære|nærmest|holdt|heldt|prøvde|prøvd|så|da|og|nå|når|aldri|ikke|ikkje|itj|hadde|har)\b)"
    r"[a-zæøå]+ tok livet av (?:meg|mæ|oss)\b",
    # Banging the table ("pappa slår så hardt i bordet når vi spiller kort"): a gesture, not a blow.
    r"(?:slår|slo|slå|slått|banker|banka|banket|dunker|dunka|dunket) (?:\w+ ){0,3}(?:i|på|in) (?:bordet|bordplata|bordplaten)\b",
    r"(?:er|så|heilt|helt|completely|so) (?:død|daud|dead) (?:etter|av|after|tired|trøtt)|dead tired|dødstrøtt|hjernen (?:min )?er død|my brain is dead",
    r"(?:plant|planten|planta|plante\w*|telefonen|mobilen|batteriet|pcen|laptopen|phone|battery|fisken|goldfish) (?:min |mi )?(?:died|døde|er død|is dead|døydde)",
    r"slo (?:rekorden|rekord|personlig rekord)|beat (?:my|her|his) (?:record|personal best)",
    r"(?:skar|kutta|kuttet|cut) (?:meg|myself) (?:på|on) (?:ein |en |et |eit |a )?(?:boks|hermetikkboks|kniv|kniven|glass|papir\w*|arket|ark|paper|can|tin)(?!.*\b(?:med vilje|on purpose|deliberately|for å føle|for å kjenne|to feel)\b)",
    r"(?:brant|brente|brende|burned|burnt) (?:meg|myself) (?:litt )?(?:på|on) (?:stekepanna|panna|ovnen|komfyren|kaffen|teen|the stove|the pan|the oven|coffee)(?!.*\b(?:med vilje|on purpose|deliberately|for å føle|for å kjenne|to feel)\b)",
    r"(?:dø|døde|dør|døy|die|dying) (?:av|of) (?:skam|shame|embarrassment|flauheit)|holdt på å dø|nearly died of",
    r"(?:kommer|kjem) til å (?:drepe|drep) (?:meg|oss) (?:når|hvis|om|viss|for|fordi)|(?:is |s )?(?:gonna|going to) kill (?:me|us) (?:if|when|for|because)|will kill me (?:if|when)",
    r"forsvinne (?:inn i|i|inn) (?:en |ei |et |eit |ein )?(?:god |ny )?(?:bok|boka|serie|serien|spill|spelet|film|musikk|book|game|show)|disappear into (?:a|my|the) (?:book|game|show)",
    r"(?:slo|slår|slå|beat|beats) (?:meg|me|ham|han|henne|oss|us|deg|you) (?:i|in|at) (?:uno|sjakk|kort|fifa|spill|spillet|ludo|monopol|yatzy|tennis|pingpong|bordtennis|fotball|basket|mario ?kart|fortnite|minecraft|chess|cards|alt|quiz|kahoot|armbryting|løp|løpet|race)",
    r"cut (?:my|the|a|your) (?:hair|fringe|bangs|cake|bread|onions?|vegetables)|cutting (?:my )?hair",
    r"(?:jeg|eg|i) (?:døde|døydde|died) \d+ (?:ganger|gonger|times)|(?:døde|died) (?:i spillet|in the game|in game)",
    r"(?:kjem|kommer) til å (?:døy|dø) (?:om|hvis|viss|if)|(?:gonna|going to) die if",
    r"(?:hitting|hits|hit) me with (?:his|her|a) (?:toy|pillow|snowball)|(?:slår|slo) (?:meg|oss) med (?:puta|puter|snøball)",
    r"vil dø for (?:laget|landet)",
    # Something other than a person "takes my life" (present tense): school work, training.
    r"(?:leksa|leksene|lekser|lekse|prøven|prøva|eksamen\w*|matte\w*|trening\w*|jobben|skolen|skulen|dagen|uka|veka|homework|school|work|this \w+|the \w+|denne \w+|dette \w+) (?:tar|tek|takes|is taking|will take) (?:livet av|my life|the life out of) ?(?:meg|me|oss|us)?",
    # "bare skyt meg", "someone shoot me", "kill me now lol": said about boredom or embarrassment.
    r"(?:tar|tek) (?:jeg |eg )?livet av (?:meg|mæ)(?= .*\b(?:lol|haha\w*|hehe\w*|lmao|xd|jk)\b)",
    r"(?:someone|somebody|noen|nokon|bare|berre|just|plz|pls) (?:skyt|shoot|kill|drep) (?:meg|me)\b|(?:skyt|shoot|kill|drep) (?:meg|me)(?: nå| no| now| already)?(?= .*\b(?:lol|haha\w*|lmao|xd|jk|ugh)\b)",
    # Service names and everyday words that hold a risk word: they are not a disclosure.
    r"sex ?og ?samfunn|sexogsamfunn|vold ?og ?overgrepslinjen|overgrepsmottak\w*|alarmtelefonen|kors på halsen",
    r"\bp ?piller?\w*|\bp ?pille\w*|angrepille\w*|minipille\w*|prevensjonspille\w*|birth control pills?|morning after pill",
    r"(?:hva|kva|what) (?:skjer|skjedde|happens|happened)",
    # "kill me now" about a lesson, a test or a meeting ahead.
    r"(?:kill|shoot|drep|skyt) (?:me|meg)(?: now| nå| no)?(?= .*\b(?:maths?|school|class|lesson|test|exam|homework|monday|lunch|work|meeting|matte|skole|skolen|skulen|timen|prøve|prøva|lekse\w*|dobbeltime|double)\b)",
    # Cutting the head off a monster, a doll, a photo: not a cut on the body.
    r"(?:kutta|kuttet|kutter|kutte|cut|cutting|hogg|hogde|hugget|chopped|chop) (?:hovudet|hodet|the head|his head|its head|her head) (?:av|off)|(?:cut|chop|chopped) (?:off )?(?:the|its|his|her) head off",
    # Disappearing somewhere cosy for a while.
    r"(?:forsvinne|forsvinna|disappear|vanish) (?:under dyna|under dyne\w*|under teppet|under the covers|under the duvet|into netflix|inn i netflix|på rommet|til hytta|på ferie|for (?:en|ei|ein|a|the) (?:helg|weekend|uke|veke|week))",
    # Shooting as a sport or a film.
    r"shooting range|skytebane\w*|skytetrening|sportsskyting|leirdueskyting|clay shooting|photo ?shoot\w*|(?:skyte|skyt|skyter|shoot|shooting)(?: \w+){0,3} (?:bilder|bilete|bileter|foto|video|film|photos|pics|hoops|baskets)",
    # Grief: missing someone who died, with no wish to follow them.
    r"(?:savner|saknar|sakner|miss|missing) (?:\w+ ){0,2}(?:bestemor|bestefar|mormor|morfar|farmor|farfar|oldemor|oldefar|onkel|tante|hunden|katten|grandma|grandpa|granny|my dog|my cat|uncle|aunt)\w*(?: \w+){0,3} (?:som |who )?(?:døde|døydde|died|passed away|gikk bort)(?!.*\b(?:vil|want|wanna|ønsk\w*|join|være med|vere med|følge|etter henne|etter han)\b)",
    # Violence named only to say it is not there: "not violent, just exhausting".
    r"(?:not|ikke|ikkje|never|aldri|no|ingen) (?:violent|voldelig|valdeleg|physical|fysisk|vold|vald|violence|hitting|slag|slåing)\b|\b(?:uten|utan|without) (?:vold|vald|violence)\b",
    # Services named after what they help with.
    r"sexual assault cent(?:re|er)s?|rape crisis cent(?:re|er)s?|assault cent(?:re|er)|voldtektsmottak\w*|incestsenter\w*|senter mot incest\w*",
    # Someone else's death told as news or grief, with no wish to follow them: "bestemor døde på
    # søndag", "my sims died", "the dog always dies in films".
    r"(?:bestemor|bestefar|mormor|morfar|farmor|farfar|oldemor|oldefar|onkel\w*|tante\w*|hunden|katten|fisken|grandma|grandpa|"
    r"granny|grandmother|grandfather|uncle|aunt|sims?|plants?|planten|plantene|character|karakteren) (?:\w+ )?(?:min |mi |mitt |my )?"
    r"(?:døde|døydde|died|dies|dør|døyr|passed away|gikk bort|er død|is dead|always dies|alltid dø)(?!.*\b(?:vil|want|wanna|ønsk\w*|join|være med|vere med|følge|etter henne|etter han)\b)",
    r"(?:stop|stopper|keep) (?:\w+ ){0,3}(?:plants?|plantene|planten) (?:from )?(?:dying|dø)",
    # Everyday words with a risk word inside: interrupting ("ikke kutt meg av"), being cut from a
    # team, burning a CD, laughing until you choke, a heart "stabbed" by a loss.
    r"kutt(?:e|er|a|et)? (?:meg|mæ) av\b",
    r"(?:cut|kutta|kuttet|kutt) (?:from|fra|frå|ut av|out of) (?:the )?(?:laget|troppen|team|squad|lag)",
    r"(?:burn|burning|brenne|brenner|brant) (?:a |an |en |ei |some )?(?:cd|cds|dvd|playlist|spilleliste)",
    r"(?:kvalt|kvalte|kveles|choking|choked|chokes) (?:av|of|with|on) (?:latter|latteren|laughter|laughing)",
    r"(?:the )?death of me",
    r"(?:stab\w*|knivstikk\w*|stikk) (?:in|i) (?:the |my )?(?:heart|hjertet|back|ryggen)|heart (?:got|was|just got) (?:stabbed|ripped)",
    r"drowning in (?:work|homework|coursework|assignments|emails|school|tests|exams|stuff|debt)|drukner i (?:lekser|arbeid|oppgaver|skolearbeid|jobb)",
    # Hunting and shooting at goal: a sport.
    r"\w*jakt\w*|jegerprøv\w*|hunting|(?:skyte|skyt|skyter|shoot|shooting) (?:rype|elg|hjort|ender|fugl|ducks|deer)|(?:skyte|skyt|skyter|shoot|shooting)(?: \w+){0,2} (?:på mål|at goal|on goal|mål)",
    # How much of an everyday painkiller is safe for a headache or cramps: a dosage question.
    r"(?:hvor|kor|how) (?:mange|mye|mykje|many|much) (?:\w+ ){0,3}(?:kan|can|could|bør|should|is safe|er trygt|er det trygt)(?: \w+){0,6} "
    r"(?:på en dag|på ein dag|om dagen|per dag|i døgnet|a day|in a day|per day|for (?:a |en |ei |my )?(?:headache|hodepine|vondt|cramps|period\w*|mensen\w*|pain|feber|fever))",
    r"(?:hopp\w*|hoppe) tau|jump(?:ing)? rope|skipping rope|klatretau\w*|climbing rope|tau til klatring",
    r"(?:brant|brent|brente|burned|burnt|got burned) (?:meg |myself )?(?:i sola|i solen|in the sun)|solbrent\w*|sunburn\w*",
    r"(?:kvalt|kvalte|suffocated|smothered) (?:av|by) (?:forventning\w*|press\w*|krav\w*|expectations|pressure)",
    r"(?:slo|slår|slått) (?:\w+ ){0,2}sønder og sammen",
    r"(?:pusten|lufta|luften|the wind|wind) (?:ble|vart|blei|was|got) (?:slått|knocked) ut|knocked the wind out",
    r"(?:threw|throws|throw|throwing) a (?:fit|tantrum|party|ball)",
    r"(?:nobody|no one|noone|ingen) (?:hits|slår|is hitting|hurts|skader)(?: \w+)?",
    r"(?:forsvinne|forsvinna|disappear|vanish) (?:fra|frå|from|off) (?:sosiale medier|sosiale medium|social media|snap\w*|insta\w*|tiktok|nettet|internett|the internet)",
    r"(?:follow\w*|følge\w*|følger|fulgte) (?:meg|me) (?:on|på) (?:insta\w*|tiktok|snap\w*|twitter|youtube|twitch|spotify|x)\b|follow (?:him|her|them) back",
    r"(?:katten|hunden|kattungen|valpen|the cat|the dog|my cat|my dog) (?:kommer|kjem|comes|came|kom) inn",
    # A threat said over an everyday act ("drepe meg hvis jeg spiser pizzaen hans"); a threat over
    # telling, leaving or going to someone is not touched.
    r"(?:skal|will|gonna|going to|kommer til å|kjem til å|sa han skal|said he d) (?:drepe|drep|kill|kvele|strangle|myrde|murder) (?:meg|me|oss|us) "
    r"(?:hvis|viss|om|if|when|når) (?:jeg|eg|i|we|vi) (?!(?:sier|seier|sa|forteller|fortel|fortalte|tell|told|say|says|snakker|går|går til|drar|reiser|flytter|leave|go|report|melder|anmelder)\b)\w+",
    # "I literally died when he ...": embarrassment.
    r"(?:i|jeg|eg) (?:literally |lowkey |actually |bokstavelig talt )?(?:died|døde|døydde) (?:when|da|når|of)\b",
]

# Strong patterns per category --------------------------------------------------------------------
SUICIDE_WORD = r"(?:selvmord|selvmor|selmord|selvmords|sjølvmord|sjølmord|sjelvmord|suicide|suicidal|sucide|suicde|suicid)\w*"
SELF_HARM_WORD = r"(?:selvskad|selv skad|sjølvskad|sjelvskad|selvskading|sjølvskading|self ?harm|selfharm)\w*"

SUICIDE = [
    r"\b(?:tenkt ut|funnet ut|funne ut|figured out|worked out|planlagt|planned) (?:hvordan|korleis|koss|how|når|when|kor tid)(?: \w+){0,3} (?:gjøre|gjere|gjer|gjør|do|doing) (?:det|it)\b",
    rf"\b(?:jeg|eg|i|je|æ) (?:\w+ ){{0,3}}(?:har|hadde|have|had|sliter med|slit med|struggle with|struggling with|tenker på|tenkjer på|think about|thinking about|planlegger|vurderer|considering|prøvde|forsøkte|tried|attempted|fått|got|får)(?: \w+){{0,2}} {SUICIDE_WORD}",
    rf"\b(?:selvmordstank|selvmords tank|sjølvmordstank|selvmordsforsøk|sjølvmordsforsøk|suicidal|suicide attempt|suicidal thoughts|selvmordsplan|sjølvmordsplan)\w*",
    rf"\bta+(?:r|k|ke)? (?:jeg |eg |i |du )?(?:livet|mitt eget liv|livet mitt|mitt liv|livet av {ME}|livet sitt|sitt eget liv|livet hans|livet hennar|livet hennes)\b",
    rf"\btok (?:livet|nesten livet)\b",
    rf"\b(?:{KILL}|kil|kll) ?(?:{ME} ?{SELF}|myself|my self|meself|herself|himself|themselves|themself|seg selv|seg sjølv|seg sjøl)",
    r"\bkms\b|\bkmsl\b|\bunaliv\w*|\bsewer ?slide\b|\bself delete\b|\bend it all\b|\bend my life\b|\bend (?:his|her|their) life\b",
    rf"\b{WANT}(?: \w+){{0,3}} (?:å |og |to |a )?{DIE}\b",
    rf"\b(?:jeg|eg|i|je|æ|e) (?:vil|vi|will|skal|kommer til å|kjem til å|want to|wanna|wil) (?:bare |berre |just )?{DIE}\b",
    rf"\b{NOT} (?:{WANT} |orker (?:å )?|orkar (?:å )?|klarer (?:å )?|klarar (?:å )?|gidder (?:å )?|greier (?:å )?|want to |wanna |feel like |see the point in |see a reason to )?(?:{LIVE})(?: lenger| lengre| lenger| meir| mer| anymore| any more)?\b",
    rf"\b(?:orker|orkar|klarer|klarar|greier|gidder|gider) {NOT} (?:mer|meir|lenger|lengre)?(?: å| og)? (?:{LIVE}|leve lenger)",
    rf"\b(?:orker|orkar|klarer|klarar) {NOT} (?:mer|meir|more)(?= (?:jeg|eg|vil|og jeg|og eg|nå|no|altså|av livet|av alt|i live)\b| ?$)",
    r"\b(?:ønsker|ønsket|skulle ønske|skulle ønska|ønskjer|wish) (?:at )?(?:jeg|eg|i) (?:var|was|were|vart|var aldri|was never|had never been|aldri var) (?:død|daud|dead|født|born)",
    r"\b(?:ville|vil|hadde|hadde det) (?:vært|vore) (?:bedre|best|betre|lettare|lettere)(?: for (?:alle|alle andre|familien|dei|dem))? (?:om|hvis|viss) (?:jeg|eg) (?:var død|ikke fantes|ikkje fanst|ikke var her|ikkje var her|forsvant|forsvann)",
    r"\b(?:alle|ingen|verden|familien|familien min|mamma|pappa) (?:hadde|ville|vil|har|hatt)(?: hatt)? (?:det )?(?:bedre|betre|best) (?:uten|utan) (?:meg|mæ)\b",
    r"\b(?:everyone|everybody|they|my family|the world) (?:would|will|d) be better off without me\b|\bbetter off dead\b|\bbetter off without me\b",
    r"\bingen (?:vil|kommer til å|kjem til å|ville) (?:savne|sakne|merke) (?:meg|om jeg|om eg|at jeg)",
    r"\bno one (?:would|will) (?:miss|notice|care)\b|\bnobody (?:would|will) (?:miss|notice|care)\b",
    r"\b(?:avskjedsbrev|avskjedsbrevet|avskilsbrev|avskjeds brev|goodbye letter|suicide note|farvelbrev)\b",
    r"\b(?:samlet|samla|spart på|spart opp|kjøpt|har|tatt|tok|svelget|svelga) (?:på )?(?:meg )?(?:masse |mange |en haug |alle |nok |ei heil |hele |et glass |)(?:piller|tabletter|pillene|tablettene|sovepiller|paracet|paracetamol|pills)\b(?! (?:mot|for) (?:hodepine|vondt|allergi|mensen))",
    r"\b(?:overdose|overdosere|overdosert|od e|od'e|ta en overdose|take an overdose|overdosed)\b",
    # (not someone else's threat: "mamma truer med å kaste meg ut" is violence at home)
    rf"\b(?<!med å )(?<!threatens to )(?:henge|heng|hang|hange|skyte|skyt|shoot|kaste|kast|hoppe|hopp|jump|drukne|drown) (?:{ME}|myself|meg selv)\b(?! (?:i sofaen|i senga|på sofaen|opp|ned|i vannet for å bade|i bassenget|på trampolinen|off the couch"
    # thrown (or hung) out of somewhere, evicted or shamed ("huseieren vil kaste meg ut", "kastet meg
    # ut av laget", "henge meg ut på snap"): "ut"/"out" is a jump only towards a height or a window
    rf"|(?:ut|out)\b(?! (?:av |fra |frå |gjennom |or |of |from |through )?{_HEIGHT})))",
    # wanting to throw oneself out, with nothing after it: "eg vil berre kaste meg ut"
    rf"\b(?:{WANT}) (?:å |to )?(?:kaste|kast|hoppe|hopp|throw|jump) (?:{ME}|myself) (?:ut|out)\s*$",
    # throwing oneself out of a window or in front of a train
    rf"\b(?:throw|throwing|kaste|kast|kaster) (?:{ME}|myself) (?:(?:ut|out) (?:av |fra |frå |of |from )?{_HEIGHT}"
    r"|(?:ut )?(?:foran|framfor|in front of) (?:et |a |the )?(?:tog|toget|train|bil|bilen|a car|bussen|bus|t banen|trikken|tram|lastebil\w*|truck))",
    # The same of someone else; "henge seg på/opp i" (tag along, get hung up on) are not it.
    r"\b(?:henge|henger|hang|hanging) (?:seg|himself|herself|themselves)\b(?! (?:opp|på|med|i|over|around|out))",
    r"\b(?:hoppe|hopp|hoppa|jump|jumping) (?:foran|framfor|in front of|off|fra|frå|ut fra|ut frå|ut av) (?:toget|tog|t banen|bussen|a train|the train|a bridge|the bridge|broa|brua|brua|broen|taket|a roof|the roof|et tak|vinduet|the window|blokka)",
    r"\b(?:gjøre|gjere|gjer|gjør) (?:det )?slutt på (?:det hele|alt|alt sammen|livet|meg selv|meg sjølv|det)\b",
    r"\b(?:ikke|ikkje|aldri|never) (?:våkne|vakne|wake up|våkna|våknet|vakna|woke up|våkner|vaknar)(?: opp)?(?: igjen| att| again| i morra| i morgen| i morgon| tomorrow)?\b(?! (?:før|til|until|before|tidlig|early|i tide|on time)\b)",
    r"\b(?:sovne|sove|sleep)(?: inn)? og (?:aldri|ikke|ikkje|never) (?:våkne|vakne|wake)",
    r"\b(?:forsvinne|forsvinn|forsvinna|disappear|vanish) (?:for alltid|for godt|forever|for good|fra alt|frå alt|fra jorda|fra verden)\b",
    r"\b(?:vil|ville|want to|wanna) (?:bare |berre |just )?(?:forsvinne|forsvinna|disappear|vanish|slutte å eksistere|stop existing|ikke være her|ikkje vere her|ikke finnes|ikkje finnast)\b",
    r"\b(?:ser|finner|finn|har) (?:ingen|ikke noen|ikkje nokon|ikkje noko|no|ingen grunn) (?:vei ut|veg ut|utvei|grunn til å leve|mening med livet|meining med livet|reason to live|way out|point in living|point anymore|poeng med livet|vits i å leve|vits med livet|vits lenger)\b",
    r"\b(?:livet|life|livet mitt|my life) (?:er|is) (?:ikke|ikkje|not) (?:verdt|verd|worth) (?:å leve|det|living|it)\b|\bikke verdt å leve\b|\bikkje verd å leve\b|\bnot worth living\b",
    r"\b(?:tenker|tenkt|tenkjer|tenkte|planlegger|planlagt|planlegg|thinking|thought|planning|planned) (?:mye |mykje |ofte |a lot |about |om |på |å )*(?:å )?(?:dø|døy|die|dying|ta livet|avslutte|avslutte livet|end it|ending it|ending my life|selvmord|sjølvmord|suicide)",
    r"\b(?:vil|ville|want to|wants to|wanna|going to|gonna|skal) (?:bare |berre |just )?(?:avslutte|end) (?:livet|it|everything|alt)\b",
    r"\b(?:lei|sick|tired) (?:av å leve|av livet|of living|of life|of being alive)\b",
    r"\bskal (?:ta|gjøre) det i (?:kveld|natt|morgen)\b|\bi m going to do it tonight\b|\bgoing to do it tonight\b",
    r"\b(?:kys|kill yourself)\b(?= (?:meg|myself|me))",
    r"\bsi farvel til (?:alle|dere|familien)\b|\bsay goodbye to everyone\b",
    r"\b(?:unnskyld|orsak|tilgi meg|sorry|forgive me) for (?:alt|everything)\b",
    r"\b(?:dette er|this is|det er) (?:farvel|goodbye|adjø)\b|\bsiste gang (?:dere|du|de|nokon|noen) (?:hører|høyrer) (?:fra|frå) meg\b|\blast time (?:you ll|you will|anyone will) hear from me\b",
    r"\b(?:farvelmelding|farvel melding|avskjedsmelding|goodbye message|goodbye text|goodbye post)\w*|\b(?:la ut|posta|posted|sendte|sent|texted)(?: \w+){0,2} (?:et |eit |a )?(?:farvel|goodbye)\b|\b(?:sagt|sa|said) (?:ha det|farvel|goodbye) til alle\b",
    r"\b(?:har|have|got) (?:en |ein |a )?(?:plan|planen|dato|datoen|date)(?: klar| klart| ready| og (?:en |ein )?(?:dato|tid)| and a date)\b|\b(?:har|have) (?:satt|valgt|set|picked) (?:en |ein |a |the )?(?:dato|date|dag|day)\b|\b(?:jeg|eg|i) har planen klar\b",
    r"\b(?:bestemt meg|bestemt|decided|made up my mind)(?: \w+){0,4} (?:gjøre det|gjere det|do it|det skjer|it happens|i kveld|i natt|tonight|på (?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag))\b",
    r"\b(?:når|once|when) (?:alle|everyone) (?:sover|søv|is asleep)(?: \w+){0,3} (?:gjør|gjer|do) (?:jeg|eg|i) det\b",
    r"\b(?:en|ei|a) (?:byrde|burden)\b|\b(?:ikke|ikkje|not) (?:et|noe|eit|noko|a) (?:problem|byrde|burden) for (?:noen|nokon|anyone|dere|dykk|you|deg|dokker)(?: \w+){0,4} (?:lenger|lengre|meir|mer|anymore|much longer)\b|\bnot a problem for anyone\b",
    r"\b(?:lei|sliten|trøtt|tired|sick|exhausted) (?:av|of) (?:å )?(?:late som|lata som|pretending|pretend)\b|\b(?:orker|orkar) (?:ikke|ikkje) (?:å )?(?:late|lata) som\b",
    r"\b(?:ser|finner|finn|ser ikkje|see) (?:ikke |ikkje |no |not )?(?:poenget|vitsen|meininga|meningen|the point|a reason) (?:med|i|in|to) (?:å leve|å vere til|livet|living|life|keep living|go on)\b|\b(?:ikke|ikkje|no) (?:vits|poeng|grunn|reason) (?:å|med å|i å|to) (?:leve|lev|keep living|live)\b",
    r"\b(?:ferdig med|done with|finished with) (?:alt|livet|everything|life|it all|det hele)\b",
    r"\b(?:bedre|betre|better)(?: \w+){0,5} (?:når|om|hvis|viss|if|when) (?:jeg|eg|i) (?:er|var|was|were|m|am) (?:borte|gone|død|dead|vekke)\b",
    r"\b(?:bedre|betre|better) for (?:alle|everyone|everybody|familien|dei|dem|de|them|my family)(?: \w+){0,3} (?:om|hvis|viss|at|if|when|that) (?:jeg|eg|i) (?:forsvinn\w*|forsvant|forsvann|er borte|var borte|dør|døyr|die|m gone|am gone|was gone|disappear\w*|ikke fantes|ikkje fanst)\b",
    r"\b(?:ingen|nobody|no one|noone) (?:bryr seg|bryr seg om|cares|care|would care)(?: \w+){0,3} (?:om|if) (?:jeg|eg|i) (?:dør|døyr|die|døde|died|forsvinner|disappear)\b",
    r"\b(?:hoppe|hopp|jump)\s*$|\b(?:tenker|tenkjer|tenkte|thinking|think|thought) (?:på|om|about) (?:å )?(?:hoppe|hopp|jump\w*)\b",
    r"\b(?:ser|står|sitter|standing|sitting|looking) (?:ned )?(?:fra|frå|from|on|på|down from) (?:the |a )?(?:balkongen|brua|broa|taket|kanten|balcony|roof|ledge|the edge)\b",
    r"\b(?:trenger|treng|need|won t need|wont need) (?:den|dem|det|dei|it|them) (?:ikke |ikkje |not )?(?:der jeg skal|der eg skal|where i m going|where im going|lenger|meir|anymore)\b",
    r"\b(?:har|have|got|kjøpt|kjøpte|bought|buying) (?:et |eit |a |en )?(?:tau|rope|noose|løkke)\b(?! (?:til|for) (?:klatring|klatre|båten|gym|gymmen|climbing|the boat))",
    r"\b(?:måten|måte|måter|way|ways|method) (?:å|to|for å) (?:dø|døy|die|ta livet|end it)\b",
    r"\b(?:snakker|snakkar|prater|pratar|talks|talking|snakka|snakket) (?:om|about) (?:å )?(?:dø|døy|dying|die|ta livet|killing (?:her|him|them)self|suicide|selvmord|sjølvmord)\b",
    r"\b(?:doesn t|doesnt|does not|didn t|didnt) want to (?:live|be alive|exist|be here)\b",
    r"\b(?:ikke|ikkje|not) (?:kommer til å|kjem til å|going to|gonna) (?:være|vere|be) (?:her|here|til|alive|around)\b|\b(?:won t|wont|will not) be (?:here|alive|around)(?: \w+){0,2} (?:tomorrow|anymore|much longer|lenger|on monday|next week)?",
    r"\b(?:siste|last) (?:natta|natten|kvelden|dagen|night|day) (?:mi|min|mitt|of my life)\b",
    r"\b(?:skrevet|skrive|skreiv|written|wrote) (?:ferdig )?(?:brevene|breva|brevet|avskjedsbrev\w*|the letters|my letters|letters to)\b|\b(?:brev|letter)(?: \w+){0,5} (?:finner etterpå|finn etterpå|will find after|finds after)\b",
    r"\b(?:took|tok|tatt|svelget|svelga|swallowed|drakk|drank) (?:the |hele |heile |en |ei )?(?:whole|hele|heile|entire) (?:bottle|boksen|flaska|flaske|glaset|pakken|pakka|eska|pakke|box|pack)\b",
    r"\b(?:vil|want to|wanna|ønsker) (?:å )?(?:være|vere|be) (?:med|saman med|sammen med|with)(?: \w+){0,2} (?:der (?:han|hun|ho|de|dei) er|in heaven|i himmelen)\b|\b(?:vil|want to|wanna) (?:være|vere|be) (?:saman|sammen|together)? ?(?:med|with) \w+ (?:igjen|again)\b(?= .*(?:døde|døydde|died|er død|dead|borte))",
    r"\b(?:ikke|ikkje) (?:jeg|eg) (?:er|blir|vert) (?:her|til|i live) (?:i morgen|i morgon|i morra|lenger|meir|mer)\b",
    r"\b(?:ikke|ikkje|not) (?:er|være|vere|be|is) (?:her|here|til|i live|alive) (?:i morgen|i morgon|i morra|lenger|lengre|meir|mer|tomorrow|anymore|much longer)\b|\b(?:er|e) (?:ikke|ikkje) (?:her|til) (?:i morgen|i morgon|meir|lenger)\b",
    r"\b(?:gi|gir|ga|gitt|gjeve|giving|gave|given) (?:bort|away) (?:alle |all )?(?:tingene|tinga|ting|alt|my stuff|my things|everything|all my|pcen|the stuff)\b",
    r"\b(?:planlagt|planlegger|planlegg|planned|planning|plan for) (?:korleis|hvordan|how|når|when)(?: \w+){0,4} (?:gjere|gjøre|gjer|gjør|do|doing) (?:det|it)\b",
    r"\b(?:bedre|betre|better) (?:om|hvis|viss|if|uten at|utan at) (?:jeg|eg|i) (?:ikke|ikkje|wasn t|weren t|didn t|never) (?:fantes|fanst|fanns|var her|var til|existed|was here|were here|lever|levde|was born|ble født)",
    r"\b(?:tonight|i kveld|i natt|today|i dag) (?:is|er) (?:the night|the day|kvelden|natta|natten|dagen)\b|\b(?:siste|last) (?:kveld|natt|dag|night|day) (?:min|mi|of my life|i livet)\b|\b(?:blir|vert|is) (?:siste|min siste|the last) (?:kveld|natt|dag|night|day)\b",
    r"\b(?:hørtes|høyrdest|sounded|sounds) (?:ut )?(?:som|like) (?:et |eit |a )?(?:farvel|avskjed|goodbye|suicide note)\b",
    r"\b(?:brev|letter|letters|brevet) (?:til|to) (?:familien|mamma|pappa|alle|my family|everyone)(?: \w+){0,3} (?:i tilfelle|in case|når jeg er borte|when i m gone|når eg er borte)\b",
    r"\b(?:klarer|klarar|orker|orkar) (?:ikke|ikkje) (?:dette|det her|livet|alt) (?:lenger|meir|mer|no meir)\b",
    r"\b(?:gi|gir|gje|gjev) opp (?:livet|alt|på livet)\b|\bgive up on (?:life|living)\b",
    rf"\b{FRIEND}(?: \w+){{0,4}} (?:vil|snakker om å|snakkar om å|prata om å|prater om å|skal|truer med å|har prøvd å|prøvde å|wants to|talks about|is going to|tried to|says she wants to|says he wants to|said she wants to|said he wants to|sier hun vil|sier han vil|seier ho vil|seier han vil) (?:ta livet|dø|døy|die|kill (?:her|him|them)self|end (?:her|his|their) life|forsvinne)",
]

SELF_HARM = [
    r"\b(?:relapsed|relapsa|relapset|relapse)\b(?! (?:on|with|into|på) (?:smoking|vaping|snus|røyk\w*|alcohol|drinking|alkohol|sugar|sukker|junk food|gaming))",
    r"\b(?:i|jeg|eg|je|æ) (?:still |stadig |sometimes |often |av og til |ofte )?(?:sh|s h)\b",
    r"\b(?:river|rev|reiv|riv|rive|nappe\w*|napper|lugger|lugga|pull\w*|pulling) (?:ut |out )?(?:håret|hår|my hair|hair)(?: mitt| mitt ut)?\b(?! (?:hos frisøren|at the hairdresser))|\blugger meg selv\b",
    r"\b(?:rev|reiv|river|rive|åpne\w*|reopen\w*) (?:opp )?(?:sårene|såra|såret|sår|kuttene|wounds|my wounds|the cuts)\b",
    r"\b(?:biter|bit|beit|klyper|klorer|dunker|dunka|banker|skolder|skoldar|scald\w*|bite|biting|bites) (?:meg|myself|armen|hodet|hovudet|my arm|my head)(?: selv| sjølv)?(?: \w+){0,4} (?:med vilje|til det|til blods|on purpose|blå|blod|merker|until)\b",
    r"\b(?:ikke|ikkje|don t|dont) (?:fortjener|fortener|deserve) (?:mat|å spise|å ete|food|to eat)\b",
    r"\b(?:smertestillende|smertestillande|painkillers|paracet\w*|ibux|pills|piller|tabletter)(?: \w+){0,3} (?:med vilje|on purpose|for å skade|to hurt)\b",
    r"\b(?:trang\w*|urge\w*) (?:til å|to) (?:kutte|cut|skade|hurt|harm)\b|\b(?:klarer|klarar|can t|cant) (?:ikke |ikkje )?(?:slutte|stop|stoppe) (?:å )?(?:kutte|kutting|cutting|skade meg|hurting myself)\b",
    r"\b(?:relaps\w*|sprakk|sprang)\b(?: \w+){0,5} \bclean\b|\bclean\b(?: \w+){0,6} (?:relaps\w*|sprakk)\b",
    r"\b(?:blad|bladet|blade|barberblad\w*|razor) i (?:hånda|handa|hånden|my hand)\b",
    rf"\b(?:jeg|eg|i|je|æ) (?:\w+ ){{0,3}}(?:har|hadde|have|had|driver med|held på med|sliter med|slit med|struggle with|struggling with|begynt med|started|do|gjør)(?: \w+){{0,2}} {SELF_HARM_WORD}",
    rf"\b{CUT} (?:{ME}|myself|my self|seg|meg selv|meg sjølv|meg sjøl|my (?:arms?|wrists?|legs?|thighs?)|armene|armen|håndleddet|handleddet|låret|lårene)\b",
    rf"\b{HURT} (?:{ME} ?{SELF}|myself|my self|seg selv|seg sjølv|seg sjøl)\b",
    r"\b(?:brenner|brenn|brant|brenne|burn|burning|burned) (?:meg|myself|meg selv|seg) (?:med vilje|med lighter|med sigarett|med lightern|on purpose)?",
    r"\b(?:slår|slo|slå|banker|bankar|hitting|hit|punch|punching) (?:meg selv|meg sjølv|meg sjøl|myself|hodet mitt i veggen|my head against)\b",
    r"\b(?:arr|arrene|sår|scars|cuts) (?:på|etter|on|from) (?:armene|armen|lårene|låret|håndleddet|my arms|my wrists|my thighs)\b",
    r"\b(?:barberblad|barberbladet|razor|blade|knivblad)\b(?! (?:til å barbere|for shaving|til skjegget))",
    r"\b(?:relapsed|relapse|sprakk) (?:og kutta|og kuttet|and cut|on self harm)\b|\bclean (?:for|i) \d+ (?:days|dager|months|måneder) (?:from|fra) (?:cutting|kutting)\b",
    r"\b(?:kutting|kuttinga|cutting) (?:igjen|again|hjelper|helps|er det eneste|is the only)\b",
    r"\b(?:sulter|svelter|svelt|starving) (?:meg|myself) (?:med vilje|for å straffe|on purpose|to punish)\b|\bstraffe? (?:meg selv|meg sjølv|myself)\b",
]

VIOLENCE_HOME = [
    r"\b(?:noen|nokon|someone|somebody|en person|ein person|a person|folk|people) (?:hjemme|heime|at home|in my house|in my home|i huset|i heimen)(?: \w+){0,3} (?:skader|skadar|slår|hurts?|hurting|hits?|hitting|beats?|beating|gjør meg vondt|gjer meg vondt|abuses?|abusing)\b",
    r"\b(?:tok|tar|tek|grep|griper|holdt|heldt|held|grabbed|grabs) (?:meg |me )?(?:hardt |hard )?(?:rundt|om|i|by|around) (?:halsen|hals|the throat|my throat|the neck|my neck)\b|\bkvelertak\b|\bkveletak\b",
    r"\b(?:gets|got|getting|gets really|blir|ble|vart|blei) (?:physical|fysisk|voldelig|valdeleg)\b",
    r"\b(?:kill|hurt|drepe|drep|skade|slå)\w* (?:me|meg|mæ|us|oss) (?:if|hvis|om|viss) (?:i|jeg|eg|we|vi) (?:told|tell|tells|fortalte|fortel|forteller|sa|sier|seier|said)\b",
    r"\b(?:blir|ble|vart|blei|gets|got|is being|was|being) (?:slått|banka|banket|jula|julet|sparka|sparket|kvalt|mishandla|mishandlet|beaten|hit|kicked|abused)\b",
    r"\b(?:tvinge|tvinga|tvinger|tvingar|force|forces|forcing|vil at (?:jeg|eg) skal|wants me to|want me to|skal) (?:\w+ ){0,3}(?:gifte meg|gifta meg|giftes|marry|get married)\b|\bforce me to marry\b",
    r"\b(?:dreper|drep|drepe|kill\w*|skader|hurts?) (?:meg|me|oss|us) (?:hvis|om|viss|if) (?:jeg|eg|i|vi|we) (?:forteller|fortel|sier|seier|tell|say|tells)\b",
    r"\b(?:dro|drog|dragged|drar|dreg) (?:meg|me|henne|her) (?:etter|by|i) (?:håret|the hair|my hair)\b",
    r"\b(?:fikk|får|fekk|gets|got) (?:ikke|ikkje|no) (?:mat|spise|food|eat)(?: \w+){0,4} (?:straff|punishment)\b",    rf"\b{CLOSE_ADULT}(?: \w+){{0,2}} (?:slår|slo|slått|slenger|banker|banka|bankar|denger|dengte|denga|dengjer|juler|jula|dytter|dytta|dyttet|sparker|sparka|sparket|kveler|kvelte|lugger|lugga|klyper|kaster ting på|kasta ting på|truer|trua|truet|kastet meg|kasta meg|hits|hit|beats|beat|kicks|kicked|slaps|slapped|chokes|choked|punches|punched|pushes|pushed|throws things at|threatens|threatened) (?:meg|mæ|oss|me|us|mamma|mammaen min|mora mi|moren min|pappa|broren min|søstera mi|lillebror|lillesøster|my mom|my mum|my mother|my dad|my brother|my sister|ham|han|henne|hen|him|her|them)\b",
    r"\b(?:blir|ble|vart|blei|gets?|got|getting|being|been) (?:slått|banka|banket|jula|julet|sparket|sparka|kvalt|dytta|hit|beaten|kicked|slapped|choked|abused|hurt) (?:hjemme|heime|av (?:pappa|mamma|far|mor|faren|moren|stefar|stemor|foreldrene|foreldra|broren|onkel|kjæresten|typen)|at home|by my (?:dad|mom|mum|father|mother|stepdad|parents|brother|boyfriend))",
    r"\b(?:får|fikk) (?:juling|bank|en på trynet|slag|ris) (?:hjemme|heime|av (?:pappa|mamma|far|mor|stefar|foreldrene|broren|kjæresten))",
    r"\b(?:redd|rædd|skremt|scared|afraid|terrified) (?:for å|for å gå|å gå|to go|of going) (?:hjem|heim|home)\b|\b(?:tør|tørr|tør ikke|tør ikkje|dare not|don t dare|dont dare|vågar ikkje)(?: \w+){0,2} (?:gå|dra|reise|go|være|vere|sove|be) (?:hjem|heim|home|hjemme|heime|at home)\b|\btør ikke (?:å )?(?:gå|dra) hjem\b",
    r"\b(?:redd|rædd|scared|afraid|terrified) (?:for|av|of) (?:pappa|mamma|far|mor|faren min|moren min|stefar|stefaren|stemor|foreldrene mine|foreldra mine|broren min|kjæresten min|typen min|my (?:dad|mom|mum|father|mother|stepdad|parents|brother|boyfriend))\b",
    r"\b(?:låst inne|låser meg inne|stenger meg inne|locked me in|locks me in|lock me in)\b",
    r"\b(?:pappa|mamma|far|mor|stefar|foreldrene|dad|mom|my dad|my mom) (?:er|is) (?:voldelig|valdeleg|violent|abusive)\b",
    r"\b(?:blåmerker|blåmerke|bruises|bruised) (?:etter|fra|frå|from|because of) (?:pappa|mamma|far|mor|stefar|foreldrene|kjæresten|typen|my dad|my mom|my stepdad|my boyfriend|him|her)\b",
    rf"\b{FRIEND}(?: \w+){{0,4}} (?:blir|ble|vart|gets|is being|was) (?:slått|banka|mishandla|mishandlet|hit|beaten|abused) (?:hjemme|heime|at home|av|by)",
    r"\b(?:truer|trua|truet|threatens|threatened) med å (?:slå|drepe|kaste meg ut(?! (?:av|fra|frå) (?:laget|klassen|gruppa|gruppen|gruppechatten|chatten|timen|klubben|teamet|butikken|festen|bandet|koret))|sende meg)\b",
    r"\b(?:tvangsgift|giftes bort|gifte meg bort|gift bort|sende meg til hjemlandet|forced (?:to )?marr)\w*",
]

SEXUAL_ABUSE = [
    r"\b(?:deler|dele|deler ut|legger ut|legge ut|leggje ut|leggjer ut|legg ut|spre|spreier|sprer|sender|sende|publiserer|share|shares|post|posts|leak|leaks|send|sends)(?: \w+){0,4} (?:nudes|noodz|nudez|nakenbild\w*|nakenbilet\w*|bildene|bileta|biletene|bilda|videoen|pics|pictures|photos)(?: \w+){0,4} (?:ellers|hvis ikke|viss ikkje|om jeg ikke|om eg ikkje|hvis jeg ikke|unless|or else|if i don t|if i dont|if i do not)\b",
    r"\b(?:truer|trua|truet|truar|truga|trugar|threatens|threatened|threatening|presser|pressar)(?: \w+){0,3} (?:med å|to) (?:dele|legge ut|leggje ut|spre|spreie|sende|share|post|leak|send)(?: \w+){0,2} (?:nakenbild\w*|nakenbilet\w*|bildene|bilda|bileta|nudes|noodz|pics|pictures|videoen|video)\b",
    r"\b(?:voksen|vaksen|adult|grown|eldre|older) (?:mann|kar|fyr|man|guy|dude)(?: \w+){0,6} (?:vil ha|ber om|spør om|spør etter|wants|asks for|asked for|keeps asking for) (?:bilder|bilete|nakenbild\w*|nakenbilet\w*|pics|pictures|photos|nudes)\b",
    r"\b(?:forgrip\w*|forgrep\w*|forgripe\w*) (?:seg|himself|herself) (?:på|on) (?:meg|mæ|henne|ham|han|oss|me|her|him|us)\b",
    r"\b(?:made|makes|forced|forces|tvang|tvinger|fikk) (?:me|meg) (?:to |til å |å )?(?:do|gjøre|gjere) (?:stuff|things|ting|sexual \w+|seksuelle \w+)(?: \w+){0,3} (?:i|jeg|eg) (?:didn t|didnt|did not|don t|dont|ikke|ikkje) (?:want|vil|ville)",
    r"\bsa d (?:me|her|him|them)\b|\b(?:got|was|been|getting|get) sa\b(?= (?:at|by|on|last|when|and|yesterday))",
    r"\b(?:tvang|tvinga|tvinget|forced|presset|pressa) (?:seg|himself|herself) (?:på|on) (?:meg|mæ|me|henne|her)\b",
    r"\b(?:vår|our|vår lille|our little) (?:lille |little )?(?:hemmelighet|hemmelegheit|hemmelegheit|secret)\b",
    r"\b(?:han|hun|ho|he|she|sier han|seier han|he says|he said)(?: \w+){0,3} (?:ikke|ikkje|not|can t|cant) (?:får|få|må|allowed to|can|tell)(?: lov til)? (?:å )?(?:si|seie|fortelle|tell)(?: det)? (?:til|to) (?:mamma|pappa|noen|nokon|anyone|mum|mom|my parents)\b",
    r"\b(?:blir|ble|blei|vart|being|getting|got|was|is|er) (?:sextort\w*|utpress\w*)|\b(?:sextort\w*|utpress\w*) (?:meg|me|mæ)\b|\b(?:blackmail\w*|truer|truga|trugar) (?:meg|me)\b(?: \w+){0,4} (?:nudes|nakenbild\w*|nakenbilet\w*|bilder|bileta|pics|pictures|video)",
    r"\b(?:deler|dele|legge ut|leggje ut|legg ut|spre|share|post|leak)(?: \w+){0,3} (?:nudes|nakenbild\w*|nakenbilet\w*|bildene|videoen)(?: \w+){0,3} (?:ellers|hvis ikke|viss ikkje|unless|or else|if i don t|om eg ikkje)\b|\b(?:vil ha|wants) (?:penger|money)(?: \w+){0,3} (?:ellers|or|hvis ikke)(?: \w+){0,3} (?:deler|share|legger ut)\b",
    r"\b(?:våknet|vakna|woke|woken)(?: opp| up)?(?: \w+){0,2} (?:uten|utan|without|with no|med ingen) (?:klær|klede|bukse|buksa|truse|trusa|clothes|pants|underwear)\b",
    r"\b(?:filmet|filma|filmed|video|videoen|bilder|bilete|photos?|pictures?|bildene)(?: \w+){0,4} (?:naken|naked|uten klær|utan klede|nude)\b",
    r"\b(?:ble|blei|vart|was|got|blir|get|getting) (?:tvunget|tvinga|tvungen|forced|pressa|presset|pressured) (?:til|te|to|into)\b",
    r"\b(?:moden for alderen|mature for (?:my|your) age)\b|\b(?:slette|slett|delete) (?:chatten|meldingene|the chat|our chat|messages)\b(?= .*(?:voksen|han|he|mann|eldre|older))",
    r"\b(?:voksen|vaksen|adult|mann|fyr|guy|man) (?:på|of) \d\d\b|\b(?:voksen|vaksen|adult|grown man|older man|eldre mann|mann på \d\d)(?: \w+){0,10} (?:vil møte|vil treffe|vil at (?:jeg|eg) skal komme|wants to meet|wants me to come|asks for (?:pics|pictures|nudes|photos)|ber om bilder|spør om bilder|betaler)",
    r"\b(?:betaler|pays|paying|gir meg penger|gives me money)(?: \w+){0,3} (?:for|til) (?:bilder|bilete|pics|pictures|photos|nudes)\b",
    r"\b(?:det han gjør|det hun gjør|det ho gjer|det han gjer|what he does|what he s doing)(?: \w+){0,2} (?:er normalt|is normal|er vanlig)\b",
    r"\b(?:gjorde det likevel|did it anyway|fortsatte likevel|kept going anyway|for full til å si nei|too drunk to say no|han ville ikke stoppe|han ville ikkje stoppe|he wouldn t stop|he didn t stop|he wouldnt stop)\b",
    r"\b(?:made me touch|fikk meg til å ta på|forced me to touch|tvang meg til å ta på)\b",
    r"\b(?:held|holdt|heldt|holder|held) (?:meg|me) (?:nede|down)\b",
    r"\b(?:tvinger|tvingar|tvang|tvinga|forces|forced|force|presser|pressar|pressa|pressured|makes|made) (?:meg|me|mæ) (?:til|to|into) (?:å |og )?(?:ting|things|gjøre ting|gjere ting|do things)(?: \w+){0,2} (?:jeg|eg|i) (?:ikke|ikkje|don t|dont|do not) (?:vil|want)\b",
    r"\b(?:voldtatt|voldtok|voldta|voldtar|valdteken|valdtatt|valdtok|voltatt|voldtat|raped|raping)\b",
    # slang: "ble rapa på fest" (passive only: "babyen rapa" is a burp)
    r"\b(?:ble|blei|vart|blitt|got|get|getting|was) (?:\w+ )?(?:rapa|rapet|rapea|raypa)\b",
    r"\b(?:tvang|tvinger|tvingar|tvingen|presset|pressa|pressar|forced|forces|pressured|made) (?:meg|me) (?:til|to|into)(?: å| og)? (?:sex|ha sex|ligge med|suge|gjøre seksuelle|gjere seksuelle|seksuelle|sexual|have sex|do sexual|touch|ta på|kline|sende nakenbilder|send nudes)",
    r"\b(?:tar|tok|tek|rører|rørte|tafser|tafsa|befølte|beføler|befølt|touches|touched|groped|gropes|feels me up|felt me up) (?:på )?(?:meg|me|mæ)(?: \w+){0,4} (?:når jeg ikke vil|når eg ikkje vil|uten at jeg vil|utan at eg vil|against my will|when i don t want|when i dont want|i say no|jeg sier nei|on my private|mellom beina|på puppene|under klærne|om natta|om natten|at night|der nede)",
    r"\b(?:onkelen|onkel|stefaren|stefar|pappa|faren min|far min|bestefar|morfar|farfar|broren min|fetteren|treneren|læreren|naboen|en voksen|ein vaksen|en eldre|my uncle|my stepdad|my dad|my coach|my teacher|an adult|an older)(?: min| mi)?(?: \w+){0,2} (?:tar på|tok på|rører|rørte|tafser|befølte|touches|touched|molests|molested|abuses|abused|misbruker|misbrukte|forgriper|forgrep)(?: meg| me| mæ)?",
    r"\b(?:seksuelt misbrukt|seksuelle overgrep mot meg|misbrukt seksuelt|sexually abused|sexually assaulted|molested|overgrep mot meg|utsatt for overgrep|utsett for overgrep|blitt misbrukt|vorte misbrukt|blei misbrukt|har misbrukt meg|misbruker meg|misbrukte meg|forgrep seg på meg|forgriper seg på meg|forgrip seg på meg)\b",
    r"\b(?:sex|seksuelle ting|sexual things)(?: \w+){0,3} (?:uten at jeg ville|utan at eg ville|mot min vilje|against my will|when i was asleep|mens jeg sov|medan eg sov|da jeg var full|when i was drunk|når jeg sa nei|when i said no)\b",
    r"\b(?:sa nei|said no|sa stopp)(?: \w+){0,4} (?:men han|men ho|men hun|but he|but she|but they) (?:fortsatte|heldt fram|continued|kept going|did it anyway|gjorde det likevel)\b",
    r"\b(?:truer|trua|truet|threatens|threatened|presser|pressar)(?: \w+){0,3} (?:med å|to) (?:dele|legge ut|spre|sende|share|post|leak) (?:nakenbilder|nakenbildene|bildene|bilda|nudes|my nudes|the pictures|videoen)\b",
    rf"\b{FRIEND}(?: \w+){{0,4}} (?:ble|blei|vart|was|got|has been|har blitt) (?:voldtatt|valdteken|valdtatt|raped|misbrukt|molested|sexually abused|sexually assaulted)",
    r"\bgroom(?:er|et|a|ing|ed)? (?:meg|me)\b|\b(?:voksen mann|vaksen mann|grown man|older man|eldre mann)(?: \w+){0,6} (?:vil møte meg|vil treffe meg|wants to meet me|asks for nudes|ber om nakenbilder|spør om nakenbilder|sier jeg ikke må si det|says i can t tell|says not to tell)",
]

# Medical emergencies: poison swallowed, vomiting or spurting blood, not breathing or unconscious,
# a lot of pills taken. Words with one meaning and a life at stake: the crisis classifier's doubt
# never softens them to a check-in (`nlu.CrisisOverride`).
MEDICAL_EMERGENCY = [
    r"\b(?:drakk|drikke|drukket|drukke|svelget|svelga|svelgde|drank|drunk|swallowed|ate|spiste|et)(?: \w+){0,2} (?:klorin|klor|bleach|lampeolje|lamp oil|rensemiddel|vaskemiddel|oppvaskmiddel|lut|salmiakk|ammoniakk|frostvæske|antifreeze|detergent|rottegift|gift|poison|batteri\w*|button battery)\b",
    r"\b(?:forgiftet|forgifta|forgifting|forgiftning|poisoned|poisoning)\b",
    r"\b(?:kaster|kastar|throwing|vomiting|hoster|hostar|coughing) (?:opp )?(?:up )?(?:blod|blood)\b",
    r"\b(?:spruter|sprutar|pumper|pumpar|fosser|fossar|gushing|spurting|pouring) (?:blod|blood)|\bblood (?:everywhere|is gushing|spurting)\b|\bbleeding (?:like crazy|so much|a lot|heavily|badly|really bad)\b|\b(?:can t|cant|cannot|klarer ikke å|klarar ikkje å|får ikke|får ikkje) (?:stop|stoppe|stogge) (?:the bleeding|it|blødningen|blodet)\b",
    r"\b(?:puster ikke|pustar ikkje|not breathing|isn t breathing|isnt breathing|bevisstløs|medvitslaus|unconscious|passed out and won t wake|våkner ikke|vaknar ikkje|won t wake up|wont wake up|blør mye|blør masse|bleeding a lot|bleeding heavily|krampe|anfall nå)\b",
    r"\b(?:tatt|tok|svelget|svelga|took|swallowed) (?:masse|mange|alle|en haug|a lot of|a bunch of|all (?:the|my|her|his)) (?:piller|tabletter|pills|sovepiller)\b",
]

ACUTE_DANGER = [
    *MEDICAL_EMERGENCY,
    r"\b(?:being|getting|blir|er|vert) (?:followed|fulgt|forfulgt|forfølgd|stalked)\b",
    r"\b(?:od d|odd|od ed|overdosed|overdosa|overdoserte)\b(?= .*\b(?:wake|waking|våkne|vakne|breathing|puste|svarer|svarar|responding|answering)\b)",
    r"\b(?:låste|låser|locked|locks) (?:bil)?(?:dørene|døra|døren|the doors|the car doors)\b|\b(?:slipper|sleppar|lar|slepp) (?:meg|me) (?:ikke|ikkje|not) (?:ut|gå|dra|leave|go)\b|\b(?:won t|wont|will not) let (?:me|us) (?:go|out|leave)\b",
    r"\b(?:holdt|holdes|held|blir holdt|blir haldt|vart halden|being held) fast\b|\b(?:fanget|fanga|trapped|innelåst|stengt inne) (?:i|inne|in)\b|\blocked in (?:a|the) (?:car|room|house|van)\b",
    r"\bdet (?:brenner|brenn)\b(?! i (?:halsen|magen|øynene|huden|fingrene|hjertet|brystet))|\b(?:røyk|smoke)(?: \w+){0,4} (?:kommer meg ikke ut|kjem meg ikkje ut|can t get out|overalt|everywhere)\b",
    r"\b(?:rar|svimmel|dizzy|weird|strange|fuzzy)(?: \w+){0,4} (?:etter|after) (?:drinken|drikken|the drink|a drink|drink)\b",
    r"\b(?:prøver|prøvar|trying|tries) (?:å |to )?(?:komme|kome|get|break) (?:seg )?(?:inn|in)\b|\bdet er (?:noen|nokon) i (?:huset|leiligheten|huset vårt)\b|\bsomeone (?:is|s) in (?:the|my|our) (?:house|home|flat|apartment)\b|\b(?:innbrudd|innbrot|break in|break-in)\b(?= .*\b(?:nå|no|now)\b)",
    r"^(?:hjelp|help|hjelpe)(?: meg| me)?(?: nå| no| now| plis| please| pls)*$",
    r"\b(?:got|was|ble|blei|vart|blir|have been|har blitt) (?:robbed|ranet|rana|rane|mugged|overfalt|attacked|angrepet|angripen|stabbed|knivstukket|knivstukken|skutt|shot)\b",
    r"\b(?:blør|blod|bleeding|blø|blødning)\b(?: \w+){0,4} (?:vil ikkje stoppe|vil ikke stoppe|slutter ikke|sluttar ikkje|won t stop|wont stop|stopper ikke|stoppar ikkje|doesn t stop)\b|\b(?:slutter|sluttar) ikk\w* å blø\b",
    r"\b(?:vil|ville) (?:ikke|ikkje) (?:slippe|sleppe) (?:meg|me)\b|\b(?:ikke|ikkje) (?:vil|ville) (?:slippe|sleppe) (?:meg|me)\b|\bwon t let me (?:go|out|leave)\b|\b(?:holder|held|holdt) (?:meg|me) (?:fast|igjen)\b",
    r"\b(?:står|stod|venter|står og venter|har stått|har stått og|is standing|is waiting|is outside|s been standing|has been standing|been standing|s standing) (?:utenfor|utanfor|ved|outside|at) (?:døra|døren|døra mi|huset|vinduet|leiligheten|rommet mitt|the door|my door|the house|my house|my window)\b",
    r"\b(?:følger|følgjer|forfølger|forfølgjer|fulgte|fulgt|følgd|forfulgt|forfølgd|following|followed|stalking|stalker) (?:etter )?(?:meg|me)\b(?! (?:på|on) (?:insta|instagram|tiktok|snap|snapchat|twitter|x|youtube|spotify))",
    r"\b(?:truer|truet|trua|truar|threatens|threatened|threatening)(?: \w+){0,2} (?:med å drepe|med å skade|med kniv|med våpen|med pistol|to kill|to hurt|with a knife|with a gun|me with a knife|me with a gun)",
    r"\b(?:har|holder|hadde|med|has|have|holding|got) (?:en |ei |a )?(?:kniv|kniven|pistol|pistolen|våpen|gevær|knife|gun|weapon)(?: \w+){0,4} (?:og truer|og trugar|and threatens|mot meg|against me|at me|pointed at me|rettet mot meg)",
    r"\b(?:skal|vil|wants to|truer med å|trugar med å|threatens to|threatened to|sier han skal|sier hun skal|says he will|says he s going to) (?:drepe|drep|skade|kill|hurt|stab|shoot) (?:meg|me|oss|us|mamma|pappa)\b",
    r"\b(?:jeg er|eg er|i am|i m|im|vi er|we are) (?:i fare|i livsfare|in danger|not safe|ikke trygg|ikkje trygg|ikke trygg hjemme|utrygg)\b",
    r"\b(?:prøver|prøvar|trying to|tries to|tried to) (?:å )?(?:bryte seg inn|bryte inn|break in|get in|komme seg inn)\b|\bbreaking in\b|\binnbrudd (?:nå|hos oss nå)\b",
    r"\b(?:ring|call|ringe) (?:113|112|110|politiet|ambulanse|ambulansen|the police|an ambulance)\b(?= (?:nå|now|for meg|for me|please|plis))",
    r"\b(?:hjelp|help)(?: meg| me)? ?(?:nå|now|!{2,})\b(?= .*(?:redd|skremt|fare|kniv|slår|truer|følger|scared|danger|knife|hitting|following))",
    r"\b(?:noen|nokon|someone|somebody|en mann|ein mann|a man|a guy|en fyr)(?: \w+){0,3} (?:angriper|angrep|prøver å ta|attacking|attacked|grabbing|grabbed|prøvde å dra meg|tried to drag me|dragged me)\b",
    r"\b(?:kidnappa|kidnappet|kidnapped|holdt fanget|held captive|sperret inne|sperra inne)\b",
    # A shooting or a stabbing going on where the writer is: "det er skyting på skolen nå".
    r"\b(?:skyting|skuddveksling|skyteepisode|skudd|shooting|shots fired|gunshots|active shooter|gunman|knivstikking|stabbing)\b"
    r"(?= .*\b(?:nå|akkurat no|right now|now|rn|her inne|in here|her hos oss)\b)",
]

# Bare topic words: a crisis on their own, unless the message is plainly about the subject -------
TOPIC_WORDS = {
    "suicide": [rf"\b{SUICIDE_WORD}"],
    "self_harm": [rf"\b{SELF_HARM_WORD}"],
    "violence_home": [r"\b(?:vold i nære relasjoner|familievold|vold i familien|domestic violence|mishandling)\b|\b(?:vold|vald|mishandling|juling|violence|abuse) (?:hjemme|heime|i heimen|at home|in my family|in our home)\b"],
    "sexual_abuse": [r"\b(?:voldtekt|valdtekt|voldtekten|rape|overgrep|overgrepet|seksuelle overgrep|sexual abuse|sexual assault|incest|misbruk)\b|\b(?:sextort\w*|utpress\w*)"],
    "acute_danger": [],
}

# Questions about a subject: these veto only the bare topic words.
STATS_CONTEXT = [
    r"\b(?:hvor mange|kor mange|how many|hva er straffen|kva er straffa|what is the penalty|hva sier loven|hva betyr|kva tyder|what does .* mean|definisjon|definition|forebygge|forebygging|prevention|hvordan forebygge|hvordan hjelpe elever|tegn på|teikn på|signs of|hvordan vet man|korleis veit ein|hva er|kva er|what is|what s|hva skjer|kva skjer|får man|får ein|er det lov|is it legal|is it allowed|is it ok for|hvordan kan jeg hjelpe|korleis kan eg hjelpe|how can i help|how do i help|hvordan hjelpe|hvordan takle|korleis takle|how to cope|førstehjelp|first aid|hva sier man|kva seier ein|what do you say|hvordan fjerne|hvordan få slettet|rettssak|advokat|lawyer|court|er det vold|is it violence|is it abuse|hvorfor er det|kvifor er det|why is there|why is it|why are there|straffbart|ulovlig|illegal|against the law|spørsmål (?:\w+ ){0,2}om|spørre (?:\w+ ){0,2}om|spørje (?:\w+ ){0,2}om|questions? (?:\w+ ){0,2}about|ask (?:\w+ ){0,2}about|lese om|read about|info om|informasjon om|information about)\b",
]

# Topic context: the message is about a subject, not about the writer -----------------------------
TOPIC_CONTEXT = [
    r"\b\w+fag\b|\bi timen\b|\b(?:vi har om|vi lærer om|vi lærar om|we re learning about|we are learning about|we re doing)\b",
    r"\b(?:oppgave|oppgåve|fagtekst|foredrag|presentasjon|tema|temaet|prosjekt|særemne|stil|rapport|essay|assignment|project|presentation|homework|lekse|lekser|pensum|samfunnsfag|historie|historietimen|norsktimen|krle|religion|etikk|film|filmen|serie|serien|bok|boka|boken|roman|novelle|dikt|sang|låt|podcast|dokumentar|documentary|movie|series|book|novel|song|nyheter|nyhetene|nyheita|news|avisa|artikkel|article|statistikk|statistics|forskning|research|andre verdenskrig|verdenskrig|world war|krigen|holocaust|vikinger|vikingene)\b",
    # news and stories, also as compounds ("krimserien", "tv-serien")
    r"\bi media\b|\bi mediene\b|\bin the media\b|\bpå nyhetene\b|\bon the news\b|\b(?:leste|lest|read) (?:at|om|that|about)\b|\b\w+(?:serie|serien|filmen|boka|romanen)\b",
]
