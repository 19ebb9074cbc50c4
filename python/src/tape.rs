//! A document recorded as the sequence of values its serde serialization writes, so that the
//! Python thread only has to build objects from it.
//!
//! Recording walks the model (any `Serialize`) on whatever thread parsed it, without the GIL,
//! and the model is freed there too; the tape holds every text in one buffer. Replaying it
//! makes the objects `json.loads` makes of the value's JSON (`dict`s with the keys in the
//! order serde writes them, `list`s, `str`, `int`, `float`, `bool`, `None`), with every key and
//! enumeration name an interned `str` made once per program.

use std::fmt::Display;
use std::sync::{Mutex, MutexGuard, TryLockError};

use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFloat, PyString};
use rustc_hash::FxHashMap;
use serde::ser::{self, Serialize};

/// A value recorded for replay in Python.
#[derive(Debug, Default)]
pub struct Tape {
    ops: Vec<Op>,
    /// The texts of every `Op::Text`, one after the other, in the C library's wide characters.
    texts: Vec<libc::wchar_t>,
}

/// One step of a tape: a scalar, or the head of a container whose items follow it.
#[derive(Debug, Clone, Copy)]
enum Op {
    None,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    /// The next `len` wide characters of the texts.
    Text(usize),
    /// A name fixed in the program: a field name or a unit variant's name.
    Name(&'static str),
    /// A list of the `len` values that follow.
    List(usize),
    /// A dict of the `len` key-value pairs that follow, each a key then its value.
    Dict(usize),
}

/// Why a value could not be recorded (a type JSON cannot hold, as for `serde_json`).
#[derive(Debug)]
pub struct RecordError(String);

impl Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for RecordError {}

impl ser::Error for RecordError {
    fn custom<T: Display>(message: T) -> Self {
        Self(message.to_string())
    }
}

impl Tape {
    /// Records `value` as its serde serialization writes it.
    pub fn record<T: Serialize + ?Sized>(value: &T) -> Result<Self, RecordError> {
        // About the size of a generated document's tape: few documents need to grow it.
        let mut tape = Tape {
            ops: Vec::with_capacity(1024),
            texts: Vec::with_capacity(4 * 1024),
        };
        value.serialize(&mut tape)?;
        Ok(tape)
    }

    /// The Python objects of the recorded value.
    pub fn to_object<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        // Never waited for: the garbage collector may run Python code in the middle of a
        // replay, which could replay another tape, on this thread or on another.
        let names = match NAMES.try_lock() {
            Ok(names) => Some(names),
            Err(TryLockError::Poisoned(poisoned)) => Some(poisoned.into_inner()),
            Err(TryLockError::WouldBlock) => None,
        };
        let mut replay = Replay {
            py,
            ops: self.ops.iter(),
            texts: &self.texts,
            names,
        };
        replay.value()
    }

    /// Opens a container, its length filled in when it closes.
    fn open(&mut self, head: Op) -> Container<'_> {
        let at = self.ops.len();
        self.ops.push(head);
        Container {
            tape: self,
            at,
            len: 0,
        }
    }
}

/// The interned `str` of each name met, by its address and length: names are few and fixed
/// in the program, so the table stays small, and its `str`s live as long as the program.
static NAMES: Mutex<Names> = Mutex::new(Names(None));

struct Names(Option<FxHashMap<(usize, usize), Py<PyString>>>);

impl Names {
    /// The interned `str` of `name`, borrowed: the table keeps it alive for the whole program.
    fn get(&mut self, py: Python<'_>, name: &'static str) -> *mut ffi::PyObject {
        self.0
            .get_or_insert_with(FxHashMap::default)
            .entry((name.as_ptr() as usize, name.len()))
            .or_insert_with(|| PyString::intern(py, name).unbind())
            .as_ptr()
    }
}

/// The walk of a tape, building each value from its ops.
struct Replay<'t, 'py> {
    py: Python<'py>,
    ops: std::slice::Iter<'t, Op>,
    texts: &'t [libc::wchar_t],
    /// The table of names, unless another replay is using it.
    names: Option<MutexGuard<'static, Names>>,
}

/// The `str` of a name: borrowed from the table, or made for this use.
enum Key<'py> {
    Table(*mut ffi::PyObject),
    Fresh(Bound<'py, PyString>),
}

impl Key<'_> {
    fn as_ptr(&self) -> *mut ffi::PyObject {
        match self {
            Key::Table(name) => *name,
            Key::Fresh(name) => name.as_ptr(),
        }
    }
}

