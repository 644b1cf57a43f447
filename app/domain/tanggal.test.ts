import { describe, expect, it } from "vitest";
import { formatTanggal } from "./tanggal";

describe("formatTanggal", () => {
  it("writes the date in words of the Indonesian calendar, without a leading zero", () => {
    expect(formatTanggal("2026-03-02")).toBe("2 Maret 2026");
    expect(formatTanggal("2026-12-07")).toBe("7 Desember 2026");
    expect(formatTanggal("2025-01-31")).toBe("31 Januari 2025");
    expect(formatTanggal(new Date("2026-08-17T00:00:00Z"))).toBe("17 Agustus 2026");
  });

  it("leaves text that is not a date as it is instead of inventing a month", () => {
    expect(formatTanggal("2026-13-01")).toBe("2026-13-01");
    expect(formatTanggal("kemarin")).toBe("kemarin");
  });
});
