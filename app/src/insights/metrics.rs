//! The arithmetic behind the insights, kept pure so it is tested on hand-computed numbers.
use super::SurveyMetrics;

pub fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// Nearest-rank percentile of `values` (sorted or not).
pub fn percentile(values: &[f64], p: f64) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(|a, b| a.total_cmp(b));
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    Some(sorted[rank - 1])
}

pub fn share(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// "Answered in time" for inquiries given as (first-reply target, first staff reply): answered
/// by the target counts in time; answered after it, or still unanswered once it has passed,
/// counts late; unanswered and not yet due counts neither way. Returns (in time, judged).
pub fn first_replies(inquiries: &[(i64, Option<i64>)], now: i64) -> (i64, i64) {
    let mut in_time = 0;
    let mut judged = 0;
    for &(target, replied) in inquiries {
        match replied {
            Some(at) => {
                judged += 1;
                in_time += i64::from(at <= target);
            }
            None if now > target => judged += 1,
            None => {}
        }
    }
    (in_time, judged)
}

/// CSAT (share of 4–5), the average score and the response rate over `ended` chats.
pub fn survey_metrics(scores: &[i64], ended: i64) -> SurveyMetrics {
    let answers = scores.len() as i64;
    SurveyMetrics {
        answers,
        csat: share(scores.iter().filter(|s| **s >= 4).count() as i64, answers),
        average: mean(&scores.iter().map(|s| *s as f64).collect::<Vec<_>>()),
        response_rate: share(answers, ended),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_replies_count_late_and_overdue_but_not_what_is_not_yet_due() {
        let now = 1_000;
        let rows = [(500, Some(400)), (500, Some(600)), (500, None), (2_000, None), (2_000, Some(1_500))];
        assert_eq!(first_replies(&rows, now), (2, 4));
        assert_eq!(first_replies(&[(2_000, None)], now), (0, 0));
    }

    #[test]
    fn survey_figures_match_hand_computation() {
        let m = survey_metrics(&[5, 4, 3, 1], 8);
        assert_eq!(m.answers, 4);
        assert_eq!(m.csat, Some(0.5));
        assert_eq!(m.average, Some(3.25));
        assert_eq!(m.response_rate, Some(0.5));
        assert_eq!(survey_metrics(&[], 0), SurveyMetrics::default());
    }

    #[test]
    fn p90_is_the_nearest_rank() {
        let waits: Vec<f64> = (1..=10).map(f64::from).collect();
        assert_eq!(percentile(&waits, 0.9), Some(9.0));
        assert_eq!(percentile(&[30.0], 0.9), Some(30.0));
        assert_eq!(percentile(&[], 0.9), None);
    }
}
