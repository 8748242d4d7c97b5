//! scanner stub
