//! Settings for [`parse_with`](crate::parse_with).

/// How to read an all-numeric date such as `03/04/2025` when both numbers could
/// be the month. A first number over 12 always makes the date day-first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum DateOrder {
    /// `03/04/2025` is 3 April 2025 (most of the world).
    #[default]
    DayFirst,
    /// `03/04/2025` is March 4, 2025 (United States).
    MonthFirst,
}

/// Parser settings. Build them from the defaults and change what you need:
///
/// ```
/// let mut options = article_text::Options::default();
/// options.date_order = article_text::DateOrder::MonthFirst;
/// let article = article_text::parse_with("Title\n\n03/04/2025\n\nBody text here.", &options)?;
/// assert_eq!(article.metadata.published.unwrap().date.to_string(), "2025-03-04");
/// # Ok::<(), article_text::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// How to read ambiguous numeric dates. Default: [`DateOrder::DayFirst`].
    pub date_order: DateOrder,
    /// Inputs longer than this many bytes are refused with
    /// [`ErrorKind::InputTooLarge`](crate::ErrorKind::InputTooLarge).
    /// Default: 256 MiB. Inputs over 4 GiB are refused whatever the setting
    /// (the parser keeps 32-bit offsets).
    pub max_input_bytes: usize,
    /// Lists nested deeper than this many levels are refused with
    /// [`ErrorKind::NestingTooDeep`](crate::ErrorKind::NestingTooDeep).
    /// Default: 32.
    pub max_nesting_depth: usize,
    /// For [`decode`](crate::decode): replace invalid UTF-8 with U+FFFD and
    /// record where, instead of failing ([`parse_bytes`](crate::parse_bytes)
    /// is always strict). Default: `false`.
    pub lossy_utf8: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            date_order: DateOrder::DayFirst,
            max_input_bytes: 256 * 1024 * 1024,
            max_nesting_depth: 32,
            lossy_utf8: false,
        }
    }
}
