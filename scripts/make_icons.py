"""Draws the app and tray icons (run once; the PNG/ICO/ICNS files are committed).

A teal rounded square with a white arc (the hamstring line from sitting bone to knee)
and a dot (the ischial tuberosity). Needs Pillow: `pip install pillow`.
"""
from pathlib import Path
from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "icons"
TEAL = (20, 110, 120, 255)
WHITE = (255, 255, 255, 255)


def draw(size: int, tray: bool = False) -> Image.Image:
    scale = 4  # draw big, downsample for smooth edges
    s = size * scale
    img = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    if not tray:
        d.rounded_rectangle([0, 0, s - 1, s - 1], radius=s // 5, fill=TEAL)
    fg = WHITE if not tray else (40, 40, 40, 255)
    w = max(scale * 2, s // 11)
    d.arc([s * 0.18, s * 0.22, s * 1.05, s * 1.3], start=185, end=265, fill=fg, width=w)
    r = s * 0.11
    cx, cy = s * 0.33, s * 0.3
    d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=fg)
    return img.resize((size, size), Image.LANCZOS)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name, size in [("32x32.png", 32), ("128x128.png", 128), ("128x128@2x.png", 256), ("icon.png", 512)]:
        draw(size).save(OUT / name)
    draw(32, tray=True).save(OUT / "tray.png")
    big = draw(1024)
    big.save(OUT / "icon.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    big.save(OUT / "icon.icns")


if __name__ == "__main__":
    main()
