//! A corpus of many speech files made from a few seed texts, each varied a little, for
//! benchmarks and tests of batch runs: nested folders, swapped paragraphs, changed indentation,
//! and some files re-encoded as GB18030.
//!
//! The variations are drawn from a seeded generator, so the same options give the same corpus.

use std::path::{Path, PathBuf};

/// How to make a corpus.
#[derive(Debug, Clone)]
pub struct CorpusOptions {
    /// How many files.
    pub files: usize,
    /// Files per leaf folder; leaf folders are grouped by ten under a parent folder.
    pub files_per_folder: usize,
    /// Every n-th file is encoded as GB18030 (0: none).
    pub gb18030_every: usize,
    /// Seed of the variations.
    pub seed: u64,
}

impl Default for CorpusOptions {
    fn default() -> Self {
        Self {
            files: 100,
            files_per_folder: 50,
            gb18030_every: 5,
            seed: 0x6a69_616e_6768_7561,
        }
    }
}

/// A seed text and the name it lends to its variants.
#[derive(Debug, Clone)]
pub struct SeedText {
    /// A short name (the seed's file stem).
    pub name: String,
    /// The text.
    pub text: String,
}

/// Reads the UTF-8 `.txt` files among `paths` (folders are listed, not walked) as seeds, sorted
/// by path.
pub fn read_seeds(paths: &[PathBuf]) -> std::io::Result<Vec<SeedText>> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            for entry in std::fs::read_dir(path)? {
                files.push(entry?.path());
            }
        } else {
            files.push(path.clone());
        }
    }
    files.retain(|file| file.extension().is_some_and(|e| e == "txt"));
    files.sort();
    let mut seeds = Vec::new();
    for file in files {
        let Ok(text) = String::from_utf8(std::fs::read(&file)?) else {
            continue;
        };
        let name = file
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default();
        seeds.push(SeedText { name, text });
    }
    Ok(seeds)
}

/// Writes `options.files` variants of `seeds` under `out`, nested two folders deep
/// (`out/00/000/00000-NAME.txt`), and returns their paths.
pub fn make_corpus(
    seeds: &[SeedText],
    out: &Path,
    options: &CorpusOptions,
) -> std::io::Result<Vec<PathBuf>> {
    let mut rng = fastrand::Rng::with_seed(options.seed);
    let per_folder = options.files_per_folder.max(1);
    let mut written = Vec::with_capacity(options.files);
    if seeds.is_empty() {
        return Ok(written);
    }
    for index in 0..options.files {
        let Some(seed) = seeds.get(index % seeds.len()) else {
            break;
        };
        let text = vary(&seed.text, &mut rng);
        let gb18030 = options.gb18030_every > 0 && index % options.gb18030_every == 0;
        let bytes = if gb18030 {
            encoding_rs::GB18030.encode(&text).0.into_owned()
        } else {
            text.into_bytes()
        };
        let leaf = index / per_folder;
        let folder = out
            .join(format!("{:02}", leaf / 10))
            .join(format!("{leaf:03}"));
        std::fs::create_dir_all(&folder)?;
        let path = folder.join(format!("{index:05}-{}.txt", seed.name));
        std::fs::write(&path, bytes)?;
        written.push(path);
    }
    Ok(written)
}

/// A variant of `text`: a few adjacent body paragraphs swapped (never the first lines, where
/// the title and byline are), some paragraphs indented with full-width spaces or not, and
/// sometimes an extra blank line.
pub fn vary(text: &str, rng: &mut fastrand::Rng) -> String {
    let mut lines: Vec<&str> = text.lines().collect();
    let first_body_line = lines.len() / 4;
    let swappable = lines.len().saturating_sub(first_body_line + 1);
    if swappable > 1 {
        for _ in 0..rng.usize(0..3) {
            let at = first_body_line + rng.usize(0..swappable);
            if at + 1 < lines.len() {
                lines.swap(at, at + 1);
            }
        }
    }
    let mut varied = String::with_capacity(text.len() + lines.len() * 8);
    for line in lines {
        let content = line.trim_start_matches([' ', '\u{3000}']);
        match rng.u8(0..10) {
            0 => varied.push_str("\u{3000}\u{3000}"),
            1 => varied.push_str("    "),
            _ => varied.push_str(line.strip_suffix(content).unwrap_or_default()),
        }
        varied.push_str(content);
        varied.push('\n');
        if rng.u8(0..20) == 0 {
            varied.push('\n');
        }
    }
    varied
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_keep_every_paragraph() {
        let text = "标题\n同志们：\n一、甲。\n二、乙。\n三、丙。\n四、丁。\n谢谢大家！\n";
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..20 {
            let varied = vary(text, &mut rng);
            let mut before: Vec<&str> = text.lines().collect();
            let mut after: Vec<&str> = varied
                .lines()
                .map(|l| l.trim_start_matches([' ', '\u{3000}']))
                .filter(|l| !l.is_empty())
                .collect();
            before.sort_unstable();
            after.sort_unstable();
            assert_eq!(before, after);
            assert!(varied.starts_with("标题") || varied.trim_start().starts_with("标题"));
        }
    }
}
