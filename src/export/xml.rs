//! XML out, through quick-xml: elements opened and closed in order, two
//! spaces of indentation, every attribute value and text escaped by
//! quick-xml once the chars XML 1.0 cannot hold are dropped.

use std::borrow::Cow;

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

/// An XML document being written into memory.
pub(super) struct Xml {
    writer: quick_xml::Writer<Vec<u8>>,
}

impl Xml {
    /// A document that starts with the XML declaration (UTF-8).
    pub(super) fn new() -> Self {
        let mut xml = Self {
            writer: quick_xml::Writer::new_with_indent(Vec::new(), b' ', 2),
        };
        xml.put(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)));
        xml
    }

    /// Opens an element; close it with [`Xml::close`].
    pub(super) fn open(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.put(Event::Start(start(name, attributes)));
    }

    /// An element without content.
    pub(super) fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.put(Event::Empty(start(name, attributes)));
    }

    /// An element holding only text.
    pub(super) fn text(&mut self, name: &str, attributes: &[(&str, &str)], text: &str) {
        self.open(name, attributes);
        self.put(Event::Text(BytesText::new(&legal(text))));
        self.close(name);
    }

    /// Closes the element opened last.
    pub(super) fn close(&mut self, name: &str) {
        self.put(Event::End(BytesEnd::new(name)));
    }

    /// The document's text, ended by a line break.
    pub(super) fn finish(self) -> String {
        let mut bytes = self.writer.into_inner();
        bytes.push(b'\n');
        // Every name, value and text was a `&str`; quick-xml adds ASCII.
        String::from_utf8(bytes).unwrap_or_else(|err| unreachable!("XML of strings: {err}"))
    }

    fn put(&mut self, event: Event<'_>) {
        // Writing into memory cannot fail: quick-xml's only errors here are
        // the writer's I/O errors.
        if let Err(err) = self.writer.write_event(event) {
            unreachable!("XML into memory: {err}");
        }
    }
}

fn start<'a>(name: &'a str, attributes: &[(&str, &str)]) -> BytesStart<'a> {
    let mut start = BytesStart::new(name);
    for (key, value) in attributes {
        start.push_attribute((*key, legal(value).as_ref()));
    }
    start
}

/// `text` without the chars XML 1.0 cannot hold (controls other than tab and
/// line breaks, U+FFFE, U+FFFF): quick-xml escapes markup, not these.
fn legal(text: &str) -> Cow<'_, str> {
    let illegal = |c: char| {
        (u32::from(c) < 0x20 && !matches!(c, '\t' | '\n' | '\r'))
            || matches!(c, '\u{fffe}' | '\u{ffff}')
    };
    if text.contains(illegal) {
        text.chars()
            .filter(|&c| !illegal(c))
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_illegal_chars_cannot_break_the_document() {
        let mut xml = Xml::new();
        xml.open("a", &[("name", "\"x\" & <y>\u{1}")]);
        xml.text("b", &[], "</a><c>&amp;\u{0}\u{ffff} ok");
        xml.close("a");
        let text = xml.finish();
        assert_eq!(
            text,
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
             <a name=\"&quot;x&quot; &amp; &lt;y&gt;\">\n  \
             <b>&lt;/a&gt;&lt;c&gt;&amp;amp; ok</b>\n\
             </a>\n"
        );
    }
}
