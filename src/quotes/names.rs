//! Word lists and rules that tell names from titles, nationalities, organisations and
//! places: "Iranian Supreme Leader Ali Khamenei" is a role and a name.

use super::cues;
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// A set of lower-case words, written as one space-separated list so it stays readable,
/// hashed on first use.
pub struct WordSet {
    list: &'static str,
    set: OnceLock<FxHashSet<&'static str>>,
}

impl WordSet {
    pub const fn new(list: &'static str) -> WordSet {
        WordSet {
            list,
            set: OnceLock::new(),
        }
    }

    pub fn has(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.list.split_whitespace().collect())
            .contains(word)
    }
}

/// Title words that precede a name and are not part of it.
pub static TITLES: WordSet = WordSet::new(
    "\
    president vice prime minister foreign defence defense interior finance trade
    economy energy deputy assistant secretary general secretary-general supreme leader
    spokesman spokeswoman spokesperson ambassador envoy special chancellor king queen
    prince crown sheikh emir sultan senator sen. rep. representative governor mayor
    chief commander colonel col. gen. lt. lieutenant major admiral adm. captain capt.
    sergeant director chairman chairwoman chair head negotiator mediator mr. mr mrs.
    mrs ms. ms dr. dr professor prof. pope ayatollah imam cardinal lord lady sir dame
    speaker premier commodore inspector consul state of high commissioner undersecretary under-secretary attorney
    justice judge national security adviser advisor top senior former acting interim
    opposition army military presidential executive senate house majority minority
    whip party rebel militia field marshal brigadier foreign-affairs affairs external
    home health environment water defence- mission negotiating delegation team lead
    co-chair permanent un u.n. us u.s. eu nato au uk the european commission",
);

/// Adjectives of nationality, stripped from a name's front like titles.
pub static DEMONYMS: WordSet = WordSet::new(
    "\
    iranian american russian ukrainian chinese israeli palestinian lebanese syrian
    iraqi saudi emirati qatari omani yemeni egyptian turkish greek cypriot armenian
    azerbaijani georgian serbian serb kosovar bosnian croatian british french german
    italian spanish catalan portuguese dutch belgian swedish finnish norwegian danish
    polish hungarian romanian moldovan bulgarian macedonian albanian austrian swiss
    irish indian pakistani afghan bangladeshi nepali burmese thai cambodian vietnamese
    filipino philippine indonesian malaysian japanese korean north south taiwanese
    australian sudanese ethiopian eritrean somali kenyan rwandan congolese ugandan
    nigerian malian nigerien burkinabe libyan tunisian algerian moroccan sahrawi
    mozambican cameroonian venezuelan colombian mexican cuban haitian nicaraguan
    argentine argentinian brazilian chilean bolivian peruvian guyanese canadian
    ecuadorian kyrgyz tajik uzbek kazakh european african arab kurdish jordanian
    bahraini kuwaiti lao laotian myanmar new zealand kashmiri tigrayan houthi hamas
    hezbollah taliban",
);

/// Words of organisations, places and dates: a run with one is not a person.
pub static ORG_OR_PLACE: WordSet = WordSet::new(
    "\
    ministry office council commission department agency government army forces
    shoal reef atoll islet crossing border canal mountain mountains lake desert airbase
    embassy mission kremlin house pentagon union nations organization organisation
    party front movement bank fund court parliament assembly congress senate committee
    group alliance coalition authority administration corps guard navy force brigade
    brigades police service institute center centre association federation secretariat
    cabinet presidency palace junta command militia delegation arabia states kingdom
    korea east west sea gulf strait republic islands island city africa america europe
    asia coast bay river valley line corridor peninsula zone strip province region
    emirates times post news agreement plan action treaty accord summit talks
    conference monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november december",
);

/// Head nouns of unnamed sources ("a senior diplomat said").
pub static SOURCE_NOUNS: WordSet = WordSet::new(
    "\
    official officials diplomat diplomats source sources aide aides analyst analysts
    expert experts observer observers negotiators people person insider insiders
    witness witnesses residents resident commander commanders officer officers member
    members lawmaker lawmakers someone spokesperson",
);

