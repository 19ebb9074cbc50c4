//! `jianghua._jianghua`: the library's parse, validation and output forms for Python.
//!
//! Work runs without the GIL; documents cross into Python as the `dict` of their JSON; every
//! failure is a `jianghua.JianghuaError` with the command line's code and place, and a panic
//! is caught before it reaches Python.

mod document;
mod failure;
mod handoff;
mod input;
mod many;
mod tape;

use std::path::PathBuf;

use jianghua::convert::{detect_named, InputForm, OutputForm};
use jianghua::text::SourceText;
use jianghua::validate::{NoLocator, Problem, Report};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use failure::{guarded, Failure};
use input::{Input, Reading};

/// Runs `work` without the GIL, raising its failure.
fn run<T: Send>(py: Python<'_>, work: impl FnOnce() -> Result<T, Failure> + Send) -> PyResult<T> {
    py.detach(|| guarded(work))
        .map_err(|failure| failure.into_err(py))
}

#[pyfunction]
#[pyo3(signature = (source, *, lexicon=None, encoding=None, lossy=false, allow_empty=false))]
fn parse<'py>(
    py: Python<'py>,
    source: &Bound<'py, PyAny>,
    lexicon: Option<PathBuf>,
    encoding: Option<&str>,
    lossy: bool,
    allow_empty: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let input = Input::extract(source, "source")?;
    let reading =
        Reading::new(lexicon, encoding, lossy, allow_empty).map_err(|f| f.into_err(py))?;
    let tape = run(py, || document::record(&reading.parse_input(input)?))?;
    tape.to_object(py)
}

#[pyfunction]
#[pyo3(signature = (paths, *, jobs=None, lexicon=None, encoding=None, lossy=false, allow_empty=false))]
fn parse_many(
    py: Python<'_>,
    paths: &Bound<'_, PyAny>,
    jobs: Option<usize>,
    lexicon: Option<PathBuf>,
    encoding: Option<&str>,
    lossy: bool,
    allow_empty: bool,
) -> PyResult<many::ParseMany> {
    let mut given = Vec::new();
    let mut files = Vec::new();
    for path in paths.try_iter()? {
        let path = path?;
        files.push(path.extract::<PathBuf>()?);
        given.push(path.unbind());
    }
    let reading =
        Reading::new(lexicon, encoding, lossy, allow_empty).map_err(|f| f.into_err(py))?;
    many::ParseMany::start(given, files, jobs, reading)
}

#[pyfunction]
#[pyo3(signature = (source, *, encoding=None, lossy=false))]
fn decoded_text(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    encoding: Option<&str>,
    lossy: bool,
) -> PyResult<String> {
    let input = Input::extract(source, "source")?;
    let options = input::decode_options(encoding, lossy).map_err(|f| f.into_err(py))?;
    run(py, || {
        let path = input.path().map(std::path::Path::to_path_buf);
        let bytes = input.into_bytes()?;
        jianghua::convert::source_text_with(&bytes, &options)
            .map_err(|e| Failure::decode(&e).in_file(path.as_deref()))
    })
}

#[pyfunction]
#[pyo3(signature = (document, *, source=None))]
fn validate<'py>(
    py: Python<'py>,
    document: &Bound<'py, PyAny>,
    source: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let source = match source {
        None => None,
        // A `str` is the decoded text itself, as `decoded_text` returns it.
        Some(text) if text.is_instance_of::<PyString>() => {
            Some(SourceText::new(text.extract::<String>()?))
        }
        Some(other) => {
            let input = Input::extract(other, "source")?;
            Some(run(py, || {
                let path = input.path().map(std::path::Path::to_path_buf);
                let bytes = input.into_bytes()?;
                let text = jianghua::convert::source_text(&bytes)
                    .map_err(|e| Failure::decode(&e).in_file(path.as_deref()))?;
                Ok(SourceText::new(text))
            })?)
        }
    };
    let report = if document.is_instance_of::<PyDict>() {
        // A value has no lines: its problems have pointers, not positions.
        let json = document::dumps(document)?;
        run(py, || {
            let value = jianghua::validate::parse_json(&json).map_err(|e| Failure::document(&e))?;
            Ok(jianghua::validate::validate_document(
                &value,
                &NoLocator,
                source.as_ref(),
            ))
        })?
    } else {
        let input = Input::extract(document, "document")?;
        run(py, || {
            let path = input.path().map(std::path::Path::to_path_buf);
            let bytes = input.into_bytes()?;
            validate_bytes(&bytes, path.as_deref(), source.as_ref())
                .map_err(|failure| failure.in_file(path.as_deref()))
        })?
    };
    problems(py, &report)
}

