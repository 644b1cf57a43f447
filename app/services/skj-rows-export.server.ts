// The SKJ-rows export (issue 7 §5): one row per position × competency of every live published version, for
// analysis in Excel. Everything comes from the snapshots, i.e. what was established, never from today's
// register or dictionary, so the sheet agrees with the PDFs of the same versions.
import ExcelJS from "exceljs";
import { COMPETENCY_TYPE_LABELS, FUNCTIONAL_LEVEL_LABELS, GROUP_LABELS } from "~/domain/labels";
import type { SkjPublishedDocument } from "~/domain/skj-published";
import type { Db } from "~db/client.server";

// live = neither superseded nor withdrawn (the same rule as skj-read.server.ts)
const LIVE = "not exists (select 1 from skj_version_ends e where e.version_id = v.id)";
const SUBTREE =
  "with recursive sub(id) as (select id from org_units where code = @unitCode union all select u.id from org_units u join sub on u.parent_id = sub.id) select id from sub";

const TYPE_ORDER: Record<string, number> = { manajerial: 0, sosial_kultural: 1, teknis: 2 };

interface VersionRow {
  version: number;
  snapshot: string;
}

/** "2026-03-01T…" → that calendar day at UTC midnight, which exceljs stores as the plain date serial. */
function dayOf(iso: string): Date {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

/**
 * The live published SKJ as rows, one per competency; with `unitCode`, only positions in that unit's
 * subtree (an unknown code gives a sheet with the header only).
 */
export async function skjRowsXlsx(db: Db, options: { unitCode?: string } = {}): Promise<Uint8Array> {
  const { unitCode } = options;
  const sql = `select v.version_number as version, v.snapshot as snapshot
    from skj_versions v join positions p on p.id = v.position_id
    where ${LIVE}${unitCode !== undefined ? ` and p.unit_id in (${SUBTREE})` : ""}
    order by p.code, v.version_number`;
  const statement = db.$client.prepare<unknown[], VersionRow>(sql);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "SKJ Studio";
  const sheet = workbook.addWorksheet("Baris SKJ", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: "Kode Jabatan", key: "code", width: 34 },
    { header: "Nama Jabatan", key: "name", width: 48 },
    { header: "Kelompok", key: "group", width: 30 },
    { header: "Jenjang", key: "level", width: 14 },
    { header: "Kode Unit", key: "unitCode", width: 34 },
    { header: "Unit", key: "unitName", width: 44 },
    { header: "Versi", key: "version", width: 8 },
    { header: "Ditetapkan", key: "publishedOn", width: 12, style: { numFmt: "dd/mm/yyyy" } },
    { header: "Kode Kompetensi", key: "competencyCode", width: 20 },
    { header: "Nama Kompetensi", key: "competencyName", width: 40 },
    { header: "Jenis", key: "type", width: 16 },
    { header: "Level", key: "competencyLevel", width: 8 },
    { header: "Revisi Kamus", key: "revision", width: 13 },
  ];
  sheet.getRow(1).font = { bold: true };
  // iterate, not all(): only one snapshot is parsed and held at a time, whatever the province's size
  const rows = statement.iterate(...(unitCode !== undefined ? [{ unitCode }] : []));
  for (const row of rows) {
    // our own canonical JSON, immutable in SQL: read as is, not validated again
    const doc = JSON.parse(row.snapshot) as SkjPublishedDocument;
    const p = doc.position;
    const common = {
      code: p.code,
      name: p.name,
      group: p.group ? GROUP_LABELS[p.group] : "",
      level: p.functionalLevel ? FUNCTIONAL_LEVEL_LABELS[p.functionalLevel] : "",
      unitCode: doc.unit.code,
      unitName: doc.unit.name,
      version: row.version,
      publishedOn: dayOf(doc.publishedAt),
    };
    // the printed order (Manajerial, Sosial Kultural, Teknis), keeping the document's order within a group
    const competencies = doc.competencies
      .map((c, i) => ({ c, i }))
      .sort((a, b) => (TYPE_ORDER[a.c.type] ?? 3) - (TYPE_ORDER[b.c.type] ?? 3) || a.i - b.i);
    for (const { c } of competencies) {
      sheet.addRow({
        ...common,
        competencyCode: c.code,
        competencyName: c.name,
        type: COMPETENCY_TYPE_LABELS[c.type] ?? c.type,
        competencyLevel: c.level,
        revision: c.dictionaryRevision,
      });
    }
  }
  sheet.autoFilter = { from: "A1", to: "M1" };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
