#!/usr/bin/env python3
"""Draws the app's exercise and test illustrations as SVG line drawings into ui/img/.

One style for all: a stick figure (round head, straight limbs, round joints) in one ink
colour on a transparent ground, props in a lighter line, a floor line. The window shows
them on the page's surface; in the dark theme a CSS filter inverts the ink. Run it again
after changing a pose: `python3 scripts/make_illustrations.py`.
"""
import os

INK = "#1f5c63"
PROP = "#7a9598"
FLOOR_Y = 140
OUT = os.path.join(os.path.dirname(__file__), "..", "ui", "img")


def line(points, color=INK, width=6):
    d = " ".join(f"{x},{y}" for x, y in points)
    return f'<polyline points="{d}" fill="none" stroke="{color}" stroke-width="{width}" stroke-linecap="round" stroke-linejoin="round"/>'


def head(x, y):
    return f'<circle cx="{x}" cy="{y}" r="9" fill="none" stroke="{INK}" stroke-width="5"/>'


def floor():
    return line([(10, FLOOR_Y + 4), (230, FLOOR_Y + 4)], PROP, 2)


def ball(x, y, r):
    return f'<circle cx="{x}" cy="{y}" r="{r}" fill="none" stroke="{PROP}" stroke-width="3"/>'


def box(x, y, w, h):
    return f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="3" fill="none" stroke="{PROP}" stroke-width="3"/>'


def arrow(points):
    """A thin dashed motion cue ending in a small head."""
    (x1, y1), (x2, y2) = points[-2], points[-1]
    d = " ".join(f"{x},{y}" for x, y in points)
    return (f'<polyline points="{d}" fill="none" stroke="{PROP}" stroke-width="2" stroke-dasharray="4 4"/>'
            f'<circle cx="{x2}" cy="{y2}" r="3" fill="{PROP}"/>')


WIDTH = 240
BOTTOM = FLOOR_Y + 12


def top_of(parts):
    """The highest point drawn (smallest y), allowing for line width and head radius."""
    import re
    ys = [float(y) for part in parts for y in re.findall(r"[\d.]+,([\d.]+)", part)]
    ys += [float(cy) - float(r) for part in parts for cy, r in re.findall(r'cy="([\d.]+)" r="([\d.]+)"', part)]
    ys += [float(y) for part in parts for y in re.findall(r'<rect x="[\d.]+" y="([\d.]+)"', part)]
    return min(ys)


def svg(title, parts):
    """One drawing, cropped to its content: full width, from just above the highest
    point to just below the floor. The width and height go into the window's picture
    list (src-tauri/src/core/pictures.rs) so the page keeps the space before it loads."""
    body = "\n  ".join(parts)
    top = int(top_of(parts)) - 12
    height = BOTTOM - top
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 {top} {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img">\n'
            f'  <title>{title}</title>\n  {body}\n</svg>\n')


# Supine base: head, shoulder on the floor, arms along the floor.
def supine(hip, shoulder=(58, 134), head_at=(42, 130), hand=(98, 139)):
    return [head(*head_at), line([shoulder, hip]), line([shoulder, hand], width=5)]


DRAWINGS = {
    "glute_bridge": ("Double-leg glute bridge", [
        floor(), *supine((112, 108)),
        line([(112, 108), (146, 94), (160, 139)]),
        arrow([(112, 128), (112, 116)]),
    ]),
    "front_plank": ("Front plank", [
        floor(), head(56, 95),
        line([(68, 102), (190, 128), (197, 139)]),
        line([(68, 102), (70, 139), (96, 139)], width=5),
    ]),
    "glute_bridge_leg_lift": ("Glute bridge with leg lifts", [
        floor(), *supine((112, 108)),
        line([(112, 108), (146, 94), (160, 139)]),
        line([(112, 108), (182, 86)]),
    ]),
    "front_plank_leg_lift": ("Front plank with leg lifts", [
        floor(), head(56, 95),
        line([(68, 102), (130, 115), (190, 128), (197, 139)]),
        line([(130, 115), (196, 104)]),
        line([(68, 102), (70, 139), (96, 139)], width=5),
        arrow([(206, 118), (206, 104)]),
    ]),
    "hamstring_catch": ("Standing hamstring catch", [
        floor(), head(66, 66),
        line([(78, 74), (122, 86)]),
        line([(122, 86), (118, 113), (122, 139), (136, 139)]),
        line([(122, 86), (172, 74)]),
        line([(86, 77), (84, 106)], width=5),
        arrow([(58, 88), (62, 104)]),
    ]),
    "swiss_ball_curl": ("Swiss ball curls", [
        floor(), *supine((102, 112)), ball(168, 120, 20),
        line([(102, 112), (132, 92), (152, 106)]),
        arrow([(196, 100), (184, 100)]),
    ]),
    "single_leg_swiss_ball_curl": ("Single-leg Swiss ball curls", [
        floor(), *supine((102, 112)), ball(168, 120, 20),
        line([(102, 112), (132, 92), (152, 106)]),
        line([(102, 112), (120, 52)]),
    ]),
    "hamstring_stretch": ("Gentle hamstring stretch", [
        floor(), *supine((112, 135), hand=(84, 112)),
        line([(112, 135), (206, 137)]),
        line([(112, 135), (134, 48)]),
        line([(84, 112), (134, 48)], PROP, 3),
    ]),
    "standing_stretch": ("Standing stretch test", [
        floor(), box(150, 104, 56, 36), head(104, 44),
        line([(98, 54), (88, 92)]),
        line([(88, 92), (86, 139), (100, 139)]),
        line([(88, 92), (160, 100)]),
        line([(96, 60), (124, 92)], width=5),
    ]),
    "bent_knee_stretch": ("Bent-knee stretch test", [
        floor(), *supine((112, 135), hand=(86, 112)),
        line([(112, 135), (206, 137)]),
        line([(112, 135), (118, 92), (152, 70)]),
        line([(86, 112), (152, 70)], PROP, 3),
        arrow([(122, 66), (144, 52), (166, 58)]),
    ]),
    "rapid_bent_knee_stretch": ("Rapid bent-knee stretch test", [
        floor(), *supine((112, 135)),
        line([(112, 135), (206, 137)]),
        line([(112, 135), (118, 92), (150, 68)]),
        arrow([(124, 60), (146, 44), (170, 48), (184, 58)]),
        arrow([(128, 52), (150, 36), (176, 40)]),
    ]),
    "back_plank_leg_lifts": ("Back plank with leg lifts", [
        floor(), head(46, 100),
        line([(58, 108), (118, 118), (186, 137)]),
        line([(118, 118), (184, 100)]),
        line([(58, 108), (60, 139), (84, 139)], width=5),
        arrow([(198, 116), (198, 100)]),
    ]),
}


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, (title, parts) in DRAWINGS.items():
        with open(os.path.join(OUT, f"{name}.svg"), "w") as f:
            f.write(svg(title, parts))
        print(f"{name}: {WIDTH} x {BOTTOM - (int(top_of(parts)) - 12)}")
    print(f"wrote {len(DRAWINGS)} drawings to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
