//! Cutting the quoted earlier mail from a reply, so the thread holds the member's new words once.
//! Mail clients mark quotes in a handful of ways (Japanese ones included); when a reply does not
//! look like "new words, then the quote", nothing is guessed away: the member's lines are kept and
//! the whole text is kept folded beside them.

/// A reply split into what the member wrote now and what they quoted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    pub new: String,
    /// The quoted part (or, when unsure, the whole text), for "show quoted text".
    pub quoted: Option<String>,
}

/// Lines that start the quoted mail in one line: separators written by mail clients.
fn is_separator(line: &str) -> bool {
    let core: String = line
        .trim()
        .trim_matches(|c: char| c == '-' || c == '_' || c == '=' || c == '－' || c == 'ー' || c.is_whitespace())
        .into();
    let core = core.to_lowercase();
    let separators = [
        "original message",
        "元のメッセージ",
        "オリジナルメッセージ",
        "original message follows",
        "返信元メッセージ",
        "引用ここから",
    ];
    let dashed = line.trim_start().starts_with("--")
        || line.trim_start().starts_with("__")
        || line.trim_start().starts_with("==");
    (dashed && separators.contains(&core.as_str()))
        // Outlook's rule before its header block.
        || (line.trim().len() >= 20 && line.trim().chars().all(|c| c == '_'))
}

/// A line like 「2026年11月25日(水) 12:00 Madoguchi <support@…>:」 or "On Wed, … wrote:".
fn is_attribution(line: &str) -> bool {
    let t = line.trim();
    let ends = t.ends_with(':') || t.ends_with('：');
    if !ends {
        return false;
    }
    let lower = t.to_lowercase();
    lower.ends_with("wrote:")
        || t.ends_with("書きました:")
        || t.ends_with("書きました：")
        || t.ends_with("のメッセージ:")
        || t.ends_with("のメッセージ：")
        || t.contains("さんは書きました")
        || (t.contains('@') && (t.contains('<') || t.contains('年') || t.contains("20")))
}

/// Outlook's and carriers' header block: 「差出人: …」/"From: …" followed by its date or subject.
fn starts_header_block(lines: &[&str], i: usize) -> bool {
    let first = lines[i].trim_start();
    let from = ["差出人:", "差出人：", "From:", "送信者:", "送信元:", "From："];
    if !from.iter().any(|p| first.starts_with(p)) {
        return false;
    }
    let next = ["送信日時:", "送信日時：", "Sent:", "Date:", "日時:", "件名:", "件名：", "Subject:", "宛先:", "To:"];
    lines.iter().skip(i + 1).take(4).any(|l| next.iter().any(|p| l.trim_start().starts_with(p)))
}

fn is_quoted_line(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with('>') || t.starts_with('＞') || t.starts_with('|')
}

fn join(lines: &[&str]) -> String {
    lines.join("\n").trim_matches('\n').trim_end().to_owned()
}

/// Splits a reply's text (already decoded, `\n` line ends).
pub fn split_reply(text: &str) -> Split {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.lines().collect();
    // The first line that starts a quote, by an explicit marker.
    let mut cut = None;
    for i in 0..lines.len() {
        let line = lines[i];
        if is_separator(line) || starts_header_block(&lines, i) {
            cut = Some(i);
            break;
        }
        // An attribution counts when a quote follows it (or it is the last words).
        if is_attribution(line) {
            let rest_quoted = lines.iter().skip(i + 1).find(|l| !l.trim().is_empty()).is_none_or(|l| is_quoted_line(l));
            if rest_quoted {
                cut = Some(i);
                break;
            }
        }
        // Gmail wraps a long attribution over two lines.
        if i + 1 < lines.len() && !line.trim().is_empty() && is_attribution(&format!("{line} {}", lines[i + 1].trim()))
        {
            let next_ends =
                lines[i + 1].trim().to_lowercase().ends_with("wrote:") || lines[i + 1].trim().ends_with("書きました:");
            if next_ends {
                cut = Some(i);
                break;
            }
        }
        if is_quoted_line(line) {
            cut = Some(i);
            break;
        }
    }
    let Some(cut) = cut else {
        return Split { new: join(&lines), quoted: None };
    };
    let (head, tail) = lines.split_at(cut);
    // After a quote made of `>` lines, anything else the member wrote (an answer under the quote,
    // or between quoted lines) is new words too: keep those lines, and the whole text folded.
    let marker_quote = !is_quoted_line(tail[0]);
    let interleaved: Vec<&str> = if marker_quote {
        Vec::new()
    } else {
        tail.iter().copied().filter(|l| !is_quoted_line(l) && !l.trim().is_empty()).collect()
    };
    if !interleaved.is_empty() {
        let mut kept: Vec<&str> = head.to_vec();
        kept.extend(tail.iter().copied().filter(|l| !is_quoted_line(l)));
        return Split { new: join(&kept), quoted: Some(join(&lines)) };
    }
    let new = join(head);
    if new.trim().is_empty() {
        // Nothing above the marker: a bottom-posted reply or an unusual client. Keep every word.
        return Split { new: join(&lines), quoted: None };
    }
    Split { new, quoted: Some(join(tail)).filter(|q| !q.trim().is_empty()) }
}

