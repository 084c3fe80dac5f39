//! The reading window, drawn with egui.
//!
//! [`App`] owns the workspace and the view state; each panel is a module with
//! its own state and one `ui` function that returns [`command::Intent`]s. The
//! window never touches files or parses text itself: it asks the core.

mod actor_panel;
mod analysis;
mod app;
mod autosave;
pub mod command;
pub mod corpus;
pub mod corpus_search;
pub mod derived;
mod dossier;
pub mod files;
mod loading;
mod messages;
pub mod network_window;
mod outline;
mod project_agreement;
pub mod reader;
mod search;
pub mod settings;
mod sidebar;
pub mod theme;
mod timeline;
mod toolbar;
mod widgets;

#[cfg(test)]
mod panel_tests;

use std::path::PathBuf;

pub use app::{App, StartOptions, View};
pub use messages::Messages;

use crate::i18n::{fill, tr};

/// Set in a process started again with the other renderer, so that a
/// failing fallback reports instead of starting yet another process.
const FALLBACK_ENV: &str = "RANDNOTIZ_RENDERER_FALLBACK";

/// The renderer this platform starts with.
///
/// On Linux and the BSDs, OpenGL through glow: Mesa provides it everywhere,
/// and where there is no GPU (virtual machines, remote desktops) it is drawn
/// on screen in half the time of wgpu on lavapipe (window-probe under Xvfb,
/// bundled article: glow 0.24–0.25 s, wgpu 0.44–0.54 s; 122 MB against
/// 138 MB). Elsewhere wgpu (Metal, DirectX 12), the native interfaces there.
fn platform_renderer() -> eframe::Renderer {
    if cfg!(any(
        target_os = "linux",
        target_os = "freebsd",
        target_os = "openbsd",
        target_os = "netbsd",
        target_os = "dragonfly"
    )) {
        eframe::Renderer::Glow
    } else {
        eframe::Renderer::Wgpu
    }
}

/// Which renderer to ask eframe for: `RANDNOTIZ_RENDERER=glow` or `wgpu`
/// chooses, else the platform's.
fn renderer() -> eframe::Renderer {
    match std::env::var("RANDNOTIZ_RENDERER").as_deref() {
        Ok("glow" | "gl" | "opengl") => eframe::Renderer::Glow,
        Ok("wgpu" | "vulkan") => eframe::Renderer::Wgpu,
        _ => platform_renderer(),
    }
}

/// The renderer to try when `renderer` could not make a window.
fn other(renderer: eframe::Renderer) -> eframe::Renderer {
    match renderer {
        eframe::Renderer::Glow => eframe::Renderer::Wgpu,
        eframe::Renderer::Wgpu => eframe::Renderer::Glow,
    }
}

fn env_name(renderer: eframe::Renderer) -> &'static str {
    match renderer {
        eframe::Renderer::Glow => "glow",
        eframe::Renderer::Wgpu => "wgpu",
    }
}

/// Opens the window on `file` (or the bundled article) and runs until closed.
///
/// Starts with the platform's renderer (see [`platform_renderer`]). Where it
/// cannot make a window, the program starts itself again with the other:
/// winit allows one event loop per process, so the fallback needs a fresh
/// one.
///
/// # Errors
/// A message saying why no window could be opened, with what to install.
pub fn run(file: Option<PathBuf>) -> Result<(), String> {
    let renderer = renderer();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Randnotiz")
            .with_app_id("randnotiz")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 420.0])
            .with_drag_and_drop(true),
        renderer,
        persist_window: true,
        ..Default::default()
    };
    let creator: eframe::AppCreator<'static> = Box::new(move |cc| {
        Ok(Box::new(App::new(
            &cc.egui_ctx,
            cc.storage,
            StartOptions {
                file,
                native_dialogs: true,
                recovery: crate::storage::recovery::RecoveryStore::default_location(),
                snapshots: None,
            },
        )))
    });
    let Err(error) = eframe::run_native("randnotiz", options, creator) else {
        return Ok(());
    };
    let message = error.to_string();
    // Without an event loop there is no display to draw on, whatever the renderer.
    if matches!(error, eframe::Error::WinitEventLoop(_)) {
        return Err(fill(tr().err_no_display, &[("error", &message)]));
    }
    // The two renderers' messages in the order the error names them.
    let messages = |this: String, fallback: String| match renderer {
        eframe::Renderer::Wgpu => (this, fallback),
        eframe::Renderer::Glow => (fallback, this),
    };
    let no_window = |this: String, fallback: String| {
        let (wgpu, glow) = messages(this, fallback);
        fill(tr().err_no_window, &[("wgpu", &wgpu), ("glow", &glow)])
    };
    if std::env::var_os(FALLBACK_ENV).is_some() {
        // This already is the fallback; the process that started it printed
        // why the first renderer failed.
        return Err(no_window(message, tr().renderer_see_above.to_owned()));
    }
    let fallback = other(renderer);
    eprintln!(
        "randnotiz: {}",
        fill(
            tr().renderer_fallback,
            &[
                ("renderer", &env_name(renderer)),
                ("other", &env_name(fallback)),
                ("error", &message),
            ],
        )
    );
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let status = std::process::Command::new(exe)
        .args(std::env::args_os().skip(1))
        .env("RANDNOTIZ_RENDERER", env_name(fallback))
        .env(FALLBACK_ENV, "1")
        .status();
    match status {
        Ok(status) if status.success() => Ok(()),
        // The fallback process has said why it failed too.
        Ok(status) => Err(no_window(message, status.to_string())),
        Err(e) => Err(no_window(message, e.to_string())),
    }
}
