//! Test fixtures shared by the administrator modules' tests.

use super::errors::Problems;
use crate::lang::Localized;

pub(super) fn fields(problems: &Problems) -> Vec<(&str, &'static str)> {
    problems
        .iter()
        .map(|(f, e)| (f.as_str(), e.code()))
        .collect()
}