/// Undoes `format=flowed` (RFC 3676): a line ending in a space continues on the next; with
/// `delsp=yes` that space was added by the sender and goes too. Quoted and signature lines stay.
pub fn unflow(text: &str, delsp: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        // Space-stuffing: a leading space was added to protect the line.
        let line = line.strip_prefix(' ').unwrap_or(line);
        if line.ends_with(' ') && line != "-- " {
            out.push_str(if delsp { &line[..line.len() - 1] } else { line });
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.trim_end_matches('\n').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new_words(text: &str) -> String {
        split_reply(text).new
    }

    #[test]
    fn gmail_japanese_attribution_is_cut() {
        let mail = "承知しました。12/3の注文番号は A-123 です。\n\n\
                    2026年11月25日(水) 12:00 Madoguchi サポートセンター <reply+4.abcd@madoguchi.example>:\n\n\
                    > 山田 様\n> お問い合わせありがとうございます。\n";
        let split = split_reply(mail);
        assert_eq!(split.new, "承知しました。12/3の注文番号は A-123 です。");
        assert!(split.quoted.unwrap().contains("お問い合わせありがとうございます"));
    }

    #[test]
    fn english_attribution_wrapped_over_two_lines_is_cut() {
        let mail = "Thanks, it shows now.\n\nOn Wed, Nov 25, 2026 at 12:00 PM Madoguchi Support Center <\nreply+4.abcd@madoguchi.example> wrote:\n> Dear member\n";
        assert_eq!(new_words(mail), "Thanks, it shows now.");
    }

    #[test]
    fn outlook_header_block_is_cut() {
        let mail = "確認しました。\r\nよろしくお願いします。\r\n\r\n________________________________\r\n差出人: Madoguchi サポートセンター <support@madoguchi.example>\r\n送信日時: 2026年11月25日 12:00\r\n宛先: taro@example.jp\r\n件名: [Madoguchi] お問い合わせへのご回答\r\n\r\n山田 様\r\n";
        let split = split_reply(mail);
        assert_eq!(split.new, "確認しました。\nよろしくお願いします。");
        assert!(split.quoted.unwrap().starts_with("____"));
        let plain = "了解です\n\n差出人: support@madoguchi.example\n件名: Re: お問い合わせ\n\n本文";
        assert_eq!(new_words(plain), "了解です");
    }

    #[test]
    fn original_message_separators_are_cut() {
        for sep in [
            "-----Original Message-----",
            "----- Original Message -----",
            "----- 元のメッセージ -----",
            "-----元のメッセージ-----",
            "--- Original Message ---",
            "--------元のメッセージ--------",
        ] {
            let mail = format!("まだ反映されていません。\n{sep}\nFrom: support@madoguchi.example\n本文\n");
            assert_eq!(new_words(&mail), "まだ反映されていません。", "{sep}");
        }
    }

    #[test]
    fn carrier_mail_quotes_are_cut() {
        // docomo / au / SoftBank clients quote with > lines, often with no attribution at all.
        let docomo = "わかりました\n\n> 山田 様\n> お問い合わせ(MDG-20261125-0004)について\n";
        assert_eq!(new_words(docomo), "わかりました");
        let au = "ありがとうございます。\n\n--- Original Message ---\nFrom: Madoguchi\nDate: 2026/11/25 12:00\n";
        assert_eq!(new_words(au), "ありがとうございます。");
        let full_width = "はい\n＞山田様\n＞ご回答いたします\n";
        assert_eq!(new_words(full_width), "はい");
    }

    #[test]
    fn answers_between_quoted_lines_are_all_kept_and_the_whole_text_folded() {
        let mail = "> 注文番号を教えてください\nA-123 です\n> ご利用日は?\n12月3日です\n";
        let split = split_reply(mail);
        assert_eq!(split.new, "A-123 です\n12月3日です");
        assert_eq!(split.quoted.as_deref(), Some(mail.trim_end()));
    }

    #[test]
    fn unsure_means_nothing_is_lost() {
        // Nothing above the quote: keep the whole text as the member's words.
        let mail = "-----Original Message-----\nFrom: support\n\nこちらに書きました";
        assert_eq!(new_words(mail), mail);
        // No quote at all.
        assert_eq!(split_reply("ただの本文です\n二行目").quoted, None);
        // A colon at the end of a sentence that is no attribution, followed by the member's words.
        let mail = "次の点を確認しました:\n・注文番号\n・日付";
        assert_eq!(new_words(mail), mail);
    }

    #[test]
    fn flowed_text_is_joined() {
        assert_eq!(unflow("これは長い \r\n行です\r\n次の行", false), "これは長い 行です\n次の行");
        assert_eq!(unflow("long \r\nline", true), "longline");
        assert_eq!(unflow(" From me\n-- \nsig", false), "From me\n-- \nsig");
    }
}
