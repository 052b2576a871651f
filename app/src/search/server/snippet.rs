//! The piece of a found text shown under a hit: about 80 characters around the first place a
//! query word occurs (in the normalized text, which maps character for character), marked.
use crate::faq::{highlight, normalize};
use crate::search::Marked;

const AROUND: usize = 30;
const LENGTH: usize = 80;

pub fn snippet(text: &str, words: &[String]) -> Marked {
    let chars: Vec<char> = text.chars().collect();
    let norm: Vec<char> = normalize(text).chars().collect();
    let first = words
        .iter()
        .filter_map(|w| {
            let w: Vec<char> = w.chars().collect();
            (!w.is_empty() && w.len() <= norm.len())
                .then(|| (0..=norm.len() - w.len()).find(|&i| norm[i..i + w.len()] == w[..]))?
        })
        .min()
        .unwrap_or(0);
    let start = first.saturating_sub(AROUND);
    let end = (start + LENGTH).min(chars.len());
    let mut piece: String = chars[start..end].iter().collect();
    piece = piece.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut marked = highlight(&piece, words);
    if start > 0 {
        marked.insert(0, ("…".into(), false));
    }
    if end < chars.len() {
        marked.push(("…".into(), false));
    }
    marked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snippet_is_cut_around_the_first_match_and_marks_it() {
        let text = format!("{}注文番号はABC-123456です{}", "あ".repeat(100), "い".repeat(100));
        let s = snippet(&text, &["123456".into()]);
        assert_eq!(s.first().map(|p| p.0.as_str()), Some("…"));
        assert!(s.iter().any(|(t, m)| *m && t == "123456"));
        let chars: usize = s.iter().map(|(t, _)| t.chars().count()).sum();
        assert!(chars <= LENGTH + 2);
    }

    #[test]
    fn a_short_text_without_the_word_is_shown_whole() {
        assert_eq!(snippet("ポイント", &["xyz".into()]), vec![("ポイント".to_string(), false)]);
    }
}
