//! What runs without drawing: each pass before the panels, and while the
//! window is hidden.

use std::path::Path;

use egui::ViewportCommand;

use crate::ui::messages::{AfterConfirm, DiskQuestion};
use crate::ui::settings::ThemeChoice;

use super::App;

impl App {
    /// What runs before anything is drawn, and also while the window is
    /// hidden (eframe's `App::logic`): settings brought into effect, derived
    /// facts brought up to date, the session file checked when the window
    /// comes back, a file dialog's answer taken, the recovery file written,
    /// the title and a close request handled.
    pub fn logic(&mut self, ctx: &egui::Context) {
        if self.applied_theme != Some(self.settings.theme) {
            ctx.set_theme(match self.settings.theme {
                ThemeChoice::Light => egui::Theme::Light,
                ThemeChoice::Dark => egui::Theme::Dark,
            });
            self.applied_theme = Some(self.settings.theme);
        }
        let scale = self.settings.ui_scale.clamp(0.5, 3.0);
        if (ctx.zoom_factor() - scale).abs() > 1e-3 {
            ctx.set_zoom_factor(scale);
        }
        if self.ws.reader().unwrap_or("") != self.settings.reader.trim() {
            self.ws.set_reader(&self.settings.reader);
        }
        self.derived.update(&self.ws);

        // Back at the window: has another window or program changed the
        // session file meanwhile?
        if ctx.input(|i| {
            i.events
                .iter()
                .any(|e| matches!(e, egui::Event::WindowFocused(true)))
        }) && !self.disk_ignored
            && self.messages.disk.is_none()
            && self.ws.changed_on_disk()
        {
            self.messages.disk = Some(DiskQuestion::OnFocus);
        }
        if let Some((purpose, path)) = self.files.poll() {
            self.chosen(ctx, purpose, &path);
        }
        self.poll_loading();
        self.poll_adding(ctx);
        self.poll_importing(ctx);
        let section = self.current_section();
        self.autosave.tick(ctx, &self.ws, section);
        if let Some(error) = self.autosave.error.take() {
            self.messages.notice(error);
        }
        self.window_title(ctx);
        self.close_request(ctx);
    }

    pub(super) fn window_title(&mut self, ctx: &egui::Context) {
        let name = self
            .ws
            .session_path()
            .and_then(Path::file_name)
            .map_or_else(
                || self.ws.document().title_or_default().to_owned(),
                |n| n.to_string_lossy().into_owned(),
            );
        let dirty = if self.ws.is_dirty() { "● " } else { "" };
        let name = match &self.project {
            // A project's document: its title, in the project.
            Some(state) if self.ws.is_shared() => format!(
                "{} – {}",
                self.ws.document().title_or_default(),
                state.project.file().name
            ),
            Some(state) => format!("{name} · {}", state.project.file().name),
            None => name,
        };
        let title = format!("{dirty}{name} – Randnotiz");
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    pub(super) fn close_request(&mut self, ctx: &egui::Context) {
        if self.close_now {
            self.close_now = false;
            ctx.send_viewport_cmd(ViewportCommand::Close);
            return;
        }
        if ctx.input(|i| i.viewport().close_requested()) && self.ws.is_dirty() && !self.quitting {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.messages.confirm = Some(AfterConfirm::Quit);
        }
    }

    /// `RANDNOTIZ_STARTUP_LOG`: when the first frame was built, and when it
    /// was on screen (the next frame starts after eframe has painted and
    /// presented the previous one; one is asked for to tell).
    pub(super) fn log_startup(&mut self, ctx: &egui::Context) {
        if self.frames_logged < 2 {
            self.frames_logged += 1;
            if std::env::var_os("RANDNOTIZ_STARTUP_LOG").is_some()
                && let Some(ms) = since_process_start_ms()
            {
                if self.frames_logged == 1 {
                    eprintln!("randnotiz: first frame built {ms} ms after process start");
                    ctx.request_repaint();
                } else {
                    eprintln!("randnotiz: first frame on screen {ms} ms after process start");
                }
            }
        }
    }
}

/// Milliseconds since this process started (Linux: from `/proc`, to the
/// clock tick), for `RANDNOTIZ_STARTUP_LOG`.
fn since_process_start_ms() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Field 22, counted after the command name (which may hold spaces).
    let start_ticks: f64 = stat
        .rsplit(')')
        .next()?
        .split_whitespace()
        .nth(19)?
        .parse()
        .ok()?;
    let uptime: f64 = std::fs::read_to_string("/proc/uptime")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    // Linux reports process start times in USER_HZ, 100 per second.
    let seconds = uptime - start_ticks / 100.0;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    Some((seconds * 1000.0).max(0.0) as u64)
}
