//! CSV cells for staff exports. Members write some of the text, and a spreadsheet runs a cell that
//! starts with `=`, `+`, `-` or `@` (or a tab or CR before one) as a formula, so such cells get a
//! leading `'`, which makes Excel and LibreOffice show them as text (OWASP's advice).
pub fn field(value: &str) -> String {
    let neutral =
        if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_owned() };
    if neutral.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}

/// One CSV line of already-made cells, with the CRLF spreadsheets expect.
pub fn line(cells: &[String]) -> String {
    let mut out = cells.join(",");
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn formulas_are_neutralized() {
        assert_eq!(
            field("=HYPERLINK(\"http://evil.example\",\"open\")"),
            "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"open\"\")\""
        );
        assert_eq!(field("+81 3"), "'+81 3");
        assert_eq!(field("-2+3"), "'-2+3");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(field("\t=1"), "'\t=1");
        assert_eq!(field("\r=1"), "\"'\r=1\"");
    }

    #[test]
    fn plain_text_is_kept_and_quoted_when_needed() {
        assert_eq!(field("とても助かりました"), "とても助かりました");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("改行\nあり"), "\"改行\nあり\"");
        assert_eq!(field("1=1"), "1=1");
    }
}
