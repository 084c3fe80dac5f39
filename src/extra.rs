//! Fields of a session file that this version of Randnotiz does not know.
//!
//! A newer version, another tool or the user may add a field to a record
//! (`priority: 5` in an annotation, `my_notes: "…"` at the top). Such a file
//! still opens, and the fields go back into the file on every save, exactly
//! as they were written, in the record they stood in: nothing a file held is
//! dropped because this version cannot show it. They are kept as RON text,
//! not interpreted.

/// Unknown fields of one record, in file order: name and RON text of the
/// value.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Extra(pub Vec<(String, String)>);

impl Extra {
    /// True when the record had no unknown fields.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The fields, name and RON text.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// How many fields.
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }
}