/// A JSON or XML document told apart as `jianghua validate` tells them.
fn validate_bytes(
    bytes: &[u8],
    name: Option<&std::path::Path>,
    source: Option<&SourceText>,
) -> Result<Report, Failure> {
    match detect_named(bytes, name).form {
        InputForm::Xml => {
            jianghua::validate::validate_xml(bytes, source).map_err(|e| Failure::xml(&e))
        }
        InputForm::Json | InputForm::Text | InputForm::Html => {
            jianghua::validate::validate_json(bytes, source).map_err(|e| Failure::document(&e))
        }
    }
}

/// The problems as dictionaries with the keys of `jianghua validate --format json`.
fn problems<'py>(py: Python<'py>, report: &Report) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for problem in &report.problems {
        list.append(problem_dict(py, problem)?)?;
    }
    Ok(list)
}

fn problem_dict<'py>(py: Python<'py>, problem: &Problem) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("severity", problem.severity.as_str())?;
    dict.set_item("layer", problem.rule.layer())?;
    dict.set_item("rule", problem.rule.code())?;
    dict.set_item("pointer", &problem.pointer)?;
    dict.set_item("line", problem.position.map(|at| at.line))?;
    dict.set_item("column", problem.position.map(|at| at.column))?;
    let source = problem
        .source
        .map(|place| -> PyResult<Bound<'py, PyDict>> {
            let source = PyDict::new(py);
            source.set_item("start", place.span.start)?;
            source.set_item("end", place.span.end)?;
            source.set_item("line", place.position.line)?;
            source.set_item("column", place.position.column)?;
            Ok(source)
        })
        .transpose()?;
    dict.set_item("source", source)?;
    dict.set_item("message", &problem.message)?;
    Ok(dict)
}

#[pyfunction]
fn schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    document::loads(py, &jianghua::schema::json_schema_text())
}

/// Renders a document (a `dict`) in one of the library's forms.
fn render(document: &Bound<'_, PyAny>, form: OutputForm) -> PyResult<String> {
    let speech = document::speech_from(document)?;
    run(document.py(), || {
        jianghua::convert::write(&speech, form).map_err(|e| Failure::new("internal", e.to_string()))
    })
}

#[pyfunction]
fn to_json(document: &Bound<'_, PyAny>) -> PyResult<String> {
    render(document, OutputForm::Json)
}

#[pyfunction]
fn to_xml(document: &Bound<'_, PyAny>) -> PyResult<String> {
    render(document, OutputForm::Xml)
}

#[pyfunction]
fn to_akn(document: &Bound<'_, PyAny>) -> PyResult<String> {
    render(document, OutputForm::Akn)
}

#[pymodule]
fn _jianghua(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add_function(wrap_pyfunction!(parse, module)?)?;
    module.add_function(wrap_pyfunction!(parse_many, module)?)?;
    module.add_function(wrap_pyfunction!(decoded_text, module)?)?;
    module.add_function(wrap_pyfunction!(validate, module)?)?;
    module.add_function(wrap_pyfunction!(schema, module)?)?;
    module.add_function(wrap_pyfunction!(to_json, module)?)?;
    module.add_function(wrap_pyfunction!(to_xml, module)?)?;
    module.add_function(wrap_pyfunction!(to_akn, module)?)?;
    module.add_class::<many::ParseMany>()?;
    Ok(())
}
