//! Rule table for roles as outlets write them (issue 14): abbreviated titles, titles with a
//! portfolio or an organisation before the name, possessives, `X, who heads Y`, `X, Y's
//! chief`, qualified posts, and the same person with or without a middle initial or a
//! courtesy title. Each row is a sentence of our own and the (person, role, organisation key)
//! it must give.

mod common;

use corroborate::extract::roles_in_sentence;

fn roles(s: &str) -> Vec<(String, String, Option<String>)> {
    roles_in_sentence(s, 0, 0..s.len())
        .into_iter()
        .map(|r| {
            let role = match r.rank {
                Some(q) => format!("{q} {}", r.role),
                None => r.role.to_string(),
            };
            (r.person, role, r.org_key)
        })
        .collect()
}

macro_rules! roles {
    ($($name:ident: $s:expr => [$(($p:expr, $r:expr, $o:expr)),* $(,)?];)*) => {
        $(#[test] fn $name() {
            let want: Vec<(String, String, Option<String>)> = vec![
                $(($p.to_string(), $r.to_string(), ($o as Option<&str>).map(str::to_string))),*
            ];
            assert_eq!(roles($s), want, "{}", $s);
        })*
    };
}

roles! {
    // Abbreviated titles before a name.
    abbrev_governor: "Gov. Ann Keller signed the bill on Tuesday." => [("Ann Keller", "governor", None)];
    abbrev_senator: "The plan was backed by Sen. Mark Ruiz of Ohio." => [("Mark Ruiz", "senator", None)];
    abbrev_representative: "Rep. Dana Cole voted against it." => [("Dana Cole", "representative", None)];
    abbrev_rank: "Lt. Gen. Paul Stone took command of the division." => [("Paul Stone", "general", None)];
    abbrev_superintendent: "Supt. Emma Watts led the inquiry." => [("Emma Watts", "superintendent", None)];
    rank_needs_capital: "The general public was not told about Paul Stone." => [];
    // A month may open a name after a title or before one; after a word of time it is a month.
    month_first_name: "Gov. June Keller signed the bill." => [("June Keller", "governor", None)];
    month_first_name_before_title: "Jan Ortiz, the mayor, cut the ribbon." => [("Jan Ortiz", "mayor", None)];
    month_after_time_word: "In May Ortiz resigned as mayor." => [];
    // A title before one word and another title: the word names the second's organisation.
    title_word_in_a_company_name: "General Dynamics chief executive Rita Moss spoke." => [("Rita Moss", "ceo", Some("general dynamics"))];
    // A weekday after the name is when, not a part of the name.
    weekday_ends_a_name: "The club fired Coach Tom Reyes Sunday night." => [("Tom Reyes", "coach", None)];
    // Portfolio or organisation before the title.
    portfolio_minister: "Interior Minister Karl Brandt visited the site." => [("Karl Brandt", "minister", Some("interior"))];
    nationality_minister: "French Interior Minister Louis Marchand spoke first." => [("Louis Marchand", "minister", Some("french interior"))];
    place_before_appositive: "Sen. Lena Park of North Dakota, the chairwoman of the panel, spoke." => [("Lena Park", "senator", None)];
    person_after_of: "He had the backing of Lena Park, the chairwoman of Acme." => [("Lena Park", "chair", Some("acme"))];
    minister_of_the_surname_in_s: "Minister of the Interior Rafael Torres denied it." => [("Rafael Torres", "minister", Some("interior"))];
    // `General` after an office is part of its title, not a rank.
    inspector_general: "Prison Inspector General Ray Cole resigned." => [("Ray Cole", "inspector_general", Some("prison"))];
    surgeon_general: "Surgeon General Ann Wu issued a warning." => [("Ann Wu", "surgeon_general", None)];
    an_acronym_is_no_person: "He may name Dr. Ann Wu of Emory and CNN as his surgeon general." => [];
    a_listing_line: "DENVER ROVERS Fired Tom Reyes, coach." => [("Tom Reyes", "coach", None)];
    possessive_portfolio: "Louis Marchand, France's interior minister, spoke first." => [("Louis Marchand", "minister", Some("france interior"))];
    minister_of_the: "Minister of the Interior Louis Marchand spoke first." => [("Louis Marchand", "minister", Some("interior"))];
    team_title: "Rovers general manager Alan Pike confirmed the deal." => [("Alan Pike", "general_manager", Some("rovers"))];
    county_prosecutor: "Essex County District Attorney Ruth Baird filed charges." => [("Ruth Baird", "district_attorney", Some("essex county"))];
    // Possessives.
    possessive_spokesman: "The mayor's spokesman, Tom Reed, declined to comment." => [("Tom Reed", "spokesperson", None)];
    possessive_ceo: "The company's CEO, Rita Moss, resigned." => [("Rita Moss", "ceo", None)];
    possessive_after_name: "Tom Reed, Acme's chief executive, resigned." => [("Tom Reed", "ceo", Some("acme"))];
    possessive_the_team: "Leo Hart, the team's general manager, left." => [("Leo Hart", "general_manager", None)];
    // Appositives and verbs.
    who_heads: "The cartel answers to Ivo Petrov, who heads Zeta Holdings." => [("Ivo Petrov", "leader", Some("zeta holdings"))];
    org_before_title_after_comma: "Sam Price, Ohio State Patrol officer, saw the crash." => [("Sam Price", "officer", Some("ohio state patrol"))];
    copula_title: "Oler is the bishop of the local church." => [("Oler", "bishop", None)];
    title_comma_name: "The pastor, Glen Hardy, declined to comment." => [("Glen Hardy", "pastor", None)];
    // A title between two commas after the name: the organisation follows it.
    name_title_org: "\"It went well,\" said Dana Moss, president, Northfield Media Group." => [("Dana Moss", "president", Some("northfield media group"))];
    // Both joined titles are hers, of the organisation named after them.
    two_titles_org: "Sara Lind, senior vice president and general manager, Acme Services, spoke." => [("Sara Lind", "senior vice_president", Some("acme services")), ("Sara Lind", "general_manager", Some("acme services"))];
    minister_of_plural_org: "The chair of the Union of Regional Medical Boards spoke." => [];
    name_title_name: "The winner was the chairman, Ravi Iyer, of the Leeds board." => [("Ravi Iyer", "chair", None)];
    // Qualified posts are other posts.
    assistant_gm: "The club named assistant general manager Ray Dunn as coach." => [("Ray Dunn", "assistant general_manager", None)];
    deputy_director: "Deputy director Alma Cruz left in May." => [("Alma Cruz", "deputy director", None)];
    former_is_same_post: "Former attorney general Hugh Lane testified." => [("Hugh Lane", "attorney_general", None)];
    // Two titles, one name.
    two_titles: "He thanked team president and general manager Ed Vance." => [("Ed Vance", "president", None), ("Ed Vance", "general_manager", None)];
    // Names with an initial, a courtesy title or a suffix.
    middle_initial: "Red Sox owner John W. Hale bought the team." => [("John W. Hale", "owner", Some("red sox"))];
    courtesy_title: "Chief executive Dr. Nina Park announced the merger." => [("Nina Park", "ceo", None)];
    // Hyphenated names are one name, a lowercase particle before a capitalised part included.
    hyphenated_given_name: "Prime Minister Anne-Marie Lindqvist opened the session." => [("Anne-Marie Lindqvist", "prime_minister", None)];
    hyphenated_surname_particle: "The mayor of Tarsen, Omar el-Haddad, told reporters." => [("Omar el-Haddad", "mayor", Some("tarsen"))];
    hyphenated_name_before_title: "Anne-Marie Lindqvist, the mayor of Tarsen, spoke." => [("Anne-Marie Lindqvist", "mayor", Some("tarsen"))];
    hyphen_after_a_name_is_no_name: "Mayor Omar Haddad - who won in May - spoke." => [("Omar Haddad", "mayor", None)];
    // A group's or a team's name is no person, whatever stands before it.
    org_name_after_a_kind: "\"We saw it coming,\" Lea Brandt, director at analytics firm Quantora, said." => [("Lea Brandt", "director", None)];
    org_name_then_the_person: "Director at analytics firm Quantora, Lea Brandt said it was fixed." => [("Lea Brandt", "director", None)];
    possessive_org_word: "Omar Reyes, director of the Coastal Waters Protection Council's wetlands program, spoke." => [("Omar Reyes", "director", Some("coastal waters protection council"))];
    no_person_after_an_article: "It names the head of the Supreme Court, attorney general and ministers." => [];
    an_honorific_after_an_article: "A prayer was led by the Rev. Ann Lee, pastor of the chapel." => [("Ann Lee", "pastor", None)];
    team_name_ends_in_a_plural: "He was fired as head coach of the Dayton River Hawks in May." => [];
}

