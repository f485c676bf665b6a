//! Prints every single-word lemma of the lexical resource that a measure class catches by its
//! stem, with the class: `cargo run --example class_audit -- data/lexical/wordnet.tsv`.
fn main() {
    let path = std::env::args().nth(1).expect("wordnet.tsv");
    let lx = corroborate::extract::lexicon();
    for line in std::fs::read_to_string(path).expect("read").lines() {
        let Some(rest) = line.strip_prefix("W\t") else {
            continue;
        };
        let w = rest.split('\t').next().unwrap_or("");
        if w.contains(' ') {
            continue;
        }
        if let Some(c) = lx.class_of(w) {
            println!("{w}\t{}", lx.classes[c].name);
        }
    }
}
