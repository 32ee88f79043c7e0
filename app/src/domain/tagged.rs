//! Reading an internally tagged enum (`{"kind": "…", …its fields}`) through one flat struct of
//! all its variants' fields. serde's derived reader for such an enum first buffers the whole
//! object in its `Content` type, since the tag may come last; that buffering and a reader per
//! variant cost the phone's bundle tens of KB. A flat struct of optional fields reads the same
//! JSON in one pass: the stored and wire formats do not change.
use std::fmt;

/// Why an object is none of the enum's variants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagError(String);

impl fmt::Display for TagError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A field the variant `tag` cannot do without.
pub fn required<T>(value: Option<T>, tag: &str, field: &str) -> Result<T, TagError> {
    value.ok_or_else(|| TagError(format!("missing field `{field}` of `{tag}`")))
}

/// A tag that names no variant.
pub fn unknown(tag: &str) -> TagError {
    TagError(format!("unknown variant `{tag}`"))
}
