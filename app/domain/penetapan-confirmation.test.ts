import { describe, expect, it } from "vitest";
import { confirmationMismatch, confirmationValue, parseConfirmation } from "./penetapan-confirmation";

describe("penetapan confirmation", () => {
  it("reads the confirmed codes back from the field and refuses an absent or blank one", () => {
    expect(parseConfirmation(confirmationValue(["A.1", "B/2"]))).toEqual(["A.1", "B/2"]);
    expect(parseConfirmation(null)).toBeNull();
    expect(parseConfirmation("  ")).toBeNull();
  });

  it("accepts the same SKJ in any order and names what was added or taken out since", () => {
    expect(confirmationMismatch(["B", "A"], ["A", "B"])).toBeNull();
    expect(confirmationMismatch(["A"], ["A", "C"])).toMatch(/\(ditambahkan C\)/);
    expect(confirmationMismatch(["A", "B"], ["A"])).toMatch(/\(dikeluarkan B\)/);
    expect(confirmationMismatch(["A", "B"], ["A", "C"])).toMatch(
      /\(ditambahkan C; dikeluarkan B\), sehingga tidak ada SKJ yang ditetapkan/,
    );
  });
});
