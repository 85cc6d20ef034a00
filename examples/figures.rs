//! Writes the demonstrations' files from their pose files: `ui/img/<id>.svg` (start and
//! end side by side) and `ui/figures.css` (the moving pictures' keyframes).
//! Run with `cargo run --example figures`; a test fails while they are out of date.

use high_hamstring_rehab::core::figures;
use std::path::Path;

fn main() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui");
    for d in figures::all() {
        let path = ui.join("img").join(format!("{}.svg", d.id));
        std::fs::write(&path, figures::file_svg(d)).expect("write the picture");
        println!("wrote {}", path.display());
    }
    let css = ui.join("figures.css");
    std::fs::write(&css, figures::stylesheet()).expect("write the stylesheet");
    println!("wrote {}", css.display());
}