impl<'py> Replay<'_, 'py> {
    fn name(&mut self, name: &'static str) -> Key<'py> {
        match &mut self.names {
            Some(names) => Key::Table(names.get(self.py, name)),
            None => Key::Fresh(PyString::intern(self.py, name)),
        }
    }

    fn value(&mut self) -> PyResult<Bound<'py, PyAny>> {
        let py = self.py;
        let Some(op) = self.ops.next() else {
            return Err(ended_early());
        };
        Ok(match *op {
            Op::None => py.None().into_bound(py),
            Op::Bool(value) => value.into_pyobject(py)?.to_owned().into_any(),
            Op::Int(value) => value.into_pyobject(py)?.into_any(),
            Op::UInt(value) => value.into_pyobject(py)?.into_any(),
            Op::Float(value) => PyFloat::new(py, value).into_any(),
            Op::Text(len) => {
                let (text, rest) = self.texts.split_at_checked(len).ok_or_else(ended_early)?;
                self.texts = rest;
                // SAFETY: `text` is a valid slice of `len` wide characters; the result is a new
                // reference or NULL with an exception set.
                unsafe {
                    Bound::from_owned_ptr_or_err(
                        py,
                        ffi::PyUnicode_FromWideChar(text.as_ptr(), ffi::Py_ssize_t::try_from(len)?),
                    )?
                }
            }
            // SAFETY: the key is alive (held by the table or by the key itself).
            Op::Name(name) => unsafe { Bound::from_borrowed_ptr(py, self.name(name).as_ptr()) },
            Op::List(len) => {
                let size = ffi::Py_ssize_t::try_from(len)?;
                // SAFETY: `PyList_New` returns a new reference or NULL with an exception set;
                // each slot is then filled once, `PyList_SetItem` taking the item's reference.
                // Slots left empty by an error are NULL, which the list's deallocation skips.
                let list = unsafe { Bound::from_owned_ptr_or_err(py, ffi::PyList_New(size))? };
                for index in 0..size {
                    let item = self.value()?;
                    // SAFETY: as above; `index` is within the list's length.
                    if unsafe { ffi::PyList_SetItem(list.as_ptr(), index, item.into_ptr()) } != 0 {
                        return Err(PyErr::fetch(py));
                    }
                }
                list
            }
            Op::Dict(len) => {
                let dict = PyDict::new(py);
                for _ in 0..len {
                    // A name (a field) is set without a reference of its own: the dict takes one.
                    let name = match self.ops.as_slice().first() {
                        Some(Op::Name(name)) => {
                            self.ops.next();
                            Some(self.name(name))
                        }
                        _ => None,
                    };
                    match name {
                        Some(key) => {
                            let value = self.value()?;
                            // SAFETY: `key` and `value` are live objects; `PyDict_SetItem`
                            // takes its own references to both.
                            let set = unsafe {
                                ffi::PyDict_SetItem(dict.as_ptr(), key.as_ptr(), value.as_ptr())
                            };
                            if set != 0 {
                                return Err(PyErr::fetch(py));
                            }
                        }
                        None => {
                            let key = self.value()?;
                            dict.set_item(key, self.value()?)?;
                        }
                    }
                }
                dict.into_any()
            }
        })
    }
}

/// A tape that holds less than its ops say: a bug, reported rather than read past.
fn ended_early() -> PyErr {
    pyo3::exceptions::PyRuntimeError::new_err("a recorded document ended early")
}

/// A list or dict being recorded.
pub struct Container<'t> {
    tape: &'t mut Tape,
    /// Where its head is.
    at: usize,
    len: usize,
}

impl Container<'_> {
    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), RecordError> {
        self.len += 1;
        value.serialize(&mut *self.tape)
    }

    fn field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), RecordError> {
        self.tape.ops.push(Op::Name(key));
        self.item(value)
    }

    fn close(self) -> Result<(), RecordError> {
        if let Some(Op::List(len) | Op::Dict(len)) = self.tape.ops.get_mut(self.at) {
            *len = self.len;
        }
        Ok(())
    }
}

impl<'t> ser::Serializer for &'t mut Tape {
    type Ok = ();
    type Error = RecordError;
    type SerializeSeq = Container<'t>;
    type SerializeTuple = Container<'t>;
    type SerializeTupleStruct = Container<'t>;
    type SerializeTupleVariant = Container<'t>;
    type SerializeMap = Container<'t>;
    type SerializeStruct = Container<'t>;
    type SerializeStructVariant = Container<'t>;

    fn serialize_bool(self, value: bool) -> Result<(), RecordError> {
        self.ops.push(Op::Bool(value));
        Ok(())
    }

