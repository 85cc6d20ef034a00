//! Build script: embeds the Tauri context and declares the app's own commands so the
//! capability files can grant them one by one (least privilege).

/// Every command the front end may call. A command missing here cannot be granted.
const COMMANDS: &[&str] = &[
    "get_app_status",
    "get_first_screen",
    "dismiss_recovery_notice",
    "get_settings",
    "update_settings",
    "send_test_reminder",
    "request_close",
    "close_to_tray",
    "cancel_close",
    "quit_app",
    "ui_ready",
    "get_setup",
    "finish_setup",
    "get_guide",
    "get_protocol",
    "get_demonstration",
    "get_today",
    "get_program",
    "move_step",
    "start_session",
    "get_active_session",
    "record_set",
    "undo_set",
    "record_pain",
    "finish_session",
    "get_self_tests",
    "record_self_tests",
    "log_stretch",
    "get_reminders",
    "answer_reminder",
    "pause_reminders",
    "resume_reminders",
    "desktop_notes",
    "get_running",
    "start_running",
    "log_run",
    "set_run_target",
    "get_journal",
    "edit_entry",
    "delete_entry",
    "undo_delete",
    "add_checkin",
    "add_note",
    "get_charts",
    "get_report",
    "save_report",
    "get_data",
    "choose_export_folder",
    "reset_export_folder",
    "export_csv",
    "backup_now",
    "restore_backup",
    "choose_backup_file",
    "restore_picked_backup",
    "open_folder",
];

fn main() {
    // Capabilities live in src-tauri/ while tauri.conf.json sits at the root; without this
    // pattern tauri-build silently finds none and the window may call nothing.
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("./src-tauri/capabilities/**/*")
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}
