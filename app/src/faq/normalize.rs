//! Text normalization for Japanese search. Every mapping is one character to one character, so a
//! match found in normalized text marks the same positions in the original (highlighting).
//! - full-width ASCII → ASCII, ideographic space → space, A–Z → a–z
//! - katakana (full- and half-width) → hiragana, so ポイント finds ぽいんと and vice versa

/// Half-width katakana U+FF66..=U+FF9D as hiragana (voicing marks stay separate characters).
const HALF_KANA: [char; 56] = [
    'を', 'ぁ', 'ぃ', 'ぅ', 'ぇ', 'ぉ', 'ゃ', 'ゅ', 'ょ', 'っ', 'ー', 'あ', 'い', 'う', 'え', 'お', 'か', 'き', 'く',
    'け', 'こ', 'さ', 'し', 'す', 'せ', 'そ', 'た', 'ち', 'つ', 'て', 'と', 'な', 'に', 'ぬ', 'ね', 'の', 'は', 'ひ',
    'ふ', 'へ', 'ほ', 'ま', 'み', 'む', 'め', 'も', 'や', 'ゆ', 'よ', 'ら', 'り', 'る', 'れ', 'ろ', 'わ', 'ん',
];

pub fn normalize_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).map(|a| a.to_ascii_lowercase()).unwrap_or(c),
        '\u{3000}' => ' ',
        'A'..='Z' => c.to_ascii_lowercase(),
        '\u{30A1}'..='\u{30F6}' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
        '\u{FF66}'..='\u{FF9D}' => HALF_KANA[(c as u32 - 0xFF66) as usize],
        '\u{FF9E}' => '゛',
        '\u{FF9F}' => '゜',
        _ => c,
    }
}

pub fn normalize(s: &str) -> String {
    s.chars().map(normalize_char).collect()
}

/// Half-width katakana carry voicing marks as characters of their own (ｼﾞ → し゛ once
/// normalized); joined here to the voiced kana (じ) the full-width text has.
pub fn compose_voicing(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let composed = match (out.chars().last(), c) {
            (Some('う'), '゛') => Some('ゔ'),
            (Some(base @ ('か'..='ぢ' | 'つ'..='ど' | 'は'..='ぽ')), '゛' | '゜') => voiced(base, c),
            _ => None,
        };
        match composed {
            Some(v) => {
                out.pop();
                out.push(v);
            }
            None => out.push(c),
        }
    }
    out
}

/// か+゛ → が (the voiced form follows its base in Unicode), は+゜ → ぱ; `None` where no such kana.
fn voiced(base: char, mark: char) -> Option<char> {
    let code = base as u32;
    let unvoiced_at = |first: u32, last: u32, step: u32| (first..=last).step_by(step as usize).any(|c| c == code);
    // か..ぢ and つ..ど alternate plain and voiced (っ sits between ぢ and つ); は..ぽ go in threes.
    match mark {
        '゛' if unvoiced_at(0x304B, 0x3061, 2) || unvoiced_at(0x3064, 0x3068, 2) || unvoiced_at(0x306F, 0x307B, 3) => {
            char::from_u32(code + 1)
        }
        '゜' if unvoiced_at(0x306F, 0x307B, 3) => char::from_u32(code + 2),
        _ => None,
    }
}

/// The words of a search box: normalized, split on spaces, at most five, longest 50 characters.
pub fn search_terms(query: &str) -> Vec<String> {
    normalize(query)
        .split_whitespace()
        .map(|t| t.chars().take(50).collect::<String>())
        .filter(|t| !t.is_empty())
        .take(5)
        .collect()
}

#[derive(PartialEq, Clone, Copy)]
enum Script {
    Kanji,
    Katakana,
    Latin,
    Other,
}

fn script(c: char) -> Script {
    match c {
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '々' => Script::Kanji,
        '\u{30A1}'..='\u{30FA}' | 'ー' | '\u{FF66}'..='\u{FF9F}' => Script::Katakana,
        c if c.is_ascii_alphanumeric() => Script::Latin,
        '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => Script::Latin,
        _ => Script::Other,
    }
}