    fn serialize_i8(self, value: i8) -> Result<(), RecordError> {
        self.serialize_i64(value.into())
    }

    fn serialize_i16(self, value: i16) -> Result<(), RecordError> {
        self.serialize_i64(value.into())
    }

    fn serialize_i32(self, value: i32) -> Result<(), RecordError> {
        self.serialize_i64(value.into())
    }

    fn serialize_i64(self, value: i64) -> Result<(), RecordError> {
        self.ops.push(Op::Int(value));
        Ok(())
    }

    fn serialize_u8(self, value: u8) -> Result<(), RecordError> {
        self.serialize_u64(value.into())
    }

    fn serialize_u16(self, value: u16) -> Result<(), RecordError> {
        self.serialize_u64(value.into())
    }

    fn serialize_u32(self, value: u32) -> Result<(), RecordError> {
        self.serialize_u64(value.into())
    }

    fn serialize_u64(self, value: u64) -> Result<(), RecordError> {
        self.ops.push(Op::UInt(value));
        Ok(())
    }

    fn serialize_f32(self, value: f32) -> Result<(), RecordError> {
        self.serialize_f64(value.into())
    }

    fn serialize_f64(self, value: f64) -> Result<(), RecordError> {
        // JSON has no NaN or infinity: serde_json writes them as null.
        self.ops.push(if value.is_finite() {
            Op::Float(value)
        } else {
            Op::None
        });
        Ok(())
    }

    fn serialize_char(self, value: char) -> Result<(), RecordError> {
        self.serialize_str(value.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, value: &str) -> Result<(), RecordError> {
        let start = self.texts.len();
        if std::mem::size_of::<libc::wchar_t>() >= 4 {
            // UCS-4 (Linux, macOS): one character each.
            self.texts
                .extend(value.chars().map(|c| c as u32 as libc::wchar_t));
        } else {
            // UTF-16 (Windows), which Python reads with its surrogate pairs joined.
            self.texts
                .extend(value.encode_utf16().map(|unit| unit as libc::wchar_t));
        }
        self.ops.push(Op::Text(self.texts.len() - start));
        Ok(())
    }

    fn serialize_bytes(self, value: &[u8]) -> Result<(), RecordError> {
        // As serde_json writes them: a list of numbers.
        let mut list = self.open(Op::List(0));
        for byte in value {
            list.item(byte)?;
        }
        list.close()
    }

    fn serialize_none(self) -> Result<(), RecordError> {
        self.ops.push(Op::None);
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), RecordError> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), RecordError> {
        self.serialize_none()
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), RecordError> {
        self.serialize_none()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), RecordError> {
        self.ops.push(Op::Name(variant));
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), RecordError> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), RecordError> {
        let mut dict = self.open(Op::Dict(0));
        dict.field(variant, value)?;
        dict.close()
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Container<'t>, RecordError> {
        Ok(self.open(Op::List(0)))
    }

    fn serialize_tuple(self, _len: usize) -> Result<Container<'t>, RecordError> {
        Ok(self.open(Op::List(0)))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Container<'t>, RecordError> {
        Ok(self.open(Op::List(0)))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Container<'t>, RecordError> {
        self.ops.push(Op::Dict(1));
        self.ops.push(Op::Name(variant));
        Ok(self.open(Op::List(0)))
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Container<'t>, RecordError> {
        Ok(self.open(Op::Dict(0)))
    }

    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Container<'t>, RecordError> {
        Ok(self.open(Op::Dict(0)))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Container<'t>, RecordError> {
        self.ops.push(Op::Dict(1));
        self.ops.push(Op::Name(variant));
        Ok(self.open(Op::Dict(0)))
    }
}

/// The sequence-like containers: each item recorded in turn, then the container closed.
macro_rules! record_items {
    ($($trait:ident::$method:ident),*) => {$(
        impl ser::$trait for Container<'_> {
            type Ok = ();
            type Error = RecordError;

            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), RecordError> {
                self.item(value)
            }

            fn end(self) -> Result<(), RecordError> {
                self.close()
            }
        }
    )*};
}

record_items!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Container<'_> {
    type Ok = ();
    type Error = RecordError;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), RecordError> {
        // A pair counts once: its key here, its value in `serialize_value`.
        key.serialize(&mut *self.tape)
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), RecordError> {
        self.item(value)
    }

    fn end(self) -> Result<(), RecordError> {
        self.close()
    }
}

