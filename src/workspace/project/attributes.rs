//! Attributes from a spreadsheet: a CSV whose first column names documents
//! (by file name or id) and whose other columns are attributes, the header
//! row giving their names. What a study keeps in a table beside its
//! articles ("Ressort", "Tendenz", a sample's stratum) comes in at once
//! instead of cell by cell in the window.
//!
//! A row's first cell is matched against the documents' ids, then the file
//! names of their texts (a path in the cell counts by its file name), then
//! the file name without its extension against the ids (a text copied in is
//! named after its id), each first exactly, then case aside. A row that
//! matches no document, or several, is reported and left out. An empty cell
//! leaves the document's value as it is: nothing is lost by a sparse
//! sheet. Spreadsheets in German locales write `;` between cells, so the
//! separator is whichever of `,`, `;` and tab the header row holds most of;
//! a file that is not UTF-8 is read as Windows-1252, which such spreadsheets
//! write.

use std::path::{Path, PathBuf};

use super::Project;
use crate::fsio::{self, ReadError, SaveError};
use crate::i18n::{fill, tr_co};
use crate::storage::Entry;

/// The largest attribute table read: far more than 100 000 rows.
pub const MAX_TABLE_BYTES: u64 = 64 * 1024 * 1024;

/// What reading attributes did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AttributesReport {
    /// The attribute columns read, in the file's order.
    pub columns: Vec<String>,
    /// Documents that got at least one value.
    pub documents: usize,
    /// Values set (changed or new).
    pub values: usize,
    /// Rows that match no document: (line, first cell).
    pub unmatched: Vec<(u64, String)>,
    /// Rows that match several documents: (line, first cell, their ids).
    pub ambiguous: Vec<(u64, String, Vec<String>)>,
    /// What else to say (the encoding guessed, columns without a name).
    pub notices: Vec<String>,
}

impl AttributesReport {
    /// One line per thing to say: the rows passed over, then the summary.
    #[must_use]
    pub fn lines(&self) -> Vec<String> {
        let t = tr_co();
        let mut lines = self.notices.clone();
        for (line, name) in &self.unmatched {
            lines.push(fill(
                t.attributes_unmatched,
                &[("line", line), ("name", name)],
            ));
        }
        for (line, name, ids) in &self.ambiguous {
            lines.push(fill(
                t.attributes_ambiguous,
                &[("line", line), ("name", name), ("ids", &ids.join(", "))],
            ));
        }
        lines.push(fill(
            t.attributes_summary,
            &[
                ("values", &self.values),
                ("documents", &self.documents),
                ("columns", &self.columns.join(", ")),
            ],
        ));
        lines
    }
}

/// Why attributes could not be read.
#[derive(Debug, thiserror::Error)]
pub enum AttributesError {
    /// The file could not be read.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// The CSV does not parse.
    #[error("{}", fill(tr_co().err_attributes_csv, &[("line", line), ("why", why), ("path", &path.display())]))]
    Csv {
        /// The line where it broke.
        line: u64,
        /// What the CSV reader said.
        why: String,
        /// The file.
        path: PathBuf,
    },
    /// The header row names no attribute column.
    #[error("{}", fill(tr_co().err_attributes_no_columns, &[("path", &path.display())]))]
    NoColumns {
        /// The file.
        path: PathBuf,
    },
    /// The project file could not be written.
    #[error(transparent)]
    Save(#[from] SaveError),
}

/// The separator the header row holds most of: `,`, `;` or tab.
fn separator(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&c| (header.bytes().filter(|&b| b == c).count(), c == b','))
        .unwrap_or(b',')
}

/// The last part of a path, whichever slashes it uses.
fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// The file name of `entry`'s text.
fn text_name(entry: &Entry) -> &str {
    entry
        .source
        .path
        .as_deref()
        .map(file_name)
        .unwrap_or_default()
}

/// How a row's first cell may name a document, tried in this order.
#[derive(Clone, Copy)]
enum By {
    /// The document's id.
    Id,
    /// The file name of its text.
    FileName,
    /// The file name without its extension, as the id.
    Stem,
}

/// Whether `cell` names `entry` the way `by` says.
fn fits(entry: &Entry, cell: &str, by: By, exact: bool) -> bool {
    let name = file_name(cell);
    match by {
        By::Id => same(&entry.id, cell, exact),
        By::FileName => same(text_name(entry), name, exact),
        By::Stem => {
            let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
            same(&entry.id, stem, exact)
        }
    }
}

