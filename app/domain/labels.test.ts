import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_LABELS, ENUM_LABEL_TABLES, labelOf } from "./labels";

describe("label tables", () => {
  it("give every code a label that reads as Indonesian text, not as another code", () => {
    for (const [table, labels] of Object.entries(ENUM_LABEL_TABLES)) {
      for (const [code, label] of Object.entries(labels)) {
        expect(label, `${table}.${code}`).toMatch(/^[A-Z0-9]/);
        expect(label, `${table}.${code}`).not.toMatch(/_|^[a-z]+\.[a-z]/);
      }
    }
  });

  it("show an audit action by its label, and an unknown old code as it is rather than nothing", () => {
    expect(labelOf(AUDIT_ACTION_LABELS, "auth.login")).toBe("Masuk");
    expect(labelOf(AUDIT_ACTION_LABELS, "legacy.thing")).toBe("legacy.thing");
  });
});
