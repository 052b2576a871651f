//! Reading SMTP lines with bounded memory: a line is consumed to its end whatever its length, but
//! only the first `keep` bytes are kept, and every byte counts against the connection's budget.
use tokio::io::{AsyncBufRead, AsyncBufReadExt};

pub enum Line {
    /// The line's bytes without its line end (at most `keep` of them), and whether it was longer.
    Text(Vec<u8>, bool),
    Closed,
}

/// Reads one line, keeping at most `keep` bytes of it but always consuming it to its end, so
/// memory stays bounded whatever the peer sends.
pub async fn read_line<R: AsyncBufRead + Unpin>(
    reader: &mut R,
    keep: usize,
    hard_cap: &mut usize,
) -> std::io::Result<Line> {
    let mut line = Vec::new();
    let mut long = false;
    loop {
        let chunk = reader.fill_buf().await?;
        if chunk.is_empty() {
            return Ok(if line.is_empty() && !long { Line::Closed } else { Line::Text(line, long) });
        }
        let (part, done) = match chunk.iter().position(|b| *b == b'\n') {
            Some(i) => (&chunk[..=i], true),
            None => (chunk, false),
        };
        let n = part.len();
        // Room for the line end too, which is not part of the line.
        let room = (keep + 2).saturating_sub(line.len());
        line.extend_from_slice(&part[..n.min(room)]);
        long |= n > room;
        reader.consume(n);
        *hard_cap = hard_cap.saturating_sub(n);
        if *hard_cap == 0 {
            return Err(std::io::Error::other("too much data"));
        }
        if done {
            if line.last() == Some(&b'\n') {
                line.pop();
            }
            if line.last() == Some(&b'\r') {
                line.pop();
            }
            if line.len() > keep {
                line.truncate(keep);
                long = true;
            }
            return Ok(Line::Text(line, long));
        }
    }
}