/// The documents `cell` names (see the module's text).
fn matching(documents: &[Entry], cell: &str) -> Vec<usize> {
    for exact in [true, false] {
        for by in [By::Id, By::FileName, By::Stem] {
            let found: Vec<usize> = documents
                .iter()
                .enumerate()
                .filter(|(_, e)| fits(e, cell, by, exact))
                .map(|(i, _)| i)
                .collect();
            if !found.is_empty() {
                return found;
            }
        }
    }
    Vec::new()
}

fn same(a: &str, b: &str, exact: bool) -> bool {
    !b.is_empty() && (a == b || (!exact && a.to_lowercase() == b.to_lowercase()))
}

impl Project {
    /// Reads attributes from the CSV file at `path` and sets them on the
    /// documents (see the module's text), then saves the project file.
    ///
    /// # Errors
    /// An [`AttributesError`]; the project is then unchanged.
    pub fn import_attributes(&mut self, path: &Path) -> Result<AttributesReport, AttributesError> {
        let bytes = fsio::read_limited(path, MAX_TABLE_BYTES)?;
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        let mut notices = Vec::new();
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(_) => {
                notices.push(fill(
                    tr_co().attributes_not_utf8,
                    &[("path", &path.display())],
                ));
                encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned()
            }
        };
        let mut report = self.set_attributes(&text, path)?;
        report.notices.splice(0..0, notices);
        Ok(report)
    }

    /// [`Project::import_attributes`] on the CSV's text (`path` names it
    /// in messages).
    ///
    /// # Errors
    /// As [`Project::import_attributes`].
    pub fn set_attributes(
        &mut self,
        text: &str,
        path: &Path,
    ) -> Result<AttributesReport, AttributesError> {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(separator(text))
            .has_headers(false)
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let bad = |e: &csv::Error| AttributesError::Csv {
            line: e.position().map_or(0, csv::Position::line),
            why: e.to_string(),
            path: path.to_path_buf(),
        };
        let mut records = reader.records();
        let header = match records.next() {
            Some(Ok(header)) => header,
            Some(Err(e)) => return Err(bad(&e)),
            None => {
                return Err(AttributesError::NoColumns {
                    path: path.to_path_buf(),
                });
            }
        };
        let mut report = AttributesReport::default();
        // (column, name) of every named column after the first.
        let mut columns: Vec<(usize, String)> = Vec::new();
        for (k, name) in header.iter().enumerate().skip(1) {
            if name.is_empty() {
                report.notices.push(fill(
                    tr_co().attributes_unnamed_column,
                    &[("column", &(k + 1))],
                ));
            } else {
                columns.push((k, name.to_owned()));
            }
        }
        if columns.is_empty() {
            return Err(AttributesError::NoColumns {
                path: path.to_path_buf(),
            });
        }
        let mut documents = self.file.documents.clone();
        let mut touched = vec![false; documents.len()];
        for record in records {
            let record = record.map_err(|e| bad(&e))?;
            let line = record.position().map_or(0, csv::Position::line);
            let cell = record.get(0).unwrap_or_default();
            if record.iter().all(str::is_empty) {
                continue;
            }
            let index = match matching(&documents, cell).as_slice() {
                [] => {
                    report.unmatched.push((line, cell.to_owned()));
                    continue;
                }
                [one] => *one,
                several => {
                    let ids = several.iter().map(|&i| documents[i].id.clone()).collect();
                    report.ambiguous.push((line, cell.to_owned(), ids));
                    continue;
                }
            };
            for (k, name) in &columns {
                let value = record.get(*k).unwrap_or_default();
                if value.is_empty() {
                    continue;
                }
                let attributes = &mut documents[index].attributes;
                if attributes.get(name).map(String::as_str) != Some(value) {
                    attributes.insert(name.clone(), value.to_owned());
                    report.values += 1;
                    touched[index] = true;
                }
            }
        }
        report.documents = touched.iter().filter(|t| **t).count();
        report.columns = columns.into_iter().map(|(_, name)| name).collect();
        let before = (self.file.documents.clone(), self.file.attributes.clone());
        self.file.documents = documents;
        for name in &report.columns {
            if !self.file.attributes.contains(name) {
                self.file.attributes.push(name.clone());
            }
        }
        self.revision = crate::workspace::fresh_revision();
        if let Err(e) = self.save_registry() {
            // Unchanged, as the file on disk is.
            (self.file.documents, self.file.attributes) = before;
            return Err(e.into());
        }
        Ok(report)
    }
}
