"""A default badge image, drawn when the issuer uploads none."""

import hashlib
import io

from PIL import Image, ImageDraw, ImageFont

_COLOURS = ["#0b4f8a", "#0f6d48", "#8a3b0b", "#5b2c83", "#0b6f7a", "#7a0b3b"]


def default_png(badge, size: int = 256) -> bytes:
    colour = _COLOURS[
        int(hashlib.sha256(str(badge.family).encode()).hexdigest(), 16) % len(_COLOURS)
    ]
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((4, 4, size - 4, size - 4), fill=colour, outline="#ffffff", width=8)
    initials = "".join(word[0] for word in badge.name.split()[:2]).upper() or "?"
    try:
        from django.conf import settings

        font = ImageFont.truetype(
            str(settings.BASE_DIR / "network_portal" / "fonts" / "DejaVuSans-Bold.ttf"), size // 3
        )
    except OSError:  # pragma: no cover - the font ships with the portal
        font = ImageFont.load_default()
    draw.text((size / 2, size / 2), initials, fill="#ffffff", font=font, anchor="mm")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def badge_image_bytes(badge) -> tuple[bytes, str]:
    """The badge's image and its kind ("png" or "svg")."""
    if badge.image:
        with badge.image.open("rb") as handle:
            data = handle.read()
        return data, "svg" if badge.image.name.lower().endswith(".svg") else "png"
    return default_png(badge), "png"
