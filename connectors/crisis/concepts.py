"""Concept co-occurrence rules for crisis detection.

Phrases alone cannot cover how young people describe danger. A rule fires when every concept it
names occurs somewhere in the message (after idioms are removed, see `lexicon.IDIOMS`). Concepts
are broad on purpose: a false alarm costs a kind answer with helplines, a miss can cost a life.
"""

from __future__ import annotations


CONCEPTS = {
    "self": r"\b(?:jeg|eg|je|æ|i|meg|mæ|me|my|myself|mitt|mi|min|mine|oss|vi|us|we)\b",
    "family": (
        r"\b(?:pappa\w*|papa|mamma\w*|mama|mor|far|moren|faren|mora|foreldr\w*|stefar\w*|stemor\w*|"
        r"steforeld\w*|stepappa|stemamma|fatter\w*|mutter\w*|fosterforeld\w*|fostermor\w*|fosterfar\w*|fosterfamilie\w*|"
        r"besteforeld\w*|bestefar\w*|farfar\w*|morfar\w*|bestemor\w*|farmor\w*|mormor\w*|onkel\w*|"
        r"tante\w*|bror\w*|brodern|storebror\w*|lillebror\w*|stebror\w*|søster\w*|syster\w*|systera|"
        r"storesøster\w*|kjærest\w*|typen|dad\w*|mom\w*|mum\w*|mother|father|stepdad|stepfather|"
        r"stepmom|stepmum|stepmother|stepbrother|foster|grandpa|grandfather|grandma|grandmother|"
        r"uncle|brother|sister|parents?|husband|boyfriend)\b"
    ),
    "violence": (
        r"\b(?:slår|slo|slått|slag|slå|slenger|banker|banka|bankar|banket|juler|jula|julte|juling|"
        r"sparke\w*|sparka|sparker|kvele\w*|kvel|kvalt|kvelertak|kveletak|dytte\w*|dytta|lugge\w*|"
        r"lugga|knyttnev\w*|klyp\w*|blåmerke\w*|blåveis|merker i|merke på|merker på|vold\w*|vald\w*|"
        r"mishandl\w*|banking|bank|klapper til|klappa til|klappet til|klask\w*|ørefik\w*|hit|hits|hitting|beat|beats|beating|beaten|kick\w*|punch\w*|slap|slaps|slapped|slapping|chok\w*|"
        r"strangl\w*|bruise\w*|shov\w*|pushed|pushes|threw|throws|violent|abusive|abuse\w*|deng\w*|hurting me|hurts me|hurt me)\b"
        r"|\b(?:drar|dro|drog|dreg) (?:meg|oss) (?:i|etter) håret\b|\bkast\w*(?: \w+){1,3} (?:etter|på|at) (?:meg|oss|me|us)\b|\bslåss\w*|\bslost\b"
        r"|\b(?:tak|grep|grabbed|squeezed) (?:i|rundt|my) (?:halsen|throat|neck)\b|\bhalsen min\b|\bby the (?:throat|hair)\b|\bpulls? my hair\b|\blugger meg\b"
        r"|\b(?:låser|låste|stenger|stengte|locks?|locked) (?:meg|oss|me|us) (?:ute|inne|out|in)\b"
        r"|\b(?:black eyes?|svart øye|blått øye|blaue?tt auge)\b"
        # something smashed or thrown at the head or face: "knuste ein tallerk i hovudet mitt"
        r"|\b(?:knuste|knuser|knust|smashed|smashes|smash|threw|throws|kasta|kastet|kastar|kaster)(?: \w+){0,3} "
        r"(?:i|mot|på|over|on|at|against|into) (?:hodet|hovudet|huet|trynet|ansiktet|my head|my face)\b"
    ),
    "self_harm_act": (
        r"\b(?:skrap\w* (?:opp )?(?:huden|meg|armen|armene|skin|my skin)|kutt\w*|cutt\w*|cut|cuts|(?:skjær\w*|skar|skjer|skore|skor)(?= (?:meg|mæ|seg|myself|opp|i (?:armen|armane|armene|låret|handleddet|håndleddet)))|carv\w*|klor\w*|scratch\w*|"
        r"brenn\w*|brant|brent\w*|brend\w*|burn\w*|risp\w*|riss\w*|reopen\w*|selvskad\w*|sjølvskad\w*|selfharm\w*|sh)\b"
        r"|\bself ?harm\w*|\b(?:river|rev|riv|rive|nappe\w*|pull\w*|pulling|tear\w*) (?:ut |out )?(?:håret|hår|my hair|hair)\b"
        r"|\b(?:åpne\w*|river opp|rive opp) (?:sår\w*|kutt\w*)\b"
        r"|\b(?:slår|slo|slått|slå|hit\w*|punch\w*|bank\w*) (?:meg selv|meg sjølv|meg sjøl|myself)\b"
        r"|\b(?:slår|slo|slå|punch\w*|hit\w*|bank\w*)(?: \w+){0,3} (?:i veggen|i vegg|veggen|walls?|the wall)\b"
        r"|\b(?:skade\w*|skada\w*|hurt\w*|harm\w*) (?:meg|seg|myself|him ?self|her ?self|themselves|them ?self)\b"
        r"|\b(?:sulter|svelt\w*|starv\w*) (?:meg|myself)\b"
    ),
    "self_harm_marker": (
        r"\b(?:med vilje|on purpose|til blods|til det blør|blør|blødde|bleed\w*|arr|arra|arrene|arret|"
        r"scars?|sår|såra|wounds?|kuttene|kutta|kutt|cuts|barberblad\w*|razor\w*|blades?|passar\w*|"
        r"igjen|again|fortjener|fortener|deserve|straff\w*|punish\w*|føle\w* no\w*|feel something|feel anything|"
        r"gjør vondt|gjer vondt|hurts|blåveis|blåmerke\w*|bruise\w*|dypere|djupare|deeper|slutte|stop|trang\w*|urge\w*|"
        r"(?:sint|sinna|sinte|sur|forbanna) på meg (?:selv|sjølv|sjøl)|angry at myself|mad at myself|til det blir svart|until it goes black|lyst|want|wanna|urge|trang|so bad|"
        r"hver kveld|kvar kveld|every night|relaps\w*|sprakk|clean|fresh|ferske|langerm\w*|long sleeves|"
        r"skjul\w*|gjemm\w*|gøym\w*|hide|hiding|plaster|håndledd\w*|handledd\w*|wrists?|armene|armen|"
        r"låret|lårene|thighs?|magen|hovudbotnen|knokene|knuckles|merke|merker|angst|anxiety|for å sove|"
        r"to sleep|hjelper|helps)\b"
    ),
    "sexual": (
        r"\b(?:sex\w*|seksuel\w*|naken\w*|nakne|nudes?|naked|voldt\w*|valdt\w*|rape\w*|raping|"
        r"overgrep\w*|misbruk\w*|molest\w*|grop\w*|fondl\w*|groom\w*|tafs\w*|befø\w*|kline\w*|"
        r"blackmail\w*|sextort\w*|utpress\w*|pupp\w*|bryster|brystene|brysta|brystvort\w*|underliv\w*|privates?|penis|dick|"
        r"undertøy\w*|underwear|porno?\w*|kle av meg|kle av seg|undress\w*)\b"
        r"|\b(?:tar|tok|tek|ta|tatt|teke|rører|rørte|touch\w*|grab\w*|tar og føler) (?:på )?(?:meg|me|brysta|brystene|puppene|rumpa|kroppen|henne|ham|han|him|her|ho|seg)\b(?! med på\b)|\bkjenner på (?:meg|brysta|brystene|puppene|rumpa|kroppen|henne|ham|han|ho|seg)\b"
        r"|\b(?:uten|utan|without) (?:klær|klede|clothes|noe på)\b"
        r"|\b(?:inn på|into) (?:rommet|my room|the room)(?: \w+){0,3} (?:om natta|om natten|at night|når alle sover)\b"
        r"|\b(?:gjør|gjer|gjorde|gjorte) (?:ting|sånt|slikt) med (?:meg|mæ|henne|ham|han|ho)\b|\b(?:does|did|doing|do) (?:things|stuff) to (?:me|her|him)\b"
        r"|\b(?:hånd\w*|handa|hand) (?:ned |ned i |inn i |down |in )(?:buksa|trusa|my pants|pants)\b"
        r"|\b(?:filme\w*|filma|filmed|bilder av|bilete av|pictures of|photos of)(?: \w+){0,4} (?:i dusjen|dusj\w*|shower|uten klær|utan klede|naken|naked)\b|\b(?:filme\w*|filma|filmed) (?:oss|us|meg|me)\b"
        r"|\b(?:komme|kome|come)(?: \w+){0,4} (?:alene|aleine|alone)\b"
        r"|\bmade me touch\b|\bfikk meg til å ta på\b|\bville at jeg skulle ta på\b"
        r"|\b(?:meldinger|meldingar|messages|snaps?|kommentarer|kommentarar|comments)(?: \w+){0,4} (?:kroppen|puppene|rumpa|utseendet|body|boobs|ass)\b"
        r"|\b(?:møte\w*|møtes|treffe\w*|meet\w*|hente\w*|pick me up) (?:meg |me )?(?:alene|aleine|alone|etter skolen|after school)\b"
        r"|\b(?:holdt|held|holder|held) (?:meg|me) (?:nede|fast|down)\b"
        r"|\b(?:våknet|vakna|woke up)(?: \w+){0,3} (?:uten|utan|without)\b"
    ),
    "coercion": (
        r"\b(?:voksen|vaksen|adult|grown|eldre|older|mann|a man|the man|fyr|guy|onkel\w*|uncle|stefar\w*|stepdad|"
        r"stebror\w*|stepbrother|bestefar|farfar|morfar|grandpa|leder\w*|leiar\w*|trener\w*|coach|"
        r"lærer\w*|lærar\w*|teacher|pastor|prest\w*|fotograf\w*|photographer|nabo\w*|neighbou?r|"
        r"fetter\w*|kusine\w*|kusin\w*|cousin|sjef\w*|boss|kollega\w*|kjærest\w*|boyfriend|eks\w*|"
        r"hemmelig\w*|hemmeleg\w*|secret|tvang|tving\w*|forced?|press\w*|truer|truar|trua|true\w*|"
        r"threat\w*|blackmail\w*|truga|trugar|truge\w*|viss ikkje|hvis ikke|hvis jeg ikke|if i don t|against my will|"
        r"uten å spørre|utan å spørje|without asking|without consent|uten samtykke|uten lov|fest\w*|party|husker ingenting|hugsar ingenting|remember nothing|"
        r"\w*leder\w*|\w*leiar\w*|\w*trener\w*|\w*lærer\w*|\w*onkel\w*|\w*fotograf\w*|gaver|gifts|"
        r"mot min vilje|uten at jeg|utan at eg|når ingen ser|when no one|nobody is around|no one is around|når ingen er|alone|alene|aleine|full|drunk|"
        r"asleep|sov|sovna|ikke vil|ikkje vil|don t want|sa nei|said no|stopp|stop|kommer inn|"
        r"om natta|om natten|at night|dusj\w*|ville|måtte|made me|told me|jeg er 1[0-6]|eg er 1[0-6]|i m 1[0-6]|im 1[0-6]|"
        r"på \d\d|nett\w*|online|snap\w*|insta\w*|leir|camp|fotballtur\w*|trening\w*|practice|jobben|"
        r"lageret|skitten|skitne|dirty|ingen må vite|falske?|fake|deepfake\w*)\b"
    ),
    "self_harm_evidence": (
        r"\b(?:arr|arra|arrene|arret|scars?|kutt|kuttene|kutta|cuts|sår|såra|wounds?)\b(?: \w+){0,3} (?:på|on|over) (?:armene|armen|armane|handledd\w*|håndledd\w*|låret|lårene|beina|magen|wrists?|arms?|thighs?|legs?|stomach)"
        r"|\b(?:armen|armene|låret|lårene|wrists?|arms?) (?:er|is|are) (?:full|fulle|covered) (?:av|of|in) (?:arr|kutt|scars|cuts)\b"
        r"|\bfresh cuts\b|\bferske kutt\b|\bnye kutt\b"
    ),
    "concealment": (
        r"\b(?:skjul\w*|gjemm\w*|gøym\w*|hide\w*|hiding|cover\w*|langerm\w*|long sleeves|plaster|katten|the cat|"
        r"sier det var|says it was|said it was|uhell|accident|lyver|lying|løy|lied|ingen vet|no one knows|sier ingenting|madrass\w*|"
        r"pennal\w*|i lomma|i veska|under senga|i skapet|genser\w*|hoodies?|sweater|ingen ser|no one sees|så ingen)\b"
        # nobody is to find out: "so nobody at home finds out", "uten at noen merker det"
        r"|\b(?:nobody|no one|noone|ingen)(?: \w+){0,3} (?:finds? out|notices?|sees?|finner ut|merker|merkar|oppdager|oppdagar)\b"
        r"|\b(?:without|uten|utan) (?:anyone|anybody|noen|nokon) (?:noticing|knowing|seeing|merker|merkar|ser|veit|vet)\b"
    ),
    "family_trouble_sound": r"\b(?:knuser|knust|knuste|smash\w*|breaking things|skrik\w*|scream\w*|hyl\w*)\b",
    "blades": (
        r"\b(?:barberblad\w*|barberhøvel\w*|razor\w*|blades?|blader|bladene|knivblad\w*|glasskår\w*|glass shards?|lighter|lighteren|lightern)\b"
        r"|\b(?:på|i|on) (?:armen|armene|armane|låret|lårene|handleddet|håndleddet|my arm|my thigh|my wrist) med (?:bladet|kniven|saksa|passeren|the blade)\b"
        r"|\b(?:sitter|sit|står|ligger|holder|sitting|holding) (?:jeg |eg |i )?(?:her |here )?(?:med|with) (?:bladet|kniven|saksa|the blade|a blade|the knife|the scissors)\b"
    ),
    "scars": r"\b(?:arr|arra|arrene|arret|scars?|merkene|blåmerkene|bruises|brannmerke\w*|brannsår\w*|burn marks?|sårene|såra|kuttene|wounds)\b",
    "hiding": r"\b(?:gjemmer|gjøymer|gøymer|gjemte|hiding|hide|hides|skjuler|skjulte) (?:meg|myself|oss|us|seg|himself|herself)\b|\b(?:låst|låste|locked) (?:meg|myself) inne\b|\blocked myself in\b",
    "pursuer": r"\b(?:for|from) (?:noen|nokon|someone|somebody|him|han|ham|dem|them|de|dei|pappa|faren|stefar)\b|\b(?:leter|leitar|looking|searching) (?:etter|for) (?:meg|me)\b",
    "stranger": (
        r"\b(?:fremmed\w*|framand\w*|stranger|ukjent mann|unknown man)\b"
        r"|\b(?:noen|nokon|someone|somebody|people|folk) (?:jeg|eg|i) (?:ikke|ikkje|don t|dont|do not) (?:kjenner|kjenne|know)\b|\b(?:a|some|this|random|creepy|an older|an old) (?:guy|man|dude)\b|\b(?:en|ein) (?:fyr|mann|kar|gubbe|gammel mann)\b|\b(?:ukjent|ukjend) (?:fyr|mann|kar|person)\b"
    ),
    "vehicle": r"\b(?:bil|bilen|bilen hans|car|van|varebil)\b",
    "intoxicated": (
        r"\b(?:tatt|tok|teke|tek|tar|took|taken|taking|takes|drukket|drukke|drank|drukkent|drakk|drikk) "
        r"(?:noe|noko|something|stuff|altfor mye|altfor mykje|alt for mye|for mye|for mykje|way too much|too much|masse|mykje)\b"
        r"(?! (?:kaffe|koffein|cola|energidrikk\w*|red ?bull|monster|sukker|godteri|snop|sjokolade|coffee|caffeine|energy drinks?|sugar|candy|vann|water|mat|food|sol|sun)\b)"
        r"|\b(?:blanda|blandet|mixed|mixing) (?:\w+ )?(?:piller|pills|tabletter|tablettar|meds|medisiner) (?:og|med|and|with) (?:sprit|alkohol|alcohol|vodka|drinks?|øl|beer)\b"
    ),
    # A body in alarm: a racing heart, no air, vision going, fear of dying now.
    "body_alarm": (
        r"\bhjertet (?:mitt |hans |hennar |hennes )?(?:banker|bankar|hamrer|hamrar|slår|slår så|raser|galopperer)(?: helt| heilt| så)? (?:sykt|vilt|fort|rart|ujevnt|hardt|mye)\b"
        r"|\b(?:heart|hearts) (?:is |s )?(?:racing|pounding|beating so fast|beating really fast|going crazy)\b"
        r"|\b(?:får|får ikkje|får ikke|fær|klarer|klarar) (?:ikke |ikkje |itj )?(?:å )?(?:puste|pust)\b|\bcan t breathe\b|\bcant breathe\b"
        r"|\b(?:brystsmerter|vondt i brystet|chest pain|chest hurts|kaster opp blod|spyr blod|throwing up blood|vomiting blood)\b"
        r"|\b(?:synet|vision) (?:mitt )?(?:blir|forsvinner|is going|going|går) (?:svart|black|borte)\b|\bser (?:bare )?svart\b"
        r"|\b(?:redd|rædd|scared|afraid|terrified) (?:for at )?(?:jeg|eg|æ|i) (?:dør|døyr|kommer til å dø|skal dø|m dying|am dying|will die|might die|m going to die|m gonna die)\b"
        r"|\b(?:tror|trur|think) (?:jeg|eg|æ|i) (?:dør|døyr|m dying|am dying)\b"
    ),
    "unresponsive": (
        r"\b(?:svarer|svarar|answering|answers|responding) (?:ikke|ikkje|not)\b|\b(?:isn t|isnt|not) (?:answering|responding|waking)\b|\b(?:won t|wont|will not) wake\b|\b(?:våkner|vaknar) (?:ikke|ikkje)\b"
        r"|\b(?:får|fær|can t|cant) (?:ikke |ikkje )?(?:kontakt|reach|get hold|vekket|vekt|vekka|vekkja|liv i|wake (?:him|her|them))\b"
        r"|\b(?:uten|utan|without) å (?:svare|svara|reagere|reagera|bevege seg|røre seg)\b|\bpassed out\b|\bpassa ut\b|\b(?:snakker|snakkar|prater|pratar|beveger seg|rører seg|talking|moving|responding) (?:ikke|ikkje)\b|\b(?:isn t|isnt|s not|is not|not) (?:talking|moving|responding)\b|\brar\b|\bsvimmel\b|\bdizzy\b|\bweird\b|\bkaster opp\b|\bthrowing up\b|\bbesvim\w*|\bfainted\b|\bklarer ikke (?:å )?stå\b|\bklarar ikkje (?:å )?stå\b"
    ),
    "armed": (
        r"\b(?:har|has|have|got|holder|holding|med|with|vifter med|waving|trakk|pulled|drar|drog|tok fram) (?:en |ei |et |a |the |sin |his |her )?"
        r"(?:kniv|kniven|knife|pistol|pistolen|gun|våpen|weapon|øks|axe|gevær|rifle|børse|børsa|hagle|hagla|machete|balltre|bat)\b"
        r"|\b(?:skyter|skyt|shooting|shots fired|skudd|knivstikk\w*|knivstukk\w*|stabbed|got shot|ble skutt|was shot)\b"
    ),
    "despair": (
        r"\b(?:orker|orkar|klarer|klarar) (?:ikke|ikkje) (?:mer|meir)\b|\b(?:ikke|ikkje) (?:orker|orkar|klarer|klarar) (?:mer|meir)\b"
        r"|\b(?:can t|cant|cannot) (?:go on|take it|do this) ?(?:anymore)?\b|\b(?:er|am) ferdig (?:nå|no|now)\b|\bgir opp\b|\bgiving up\b|\bgi opp\b"
    ),
    "weapon": r"\b(?:kniv\w*|knife|knives|våpen|weapon\w*|pistol\w*|gun|guns|gevær\w*|rifle|børse|børsa|hagle|hagla|øks|axe|balltre|machete)\b",
    "threat": (
        r"\b(?:true\w*|truer|trua|truar|truga|trugar|threat\w*|jage\w*|jaget|jaga|chas\w*|stalk\w*|forfølg\w*|forfulgt|ran|rana|"
        r"ranet|raner|robb\w*|angrip\w*|angrep|attack\w*|kidnap\w*|bortført\w*|abduct\w*)\b"
        r"|\b(?:følger|følgjer|fulgt|følgt|fulgte|følgde|følgd|follow\w*) (?:etter )?(?:meg|me|oss|us)\b"
        r"|\b(?:leter|leitar|looking|searching) (?:etter |for )?(?:meg|me)\b"
        r"|\b(?:venter|ventar|waiting) (?:på |for )?(?:meg|me)\b"
        r"|\b(?:vil|ville) (?:ikke|ikkje) (?:slippe|sleppe|la) (?:meg|me)\b|\b(?:won t|wont|will not) let me (?:go|out|leave|walk|get|pass)\b(?! (?:to|on|til|på|with)\b)"
        r"|\b(?:keeps|kept|keep) (?:telling|asking|trying to get) me to (?:come|go|get)\b|\bcome with (?:him|them)\b|\bget in (?:the|his|a|their) (?:car|van)\b"
        r"|\b(?:vil|ville) at (?:jeg|eg) skal (?:bli med|komme med|kome med|sette meg inn|sitte på)\b|\b(?:bli|kom|kome) med (?:han|ham|meg|dem|dei)\b"
        r"|\b(?:holder|held|holdt|holding) (?:meg|me) (?:fast|igjen|back)\b"
        r"|\b(?:kommer|kjem|coming|comes) (?:hit|here|etter meg|after me|to my)\b"
        r"|\b(?:gjemmer|gjøymer|gøymer|hiding|hide|skjuler) (?:meg|myself|oss)\b"
        r"|\b(?:dratt|dradd|dragged|pulled|trukket) (?:meg )?(?:inn i|into) (?:en |ein |a )?(?:bil|car|van)\b"
        r"|\b(?:banke|slå|drepe|skade|stikke|skyte|beat|kill|hurt|stab|shoot) (?:meg|me|oss|us)(?: opp| up)?\b"
        r"|\b(?:tok|tatt|grabbed|grab\w*) (?:tak )?(?:i )?(?:meg|me|armen min|my arm)\b"
        r"|\b(?:fremmed|framand|stranger)\b"
    ),
    "urgent": (
        r"\b(?:nå|no|now|rn|akkurat|right now|fortsatt|framleis|still|i kveld|i natt|tonight|alene|"
        r"aleine|åleine|aleina|åleina|alone|redd|rædd|scared|afraid|terrified|hjelp|help|klarer ikke|klarar ikkje|can t|"
        r"venter|ventar|waiting|etter skolen|after school|når jeg kommer ut|sier de skal|seier dei skal|svarer ikke|svarar ikkje|not answering|"
        r"fast|stuck|ute|outside|utenfor|utanfor)\b"
    ),
    "medical_emergency": (
        r"\b(?:puster|pustar) (?:ikke|ikkje|nesten ikke|nesten ikkje|dårlig|rart)\b"
        r"|\b(?:not breathing|can t breathe|cant breathe|isn t breathing|barely breathing|stopped breathing)\b"
        r"|\b(?:(?:er|is|ligger|lying) (?:\w+ )?(?:bevisstl\w*|medvitsl\w*|unconscious|besvimt|passed out)|(?:bevisstl|medvitsl)\w*(?! ?(?:het|heit))\w*)\b"
        r"|\b(?:våkner|vaknar|wakes?|waking|vekke|vakne) (?:ikke|ikkje|not)(?: opp)?\b|\bwon t wake\b|\bwont wake\b|\bklarer ikke (?:å )?vekke\b|\bklarar ikkje (?:å )?vekkje\b"
        r"|\b(?:blør|bløder|bleeding) (?:mye|masse|kraftig|heavily|a lot|badly)\b"
        r"|\b(?:krampe\w*(?! i (?:leggen|legg|foten|magen|låret|tåa|tærne|armen|handa|hånda|fingrene))|seizure\w*|overdos\w*)\b"
        r"|\b(?:putt\w*|puttet|put|kom|ha\w*) (?:noe|noko|something|stuff) (?:i|in) (?:drinken|drikken|glaset|drink\w*|my drink|her drink|his drink|the drink|our drinks?)\b|\bspiked\b|\bdrugged\b"
        r"|\b(?:gjennom|through) (?:isen|the ice)\b|\bi vannet og\b|\bin the water and\b"
        # Drowning now, or nearly just now; not a drowning in the news, in history or in a game.
        r"|\b(?:drukner|druknar|drowning)\b(?! in (?:work|homework|coursework|assignments|emails|school|tests|exams|stuff|debt))"
        r"|\b(?:holder|held|heldt|holdt|halde|holde) på å drukne\b|\b(?:nesten|nearly|almost) (?:druknet|drukna|drowned)\b|\bdrukna? nesten\b|\bdruknet nesten\b"
        r"|\b(?:det )?(?:brenn|brenner|brann|fire)\b(?: \w+){0,4} (?:røyk|smoke|kommer meg ikke ut|kjem meg ikkje ut|can t get out|trapp\w*|stairs)"
        r"|\b(?:full|fullt) av (?:røyk|røyk)\b|\bfull of smoke\b"
    ),
    "death": (
        r"\b(?:dø|døy|døyr|døde|døden|død|daud|die|died|dying|dead|death|selvmord\w*|sjølvmord\w*|"
        r"suicid\w*|unalive|kms|eksistere|eksistera|exist|exists|existed|existing|existence|farvel|goodbye|avskjed\w*|avskil\w*)\b"
        r"|\b(?:ta|tar|tok|tek|take|took) (?:livet|mitt eget liv|mitt eige liv|my life|my own life)\b"
        r"|\b(?:avslutte|avslutta|end|ending|ende) (?:livet|alt|it all|my life|everything|things)\b"
        r"|\b(?:være|vere|be) (?:til|here|her)(?: lenger| meir| mer| anymore)?\b"
        r"|\b(?:forsvinne|forsvinna|disappear|vanish)\b"
        r"|\b(?:siste|last) (?:kveld|dag|natt|gang|night|day|time)\b"
        r"|\b(?:tau|tauet|rope|løkke|noose)\b"
        r"|\b(?:togskinne\w*|jernbane\w*|jernbana|train tracks?|railway|skinnene|tracks)\b"
        r"|\b(?:står|stod|sitter|står og|standing|stand|sitting) (?:på|on) (?:the |a )?(?:brua|broa|broen|brua|bridge|taket|roof|kanten|edge)\b"
        r"|\b(?:motoren|motor|engine|eksos\w*|exhaust)\b(?: \w+){0,4} (?:garasje\w*|garage)\b|\b(?:garasje\w*|garage)\b(?: \w+){0,6} (?:motoren|motor|engine)\b"
        r"|\b(?:kjøre|kjøyre|drive|driving)(?: \w+){0,3} (?:inn i|into|i) (?:en |ein |a )?(?:vegg|wall|fjell|trailer|truck|tre|tree)\b"
        r"|\b(?:smertefri\w*|painless|måter å dø|ways to die|how to die|hvordan dø)\b"
        r"|\b(?:for godt|for good|forever|for alltid|for evig)\b"
        r"|\b(?:gi|gir|ga|gitt|giving|gave|given) (?:bort|away) (?:tingene|ting|alt|my stuff|my things|everything)\b"
        r"|\b(?:sletta|slettet|deleted) (?:alle |all )?(?:bildene|bilda|my pictures|my photos|kontoen|kontoene|kontoane|profilene|account|accounts)\b"
        r"|\bha det (?:til alle|for alltid|alle sammen)\b|\bsa ha det\b|\bsaid goodbye\b"
        r"|\b(?:slippe|sleppe|stop|slutte) (?:å leve|å vere til|å være til|living|existing)\b|\b(?:want|vil) (?:it|det) (?:all )?(?:to )?(?:stop|slutte|ta slutt)\b"
        r"|\b(?:picked|valgt|bestemt|satt) (?:the |en |ein )?(?:date|dato|dag)\b"
        r"|\b(?:fortjener|fortener|deserve|don t deserve) (?:ikke |ikkje |not )?(?:å |to )?(?:leve|live|lev)\b"
        r"|\b(?:etter|to be with|join) (?:henne|ham|han|mamma|pappa|mormor|morfar|her|him|my mom|my dad)\b(?= .*(?:død|døde|died|dead|gone|borte))|\b(?:vil|want to) (?:bare )?(?:etter|være med) (?:henne|ham|han|her|him)\b"
    ),
    "death_intent": (
        r"\b(?:vurder\w*|considering|consider|vil|ville|vi|lyst|ønsk\w*|want|wanna|wish|tenk\w*|think\w*|plan\w*|bestemt|decided|"
        r"picked|valgt|kjøpt|kjøpte|bought|samlet|samla|spart|saved|googl\w*|search\w*|looking up|"
        r"skal|gonna|going to|klar|klare|ready|orker|orkar|tired|fortjener|fortener|deserve|"
        r"ingen grunn|no reason|det er på tide|på tide|time to|sa ha det|said goodbye|"
        r"har lagt|lagt|slippe|sleppe|stop|sitter|sit|sat|står|stand\w*|ikke lyst|ikkje lyst|don t want|"
        r"dont want|do not want|ventar|venter|waiting|legge meg|legg meg|lie down|sitting|sits|standing|stands)\b"
    ),
    "pills": r"\b(?:medisinskap\w*|medicine cabinet|piller|pillene|tabletter|tablettar|tablettene|pills|sovetablett\w*|sovepille\w*|paracet\w*|ibux|ibuprofen|medisinene|medisiner|medisin|medication|meds|painkillers?)\b",
    "pills_amount": (
        r"\b(?:saving|sparer|samler|samlar|hamstrer|stockpil\w*|masse|mange|mykje|mykkje|haug|haugevis|alle|alt|hele|heile|all|a lot|lots|bunch|too many|"
        r"altfor mange|way too many|handfull|hand full|\d{2,}|samlet|samla|spart|saved|hoarded|klare|"
        r"overdos\w*|hvor mange|kor mange|how many|nok til|enough to|for å dø|to die|svelg\w*|swallow\w*)\b|\b(?:være|vere|be|is) (?:nok|enough)\b"
    ),
    # Grooming and sextortion: an image asked for or held over someone, secrecy, an adult.
    "image_request": (
        r"\b(?:sende|send|sender|sendt|ber om|bad om|spør om|spør etter|spurte om|maser om|mase om|mas om|krev|krever|"
        r"vil ha|ville ha|asks?|asked|asking|keeps asking|wants|wanted|begging|beg)"
        r"(?: \w+){0,3} (?:bilder|bilete|bileter|bileta|bilda|pics|pictures|photos|snaps|videoer|videos|nudes)\b"
    ),
    "own_images": (
        r"\b(?:bilder|bildene|bilde|bildet|bilete|biletet|bileta|bilda|video|videoen|videoar|videoer|pic|pics|picture|pictures|photo|photos|snaps|nudes|nakenbild\w*|nakenbilet\w*|"
        r"screenshots?|skjermbild\w*) (?:av|of|med|with) (?:meg|oss|me|us|mæ)\b"
    ),
    "expose": (
        r"\b(?:legges|leggast|deles|delast|spres|sendes|sendast|postes|legger|legg|legge|leggje|leggjer|poster|poste|post|posts|deler|dele|del|share|shares|spre|sprer|spreier|spreie|"
        r"leak|leaks|sender|sende|send|sends|viser|vise|show|shows)(?: \w+){0,2} (?:ut|den|dem|dei|det|it|them|videoen|bildene|"
        r"bileta|bilda|til|to|online|på nett|everywhere|overalt)\b"
    ),
    # Shared already (a participle): "blir delt", "har gått rundt", "got leaked".
    "exposed": r"\b(?:delt|spredd|spredt|lagt ut|lagt det ut|lagt dem ut|posted|shared|leaked|sent around|sendt rundt|gått rundt|går rundt)\b",
    # Nakedness in a picture of oneself.
    "nudity": (
        r"\b(?:naken\w*|nakne|nakenbild\w*|nakenbilet\w*|nudes?|naked|topless|toppløs|uten topp|utan topp|uten klær|utan klede|"
        r"i undertøy\w*|in (?:my )?underwear|dick ?pics?|intime bilder|intime bilete)\b"
    ),
    # A cover story for marks on the body ("sier bare at jeg falt på trening").
    "cover_story": (
        r"\b(?:sier|seier|sa|sei|må si|skal si|say|said|tell (?:them|people|everyone)|told (?:them|people|everyone)) (?:bare |berre |just )?(?:at )?(?:jeg|eg|æ|i) (?:falt|datt|dett|slo meg|fell|tripped|walked into)\b"
        r"|\b(?:lyver|lyg|lie|lying) (?:om|about) (?:merkene|blåmerkene|the bruises|the marks|my bruises)\b"
    ),
    "condition": r"\b(?:hvis|viss|om|dersom|elles|ellers|unless|or else|if|otherwise|med mindre)\b",
    "secrecy": (
        r"\b(?:hemmelighet\w*|hemmelegheit\w*|secrets?)\b(?<!secret santa)"
        r"|\b(?:ikke|ikkje|not|never|aldri|don t|dont)(?: \w+){0,2} (?:fortelle|fortel|forteller|si|sier|seie|seier|tell|tells)(?: det| dette| this| it| om oss| about us)? "
        r"(?:til |to )?(?:noen|nokon|anyone|anybody|mamma|pappa|foreldr\w*|parents|mum|mom|dad|your parents)\b"
        r"|\b(?:slette|slett|sletter|sletta|delete|deleting|deleted) (?:chatten|chattane|chattene|meldingene|meldingane|samtalene|"
        r"our chats?|the chats?|the messages|our messages|messages|chats)\b"
        r"|\b(?:ingen|no one|nobody) (?:må|skal|får|can|must|should|may) (?:vite|know)\b"
        r"|\b(?:hvis|viss|om|dersom|if) (?:jeg|eg|æ|i) (?:sier|seier|forteller|fortel|tell|tells|say|says) (?:det |this |it |about it )?(?:til |to )?(?:noen|nokon|nån|anyone|anybody)\b"
    ),
    "groomer": (
        r"\b(?:voksen|vaksen|adult|grown ?up|eldre|older|mann|man|fyr|guy|trener\w*|coach|lærer\w*|lærar\w*|teacher|"
        r"leder\w*|leiar\w*|onkel\w*|uncle|stefar\w*|stepdad|nabo\w*|neighbou?r|sjef\w*|boss|fotograf\w*|pastor|prest\w*)\b"
        r"|\b(?:sier|seier|says) (?:han|hun|ho|he|she) (?:er|is|s)\b"
    ),
    "adult_age": (
        r"\b(?:[2-9]\d|1[89]) ?(?:år|åring\w*|years? old|yo|y o)\b|\b(?:voksen|vaksen|grown|older|eldre|gammel|gamle|old) (?:mann|kar|fyr|man|guy|dude)\b"
    ),
    # Acts forced on someone, and the silence around them ("nobody will believe you").
    "forced_things": (
        r"\b(?:tvinga|tvinger|tvingar|tvang|tvunget|tvinge|forced|forces|force|makes|made|making) (?:meg|me|mæ) "
        r"(?:til |to |into )?(?:å |og )?(?:gjøre |gjere |do |doing )?(?:ting|things|stuff|sånne ting|slike ting)\b"
    ),
    "silencing": (
        r"\b(?:ingen|nobody|no one|noone)(?: \w+){0,3} (?:tro|trur|tror|believe|believes)\b"
        r"|\b(?:aldri|never|ikke|ikkje) (?:sagt|fortalt|told|said)(?: \w+){0,3} (?:til )?(?:noen|nokon|anyone|anybody)\b"
        r"|\b(?:sidan|siden|since) (?:eg|jeg|i) (?:var|was) \d+\b"
    ),
    # Accidents and injuries that need an ambulance.
    "accident": (
        r"\b(?:falt|datt|dett|fell|fallen|falling|krasj\w*|kræsj\w*|crash\w*|valt\w*|velta|velt|overturned|flipped|"
        r"påkjørt|påkøyrd|hit by a car|run over|ulykke\w*|accident|kollisjon\w*|collision)\b"
    ),
    "serious_injury": (
        r"\b(?:bent the wrong way|står feil vei|står feil veg|peker feil vei|bone sticking out|beinet stikker ut|"
        r"blør fra hodet|blør frå hovudet|bleeding from (?:his|her|the) head|head injury|hodeskade|luktar bensin|lukter bensin|smells? of (?:gas|petrol))\b"
        r"|\b(?:blod|blood) (?:fra|frå|from|ut av|out of) (?:øret|øyret|nesa|munnen|hodet|hovudet|his ear|her ear|the ear)\b|\b(?:renn|renner|kommer|kjem) (?:det )?blod (?:fra|frå|ut av) (?:øret|øyret|hodet|hovudet)\b"
    ),
    "intruder": (
        r"\b(?:noen|nokon|someone|somebody|en mann|ein mann|a man|a guy|en fyr|ein fyr|folk|people)(?: \w+){0,2} "
        r"(?:er |is |s |has been |s been |har vore |har vært )?(?:inne i|inni|inside|in) (?:huset|heimen|hjemmet|leiligheten|leilegheita|"
        r"the house|my house|our house|the flat|the apartment|my room|rommet)\b"
        r"|\b(?:hører|høyrer|hear|hearing|heard) (?:steg|skritt|fottrinn|footsteps|noen|nokon|someone|somebody)"
        r"(?: \w+){0,2} (?:nede|downstairs|i gangen|in the hall|utenfor|utanfor|outside|inne|inside)\b"
        r"|\b(?:stirrer|glaner|ser|staring|looking|watching|peeking) (?:inn|in|into)\b"
    ),
    "airway": (
        r"\b(?:blå|blåe|blue) (?:i|rundt|på|around) (?:leppene|leppane|munnen|the lips|her lips|his lips)\b|\b(?:lips|leppene|leppane) (?:are |is |er |blir |vert )?(?:turning |going |getting )?(?:blue|blå)\b"
        r"|\b(?:throat|halsen|tunga|tongue)(?: \w+){0,2} (?:is |er )?(?:closing|swelling|hovner|hovnar|lukker seg|lukkar seg|snører seg|svulmer)\b"
        r"|\b(?:får|fær|klarer|klarar) (?:ikke|ikkje) (?:å )?(?:puste|pusta)\b|\b(?:can t|cant|cannot) breathe\b"
        r"|\b(?:epipen\w*|anafylak\w*|anaphyla\w*|allergisk sjokk|allergic shock)\b"
    ),
    "marriage": r"\b(?:gifte meg|gifta meg|gifte seg|gifta seg|giftes|giftast|get married|gets married|marry|married off|arranged marriage|arrangert ekteskap|tvangsekteskap)\b",
    "marriage_pressure": (
        r"\b(?:sende|sender|sending|send|sent|tar|tek|take|taking) (?:meg|me)(?: \w+){0,3} (?:til|to|abroad|utlandet|hjemlandet|heimlandet)\b"
        r"|\b(?:only|bare|berre|kun) 1[0-7]\b|\b(?:jeg|eg|i) (?:er|m|am) 1[0-7]\b|\b(?:ikke|ikkje|don t|dont|do not) (?:vil|want)\b|\b(?:tvang|tving\w*|force\w*|forcing|arranger\w*|arrang\w*)\b"
    ),
    "threat_of_harm": (
        r"\b(?:knekke|knekk|knekker|brekke|brekk|brekker|break|breaks|smash) (?:beina|beinet|armen|armene|nakken|fingrene|nesa|"
        r"my legs?|my arms?|my neck|my fingers|my nose|your legs?|your neck)\b"
        r"|\b(?:dreper|drepe|drep|kill|kills|killing) (?:henne|ham|han|mamma|mora|moren|pappa|faren|broren|søstera|søsteren|"
        r"lillebror|lillesøster|her|him|my mom|my mum|my dad|my brother|my sister)\b"
        r"|\b(?:kaster|kastar|kasta|kastet|throws|threw|throwing) (?:\w+ ){0,2}(?:på|etter|at) (?:mamma|pappa|mora|moren|henne|ham|han|my mom|my mum|my dad|her|him)\b"
    ),
    "beating_tool": (
        r"\b(?:med|etter|with|from) (?:beltet|belte|et belte|eit belte|a belt|his belt|her belt|the belt|stokken|en stokk|ein stokk|"
        r"kleshenger\w*|a hanger|sleiv\w*|a wooden spoon|the wooden spoon|ledningen|a cord|the cord)\b"
    ),
    "hide_body": (
        r"\b(?:så|so|slik at|sånn at) (?:ingen|nobody|no one|ingen andre) (?:ser|sees|can see|skal se|får se|merker|notices)\b"
        r"|\b(?:skjul\w*|gjemm\w*|gøym\w*|hide|hiding|hides|cover\w*) (?:armene|armane|armen|handledd\w*|håndledd\w*|lårene|låra|"
        r"my arms|my wrists|my thighs|my legs|the marks|merkene|arra|arrene|the scars)\b"
    ),
    "body_spot": (
        r"\b(?:armene|armane|armen|handledd\w*|håndledd\w*|lårene|låra|låret|arms?|wrists?|thighs?)\b"
    ),
    "farewell_letter": (
        r"\b(?:skrevet|skrive|skreve|skriver|skreiv|skrev|wrote|written|writing|write)(?: \w+){0,2} (?:brev|brevet|breva|brevene|lapp\w*|"
        r"letters?|a letter|notes?|a note)(?: \w+){0,2} (?:til|to|for) (?:mamma|pappa|mor|far|familien|alle|foreldr\w*|"
        r"lillebror|lillesøster|broren|søstera|søsteren|my mom|my mum|my dad|my family|everyone|my parents|my brother|my sister)\b"
    ),
    "when_gone": (
        r"\b(?:når|når at|etter at|etter|after|when) (?:jeg|eg|i) (?:er|m|am|is) (?:borte|gone|død|daud|dead|vekke)\b|\bi tilfelle\b|\bin case\b"
        r"|\b(?:takk for alt|takk for alt sammen|thanks for everything|thank you for everything|thank u for everything)\b"
    ),
    # A threat against telling anyone what happens at home.
    "threat_for_telling": (
        r"\b(?:hvis|om|viss|if|dersom) (?:jeg|eg|i|du|you) (?:sier|seier|forteller|fortel|tell|tells|say|says|snakker|snakkar)(?: \w+){0,6} "
        r"(?:angre|angrer|regret|få det ille|få svi|pay|sorry|drepe|drep|kill|skade|hurt|slå|banke|sende meg|send me)\b"
    ),
    # A wound made on purpose ("brannsår, lagde det sjøl med vilje"), which the wound words alone
    # do not say.
    "on_purpose": r"\b(?:med vilje|med vilja|on purpose|deliberately|purposely|intentionally)\b",
    # Asking how not to survive: how high, how much ("kor høgt for at ein ikkje overlever fallet").
    "not_survive": (
        r"\b(?:ikke|ikkje|ikkj|not|never|won ?t|wouldn ?t|don ?t|doesn ?t) (?:overlever|overleve|overlevar|survive|survives)\b"
        r"|\b(?:sikker|sikkert|garantert|guaranteed|certain|sure) (?:død|daud|dead|to die|dø|døy)\b"
    ),
    "lethality": (
        r"\b(?:hvor|kor|how) (?:høyt|høgt|high|mye|mykje|much|mange|many|lenge|long|dypt|djupt|deep)\b"
        r"|\b(?:fallet|the fall|dose|dosen|a dose|the dose|mengde|amount)\b"
    ),
    "alcohol_heavy": (
        r"\b(?:(?:halv|hel|heil|half|a whole|whole) )?(?:flaske|flaska|bottle) (?:med |of )?(?:vodka|sprit|whisky|rom|rum|gin|vin|wine|tequila)\b"
        r"|\b(?:altfor|alt for|way too|so|veldig|sinnsykt|kjempe) (?:full|drunk|mye alkohol|much alcohol)\b|\bdritings\b|\bblackout\b"
    ),
}

