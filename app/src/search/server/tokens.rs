//! Cutting text into search tokens, the same way for what is stored and what is asked.
//!
//! Text is normalized as the help center does (full/half width, katakana → hiragana, lower case),
//! then split into words at anything that is not a letter or digit (so FTS operators, quotes and
//! punctuation never reach the index or a query). A word becomes its overlapping character pairs
//! plus its last character: 「付与されない」 → 付与 与さ され れな ない い. A query word of two or more
//! characters must have all its pairs in the document; a one-character word matches any token
//! starting with it. Every character of a stored word starts some token, so any part of a word
//! is found — Japanese without spaces, order numbers, pieces of an address.
use crate::faq::normalize;

/// Most characters of one document that are indexed (a long thread message is cut there).
const MAX_DOC_CHARS: usize = 20_000;
/// Most words of a query, and most characters of one query word.
const MAX_QUERY_WORDS: usize = 6;
const MAX_WORD_CHARS: usize = 60;

fn words(text: &str) -> Vec<Vec<char>> {
    crate::faq::compose_voicing(&normalize(text))
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().collect())
        .collect()
}

/// The tokens of a document made of several texts, space-separated, each once.
pub fn document(texts: &[&str]) -> String {
    let mut seen = std::collections::HashSet::new();
    let mut out = String::new();
    let mut budget = MAX_DOC_CHARS;
    for text in texts {
        for word in words(text) {
            if budget == 0 {
                return out;
            }
            let word = &word[..word.len().min(budget)];
            budget -= word.len();
            let mut push = |token: String| {
                if seen.insert(token.clone()) {
                    if !out.is_empty() {
                        out.push(' ');
                    }
                    out.push_str(&token);
                }
            };
            for pair in word.windows(2) {
                push(pair.iter().collect());
            }
            if let Some(last) = word.last() {
                push(last.to_string());
            }
        }
    }
    out
}

/// One word of a query, as the database should look for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Needle {
    /// Every one of these tokens must be in the document.
    All(Vec<String>),
    /// Some token starting with this character.
    Prefix(String),
}

/// The needles of a search box's text; empty when nothing searchable was typed.
pub fn query(text: &str) -> Vec<Needle> {
    words(text)
        .into_iter()
        .take(MAX_QUERY_WORDS)
        .map(|word| {
            let word = &word[..word.len().min(MAX_WORD_CHARS)];
            if word.len() == 1 {
                Needle::Prefix(word[0].to_string())
            } else {
                let mut pairs: Vec<String> = word.windows(2).map(|p| p.iter().collect()).collect();
                pairs.dedup();
                Needle::All(pairs)
            }
        })
        .collect()
}

/// The query words, normalized, for highlighting what matched.
pub fn query_words(text: &str) -> Vec<String> {
    words(text).into_iter().take(MAX_QUERY_WORDS).map(|w| w.into_iter().take(MAX_WORD_CHARS).collect()).collect()
}

/// SQLite FTS5 syntax: every token a quoted string (a quote inside is doubled), `*` for a prefix;
/// tokens side by side must all match.
pub fn fts5_match(needles: &[Needle]) -> String {
    let quote = |t: &str| format!("\"{}\"", t.replace('"', "\"\""));
    let mut parts = Vec::new();
    for needle in needles {
        match needle {
            Needle::All(tokens) => parts.extend(tokens.iter().map(|t| quote(t))),
            Needle::Prefix(c) => parts.push(format!("{}*", quote(c))),
        }
    }
    parts.join(" ")
}

