//! The red flags: one list, shown in the guide's safety section, beside every pain entry
//! (the pain scale carries it, `pain::SCALE.red_flags`) and in the prompt a high or rising
//! score brings. A leaf of the core, so the pain scale can carry it.

use serde::Serialize;

/// Signs that need a clinician soon rather than more exercise. The app's own list, made
/// from common clinical screening for buttock and thigh pain; the stress fracture is one
/// of the look-alikes the guide names.
pub const RED_FLAGS: &[&str] = &[
    "A pop you felt or heard at the sitting bone, often with sudden pain: the tendon may have pulled away from the bone, and that needs prompt imaging.",
    "Pain that began with a sudden injury, especially with bruising on the back of the thigh.",
    "Being unable to walk normally.",
    "Numbness or weakness in the leg.",
    "Pins and needles that spread below the knee.",
    "Numbness in the saddle area (between the legs), or any change in bladder or bowel control: get help the same day.",
    "Fever, or feeling generally unwell.",
    "Weight loss you cannot explain, or a history of cancer.",
    "Pain at night or at rest that does not settle.",
    "Bone pain when you hop on the leg: it can be a stress fracture of the sacrum or pelvis.",
];

/// The red flags as a pain entry shows them: behind a one-click disclosure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RedFlags {
    /// The disclosure's label next to each pain control.
    pub label: &'static str,
    pub intro: &'static str,
    pub flags: &'static [&'static str],
    /// Where this list comes from.
    pub source: &'static str,
}

pub const CARD: RedFlags = RedFlags {
    label: "When to see a clinician promptly",
    intro: "Stop the program and contact a doctor or physiotherapist soon if you notice any of these:",
    flags: RED_FLAGS,
    source: "This list is the app's own choice, drawn from common clinical screening; it is not from the guide.",
};
