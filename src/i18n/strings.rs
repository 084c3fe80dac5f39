//! The table of strings: one field per text a user reads.
//!
//! The macro defines the struct and a list of all fields, so tests can check
//! that every language fills every template with the same placeholders.

macro_rules! strings {
    ($($(#[doc = $doc:literal])+ $name:ident,)*) => {
        /// Every user-visible text of one language.
        #[derive(Debug)]
        pub struct Strings {
            $($(#[doc = $doc])+ pub $name: &'static str,)*
        }

        impl Strings {
            /// All texts with their field names, in declaration order.
            #[must_use]
            pub fn templates(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($name), self.$name),)*]
            }
        }
    };
}

strings! {
    /// Outline label of the section holding the lead.
    section_lead,
    /// Outline label of a section without heading.
    section_untitled,
    /// Title of a text without one.
    untitled_document,

    /// Actor kind.
    kind_person,
    /// Actor kind.
    kind_organisation,
    /// Actor kind.
    kind_state,
    /// Actor kind.
    kind_group,
    /// Actor kind.
    kind_other,

    /// Colour name.
    colour_yellow,
    /// Colour name.
    colour_green,
    /// Colour name.
    colour_blue,
    /// Colour name.
    colour_red,
    /// Colour name.
    colour_purple,
    /// Colour name.
    colour_orange,
    /// Colour name.
    colour_pink,
    /// Colour name.
    colour_grey,
    /// Default meaning of a colour.
    meaning_yellow,
    /// Default meaning of a colour.
    meaning_green,
    /// Default meaning of a colour.
    meaning_blue,
    /// Default meaning of a colour.
    meaning_red,
    /// Default meaning of a colour.
    meaning_purple,
    /// Default meaning of a colour.
    meaning_orange,
    /// Default meaning of a colour.
    meaning_pink,
    /// Default meaning of a colour.
    meaning_grey,

    /// {path}
    err_not_found,
    /// {path}
    err_permission,
    /// {path}
    err_is_directory,
    /// {size} {limit} {path}
    err_too_large,
    /// {error} {path}
    err_io_read,
    /// Empty text file.
    err_empty_text,
    /// Binary file opened as text.
    err_binary_text,
    /// {why} {path}
    err_not_text,
    /// Encoding notice: {encoding}
    notice_encoding,

    /// {path}
    err_session_not_text,
    /// {path}
    err_not_a_session,
    /// {line} {col} {what} {path}
    err_session_syntax,
    /// {line} {col} {path}
    err_session_too_deep,
    /// {found} {supported} {path}
    err_session_newer,
    /// {title} {expected} {path}
    err_document_missing,

    /// {path}
    err_save_is_directory,
    /// {path}
    err_save_foreign,
    /// {path}
    err_save_no_folder,
    /// {path}
    err_save_permission,
    /// {path}
    err_save_read_only,
    /// {path}
    err_save_disk_full,
    /// {error} {path}
    err_save_io,

    /// {id}
    err_no_annotation,
    /// {id}
    err_no_actor,
    /// {id}
    err_duplicate_id,

    /// {id} {new}
    repair_duplicate_actor,
    /// {id} {new}
    repair_duplicate_annotation,
    /// {id}
    repair_unknown_actor,
    /// {id}
    repair_repeated_actor,
    /// {id}
    repair_reversed_range,
    /// {anchored} {moved} {orphaned}
    report_summary,
    /// The text differs from the one the session was made on.
    notice_text_changed,
    /// {title}
    notice_text_different,

    /// Command line: what to do when the session's text is missing.
    cli_hint_text,
    /// Command line: {path}
    cli_session,
    /// Command line: {title} {chars}
    cli_text,
    /// Command line: {path}
    cli_read_actors,
    /// Command line, `check --strict`: {orphaned}
    cli_strict_orphans,
}
