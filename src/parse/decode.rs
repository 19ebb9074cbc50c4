//! Stage 1: bytes → text. Placeholder: UTF-8 only.

use crate::model::Encoding;

/// Decoded input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, byte order mark removed.
    pub text: String,
    /// The encoding it was decoded from.
    pub encoding: Encoding,
}

/// Input that could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// Bytes that are invalid in every supported encoding.
    #[error("invalid byte sequence at byte offset {offset}: not UTF-8, GB18030 or UTF-16")]
    Invalid {
        /// Offset of the first undecodable byte.
        offset: usize,
    },
}

/// Decodes `bytes`.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: text.to_owned(),
            encoding: Encoding::Utf8,
        }),
        Err(e) => Err(DecodeError::Invalid {
            offset: e.valid_up_to(),
        }),
    }
}
