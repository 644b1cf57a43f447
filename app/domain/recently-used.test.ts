import { describe, expect, it } from "vitest";
import { RecentlyUsed } from "./recently-used";

describe("RecentlyUsed", () => {
  it("drops the least recently used entry, counting reads as use", () => {
    const kept = new RecentlyUsed<string, number>(2);
    kept.set("a", 1);
    kept.set("b", 2);
    expect(kept.get("a")).toBe(1);
    kept.set("c", 3); // drops "b"
    expect(kept.get("b")).toBeUndefined();
    expect(kept.get("a")).toBe(1);
    expect(kept.get("c")).toBe(3);
    expect(kept.size).toBe(2);
  });

  it("keeps a null value apart from a missing one, and a rewrite in place", () => {
    const kept = new RecentlyUsed<string, number | null>(2);
    kept.set("none", null);
    kept.set("none", null);
    expect(kept.size).toBe(1);
    expect(kept.get("none")).toBeNull();
    expect(kept.get("other")).toBeUndefined();
    kept.clear();
    expect(kept.size).toBe(0);
  });
});
