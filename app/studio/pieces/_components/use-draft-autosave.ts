"use client";

import { useCallback, useEffect, useRef, useState } from "react";

// The content being typed, kept in this browser's localStorage per piece (or "new") until a save
// succeeds, so a closed tab, a crash or a stray navigation loses nothing. On the next visit the
// editor offers it back instead of applying it silently: the server copy may be newer.
export type DraftFields = { title: string; dek: string; body: string };
export type StoredDraft = DraftFields & { savedAt: string };

const keyOf = (id: number | null) => `masthead:piece-draft:${id ?? "new"}`;
const same = (a: DraftFields, b: DraftFields) => a.title === b.title && a.dek === b.dek && a.body === b.body;

function read(key: string): StoredDraft | null {
  try {
    const v = JSON.parse(window.localStorage.getItem(key) ?? "null") as Partial<StoredDraft> | null;
    return v && typeof v.title === "string" && typeof v.dek === "string" && typeof v.body === "string" && typeof v.savedAt === "string"
      ? (v as StoredDraft)
      : null;
  } catch {
    return null;
  }
}

export function useDraftAutosave(id: number | null, initial: DraftFields) {
  const key = keyOf(id);
  const [offered, setOffered] = useState<StoredDraft | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const base = useRef(initial);

  useEffect(() => {
    const stored = read(key);
    // Deferred a tick: the offer appears after hydration, never in the server HTML.
    const t = setTimeout(() => setOffered(stored && !same(stored, base.current) ? stored : null), 0);
    return () => clearTimeout(t);
  }, [key]);

  const schedule = useCallback(
    (fields: DraftFields) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        try {
          if (same(fields, base.current)) window.localStorage.removeItem(key);
          else window.localStorage.setItem(key, JSON.stringify({ ...fields, savedAt: new Date().toISOString() }));
        } catch {
          // Storage full or disabled (private mode): autosave is a safety net, not a requirement.
        }
      }, 400);
    },
    [key],
  );

  const clear = useCallback(
    (saved: DraftFields) => {
      if (timer.current) clearTimeout(timer.current);
      base.current = saved;
      try {
        window.localStorage.removeItem(key);
        // A new piece saved once continues under its id; its "new" draft is done too.
        window.localStorage.removeItem(keyOf(null));
      } catch {
        // See above.
      }
      setOffered(null);
    },
    [key],
  );

  // Restored: the draft stays stored until the save. Discarded: gone for good.
  const dismiss = useCallback(() => setOffered(null), []);
  const discard = useCallback(() => {
    try {
      window.localStorage.removeItem(key);
    } catch {
      // See above.
    }
    setOffered(null);
  }, [key]);
  return { offered, schedule, clear, dismiss, discard };
}