/// Two claims name one person when their surnames agree (a hyphenated surname run together,
/// as outlets also write it) or when one names the person by a single word of the other's
/// name; different people stay different.
#[test]
fn one_person_named_in_full_and_in_part() {
    let one = |s: &str| roles_in_sentence(s, 0, 0..s.len()).remove(0);
    let full = one("Mayor Omar el-Haddad spoke.");
    let run_together = one("Mayor Omar Elhaddad spoke.");
    let given = one("The mayor, Omar, spoke to the crowd.");
    let other = one("Mayor Omar Nasser spoke.");
    assert!(full.same_person(&run_together), "{full:?} {run_together:?}");
    assert!(
        given.same_person(&full) && full.same_person(&given),
        "{given:?}"
    );
    assert!(!full.same_person(&other), "{other:?}");
    assert!(!given.same_person(&one("The mayor, Karim, spoke to the crowd.")));
}

#[test]
fn the_same_person_with_and_without_an_initial_or_title_is_one_surname() {
    let a = roles_in_sentence(
        "Owner John W. Hale spoke.",
        0,
        0.."Owner John W. Hale spoke.".len(),
    );
    let b = roles_in_sentence(
        "Owner John Hale spoke.",
        0,
        0.."Owner John Hale spoke.".len(),
    );
    let s = "Chief executive Martin Lowe Jr. spoke.";
    let c = roles_in_sentence(s, 0, 0..s.len());
    assert_eq!(a[0].surname, b[0].surname);
    assert_eq!(c[0].surname, "lowe");
}

