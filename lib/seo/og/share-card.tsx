// The share image of a piece (1200×630), drawn by Satori: flexbox only, inline styles, one font.
// Only public facts about the piece appear — title, section, byline, access level — never text
// from its body.
import { OG_FONT_FAMILY } from "./font-family";

export type ShareCardProps = {
  siteName: string;
  kicker: string | null;
  title: string;
  byline: string;
  badge: string | null;
  lang: "ko" | "en";
};

const INK = "#16181d";
const MUTED = "#4d5562";
const PAPER = "#fbfaf7";
const ACCENT = "#a4161a";

// Long titles step down so three to four lines fit between the kicker and the byline.
function titleSize(title: string): number {
  const n = Array.from(title).length;
  if (n <= 24) return 76;
  if (n <= 40) return 64;
  if (n <= 64) return 54;
  return 44;
}

export function ShareCard({ siteName, kicker, title, byline, badge, lang }: ShareCardProps) {
  return (
    <div
      lang={lang}
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        background: PAPER,
        color: INK,
        fontFamily: OG_FONT_FAMILY,
        padding: "56px 72px",
        borderTop: `16px solid ${ACCENT}`,
      }}
    >
      <div style={{ display: "flex", alignItems: "center", justifyContent: "space-between", fontSize: 30 }}>
        <div style={{ display: "flex", color: ACCENT, letterSpacing: "-0.01em" }}>{siteName}</div>
        {kicker ? <div style={{ display: "flex", color: MUTED }}>{kicker}</div> : null}
      </div>
      <div
        style={{
          display: "flex",
          fontSize: titleSize(title),
          lineHeight: 1.25,
          letterSpacing: "-0.02em",
          wordBreak: lang === "ko" ? "keep-all" : "normal",
          maxHeight: 340,
          overflow: "hidden",
        }}
      >
        {title}
      </div>
      <div
        style={{
          display: "flex",
          alignItems: "center",
          justifyContent: "space-between",
          fontSize: 28,
          color: MUTED,
          borderTop: `2px solid ${INK}`,
          paddingTop: 24,
        }}
      >
        <div style={{ display: "flex" }}>{byline}</div>
        {badge ? <div style={{ display: "flex", background: "#fef3c7", color: "#8a5a00", padding: "6px 16px", borderRadius: 6 }}>{badge}</div> : null}
      </div>
    </div>
  );
}

export function LogoCard({ siteName }: { siteName: string }) {
  return (
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        background: INK,
        color: PAPER,
        fontFamily: OG_FONT_FAMILY,
        fontSize: 300,
        borderBottom: `48px solid ${ACCENT}`,
      }}
    >
      {siteName.slice(0, 1)}
    </div>
  );
}
