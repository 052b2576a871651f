//! Generated members: the same id, shop and window always give the same clicks, so the demo and
//! the tests can count on them without a fixture file.
//!
//! - With a shop: the member clicked through to it on the window's middle day (the date of use
//!   the member names, ± the window), and on some other days of the window.
//! - Without a shop: on about one day in four, to one of a few well-known shops.
//! - A click of the last 90 days is still being judged (判定中), due 75 days after the click;
//!   older ones were approved, or now and then rejected. Ids starting `rejected-` are always
//!   rejected.
use app::calendar::Day;
use app::parent::server::contract::{ClickWire, ClicksAnswer, VERSION};

const SHOPS: [&str; 6] =
    ["楽天市場", "Yahoo!ショッピング", "じゃらんnet", "ロハコ", "一休.com", "DHCオンラインショップ"];

/// FNV-1a: stable across runs and platforms (the std hasher is seeded per process).
fn hash(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain([0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

fn real_today() -> Day {
    app::calendar::Moment::from_millis(app::parent::server::signing::now_secs() * 1000).tokyo().date
}

fn click(subject: &str, shop: &str, day: Day, salt: &str, today: Option<Day>) -> ClickWire {
    let h = hash(&[subject, shop, &day.to_string(), salt]);
    let minutes = 9 * 60 + (h % (12 * 60)) as u32;
    let amount = 1_000 + (h / 7 % 30_000) as i64;
    let age = today.unwrap_or_else(real_today).days_since_epoch() - day.days_since_epoch();
    let (status, expected) = if subject.starts_with("rejected") {
        ("rejected", None)
    } else if age < 90 {
        ("pending", Some(Day::from_days_since_epoch(day.days_since_epoch() + 75)))
    } else if h.is_multiple_of(7) {
        ("rejected", None)
    } else {
        ("approved", None)
    };
    ClickWire {
        shop: shop.to_owned(),
        clicked_at: format!("{day}T{:02}:{:02}:00+09:00", minutes / 60, minutes % 60),
        status: status.to_owned(),
        expected_judgement_on: expected.map(|d| d.to_string()),
        order_amount: Some(amount),
        points: (status != "rejected").then_some(amount / 100),
    }
}

fn to_json(subject: &str, clicks: Vec<ClickWire>) -> String {
    serde_json::to_string(&ClicksAnswer { version: VERSION, member: subject.to_owned(), clicks }).expect("serializes")
}

pub fn answer(subject: &str, shop: Option<&str>, from: Day, to: Day, today: Option<Day>) -> String {
    if subject.starts_with("quiet") {
        return to_json(subject, Vec::new());
    }
    let (first, last) = (from.days_since_epoch(), to.days_since_epoch());
    let mut clicks = Vec::new();
    match shop {
        Some(shop) => {
            let middle = Day::from_days_since_epoch((first + last) / 2);
            clicks.push(click(subject, shop, middle, "named", today));
            for d in first..=last {
                let day = Day::from_days_since_epoch(d);
                if d != (first + last) / 2 && hash(&[subject, shop, &day.to_string()]).is_multiple_of(5) {
                    clicks.push(click(subject, shop, day, "other", today));
                }
            }
        }
        None => {
            for d in first..=last {
                let day = Day::from_days_since_epoch(d);
                let h = hash(&[subject, &day.to_string()]);
                if h.is_multiple_of(4) {
                    clicks.push(click(subject, SHOPS[(h / 4 % SHOPS.len() as u64) as usize], day, "any", today));
                }
            }
        }
    }
    clicks.sort_by(|a, b| a.clicked_at.cmp(&b.clicked_at));
    to_json(subject, clicks)
}

/// About 1 MB of valid JSON: the connector must refuse it by size, not parse it.
pub fn oversize(subject: &str) -> String {
    let filler = "x".repeat(1_000_000);
    format!(r#"{{"version":1,"member":{},"clicks":[],"padding":"{filler}"}}"#, serde_json::json!(subject))
}

/// Valid by the contract, but written to hurt whoever shows it: markup and a script in shop
/// names must reach staff as text.
pub fn hostile(subject: &str, from: Day, today: Option<Day>) -> String {
    let shops = [
        "<img src=x onerror=alert(1)>",
        "<script>document.title='pwned'</script>",
        "'; DROP TABLE inquiries; --",
        "{{member_name}} ${jndi:ldap://x}",
    ];
    to_json(subject, shops.iter().map(|s| click(subject, s, from, "hostile", today)).collect())
}
