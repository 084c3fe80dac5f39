//! English.

use super::Strings;

/// The English texts.
pub static STRINGS: Strings = Strings {
    section_lead: "Opening",
    section_untitled: "Untitled section",
    untitled_document: "Untitled",

    kind_person: "Person",
    kind_organisation: "Organisation",
    kind_state: "State",
    kind_group: "Group",
    kind_other: "Other",

    colour_yellow: "Yellow",
    colour_green: "Green",
    colour_blue: "Blue",
    colour_red: "Red",
    colour_purple: "Purple",
    colour_orange: "Orange",
    colour_pink: "Pink",
    colour_grey: "Grey",
    meaning_yellow: "Important",
    meaning_green: "Evidence, source",
    meaning_blue: "Statement by an actor",
    meaning_red: "Doubt, contradiction",
    meaning_purple: "Action by an actor",
    meaning_orange: "Check figure or fact",
    meaning_pink: "Judgement, framing",
    meaning_grey: "Background",

    err_not_found: "There is no such file. Check the path. ({path})",
    err_permission: "No permission to read the file. Check its access rights. ({path})",
    err_is_directory: "This is a folder, not a file. Choose a file inside it. ({path})",
    err_too_large: "The file is too large at {size} (at most {limit}). Split the text. ({path})",
    err_io_read: "The file could not be read: {error}. ({path})",
    err_empty_text: "The file is empty.",
    err_binary_text: "The file is not text but binary data (an image, archive, program?). Open a text or Markdown file.",
    err_not_text: "The text cannot be opened: {why} ({path})",
    notice_encoding: "The file was not saved as UTF-8 and was read as {encoding}. Check accented letters and quotes.",

    err_session_not_text: "The session file is not text (binary data?). Open a .ron file saved by Randnotiz. ({path})",
    err_not_a_session: "This file is not a Randnotiz session. Open texts as .txt or .md, sessions as .ron. ({path})",
    err_session_syntax: "The session file is damaged: line {line}, column {col}: {what}. Fix that place in a text editor or open the backup (.bak) beside it. ({path})",
    err_session_too_deep: "The session file is nested impossibly deep (line {line}, column {col}) and is not read. ({path})",
    err_session_newer: "This session has format {found}; this version of Randnotiz reads up to format {supported}. Update Randnotiz. ({path})",
    err_document_missing: "The text \"{title}\" of this session was not found (expected: {expected}). Put it there or name it explicitly. ({path})",

    err_save_is_directory: "A folder is in the way; nothing was saved. Choose a file name. ({path})",
    err_save_foreign: "A file that is not a Randnotiz session is in the way; it is not overwritten. Choose another name. ({path})",
    err_save_no_folder: "The folder does not exist; nothing was saved. Choose an existing folder. ({path})",
    err_save_permission: "No permission to write; the previous file is unchanged. Save somewhere else. ({path})",
    err_save_read_only: "The drive is read-only; the previous file is unchanged. Save somewhere else. ({path})",
    err_save_disk_full: "The disk is full; the previous file is unchanged. Free some space or save elsewhere. ({path})",
    err_save_io: "Saving failed: {error}. The previous file is unchanged. ({path})",

    err_no_annotation: "Annotation {id} does not exist (any more).",
    err_no_actor: "Actor {id} does not exist (any more).",
    err_duplicate_id: "The id {id} is taken.",

    repair_duplicate_actor: "The actor id {id} occurred twice; the second is now {new}.",
    repair_duplicate_annotation: "The annotation id {id} occurred twice; the second is now {new}.",
    repair_unknown_actor: "Actor {id} was used but not listed; it has been added.",
    repair_repeated_actor: "Annotation {id} named an actor twice; once is enough.",
    repair_reversed_range: "Annotation {id} had start and end swapped; corrected.",
    report_summary: "{anchored} anchored, {moved} moved, {orphaned} orphaned",
    notice_text_changed: "The text has changed since the session was saved. Moved annotations are marked for review.",
    notice_text_different: "This is another text than \"{title}\", which this session belongs to. The annotations are not scattered over it but kept as orphans.",

    cli_hint_text: "Name the text with --text FILE.",
    cli_session: "Session: {path}",
    cli_text: "Text:    {title} ({chars} chars)",
    cli_read_actors: "actor list {path}",
    cli_strict_orphans: "{orphaned} annotations are orphaned (--strict).",
};
