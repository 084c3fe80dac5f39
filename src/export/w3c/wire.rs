//! The JSON-LD shapes of Web Annotations, as typed serde structs: what
//! Randnotiz writes, and what it reads from its own files and other tools'.
//!
//! Reading is lenient, field by field: another tool's file may hold a field
//! in a shape this one does not expect (a number for a note, a string for a
//! body list), and that field is then left out, not the annotation. The
//! structs are read from a parsed [`serde_json::Value`], where a field that
//! fails to deserialize leaves the rest intact (see [`Lenient`]).

use std::borrow::Cow;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

// ---------------------------------------------------------------------------
// Out

/// An `AnnotationCollection` with its one page.
#[derive(Serialize)]
pub(super) struct CollectionOut<'a> {
    #[serde(rename = "@context")]
    pub context: &'static str,
    pub id: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub label: &'a str,
    pub total: usize,
    pub first: PageOut<'a>,
}

/// The collection's page.
#[derive(Serialize)]
pub(super) struct PageOut<'a> {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    #[serde(rename = "startIndex")]
    pub start_index: usize,
    pub items: Vec<AnnotationOut<'a>>,
}

/// One annotation.
#[derive(Serialize)]
pub(super) struct AnnotationOut<'a> {
    #[serde(rename = "@context")]
    pub context: &'static str,
    pub id: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub motivation: &'static str,
    pub label: &'a str,
    pub created: String,
    pub modified: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creator: Option<PersonOut<'a>>,
    pub body: Vec<BodyOut<'a>>,
    pub target: TargetOut<'a>,
    #[serde(
        rename = "randnotiz:statement",
        skip_serializing_if = "Option::is_none"
    )]
    pub statement: Option<StatementOut<'a>>,
}

/// Who made an annotation.
#[derive(Serialize)]
pub(super) struct PersonOut<'a> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub name: &'a str,
}

/// A body: text (a note, a tag, a class), or a resource (an actor's IRI).
#[derive(Serialize)]
#[serde(untagged)]
pub(super) enum BodyOut<'a> {
    Text(TextualBodyOut<'a>),
    Resource(SpecificResourceOut),
}

/// A `TextualBody`.
#[derive(Serialize)]
pub(super) struct TextualBodyOut<'a> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub value: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<&'static str>,
    pub purpose: &'static str,
}

/// A `SpecificResource` body.
#[derive(Serialize)]
pub(super) struct SpecificResourceOut {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub source: String,
    pub purpose: &'static str,
}

/// The target: the text, a quote and a position.
#[derive(Serialize)]
pub(super) struct TargetOut<'a> {
    pub source: String,
    pub selector: (QuoteSelectorOut<'a>, PositionSelectorOut),
}

/// A `TextQuoteSelector`.
#[derive(Serialize)]
pub(super) struct QuoteSelectorOut<'a> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub exact: &'a str,
    pub prefix: &'a str,
    pub suffix: &'a str,
}

/// A `TextPositionSelector` (code points).
#[derive(Serialize)]
pub(super) struct PositionSelectorOut {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub start: usize,
    pub end: usize,
}

/// A statement: who takes which stance on which concept.
#[derive(Serialize)]
pub(super) struct StatementOut<'a> {
    pub actor: String,
    pub concept: String,
    #[serde(rename = "conceptLabel")]
    pub concept_label: &'a str,
    pub stance: &'static str,
}

// ---------------------------------------------------------------------------
// In

/// One annotation as read: Randnotiz's own fields, the Web Annotation
/// model's, and the Hypothesis API's (`text`, `tags`, `user`).
#[derive(Default, Deserialize)]
#[serde(default)]
pub(super) struct AnnotationIn<'a> {
    #[serde(borrow)]
    pub id: Lenient<&'a str>,
    #[serde(borrow, rename = "bodyValue")]
    pub body_value: Lenient<&'a str>,
    #[serde(borrow)]
    pub text: Lenient<&'a str>,
    #[serde(borrow)]
    pub tags: OneOrMany<&'a str>,
    #[serde(borrow)]
    pub body: OneOrMany<BodyIn<'a>>,
    #[serde(borrow)]
    pub target: OneOrMany<TargetIn<'a>>,
    #[serde(borrow)]
    pub creator: Lenient<CreatorIn<'a>>,
    #[serde(borrow)]
    pub user: Lenient<&'a str>,
    #[serde(borrow)]
    pub created: Lenient<&'a str>,
    #[serde(borrow)]
    pub modified: Lenient<&'a str>,
    /// `super::STATEMENT_PROPERTY`.
    #[serde(borrow, rename = "randnotiz:statement")]
    pub statement: Lenient<StatementIn<'a>>,
}

/// A body as read.
#[derive(Default, Deserialize)]
#[serde(default)]
pub(super) struct BodyIn<'a> {
    #[serde(borrow)]
    pub purpose: Lenient<&'a str>,
    #[serde(borrow)]
    pub value: Lenient<&'a str>,
    #[serde(borrow)]
    pub source: Lenient<&'a str>,
}

/// Who made it: a name, or a person with one.
#[derive(Deserialize)]
#[serde(untagged)]
pub(super) enum CreatorIn<'a> {
    Name(&'a str),
    Person {
        #[serde(borrow, default)]
        name: Lenient<&'a str>,
    },
}

