import { describe, expect, it } from "vitest";
import { changedFields, describeChanges } from "./audit";

describe("audit summaries", () => {
  it("lists only the fields that changed, never the password hash", () => {
    const changes = changedFields(
      { name: "A", role: "analis", active: true, passwordHash: "x" },
      { name: "A", role: "reviewer", active: false, passwordHash: "y" },
    );
    expect(changes.map((c) => c.field)).toEqual(["role", "active"]);
    expect(describeChanges(changes)).toBe("role: analis → reviewer; active: ya → tidak");
  });

  it("describes a creation from nothing", () => {
    expect(describeChanges(changedFields(null, { name: "Budi" }))).toBe("name: — → Budi");
  });
});
