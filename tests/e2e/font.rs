//! The window draws its words in the desktop's own font: the one GTK's settings name
//! (`gtk-font-name`, what GNOME, Ubuntu or KDE set), not a guess from a list of font names.
//!
//! The test names a font in this test's GTK settings file that the page's font list does
//! not name (DejaVu Sans Mono; the list ends in sans-serif, which is DejaVu Sans here),
//! then measures one line of narrow letters in the page's font against the same line in
//! each of the two named fonts: only the desktop's setting can make the page's line the
//! monospaced one.

use crate::support::Harness;
use crate::ui;

const MEASURE: &str = r#"
const widths = [];
for (const family of ['', '"DejaVu Sans Mono"', '"DejaVu Sans"']) {
  const span = document.createElement('span');
  span.textContent = 'illicit little lilies, 1 till 11';
  span.style.position = 'absolute';
  span.style.fontSize = '20px';
  if (family) span.style.fontFamily = family;
  document.body.append(span);
  widths.push(span.getBoundingClientRect().width);
  span.remove();
}
return widths;
"#;

#[tokio::test]
async fn the_window_draws_in_the_font_the_desktops_gtk_settings_name() {
    let mut h = Harness::new();
    h.gtk_settings("gtk-font-name = DejaVu Sans Mono 11");
    let client = &h.launch().await;
    ui::wait_for_heading(client, "Today").await;

    let widths = ui::js(client, MEASURE, vec![]).await.unwrap();
    println!("the page's font, DejaVu Sans Mono, DejaVu Sans: {widths}");
    let w: Vec<f64> = widths
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    assert!(
        (w[1] - w[2]).abs() > 50.0,
        "the two fonts must differ for the test to tell them apart: {w:?}"
    );
    assert_eq!(
        w[0], w[1],
        "the page's line is drawn in DejaVu Sans Mono: {w:?}"
    );
}
