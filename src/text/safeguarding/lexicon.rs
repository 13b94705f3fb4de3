//! The safeguarding lexicon: every word, rule and exception of [`super::signal`], and
//! nothing else. Edit here; the matcher in `safeguarding.rs` holds no words.
//!
//! A **concept** is alternatives separated by `|`. An alternative is one word or several
//! words in a row ("veilig thuis"). A word is written folded (lower case, no accents, no
//! apostrophes: "didnt", "mn", as the matcher reads the text) and may carry a `*`:
//! `zelfmoord*` is any word starting so, `*geweld` any word ending so, `*kindermishandel*`
//! any word containing it. Stems are kept long enough not to catch everyday words ("slap"
//! is Dutch for limp, "die" Dutch for that, "want" Dutch for because, "kind" English for
//! friendly: such words are written as whole phrases or in one language's concept only).
//!
//! A **rule** is a category and concepts that must all occur in one sentence, in any
//! order, within [`WINDOW`] words; a concept starting with `!` is a veto, which must not
//! occur in that sentence (an injection "hurting" the baby, a partner "grabbing my hand").
//! A rule of one concept is a strong word that suffices alone ("zelfmoord*").
//!
//! An **exception** ([`NOT_SIGNALS`]) is an idiom whose words are removed from the
//! sentence before the rules look at it: "dood van de pijn", "sloeg alarm". A **denial**
//! ([`DENIALS`]) is the answer to a screening question ("which I didn't"): a sentence
//! holding one is no signal.

use super::Category::{self, *};

/// The concepts of a rule must occur within this many words of each other (and in one
/// sentence): a run-on answer does not tie a "wanted" at its start to a "live" at its
/// end. Generous, as a disclosure with its asides easily takes a dozen words ("ik wilde,
/// na alles wat er gebeurd was, niet meer leven").
pub(super) const WINDOW: usize = 20;

// ---------------------------------------------------------------------------------------
// Shared concepts
// ---------------------------------------------------------------------------------------

/// A negation, with the spellings people type in a hurry ("nie", "dont").
const NOT: &str = "niet|nie|niks|niets|geen|nooit|nergens|not|nowhere|no|never|nothing|dont|\
    didnt|doesnt|wasnt|werent|cant|cannot|couldnt|wont|wouldnt";

/// "Any more": Dutch "meer" and its English forms.
const ANY_MORE: &str = "meer|anymore|any more|any longer|no longer";

/// Wanting or wishing. English "want" alone is left out: Dutch "want" means "because".
const WANT: &str = "wil|wilt|wille|wilde|wilden|willen|wou|wouden|gewild|wens|wenste|wenst|\
    wensen|hoopte|hoopten|hoop dat|liefst|liever|zou willen|want to|wanted|wants|wanting|wanna|\
    dont want|didnt want|not want|never want|wish|wished|wishes|wishing|rather|hoped|hoping|\
    prayed|praying";

/// Being alive, as a verb (the noun "het leven met een baby" is an exception).
const LIVE: &str = "leven|leve|leef|leeft|leefde|leefden|te leven|verder leven|doorleven|\
    bestaan|bestond|live|living|alive|exist|existing";

/// Dying or being dead. English "die" only in phrases: Dutch "die" means "that".
const DIE: &str = "dood|doodgaan|dood gaan|doodging|dood ging|doodgegaan|sterven|stierf|\
    overlijden|dood zijn|dood was|to die|wanna die|just die|could die|die now|die already|\
    die in my sleep|dead|dying";

/// The writer herself.
const ME: &str = "ik|me|mij|mijn|mn|mezelf|mijzelf|i|im|id|ive|my|myself|us|ons";

/// The writer herself, reflexive: a self-harm verb needs this.
const MYSELF: &str = "mezelf|mijzelf|mzelf|myself|meself|mn eigen lichaam|mijn eigen lichaam|\
    zichzelf|herself|haarzelf";

/// A person at home who may hurt her: partner, family, "he".
const PERSON: &str = "partner|man|vriend|vriendje|echtgenoot|echtgenote|mijn vrouw|mn vrouw|\
    vriendin|ex|exman|expartner|exvriend|vader|schoonvader|schoonmoeder|schoonfamilie|\
    mijn moeder|mn moeder|broer|zwager|hij|ie|hem|husband|boyfriend|bf|fiance|wife|girlfriend|\
    gf|he|him|hes|partners|husbands|boyfriends|exs|dad|father|stepdad|stepfather|brother|\
    my mum|my mom|my mother|mother in law|in laws|father in law|my family";

/// A partner or ex, who may control her (parents and family are left out: a mother
/// "checking" on her daughter is care).
const PARTNER: &str = "partner|man|vriend|vriendje|echtgenoot|echtgenote|mijn vrouw|mn vrouw|\
    vriendin|ex|exman|expartner|exvriend|hij|ie|hem|husband|boyfriend|bf|fiance|wife|\
    girlfriend|gf|he|him|hes|partners|husbands|boyfriends|exs|his";

/// A child, Dutch words ("kind" is English for friendly: see [`CHILD_EN`]).
const CHILD_NL: &str = "baby|babys|kind|kindje|kinderen|kindjes|zoon|zoontje|dochter|\
    dochtertje|pasgeborene|zuigeling|meisje|jongetje|de kleine";

/// A child, English words.
const CHILD_EN: &str = "baby|babies|babys|child|children|kid|kids|son|daughter|newborn|\
    little one|little boy|little girl";

/// Medical care that "hurts" a baby or a mother without harm being meant: a veto.
const NOT_CARE: &str = "!hielprik|prik|prikken|vaccin*|inenting*|infuus|bloedafname|onderzoek|\
    hechting*|hechten|kinderarts|verloskundige|gynaecoloog|arts|dokter|verpleegkundige|\
    kraamverzorgster|kraamzorg|borstvoeding|voeding|tepel*|navel*|tongriem|ruggenprik|\
    epiduraal|weeen|persen|ontsluiting|keizersnede|heel prick|injection|jab|jabs|cannula|test|\
    tests|blood|forceps|ventouse|midwife|midwives|doctor|nurse|consultant|staff|cord|latch*|\
    feed|feeding|feeds|breastfeed*|epidural|labour|labor|contractions|c section|caesarean|\
    cesarean|pushing|stitches|tongue tie|nagel*|nageltjes|knippen|verschonen|luier*|nails|\
    nappy";

// ---------------------------------------------------------------------------------------
// Rules, by category. The order of the categories is [`Category`]'s; within one, the
// order does not matter.
// ---------------------------------------------------------------------------------------

