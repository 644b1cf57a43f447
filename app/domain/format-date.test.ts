import { describe, expect, it } from "vitest";
import { formatTanggal, formatTanggalWaktu, formatWaktu, isoTanggalWib } from "./format-date";

describe("formatTanggal", () => {
  it("spells the month out in Indonesian, without a leading zero on the day", () => {
    expect(formatTanggal("2026-12-07")).toBe("7 Desember 2026");
    expect(formatTanggal("2027-01-01")).toBe("1 Januari 2027");
    expect(formatTanggal("2026-05-31")).toBe("31 Mei 2026");
  });

  it("takes a calendar day as it is, and a timestamp on the WIB clock", () => {
    // 17:30 UTC on 6 December is already 7 December in Jakarta
    expect(formatTanggal("2026-12-06T17:30:00.000Z")).toBe("7 Desember 2026");
    expect(formatTanggal("2026-12-06T16:59:59.999Z")).toBe("6 Desember 2026");
    expect(formatTanggal(new Date("2026-12-31T20:00:00Z"))).toBe("1 Januari 2027");
    expect(formatTanggal(Date.UTC(2026, 1, 28, 18))).toBe("1 Maret 2026");
  });

  it("shows a dash for what is not a date", () => {
    expect(formatTanggal("bukan tanggal")).toBe("—");
  });
});

describe("formatWaktu and formatTanggalWaktu", () => {
  it("give the WIB time with a period and the zone, never UTC", () => {
    expect(formatWaktu("2026-12-07T01:27:00.000Z")).toBe("08.27 WIB");
    expect(formatWaktu("2026-12-07T16:05:59Z")).toBe("23.05 WIB");
    expect(formatWaktu("2026-12-07T17:00:00Z")).toBe("00.00 WIB");
    expect(formatTanggalWaktu("2026-12-07T01:27:00.000Z")).toBe("7 Desember 2026 pukul 08.27 WIB");
    expect(formatTanggalWaktu("2026-12-06T20:00:00.000Z")).toBe("7 Desember 2026 pukul 03.00 WIB");
  });

  it("show a dash for what is not a time", () => {
    expect(formatWaktu("")).toBe("—");
    expect(formatTanggalWaktu("nanti")).toBe("—");
  });
});

describe("isoTanggalWib", () => {
  it("is the calendar day in Jakarta, for file names", () => {
    expect(isoTanggalWib("2026-12-06T18:00:00Z")).toBe("2026-12-07");
    expect(isoTanggalWib(new Date("2026-12-06T16:00:00Z"))).toBe("2026-12-06");
  });
});
