//! Several replicas of one deployment on one database (issue #16): what one of them is told
//! reaches the others without a restart.

use std::time::{Duration, Instant};

use serde_json::json;

use crate::citizen::availability_ok;
use crate::helpers::spawn_replica;
use crate::staff_client::{admin_options, call_as, login_admin, staff_app};

const CENTER: &str = "nantong-ip-protection-center";
/// Monday 28 December 2026: three working days of 2026 are left and 2027 is not published.
const NOW: &str = "2026-12-28T10:00:00+08:00";

#[tokio::test]
async fn a_holiday_year_published_on_one_replica_is_counted_by_the_other_within_a_second() {
    let one = staff_app(NOW).await;
    let other = spawn_replica(&one, NOW, admin_options()).await;
    let before = availability_ok(&other, CENTER, "patent").await;
    assert_eq!(before.unpublished_year, Some(2027));

    // MADE-UP TEST DATA for 2027 (not the official notice), published on the first replica.
    let admin = login_admin(&one).await;
    let year = json!({
        "source_title": "测试数据：虚构的 2027 年节假日安排（TEST DATA, not an official notice)",
        "source_url": "https://example.org/test-only/holidays-2027",
        "holidays": [{"name": "测试假日（虚构）", "from": "2027-01-04", "to": "2027-01-05"}],
        "working_days": ["2027-01-09"],
    });
    let path = "/api/v1/staff/admin/holidays/2027";
    let response = call_as(&one, reqwest::Method::PUT, path, &admin, Some(year)).await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        availability_ok(&one, CENTER, "patent")
            .await
            .unpublished_year,
        None
    );

    // The other replica was not told: it finds out from the database.
    let published = Instant::now();
    loop {
        let after = availability_ok(&other, CENTER, "patent").await;
        if after.unpublished_year.is_none() {
            let days: Vec<String> = after.days.iter().map(|d| d.date.to_string()).collect();
            assert!(days.contains(&"2027-01-06".to_owned()), "{days:?}");
            assert!(
                !days.contains(&"2027-01-04".to_owned()),
                "the holiday: {days:?}"
            );
            break;
        }
        assert!(
            published.elapsed() < Duration::from_secs(2),
            "the other replica still counts without 2027 after 2 s"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
