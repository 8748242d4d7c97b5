//! Stage 4: inline quotations and links.
