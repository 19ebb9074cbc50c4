//! The output formats a document is written in.

use crate::model::Speech;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OutputFormat {
    /// The JSON document of the contract, pretty-printed.
    Json,
    /// The project's XML form (`schema/speech.xsd`).
    Xml,
    /// An Akoma Ntoso 3.0 `debate` document.
    Akn,
}

/// Why a document could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// Serialization failed.
    #[error("cannot serialize the document: {0}")]
    Json(#[from] serde_json::Error),
}

impl OutputFormat {
    /// The file name extension of outputs in this format.
    pub const fn extension(self) -> &'static str {
        match self {
            OutputFormat::Json => "json",
            OutputFormat::Xml => "xml",
            OutputFormat::Akn => "akn.xml",
        }
    }

    /// Renders `speech`, ending with a newline.
    pub fn render(self, speech: &Speech) -> Result<Vec<u8>, RenderError> {
        match self {
            OutputFormat::Json => {
                let mut bytes = serde_json::to_vec_pretty(speech)?;
                bytes.push(b'\n');
                Ok(bytes)
            }
            OutputFormat::Xml => Ok(crate::xml::to_xml(speech).into_bytes()),
            OutputFormat::Akn => Ok(crate::xml::to_akn(speech).into_bytes()),
        }
    }
}
