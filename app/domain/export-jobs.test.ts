import { describe, expect, it } from "vitest";
import { exportFileName, mayViewExportJob } from "./export-jobs";

describe("export jobs", () => {
  it("shows a job to its requester and to admins only", () => {
    const job = { requestedBy: 7 };
    expect(mayViewExportJob({ id: 7, role: "viewer" }, job)).toBe(true);
    expect(mayViewExportJob({ id: 8, role: "admin" }, job)).toBe(true);
    for (const role of ["analis", "reviewer", "viewer"] as const) expect(mayViewExportJob({ id: 8, role }, job)).toBe(false);
  });

  it("names the file in plain ASCII that no header or disk can misread", () => {
    expect(exportFileName("Lampiran Peraturan Gubernur Nomor 12 Tahun 2026", "pdf")).toBe(
      "Lampiran-Peraturan-Gubernur-Nomor-12-Tahun-2026.pdf",
    );
    expect(exportFileName('SKJ yang berlaku di Dinas "Pariwisata" & Ékonomi/../x', "docx")).toBe(
      "SKJ-yang-berlaku-di-Dinas-Pariwisata-Ekonomi-x.docx",
    );
    expect(exportFileName("—", "pdf")).toBe("Ekspor-SKJ.pdf");
    expect(exportFileName("a".repeat(300), "pdf")).toHaveLength(124);
  });
});
