//! scanner stub (replaced by the real scanners)
use crate::model::Date;
use crate::options::DateOrder;
pub(crate) struct DateMatch {
    pub date: Date,
    pub start: usize,
    pub end: usize,
}
pub(crate) fn find_date(_text: &str, _order: DateOrder) -> Option<DateMatch> {
    None
}
pub(crate) fn date_line(_line: &str, _order: DateOrder) -> Option<DateMatch> {
    None
}
