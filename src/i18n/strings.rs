//! The table of strings: one field per text a user reads.
//!
//! The macro (in the module above) defines the struct and a list of all
//! fields, so tests can check that every language fills every template with
//! the same placeholders.

strings! {
    Strings;
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
    /// Reading: {path} is a pipe, a device or a system file.
    err_not_regular,
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
    /// {n}
    notice_broken_utf8,
    /// Notice: UTF-16 with {n} broken characters.
    notice_broken_utf16,

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
    /// Open: the text at {found} is not the one of session {path} ({title}).
    err_text_differs,

    /// {path}
    err_save_is_directory,
    /// {path}
    err_save_foreign,
    /// Saving: {path} is a pipe or device.
    err_save_not_regular,
    /// {path}
    err_save_no_folder,
    /// {path}
    err_save_permission,
    /// {path}
    err_save_read_only,
    /// Saving: the file itself is read-only.
    err_save_file_read_only,
    /// Saving: {owner} owner would change.
    err_save_owner,
    /// Saving: {path} changed on disk since read.
    err_save_changed_on_disk,
    /// Saving: fields that would be lost ({fields} {path}).
    err_save_would_drop,
    /// Saving: the backup {backup} cannot be written ({error}).
    err_save_backup,
    /// Merging from disk: the file now holds a session on another text ({title} {path}).
    err_disk_other_text,
    /// Locked: {path} open in a window {pid} {since} {what}.
    err_locked_by_window,
    /// Locked: {path} being written by {what} {pid} {since}.
    err_locked_by_command,
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
    /// Session repair: {what} {id} name of {n} chars cut to {max}.
    repair_long_name,
    /// Session repair: {n} aliases of actor {id} longer than {max} chars set apart.
    repair_long_alias,
    /// Load: {n} unknown fields kept ({fields}).
    notice_unknown_kept,
    /// Load: unknown fields that cannot be kept ({fields}).
    notice_unknown_unkept,
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

    /// Menu action.
    action_open,
    /// Menu action.
    action_save,
    /// Menu action.
    action_save_as,
    /// Menu action.
    action_quit,
    /// Menu action.
    action_undo,
    /// Menu action.
    action_redo,
    /// Menu action.
    action_find,
    /// Menu action.
    action_next_section,
    /// Menu action.
    action_previous_section,
    /// Menu action.
    action_continuous,
    /// Menu action.
    action_zoom_in,
    /// Menu action.
    action_zoom_out,
    /// Menu action.
    action_dark,
    /// Menu action.
    action_delete,
    /// Menu action.
    action_escape,
    /// Menu action.
    action_copy,
    /// Hover text of an action.
    tip_open,
    /// Hover text of an action.
    tip_save,
    /// Hover text of an action.
    tip_save_as,
    /// Hover text of an action.
    tip_import_w3c,
    /// Hover text of an action.
    tip_quit,
    /// Hover text of an action.
    tip_undo,
    /// Hover text of an action.
    tip_redo,
    /// Hover text of an action.
    tip_find,
    /// Hover text of an action.
    tip_next_section,
    /// Hover text of an action.
    tip_previous_section,
    /// Hover text of an action.
    tip_continuous,
    /// Hover text of an action.
    tip_zoom_in,
    /// Hover text of an action.
    tip_zoom_out,
    /// Hover text of an action.
    tip_dark,
    /// Hover text of an action.
    tip_delete,
    /// Hover text of an action.
    tip_escape,
    /// Hover text of an action.
    tip_copy,
    /// Hover text of an action.
    tip_agreement,
    /// Hover text of an action.
    tip_stats,
    /// Hover text of an action.
    tip_shortcuts,
    /// Menu.
    menu_file,
    /// Menu.
    menu_recent,
    /// Menu.
    menu_export,
    /// Menu.
    menu_import_w3c,
    /// Dialog.
    dialog_import_title,
    /// {path}
    exported,
    /// {n} {path}
    imported,
    /// Menu.
    menu_edit,
    /// Menu.
    menu_view,
    /// Menu.
    menu_help,
    /// Menu.
    recent_none,
    /// Menu.
    serif_font,
    /// Menu.
    serif_missing,
    /// View menu: the size of the interface.
    ui_scale,
    /// View menu: what the interface size does.
    ui_scale_help,
    /// Menu.
    language,
    /// Menu and window title.
    help_shortcuts,
    /// Shortcut table.
    shortcut_colours,
    /// Help menu.
    dialog_help,
    /// {annotations} {actors} {orphans}
    status_counts,
    /// Status line.
    status_unsaved,
    /// {date}
    header_date,
    /// {stand}
    header_stand,
    /// {i} {n} {label}
    section_position,
    /// Reader.
    empty_view,
    /// Outline.
    outline_title,
    /// {n} {count}
    outline_tooltip,
    /// Actor panel.
    actors_title,
    /// {mentions} {annotations} {kind}
    actor_tooltip,
    /// Actor panel.
    actor_counts_help,
    /// Actor panel.
    new_actor_hint,
    /// Actor panel.
    add_actor,
    /// Actor editor.
    actor_name,
    /// Actor editor.
    actor_kind,
    /// Actor editor.
    actor_aliases,
    /// Actor editor.
    actor_aliases_help,
    /// Actor editor.
    actor_colour,
    /// Actor editor.
    actor_note,
    /// Actor editor.
    actor_note_hint,
    /// Actor editor.
    open_dossier,
    /// Actor editor.
    mark_mentions,
    /// Actor editor.
    mark_mentions_help,
    /// {n}
    mentions_marked,
    /// Notice.
    mentions_all_marked,
    /// Actor editor.
    delete_actor,
    /// Actor editor.
    delete_actor_help,
    /// {name}
    dossier_title,
    /// {aliases}
    dossier_aliases,
    /// {mentions} {annotations}
    dossier_counts,
    /// Dossier.
    dossier_passages,
    /// Dossier.
    dossier_empty,
    /// Dossier.
    dossier_jump,
    /// Sidebar.
    sidebar_title,
    /// Sidebar.
    scope_section,
    /// Sidebar.
    scope_all,
    /// Sidebar.
    filter_hint,
    /// Sidebar.
    filtered_by_actor,
    /// Sidebar.
    clear_actor_filter,
    /// Sidebar.
    only_moved,
    /// {shown} {total}
    list_count,
    /// {n}
    orphans_title,
    /// Sidebar.
    orphans_help,
    /// {id}
    focused_title,
    /// Badge.
    badge_moved,
    /// Badge.
    badge_changed,
    /// Badge.
    badge_orphaned,
    /// Sidebar.
    moved_help,
    /// {from} {to}
    moved_from,
    /// Sidebar.
    confirm_moved,
    /// {prefix} {suffix}
    orphan_context,
    /// Sidebar.
    reattach,
    /// Sidebar.
    reattach_help,
    /// Sidebar.
    reattach_disabled,
    /// Sidebar.
    close_editor,
    /// Sidebar.
    extent,
    /// Sidebar.
    extent_start_earlier,
    /// Sidebar.
    extent_start_later,
    /// Sidebar.
    extent_end_earlier,
    /// Sidebar.
    extent_end_later,
    /// {name} {meaning} {key}
    colour_tooltip,
    /// {name}
    filter_colour,
    /// {name}
    remove_actor_tooltip,
    /// Toolbar.
    actor_picker_hint,
    /// {name}
    actor_create,
    /// Toolbar.
    note_hint,
    /// Toolbar label.
    label_actors,
    /// Toolbar label.
    label_note,
    /// Search label.
    search_label,
    /// Search.
    search_hint,
    /// Search.
    search_next,
    /// Search.
    search_previous,
    /// Search.
    search_close,
    /// {i} {n} {notes}
    search_count,
    /// {n}
    search_too_many,
    /// Search.
    search_in_notes,
    /// Dialog.
    dialog_open_title,
    /// Dialog.
    dialog_save_title,
    /// Dialog.
    dialog_locate_title,
    /// Dialog filter.
    filter_readable,
    /// Dialog filter.
    filter_sessions,
    /// Dialog filter.
    filter_texts,
    /// File dialog filter.
    filter_web_pages,
    /// Dialog.
    no_dialog_available,
    /// Dialog.
    no_dialog_thread,
    /// Dialog.
    path_label,
    /// Dialog.
    path_hint,
    /// Button.
    button_open,
    /// Button.
    button_save,
    /// Button.
    button_cancel,
    /// Button.
    button_discard,
    /// Button.
    button_ok,
    /// Error dialog.
    error_title,
    /// Dialog.
    unsaved_title,
    /// Dialog.
    unsaved_body,
    /// Dialog: the session file changed on disk.
    disk_changed_title,
    /// Dialog: who changed it and what the choices do; {path}.
    disk_changed_body,
    /// Dialog button.
    disk_merge_save,
    /// Dialog button.
    disk_merge,
    /// Dialog button.
    disk_overwrite,
    /// Dialog button.
    disk_reload,
    /// Dialog button.
    disk_keep,
    /// Notice: {taken} {removed} {conflicts}.
    disk_merged,
    /// Dialog: the session is open elsewhere.
    locked_title,
    /// Dialog: {holder} message; what opening anyway means.
    locked_body,
    /// Dialog button.
    locked_open_anyway,
    /// Dialog: {path} open in {what} process {pid} since {since}.
    locked_holder,
    /// Dialog: the session's text differs.
    text_differs_title,
    /// Dialog button: open against the text found.
    text_differs_open,
    /// Dialog button: choose another text.
    text_differs_choose,
    /// {path}
    saved,
    /// {summary}
    opened_session,
    /// Notice.
    locate_text,
    /// Banner.
    review_moved,
    /// Banner.
    dismiss,
    /// {renderer} {other} {error}
    renderer_fallback,
    /// Window: the fallback renderer's failure was printed above.
    renderer_see_above,
    /// {wgpu} {glow}
    err_no_window,
    /// {error}
    err_no_display,

    /// Recovery dialog.
    recovery_title,
    /// Recovery dialog.
    recovery_body,
    /// {name} {time} {n}
    recovery_entry,
    /// Recovery dialog.
    recovery_restore,
    /// Recovery dialog.
    recovery_discard,
    /// {error}
    recovery_broken,
    /// {summary}
    recovery_done,
    /// {error}
    autosave_failed,

    /// Export menu.
    export_markdown,
    /// Export menu.
    export_csv,
    /// Export menu.
    export_w3c,
    /// Export menu.
    export_qdpx,
    /// Export menu.
    export_graphml,
    /// Export menu.
    export_edges,
    /// {name}
    export_bundled,
    /// {path}
    err_export_overwrite,
    /// {error}
    err_export_build,
    /// Report.
    report_source,
    /// Report.
    report_date,
    /// Report.
    report_stand,
    /// {annotations} {actors} {orphans}
    report_counts,
    /// Report.
    report_colours,
    /// Report.
    report_colour,
    /// Report.
    report_meaning,
    /// Report.
    report_annotations,
    /// Report.
    report_actors,
    /// Report.
    report_actor,
    /// Report.
    report_mentions,
    /// Report.
    report_by_section,
    /// Report.
    report_by_actor,
    /// Report.
    report_none,
    /// Report.
    report_orphans_help,
    /// {version}
    report_footer,
    /// {id}
    qdpx_orphan_name,
    /// {quote} {actors} {note} {colour}
    qdpx_orphan_note,
    /// {line} {col} {what}
    err_import_json,
    /// Import.
    err_import_empty,
    /// Import: the JSON is not UTF-8 at byte {byte}.
    err_import_not_utf8,
    /// {n}
    import_skipped,
    /// Import: item {n} points outside the text.
    import_outside,
    /// Import: {n} passages widened to whole words.
    import_widened,

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
    /// Command line, `check --write`: {path}
    cli_written,
    /// Command line: {path} written, new.
    cli_written_new,
    /// Command line, export: {path}
    cli_exported,
    /// Command line, `search` with a blank query.
    cli_search_empty,
    /// Command line, export without -o.
    cli_binary_needs_output,
    /// Command line, import: {n} {path}
    cli_imported,
    /// Command line: {path} exists and is not an input.
    cli_would_replace,
    /// Session repair: {id} {new}
    repair_duplicate_concept,
    /// Session repair: {id} {actor}
    repair_statement_actor,
    /// Session repair: {id}
    repair_unknown_concept,
    /// Stance.
    stance_agrees,
    /// Stance.
    stance_disagrees,
    /// Stance.
    stance_neutral,
    /// Edit error: {id}
    err_no_concept,
    /// Name of annotations without a reader.
    reader_unnamed,
    /// Merge report: {n} {reader}
    merge_added,
    /// Merge report: {n}
    merge_identical,
    /// Merge report: {n}
    merge_alike,
    /// Merge report: {names}
    merge_unified,
    /// Merge report: {n}
    merge_renumbered,
    /// Merge error: {reader} {title} {base}
    err_merge_other_text,
    /// Report label.
    label_statement,
    /// Report label.
    label_reader,
    /// Export menu.
    export_concepts,
    /// Export menu.
    export_congruence,
    /// Export menu.
    export_actor_stats,
    /// Export menu.
    export_cooccurrence,
    /// Command line, merge with too few files.
    cli_merge_needs_two,
    /// Command line, agree with wrong file count.
    cli_agree_needs_two,
    /// Command line, agree: {reader}
    cli_agree_same_reader,
    /// Command line, agree: {n} {readers}
    cli_agree_readers,
    /// Command line, agree: {reader}
    cli_agree_unknown_reader,
    /// Agreement heading: {a} {na} {b} {nb} {tokens}
    agree_heading,
    /// Agreement column: tokens coded.
    agree_tokens,
    /// Agreement row: all actors at once.
    agree_overall,
    /// Agreement row: marked at all.
    agree_marked,
    /// Agreement: how it is computed.
    agree_method,
    /// Sidebar: reader filter label.
    readers_label,
    /// Sidebar: all readers.
    readers_all,
    /// Sidebar: differences {a} {b}
    readers_differences,
    /// Toolbar: no statement.
    statement_none,
    /// Toolbar: new concept field hint.
    concept_new_hint,
    /// Toolbar: speaker {name}
    statement_speaker,
    /// Concept list heading: {n}
    concepts_title,
    /// Concept list help.
    concepts_help,
    /// Concept tooltip: {n}
    concept_uses,
    /// Concept note hint.
    concept_note_hint,
    /// Concept delete button.
    concept_delete,
    /// Concept delete help: {n}
    concept_delete_help,
    /// Concept add button.
    concept_add,
    /// Agreement window title.
    agreement_title,
    /// Agreement without two readers.
    agreement_needs_readers,
    /// Agreement with one reader twice.
    agreement_same_reader,
    /// Agreement: show differences.
    agreement_show_differences,
    /// Show every reader.
    readers_show_all,
    /// Statistics window title.
    stats_title,
    /// Statistics: mentions.
    stats_mentions,
    /// Statistics: annotations.
    stats_annotations,
    /// Statistics: export CSV.
    stats_export,
    /// Statistics: co-occurrence heading.
    stats_cooccurrence,
    /// Statistics: co-occurrence help.
    stats_cooccurrence_help,
    /// File menu: merge.
    menu_merge,
    /// File menu: merge help.
    menu_merge_help,
    /// Menu: analysis.
    menu_analysis,
    /// Analysis menu: agreement.
    menu_agreement,
    /// Analysis menu: statistics.
    menu_stats,
    /// Analysis menu: reader name label.
    reader_name_label,
    /// Reader name hint.
    reader_name_hint,
    /// Reader name help.
    reader_name_help,
    /// Dialog title: merge.
    dialog_merge_title,
    /// REFI-QDA code group of concepts.
    qdpx_concepts,
}
