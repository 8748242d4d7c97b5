//! scanner stub (replaced by the real scanners)
use crate::model::Date;
use crate::options::DateOrder;
pub(crate) struct BylineMatch {
    pub authors: Vec<std::ops::Range<usize>>,
}
pub(crate) fn byline(_line: &str) -> Option<BylineMatch> {
    None
}
pub(crate) fn leading_name(_text: &str) -> Option<usize> {
    None
}
pub(crate) fn is_disclaimer(_text: &str) -> bool {
    false
}
pub(crate) enum HeaderFact {
    Byline(BylineMatch),
    Date(Date),
    ReadingTime(u32),
    Views(u64),
    Noise,
}
pub(crate) struct FactMatch {
    pub fact: HeaderFact,
    pub start: usize,
    pub end: usize,
}
pub(crate) fn header_facts(_line: &str, _order: DateOrder) -> Option<Vec<FactMatch>> {
    None
}