/// A former holder is no rival of the present one, and many hold a senator's post: different
/// people there are two findings, never a discrepancy.
#[test]
fn former_holders_and_shared_posts_do_not_conflict() {
    let f = roles_in_sentence(
        "Rita Moss is the former Acme chief executive.",
        0,
        0.."Rita Moss is the former Acme chief executive.".len(),
    );
    assert!(f[0].former, "{f:?}");
    let s = "Sen. Mark Ruiz met Sen. Dana Cole.";
    let both = roles_in_sentence(s, 0, 0..s.len());
    assert!(both.iter().all(|r| r.many), "{both:?}");
}

#[test]
fn a_majority_owner_is_an_owner_of_the_team_named_before() {
    let s = "Red Sox majority owner John W. Hale spoke.";
    let r = roles_in_sentence(s, 0, 0..s.len());
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(
        (r[0].role, r[0].org_key.as_deref()),
        ("owner", Some("red sox"))
    );
}

#[test]
fn a_title_after_a_lowercase_modifier_still_names_its_holder() {
    for s in [
        "He met city councilman Tom Reed on Friday.",
        "Tom Reed, the city councilman for the area, spoke.",
        "Police officer Ann Lee was hurt.",
    ] {
        let r = roles_in_sentence(s, 0, 0..s.len());
        assert_eq!(r.len(), 1, "{s}: {r:?}");
    }
}

/// A report that names the mayor by a first name only agrees with one that names her in full;
/// a report naming someone else in the post is the discrepancy.
#[test]
fn a_person_named_by_one_word_agrees_with_the_full_name() {
    use corroborate::judge::FindingKind;
    let judged = |texts: &[&str]| {
        common::compare_texts(texts)
            .findings
            .into_iter()
            .filter(|f| f.claims.len() > 1)
            .map(|f| f.kind)
            .collect::<Vec<_>>()
    };
    let full = "The mayor of Tarsen, Leila Haddad, opened the bridge.";
    let given = "Tarsen's mayor, Leila, opened the bridge on Friday.";
    let other = "The mayor of Tarsen, Nadia Sayegh, opened the bridge.";
    assert_eq!(judged(&[full, given]), vec![FindingKind::Agreement]);
    assert_eq!(judged(&[full, other]), vec![FindingKind::Discrepancy]);
}
