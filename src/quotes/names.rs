//! Word lists and rules that tell names from titles, nationalities, organisations and
//! places: "Iranian Supreme Leader Ali Khamenei" is a role and a name.

use super::cues;
pub use super::wordset::WordSet;
use std::ops::RangeInclusive;
use std::sync::OnceLock;

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
    speaker premier commodore inspector chairperson consul state of high commissioner undersecretary under-secretary attorney
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
    command bureau staff forces force guard programme program front union organisation
    organization ministry government office embassy kremlin pentagon army military agency
    council commission committee group movement militia junta presidency administration
    department mission delegation bloc alliance coalition rebels authority authorities
    cabinet parliament service community association secretariat directorate
    headquarters corps navy police institute court assembly",
);

/// Function words that never belong to a name ("The Americans", "While Trump").
pub static NOT_NAME: WordSet = WordSet::new(
    "\
    the a an this that these those in on at for but and while however when after
    before if as its his her their our we they he she it both any some many all no not
    what why how where who since under with from",
);

/// Country → adjective, so "Turkey's Foreign Ministry" and "the Turkish Foreign Ministry"
/// are one speaker, and a country is not taken for a person ("Burkina Faso").
const COUNTRY_ADJECTIVES: &str = "\
    Afghanistan=Afghan Albania=Albanian Algeria=Algerian Argentina=Argentine \
    Armenia=Armenian Australia=Australian Austria=Austrian Azerbaijan=Azerbaijani \
    Bahrain=Bahraini Bangladesh=Bangladeshi Belarus=Belarusian Belgium=Belgian \
    Bolivia=Bolivian Bosnia_and_Herzegovina=Bosnian Bosnia=Bosnian Brazil=Brazilian \
    Britain=British Bulgaria=Bulgarian Burkina_Faso=Burkinabe Cambodia=Cambodian \
    Cameroon=Cameroonian Canada=Canadian Chad=Chadian Chile=Chilean China=Chinese \
    Colombia=Colombian Congo=Congolese Croatia=Croatian Cuba=Cuban Cyprus=Cypriot \
    Denmark=Danish Djibouti=Djiboutian Ecuador=Ecuadorian Egypt=Egyptian \
    Eritrea=Eritrean Estonia=Estonian Ethiopia=Ethiopian Finland=Finnish France=French \
    Georgia=Georgian Germany=German Ghana=Ghanaian Greece=Greek Guyana=Guyanese \
    Haiti=Haitian Hungary=Hungarian India=Indian Indonesia=Indonesian Iran=Iranian \
    Iraq=Iraqi Ireland=Irish Israel=Israeli Italy=Italian Japan=Japanese \
    Jordan=Jordanian Kazakhstan=Kazakh Kenya=Kenyan Kosovo=Kosovar Kuwait=Kuwaiti \
    Kyrgyzstan=Kyrgyz Laos=Lao Latvia=Latvian Lebanon=Lebanese Libya=Libyan \
    Lithuania=Lithuanian Malaysia=Malaysian Mali=Malian Mexico=Mexican \
    Moldova=Moldovan Mongolia=Mongolian Montenegro=Montenegrin Morocco=Moroccan \
    Mozambique=Mozambican Myanmar=Myanmar Nepal=Nepali Netherlands=Dutch \
    New_Zealand=New_Zealand Nicaragua=Nicaraguan Niger=Nigerien Nigeria=Nigerian \
    North_Korea=North_Korean North_Macedonia=North_Macedonian Norway=Norwegian \
    Oman=Omani Pakistan=Pakistani Panama=Panamanian Peru=Peruvian \
    Philippines=Philippine Poland=Polish Portugal=Portuguese Qatar=Qatari \
    Romania=Romanian Russia=Russian Rwanda=Rwandan Saudi_Arabia=Saudi \
    Senegal=Senegalese Serbia=Serbian Singapore=Singaporean Slovakia=Slovak \
    Somalia=Somali Somaliland=Somaliland South_Africa=South_African \
    South_Korea=South_Korean South_Sudan=South_Sudanese Spain=Spanish \
    Sri_Lanka=Sri_Lankan Sudan=Sudanese Sweden=Swedish Switzerland=Swiss Syria=Syrian \
    Taiwan=Taiwanese Tajikistan=Tajik Tanzania=Tanzanian Thailand=Thai Tunisia=Tunisian \
    Turkey=Turkish Turkmenistan=Turkmen Uganda=Ugandan Ukraine=Ukrainian \
    United_Arab_Emirates=Emirati United_Kingdom=British United_States=U.S. \
    Uzbekistan=Uzbek Venezuela=Venezuelan Vietnam=Vietnamese Yemen=Yemeni \
    Zimbabwe=Zimbabwean";

/// The pairs of `COUNTRY_ADJECTIVES`, longest country first ("South Sudan" before "Sudan").
fn countries() -> &'static [(String, String)] {
    static PAIRS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    PAIRS.get_or_init(|| {
        let mut pairs: Vec<(String, String)> = COUNTRY_ADJECTIVES
            .split_whitespace()
            .filter_map(|pair| pair.split_once('='))
            .map(|(c, a)| (c.replace('_', " "), a.replace('_', " ")))
            .collect();
        pairs.sort_by_key(|(c, _)| std::cmp::Reverse(c.len()));
        pairs
    })
}

/// Country → adjective, hashed.
fn adjective_of(country: &str) -> Option<&'static str> {
    static MAP: OnceLock<rustc_hash::FxHashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        countries()
            .iter()
            .map(|(c, a)| (c.as_str(), a.as_str()))
            .collect()
    })
    .get(country)
    .copied()
}

/// Whether a name is a country ("Burkina Faso", "South Sudan").
pub fn is_country(name: &str) -> bool {
    adjective_of(name).is_some()
}

