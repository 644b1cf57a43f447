import { canonicalJson } from "~/domain/canonical-json";

// A copy of unsaved input in the browser, kept until the server has acknowledged it, so a crash, a lost
// connection or a closed tab never costs what the user typed. One entry per form instance (key), holding
// the version of the server data the input was based on.

export interface StoredDraft<T> {
  value: T;
  /** The server state the input was typed on, e.g. the draft revision ("7") or an entry's updatedAt. */
  base: string;
  savedAt: string;
}

export type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

const PREFIX = "skj-studio:belum-tersimpan:";

function browserStorage(): DraftStorage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // storage disabled by the browser's privacy settings
  }
}

export interface LocalDraft<T> {
  read(): StoredDraft<T> | null;
  /** false when the browser refused (quota, private mode): the caller still has the input on screen. */
  write(value: T, base: string, now?: Date): boolean;
  clear(): void;
}

export function localDraft<T>(key: string, storage: DraftStorage | null = browserStorage()): LocalDraft<T> {
  const fullKey = PREFIX + key;
  return {
    read() {
      try {
        const raw = storage?.getItem(fullKey);
        if (!raw) return null;
        const parsed = JSON.parse(raw) as Partial<StoredDraft<T>>;
        if (
          typeof parsed !== "object" ||
          parsed === null ||
          !("value" in parsed) ||
          typeof parsed.base !== "string" ||
          typeof parsed.savedAt !== "string"
        )
          return null;
        return parsed as StoredDraft<T>;
      } catch {
        return null;
      }
    },
    write(value, base, now = new Date()) {
      if (!storage) return false;
      try {
        storage.setItem(fullKey, JSON.stringify({ value, base, savedAt: now.toISOString() } satisfies StoredDraft<T>));
        return true;
      } catch {
        return false;
      }
    },
    clear() {
      try {
        storage?.removeItem(fullKey);
      } catch {
        // nothing stored, nothing to clear
      }
    },
  };
}

export function sameContent(a: unknown, b: unknown): boolean {
  try {
    return canonicalJson(a) === canonicalJson(b);
  } catch {
    return false;
  }
}

/**
 * What to do with a stored copy when the form opens on the server's data: nothing stored, a copy the server
 * already holds (a save that landed as the tab closed) to drop silently, or unsaved input to offer back.
 */
export function recoveryOf<T>(
  stored: StoredDraft<T> | null,
  server: T,
): { kind: "none" } | { kind: "drop" } | { kind: "offer"; draft: StoredDraft<T> } {
  if (!stored) return { kind: "none" };
  if (sameContent(stored.value, server)) return { kind: "drop" };
  return { kind: "offer", draft: stored };
}