/// The rules: a category and the concepts that must co-occur in one sentence.
pub(super) const RULES: &[(Category, &[&str])] = &[
    // ---- A child at risk: the authorities, or harm to a child meant or feared ----------
    (
        ChildAtRisk,
        &[
            "*kindermishandel*|jeugdzorg*|jeugdbescherming*|*kinderbescherming*|\
           uithuisplaatsing*|uithuisgeplaatst|uit huis geplaatst|uit huis plaatsen|\
           uit huis te plaatsen|ondertoezichtstelling*|onder toezicht gesteld|\
           onder toezicht geplaatst|gezinsvoogd*|voogdij*|pleegzorg|pleeggezin|pleegouder*|\
           zorgmelding*|veiligthuis|child abuse|child protection|child neglect|child at risk|\
           children at risk|care order|supervision order|child in need|section 47|foster care|\
           foster carer*|fostered|taken into care|into care|safeguarding",
        ],
    ),
    // "Veilig Thuis" is the advice and reporting centre; "veilig thuis" also means home
    // safe ("we waren weer veilig thuis"), so it needs a word of contact and no word of
    // arriving or feeling.
    (
        ChildAtRisk,
        &[
            "veilig thuis",
            "melding|meld*|gemeld|bel*|gebeld|ingeschakeld|inschakel*|bij|naar|contact|via|\
             door|betrokken|zaak|dossier|onderzoek|advies|langs",
            "!niet|nie|geen|nooit|voel*|voelde|gevoel|weer|eindelijk|gelukkig|aangekomen|\
             thuisgekomen|bevallen|bevalling|thuisbevalling",
        ],
    ),
    (
        ChildAtRisk,
        &[
            "social services|social care|childrens services|childrens social care|social work",
            "took|take|taken|taking|involved|called|referral|referred|refer|report*|contacted|\
             came|come|visit*|concern*|assess*|remove*|threaten*|plan|my baby|the baby|\
             my children|my kids|my son|my daughter|investigat*|meeting|case|got involved|\
             were involved|are involved",
        ],
    ),
    (
        ChildAtRisk,
        &[
            "social worker|social workers",
            "took|take|taken|taking|remove*|involved|referr*|refer|report*|called|concern*|\
             assess*|visit*",
        ],
    ),
    // Harm to a child, meant or feared ("bang dat ik mijn kind iets aandoe"): a child,
    // "something", and the verb. Dressing a baby ("iets warms aandoen") is vetoed.
    (
        ChildAtRisk,
        &[
            CHILD_NL,
            "iets|wat|kwaad|pijn|ergs",
            "aandoe|aandoen|aandoet|aandeed|aangedaan|aan te doen|aan doe|aan doen|aan deed|\
             aan zou doen|ga doen|zou doen|gaat doen|doe|te doen",
            "!warm*|kleertjes|kleding|kleren|luier*|romper*|rompertje|jasje|mutsje|sokjes|\
             pakje|slabbetje|verkeerd|fout|mis|wrong|niet goed|te eten|te drinken|leuks|moois|\
             extra|lekkers",
            NOT_CARE,
        ],
    ),
    (
        ChildAtRisk,
        &[
            CHILD_NL,
            "pijn|kwaad",
            "doen|doe|doet|deed|gedaan|te doen",
            "ik|wil|wilde|wou|bang|angst*|gedachte*|gedachten|dacht|denk|neiging|drang|hij|zou|\
             ging",
            NOT_CARE,
        ],
    ),
    (
        ChildAtRisk,
        &[
            "sla|slaan|sloeg|geslagen|schud|schudt|schudden|schudde|geschud|door elkaar|gooi|\
             gooien|gooide|gegooid|smijten|smeet|gesmeten|verstik*|smoren|gesmoord|verdrink*|\
             verdronk|wurg*|gewurgd|vermoord*|doodmaken|dood maken|wegdoen|wegdoen|\
             laten stikken|tegen de muur|uit het raam",
            CHILD_NL,
            "ik|wil|wilde|wou|bang|angst*|gedachte*|gedachten|dacht|denk|neiging|drang|impuls|\
             opwelling|hij|zou|ging|gaan",
            "!fles*|flesje|poeder|hand|handen|handje|handjes|hoofdje|armpjes|beentjes|voetjes|\
             hielprik|luier*|alarm",
        ],
    ),
    // Someone else harming the child: with "me" in the sentence the violence is against
    // her, which is the violence rule's ("sloeg me waar de kinderen bij waren").
    (
        ChildAtRisk,
        &[
            "sla|slaat|slaan|sloeg|geslagen|schudt|schudde|geschud|door elkaar|gooit|gooide|\
             gegooid|smeet|gesmeten|mishandel*|pijn gedaan|pijn doet|pijn deed",
            CHILD_NL,
            PERSON,
            "!me|mij|fles*|flesje|handjes|armpjes|beentjes|hoofdje|alarm",
        ],
    ),
    (
        ChildAtRisk,
        &[
            "hurt|hurts|hurting|harm|harms|harming|injure|injures|injuring|kill|kills|killing|\
             smother*|suffocat*|drown|drowning|throw|throwing|threw|hit|hits|hitting",
            CHILD_EN,
            "thought|thoughts|thinking|scared|afraid|worried|terrified|fear|feared|urge|urges|\
             want to|wanted|wanting|id|might|would|could|intrusive|tempted|feel like|felt like|\
             going to|gonna|worry|worries|worrying|will|ill|he|she|partner|husband|boyfriend|\
             dad|father|stepdad|his dad|her dad|vader",
            "!self harm|self harmed|self harming|first bath|bath time|bathing|bathe",
            NOT_CARE,
        ],
    ),
    (
        ChildAtRisk,
        &[
            "scared|afraid|bang|terrified|frightened|worried|fear|angst|banger",
            "what i might do|what i would do|what i could do|what id do|wat ik zou doen|\
             wat ik zou kunnen doen|wat ik de baby|wat ik hem|wat ik haar|aan zou kunnen doen|\
             what i might do to|what i was capable of|waartoe ik in staat",
            "baby|kind|kindje|child|son|daughter|him|her|hem|haar|zoon|dochter",
        ],
    ),
    (
        ChildAtRisk,
        &[
            "melding|zorgmelding|meldingen",
            "gedaan|gemaakt|gemeld|made|gedaan van|ingediend",
            "consultatiebureau|jgz|huisarts|verloskundige|kraamzorg|ziekenhuis|school|cjg|\
             wijkteam|politie|ggd|jeugdarts|kinderarts|kraamverzorgster|maatschappelijk werk",
            "!fout|incident|calamiteit|klacht|storing|igj|inspectie|misser|fouten|\
             medicatiefout",
        ],
    ),
    (
        ChildAtRisk,
        &[
            "met opzet|expres|opzettelijk|on purpose|deliberately|bewust",
            "baby|kind|kindje|zoon|dochter|child|son|daughter|him|her|hem|haar",
            "vallen|liet vallen|laten vallen|drop|dropped|pijn|gooi*|gooide|hurt|harm*|sla*|\
             sloeg|schud*|shake|shook|throw*|threw",
        ],
    ),
    (
        ChildAtRisk,
        &[
            "voor me zien|zag voor me|zag steeds voor me|voor me zag|beelden|images|pictured|\
             picture|visions|flashes|flits*|visualis*|visualiz*",
            "baby|kind|kindje|zoon|dochter|child|son|daughter|him|her|hem|haar",
            "vallen|van de trap|gooi*|pijn|verdrink*|stikken|hurt|harm*|drop*|throw*|stairs|\
             drown*|smother*|stab*|mes|knife|messen|knives|balcony|balkon|raam|window",
        ],
    ),
    (
        ChildAtRisk,
        &[
            "afpakken|afgepakt|afnemen|afgenomen|weghalen|weggehaald|uit huis|take away|\
             taken away|take my baby|take the baby|take her away|take him away|removed|remove|\
             afpakt",
            "baby|kind|kindje|zoon|dochter|kinderen|child|children|son|daughter|kids",
            "ze|zij|jeugdzorg|instanties|they|them|social|authorities|police|politie|rechter|\
             court|gemeente|council",
            "!nicu|neonatolog*|couveuse|incubator|special care|onderzoek|test*|scbu|kinderarts|\
             weigh*|wegen|bad|check*|observatie|kinderafdeling|neonatal|ic|resuscitat*|reanim*|\
             zuurstof|oxygen|theatre|ok|warmte|warm|paediatric*|pediatric*|hours|uur|minutes|\
             minuten|placenta|stitches|hechten",
        ],
    ),
    (
        ChildAtRisk,
        &[
            "staat onder toezicht|onder toezicht gesteld|onder toezicht geplaatst|\
             onder toezicht staan|stond onder toezicht",
            "!kinderarts|arts|verpleeg*|monitor|ctg|kinderafdeling|couveuse|neonatolog*",
        ],
    ),
    (
        ChildAtRisk,
        &[
            "drown him|drown her|smother him|smother her|suffocate him|suffocate her|\
             drowning him|drowning her|smothering him|smothering her|shake him|shake her|\
             throw him|throw her|hurt him|hurt her|harm him|harm her|hurting him|hurting her|\
             harming him|harming her",
            "scared|afraid|thought|thoughts|worried|urge|urges|want to|wanted|id|might|could|\
             would|intrusive|terrified|feel like|felt like|images",
            "!husband|partner|boyfriend|doctor|midwife|nurse|consultant|staff|feelings|feeling|\
             upset|hold|holding|held|bathing|bath time|first bath|dress*|change|changing|nappy|\
             handle|handling|pick up|picking up|in case he",
        ],
    ),
    (
        ChildAtRisk,
        &[
            "shake|shakes|shook|shaken|shaking",
            "the baby|my baby|our baby|her|him|my son|my daughter|our son|our daughter|\
             the child|my child",
            "!hand|hands|trembl*|cold|nervous|told|leaflet|video|warned|syndrome|awake|rattle|\
             bottle|formula|held|holding|hold|adrenaline|with fear|uncontrollably|like a leaf|\
             head|hoofd|i was shaking|was shaking",
        ],
    ),
    (
        ChildAtRisk,
        &[
            "shake the baby|shook the baby|shaking the baby|shaken baby|shake my baby|\
             shook my baby|shaking my baby|shake her|shook her|shake him|shook him|shaking her|\
             shaking him|shake my son|shake my daughter",
            "!told|leaflet|video|information|advice|taught|warned|syndrome|awake|hand|hands",
        ],
    ),
    (
        ChildAtRisk,
        &[
            "door elkaar schudden|door elkaar te schudden|door elkaar geschud|\
             door elkaar schudde|heen en weer schudden|heen en weer geschud",
            "!gynaecoloog|arts|verloskundige|dokter|kraamverzorgster|verpleegkundige|assistent|\
             fles*|flesje",
        ],
    ),
    (
        ChildAtRisk,
        &[
            "gewelddadig|geweld|agressief|violent|aggressive|mishandelt|mishandelde",
            "tegen de kinderen|naar de kinderen|tegen de baby|tegen ons kind|tegen mijn kind|\
             tegen onze zoon|tegen onze dochter|tegen mijn zoon|tegen mijn dochter|\
             towards the kids|towards the children|towards the baby|towards our baby|\
             to the kids|to the children|to the baby|with the baby|with the kids|\
             around the baby|around the kids",
        ],
    ),
    (
        ChildAtRisk,
        &[
            "ruw|rough|hardhandig|agressief|aggressive|violent|gewelddadig|heavy handed",
            "met de baby|with the baby|met ons kind|with our|met mijn kind|with my baby|\
             met de kinderen|with the kids|tegen de baby|met onze|with my son|with my daughter|\
             met mijn zoon|met mijn dochter",
            PERSON,
            "!verloskundige|midwife|arts|doctor|nurse|staff|consultant|kraamverzorgster|\
             verpleegkundige|kinderarts|paediatrician",
        ],
    ),
    (
        ChildAtRisk,
        &[
            "tik|tikje|klap|klapje|mep|mepje|pets|slaag|billenkoek|corrigerende tik",
            "gegeven|geven|gaf|geef|geeft|uitgedeeld",
            "baby|kind|kindje|zoon|zoontje|dochter|dochtertje|hem|haar",
            "!boer*|boertje|rug|rugje|laten boeren|op de rug|billetjes|vacuum*|vacuumpomp|pomp|\
             verloskundige|kraamverzorgster|arts|kinderarts",
        ],
    ),
    (
        ChildAtRisk,
        &[
            "slapped my baby|smacked my baby|hit my baby|slapped the baby|smacked the baby|\
           hit the baby|slapped him|smacked him|slapped her|smacked her|punched my baby|\
           hit my son|hit my daughter|slapped my son|slapped my daughter|smacked my son|\
           smacked my daughter",
        ],
    ),
    (
        ChildAtRisk,
        &[
            "throw*|threw|gooi*|gegooid|smash*|slam*|smijten|smeet",
            "against the wall|tegen de muur|out of the window|uit het raam|down the stairs|\
             van de trap|on the floor|op de grond|across the room|door de kamer",
            "her|him|baby|haar|hem|child|kind|kindje|son|daughter|zoon|dochter",
            "!phone|telefoon|plate|bord|spullen|things|stuff|me|mij",
        ],
    ),
    (
        ChildAtRisk,
        &[
            "pillow over her face|pillow over his face|pillow over the baby|\
           kussen op zijn gezicht|kussen op haar gezicht|kussen over zijn gezicht|\
           kussen over haar gezicht|kussen op het gezicht|hand over his mouth|\
           hand over her mouth|hand op zijn mond|hand op haar mond|removed at birth|\
           taken at birth|taken from me at birth|weggehaald bij de geboorte|\
           removed from my care|uit mijn zorg",
        ],
    ),
    (
        ChildAtRisk,
        &[
            "gevaarlijk|onveilig|dangerous|unsafe|not safe",
            "baby|kind|kindje|kinderen|child|children|kids|son|daughter|zoon|dochter",
            "partner|man|vriend|ex|vader|husband|boyfriend|dad|father|bij hem|with him|\
             around him",
            NOT_CARE,
        ],
    ),
    // ---- Suicide: words, and the many ways of saying one no longer wants to live -------
    (
        Suicide,
        &[
            "*zelfmoord*|*zelfmoort*|zelf moord|suicid*|sucid*|suicd*|suisid*|suiced*|\
             zelfdoding*|levensmoe*|doodswens*|*doodsgedachte*|doodgedachte*|doodsverlang*|\
             kill myself|killing myself|killed myself|kill my self|kms|end my life|\
             ending my life|end my own life|take my life|take my own life|taking my life|\
             taking my own life|took my own life|end it all|ending it all|end it|ending it|\
             end things|ending things|better off dead|hang myself|hanging myself|\
             mezelf ophangen|mijzelf ophangen|me ophangen|mezelf verdrinken|drown myself|\
             afscheidsbrie*|goodbye letter*|suicide note|samaritans|levenseinde|unalive*|\
             end everything|ending everything|een einde maken aan alles|eind maken aan alles|\
             een eind aan alles|van het leven beroven|van het leven te beroven|\
             van het leven beroofd|beter dood|liever dood|better dead|geen uitweg|no way out|\
             zag geen uitweg|zie geen uitweg|saw no way out|see no way out|no escape|\
             geen ontsnapping",
        ],
    ),
    // "Ik wilde niet meer leven", "ik wil er niet meer zijn", "I don't want to live".
    (Suicide, &[WANT, NOT, ANY_MORE, LIVE]),
    (
        Suicide,
        &[
            WANT,
            NOT,
            LIVE,
            "!here|house|flat|area|town|city|country|street|near|zonder",
        ],
    ),
    (
        Suicide,
        &[
            WANT,
            NOT,
            "er|here|around",
            "zijn|wezen|was|ben|bestond|be",
            "!ziekenhuis|afdeling|kamer|naar huis|home|hospital|ward|room|discharge*|ontslag|\
             leave|go home|bevalling|birth",
        ],
    ),
    (
        Suicide,
        &[
            WANT,
            "wasnt here|werent here|was not here|wasnt around|werent around|didnt exist|\
             did not exist|never been born|never existed|not here anymore|gone forever|\
             niet bestond|nooit geboren",
            "!ziekenhuis|afdeling|hospital|ward|room|discharge*|home",
        ],
    ),
    // "Ik wou dood", "I wanted to die"; "ik wilde niet dood" and "ik wilde niet dat de
    // baby dood ging" are exceptions.
    (
        Suicide,
        &[
            WANT,
            DIE,
            "!hartje|hartslag|heartbeat|heart rate|stillborn|doodgeboren|miskraam|miscarriage",
        ],
    ),
    (
        Suicide,
        &[
            WANT,
            NOT,
            ANY_MORE,
            "wakker|wake up|waking up|wake again",
            "!voeding|voed*|drinken|fles|borst|feed*|feeding",
        ],
    ),
    (
        Suicide,
        &[
            WANT,
            NOT,
            "wake up|waking up|wake again|wakker worden|wakker te worden|wakker werd",
            "!baby|him|her|husband|partner|voeding|voed*|drinken|fles|borst|feed*|feeding|them|\
             kids|hem|haar|man",
        ],
    ),
    (
        Suicide,
        &[
            WANT,
            "nooit|never",
            "wakker|wake up|woke up|woken up|wake again",
            "!voeding|voed*|drinken|fles|borst|feed*|feeding",
        ],
    ),
    (
        Suicide,
        &[
            "zin|reden|nut|doel|reason|point|worth",
            NOT,
            "leven|te leven|living|live|to live|going on|doorgaan|keep going|go on|carry on|\
             to continue|door te gaan|verder te gaan|to be alive|being alive|to get up|\
             om op te staan|om door te gaan",
            "!living room|woonkamer",
        ],
    ),
    (
        Suicide,
        &["nothing to live for|niets om voor te leven|niks om voor te leven"],
    ),
    (
        Suicide,
        &[
            "levenslust|levenszin|levenswil|will to live",
            "geen|kwijt|weg|verloren|lost|no",
        ],
    ),
    (
        Suicide,
        &[
            "hoef|hoeft|hoefde|hoefden|hoeven",
            NOT,
            ANY_MORE,
            "voor mij|voor me|voor mn|allemaal|leven",
        ],
    ),
    (
        Suicide,
        &[
            WANT,
            NOT,
            ANY_MORE,
            "verder",
            "!met|bij|naar|zo|deze|die|zwanger*|bevallen",
        ],
    ),
    // "Ik zag het niet meer zitten": despair that often means this; recall first.
    (
        Suicide,
        &["zag|zie|ziet|zien|zagen|gezien", NOT, "meer", "zitten"],
    ),
    (
        Suicide,
        &[
            "beter|better|happier|gelukkiger|fijner|easier|makkelijker",
            "zonder mij|zonder me|zonder mn|without me|als ik er niet|if i wasnt|if i werent|\
             if i was gone|if i were gone|if i died|als ik dood|als ik niet meer|\
             if i wasnt here|if i wasnt around|if i wasnt alive",
            "!bevalling|persen|birth|labour|labor|pushing",
        ],
    ),
    // The same with words in between: "beter als ik er gewoon niet meer was".
    (
        Suicide,
        &[
            "beter|better|happier|gelukkiger|fijner|easier|makkelijker",
            "als ik|if i|zonder mij|without me",
            "er|weg|dood|gone|dead|died|here|around|alive",
            "niet|nie|geen|wasnt|werent|not|never|dood|weg|gone|dead|died|meer",
            "!bevalling|persen|birth|labour|labor|pushing|gebeld|called|geluisterd|listened|\
             gevraagd|asked|ziekenhuis|hospital|eerder|earlier|sooner",
        ],
    ),
    // "Het kon me niet schelen of ik zou blijven leven", "didn't care if I lived or died".
    (
        Suicide,
        &[
            "schelen|care|cared|caring",
            NOT,
            "leven|live|lived|living|alive|dood|died|die|dead|overleef*|survive*",
            "!baby|kind|kindje|pijn|pain",
        ],
    ),
    (
        Suicide,
        &[
            "poging",
            "gedaan|ondernomen|deed|gedaan heb",
            "!om|te|tot|voeding|borstvoeding|bevallen|persen|aanleggen|contact|bellen",
        ],
    ),
    (
        Suicide,
        &[
            "attempt|attempted|attempts|poging",
            "on my life|op mijn leven|op mn leven",
        ],
    ),
    (
        Suicide,
        &[
            "beeindig*|beeindigd|beeindigen",
            "mijn leven|mn leven|het leven|my life|mijn bestaan",
            "!werk|baan|carriere|studie|relatie|sport|roken|smoking|job|work",
        ],
    ),
    (
        Suicide,
        &[
            "doodga|doodging|dood ga|dood zou gaan|dood ben|dood zou zijn|died|die|dood was",
            "ook goed|prima|niet erg|fine|dont care|wouldnt care|would not care|wouldnt mind|\
             maakt niet uit|boeit niet|maakte niet uit|boeide niet|zou niet erg zijn|who cares|\
             so be it|dan maar",
            "!baby|kindje|hartje|bang|scared",
        ],
    ),
    (
        Suicide,
        &[
            WANT,
            "sleep forever|slapen voor altijd|voor altijd slapen|eeuwig slapen|sleep and never|\
             sleep and not wake|slapen en nooit|slapen en niet meer",
            "!tired|moe|exhausted|uitgeput|knackered|shattered|gesloopt",
        ],
    ),
    (
        Suicide,
        &[
            "eind|einde|eindje|end",
            "aan mijn leven|aan mn leven|aan het leven|aan mijn bestaan|aan alles|to my life|\
             to it all|to everything",
        ],
    ),
    (
        Suicide,
        &[
            "eind|einde|eindje",
            "aan",
            "maken|maakte|maak|gemaakt|te maken|breien|breide",
            "wil|wilde|wou|willen|liefst|gedachte*|gedachten|dacht|denk|overwogen|overweeg|\
             plan|plannen|mezelf|mijzelf|zin|neiging|om|gepakt|poging|probeerde|geprobeerd|\
             bedenken|bedacht|hoe|kon|could|zou|er",
            "!keizersnede|bevalling|arts|gynaecoloog|verloskundige|pijn|ruggenprik|epiduraal|\
             weeen|zwangerschap|inleiding|wachten|relatie|gesprek|besloot|besloten|\
             borstvoeding|kolven|zwangerschapsverlof|werk",
        ],
    ),
    (
        Suicide,
        &[
            "cant go on|cannot go on|couldnt go on|could not go on|kan niet meer verder|\
             kon niet meer verder|kan zo niet verder|kon zo niet verder|cant carry on|\
             couldnt carry on|cannot carry on|kan zo niet doorgaan|kon zo niet doorgaan",
            "!pijn|pain|weeen|contractions|persen|pushing|push|labour|labor|epidural|\
             ruggenprik|bevalling|ontsluiting|wee|verloskundige|midwife|walk|lopen",
        ],
    ),
    // Said of oneself or of her: "end my life", "take her own life", "kill herself".
    (
        Suicide,
        &[
            "end|ending|ended|ends|take|taking|took|takes|beeindig*",
            "my life|her life|his life|own life|their life|mijn leven|haar leven|zijn leven",
            "!baby|babys|childs|sons|daughters|in her hands|in his hands|in handen|control of|\
             seriously|serieus|worst day|best day|day of my life|dag van mijn leven|ended well|\
             goed afgelopen|took over|over my life|turned|changed|veranderd|ended up|endless",
        ],
    ),
    (
        Suicide,
        &[
            "kill|killing|killed|kills",
            "myself|herself|himself|themselves|my self",
        ],
    ),
    (
        Suicide,
        &[
            "ophangen|op te hangen|opgehangen|opknopen|op te knopen|hing|hang|hanging|hanged",
            "mezelf|mijzelf|zichzelf|myself|herself|himself",
            "!was|wasgoed|laundry|jas|coat|foto|photo|schilderij|picture|mobile|mobiel|washing|\
             kleren|clothes",
        ],
    ),
    (
        Suicide,
        &[
            "touw|strop|rope|noose",
            "gekocht|bought|klaar|ready|opgehangen|tied|geknoopt|knoop|plan|dacht|wilde|\
             thought|wanted|hang|ophangen",
            "!draagdoek|sling|washing|was|wasgoed|springtouw|skipping",
        ],
    ),
    (
        Suicide,
        &[
            "sprak|praatte|talked|talking|spoke|speaks|had het over|heeft het over|zei|said|\
             says|zegt|kept saying|bleef zeggen",
            "over doodgaan|about dying|over de dood|about death|over zelfmoord|about suicide|\
             over sterven|about ending|about killing|over er niet meer zijn|\
             about not being here|about wanting to die|dat ze dood wilde|dood wilde",
            "!bang|scared|afraid|baby|kindje|risico|risk",
        ],
    ),
    (
        Suicide,
        &["plan and the means|plan en de middelen|plan and means|a plan and a date"],
    ),
    (
        Suicide,
        &[
            "van het leven",
            "beroof*|beroven|beroofd|berooft|te beroven",
        ],
    ),
    (
        Suicide,
        &[
            "tegen|into|in front of|voor|onder|under",
            "boom|vrachtwagen|truck|lorry|muur|wall|tree|trein|train|bus|tegenligger*|auto|car|\
             tram|metro|brug|bridge|pijler|viaduct",
            "rijden|rij|reed|aan te rijden|drive|driving|drove|crash*|spring*|jump*|lopen|liep|\
             walk*|stap*|gooien|te rijden|sturen|steer*",
            "gedachte*|gedachten|dacht|wil|wilde|wou|overweg*|overwogen|thought|thoughts|\
             wanted|want to|think*|plan*|idee|zin|neiging|urge|tempted|considered",
            "!bang|scared|afraid|ambulance|taxi|verkeer|traffic|parking|parkeren",
        ],
    ),
    (
        Suicide,
        &[
            "overdos*",
            "!accident*|per ongeluk|by mistake|risk|risico|baby|kindje|naloxon*|uitleg|\
             explained",
        ],
    ),
    (
        Suicide,
        &[
            "eruit|er uit|uitstappen",
            "stap*|stappen|gestapt",
            "dacht|denk*|wil*|wou|overweg*|overwogen|gedachte*|gedachten|serieus|liefst",
            "!bad|auto|bed|douche|bevalbad|taxi|bus|trein|lift|relatie|studie|baan|werk",
        ],
    ),
    (
        Suicide,
        &[
            "briefje|brief|brieven|letter|letters|note|notes",
            "geschreven|schreef|wrote|written|writing|schrijven",
            "kinderen|children|kids|man|husband|partner|gezin|family|afscheid|goodbye|in case|\
             voor het geval|mocht ik|if i didnt|als ik er niet",
            "!geboorteplan|birth plan|bevalplan|kaartje|card|bedankt|thank*|klacht|complaint",
        ],
    ),
    (
        Suicide,
        &[
            "think*|thought|dacht|denk*|wanted|wilde|wil|wou|overwog*",
            "not coming home|not coming back|not go home|niet meer thuis komen|\
             niet meer thuiskomen|never coming home|niet terug te komen|niet meer terug|\
             never coming back|never go home|not to come home|not to come back",
        ],
    ),
    (
        Suicide,
        &[
            "no future|geen toekomst|a future|toekomst",
            NOT,
            "myself|mezelf|for me|voor mij|voor mezelf|voor me|mijzelf",
            "!baby|kind|kindje|relatie|relationship|werk|job|career|carriere",
        ],
    ),
    (
        Suicide,
        &[
            WANT,
            "stop|end|ophouden|stoppen|ophield|stopte|ended|over",
            "for good|voorgoed|forever|permanently|voor altijd|eeuwig",
        ],
    ),
    (
        Suicide,
        &[
            "punt achter|punt achter zetten|punt achter te zetten",
            "er|alles|leven|mijn leven|het leven",
            "!relatie|werk|baan|borstvoeding|kolven|studie|zwanger*|kinderwens",
        ],
    ),
    (
        Suicide,
        &[
            "klaar met het leven|klaar met leven|klaar met mijn leven|done with life|\
           done with living|done with my life|levensmoe|tired of living|tired of life|\
           sick of living|moe van het leven|give up on life|gave up on life|giving up on life|\
           het leven opgeven|opgeven van het leven|het leven opgegeven",
        ],
    ),
    (
        Suicide,
        &[
            "wanted out|want out|wanting out",
            "!hospital|ward|room|ziekenhuis|there|that place|bed|pool|bath|unit|labour|\
             induction|relationship|marriage",
        ],
    ),
    (
        Suicide,
        &[
            "pointless|zinloos|meaningless|no point|geen zin|nutteloos|not worth it|\
             niet de moeite|geen nut|no meaning|hopeless",
            "life|leven|living|bestaan|existence|alive|mijn leven|my life",
            "!leven met een|het leven met|life with a|sociale leven|social life|\
             life with the baby",
        ],
    ),
    (
        Suicide,
        &[
            "deserve*|verdien*|waard|worth",
            "live|leven|alive|be here|te leven|bestaan|to exist|living",
            NOT,
        ],
    ),
    (
        Suicide,
        &[
            "waarom|why",
            "nog|still",
            "leefde|leef|leeft|alive|here|living|leven|bestond|bestaan|exist",
            "!hospital|ziekenhuis|ward|afdeling|kamer|room|wachtkamer|waiting",
        ],
    ),
    (
        Suicide,
        &[
            "denk*|dacht|gedachte*|gedachten|thought*|thinking|think|bezig met|obsessed|\
             preoccupied|fantas*|fixated",
            "aan de dood|over de dood|about death|about dying|of death|of dying|over doodgaan|\
             aan doodgaan|aan sterven|over sterven|the idea of dying|being dead|dood zijn|\
             dood te zijn|niet meer te leven|niet meer leven",
            "!bang|scared|afraid|fear*|angst*|terrified|labour|labor|bevalling|keizersnede|\
             section|surgery|operatie|baby|kindje|bloedverlies|blood loss|haemorrhage|bleeding|\
             complicat*",
        ],
    ),
    (
        Suicide,
        &[
            WANT,
            NOT,
            "carry on|go on|keep going|continue living|go on living|carrying on|going on",
            "!breastfeed*|feeding|with the|induction|pushing|labour|labor|pregnancy|with my|\
             with our|contractions",
        ],
    ),
    (
        Suicide,
        &[
            "rand|edge|ledge|reling|railing|leuning",
            "balkon|brug|dak|flat|balcony|bridge|roof|platform|perron|cliff|klif|spoor|tracks|\
             kade",
            "!bed|bath|bad|bank|sofa|couch|kinderbed|cot|tafel|table|stoel|chair",
        ],
    ),
    (
        Suicide,
        &[
            "oncoming traffic|into traffic|tegenligger*|tegemoetkomend verkeer|\
             in front of traffic|into a wall|off the road|tegen een muur|van de weg",
            "drive*|driving|drove|rijden|reed|crash*|steer*|stuur*|thought|dacht|wanted|wilde|\
             wil|walk*|step*|stap*|lopen|liep",
            "!parking|parkeren|taxi|ambulance",
        ],
    ),
    (
        Suicide,
        &[
            "van kant",
            "maak*|maken|gemaakt|maakte|mezelf|mijzelf|me|mij|zichzelf|haarzelf",
        ],
    ),
    (
        Suicide,
        &["uit het leven", "stap*|stappen|gestapt|stapte|gaan"],
    ),
    (
        Suicide,
        &[
            "ertussenuit|tussenuit|ertussen uit|er tussenuit|er tussen uit",
            "stap*|piep*|geknepen|knijp*",
        ],
    ),
    (
        Suicide,
        &[
            "spring*|sprong|gesprongen|jump|jumping|jumped|stap*|stepping|stepped|lopen|liep|\
             loop|loopt|walk|walking|walked|throw myself|gooien|rijden|reed|drive|driving",
            "voor de trein|voor een trein|voor de metro|onder een auto|onder de trein|\
             onder een trein|onder een bus|onder een vrachtwagen|onder de tram|\
             voor een vrachtwagen|van het balkon|van een balkon|van de brug|van een brug|\
             van het dak|van een flat|van de flat|uit het raam|in front of a train|\
             in front of the train|in front of a bus|in front of a car|in front of a lorry|\
             in front of a truck|off a bridge|off the bridge|off the balcony|off a balcony|\
             off the roof|off a building|out of the window|tegen een boom|into a tree|\
             into the sea|into the river|het water in|de zee in",
        ],
    ),
    (
        Suicide,
        &[
            "pil|pillen|tabletten|medicijnen|medicatie|slaappil*|slaapmiddel*|paracetamol|\
             pills|tablets|painkillers|meds|medication",
            "opspar*|opgespaard|gespaard|spaarde|spaar|verzamel*|verzameld|in een keer|ineens|\
             hele strip|hele doos|alle pillen|stockpil*|saving up|saved up|hoard*|all my pills|\
             all my tablets|all of them|whole packet|whole box|whole bottle|all at once|\
             klaar liggen|klaarliggen|klaar gelegd|klaargelegd|liggen klaar|verstopt|hidden|\
             stashed|them all|taking them all|take them all|in mijn hand|in my hand|\
             in mijn handen|in my hands|geteld|counted|counting|telde|allemaal innemen|\
             alles innemen|allemaal in te nemen|alles in te nemen",
        ],
    ),
    (
        Suicide,
        &[
            "spoor|spoorbaan|treinrails|rails|het spoor|railway|train tracks|the tracks|\
             railway line|train line",
            "gestaan|stond|staan|lopen|liep|gaan|ging|zitten|zat|leggen|liggen|lag|stand|stood|\
             walked|went|sat|lie|lay|standing|sitting",
            "!goede|juiste|right|wrong|verkeerde|tracking|track of|kwijt",
        ],
    ),
    (
        Suicide,
        &[
            "disappear|vanish|verdwijnen|verdwenen",
            "forever|for good|permanently|never come back|voorgoed|voor altijd|\
             nooit meer terug|nooit meer terugkomen|nooit meer terug te komen|never return|\
             not come back",
        ],
    ),
    (
        Suicide,
        &[
            "pil|pillen|tabletten|medicijnen|medicatie|pills|tablets|meds|medication|\
             paracetamol|painkillers|slaappillen",
            "al mijn|alle|all my|allemaal|all of|the lot|whole|alles",
            "innemen|in te nemen|slikken|te slikken|nemen|te nemen|take|taking|swallow*|\
             overdose",
            "plan|dacht|wilde|wou|overwog*|overwogen|thought|wanted|plan*|gedachte*|idee|\
             thinking|considered|tempted",
        ],
    ),
    (
        Suicide,
        &[
            "beter|better|happier|gelukkiger|fijner|easier|makkelijker|rustiger|peaceful",
            "er niet meer te zijn|niet meer te zijn|er niet meer|er niet te zijn|\
             not to be here|not being here|not to exist|niet te bestaan|niet meer te bestaan|\
             not be here|not be around|not to be around",
            "!ziekenhuis|hospital|afdeling|ward|kraamafdeling",
        ],
    ),
    (
        Suicide,
        &[
            "planning|planned|plan|plannen|gepland|plande",
            "my death|mijn dood|my suicide|mijn zelfmoord|my funeral|mijn begrafenis|\
             mijn uitvaart|how to die|hoe ik dood",
        ],
    ),
    (
        Suicide,
        &[
            "zag|zie|zien|see|saw|imagine|voorstellen",
            "mezelf|myself|mijzelf",
            NOT,
            "leven|live|living|alive|bestaan|here|er|around|future|toekomst",
            "!werken|work|job|baan|studeren|thuisblijven|zwanger|pregnant|baby",
        ],
    ),
    (
        Suicide,
        &[
            "slapen|sleep|inslapen|in slaap|te slapen",
            "voorgoed|voor altijd|forever|for good|eeuwig|nooit meer wakker",
            WANT,
            "!tired|moe|exhausted|uitgeput|knackered|shattered|gesloopt|slaapgebrek",
        ],
    ),
    (
        Suicide,
        &[
            "stop|ophouden|stoppen|cease",
            "existing|exist|bestaan|te bestaan|living|being alive|breathing|ademen|met leven",
            "!smoking|roken|breastfeed*|borstvoeding|feeding|kolven",
        ],
    ),
    (
        Suicide,
        &[
            "give up|giving up|gave up|opgeven|opgegeven|opgaf|op te geven",
            "living|leven|life|alive|on myself|op mezelf",
            "!breastfeed*|borstvoeding|kolven|pumping|feeding|labour|bevalling|persen|\
             social life|sociale leven|werk|job",
        ],
    ),
    (
        Suicide,
        &[
            "opluchting|relief|rust|peace|fijn|heerlijk|prettig|beter|better|easier|\
             makkelijker",
            "dood te zijn|dood zijn|dood was|to be dead|to die|dood te gaan|dood gaan|\
             being dead|dying|niet meer te leven|niet meer te bestaan|not to exist|\
             not to be alive|not being alive",
            "!bang|scared|afraid|baby|kindje",
        ],
    ),
    (
        Suicide,
        &[
            "beter|better|happier|gelukkiger",
            "off|af",
            "dead|dood|gone|weg|zonder|without",
            "!babys|bevalling|labour|birth|keizersnede",
        ],
    ),
    (
        Suicide,
        &[
            "spring*|sprong|gesprongen|jump|jumping|jumped",
            "balkon|balcony|brug|bridge|dak|roof|flat|raam|window|trein|train|metro|bus|\
             vrachtwagen|lorry|truck|cliff|klif|hoogte|height|flatgebouw|building|spoor|tracks|\
             car park|parkeergarage",
            "!vliezen|waters|hoops|conclusion*|chance|queue|bed|bank|pool|bad",
        ],
    ),
    (
        Suicide,
        &[
            NOT,
            "go on living|keep living|carry on living|living like this|live like this|\
             zo verder leven|zo door leven|zo verder|zo doorgaan|zo leven|go on like this|\
             carry on like this",
        ],
    ),
    (
        Suicide,
        &[
            "googled|searched|looked up|researched|opgezocht|gegoogeld|gezocht|zocht|googelen|\
             looking up|searching",
            "ways to die|how to die|how to kill|ways to kill|manieren om dood|hoe je dood|\
             hoe ik dood|hoe ik het|manieren om|how to end|hoeveel pillen|how much paracetamol|\
             how many pills|how many tablets|ways to end|hoe ik er een eind|hoe ik mezelf|\
             how i could die|how i could do it",
        ],
    ),
    (
        Suicide,
        &[
            "113",
            "bel*|gebeld|contact|online|chat*|nummer|zelfmoordpreventie",
        ],
    ),
    (
        Suicide,
        &[
            "thought|thoughts|thinking|think|gedachte*|gedachten|dacht",
            "not being here|not being around|not existing|not waking up|niet meer wakker|\
             niet meer te zijn|niet meer zijn|er niet meer|er niet meer te zijn",
        ],
    ),
    (
        Suicide,
        &[
            "wish|wished|wishing|hoped|prayed",
            "never woke|never wake|not wake up|wouldnt wake|didnt wake up|dead|not alive",
            "!baby|heartbeat|heart rate",
        ],
    ),
    // ---- Self-harm ---------------------------------------------------------------------
    (
        SelfHarm,
        &[
            "zelfbeschadig*|zelfverwond*|zelf beschadig*|automutil*|self harm*|selfharm*|\
           self harmed|self harming|self injur*|self mutil*|zelfverminking",
        ],
    ),
    // "Ik ben weer gaan krassen": cutting, in the word people use. A baby scratching its
    // face is vetoed.
    (
        SelfHarm,
        &[
            "kras|krast|krassen|kraste|krasten|gekrast|krasjes|opengekrast|openkrassen|\
             openkraste|kapotgekrast",
            "mezelf|mijzelf|me|mij|weer|armen|arm|benen|been|polsen|pols|huid|opnieuw|begonnen|\
             gaan|ging|zelf|dijen|terugval|teruggevallen|relapse|ik|mijn",
            "!baby|gezicht|gezichtje|nagels|nageltjes|kindje|wantjes|zoon|dochter|auto|kat|\
             hond|striae|keizersnede|litteken|operatie|buik|navel|hechting*|wond|sectio|plaat|\
             cd|scherm|telefoon|bril|glas",
        ],
    ),
    (
        SelfHarm,
        &[
            "snijd|snijdt|snijden|sneed|sneden|gesneden|snij|snee|sneetjes",
            "mezelf|mijzelf|polsen|pols|armen|arm|benen|dijen|in mijn|in mn|weer|gaan|begonnen|\
             ga|spanning|opluchting|relief|tension|terugval",
            "!keizersnede|sectio|operatie|arts|gynaecoloog|verloskundige|dokter|chirurg|\
             geknipt|ingeknipt|knip*|litteken|navelstreng|open|brood|groente|vinger",
        ],
    ),
    (
        SelfHarm,
        &[
            MYSELF,
            "pijn|iets|wat|kwaad|verwond*|verwonden|aandoe*|aandeed|aangedaan|aan te doen",
            "doen|doe|deed|gedaan|te doen|aandoe*|aandeed|aangedaan|aan te doen|aan doen|\
             verwond*|verwonden",
            "!baby|kindje|zoon|dochter|gezichtje|zijn gezicht|nagels|nageltjes|aankleden|\
             kleren|jas",
        ],
    ),
    (
        SelfHarm,
        &[
            "sla|slaan|sloeg|geslagen|slaat|bonk*|bonken|beuk*|brand|branden|brandde|gebrand|\
             verbrand*|bijt|bijten|beet|gebeten|krab*|gekrabd|prik*|geprikt",
            MYSELF,
            "!baby|kindje|zoon|dochter|gezichtje|zijn gezicht|nagels|nageltjes|waterkoker|oven|\
             strijkijzer|thee|koffie|pan|koken|zonnebrand|flesje|fles|per ongeluk|ongeluk|\
             accident*",
        ],
    ),
    (
        SelfHarm,
        &[
            "hoofd tegen de muur|hoofd tegen muren|head against the wall|head against walls|\
           tot bloedens|tot het bloedde|until i bled|until it bled",
        ],
    ),
    (
        SelfHarm,
        &[
            "cut myself|cutting myself|cuts myself|cut my arms|cut my wrists|cut my wrist|\
             cut my legs|cut my thighs|cut my skin|cutting my arms|cutting my legs|\
             cutting my wrists|cutting my thighs|cutting my skin|started cutting|start cutting|\
             back to cutting|cutting again|began cutting|relapsed into cutting|urge to cut|\
             urges to cut|stopped cutting|stop cutting myself|been cutting",
            "!waiting|cost*|budget*|services|funding|corners|queue|cord|hair|nails|food|\
             back on|cutting back|down|the cord|surgeon|episiotomy",
        ],
    ),
    (
        SelfHarm,
        &[
            "cut|cuts|cutting|cutted",
            "myself|herself|himself|themselves|my arms|her arms|my wrists|her wrists|my legs|\
             her legs|my thighs|her thighs|my skin|her skin|my wrist|her wrist",
            "!cord|hair|nails|food|down|back|corners|queue|waiting|cost*|funding|services|\
             surgeon|episiotomy|section|stitches|the baby|baby",
        ],
    ),
    (
        SelfHarm,
        &[
            "polsen|pols|wrists|wrist|armen|arms",
            "mes|knife|scheermes*|razor|blade|blades|mesje|mesjes|scherf|glass|glas",
            "!armbandje|horloge|watch|infuus|bandje|polsbandje|id|baby|kindje",
        ],
    ),
    (
        SelfHarm,
        &[
            "cigarette*|sigaret*|lighter|aansteker|peuk*",
            "arm|arms|skin|huid|hand|handen|leg|legs|been|benen|armen|myself|mezelf|zichzelf|\
             herself|wrist|pols|polsen|thigh*|dij*",
            "stubbed|stub|burn*|brand*|gebrand|uitgedrukt|uitdrukken|uitdrukte|put out|pressed",
        ],
    ),
    (
        SelfHarm,
        &[
            "hurt|hurts|hurting|harm|harming|injure|injured|injuring|burn|burns|burned|burnt|\
             burning|punch|punched|punching|hit|hitting|scratch|scratched|scratching|starve|\
             starving|starved",
            "myself|my self|on purpose|deliberately|herself",
            "!fell|fall|falling|slipped|slip|accident*|accidentally|bath|getting out|kettle|\
             oven|iron|tea|coffee|cooking|stove|lifting|carrying",
        ],
    ),
    (
        SelfHarm,
        &[
            "punch*|hitting|hit|bang*",
            "walls|the wall|my head",
            "!he|him|hij|hem|partner|husband|boyfriend|man|next to|naast",
        ],
    ),
    (
        SelfHarm,
        &[
            MYSELF,
            "geknepen|knijp*|kneep|pinch*|gepunished|straf*|gestraft|punish*|beschadig*|\
             uithongeren|verhongeren|starve*|scratch*|krab*|gekrabd|bijt|beet|gebeten|\
             bite myself|bit myself|biting myself",
            "!baby|kindje|zoon|dochter|gezichtje|zijn gezicht|nagels|nageltjes|in de arm|\
             in my arm|had to pinch|moest mezelf|om te checken|to check|real|echt|droom|dream|\
             verwijt*|blame*|guilt*|schuld*",
        ],
    ),
    (
        SelfHarm,
        &[
            MYSELF,
            "mes|messen|knife|knives|scheermes*|mesje|mesjes|razor|razors|blade|blades|glas|\
             scherf|schaar|scissors|sigaret*|cigarette*|aansteker|lighter|naald|needle",
            "!baby|kindje|zoon|dochter|gezichtje|zijn gezicht|nagels|nageltjes|ongeluk|\
             accident*|keuken|kitchen|cooking|koken|groente|brood|per ongeluk",
        ],
    ),
    (
        SelfHarm,
        &[
            "expres|met opzet|bewust|on purpose|deliberately|opzettelijk",
            "muur|wall|sla|sloeg|geslagen|slaan|punch*|hit|bang*|brand*|gebrand|burn*|snij*|\
             gesneden|cut|kras*|gekrast|krab*|scratch*|hurt|pijn|verwond*|bonk*",
            "!baby|kindje|zoon|dochter|hem|haar|him|her|he|hij|partner|husband|man",
        ],
    ),
    (
        SelfHarm,
        &[
            "tot ik blauwe plekken had|until i bruised|tot ik bloedde|until i was bleeding|\
           punish myself|punishing myself|mezelf straffen|mezelf te straffen|strafte mezelf",
        ],
    ),
    (
        SelfHarm,
        &[
            "mijn armen|mn armen|mijn polsen|mijn pols|mijn benen|mijn huid|mijn arm|\
             mijn dijen|my arms|my wrists|my legs|my skin|my thighs",
            "kapot|open|bloedend|opengehaald|kapotgemaakt|kapot gemaakt",
            "!baby|kindje|pijn van|ziekenhuis|infuus|prik|eczeem|eczema|jeuk|itch*",
        ],
    ),
    (
        SelfHarm,
        &[
            "pil|pillen|tabletten|medicijnen|paracetamol|pills|tablets|painkillers|meds|\
             medication|slaappillen",
            "on purpose|too many|te veel|teveel|met opzet|expres|bewust|deliberately|whole box|\
             hele doos|hele strip",
            "!accident*|per ongeluk|forgot|vergeten|voorgeschreven|prescribed|gave me|kreeg ik|\
             given",
        ],
    ),
    (
        SelfHarm,
        &[
            "scratch*|krab*|gekrabd|opengekrabd|pick*|pulled|trok|uitgetrokken|pluk*",
            "bled|bleed*|bloed*|bloedde|bloedden|open|kapot|raw",
            "!baby|gezicht|gezichtje|nageltjes|kindje|zoon|dochter|his face|her face|mittens|\
             wantjes|tepel*|nipple*|wond|wound|stitches|hechting*",
        ],
    ),
    // ---- Sexual abuse and neglect ------------------------------------------------------
    (
        Abuse,
        &[
            "misbruik*|*misbruik|*misbruikt|verkracht*|verkragt*|aangerand|aanranding|\
           aanrander|aanrandde|ongewenst aangeraakt|ongewenste intimiteit*|incest|verwaarloosd|\
           verwaarlozing|verwaarlozen|verwaarloost|verwaarloosde|rape|raped|raping|rapes|\
           rapist|molest*|neglect|neglected|neglectful|neglecting|sexual assault|\
           sexually assaulted|sexually abused|grensoverschrijdend*|seksueel geweld|\
           seksuele intimidatie|sexual violence|sexually harassed|sexual harassment|betast|\
           groped|groping|touched me inappropriately|forced himself|forces himself|\
           forced themselves|took advantage of me|misused me",
        ],
    ),
    // "Abuse" alone is sexual abuse or neglect; domestic, physical or emotional abuse is
    // the violence category's.
    (
        Abuse,
        &[
            "abuse|abused|abusive|abusing|abuser|abusers",
            "!domestic|huiselijk|physically|physical|emotionally|emotional|verbally|verbal|\
             relationship|relatie|financially|financial",
        ],
    ),
    (
        Abuse,
        &[
            "take no for an answer|nee niet accepteren|nee niet accepteerde",
            PARTNER,
        ],
    ),
    (
        Abuse,
        &[
            "tegen mijn zin|tegen mn zin|tegen mijn wil|tegen mn wil|zonder toestemming|\
             zonder mijn toestemming|zonder dat ik wilde|against my will|without my consent|\
             without consent|didnt consent|did not consent|i said no|ik zei nee|ik wilde niet|\
             i didnt want|i did not want",
            "seks*|sex|sexual*|vrijen|gevreeen|vrijde|neuken|geneukt|gemeenschap|intiem|\
             aangeraakt|aanraken|aanraakte|betast*|touched|touching|touch|penetr*|slapen met|\
             sleep with|slept with|gedwongen|forced|dwong",
            "!toucher|inwendig|internal|examination|exam|vaginaal onderzoek|vaginal exam|sweep|\
             strippen|catheter|katheter",
        ],
    ),
    (
        Abuse,
        &[
            "gedwongen|dwong|dwingt|dwingen|forced|force|forces|forcing|made me|makes me|\
             make me|pressured|pressures|pressure*|pushed me into|onder druk|made to|\
             was made to|forced to",
            "seks*|sex|sexual*|vrijen|gemeenschap|neuken|slapen met|sleep with|sleeping with|\
             slept with|intimacy|intiem|met hem naar bed|naar bed met hem|met hem slapen|\
             naar bed te gaan met",
        ],
    ),
    // "He forced me", "hij dwong me": coercion by a partner, most often sexual. Care
    // staff insisting on a position or an induction are vetoed.
    (
        Abuse,
        &[
            "forced me|forces me|forcing me|dwong me|dwingt me|dwong mij|dwingt mij|\
             gedwongen door",
            PERSON,
            "!push|persen|induction|inleiding|epidural|ruggenprik|lie|liggen|bed|stirrups|\
             beugels|midwife|verloskundige|doctor|arts|gynaecoloog|consultant|staff|hospital|\
             ziekenhuis|feed*|voeden|borstvoeding|breastfeed*|bottle",
        ],
    ),
    (
        Abuse,
        &[
            "seks*|sex|vrijen|gemeenschap",
            "ging door|ging gewoon door|doorging|gingen door|toch door|kept going|carried on|\
             didnt stop|did not stop|wouldnt stop|stopte niet|hield niet op|wont stop|\
             doesnt stop|stopt niet|gaat door|doorgaat|carries on|keeps going|ignores|negeert|\
             ignored|negeerde",
            PERSON,
        ],
    ),
    (
        Abuse,
        &[
            "niet wil|niet wilde|dont want|didnt want|did not want|dat niet wil|not wanting|\
             niet willen|wasnt ready|niet klaar|not ready|nog niet wilde|i didnt|ik niet|\
             ik wil niet|i dont|not in the mood",
            "seks*|sex|vrijen|gemeenschap|touch*|aanraakt|aanraken|aanzitten|zit aan|zat aan|\
             betast*",
            PERSON,
            "!baby|verloskundige|midwife|arts|doctor|nurse|consultant|examination|onderzoek|\
             toucher",
        ],
    ),
    (
        Abuse,
        &[
            "seks*|sex|vrijen|gemeenschap|intimacy|intiem",
            "boos|kwaad|angry|sulk*|chagrijnig|pressure*|druk|dreigt|dreigde|threat*|nee zeg|\
             say no|said no|weiger*|refuse*|insists|eist|eiste|demands|demanded|dwingt|\
             guilt trip*|schuldig",
            PERSON,
            "!verloskundige|midwife|arts|doctor|nurse|consultant|hechtingen zijn|checkup|\
             nacontrole",
        ],
    ),
    (
        Abuse,
        &[
            "seks*|sex|vrijen|gemeenschap|intercourse",
            "nee zei|zei nee|said no|say no|nee zeg|sliep|asleep|sleeping|dronken|drunk|\
             bewusteloos|unconscious|out of it|niet wilde|didnt want|did not want|huilde|\
             crying|cried|pijn had|in pain|bleeding|bloedde",
            PERSON,
            "!verloskundige|midwife|arts|doctor|nurse|consultant|nacontrole|checkup|advies|\
             advice|weeks after|weken na|wachten|wait",
        ],
    ),
    (
        Abuse,
        &[
            "tegen mijn wil|tegen mn wil|tegen mijn zin|tegen mn zin|against my will",
            "nam|genomen|neemt|had|ging|took|had me|has me|kwam|pakte",
            PARTNER,
            "!mee|ziekenhuis|hospital|naar|to the|medicatie|medication|pil|pill",
        ],
    ),
    (
        Abuse,
        &[
            "made me|makes me|dwong me|dwingt me|forced me|forces me|dwong mij|dwingt mij",
            "things|dingen|stuff|dingen doen",
            "didnt want|dont want|niet wil|niet wilde|did not want|do not want",
        ],
    ),
    (
        Abuse,
        &[
            "zei nee|said no|nee zei|nee gezegd|stop zei|said stop|say no|zeg nee|nee zeg|\
             say stop|zeg stop",
            "ging door|doorging|ging hij door|gingen door|kept going|carried on|didnt stop|\
             did not stop|stopte niet|hield niet op|ignored|wont stop|doesnt stop|stopt niet|\
             gaat door|doorgaat|carries on|keeps going|ignores|negeert|negeerde",
            PERSON,
            "!persen|push|pushing|toucher|examination|exam|sweep|strippen",
        ],
    ),
    // ---- Violence, threats and coercive control ----------------------------------------
    (
        Violence,
        &[
            "*geweld|gewelddadig*|mishandel*|gewurgd|bedreigd|bedreigde|bedreigt|bedreiging*|\
           bedreigen|stalk*|gestalkt|huisverbod|straatverbod|contactverbod|\
           blijf van mijn lijf*|vrouwenopvang|blijfhuis|violence|violent|assault|assaulted|\
           beaten|beat me|beats me|beat me up|beats me up|beating me|battered|punched me|\
           strangled|strangles|strangling|choked me|chokes me|choking me|not safe at home|\
           restraining order|non molestation|womens refuge|womens aid|coercive|coercion|\
           domestic abuse|domestic violence|geweldadig|physically abusive|physical abuse|\
           abusive relationship|emotionally abusive|emotional abuse|verbally abusive|\
           verbal abuse|financial abuse|financially abusive",
        ],
    ),
    // Striking: "sloeg mijn vriend mij", "dat hij me slaat", "my partner hit me". An arm
    // around her and a call button are not violence.
    (
        Violence,
        &[
            "sla|slaat|slaan|sloeg|sloegen|geslagen|slaag|klap|klappen|klapte|mep|meppen|mepte|\
             gemept|stomp|stompen|stompte|gestompt|wurg*|hit|hits|hitting|punch|punches|\
             punched|punching|slapped|slaps|slapping|slap me|slap her|beat|beats|beating|\
             beat up|strangl*|throttl*|smack*|vuist|vuisten|fist|fists",
            PERSON,
            ME,
            "!arm om|armen om|arm around|arms around|button|bell|buzzer|call bell|hart|heart|\
             alarm|golf|wave|ground|road|roof|wall of|traffic|nail|spot|target|jackpot",
        ],
    ),
    // "He hurts me": not a needle or an examination that hurt.
    (
        Violence,
        &[
            "hurt me|hurts me|hurting me|hurt us|pijn gedaan|doet me pijn|deed me pijn|\
             doet mij pijn|deed mij pijn",
            PERSON,
            "!anaesthetist|anesthetist|needle|naald|doctor|arts|midwife|verloskundige|nurse|\
             consultant|surgeon|examination|onderzoek|prik|injection|cannula|infuus|toucher|\
             sweep|stitches|hechten|hechting*|feelings|gevoelens|words|woorden|comment*|\
             opmerking*|baby|latch*|aanleggen|borstvoeding|breastfeed*",
        ],
    ),
    (
        Violence,
        &[
            "duw|duwtje|klap|klappen|mep|stomp|schop|trap|vuistslag|kopstoot|por|oplawaai|\
             dreun|tik",
            "gegeven|gaf|geeft|geven|verkocht|verkochten",
            PERSON,
            "me|mij|ik",
            "!goede richting|aanmoediging|schouder|op de rug|bemoediging|schouderklopje|baby|\
             kindje",
        ],
    ),
    (
        Violence,
        &[
            "schop|schopt|schoppen|schopte|geschopt|trapt|trapte|getrapt|kick|kicks|kicked|\
             kicking",
            PERSON,
            ME,
            "!kindje|baby|bewegingen|movements|schopjes|kicks|voelde|felt|feel|voelen|\
             little one|baarmoeder|womb|de hele nacht|all night|de hele dag|all day|constant*|\
             non stop|actief|active|like mad|als een gek",
        ],
    ),
    // Pushing, gripping, throwing: everyday in a birth story (a partner squeezing a
    // hand, a midwife pushing on a belly), so they need a word of force or harm.
    (
        Violence,
        &[
            "duw|duwt|duwen|duwde|duwden|geduwd|knijp|knijpt|knijpen|kneep|geknepen|vastgepakt|\
             vastpakken|pakte|greep|grijpt|gegrepen|trok|getrokken|smijt|smeet|gesmeten|gooide|\
             gegooid|push|pushes|pushed|pushing|shove|shoves|shoved|shoving|grab|grabs|grabbed|\
             grabbing|pinned|dragged|drag|threw|throws|thrown|chok*",
            PERSON,
            ME,
            "hard|harde|ruw|ruwe|hardhandig|muur|grond|vloer|trap|keel|nek|blauw*|boos|woedend|\
             kwaad|agressief|dronken|pijn|rough*|violent*|wall|floor|ground|stairs|throat|neck|\
             bruise*|bruising|angry|aggressive*|drunk|against|haar|haren|hair",
            "!buik|baarmoeder|persen|kristeller|belly|tummy|bump|hand|handen|hands|wheelchair|\
             rolstoel|pram|kinderwagen|bed|steun|support",
        ],
    ),
    (
        Violence,
        &[
            "gooi*|gegooid|smijt|smeet|gesmeten|threw|throw|throws|throwing|thrown|hurled",
            "at me|naar me|naar mij|naar mijn hoofd|at my head|met spullen|met dingen|\
             things at|stuff at|met borden|plates|objects|things|stuff|spullen|dingen",
            PERSON,
            "!bag|tas|auto|car|vriezer|bin|prullenbak|afval|weg|away|out|luier*|nappy|nappies|\
             wasmachine|washing",
        ],
    ),
    (
        Violence,
        &[
            "kapot gegooid|kapotgegooid|kapot gemaakt|kapotgemaakt|stukgegooid|stuk gegooid|\
             smashed|smashes|smash|destroyed|vernield|vernielt|sloopt|gesloopt|broke|breaks|\
             kapot geslagen|punched a hole|sloeg gaten|punched|punches|slammed|slams|kicked|\
             schopte|sloeg tegen|sloeg op|stompte|beukte",
            "telefoon|phone|spullen|things|deur|door|deuren|doors|my stuff|mijn spullen|wall|\
             muur|meubels|furniture|walls|tafel|table",
            PERSON,
            "!waters|vliezen|water broke|baby|call bell|button",
        ],
    ),
    (
        Violence,
        &[
            "agressief|aggressive|woede*|driftig|driftbui*|opvliegend|temper|rage|angry|boos|\
             kwaad|furious|explodeert|explodes",
            PERSON,
            "drink*|dronken|drunk|alcohol|drugs|gedronken|thuis|at home|tegen mij|tegen me|\
             towards me|to me|naar mij|naar me|at me|op mij|op me|bang|scared|afraid|\
             frightened|angst|angstig",
            "!verloskundige|arts|gynaecoloog|midwife|doctor|nurse|staff|hospital|ziekenhuis|\
             consultant|receptionist|kraamverzorgster",
        ],
    ),
    // Harm or control named with its author: "bang gemaakt door mijn partner".
    (
        Violence,
        &[
            "gecontroleerd|controlled|intimid*|geintimideerd|onder druk gezet|bang gemaakt|\
             bedreigend|threatening|scared me|frightens me|frightened me|mishandeld|geslagen|\
             abused|hurt|pijn gedaan|bedreigd|geschopt|vernederd|belittled|manipul*|\
             gemanipuleerd|geisoleerd|isolated|bullied|gepest|afgeperst|gechanteerd|blackmail*|\
             opgesloten|locked|attacked|aangevallen|assaulted|hit|beaten|kicked|punched|\
             slapped|pushed|geduwd|geknepen|vastgepakt",
            "door mijn partner|door hem|by him|by my partner|by my husband|door mijn man|\
             door mijn vriend|by my boyfriend|door mijn ex|by my ex|door mijn echtgenoot|\
             by my ex partner|door mijn expartner|door mijn ex partner|by my fiance|\
             door mijn schoonfamilie|by my in laws|door mijn vader|by my father|by my dad|\
             by my family|door mijn familie",
        ],
    ),
    (
        Violence,
        &[
            "wil altijd weten|wants to know|moet weten|needs to know|wil weten|has to know|\
             always knows|tracks|volgt",
            "waar ik|where i|wie ik|who i|wat ik|what i|met wie|with whom|who i can|what i can|\
             where i can",
            "hij|he|partner|man|husband|boyfriend|vriend",
            "!verloskundige|arts|midwife|doctor|baby",
        ],
    ),
    (
        Violence,
        &[
            "vastgehouden|hield me vast|held me|pinned me|hield me tegen|tegengehouden|blocked|\
             blokkeerde|stond in de weg",
            "niet weg|kon niet weg|couldnt leave|couldnt get away|not leave|down|zodat ik niet|\
             the door|de deur|could not leave|wouldnt let me",
            PERSON,
            "!ruggenprik|epidural|persen|pushing|contractions|weeen|hand|comfort|troost",
        ],
    ),
    (
        Violence,
        &[
            "tegen de grond|tegen de muur|op de grond|tegen de kast|against the wall|\
             to the floor|to the ground|onto the floor|down the stairs|van de trap|\
             into the wall|tegen de deur|against the door",
            PERSON,
            "gewerkt|werkte|gegooid|gooide|geduwd|duwde|geslagen|sloeg|pushed|shoved|threw|\
             thrown|slammed|smeet|gesmeten|pinned|knocked|duwt|gooit|slaat|werkt",
        ],
    ),
    (
        Violence,
        &[
            "geslagen|mishandeld|geschopt|gewurgd|getrapt|gestompt|hit|beaten|kicked|punched|\
             slapped|strangled|choked",
            "word|wordt|werd|ben|worden|werden|im|i am|i was|i get|i got|ive been|got|been|\
             gets|being",
            "ik|i|me|mij",
            "!car|auto|bike|fiets|bal|ball|golf|wave|reality|out|eruit|contractions|pain|pijn|\
             weeen|bus|emotie*|emotion*|tired|moe|vermoeidheid",
        ],
    ),
    (
        Violence,
        &[
            "geduwd|geschopt|geknepen|gegooid|vastgegrepen|gegrepen|gestompt|gemept|pushed me|\
             shoved me|grabbed me|threw me|dragged me|pinned me|pushes me|shoves me|grabs me|\
             throws me|drags me|bit me|bites me|spat on me|spuugde|gebeten|bijt me|beet me|\
             beet mij|knijpt me|kneep me|knijpt mij|kneep mij|pinches me|pinched me|bespuugd",
            PERSON,
            "me|mij|i|ik",
            "!wheelchair|rolstoel|pram|kinderwagen|to breastfeed|to feed|to push|to try|to go|\
             to ask|to complain|to speak|to get|to have|to take|to eat|to rest|to sleep|\
             into having|to accept|to agree|hand|handen|hands|out of the way|uit de weg|persen|\
             weeen",
        ],
    ),
    (
        Violence,
        &[
            "politie|police|cops|agenten",
            "ruzie|fight|fighting|argument|row|huiselijk|domestic|thuis|at home|mijn man|\
             my partner|my husband|mijn partner|mijn vriend|my boyfriend|mijn ex|my ex|hem|him|\
             aangifte|arrest*|opgepakt|meegenomen",
            "!ambulance|escort|rijden|verkeer|traffic|accident|ongeluk|snelweg|motorway|sirene|\
             siren",
        ],
    ),
    (
        Violence,
        &[
            "weggevlucht|gevlucht|vluchtte|vluchten|fled|flee|fleeing|ontsnapt|escaped|escape|\
             weggelopen|ran away|run away|left him",
            "bij hem|from him|van hem|from my partner|from my husband|bij mijn man|\
             bij mijn partner|bij mijn vriend|van mijn man|van mijn ex|from my ex|\
             from my boyfriend|voor hem|him",
            "!ziekenhuis|hospital|ward",
        ],
    ),
    (
        Violence,
        &[
            "opvang|blijfhuis|safe house|refuge|noodopvang|crisisopvang",
            "woon|wonen|woonde|zit|zat|verblijf*|gevlucht|terecht|live|living|lived|stay*|\
             moved|went|gegaan|geplaatst|placed|fled|flee|fleeing|vluchtte",
            "!kinderopvang|gastouder|nursery|daycare",
        ],
    ),
    (
        Violence,
        &[
            "kleineert|kleineerde|kleineren|scheldt|schold|uitgescholden|uitschelden|vernedert|\
             vernederde|vernederd|beledigt|calls me names|called me names|puts me down|\
             put me down|belittles|belittled|humiliates|humiliated|insults me|screams at me|\
             schreeuwt tegen me|schreeuwt naar me|schreeuwt tegen mij|yells at me|shouts at me|\
             gaslight*|emotioneel misbruik|psychisch geweld|verbal abuse|emotional abuse|\
             emotionally abusive|verbally abusive|scheldt me uit|schold me uit|manipuleert me",
            PERSON,
            "!verloskundige|arts|gynaecoloog|midwife|doctor|nurse|staff|consultant|\
             kraamverzorgster|verpleegkundige|receptionist",
        ],
    ),
    (
        Violence,
        &[
            "attacked|attacks me|attacking me|attack me|aangevallen|viel me aan|valt me aan|\
             viel mij aan|valt mij aan",
            PERSON,
        ],
    ),
    (
        Violence,
        &[
            "keel|nek|throat|neck",
            "dicht|dichtgeknepen|dichtknijpen|kneep|knijp*|squeez*|hands around|handen om|\
             hand om|gepakt|pakte|greep|gegrepen|vastgepakt|grabbed|grabs|held|by the throat|\
             around my neck|om mijn nek|om mijn keel|bij de keel|bij mijn keel",
            PERSON,
        ],
    ),
    (
        Violence,
        &[
            "blauwe plekken|blauwe plek|bruises|bruised|black eye|blauw oog",
            PERSON,
        ],
    ),
    (
        Violence,
        &[
            "dreig*|bedreig*|gedreigd|threat*|threaten*",
            PERSON,
            "me|mij|baby|kind*|kinderen|kids|children|child|son|daughter|zoon*|dochter*|afpak*|\
             af te pakken|meenemen|mee te nemen|take|took|leave me|vermoord*|kill",
            "!vroeggeboorte|scheur*|nood|infectie|keizersnede|sectio|inleiding|premature|\
             miscarriage|tear*|section|induction|levens*|life|klacht|complain*|ombudsman|\
             lawyer|advocaat|klachtencommissie|manager|report them|police on them",
        ],
    ),
    (
        Violence,
        &[
            "vermoord*|doodmaken|dood maken|afmaken|kill|kills|gonna kill|going to kill",
            PERSON,
            ME,
            "!pain|pijn|wait|wachten|weeen|contractions|back|feet|coffee|koffie|killing me",
        ],
    ),
    (
        Violence,
        &[
            "bang|angstig|angst|doodsbang|scared|afraid|frightened|terrified|fear|petrified",
            "voor hem|van hem|voor mijn man|voor mn man|voor mijn partner|voor mn partner|\
             voor mijn vriend|voor mn vriend|voor mijn ex|voor mn ex|voor mijn echtgenoot|\
             of him|of my husband|of my partner|of my boyfriend|of my ex|of my fiance|\
             of my wife|of my girlfriend|of my dad|of my father|wat hij zou doen|\
             what he would do|what hed do|what he might do|what hell do|what he will do|\
             wat hij gaat doen|wat hij zal doen|voor zijn woede|voor zijn reactie|\
             voor zijn agressie|voor zijn driftbuien|of his temper|of his anger|\
             of his reaction|of his moods|voor zijn buien",
        ],
    ),
    // Coercive control: "hij laat me niet…", "mag niet van hem", "not allowed to see my
    // friends", "controls the money", "locks me in".
    (
        Violence,
        &[
            "laat|liet|laten",
            "me|mij",
            NOT,
            PARTNER,
            "!alleen|los|vallen|steek|schrikken|uitpraten|uitspreken|wachten|slapen|rusten|\
             liggen|huilen|weten|horen",
        ],
    ),
    (
        Violence,
        &[
            "laat|liet|laten",
            "me|mij",
            NOT,
            PARTNER,
            "naar buiten|de deur uit|het huis uit|werken|naar mijn|bellen|zien|praten|\
             afspreken|naar mijn ouders|naar mijn familie|mijn vriendinnen|geld|autorijden",
            "!verloskundige|arts|ziekenhuis|afdeling|kraamverzorgster|bed",
        ],
    ),
    (
        Violence,
        &[
            "durf*|dare|darent",
            NOT,
            "meer|anymore|any more",
            "naar huis|thuis|home",
        ],
    ),
    (
        Violence,
        &[
            "wont let me|doesnt let me|didnt let me|wouldnt let me|never lets me|not let me|\
             doesnt allow me|wont allow me|does not let me|will not let me",
            PARTNER,
            "!hospital|ward|midwife|nurse|doctor|staff|consultant|anaesthetist|visit*|covid|\
             surgeon|theatre",
        ],
    ),
    (
        Violence,
        &[
            "mag|mocht|mogen|mocht ik|mag ik",
            NOT,
            "van hem|van mijn man|van mn man|van mijn partner|van mn partner|van mijn vriend|\
             van mn vriend|van mijn ex|van mijn echtgenoot",
        ],
    ),
    (
        Violence,
        &[
            "mag|mocht|mogen",
            NOT,
            "heen|naartoe|alleen|zonder hem|zonder dat hij|without him|anywhere",
            PERSON,
            "!corona|covid|bezoek*|ziekenhuis|kraamafdeling|afdeling|regels|maatregelen|\
             verloskundige|arts|kraamverzorgster|bed|douchen|lopen",
        ],
    ),
    (
        Violence,
        &[
            "mag|mocht|mogen",
            NOT,
            "vriendinnen|vrienden|familie|ouders|moeder|zus|werken|buiten|naar buiten|\
             de deur uit|het huis uit|telefoon|geld|pinpas|bankpas|auto|sociale media",
            PERSON,
            "!corona|covid|bezoek*|ziekenhuis|kraamafdeling|afdeling|regels|maatregelen|\
             verloskundige|arts|kraamverzorgster",
        ],
    ),
    (
        Violence,
        &[
            "not allowed|isnt allowed|wasnt allowed|arent allowed|am not allowed|forbids me|\
             forbidden|forbade me",
            "friends|family|mum|mom|mother|parents|sister|money|phone|work|job|go out|\
             going out|leave the house|out of the house|talk to|speak to|car|bank|without him|\
             out without|go anywhere|out alone|on my own|see anyone",
            "!ward|visit*|covid|hospital|midwife|staff|nurse|restrictions|rules|policy|\
             pandemic|corona|birth partner|theatre|unit|nicu|scbu|only one",
        ],
    ),
    (
        Violence,
        &[
            "controle*|controleert|controleerde|checkt|checkte|leest|las|doorzoekt|bekijkt|\
             keeps|kept|withholds|withheld|hides|hid|watches|watched|monitors|spies|\
             bespioneert|kijkt mee|volgt|follows|tracks|uitgeef|uitgeeft|uitgaf|track*|check|\
             checks|checked|checking|goes through|went through|reads|read|monitor*|controls|\
             controlled|controlling|control|beheert|afpak*|afgepakt|afgenomen|inneemt|\
             ingenomen|verstopt|houdt|hield|takes|took",
            "mijn telefoon|mn telefoon|mijn mobiel|mijn berichten|mijn whatsapp|mijn appjes|\
             mijn geld|mn geld|al het geld|het geld|mijn bankrekening|mijn pinpas|mijn bankpas|\
             mijn uitgaven|mijn paspoort|mijn sleutels|mijn mail|mijn locatie|my phone|\
             my messages|my texts|my money|the money|all the money|my bank|my finances|\
             my location|my spending|my passport|my keys|my emails|my email|where i|who i|\
             what i|wie ik|waar ik|wat ik|everything i|alles wat ik|ons geld|our money|\
             all our money|our finances|the finances|met wie",
            PARTNER,
            "!hartslag|heartbeat|weeen|contraction*|timer|app voor|babys|verloskundige|midwife|\
             arts|doctor|nurse|staff|driver|chauffeur|so i can|zodat ik|rest|rusten|slapen|\
             sleep|charge|opladen",
        ],
    ),
    (
        Violence,
        &[
            "pakt|pakte|neemt|nam|houdt|hield",
            "af|achter|weg",
            "telefoon|mobiel|geld|pinpas|bankpas|paspoort|sleutels|autosleutels|id",
            PARTNER,
        ],
    ),
    (
        Violence,
        &[
            "geen geld|no money|niet genoeg geld|weinig geld|huishoudgeld|zakgeld|geen pinpas|\
             geen eigen pinpas|geen bankpas|geen eigen rekening|geen eigen geld|\
             no bank account|no access to money|own money|eigen geld|my own money|\
             eigen rekening|bank account|bankrekening|ask him for money|ask for money|\
             beg him for money|money for food|money for everything|om geld vragen|\
             om geld te vragen|geld vragen|allowance|geld voor boodschappen|geld voor eten",
            PERSON,
            "!ziekenhuis|hospital|parking|parkeren|kraamzorg|eigen bijdrage|verzekering|\
             insurance",
        ],
    ),
    (
        Violence,
        &[
            "bepaalt|bepaalde|beslist|besliste|decides|decided|dictates|beheert|beheerde|\
             controls|controleert|controleerde",
            "alles|everything|wat ik|what i|who i|where i|wie ik|waar ik|wanneer ik",
            "hij|he|partner|man|husband|boyfriend|vriend",
            "!gynaecoloog|arts|verloskundige|dokter|doctor|consultant|midwife|surgeon|\
             kinderarts|baby|hospital|ziekenhuis",
        ],
    ),
    (
        Violence,
        &[
            "meeneemt|meenemen|mee te nemen|mee neemt|afpakt|afpakken|af te pakken|\
             take the baby|take her|take him|take the kids|take my baby|take our baby|\
             take the children|take my son|take my daughter|take them",
            "als ik|if i|wanneer ik|when i",
            "wegga|weg ga|vertrek|leave|go|scheid|split|weggaan|break up|weg wil",
        ],
    ),
    (
        Violence,
        &[
            "durf*|dare|darent|scared to|afraid to|bang om|terrified to|frightened to",
            "naar huis|home|thuis",
            "vanwege|because of|of him|of what he|voor hem|om hem",
        ],
    ),
    (
        Violence,
        &[
            "bonnetjes|receipts|bonnen|bonnetje|every penny|elke cent|elke euro|verantwoorden|\
             verantwoording|account for",
            "laten zien|show|verantwoorden|account for|moet|have to|must|inleveren",
            "!werk|work|belasting|tax|declaratie|claim|insurance|verzekering|zorgverzekeraar|\
             vergoeding|reimburse*|kraampakket|parkeren|parking",
        ],
    ),
    (
        Violence,
        &[
            "beperkt|beperkte|restricts|restricted|limits|limited|beperken",
            "me|mij",
            PARTNER,
            "!verloskundige|midwife|arts|doctor|nurse|gynaecoloog|consultant|staff|pijn|pain|\
             hechting*|stitches|bekken*|pelvi*|wond|keizersnede|section|covid|corona",
        ],
    ),
    (
        Violence,
        &[
            "gets physical|got physical|getting physical|handtastelijk|physical with me|\
             lays hands|laid hands|hands on me|hand op me",
            PARTNER,
        ],
    ),
    (
        Violence,
        &[
            "scared|afraid|frightened|bang|terrified|petrified|fear",
            "what|wat",
            "will do|would do|might do|zal doen|zou doen|gaat doen|kan doen|could do|\
             is capable of|doet als",
            PARTNER,
            "!baby|kindje|verloskundige|midwife|arts|doctor|gynaecoloog|consultant|staff|nurse|\
             specialist",
        ],
    ),
    (
        Violence,
        &[
            "controlling|bezitterig|possessive|manipul*|jaloers|jealous|dominant",
            "partner|man|vriend|ex|husband|boyfriend|relatie|relationship|hij|he|him|hem",
            "!verloskundige|midwife|arts|doctor|gynaecoloog|consultant|nurse|staff|\
             kraamverzorgster|manipulat*|manipuleren",
        ],
    ),
    (
        Violence,
        &[
            "opgesloten|opsluiten|opsluit|sluit me op|sloot me op|sluit mij op|sloot mij op|\
             locked me in|locked me out|locks me in|locks me out|locked me up|lock me in|\
             lock me out|locked in the house|locked in my room|buitengesloten|sluit me buiten|\
             sloot me buiten|sluit mij buiten|sloot mij buiten",
            "!ziekenhuis|afdeling|kraamafdeling|hospital|ward|isolatie|isolation|corona|covid|\
             quarantaine|mri|lift|toilet|wc|badkamer|bathroom",
        ],
    ),
    (
        Violence,
        &[
            "isoleert|isoleerde|geisoleerd|isolates|isolated|cut me off|cuts me off|\
             keeps me from|kept me from|houdt me weg|hield me weg",
            PERSON,
            "familie|vrienden|vriendinnen|ouders|moeder|family|friends|parents|mum|mom",
            "!corona|covid|lockdown|pandemic|ziekenhuis|hospital|ward",
        ],
    ),
    (Violence, &["eggshells|op eieren", PERSON]),
    (
        Violence,
        &[
            "tells me|told me|decides|bepaalt|zegt|zei|dictates|chooses|kiest",
            "what i can wear|wat ik aan mag|what i wear|who i can see|wie ik mag zien|\
             where i can go|waar ik heen mag|what to wear|wat ik moet aantrekken|\
             wat ik aan moet|who i can talk|met wie ik|who i see|wie ik zie|what i can eat|\
             wat ik mag eten|wat ik mag",
            PARTNER,
            "!verloskundige|midwife|arts|doctor|nurse|gynaecoloog|consultant|dietist|dietitian|\
             diabetes",
        ],
    ),
    (
        Violence,
        &[
            "scared|afraid|bang|terrified|frightened|petrified",
            "of going home|to go home|om naar huis te gaan|naar huis te gaan|going home|\
             om thuis te zijn|to be at home|of being at home",
            "!newborn|baby|pasgeboren|alleen|alone|so soon|zo snel|early|vroeg|cope|coping|\
             redden|eerste nacht|first night|eerste kind|first baby|first time|infection|\
             infectie|bleeding|bloeding",
        ],
    ),
    (
        Violence,
        &[
            "niemand|nobody|no one|noone",
            "geloven|gelooft|geloofd|believe|believes",
            "zegt|zei|says|said|tells|told|dreigt|threatens",
            PARTNER,
        ],
    ),
    (
        Violence,
        &[
            "vluchten|gevlucht|vluchtte|fled|flee|fleeing|onderduiken|ondergedoken|\
             onderdak gezocht",
            "ik|me|i|we|wij|mijn baby|my baby|met de kinderen|with the kids",
            "!oorlog|war|land|country|brand|fire|asiel|asylum|azc|syrie|syria|ukraine|oekraine|\
             overstroming|flood",
        ],
    ),
    (
        Violence,
        &[
            "bang|scared|afraid|frightened|terrified|fear|angstig|eggshells|eieren",
            "temper|woede|driftbui*|agressie|anger|moods|buien|rage|uitbarsting*|outbursts|\
             reactie|reaction|reactions",
            PARTNER,
            "!verloskundige|midwife|arts|doctor|nurse|gynaecoloog|consultant|staff|baby",
        ],
    ),
    (
        Violence,
        &[
            "stops me|stopped me|stop me|prevents me|prevented me|houdt me tegen|\
             hield me tegen|verbiedt|verbood|forbids|forbade|keeps me from|kept me from",
            "seeing|going|leaving|working|talking|zien|gaan|werken|contact|family|friends|\
             familie|vrienden|vriendinnen|leave|see|go out",
            PARTNER,
            "!verloskundige|midwife|arts|doctor|nurse|gynaecoloog|consultant|staff|hospital|\
             ziekenhuis|ward|covid|corona",
        ],
    ),
    (
        Violence,
        &[
            "put me in hospital|put me in the hospital|landed me in hospital|\
             in het ziekenhuis beland|in het ziekenhuis terecht|hospitalised me|\
             hospitalized me|sent me to hospital|in het ziekenhuis geslagen",
            PARTNER,
            "!gp|huisarts|doctor|arts|midwife|verloskundige|sepsis|infection|infectie|\
             bloeddruk|blood pressure|pre eclampsia|preeclampsia|bleeding|bloeding",
        ],
    ),
    (
        Violence,
        &[
            NOT,
            "veilig|safe",
            "partner|man|vriend|husband|boyfriend|ex|hem|him|echtgenoot|fiance",
            "!afdeling|ward|hospital|ziekenhuis|verloskundige|midwife|arts|doctor|\
             kraamafdeling|unit|theatre|ok|operatiekamer|early|vroeg|discharge*|ontslag",
        ],
    ),
    (
        Violence,
        &[
            "durf*|dare|darent|dared|scared to|afraid to|bang om|frightened to",
            "tegen hem|to him|against him|him|hem|zijn mening|his",
            "in te gaan|stand up|say no|tegenspreken|tegen te spreken|zeggen|nee te zeggen|\
             disagree|argue|speak up|leave|weg|go|tell|vertellen",
            "!verloskundige|midwife|arts|doctor|gynaecoloog|consultant|nurse|staff|kinderarts|\
             kraamverzorgster|surgeon|anaesthetist|specialist",
        ],
    ),
    (
        Violence,
        &[
            "iets aandoet|iets aan doet|iets aandoen|iets aan te doen|iets zou aandoen|\
             iets aan zou doen|wat aandoet|pijn doet|pijn zou doen|hurt me|kill me|vermoordt|\
             vermoorden|vermoord|harm me|come after me",
            "als ik|if i|wanneer ik|when i|zodra ik|bang dat hij|scared he|afraid he|\
             worried he|zegt dat hij|says he|said he|zei dat hij|dreigt|dreigde|threaten*",
            PERSON,
            "!baby|kindje|mijn kind|de baby",
        ],
    ),
    (
        Violence,
        &[
            NOT,
            "veilig|safe",
            "thuis|at home|bij hem|with him|around him|met hem|in my own home",
            "!early|vroeg|snel|discharge*|ontslag|ready|klaar|soon|sent|gestuurd|ziekenhuis|\
             hospital|alleen met de baby|alone with the baby|going home|go home",
        ],
    ),
    (
        Violence,
        &[
            "aangifte|police report|reported him|called the police|police were called|\
             police came|politie gebeld|politie kwam|politie erbij",
            "tegen|politie|police|him|hem|partner|husband|man|ex|mishandel*|geweld",
            "!geboorte|gemeente|naam|registr*|birth|register*",
        ],
    ),
    // ---- Perinatal mental health crisis ------------------------------------------------
    (
        MentalHealth,
        &[
            "depres*|*depressie|*depressief|*depression|psychos*|psychot*|*psychose|ppd|pnd|\
             postnatale dip|pnds|somberheid",
            "!gelukkig geen|gelukkig niet|geen last van|gevraagd naar|vroeg naar|vroegen naar|\
             vragenlijst|screening|folder|asked about|asked if|asked whether|screened for|\
             questionnaire|leaflet|no signs of|no sign of|not depressed|niet depressief|\
             geen depressie|risico op|risk of|vroegen of|vroeg of|had ik niet|asked me if|\
             nu gaat het goed|gaat nu goed|gaat het weer goed|well supported|goed begeleid|\
             goed opgevangen|fijn begeleid|doing well now|im fine now|much better now|\
             nu veel beter|i was fine|but fine|was fine|were wonderful|were great|was great|\
             were amazing|was amazing|supportive|were fantastic|was fantastic",
        ],
    ),
    (
        MentalHealth,
        &[
            "crisisdienst|crisisteam|crisis team|crisis line|crisislijn|crisis dienst|\
             crisisopvang|crisis unit|crisis house|crisis care|home treatment team|psychiat*|\
             mbu|moeder baby unit|moeder kind unit|mother and baby unit|mother baby unit|\
             perinatal mental health|paaz|gesloten afdeling|sectioned|stemmen hoorde|\
             stemmen horen|hoorde stemmen|hoor stemmen|hearing voices|heard voices|hear voices|\
             hallucin*|wanen|waanbeelden|waandenkbeeld*|paranoi*|paranoid|manie|manisch|manic|\
             mania|bipolair|bipolar|dwanggedachte*|intrusive thought*|intrusieve gedachte*|\
             donkere gedachte*|zwarte gedachte*|duistere gedachte*|dark thought*|\
             black thoughts|dark place|dark places|zwart gat|zwarte gat|in een gat|rock bottom|\
             zenuwinzinking|mental breakdown|nervous breakdown|had a breakdown|\
             having a breakdown|verge of a breakdown|paniekaanvallen|angstaanvallen|\
             panic attacks|anxiety attacks|angststoornis|anxiety disorder|dwangstoornis|ptss|\
             ptsd|posttraumatische stress*|post traumatic stress|antidepress*|antipsychot*|\
             losing my mind|lost my mind|going mad|going insane|doorgedraaid|doordraaien|\
             doordraaide|niet meer functioneren|kon niet functioneren|couldnt function|\
             could not function|niet meer uit bed|out of bed for days|dingen die er niet waren|\
             dingen die er niet zijn|things that werent there|things that were not there|\
             things that arent there|dingen zien|dingen zag|seeing things|saw things|diep dal|\
             in een dal|dieptepunt|in de put|diepe put|bad way mentally|mentally unwell|\
             mentally ill|mental illness|psychische ziekte|psychisch ziek|burn out|burnout|\
             overspannen|overspannenheid|postnatal anxiety|postpartum anxiety|postnatale angst|\
             postpartum angst|herkende mezelf niet|mezelf niet meer herkende|\
             mezelf niet herkende|mezelf kwijt|lost myself|didnt recognise myself|\
             didnt recognize myself|wasnt myself|flashbacks|herbelevingen|\
             nachtmerries over de bevalling|nightmares about the birth|perinatal team|\
             perinatal service|perinatal mental|perinatale ggz|emotionless|gevoelloos|\
             emotioneel vlak|zag dingen|zie dingen|hoorde dingen|hoor dingen|depri|deprie|\
             buiten mezelf|naast mezelf|detached from reality|out of touch with reality|\
             derealisat*|depersonalisat*|derealizat*|depersonalizat*|niet meer mezelf|\
             not myself anymore|losing touch with reality",
        ],
    ),
    (
        MentalHealth,
        &[
            "herkende|herken|herkenden|recognise*|recognize*|recognis*",
            NOT,
            "baby|kind|kindje|zoon|dochter|child|son|daughter|als de mijne|as mine",
            "!couveuse|incubator|nicu|tussen de|among|bedjes|cots",
        ],
    ),
    (
        MentalHealth,
        &[
            "dacht|geloofde|thought|believed|convinced|overtuigd|zeker",
            "baby|kind|kindje|zoon|dochter|child|son|daughter",
            "niet van mij|niet de mijne|not mine|wasnt mine|was not mine|verwisseld|swapped|\
             switched|vervangen|replaced|nep|fake|niet echt|not real|iemand anders|\
             someone else",
        ],
    ),
    (
        MentalHealth,
        &[
            "de weg kwijt",
            "ik|me|mezelf|was|raakte",
            "!ziekenhuis|afdeling|gebouw|parkeer*|route|navigatie|lift|gang|receptie",
        ],
    ),
    (
        MentalHealth,
        &[
            "losing it|lost it|losing my grip|lost my grip|lost the plot|losing the plot",
            "felt like|i was|going to|was i|feel like|feeling like",
            "!at the|at him|at her|with the|met de|midwife|nurse|staff|receptionist",
        ],
    ),
    (
        MentalHealth,
        &[
            "couldnt feel anything|could not feel anything|felt nothing|feel nothing|\
             voelde niets|voel niets|kon niets voelen|voelde helemaal niets|numb|verdoofd|\
             zombie",
            "!waist|legs|benen|epidural|ruggenprik|epiduraal|spinal|verdoving|anaesthetic|\
             anesthetic|pain|pijn|weeen|contractions|stitches|hechten|lack of sleep|\
             slaapgebrek|tired|moe|no sleep|geen slaap|nights|nachten|prik",
        ],
    ),
    (
        MentalHealth,
        &[
            "beter af|better off|beter|better",
            "andere moeder|another mother|another mum|another mom|someone else|iemand anders|\
             een ander|somebody else",
            "!verloskundige|midwife|arts|doctor|kraamverzorgster|nurse|consultant|ziekenhuis|\
             hospital",
        ],
    ),
    (
        MentalHealth,
        &[
            "better off with someone else|beter af met een andere moeder|\
           beter af bij iemand anders|beter af met iemand anders|better off without me as|\
           deserves a better mum|deserves a better mother|deserved a better mother|\
           verdient een betere moeder|verdiende een betere moeder|een betere moeder verdient|\
           a better mum than me|a better mother than me|beter af met een andere|\
           better off with another",
        ],
    ),
    (
        MentalHealth,
        &[
            "not coping|wasnt coping|werent coping|struggling to cope|barely coping|not cope|\
             couldnt cope|could not cope|cant cope|cannot cope|unable to cope",
            "!pain|contractions|labour|labor|epidural|gas|pushing|induction|wait|waiting",
        ],
    ),
    (
        MentalHealth,
        &[
            "somber*|neerslachtig*|zwaarmoedig*|me down|mij down|erg down|zo down|heel down|\
             feeling down|felt down|feel down|was down|so down|very down|really down|\
             feeling low|felt low|feel low|so low|low mood|was low|really low|very low mood",
            "zo|erg|heel|zwaar|diep|steeds|weken|maanden|bed|so|really|very|weeks|months|\
             extremely|ontzettend|enorm|verschrikkelijk|severe|ernstig|extreme|crippling|\
             niet meer|durfde niet|couldnt|constant|constantly|overwhelming|overweldigend",
            "!gelukkig niet|had ik niet|vroegen of|vroeg of|gevraagd|asked if|asked whether|\
             asked about|bloeddruk|suiker|blood pressure|sugar|iron|ijzer|hartslag|heart rate|\
             hb|platelets|bloedplaatjes|milk|melk|supply|productie|low risk|laag risico|\
             calm down|sit down|lie down|slow down|down below|upside down|down the|\
             naar beneden",
        ],
    ),
    (
        MentalHealth,
        &[
            "angst*|anxious|anxiety|angstig",
            "crippling|constant|constante|overweldigend*|overwhelming|niet meer durfde|\
             couldnt leave|kon niet meer|durfde niet meer|severe|ernstige|extreme|debilitating|\
             verlammend*|the whole time|de hele tijd|all the time|every day|elke dag|\
             niet meer slapen|couldnt sleep|kon niet slapen|niet durfde",
            "!ruggenprik|epidural|needle|naald|prik|bevalling|labour|labor|keizersnede|section|\
             operation|operatie|ambulance|wachten|waiting|wait",
        ],
    ),
    (
        MentalHealth,
        &[
            "paniekaanval|panic attack|angstaanval",
            "ik|me|mij|mijn|i|my|id|ive",
            "!weeen|wee|persen|ontsluiting|ok|operatiekamer|keizersnede|ruggenprik|tijdens|\
             during|theatre|section|epidural|labour|labor|heart attack",
        ],
    ),
    (
        MentalHealth,
        &[
            "kon|kan|kunnen|kun|konden",
            "niet meer aan|allemaal niet meer aan|alles niet meer aan",
            "!pijn|weeen|wee|persen|ontsluiting|pijnstilling|ruggenprik|contracties",
        ],
    ),
    (
        MentalHealth,
        &[
            "wanhoop|wanhopig|hopeloos|hopeless|hopelessness|despair*|uitzichtloos",
            "!pijn|weeen|wee|ontsluiting|persen|pain|contractions|labour|labor|wachten|waiting|\
             wait|pushing|epidural|ruggenprik",
        ],
    ),
    // "Ik voelde niets voor mijn baby"; numbness from an epidural is vetoed.
    (
        MentalHealth,
        &[
            "voel|voelde|voelt|gevoeld|feel|felt|feeling",
            "niets|niks|geen band|geen binding|geen liefde|geen klik|nothing|no bond|no love|\
             no connection|numb|disconnected|detached|leeg|any love|any bond|any connection|\
             anything|no feelings|any feelings",
            "baby|kind|kindje|zoon|dochter|child|son|daughter|mijn meisje|mijn jongen",
            "!ruggenprik|epiduraal|verdoving|pijn|weeen|prik|persdrang|epidural|pain|\
             contractions|spinal|anaesthetic|legs|benen|lower|waist|buik|belly|stitches|\
             hechten|hechting*",
        ],
    ),
    (
        MentalHealth,
        &[
            "geen|no|niet|not|nooit|never|geen enkele|any",
            "band|binding|bond|connection|connectie|liefde|love|gevoel|feelings|klik|bonding",
            "baby|kind|kindje|zoon|dochter|child|son|daughter",
            "voel*|felt|feel|had|have|heb|voelde|ervaren|experience*",
            "!verloskundige|midwife|kraamverzorgster|arts|doctor|nurse|ruggenprik|epidural|\
             pijn|pain|benen|legs|verdoving|spinal|anaesthetic|gynaecoloog|consultant",
        ],
    ),
    (
        MentalHealth,
        &[
            "niet hechten|niet gehecht|geen band|geen binding|didnt bond|couldnt bond|not bond|\
             no bond|not bonding|didnt love|couldnt love|dont love|did not love|\
             niet van houden|niet van hield|hield niet van|hou niet van",
            "baby|kind|kindje|zoon|dochter|child|son|daughter|her|him|haar|hem",
        ],
    ),
    (
        MentalHealth,
        &[
            "spijt van mijn baby|spijt van mijn kind|spijt van de baby|spijt dat ik moeder|\
           spijt van het moederschap|regret having my baby|regret having the baby|\
           regretted having my baby|regretted having the baby|regret having a baby|\
           regret becoming a mum|regret becoming a mother|regretted becoming",
        ],
    ),
    (
        MentalHealth,
        &[
            WANT,
            "weglopen|wegrennen|vluchten|verdwijnen|run away|disappear|vanish|walk out|\
             walk away|weggaan",
            "!ziekenhuis|hospital|ward|afdeling|naar huis|home|discharge*|ontslag|\
             kraamafdeling|kamer|room",
        ],
    ),
    (
        MentalHealth,
        &[
            WANT,
            "weg",
            "baby|kind|kindje|gezin|alles|iedereen|van mijn leven|van alles",
            "!ziekenhuis|naar huis|afdeling|kraamafdeling|ontslag|kamer|gaan|mochten",
        ],
    ),
    (
        MentalHealth,
        &[
            WANT,
            "all|everything|alles",
            "to stop|to end|to be over|ophield|ophouden|stoppen|stopte|voorbij",
            "!pijn|pain|weeen|contractions|labour|labor|bevalling|persen",
        ],
    ),
    (
        MentalHealth,
        &[
            NOT,
            "meer|anymore|any more|no longer",
            "zorgen|care for|look after|take care|verzorgen",
            "baby|kind|kindje|zoon|dochter|child|son|daughter|kids|kinderen|him|her|hem|haar|\
             mezelf|myself|mijzelf",
            "!keizersnede|pijn|hechting*|wond|operation|c section|surgery|katheter|catheter|\
             pain|stitches|bloedverlies",
        ],
    ),
    (
        MentalHealth,
        &[
            "huilde|huil|huilen|cried|crying|cry",
            "weken|maanden|weeks|months|elke dag|every day|de hele dag|all day|non stop|\
             hele dagen|all the time|constantly|constant",
            "!kraamtranen|baby blues|geluk|happy|blij|derde dag|day three|day 3|baby huilde|\
             the baby cried|he cried|she cried|the baby|de baby huilde|baby cried|hij huilde|\
             zij huilde|ze huilde|hormon*",
        ],
    ),
    (
        MentalHealth,
        &[
            "wilde|wil|wou|wanted",
            "niks meer|niets meer|nothing anymore|nothing any more",
            "!eten|drinken|weten|horen|zien van|te maken|met hem|met haar",
        ],
    ),
    (
        MentalHealth,
        &[
            "drowning|verzuip*|verdrink*|verzoop|going under|sinking|zinken|zonk",
            "felt|feel|feeling|voelde|voel|like|als|alsof",
            "!water|bath|bad|pool|bevalbad|baby|kindje|birthing",
        ],
    ),
    (
        MentalHealth,
        &[
            "couldnt get out of bed|could not get out of bed|niet uit bed|niet meer uit bed|\
             kwam niet uit bed|stayed in bed|kon niet uit bed|uit mijn bed komen|\
             get out of bed",
            "weeks|days|months|weken|dagen|maanden|all day|de hele dag|dagenlang|wekenlang",
            "!hechting*|stitches|keizersnede|section|wond|pijn|pain|catheter|katheter|\
             bloedverlies|anaemia|bloedarmoede|bedrust|bed rest|bekken*|pelvi*|spd",
        ],
    ),
    (
        MentalHealth,
        &[
            "niemand|nobody|no one|noone|geen mens",
            "merk*|gemerkt|zag|zagen|gezien|noticed|notice|noticing|saw|realised|realized|\
             picked up|checked|vroeg|asked|had het door|doorhad|doorhadden|in de gaten",
            "slecht ging|slecht met|slecht met me|coping|cope|struggl*|depress*|drowning|\
             verzuip*|verdrink*|verdronk|kapot|not ok|not okay|niet goed met mij|\
             niet goed met me|somber*|niet goed ging|instort*|breaking|falling apart|sinking|\
             zinken",
        ],
    ),
    (
        MentalHealth,
        &[
            "mental health|psychisch*|mentaal|mentale|emotioneel|mentally|emotionally",
            "crisis|struggl*|declin*|deteriorat*|spiral*|suffer*|breakdown|poor|bad|terrible|\
             awful|worse|slecht|problemen|nood|ingestort|instort*|ziek|kapot|achteruit|zwaar|\
             bad way|bad place|in a state|mess|wreck|not okay|not ok|unwell|broken|fragile|\
             kwetsbaar|op|leeg|fell apart|fall apart|falling apart|crumbl*|collapsed|\
             broke down|breaking down|spiralled|spiraled|nosedive|plummeted|downhill|tanked|\
             suffered|in pieces|kapotgegaan|ingestort",
            "!asked|ask|vroeg|gevraagd|check*|question*|leaflet|information|informatie|folder|\
             gelukkig|good|goed|fine|attitude|services|service|team|nurse|professionals|act|\
             crews|crew|staff|funding|support|awareness|zorg|hulpverlening",
        ],
    ),
    (
        MentalHealth,
        &[
            "ingestort|instort*|stortte in|stortte ik in|crashed",
            "ik|me|mij|mentaal|psychisch|emotioneel|i|mentally",
            "!wereld|plafond|bloeddruk|long|world|ceiling|blood pressure|system|computer",
        ],
    ),
    (
        MentalHealth,
        &[
            "dacht|voelde|bang|gevoel|idee|leek|thought|felt|scared|afraid|feeling|like",
            "gek werd|gek zou worden|gek worden|gek aan het worden|knettergek|going crazy|\
             go crazy|gone crazy|going mad|go mad",
            "!van de pijn|van het wachten|van de weeen|van pijn|pain|waiting|wait",
        ],
    ),
    // ---- Grown after the first held-out measurement (85% recall): the general form of
    // each kind of phrasing it missed. Sentence-wide vetoes hid several of them ("mezelf
    // verwond … toen de baby een week oud was"), so these rules are narrower in their
    // words and lighter in their vetoes. -----------------------------------------------
    // Bruises on a baby are a child-protection sign in themselves (NSPCC, Meldcode); birth
    // instruments and heel pricks leave them too.
    (
        ChildAtRisk,
        &[
            "blauwe plekken|blauwe plek|blauwe plekjes|blauw plekje|bruises|bruised|bruise|\
             bruising|blauw oog|black eye",
            "baby|babys|kindje|zoontje|dochtertje|pasgeborene|newborn|little one",
            "!ventouse|tang|forceps|vacuum*|vacuumpomp|geboorte|bevalling|birth|delivery|\
             hielprik|prik|infuus|heel prick|injection|jab|vaccin*|inenting*|navel*|stuit|\
             mongolenvlek|mongolian|birthmark|moedervlek|stork|ooievaarsbeet|cannula",
        ],
    ),
    // Intrusive images of drowning or holding a baby under ("kopje onder houden").
    (
        ChildAtRisk,
        &[
            "kopje onder|onder water|onder het water|under water|underwater|under the water",
            "baby|kindje|kind|zoon|dochter|hem|haar|him|her|child|son|daughter",
            "houden|hield|duwen|duwde|hold|holding|held|push*|gedachte*|thought*|idee|urge*|\
             beeld*|image*|zag|zie|see|saw|bang|scared|afraid|drang|neiging",
            "!zwemmen|babyzwemmen|swimming|swim|zwembad|pool|oren|ears|ear",
        ],
    ),
    // A baby believed possessed or evil: a psychotic belief about the child.
    (
        ChildAtRisk,
        &[
            "bezeten|possessed|duivel*|devil|demon*|het kwaad|het kwade|evil|boze geest*|\
             vervloekt|cursed|antichrist",
            "baby|kindje|kind|zoon|dochter|child|son|daughter|hem|haar|him|her|it",
            "!als een|like a|little devil|kleine duivel|duiveltje|monstertje|schattig*|cute",
        ],
    ),
    // Hoping, praying not to wake up.
    (
        Suicide,
        &[
            "hopen|hoopt|hoop|hope|hopes|hoping|hopend|bidden|bad|prayed|pray|praying",
            NOT,
            "wakker|wake|waking|woke",
            "meer|ooit|nooit|never|again|anymore|up",
            "!voeding|voed*|drinken|fles|borst|feed*|feeding",
        ],
    ),
    // Cutting with a blade, wherever the baby is in the sentence.
    (
        SelfHarm,
        &[
            "verwond*|gesneden|sneed|snij*|cut|cuts|cutting|kras*|gekrast|bewerkt",
            "scheermes*|mesje|mesjes|razor*|blade|blades|scherf|scherven|glass|glas|schaar|\
             scissors|passer",
            ME,
            "!scheren|geschoren|shave|shaved|shaving|navelstreng|cord|keuken|kitchen|groente|\
             per ongeluk|accident*|knipt|geknipt|nagels|nails",
        ],
    ),
    // "Mijn oude gewoonte van krassen is terug": the word people use, back again.
    (
        SelfHarm,
        &[
            "krassen|gekrast|kraste|krasten|krast|cutting|self harming|selfharming",
            "gewoonte|terug|weer|opnieuw|begonnen|sinds|again|back|habit|relapse*|terugval",
            ME,
            "!auto|kat|hond|cat|dog|nagels|nails|gezichtje|face|cd|plaat|scherm",
        ],
    ),
    // Controlling behaviour: not allowed out, alone, to friends, money or care.
    (
        Violence,
        &[
            "mag niet|mocht niet|mag nergens|mocht nergens|mag niks|mocht niks|mag geen|\
             mocht geen|niet mag|niet mocht|not allowed|isnt allowed|wasnt allowed|\
             wont let me|doesnt let me|didnt let me|wouldnt let me|laat me niet|liet me niet|\
             laat mij niet|liet mij niet|verbiedt|verbood|verboden|forbids|forbade|\
             stops me|stopped me from|stop me from",
            "zonder hem|without him|de deur uit|out of the house|naar buiten|buiten de deur|\
             mijn vriendinnen|my friends|vriendinnen|friends|mijn familie|my family|\
             mijn ouders|my parents|mijn moeder|my mum|my mom|werken|work|geld|money|\
             pinpas|bankpas|bank card|telefoon|phone|alleen naar|alone to|by myself|\
             in mijn eentje|on my own|niemand|anyone|nobody|afspraken|appointments|\
             verloskundige|midwife|huisarts|gp|consultatiebureau|health visitor|\
             boodschappen|shopping|auto|car|sleutels|keys",
            PARTNER,
            "!corona|covid|regels|rules|protocol|bezoektijd*|visiting|bezoek|overnacht*|\
             overnight|blijven slapen|stay the night|bedrust|bed rest|gynaecoloog|dokter|\
             doctor|nurse|verpleegkundige|kraamverzorgster|consultant|arts|ziekenhuis|hospital",
        ],
    ),
    // Reading all her messages.
    (
        Violence,
        &[
            "leest|las|lezen|checkt|checkte|checks|checked|checking|controleert|controleerde|\
             reads|read|reading|goes through|went through|kijkt in|keek in|doorzoekt|\
             doorzocht|looks through|looked through",
            "mijn berichten|mn berichten|mijn appjes|mn appjes|mijn whatsapp|mijn telefoon|\
             mn telefoon|mijn mobiel|mn mobiel|mijn mail|mijn e mail|my messages|my texts|\
             my phone|my emails|my email|my whatsapp",
            "al|alle|all|elke|every|steeds|altijd|always|constant*|stiekem|secretly|iedere|\
             continu|voortdurend",
            PARTNER,
        ],
    ),
    // Pushing, pinching, kicking her, told in fear or secret.
    (
        Violence,
        &[
            "duwt|duwde|geduwd|knijpt|kneep|geknepen|schopt|schopte|geschopt|bijt|gebeten|\
             shoves|shoved|pinches|pinched|kicks|kicked|bites|bit me",
            "me|mij|her|haar",
            PARTNER,
            "durf*|durfde|bang|angst*|niemand|no one|nobody|verteld|zeggen|zeg|say|tell|told|\
             dare|afraid|scared|thuis|at home|als hij|when he|dronken|drunk|boos|angry|ruzie|\
             argument|fight|weer|again|vaker|often",
            "!buik|belly|baarmoeder|persen|kristeller|weeen|contraction*|hand|handen|hands|\
             bed|baby|kindje|stoel|chair",
        ],
    ),
    // Told by a sister or friend: "haar partner sloeg haar".
    (
        Violence,
        &[
            "sla|slaat|sloeg|geslagen|slaan|mishandelt|mishandelde|mishandeld|hits|beats|\
             beat her|beaten|punches|punched|wurgt|wurgde|strangled|choked her|chokes her",
            "haar|her|zij|she|mijn zus|my sister|mijn vriendin|my friend",
            "partner|man|vriend|echtgenoot|ex|hij|he|husband|boyfriend",
            "!baby|kindje|zoon|zoontje|dochter|toe|alarm|arm om|arms around|om haar heen|\
             balletje|bal|ball|drum|trommel|maat|record",
        ],
    ),
    // Bruises she explains away.
    (
        Violence,
        &[
            "blauwe plekken|blauwe plek|blauw oog|bruises|bruised|bruise|black eye|gekneusd",
            "gevallen|viel|gestoten|stootte|fell|fall|walked into|tegen de deur|deur|door|\
             smoes|smoesje|excuus|verzonnen|lieg|loog|gelogen|lie|lied|lying|verstop*|\
             verberg*|hide|hiding|hid|cover*|make up|lange mouwen|long sleeves|told everyone|\
             tell everyone|told people|tell people|zeg tegen|zei tegen|niet zo|not true|\
             wasnt true|niemand|nobody|no one",
            ME,
            "!infuus|drip|cannula|naald|needle|bloedafname|blood test|prik|injection|\
             epidural|ruggenprik|baby|kindje|keizersnede|buik|belly|stitches|hechting*|\
             ventouse|forceps|tang|kolven|pump*",
        ],
    ),
    // Neglect: left without food, heating or money.
    (
        Abuse,
        &[
            "zonder eten|without food|geen eten|no food|niks te eten|niets te eten|\
             nothing to eat|geen geld voor eten|no money for food|geen geld voor voeding|\
             zonder verwarming|without heating|no heating|zonder geld|without money|no money|\
             geen luiers|no nappies|no nappy|no diapers",
            "laat|liet|leaves|left|alleen|alone|dagen|days|hele dagen|weken|weeks|hij|he|\
             partner|man|husband|boyfriend|vriend",
            "!ziekenhuis|hospital|ward|afdeling|kraamafdeling|uur|uren|hours|nuchter|operatie|\
             keizersnede|surgery|fasting|nil by mouth|kantine|restaurant|kraamhotel|\
             verloskundige|midwife|nurse|verpleegkundige|water|drinken|drink|ziek|sick|\
             illness|griep|flu|gastro*|buikgriep|braken|overgeven|vomit*|threw up",
        ],
    ),
    // Hating one's child, feeling the worst mother ("a bad mum when breastfeeding
    // failed" is an everyday complaint and left out).
    (
        MentalHealth,
        &[
            "hekel aan|haat|hate|hated|resent|resented|walg van|kan niet uitstaan|cant stand",
            "baby|kind|kindje|zoon|dochter|child|son|daughter|mijn kind|my baby",
            ME,
            "!het als|it when|luier*|nappies|nappy|verschonen|kolven|pumping|fles*|bottle*|\
             ziekenhuis|hospital|wachten|waiting",
        ],
    ),
    (
        MentalHealth,
        &[
            "slechtste moeder|worst mother|worst mum|worst mom|slechtste mama|\
             terrible mother|terrible mum|terrible mom|awful mother|awful mum|\
             mislukte moeder|waardeloze moeder|useless mother|useless mum|rubbish mum|\
             rubbish mother|niet geschikt als moeder|not fit to be a mother",
            "!niet het gevoel|never made me feel|didnt make me feel|nooit het gevoel|\
             gaf me niet het gevoel|made me feel like a good|geen slechte",
        ],
    ),
    // Empty inside, not existing: low mood in the words people use.
    (
        MentalHealth,
        &[
            "leeg van binnen|empty inside|hol van binnen|dood van binnen|dead inside|\
             voel me leeg|voelde me leeg|voel me zo leeg|voelde me zo leeg|\
             voel mij leeg|voelde mij leeg|felt empty|feel empty|feel so empty|\
             felt so empty|emotionally numb|numb inside|niet meer besta|alsof ik niet besta|\
             niet meer bestond|i dont exist|i didnt exist|like i dont exist|\
             like i didnt exist",
            "!afdeling|kamer|ziekenhuis|gang|borst|borsten|batterij|accu|buik|blaas|\
             koelkast|flesje|wachtkamer|ward|room|breast|breasts|battery|trok bij|\
             trok weer bij|ging over|ging weer over|went away|passed|wore off|nu beter|\
             better now|gaat nu goed|na een paar dagen|after a few days",
        ],
    ),
    (
        MentalHealth,
        &[
            "eet bijna niks|eet bijna niets|eet niks|eet niets|at niks|at niets|at bijna niks|\
             niet meer eten|stopped eating|not eating|cant eat|couldnt eat|eet bijna niet|\
             barely eating|barely eat",
            "somber|verdrietig|leeg|huil*|sad|low|down|empty|cry*|crying|hopeloos|hopeless|\
             angstig|anxious|slaap niet|cant sleep|niet slapen|zin in niks|zin in niets|\
             nergens zin|no point|alone|alleen|eenzaam|lonely",
            "!keizersnede|operatie|misselijk|nausea|sick|narcose|hechtingen|c section|\
             surgery|nuchter",
        ],
    ),
    // Mania: no sleep for nights, restless, talking on and on.
    (
        MentalHealth,
        &[
            "sliep niet|slaap niet|niet geslapen|niet slapen|nachten niet|nachten wakker|\
             couldnt sleep|no sleep|not slept|hadnt slept|didnt sleep|not sleeping|\
             slapeloos*|sleepless|sliep ik niet|slept for days",
            "opgejaagd|gejaagd|aan een stuk door|aan een stuk|non stop|racing|hyper|\
             euforisch|manisch|wired|invincible|onoverwinnelijk|speciale missie|\
             special mission|paranoid|achtervolgd|rare gedachten|strange thoughts|\
             wist niet wat hij met me|didnt know what to do with me|niet meer mezelf|\
             energie als nooit|so much energy|talking non stop|praatte|talking fast",
        ],
    ),
    // Panic all the time, the feeling of going mad.
    (
        MentalHealth,
        &[
            "constant in paniek|continu in paniek|altijd in paniek|voortdurend in paniek|\
             steeds in paniek|constant panic|constantly panicking|panicking all the time|\
             in constant panic|gevoel dat ik gek word|gevoel dat ik gek wordt|\
             alsof ik gek word|bang dat ik gek word|denk dat ik gek word|ik word gek|\
             i am going mad|im going mad|im going crazy|i am going crazy",
            "!van de pijn|van het wachten|van de weeen|van pijn|van het huilen|van die|\
             van dat|van de|pain|waiting|with the crying|with the noise",
        ],
    ),
    // Delusions: watched, poisoned, chosen.
    (
        MentalHealth,
        &[
            "dacht dat|thought that|thought i|was convinced|overtuigd|zeker dat|sure that|\
             believed|geloofde",
            "cameras|camera|afgeluisterd|bugged|spying|bespioneerd|achtervolgd|followed|\
             vergiftig*|poison*|complot|conspiracy|signals|tekens|boodschappen aan mij|\
             messages for me|gekozen|chosen|speciale missie|special mission|duivel|devil|\
             verwisseld|swapped|not my baby|niet mijn baby|niet ons kind|replaced|vervangen",
            ME,
            "!van de verloskundige|door de verloskundige|by the midwife|by the hospital|\
             ziekenhuis gaf|hospital gave|medicatie|medication|test|uitslag|results",
        ],
    ),
    // ---- Grown on the second set (68% recall on first reading): the words guidance
    // lists for how people say they are a burden, want a way out, are hit, touched or
    // hear things. ------------------------------------------------------------------
    (
        Suicide,
        &[
            "burden|last voor|een last|tot last|ballast",
            "ik|me|mij|i|im|she|her|zij|ze|everyone|iedereen|jullie|them|family|familie|\
             everybody|mn|mijn|my",
            "!geen last|niet tot last|no burden|not a burden|never a burden|last van|\
             financial|financieel|administrat*|paperwork|bureaucra*",
        ],
    ),
    (
        Suicide,
        &[
            "point in carrying on|point carrying on|point in going on|point in living|\
             reason to live|reason to go on|reden om te leven|reden om door te gaan|\
             zin om door te gaan|easiest way out|only way out|enige uitweg|\
             way out of all this|way out of this life|een eind aan|an end to it|\
             notice if i was gone|notice if she was gone|notice if i wasnt here|\
             niemand zou het merken|merken als ik er niet|als ik er niet meer ben|\
             if i wasnt here|if i was gone|when im gone|als ik weg ben|\
             stockpil*|sparen voor als|opsparen|hoarding pills|saving up pills|\
             pillen verzameld|pillen gespaard|tabletten gespaard|swerv*|tegen een boom|\
             into a tree|into the barrier|voor de trein|in front of a train|onder de trein|\
             van het perron|off the platform|een stap en|one step and|van de brug|\
             off the bridge|welke brug|which bridge|afscheidsbrief|afscheid genomen|\
             goodbye letter|goodbye note|spullen weg|giving my things away|\
             giving away my|gave away my|my affairs in order|zaken geregeld",
            "!parkeer*|parking|route|afslag|exit|uitgang|nooduitgang|fire exit|lift|\
             stoplicht|rotonde|roundabout|navigatie|ziekenhuis uit|uitweg uit de wachtrij",
        ],
    ),
    (
        MentalHealth,
        &[
            "worthless|waardeloos|niks waard|nothing worth|hopeless|hopeloos|uitzichtloos|\
             no hope|geen hoop|geen toekomst|no future|trek het niet|trek het niet meer|\
             houd het niet vol|hou het niet vol|hou het niet meer vol|kan het niet meer aan|\
             cant cope|couldnt cope|not coping|wasnt coping|kan niet meer|\
             cant go on|cant do this anymore|cant do this any more",
            "!wachttijd|wait|waiting|wachten|systeem|system|parkeren|parking|app|website|\
             telefoon|phone|eten|food|wifi|koffie|pain|pijn|weeen|labour|labor|bevalling|\
             contraction*|gas and air|epidural|ruggenprik|persen|pushing",
        ],
    ),
    (
        Violence,
        &[
            "krijg ik klappen|kreeg ik klappen|klappen krijg|klappen kreeg|klappen gekregen|\
             knocks me about|knocked me about|knocks me around|knocked me around|\
             slaps me|slapped me|smacks me|smacked me|hits me|hit me when|\
             beats me|beat me up|beats me up|hand op|heeft me geslagen|slaat me|sloeg me|\
             mishandelt me|mishandelde me|een blauw oog|kapotte lip|split lip|\
             gebroken rib|broken rib|broken nose|gebroken neus",
            "!baby|kindje|ball|bal|wave|golf|it hit me|reality|realisatie|besef|\
             contraction*|wee|weeen|the pain|de pijn",
        ],
    ),
    (
        MentalHealth,
        &[
            "radio|tv|televisie|television|telly",
            "talking about her|talking about me|talks about me|talks about her|\
             praat over mij|praat over haar|berichten naar mij|berichten aan mij|\
             berichten voor mij|messages to me|messages for me|about me|over mij|\
             speaks to me|spreekt tegen mij|tegen mij praat|tegen me praat|naar mij stuurde|\
             to me personally",
        ],
    ),
    (
        Abuse,
        &[
            "porno|porn|seks|sex|aan me zitten|zat aan me|zitten aan|betast*|touching me|\
             touched me|touches me|groped|grope|exposed himself|ontblootte|liet zijn|\
             terwijl ik sliep|terwijl ik slaap|while i was asleep|while i slept|\
             on top of me|op me|in mijn kamer|op mijn kamer|my room at night|\
             naar mijn kamer|nadoen|dingen met me|things to me",
            "van hem|he made me|made me|moest|had to|zonder toestemming|without consent|\
             niet wilde|didnt want|did not want|dont want|scared|bang|nacht|night|\
             little|klein|vroeger|as a child|als kind|stiefvader|stepdad|stepfather|oom|\
             uncle|cousin|neef|vriend van|friend of|man on|a man|een man|drunk|dronken|\
             woke up|werd wakker|word wakker|slaap|asleep|sliep",
            ME,
            "!verloskundige|midwife|arts|doctor|nurse|verpleegkundige|kraamverzorgster|\
             gynaecoloog|consultant|toestemming gevraagd|asked consent|asked permission|\
             seks na de bevalling|sex after|weer seks|intimiteit|intimacy|libido|\
             anticonceptie|contraception|voorlichting",
        ],
    ),
    (
        MentalHealth,
        &[
            "stem die|stemmen die|a voice|voices|hoor een stem|hear a voice|heard a voice|\
             achterdochtig|suspicious|vergiftig*|poison*|\
             special powers|speciale krachten|superkrachten|verward|van de hak op de tak|\
             nonsense|onzin praten|praatte onzin|nachtmerries|nightmares|herbeleef|herbeleven|\
             beleef ik alles|relive|reliving|flashback*|alsof niks echt|nothing felt real|\
             nothing is real|niet echt is|in een droom|in a dream|not herself|zichzelf niet|\
             niet zichzelf|not myself|mezelf niet",
            "denkt dat|dacht dat|thinks|thought|says|zegt|stuurde|sends|talking about|\
             praat over|berichten|messages|wil|wants|since|sinds|na de|after|baby|kind|\
             bevalling|birth|keizersnede|c section|steeds|all the time|elke nacht|every night|\
             opnieuw|again|trillen|shaking|panic|paniek|vrouw|wife|girlfriend|vriendin|zus|\
             sister|ik|i",
            "!film|movie|programma|programme|serie|series|show|nieuws|news|muziek|music|\
             playlist|podcast|afstandsbediening|remote|droombevalling|dream birth|\
             droomkraamtijd|like a dream|als een droom|was een droom|dream team|\
             confused about|verward over|informatie|information|uitleg|explanation|\
             brief|letter|rekening|bill|afspraak|appointment",
        ],
    ),
];

