//! Reading a pull answer ([`PullResponse`]) key by key. Its records sit beside the named
//! fields, under each kind's name; serde's derived reader for such a `flatten` field buffers
//! the whole answer in its `Content` type first, which costs the phone's bundle more than this
//! reader. Absent fields read as the derived reader had them: `profile` and `directory` none,
//! `directory_digest` empty, `withdrawn` and the records empty.
use crate::sync::api::PullResponse;
use serde::de::{Deserialize, Deserializer, Error, MapAccess, Visitor};
use std::collections::BTreeMap;
use std::fmt;

impl<'de> Deserialize<'de> for PullResponse {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(AnswerVisitor)
    }
}

struct AnswerVisitor;

impl<'de> Visitor<'de> for AnswerVisitor {
    type Value = PullResponse;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a pull answer")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PullResponse, A::Error> {
        let (mut protocol, mut cursor) = (None, None);
        let mut answer = PullResponse {
            protocol: 0,
            cursor: 0,
            profile: None,
            directory: None,
            directory_digest: String::new(),
            withdrawn: Vec::new(),
            records: BTreeMap::new(),
        };
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "protocol" => protocol = Some(map.next_value()?),
                "cursor" => cursor = Some(map.next_value()?),
                "profile" => answer.profile = map.next_value()?,
                "directory" => answer.directory = map.next_value()?,
                "directory_digest" => answer.directory_digest = map.next_value()?,
                "withdrawn" => answer.withdrawn = map.next_value()?,
                _ => {
                    let rows = map.next_value()?;
                    answer.records.insert(key, rows);
                }
            }
        }
        answer.protocol = protocol.ok_or_else(|| A::Error::missing_field("protocol"))?;
        answer.cursor = cursor.ok_or_else(|| A::Error::missing_field("cursor"))?;
        Ok(answer)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_answer_reads_back_as_it_was_written() {
        let answer = PullResponse {
            protocol: 1,
            cursor: 42,
            profile: None,
            directory: Some(Default::default()),
            directory_digest: "d1".into(),
            withdrawn: vec![uuid::Uuid::nil()],
            records: BTreeMap::from([("visits".into(), vec![json!({"id": 1})])]),
        };
        let text = serde_json::to_string(&answer).unwrap();
        let read: PullResponse = serde_json::from_str(&text).unwrap();
        assert_eq!(read.cursor, 42);
        assert_eq!(read.directory_digest, "d1");
        assert_eq!(read.withdrawn, vec![uuid::Uuid::nil()]);
        assert!(read.directory.is_some());
        assert_eq!(read.records["visits"], vec![json!({"id": 1})]);
    }

    #[test]
    fn absent_fields_read_as_empty_and_a_missing_cursor_is_refused() {
        let read: PullResponse =
            serde_json::from_str(r#"{"protocol":1,"cursor":3,"directory":null}"#).unwrap();
        assert!(read.profile.is_none() && read.directory.is_none());
        assert!(read.directory_digest.is_empty() && read.withdrawn.is_empty());
        assert!(read.records.is_empty());
        let missing = serde_json::from_str::<PullResponse>(r#"{"protocol":1}"#).unwrap_err();
        assert!(missing.to_string().contains("cursor"), "{missing}");
    }
}
