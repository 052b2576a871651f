//! The inbox's one statement, put together from the filter: a fixed clause per filter that is
//! set, each value a numbered parameter (nothing a caller sends is written into the text), and
//! the chosen order with its keyset condition. Each order has an index that serves it.
use super::rows::SUMMARY_COLUMNS;
use crate::contact::{AssigneeFilter, InboxCursor, InboxFilter, InboxRow, InboxSort};
use sqlx::any::AnyRow;
use sqlx::AnyPool;

/// Urgent first: the same expression as the `inquiries_priority_due` index, so it serves the order.
const RANK: &str = "(CASE i.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END)";

use crate::infra::db::{Db, Param as Bind};

pub(super) struct InboxQuery {
    sql: String,
    binds: Vec<Bind>,
}

impl InboxQuery {
    pub(super) async fn fetch_all(&self, pool: &AnyPool) -> Result<Vec<AnyRow>, sqlx::Error> {
        let mut query = sqlx::query(&self.sql);
        for bind in &self.binds {
            query = match bind {
                Bind::Int(v) => query.bind(*v),
                Bind::Text(v) => query.bind(v.as_str()),
            };
        }
        query.fetch_all(pool).await
    }

    /// The database's plan for it (see `Db::plan`).
    pub(super) async fn plan(&self, db: &Db) -> Result<Vec<String>, sqlx::Error> {
        db.plan(&self.sql, &self.binds).await
    }
}

/// Collects the conditions and their values; `$n` is the next value's number.
struct Builder {
    conditions: String,
    binds: Vec<Bind>,
}

impl Builder {
    fn param(&mut self, bind: Bind) -> String {
        self.binds.push(bind);
        format!("${}", self.binds.len())
    }

    /// Adds `AND <clause>`, where each `?` in the clause takes the next of `values`.
    fn and(&mut self, clause: &str, values: Vec<Bind>) {
        let mut values = values.into_iter();
        let mut text = String::with_capacity(clause.len() + 8);
        for c in clause.chars() {
            match (c, values.len()) {
                ('?', n) if n > 0 => {
                    let p = self.param(values.next().expect("counted"));
                    text.push_str(&p);
                }
                _ => text.push(c),
            }
        }
        self.conditions.push_str(" AND ");
        self.conditions.push_str(&text);
    }
}

/// The statement for one page (`limit` rows) of the filtered inbox. `now` and `soon` are the
/// instants "overdue" and "due soon" are measured against (soon: one business hour from now).
pub(super) fn build(filter: &InboxFilter, staff_id: i64, now: i64, soon: i64, limit: usize) -> InboxQuery {
    let mut b = filtered(filter, staff_id, now, soon);
    let order = match filter.sort {
        InboxSort::Due => {
            if let Some(c) = filter.after {
                b.and("(i.due_at, i.id) > (?, ?)", vec![Bind::Int(c.key), Bind::Int(c.id)]);
            }
            "i.due_at, i.id".to_owned()
        }
        InboxSort::LastActivity => {
            if let Some(c) = filter.after {
                b.and("(i.updated_at, i.id) < (?, ?)", vec![Bind::Int(c.key), Bind::Int(c.id)]);
            }
            "i.updated_at DESC, i.id DESC".to_owned()
        }
        InboxSort::Priority => {
            if let Some(c) = filter.after {
                let clause = format!("({RANK}, i.due_at, i.id) > (?, ?, ?)");
                b.and(&clause, vec![Bind::Int(c.rank), Bind::Int(c.key), Bind::Int(c.id)]);
            }
            format!("{RANK}, i.due_at, i.id")
        }
    };
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS}, i.priority, i.updated_at, m.display_name AS member_name, a.display_name AS assignee_name,
                COALESCE((SELECT MAX(x.id) FROM inquiry_messages x WHERE x.inquiry_id = i.id), 0) AS last_message_id
         FROM inquiries i JOIN users m ON m.id = i.member_id LEFT JOIN users a ON a.id = i.assignee_id
         WHERE 1 = 1{} ORDER BY {order} LIMIT {limit}",
        b.conditions
    );
    InboxQuery { sql, binds: b.binds }
}

