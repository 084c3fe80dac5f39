//! Finding the fields of a session file this version does not know, and
//! keeping them (see [`crate::extra`]).
//!
//! The session is read once, with every field that serde skips reported by
//! `serde_ignored`; only when there were some is the file read a second time
//! for their text, with each record's fields taken raw. So a file without
//! unknown fields costs what it always did.

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::annotation::Session;
use crate::extra::Extra;

/// One step of the path to a skipped field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// A field of a record.
    Key(String),
    /// An item of a list.
    Index(usize),
}

/// Reads a [`Session`], noting the path of every field it skips.
pub struct Watch<'a> {
    /// The skipped fields' paths.
    pub skipped: &'a mut Vec<Vec<Step>>,
}

impl<'de> DeserializeSeed<'de> for Watch<'_> {
    type Value = Session;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Session, D::Error> {
        serde_ignored::deserialize(deserializer, |path| self.skipped.push(steps(&path)))
    }
}

fn steps(path: &serde_ignored::Path<'_>) -> Vec<Step> {
    use serde_ignored::Path;
    let mut out = match path {
        Path::Root => return Vec::new(),
        Path::Seq { parent, .. }
        | Path::Map { parent, .. }
        | Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => steps(parent),
    };
    match path {
        Path::Seq { index, .. } => out.push(Step::Index(*index)),
        Path::Map { key, .. } => out.push(Step::Key(key.clone())),
        _ => {}
    }
    out
}

/// Every field of one record, as raw RON text.
#[derive(Default)]
struct Fields(Vec<(String, String)>);

impl<'de> serde::Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FieldsVisitor;
        impl<'de> Visitor<'de> for FieldsVisitor {
            type Value = Fields;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a record")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields, A::Error> {
                let mut fields = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    let value: Box<ron::value::RawValue> = map.next_value()?;
                    fields.push((key, value.trim().get_ron().to_owned()));
                }
                Ok(Fields(fields))
            }
        }
        deserializer.deserialize_struct("", &[], FieldsVisitor)
    }
}

/// The fields of a session and of its records, raw.
#[derive(Default)]
struct Shadow {
    top: Fields,
    document: Fields,
    actors: Vec<Fields>,
    concepts: Vec<Fields>,
    annotations: Vec<Fields>,
}

impl<'de> serde::Deserialize<'de> for Shadow {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ShadowVisitor;
        impl<'de> Visitor<'de> for ShadowVisitor {
            type Value = Shadow;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a session")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Shadow, A::Error> {
                let mut shadow = Shadow::default();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "document" => shadow.document = map.next_value()?,
                        "actors" => shadow.actors = map.next_value_seed(Records)?,
                        "concepts" => shadow.concepts = map.next_value_seed(Records)?,
                        "annotations" => shadow.annotations = map.next_value_seed(Records)?,
                        _ => {
                            let value: Box<ron::value::RawValue> = map.next_value()?;
                            shadow.top.0.push((key, value.trim().get_ron().to_owned()));
                        }
                    }
                }
                Ok(shadow)
            }
        }
        deserializer.deserialize_struct("Session", &[], ShadowVisitor)
    }
}

/// A list of records, raw.
struct Records;

impl<'de> DeserializeSeed<'de> for Records {
    type Value = Vec<Fields>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Vec<Fields>, D::Error> {
        struct RecordsVisitor;
        impl<'de> Visitor<'de> for RecordsVisitor {
            type Value = Vec<Fields>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a list of records")
            }
            fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<Vec<Fields>, S::Error> {
                let mut out = Vec::new();
                while let Some(fields) = seq.next_element::<Fields>()? {
                    out.push(fields);
                }
                Ok(out)
            }
        }
        deserializer.deserialize_seq(RecordsVisitor)
    }
}

/// Where a skipped field stands: which record keeps it.
enum Place {
    Top,
    Document,
    Actor(usize),
    Concept(usize),
    Annotation(usize),
}

fn place(path: &[Step]) -> Option<(Place, &str)> {
    match path {
        [Step::Key(k)] => Some((Place::Top, k)),
        [Step::Key(d), Step::Key(k)] if d == "document" => Some((Place::Document, k)),
        [Step::Key(list), Step::Index(i), Step::Key(k)] => match list.as_str() {
            "actors" => Some((Place::Actor(*i), k)),
            "concepts" => Some((Place::Concept(*i), k)),
            "annotations" => Some((Place::Annotation(*i), k)),
            _ => None,
        },
        _ => None,
    }
}

/// Puts the fields at `skipped` into the records of `session` that held
/// them, read raw from `text`. Returns the paths of fields no record can
/// keep (nested inside a field), which saving will refuse to drop.
pub fn keep(
    text: &str,
    options: &ron::Options,
    session: &mut Session,
    skipped: &[Vec<Step>],
) -> Vec<String> {
    let shadow: Option<Shadow> = options.from_str(text).ok();
    let mut unkept = Vec::new();
    for path in skipped {
        let found = shadow
            .as_ref()
            .zip(place(path))
            .and_then(|(shadow, (place, key))| {
                let (fields, extra) = match place {
                    Place::Top => (&shadow.top, &mut session.extra),
                    Place::Document => (&shadow.document, &mut session.document.extra),
                    Place::Actor(i) => {
                        (shadow.actors.get(i)?, &mut session.actors.get_mut(i)?.extra)
                    }
                    Place::Concept(i) => (
                        shadow.concepts.get(i)?,
                        &mut session.concepts.get_mut(i)?.extra,
                    ),
                    Place::Annotation(i) => (
                        shadow.annotations.get(i)?,
                        &mut session.annotations.get_mut(i)?.extra,
                    ),
                };
                let value = fields.0.iter().find(|(k, _)| k == key)?.1.clone();
                Some((extra, key.to_owned(), value))
            });
        match found {
            Some((extra, key, value)) => push(extra, key, value),
            None => unkept.push(describe(path)),
        }
    }
    unkept
}

fn push(extra: &mut Extra, key: String, value: String) {
    if !extra.0.iter().any(|(k, _)| k == &key) {
        extra.0.push((key, value));
    }
}

/// `annotations[3].target.priority`.
#[must_use]
pub fn describe(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}
