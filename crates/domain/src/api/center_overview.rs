//! The answer of `GET /api/v1/staff/overview`: the workbench overview ([`Overview`]) and, for
//! administrators, the center's pre-examination numbers (issue #15). Apart from both, so that
//! the staff and firm modules need not import each other.

use serde::{Deserialize, Serialize};

use super::firm::pre_exam::PreExamStats;
use super::staff::Overview;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CenterOverview {
    #[serde(flatten)]
    pub overview: Overview,
    /// The pre-examination numbers: for administrators only (none for case handlers, whose
    /// work they are not).
    #[serde(default)]
    pub pre_exams: Option<PreExamStats>,
}