/// The filter's conditions (not the page's position): shared by a page and a view's count.
fn filtered(filter: &InboxFilter, staff_id: i64, now: i64, soon: i64) -> Builder {
    let mut b = Builder { conditions: String::new(), binds: Vec::new() };
    if let Some(status) = filter.status {
        b.and("i.status = ?", vec![Bind::Text(status.as_str().to_owned())]);
    }
    if let Some(category) = &filter.category_id {
        b.and("i.category_id = ?", vec![Bind::Text(category.clone())]);
    }
    match filter.assignee {
        AssigneeFilter::Anyone => {}
        AssigneeFilter::Me => b.and("i.assignee_id = ?", vec![Bind::Int(staff_id)]),
        AssigneeFilter::Unassigned => b.and("i.assignee_id IS NULL", vec![]),
        AssigneeFilter::Colleague(id) => b.and("i.assignee_id = ?", vec![Bind::Int(id)]),
    }
    if filter.overdue_only {
        b.and("i.status IN ('new', 'in_progress') AND i.due_at < ?", vec![Bind::Int(now)]);
    }
    if filter.due_soon {
        b.and(
            "i.status IN ('new', 'in_progress') AND i.due_at >= ? AND i.due_at < ?",
            vec![Bind::Int(now), Bind::Int(soon)],
        );
    }
    if let Some(priority) = filter.priority {
        b.and("i.priority = ?", vec![Bind::Text(priority.as_str().to_owned())]);
    }
    if let Some(tag) = filter.tag_id {
        b.and("EXISTS (SELECT 1 FROM inquiry_tags t WHERE t.inquiry_id = i.id AND t.tag_id = ?)", vec![Bind::Int(tag)]);
    }
    if filter.by_mail {
        b.and(
            "EXISTS (SELECT 1 FROM inquiry_messages x WHERE x.inquiry_id = i.id AND x.from_staff = 0 AND x.via = 'mail')",
            vec![],
        );
    }
    if filter.unmatched_mail {
        b.and("EXISTS (SELECT 1 FROM inbound_mail h WHERE h.status = 'held' AND h.inquiry_id = i.id)", vec![]);
    }
    b
}

/// Where the page after this row starts, in the list's order.
pub(super) fn cursor(sort: InboxSort, last: &InboxRow) -> InboxCursor {
    let id = last.summary.id;
    match sort {
        InboxSort::Due => InboxCursor { rank: 0, key: last.summary.due_at.millis(), id },
        InboxSort::LastActivity => InboxCursor { rank: 0, key: last.updated_at, id },
        InboxSort::Priority => InboxCursor { rank: last.priority.rank(), key: last.summary.due_at.millis(), id },
    }
}

/// How many inquiries match the filter (a saved view's count), without paging.
pub(super) fn count(filter: &InboxFilter, staff_id: i64, now: i64, soon: i64) -> InboxQuery {
    let b = filtered(filter, staff_id, now, soon);
    InboxQuery { sql: format!("SELECT COUNT(*) FROM inquiries i WHERE 1 = 1{}", b.conditions), binds: b.binds }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contact::Status;

    #[test]
    fn every_value_is_a_numbered_parameter_and_the_order_has_its_keyset_condition() {
        let filter = InboxFilter {
            status: Some(Status::New),
            category_id: Some("points'; DROP TABLE inquiries; --".into()),
            assignee: AssigneeFilter::Colleague(7),
            tag_id: Some(3),
            sort: InboxSort::Priority,
            after: Some(InboxCursor { rank: 1, key: 5, id: 9 }),
            ..InboxFilter::default()
        };
        let q = build(&filter, 1, 100, 200, 101);
        assert!(!q.sql.contains("DROP"), "{}", q.sql);
        assert!(q.sql.contains("i.status = $1 AND i.category_id = $2 AND i.assignee_id = $3"), "{}", q.sql);
        assert!(q.sql.contains("t.tag_id = $4"), "{}", q.sql);
        assert!(q.sql.contains("i.id) > ($5, $6, $7) ORDER BY (CASE"), "{}", q.sql);
        assert_eq!(q.binds.len(), 7);
        let counted = count(&filter, 1, 100, 200);
        assert!(counted.sql.starts_with("SELECT COUNT(*) FROM inquiries"), "{}", counted.sql);
        assert!(!counted.sql.contains("> ($5"), "a count ignores the page: {}", counted.sql);
    }
}