/// The struct-like containers: each field recorded under its name, then the container closed.
macro_rules! record_fields {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Container<'_> {
            type Ok = ();
            type Error = RecordError;

            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), RecordError> {
                self.field(key, value)
            }

            fn end(self) -> Result<(), RecordError> {
                self.close()
            }
        }
    )*};
}

record_fields!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use serde_json::{json, Value};
    use std::collections::BTreeMap;

    /// The tape read back as a JSON value, without Python: the shape the replay builds.
    fn read(tape: &Tape) -> Value {
        fn value(ops: &mut std::slice::Iter<'_, Op>, texts: &mut &[libc::wchar_t]) -> Value {
            match ops.next().copied() {
                None | Some(Op::None) => Value::Null,
                Some(Op::Bool(b)) => json!(b),
                Some(Op::Int(n)) => json!(n),
                Some(Op::UInt(n)) => json!(n),
                Some(Op::Float(x)) => json!(x),
                Some(Op::Name(name)) => json!(name),
                Some(Op::Text(len)) => {
                    let (text, rest) = texts.split_at(len);
                    *texts = rest;
                    let units: Vec<u32> = text.iter().map(|&c| c as u32).collect();
                    let text: String = if std::mem::size_of::<libc::wchar_t>() >= 4 {
                        units.iter().filter_map(|&c| char::from_u32(c)).collect()
                    } else {
                        let units: Vec<u16> = units.iter().map(|&c| c as u16).collect();
                        String::from_utf16_lossy(&units)
                    };
                    json!(text)
                }
                Some(Op::List(len)) => Value::Array((0..len).map(|_| value(ops, texts)).collect()),
                Some(Op::Dict(len)) => Value::Object(
                    (0..len)
                        .map(|_| match value(ops, texts) {
                            Value::String(key) => (key, value(ops, texts)),
                            other => (other.to_string(), value(ops, texts)),
                        })
                        .collect(),
                ),
            }
        }
        let mut ops = tape.ops.iter();
        let mut texts = tape.texts.as_slice();
        let read = value(&mut ops, &mut texts);
        assert!(
            ops.next().is_none() && texts.is_empty(),
            "the whole tape is read"
        );
        read
    }

    fn same_as_serde_json<T: Serialize>(value: &T) {
        let tape = Tape::record(value).expect("recorded");
        assert_eq!(
            read(&tape),
            serde_json::to_value(value).expect("serde_json")
        );
    }

    #[derive(Serialize)]
    enum Shapes {
        Unit,
        Newtype(u8),
        Tuple(i32, String),
        Struct { a: Option<f64>, b: Vec<bool> },
    }

    #[derive(Serialize)]
    struct Unit;

    #[derive(Serialize)]
    struct Wrapper(char);

    #[derive(Serialize)]
    struct Pair(u16, i8);

    #[derive(Serialize)]
    struct Record<'a> {
        #[serde(rename = "$renamed")]
        renamed: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u32>,
        nested: Vec<Shapes>,
        unit: Unit,
        wrapper: Wrapper,
        pair: Pair,
        map: BTreeMap<String, (u64, f32)>,
    }

    #[test]
    fn every_shape_serde_writes_is_recorded_as_serde_json_reads_it() {
        same_as_serde_json(&Record {
            renamed: "讲话 with 𠀀 beyond the basic plane",
            skipped: None,
            nested: vec![
                Shapes::Unit,
                Shapes::Newtype(7),
                Shapes::Tuple(-3, "三".to_owned()),
                Shapes::Struct {
                    a: Some(0.25),
                    b: vec![true, false],
                },
                Shapes::Struct { a: None, b: vec![] },
            ],
            unit: Unit,
            wrapper: Wrapper('大'),
            pair: Pair(65535, -128),
            map: BTreeMap::from([("k".to_owned(), (u64::MAX, 1.5))]),
        });
        same_as_serde_json(&(f64::NAN, f64::INFINITY, "", ()));
        same_as_serde_json(&serde_bytes_like());
    }

    /// Bytes, which serde_json writes as a list of numbers.
    fn serde_bytes_like() -> impl Serialize {
        struct Bytes;
        impl Serialize for Bytes {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_bytes(&[0, 1, 255])
            }
        }
        Bytes
    }

    #[test]
    fn a_document_is_recorded_as_its_json() {
        let speech = jianghua::parse_str(
            "在人大工作会议上的讲话\n同志们：\n一、坚持党的领导\n一要提高认识。二要落实责任。\n"
                .to_owned(),
            &jianghua::ParseOptions::default(),
        );
        same_as_serde_json(&speech);
    }
}