/// Idioms that look like a signal and are not, common in birth stories and complaints.
/// Each entry is a concept; its words are removed from the sentence before the rules look
/// at it, so "ik ging dood van de pijn en wilde dood" still finds the second "dood".
pub(super) const NOT_SIGNALS: &[&str] = &[
    // Dying of pain, of tiredness, of a wait.
    "dood van de pijn|dood van pijn|dood van schaamte|dood van de schrik|dood van het lachen|\
     dood van de honger|dood van de dorst|dood van vermoeidheid|dood van de zenuwen|\
     dood van de kou|dood van de hitte|dood van de weeen|dood ging van|dood gaan van|\
     doodgaan van|bijna dood|half dood|doodmoe|doodop|dodelijk vermoeid|moordend*|killing me|\
     killed me|killin me|dying to|dying for|die for|to die for|die of|died of|dying of|\
     die from|died from|dying from|kill for|could have killed|would kill for|killing time",
    // Fearing death is not wanting it; wishing the baby would not die is not either.
    "niet dood|wil niet dood|not die|didnt die|didnt want my|dont want my|did not want my|\
     didnt want the|didnt want our|didnt want him|didnt want her|wilde niet dat|wil niet dat|\
     wou niet dat|wilden niet dat|doodsangst*|bang om dood",
    // Medical idioms.
    "heart attack|life threatening|levensbedreigend*|hielprik|gescheurd|geknipt|ingeknipt",
    // "Slaan" that is not hitting.
    "alarm geslagen|alarm slaan|alarm sloeg|sloeg alarm|slaat alarm|sloegen alarm|\
     alarm te slaan|alarmbel*|op hol geslagen|op hol slaan|op hol|slag geslagen|sloeg om|\
     slaat om|omgeslagen|sloeg over|slaat over|oversloeg|sloeg toe|slaat toe|toegeslagen|\
     sloeg de spijker|spijker op de kop|slaat nergens op|sloeg nergens op|de klap kwam|\
     klap kwam|in een klap|een klap voor|de grootste klap|in de wind geslagen|aan het huilen|\
     sloeg aan het|slaat aan het|sloegen aan het|aan het huilen geslagen|op de vlucht geslagen|\
     een brug geslagen",
    // English hitting that is not violence.
    "choked up|choking up|hit the ground|hit home|hit me that|it hit me|it really hit me|\
     hit it off|hit and miss|beat myself up|beating myself up|beat yourself up|hit the roof|\
     hit the button|hit the bell|heart beat|heart was beating",
    // Life as a noun, life saved, life changed.
    "geweldig*|leven gered|mijn leven gered|ons leven gered|saved my life|saved our lives|\
     saved my babys life|saved his life|saved her life|saved the babys life|het leven met|\
     leven met een baby|leven met de baby|ons leven|ons nieuwe leven|nieuwe leven|gezinsleven|\
     niet meer hetzelfde|nooit meer hetzelfde|never be the same|te gek",
    // Ordinary worry.
    "bang dat het mis zou gaan|mis zou gaan|mis ging",
    // Not neglected, let me know, by myself.
    "live through|living through|lived through|relive|sloeg zich|slaat zich|\
     sloeg me erdoorheen|sloeg ons erdoorheen|erdoorheen geslagen|not neglected|\
     never neglected|niet verwaarloosd|nooit verwaarloosd|let me know|let me no|by myself|\
     all by myself|let me down|let us down|let down|lets me down",
    // Pinching oneself to believe it.
    "pinch myself|had to pinch|kneep mezelf in de arm|knijp mezelf|moest mezelf knijpen|\
     mezelf in de arm knijpen",
    // Feeling safe at home is the opposite of a signal.
    "voel me veilig thuis|voelde me veilig thuis|voelde mij veilig thuis|voel mij veilig thuis|\
     voelden ons veilig thuis|veilig thuis voelen|veilig thuis gevoeld|veilig thuis bevallen|\
     veilig thuis te bevallen|veilig thuis gekomen|veilig thuis aangekomen|weer veilig thuis|\
     veilig thuis komen",
];

/// Answers that deny what a screening question asked ("I was asked about thoughts of
/// self-harm, which I didn't have"): a sentence holding one is no signal. Kept narrow, as
/// a denial hides everything else in its sentence.
pub(super) const DENIALS: &[&str] = &[
    "which i didnt|which i did not|which i dont|which i do not|which i havent|which i hadnt|\
     which i wasnt|thankfully i didnt|luckily i didnt|fortunately i didnt|i said i didnt|\
     i answered no|dat had ik gelukkig niet|dat heb ik gelukkig niet|wat gelukkig niet zo was|\
     gelukkig was dat niet zo|ik zei van niet|antwoordde nee|ik heb nee geantwoord",
];
