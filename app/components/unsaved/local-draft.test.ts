import { describe, expect, it } from "vitest";
import { localDraft, recoveryOf, type DraftStorage } from "./local-draft";

function memoryStorage(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
}

describe("the browser's copy of unsaved input", () => {
  it("keeps the latest value with the server state it was typed on and the time, until cleared", () => {
    const storage = memoryStorage();
    const draft = localDraft<{ text: string }>("skj:12", storage);
    expect(draft.read()).toBeNull();
    draft.write({ text: "a" }, "7", new Date("2026-12-07T03:40:00Z"));
    draft.write({ text: "ab" }, "8", new Date("2026-12-07T03:41:00Z"));
    expect(draft.read()).toEqual({ value: { text: "ab" }, base: "8", savedAt: "2026-12-07T03:41:00.000Z" });
    draft.clear();
    expect(draft.read()).toBeNull();
    expect(storage.items.size).toBe(0);
  });

  it("keeps one copy per form: another position's draft is untouched", () => {
    const storage = memoryStorage();
    localDraft("skj:12", storage).write("dua belas", "1");
    localDraft("skj:13", storage).write("tiga belas", "4");
    localDraft("skj:12", storage).clear();
    expect(localDraft("skj:13", storage).read()?.value).toBe("tiga belas");
  });

  it("reads a damaged or foreign entry as nothing, and a refusing browser as a failed write, never as an error", () => {
    const storage = memoryStorage();
    const draft = localDraft("kamus:baru", storage);
    for (const raw of ["{not json", "null", '"text"', '{"value":1}', '{"value":1,"base":2,"savedAt":"x"}']) {
      storage.items.set([...storage.items.keys()][0] ?? "skj-studio:belum-tersimpan:kamus:baru", raw);
      expect(draft.read()).toBeNull();
    }
    const full: DraftStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException("quota", "QuotaExceededError");
      },
      removeItem: () => undefined,
    };
    expect(localDraft("kamus:baru", full).write({ name: "x" }, "baru")).toBe(false);
    expect(localDraft("kamus:baru", null).write({ name: "x" }, "baru")).toBe(false);
    expect(localDraft("kamus:baru", null).read()).toBeNull();
  });
});

describe("offering a copy back when the form opens", () => {
  const stored = { value: { rank: "III/d" as string | null, indicators: ["Satu"] }, base: "7", savedAt: "2026-12-07T03:41:00.000Z" };

  it("offers a copy that differs from what the server holds", () => {
    expect(recoveryOf(stored, { rank: null, indicators: [] })).toEqual({ kind: "offer", draft: stored });
  });

  it("drops a copy the server already holds, whatever the key order (a save that landed as the tab closed)", () => {
    expect(recoveryOf(stored, { indicators: ["Satu"], rank: "III/d" })).toEqual({ kind: "drop" });
  });

  it("has nothing to offer without a copy", () => {
    expect(recoveryOf(null, { rank: null })).toEqual({ kind: "none" });
  });
});
