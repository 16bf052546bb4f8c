// Shared by the font loader (server-only) and the card markup (pure).
export const OG_FONT_FAMILY = "Noto Sans CJK KR";