impl<'a> CreatorIn<'a> {
    /// The creator's name, if it has one.
    pub fn name(&self) -> Option<&'a str> {
        match self {
            Self::Name(name) => Some(name),
            Self::Person { name } => name.0,
        }
    }
}

/// A target as read.
#[derive(Default, Deserialize)]
#[serde(default)]
pub(super) struct TargetIn<'a> {
    #[serde(borrow)]
    pub selector: OneOrMany<SelectorIn<'a>>,
}

/// A selector as read; `refinedBy` holds selectors within this one.
#[derive(Default, Deserialize)]
#[serde(default)]
pub(super) struct SelectorIn<'a> {
    #[serde(borrow, rename = "type")]
    pub kind: Lenient<&'a str>,
    #[serde(borrow)]
    pub exact: Lenient<&'a str>,
    #[serde(borrow)]
    pub prefix: Lenient<&'a str>,
    #[serde(borrow)]
    pub suffix: Lenient<&'a str>,
    pub start: Lenient<u64>,
    pub end: Lenient<u64>,
    #[serde(borrow, rename = "refinedBy")]
    pub refined_by: OneOrMany<SelectorIn<'a>>,
}

/// A statement as read.
#[derive(Default, Deserialize)]
#[serde(default)]
pub(super) struct StatementIn<'a> {
    #[serde(borrow)]
    pub actor: Lenient<&'a str>,
    #[serde(borrow)]
    pub concept: Lenient<&'a str>,
    #[serde(borrow, rename = "conceptLabel")]
    pub concept_label: Lenient<&'a str>,
    #[serde(borrow)]
    pub stance: Lenient<&'a str>,
}

/// A field read if it has the expected shape, `None` if it is missing or
/// has another.
///
/// Read from a [`serde_json::Value`], each field is a value of its own, so a
/// failed attempt consumes nothing its neighbours need; that is the only
/// way these structs are read.
#[derive(Debug)]
pub(super) struct Lenient<T>(pub Option<T>);

impl<T> Default for Lenient<T> {
    fn default() -> Self {
        Self(None)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Self(T::deserialize(deserializer).ok()))
    }
}

/// A list that may be written as one object, as the Web Annotation model
/// allows (`"body": {…}` or `"body": [{…}, …]`). Elements of another shape
/// are left out; anything but an array or an object is an empty list.
#[derive(Debug)]
pub(super) struct OneOrMany<T>(pub Vec<T>);

impl<T> Default for OneOrMany<T> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for OneOrMany<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Items<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for Items<T> {
            type Value = OneOrMany<T>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an array or an object")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::new();
                while let Some(Lenient(item)) = seq.next_element::<Lenient<T>>()? {
                    items.extend(item);
                }
                Ok(OneOrMany(items))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let one = T::deserialize(de::value::MapAccessDeserializer::new(&mut map)).ok();
                // What an element of another shape left unread: the caller
                // wants the whole object read.
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(OneOrMany(one.into_iter().collect()))
            }

            // Any other shape is no list: nothing in it.
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
                Ok(OneOrMany::default())
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
                Ok(OneOrMany::default())
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
                Ok(OneOrMany::default())
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
                Ok(OneOrMany::default())
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
                Ok(OneOrMany::default())
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(OneOrMany::default())
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(OneOrMany::default())
            }
        }

        deserializer.deserialize_any(Items(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_of_another_shape_is_left_out_and_its_neighbours_read() {
        let value = serde_json::json!({
            "id": 7,
            "text": "Notiz",
            "tags": { "not": "a list" },
            "body": [
                "a string",
                { "purpose": 3, "value": "Kommentar" },
                { "purpose": "tagging", "value": "Tokajew" }
            ],
            "creator": { "name": ["Anna"] },
            "user": "acct:anna@hypothes.is",
            "target": {
                "selector": [
                    { "type": "TextQuoteSelector", "exact": "Almaty", "prefix": 3 },
                    { "type": "TextPositionSelector", "start": -1, "end": 5.5,
                      "refinedBy": { "type": "TextQuoteSelector", "exact": "y" } }
                ]
            },
            "randnotiz:statement": "not an object"
        });
        let item = AnnotationIn::deserialize(&value).expect("an object always reads");
        assert!(item.id.0.is_none());
        assert_eq!(item.text.0, Some("Notiz"));
        assert!(item.tags.0.is_empty());
        assert_eq!(item.body.0.len(), 2, "the string is no body");
        assert!(item.body.0[0].purpose.0.is_none());
        assert_eq!(item.body.0[0].value.0, Some("Kommentar"));
        assert_eq!(item.body.0[1].purpose.0, Some("tagging"));
        assert!(item.creator.0.as_ref().and_then(CreatorIn::name).is_none());
        assert_eq!(item.user.0, Some("acct:anna@hypothes.is"));
        let selectors = &item.target.0[0].selector.0;
        assert_eq!(selectors[0].exact.0, Some("Almaty"));
        assert!(selectors[0].prefix.0.is_none());
        assert!(selectors[1].start.0.is_none() && selectors[1].end.0.is_none());
        assert_eq!(selectors[1].refined_by.0[0].exact.0, Some("y"));
        assert!(item.statement.0.is_none());
    }
}
