//! How related the lexical resource finds pairs of words: `cargo run --example relate --
//! killed:died arrested:detained`.

fn main() {
    let lx = corroborate::lexical::lexical();
    for pair in std::env::args().skip(1) {
        let (a, b) = pair.split_once(':').expect("word:word");
        let r = lx.relate_words(a, b);
        println!("{a:>16} {b:<16} {:.2} {}", r.score, r.how.as_str());
    }
}