/// Organisation nouns that "the ministry"-style mentions refer back to.
pub static ORG_HEADS: WordSet = WordSet::new(
    "\
    command bureau staff forces guard programme program front union organisation organization
        ministry government office embassy kremlin pentagon army military agency council
    commission committee group movement militia junta presidency administration
    department mission delegation bloc alliance coalition rebels authority authorities
    cabinet parliament",
);

/// Function words that never belong to a name ("The Americans", "While Trump").
pub static NOT_NAME: WordSet = WordSet::new(
    "\
    the a an this that these those in on at for but and while however when after
    before if as its his her their our we they he she it both any some many all no not
    what why how where who since under with from",
);

/// Country → adjective, so "Turkey's Foreign Ministry" and "the Turkish Foreign Ministry"
/// are one speaker.
const COUNTRY_ADJECTIVES: &[(&str, &str)] = &[
    ("Afghanistan", "Afghan"),
    ("Algeria", "Algerian"),
    ("Argentina", "Argentine"),
    ("Armenia", "Armenian"),
    ("Australia", "Australian"),
    ("Azerbaijan", "Azerbaijani"),
    ("Bolivia", "Bolivian"),
    ("Brazil", "Brazilian"),
    ("Britain", "British"),
    ("Cambodia", "Cambodian"),
    ("Cameroon", "Cameroonian"),
    ("Canada", "Canadian"),
    ("Chile", "Chilean"),
    ("China", "Chinese"),
    ("Colombia", "Colombian"),
    ("Cuba", "Cuban"),
    ("Cyprus", "Cypriot"),
    ("Egypt", "Egyptian"),
    ("Eritrea", "Eritrean"),
    ("Ethiopia", "Ethiopian"),
    ("France", "French"),
    ("Georgia", "Georgian"),
    ("Germany", "German"),
    ("Greece", "Greek"),
    ("Guyana", "Guyanese"),
    ("Haiti", "Haitian"),
    ("India", "Indian"),
    ("Iran", "Iranian"),
    ("Iraq", "Iraqi"),
    ("Israel", "Israeli"),
    ("Japan", "Japanese"),
    ("Jordan", "Jordanian"),
    ("Kenya", "Kenyan"),
    ("Kosovo", "Kosovar"),
    ("Lebanon", "Lebanese"),
    ("Libya", "Libyan"),
    ("Mexico", "Mexican"),
    ("Moldova", "Moldovan"),
    ("Morocco", "Moroccan"),
    ("Nicaragua", "Nicaraguan"),
    ("Nigeria", "Nigerian"),
    ("Oman", "Omani"),
    ("Pakistan", "Pakistani"),
    ("Peru", "Peruvian"),
    ("Poland", "Polish"),
    ("Qatar", "Qatari"),
    ("Russia", "Russian"),
    ("Rwanda", "Rwandan"),
    ("Serbia", "Serbian"),
    ("South Korea", "South Korean"),
    ("North Korea", "North Korean"),
    ("Somalia", "Somali"),
    ("Spain", "Spanish"),
    ("Sudan", "Sudanese"),
    ("Sweden", "Swedish"),
    ("Syria", "Syrian"),
    ("Taiwan", "Taiwanese"),
    ("Thailand", "Thai"),
    ("Turkey", "Turkish"),
    ("Ukraine", "Ukrainian"),
    ("Venezuela", "Venezuelan"),
    ("Vietnam", "Vietnamese"),
    ("Yemen", "Yemeni"),
];

/// The adjective of the country named last in `text` ("… Brazil offered …" → "Brazilian"),
/// for "its Foreign Ministry".
pub fn last_country_adjective(text: &str) -> Option<&'static str> {
    COUNTRY_ADJECTIVES
        .iter()
        .filter_map(|(country, adjective)| text.rfind(country).map(|at| (at, *adjective)))
        .max_by_key(|(at, _)| *at)
        .map(|(_, adjective)| adjective)
}

/// "Turkey's Foreign Ministry" → "Turkish Foreign Ministry".
pub fn adjective_for_possessive(org: &str) -> String {
    for (country, adjective) in COUNTRY_ADJECTIVES {
        for suffix in ["'s ", "’s "] {
            if let Some(rest) = org.strip_prefix(&format!("{country}{suffix}")) {
                return format!("{adjective} {rest}");
            }
        }
    }
    org.to_string()
}