/// Keywords in free text (Japanese has no spaces): runs of kanji, katakana or Latin letters of
/// two characters or more. Hiragana runs are mostly grammar (が, に, されません) and are skipped.
/// Used to suggest articles while a member writes to the desk.
pub fn suggestion_terms(text: &str) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    let mut run = String::new();
    let mut kind = Script::Other;
    let flush = |run: &mut String, terms: &mut Vec<String>| {
        if run.chars().count() >= 2 {
            let t = normalize(run);
            if !terms.contains(&t) {
                terms.push(t);
            }
        }
        run.clear();
    };
    for c in text.chars() {
        let k = script(c);
        if k != kind || k == Script::Other {
            flush(&mut run, &mut terms);
            kind = k;
        }
        if k != Script::Other {
            run.push(c);
        }
    }
    flush(&mut run, &mut terms);
    terms.truncate(8);
    terms
}

/// Splits `text` into (piece, matched) segments, marking every occurrence of any term (already
/// normalized) in the normalized text.
pub fn highlight(text: &str, terms: &[String]) -> Vec<(String, bool)> {
    let chars: Vec<char> = text.chars().collect();
    let norm: Vec<char> = chars.iter().map(|c| normalize_char(*c)).collect();
    let mut marked = vec![false; chars.len()];
    for term in terms {
        let t: Vec<char> = term.chars().collect();
        if t.is_empty() || t.len() > norm.len() {
            continue;
        }
        for start in 0..=norm.len() - t.len() {
            if norm[start..start + t.len()] == t[..] {
                marked[start..start + t.len()].iter_mut().for_each(|m| *m = true);
            }
        }
    }
    let mut out: Vec<(String, bool)> = Vec::new();
    for (c, m) in chars.into_iter().zip(marked) {
        match out.last_mut() {
            Some((s, last)) if *last == m => s.push(c),
            _ => out.push((c.to_string(), m)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn katakana_width_and_case_differences_disappear() {
        assert_eq!(normalize("ポイント"), "ぽいんと");
        assert_eq!(normalize("ﾎﾟｲﾝﾄ"), "ほ゜いんと");
        assert_eq!(normalize("ＰＯＩＮＴ　ポイント"), "point ぽいんと");
        assert_eq!(normalize("メール"), normalize("めーる"));
    }

    #[test]
    fn search_terms_split_on_any_space() {
        assert_eq!(search_terms(" 通帳　ポイント  "), vec!["通帳", "ぽいんと"]);
        assert!(search_terms("   ").is_empty());
    }

    #[test]
    fn suggestion_terms_pick_keywords_out_of_a_sentence() {
        assert_eq!(suggestion_terms("ポイントが通帳に記載されません"), vec!["ぽいんと", "通帳", "記載"]);
        assert_eq!(suggestion_terms("メールアドレスを変更したい"), vec!["めーるあどれす", "変更"]);
    }

    #[test]
    fn highlight_marks_matches_in_the_original_text() {
        let segs = highlight("ポイント通帳とﾎﾟｲﾝﾄ", &["ぽいんと".into()]);
        assert_eq!(segs[0], ("ポイント".to_string(), true));
        assert_eq!(segs[1], ("通帳とﾎﾟｲﾝﾄ".to_string(), false));
        let segs = highlight("退会について", &["退会".into()]);
        assert_eq!(segs, vec![("退会".to_string(), true), ("について".to_string(), false)]);
    }

    proptest! {
        #[test]
        fn normalization_keeps_the_length_in_characters(s in "\\PC{0,60}") {
            prop_assert_eq!(normalize(&s).chars().count(), s.chars().count());
        }

        #[test]
        fn highlight_segments_join_back_to_the_text(s in "\\PC{0,40}", t in "\\PC{1,3}") {
            let joined: String = highlight(&s, &[normalize(&t)]).into_iter().map(|(p, _)| p).collect();
            prop_assert_eq!(joined, s);
        }
    }
}
