//! What the user wrote, of any kind, as the phone keeps it. The kinds are listed once, in the
//! registry ([`crate::kinds::phone_kinds!`]); everything a record needs of its kind comes from
//! the kind's [`Draft`].
//!
//! On the phone's disk a draft carries its kind (`{"kind": "visit", …fields}`). Records saved
//! before the tag existed read back by trying the kinds in their old order, so none is lost.
use crate::domain::draft::Draft;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
use uuid::Uuid;

/// A kind's draft inside [`RecordDraft`]: wrapped to be kept, and found again.
pub trait Recorded: Draft {
    fn wrap(self) -> RecordDraft;
    fn of(draft: &RecordDraft) -> Option<&Self>;
}

macro_rules! record_drafts {
    ($($variant:ident($draft:ty)),* $(,)?) => {
        /// One record's content, of whichever kind.
        #[derive(Debug, Clone, PartialEq)]
        pub enum RecordDraft {
            $($variant($draft)),*
        }

        $(impl Recorded for $draft {
            fn wrap(self) -> RecordDraft {
                RecordDraft::$variant(self)
            }

            fn of(draft: &RecordDraft) -> Option<&Self> {
                match draft {
                    RecordDraft::$variant(d) => Some(d),
                    _ => None,
                }
            }
        })*

        impl RecordDraft {
            /// The kinds in the order an untagged (older) draft is tried.
            const KINDS: &[&str] = &[$(<$draft as Draft>::KIND),*];

            pub fn kind(&self) -> &'static str {
                match self { $(Self::$variant(_) => <$draft as Draft>::KIND),* }
            }

            /// The kind in words (走访记录, 情况汇报 …).
            pub fn label(&self) -> &'static str {
                match self { $(Self::$variant(_) => <$draft as Draft>::LABEL),* }
            }

            /// Sent before anything else when a connection appears.
            pub fn is_urgent(&self) -> bool {
                match self { $(Self::$variant(_) => <$draft as Draft>::URGENT),* }
            }

            /// Whether its author may change it once saved ([`Draft::EDITABLE`]).
            pub fn editable(&self) -> bool {
                match self { $(Self::$variant(_) => <$draft as Draft>::EDITABLE),* }
            }

            /// Whether its author may withdraw it ([`Draft::WITHDRAWABLE`]).
            pub fn withdrawable(&self) -> bool {
                match self { $(Self::$variant(_) => <$draft as Draft>::WITHDRAWABLE),* }
            }

            /// The photos the record carries.
            pub fn photos(&self) -> Vec<Uuid> {
                match self { $(Self::$variant(d) => d.photos()),* }
            }

            /// The record's fields in words, for showing two versions side by side.
            pub fn describe(&self) -> Vec<(&'static str, String)> {
                match self { $(Self::$variant(d) => d.describe()),* }
            }

            /// The day the record is about, `YYYY-MM-DD`, for ordering lists.
            pub fn date(&self) -> String {
                match self { $(Self::$variant(d) => d.date()),* }
            }

            /// The fields as the server reads them, without the kind (the envelope names it).
            pub fn payload(&self) -> Value {
                let fields = match self { $(Self::$variant(d) => serde_json::to_value(d)),* };
                fields.unwrap_or(Value::Null)
            }

            /// A `kind` record's fields as the wire or the disk holds them. Read from a
            /// borrowed `Value`, as a pull reads its records, so each draft's reader is
            /// compiled once into the phone's bundle rather than once per way of reading.
            pub fn from_wire(kind: &str, fields: &Value) -> Result<Self, serde_json::Error> {
                $(if kind == <$draft as Draft>::KIND {
                    return <$draft>::deserialize(fields).map(Self::$variant);
                })*
                Err(serde_json::Error::custom(format!("unknown record kind {kind}")))
            }
        }
    };
}

crate::kinds::phone_kinds!(record_drafts);

const KIND_TAG: &str = "kind";

impl Serialize for RecordDraft {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut fields = self.payload();
        if let Value::Object(map) = &mut fields {
            map.insert(KIND_TAG.into(), Value::from(self.kind()));
        }
        fields.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for RecordDraft {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut fields = Value::deserialize(deserializer)?;
        let tag = fields
            .as_object_mut()
            .and_then(|map| map.remove(KIND_TAG))
            .and_then(|kind| kind.as_str().map(str::to_owned));
        match tag {
            Some(kind) => Self::from_wire(&kind, &fields).map_err(D::Error::custom),
            None => Self::KINDS
                .iter()
                .find_map(|kind| Self::from_wire(kind, &fields).ok())
                .ok_or_else(|| D::Error::custom("a record of no known kind")),
        }
    }
}
