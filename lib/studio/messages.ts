import { dict, type Dictionary } from "@/lib/i18n";

// Studio errors reach two audiences through one AppError: the Korean studio (a form shows the
// message) and Admin API / CLI clients, who read English. Both languages, from the dictionaries:
// "없는 기사입니다 (No piece has this id.)".
type Messages = Dictionary["studioErrors"];
type Key = keyof Messages;
type Args<K extends Key> = Messages[K] extends (...args: infer A) => string ? A : [];

export function studioMessage<K extends Key>(key: K, ...args: Args<K>): string {
  const say = (lang: "ko" | "en") => {
    const entry = dict(lang).studioErrors[key] as string | ((...a: unknown[]) => string);
    return typeof entry === "function" ? entry(...args) : entry;
  };
  return `${say("ko")} (${say("en")})`;
}