/// The adjective of the country named last in `text` ("… Brazil offered …" → "Brazilian"),
/// for "its Foreign Ministry".
pub fn last_country_adjective(text: &str) -> Option<&'static str> {
    countries()
        .iter()
        .filter_map(|(country, adjective)| {
            last_whole_word(text, country)
                .map(|at| (at + country.len(), country.len(), adjective.as_str()))
        })
        .max_by_key(|&(end, len, _)| (end, len))
        .map(|(_, _, adjective)| adjective)
}

/// Where `word` last stands in `text` as a whole word, among the matches
/// `rmatch_indices` gives (the rightmost, then the rightmost ending before its start, …),
/// found from the positions of its first byte (memrchr): searching the article for each
/// of 127 countries cost 600,000 instructions a call.
fn last_whole_word(text: &str, word: &str) -> Option<usize> {
    let whole = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    let is_whole = |at: usize| {
        whole(text[..at].chars().next_back()) && whole(text[at + word.len()..].chars().next())
    };
    let Some(&first) = word.as_bytes().first() else {
        return text
            .rmatch_indices(word)
            .map(|(at, _)| at)
            .find(|&at| is_whole(at));
    };
    let mut limit = text.len();
    for at in memchr::memrchr_iter(first, text.as_bytes()) {
        if at + word.len() > limit || !text.as_bytes()[at..].starts_with(word.as_bytes()) {
            continue;
        }
        limit = at;
        if is_whole(at) {
            return Some(at);
        }
    }
    None
}

/// A possessive qualifier as the name's normal form: a country becomes its adjective
/// ("Turkey's Foreign Ministry" → "Turkish Foreign Ministry", "the United Arab Emirates’
/// Foreign Ministry" → "Emirati Foreign Ministry"), another name loses its "'s" ("the
/// Taliban's Ministry of Economy" → "Taliban Ministry of Economy").
pub fn adjective_for_possessive(org: &str) -> String {
    let org = org
        .strip_prefix("the ")
        .or(org.strip_prefix("The "))
        .unwrap_or(org);
    // Every suffix has an apostrophe: most names have none to look for.
    if !org.contains(['\'', '’']) {
        return org.to_string();
    }
    for suffix in ["'s ", "’s ", "' ", "’ "] {
        if let Some((owner, rest)) = org.split_once(suffix) {
            let capitalised = owner.chars().next().is_some_and(char::is_uppercase);
            if !capitalised || (owner.contains(' ') && !is_country(owner)) || rest.is_empty() {
                continue;
            }
            return format!("{} {rest}", adjective_of(owner).unwrap_or(owner));
        }
    }
    org.to_string()
}

/// Whether an owner in front of an organisation qualifies its name: a country or a party
/// named like one ("the Taliban's Ministry of Economy"), not a parent body ("the African
/// Union's Peace and Security Council", "the Indian Army's Northern Command").
pub fn qualifies(owner: &str) -> bool {
    is_country(owner) || (!owner.contains(' ') && DEMONYMS.has(&owner.to_lowercase()))
}

/// Whether a role or title says a person is a woman (`Some(true)`) or a man.
pub fn gender_of_role(role: &str) -> Option<bool> {
    role.split_whitespace().find_map(|w| {
        match w.trim_end_matches(['.', ',']).to_lowercase().as_str() {
            "spokeswoman" | "chairwoman" | "businesswoman" | "congresswoman" | "ms" | "mrs"
            | "madam" | "queen" | "princess" | "lady" | "dame" | "wife" | "mother" | "widow"
            | "daughter" | "sister" => Some(true),
            "spokesman" | "chairman" | "businessman" | "congressman" | "mr" | "king" | "prince"
            | "lord" | "sir" | "husband" | "father" | "son" | "brother" => Some(false),
            _ => None,
        }
    })
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
    let lower = cues::Lower::new(bare);
    let capitalised = bare.chars().next().is_some_and(|c| c.is_uppercase());
    let particle = || {
        is_name_particle(&lower)
            || ["al-", "el-", "bin-", "ibn-", "abu-"]
                .iter()
                .any(|p| lower.starts_with(p))
    };
    // "Vice-President" is a title, "Jean-Robert" a name.
    let title_part = lower.contains('-') && lower.split('-').any(|p| TITLES.has(p));
    (capitalised || particle())
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
            .skip_while(|t| matches!(cues::Lower::new(t).as_str(), "the" | "a" | "an"))
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
            let l = cues::Lower::new(t);
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

/// How many words a person's name has.
pub const PERSON_NAME_WORDS: RangeInclusive<usize> = 2..=5;

pub fn is_person_name(name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').filter(|w| !w.is_empty()).collect();
    PERSON_NAME_WORDS.contains(&words.len()) && words.iter().all(|w| is_name_token(w))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `last_whole_word` as it was written first: `rmatch_indices`, the first whole word.
    fn by_rmatch(text: &str, word: &str) -> Option<usize> {
        let whole = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        text.rmatch_indices(word).map(|(at, _)| at).find(|&at| {
            whole(text[..at].chars().next_back()) && whole(text[at + word.len()..].chars().next())
        })
    }

    #[test]
    fn last_whole_word_finds_the_matches_of_rmatch_indices() {
        let texts = [
            "",
            "Niger and Nigeria",
            "Nigeria, then Niger.",
            "ababa aba ab",
            "aba ababa",
            "xababa",
            "Sudan’s South Sudan",
            "é Sudané Sudan",
        ];
        let words = ["Niger", "aba", "ab", "Sudan", "South Sudan", "a", "é", ""];
        for text in texts {
            for word in words {
                assert_eq!(
                    last_whole_word(text, word),
                    by_rmatch(text, word),
                    "{text:?} {word:?}"
                );
            }
        }
    }
}