/// PostgreSQL `tsquery` syntax: every lexeme quoted (quotes and backslashes escaped), `:*` for a
/// prefix, joined by `&`.
pub fn tsquery(needles: &[Needle]) -> String {
    let quote = |t: &str| format!("'{}'", t.replace('\\', "\\\\").replace('\'', "''"));
    let mut parts = Vec::new();
    for needle in needles {
        match needle {
            Needle::All(tokens) => parts.extend(tokens.iter().map(|t| quote(t))),
            Needle::Prefix(c) => parts.push(format!("{}:*", quote(c))),
        }
    }
    parts.join(" & ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn tokens_of(doc: &str) -> Vec<String> {
        doc.split(' ').map(str::to_string).collect()
    }

    /// What the databases do with a document's tokens and a query's needles.
    fn found(doc_text: &str, q: &str) -> bool {
        let doc = tokens_of(&document(&[doc_text]));
        let needles = query(q);
        !needles.is_empty()
            && needles.iter().all(|n| match n {
                Needle::All(ts) => ts.iter().all(|t| doc.contains(t)),
                Needle::Prefix(c) => doc.iter().any(|t| t.starts_with(c.as_str())),
            })
    }

    #[test]
    fn japanese_words_are_found_inside_sentences_whatever_their_length() {
        let text = "先月のお買い物でポイントが付与されません。注文番号はABC-123456です。";
        for q in [
            "付与",
            "ポイント",
            "ぽいんと",
            "ﾎﾟｲﾝﾄ",
            "先",
            "物",
            "す",
            "123456",
            "３４５",
            "abc",
            "注文番号",
            "付与 ABC",
        ] {
            assert!(found(text, q), "{q}");
        }
        for q in ["付与済み", "654321", "xyz", "ポイント 返金"] {
            assert!(!found(text, q), "{q}");
        }
    }

    #[test]
    fn half_width_katakana_with_voicing_marks_is_the_full_width_word() {
        assert_eq!(query("ｼﾞｬﾗﾝ"), query("じゃらん"));
        assert_eq!(query("ﾎﾟｲﾝﾄ ﾊﾞｽ ｳﾞ"), query("ぽいんと ばす ゔ"));
        // A mark on something that takes none stays a separator.
        assert_eq!(query("ﾝﾞ"), query("ん"));
    }

    #[test]
    fn addresses_and_references_are_found_by_their_parts() {
        let text = "taro.yamada@example.jp MDG-20261125-0042";
        for q in ["taro.yamada@example.jp", "yamada", "example", "MDG-20261125-0042", "0042", "20261125"] {
            assert!(found(text, q), "{q}");
        }
    }

    #[test]
    fn operators_and_quotes_never_reach_the_database_syntax() {
        let needles = query("\"付与\" OR NEAR(a b) * ' -- ^col:x AND NOT");
        let fts = fts5_match(&needles);
        let ts = tsquery(&needles);
        // Only quoted tokens (and prefix stars outside the quotes) remain.
        assert!(!fts.contains("NEAR(") && !fts.contains('(') && !fts.contains('^') && !fts.contains(':'), "{fts}");
        assert!(!ts.contains('(') && !ts.contains('!') && !ts.contains('|'), "{ts}");
        assert!(query("\"' ( ) * : ^ -- ; / \\").is_empty());
    }

    #[test]
    fn a_document_stays_bounded() {
        let long = "あ".repeat(100_000) + &"い".repeat(100_000);
        assert!(document(&[&long]).len() < 100);
        let varied: String = (0..100_000u32).map(|i| char::from_u32(0x4E00 + i % 20_000).unwrap()).collect();
        assert!(document(&[&varied]).split(' ').count() <= MAX_DOC_CHARS + 1);
    }

    proptest! {
        #[test]
        fn any_piece_of_a_word_finds_its_document(text in "[a-z0-9ぁ-んァ-ン一-龥]{1,30}", start in 0usize..30, len in 1usize..30) {
            let chars: Vec<char> = text.chars().collect();
            let start = start % chars.len();
            let end = (start + len).min(chars.len());
            let piece: String = chars[start..end].iter().collect();
            prop_assert!(found(&text, &piece), "{} in {}", piece, text);
        }

        #[test]
        fn tsquery_and_fts5_quote_every_token(q in "\\PC{0,40}") {
            for needle in query(&q) {
                let tokens = match needle { Needle::All(t) => t, Needle::Prefix(c) => vec![c] };
                for t in tokens {
                    prop_assert!(t.chars().all(char::is_alphanumeric));
                }
            }
        }
    }
}
