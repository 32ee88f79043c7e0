//! How server functions' answers and errors travel: JSON, as Leptos' own `Json`, but read in
//! the browser from text (`serde_json::from_str`), the reader that hydration uses for the same
//! types when a page's resources arrive with it. Leptos' `Json` reads bytes (`from_slice`), so
//! every answer type was compiled into a bundle twice, once for each reader: about a tenth of
//! the township bundle's code.
use leptos::server_fn::codec::Post;
use leptos::server_fn::{Bytes, ContentType, Decodes, Encodes, Format, FormatType};
use serde::Serialize;
use serde::de::{DeserializeOwned, Error as _};

/// The encoding of every server function's answer (`output = JsonText`) and of `AppError`.
pub struct JsonTextEncoding;

/// A server function called by POST with JSON arguments, answering JSON read as text.
pub type JsonText = Post<JsonTextEncoding>;

impl ContentType for JsonTextEncoding {
    const CONTENT_TYPE: &'static str = "application/json";
}

impl FormatType for JsonTextEncoding {
    const FORMAT_TYPE: Format = Format::Text;
}

impl<T: Serialize> Encodes<T> for JsonTextEncoding {
    type Error = serde_json::Error;

    fn encode(output: &T) -> Result<Bytes, Self::Error> {
        serde_json::to_vec(output).map(Bytes::from)
    }
}

impl<T: DeserializeOwned> Decodes<T> for JsonTextEncoding {
    type Error = serde_json::Error;

    fn decode(bytes: Bytes) -> Result<T, Self::Error> {
        let text = std::str::from_utf8(&bytes).map_err(serde_json::Error::custom)?;
        serde_json::from_str(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_reads_back_as_it_was_sent_and_bad_bytes_are_refused()
    -> Result<(), serde_json::Error> {
        let answer = vec![("东湖镇".to_owned(), 3_i32)];
        let bytes = <JsonTextEncoding as Encodes<_>>::encode(&answer)?;
        assert_eq!(&bytes[..], "[[\"东湖镇\",3]]".as_bytes());
        let read: Vec<(String, i32)> = JsonTextEncoding::decode(bytes)?;
        assert_eq!(read, answer);
        let broken = Bytes::from_static(&[b'"', 0xff, b'"']);
        assert!(<JsonTextEncoding as Decodes<String>>::decode(broken).is_err());
        Ok(())
    }
}
