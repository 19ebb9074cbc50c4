//! The inputs the benchmarks share: the seeds, and a ~100 KB document made of them.

// Each benchmark compiles this module and uses what it needs of it.
#![allow(dead_code)]

use std::path::Path;

/// Size the large document grows to.
const LARGE_BYTES: usize = 100 * 1024;

/// A named input.
pub struct Input {
    pub name: String,
    pub bytes: Vec<u8>,
}

pub fn seeds() -> Vec<Input> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    paths
        .into_iter()
        .filter_map(|path| {
            let name = path.file_stem()?.to_string_lossy().into_owned();
            let bytes = std::fs::read(&path).ok()?;
            Some(Input { name, bytes })
        })
        .collect()
}

/// The seeds concatenated, alternately as written and with their lines reversed, until the
/// text reaches [`LARGE_BYTES`].
pub fn large(seeds: &[Input]) -> Input {
    let texts: Vec<String> = seeds
        .iter()
        .map(|seed| String::from_utf8_lossy(&seed.bytes).into_owned())
        .collect();
    let mut text = String::with_capacity(LARGE_BYTES + 20 * 1024);
    let mut round = 0;
    while text.len() < LARGE_BYTES && !texts.is_empty() {
        for seed in &texts {
            if round % 2 == 0 {
                text.push_str(seed);
            } else {
                for line in seed.lines().rev() {
                    text.push_str(line);
                    text.push('\n');
                }
            }
            text.push('\n');
            if text.len() >= LARGE_BYTES {
                break;
            }
        }
        round += 1;
    }
    Input {
        name: format!("large_{}k", text.len() / 1024),
        bytes: text.into_bytes(),
    }
}