pub fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .or_else(|| w.strip_suffix('\''))
        .or_else(|| w.strip_suffix('’'))
        .unwrap_or(w)
}

/// A word that can be part of a person's name: capitalised (or a particle such as
/// "bin", "al-"), and not a title, nationality, organisation or place word.
pub fn is_name_token(token: &str) -> bool {
    let bare = strip_possessive(token);
    let lower = bare.to_lowercase();
    let capitalised = bare.chars().next().is_some_and(|c| c.is_uppercase());
    let particle = is_name_particle(&lower)
        || ["al-", "el-", "bin-", "ibn-", "abu-"]
            .iter()
            .any(|p| lower.starts_with(p));
    // "Vice-President" is a title, "Jean-Robert" a name.
    let title_part = lower.contains('-') && lower.split('-').any(|p| TITLES.has(p));
    (capitalised || particle)
        && !title_part
        && !TITLES.has(lower.as_str())
        && !DEMONYMS.has(lower.as_str())
        && !ORG_OR_PLACE.has(lower.as_str())
        && !NOT_NAME.has(lower.as_str())
}

/// A name split from its title: "Iranian Supreme Leader Ali Khamenei" →
/// ("Ali Khamenei", Some("supreme leader")). The name is the run of name words at the
/// end; what comes before, less nationalities and possessives, is the role. Words with
/// no name at the end ("the Foreign Ministry") come back whole, as an organisation.
pub fn split_title(mention: &str) -> (String, Option<String>) {
    let ws = cues::words(mention, 0..mention.len());
    let tokens = name_tokens(mention, &ws);
    let mut first = tokens.len();
    while first > 0 && is_name_token(tokens[first - 1]) {
        first -= 1;
    }
    // "Minister for Reintegration Victor Rusnac": the word after "for"/"of" is the role's.
    if first > 0 && tokens.len() - first > 2 && matches!(tokens[first - 1], "for" | "of" | "on") {
        first += 1;
    }
    if first == tokens.len() {
        let whole: Vec<&str> = tokens
            .iter()
            .copied()
            .skip_while(|t| matches!(t.to_lowercase().as_str(), "the" | "a" | "an"))
            .collect();
        let last = whole.len().saturating_sub(1);
        let org: Vec<&str> = whole
            .iter()
            .enumerate()
            .map(|(i, t)| if i == last { strip_possessive(t) } else { t })
            .collect();
        return (org.join(" "), None);
    }
    let role_words: Vec<&str> = tokens[..first]
        .iter()
        .copied()
        .filter(|t| {
            let l = t.to_lowercase();
            !DEMONYMS.has(l.as_str())
                && !matches!(l.as_str(), "the" | "a" | "an")
                && !l.ends_with("'s")
                && !l.ends_with("’s")
        })
        .collect();
    let name = tokens[first..]
        .iter()
        .map(|t| strip_possessive(t))
        .collect::<Vec<_>>()
        .join(" ");
    let role = (!role_words.is_empty()).then(|| role_words.join(" ").to_lowercase());
    (name, role)
}

/// The words of a mention without punctuation and without a nickname in quotes
/// (Jean-Robert “Bazooka” Mercidieu → Jean-Robert Mercidieu).
fn name_tokens<'a>(mention: &'a str, ws: &[cues::Word]) -> Vec<&'a str> {
    let mut tokens = Vec::new();
    let mut in_nickname = false;
    for w in ws {
        let t = &mention[w.start..w.end];
        match t {
            "“" | "\"" if !in_nickname => in_nickname = true,
            "”" | "\"" => in_nickname = false,
            _ if in_nickname || !t.chars().next().is_some_and(|c| c.is_alphanumeric()) => {}
            _ => tokens.push(t),
        }
    }
    tokens
}

pub fn is_person_name(name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').filter(|w| !w.is_empty()).collect();
    (2..=5).contains(&words.len()) && words.iter().all(|w| is_name_token(w))
}

pub fn is_name_particle(w: &str) -> bool {
    matches!(
        w,
        "bin"
            | "ibn"
            | "al"
            | "el"
            | "de"
            | "da"
            | "del"
            | "van"
            | "von"
            | "der"
            | "den"
            | "la"
            | "le"
            | "di"
            | "du"
            | "dos"
            | "bint"
    )
}