# Concepts that make a message worth a second look. The trained `crisis` intent counts only when
# one of these occurs (after idioms are removed): alone the model is too eager.
RISK_CONCEPTS = (
    "death", "violence", "sexual", "self_harm_act", "self_harm_evidence", "scars", "blades",
    "weapon", "armed", "threat", "medical_emergency", "pills", "hiding", "stranger", "despair",
    "family_trouble_sound", "unresponsive", "intoxicated",
)

# (category, concepts that must all occur). Checked after the strong phrases. The first rules
# hold even in a general question ("hva skjer hvis man tar 40 paracet?").
UNVETOED_RULES = [
    ("suicide", ("pills", "pills_amount")),
]
CONCEPT_RULES = [
    ("acute_danger", ("medical_emergency",)),
    ("acute_danger", ("weapon", "threat")),
    ("acute_danger", ("weapon", "urgent")),
    ("acute_danger", ("threat", "urgent")),
    ("acute_danger", ("armed",)),
    ("acute_danger", ("stranger", "threat")),
    ("acute_danger", ("stranger", "vehicle")),
    ("acute_danger", ("intoxicated", "unresponsive")),
    ("acute_danger", ("hiding", "pursuer")),
    ("acute_danger", ("hiding", "urgent")),
    ("suicide", ("despair", "weapon")),
    ("suicide", ("death", "death_intent")),
    ("sexual_abuse", ("sexual", "coercion")),
    ("violence_home", ("family", "violence")),
    ("self_harm", ("self_harm_act", "self_harm_marker")),
    ("self_harm", ("self_harm_evidence",)),
    ("self_harm", ("self_harm_act", "concealment")),
    ("self_harm", ("blades", "concealment")),
    ("self_harm", ("scars", "concealment")),
    ("self_harm", ("blades", "urgent")),
    ("violence_home", ("hiding", "family")),
    ("violence_home", ("family", "family_trouble_sound", "urgent")),
    # Grooming and sextortion: secrecy around an adult or a request for pictures; pictures held
    # over someone with a condition; acts forced on someone who is told nobody will believe them.
    ("sexual_abuse", ("image_request", "secrecy")),
    ("sexual_abuse", ("image_request", "adult_age")),
    ("sexual_abuse", ("groomer", "secrecy")),
    ("sexual_abuse", ("own_images", "expose", "condition")),
    # A naked picture of oneself shared or posted.
    ("sexual_abuse", ("own_images", "expose", "nudity")),
    ("sexual_abuse", ("own_images", "exposed", "nudity")),
    ("sexual_abuse", ("forced_things", "silencing")),
    # Medical emergencies: the airway, an accident with someone who does not answer or is badly
    # hurt, heavy drinking with someone who does not answer; someone in the house.
    ("acute_danger", ("airway",)),
    ("acute_danger", ("accident", "unresponsive")),
    ("acute_danger", ("accident", "serious_injury")),
    ("acute_danger", ("alcohol_heavy", "unresponsive")),
    # Intoxication or pills with a body in alarm (a racing heart, no air, fear of dying now).
    ("acute_danger", ("intoxicated", "body_alarm")),
    ("acute_danger", ("pills", "body_alarm")),
    ("acute_danger", ("alcohol_heavy", "body_alarm")),
    ("acute_danger", ("intruder", "urgent")),
    # Violence at home: a threat of harm from family, a beating with a belt or a tool, a marriage
    # forced on a minor or on someone who does not want it.
    ("violence_home", ("family", "threat_of_harm")),
    ("violence_home", ("beating_tool", "violence")),
    ("violence_home", ("marriage", "marriage_pressure")),
    # Self-harm hidden: arms or thighs kept out of sight.
    ("self_harm", ("hide_body", "body_spot")),
    # Goodbye letters for tonight, or for when the writer is gone; thanks for everything, then silence.
    ("suicide", ("farewell_letter", "urgent")),
    ("suicide", ("farewell_letter", "when_gone")),
    ("suicide", ("when_gone", "unresponsive")),
    # Someone abused and told nobody will believe them; a family threat against telling.
    ("sexual_abuse", ("sexual", "silencing")),
    ("violence_home", ("family", "threat_for_telling")),
    # Bruises with a cover story for them.
    ("violence_home", ("violence", "cover_story")),
    # A friend's wounds shown in secret; self-harm tools beside burn or cut marks.
    ("self_harm", ("scars", "secrecy")),
    ("self_harm", ("blades", "scars")),
    # A wound or a scar made on purpose; asking how high or how much one would not survive.
    ("self_harm", ("scars", "on_purpose")),
    ("suicide", ("not_survive", "lethality")),
]
