// Idempotent seeding: every row is keyed by its natural code (or email) and inserted only when missing,
// so a second run changes nothing.
import fs from "node:fs";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import type { Db, Tx } from "~db/client.server";
import { recordAudit } from "~db/queries/audit.server";
import { rebuildCompetencySearch } from "~db/queries/dictionary-search.server";
import {
  addRevision,
  findCompetencyByCode,
  insertCompetency,
  publishRevision,
  replaceDraftTexts,
  revisionsOf,
  type LevelInput,
} from "~db/queries/competencies.server";
import { instanceProfile } from "~db/queries/instance.server";
import { findPositionByCode, findUnitByCode } from "~db/queries/register.server";
import { competencyRevisions, orgUnits, positions, settings, users } from "~db/schema";
import { hashPassword } from "~/auth/password.server";
import { INSTANCE_SETTING_KEY, InstanceProfileSchema } from "~/domain/instance";
import type { Role } from "~/domain/permissions";
import { definitionFromPlainText } from "~/domain/dictionary";
import { plainTextToDoc } from "~/domain/richtext";
import { seedDemoSkj } from "./demo-skj.server";

const readSeed = <T>(file: string): T => JSON.parse(fs.readFileSync(path.resolve(process.cwd(), "seeds", file), "utf8")) as T;

interface DictionaryEntry {
  code: string;
  name: string;
  type?: "manajerial" | "sosial_kultural" | "teknis";
  category?: string;
  definition: string | null;
  sourceKind?: "instansi_pembina" | "daerah_lain" | "lokal";
  sourceReference?: string;
  keywords?: string[];
  levels: { level: number; description: string | null; indicators: string[] }[];
}

export const REGULATION_SOURCE = "Permenpan RB Nomor 38 Tahun 2017 tentang Standar Kompetensi Jabatan Aparatur Sipil Negara";
export const DEMO_PASSWORD = "demo-skj-2026";
export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: "admin@demo.go.id", name: "Admin Demo", role: "admin" },
  { email: "analis@demo.go.id", name: "Analis Demo", role: "analis" },
  { email: "reviewer@demo.go.id", name: "Reviewer Demo", role: "reviewer" },
  { email: "reviewer2@demo.go.id", name: "Reviewer Kedua Demo", role: "reviewer" },
  { email: "viewer@demo.go.id", name: "Pembaca Demo", role: "viewer" },
];

const levelsOf = (e: DictionaryEntry): LevelInput[] =>
  e.levels.map((l) => ({ level: l.level, description: l.description ?? "", indicators: l.indicators }));

export interface SeedReport {
  inserted: Partial<Record<SeedItem, number>>;
}

const SEED_ITEM_LABELS = {
  users: "pengguna",
  units: "unit",
  positions: "jabatan",
  competencies: "kompetensi",
  competencyRevisions: "revisi kompetensi",
  settings: "pengaturan",
  skjVersions: "versi SKJ",
  penetapan: "penetapan",
  skjDrafts: "draf SKJ",
} as const;
type SeedItem = keyof typeof SEED_ITEM_LABELS;

/** "5 pengguna, 39 unit, …" for logs and the CLI. */
export function describeSeedReport(report: SeedReport): string {
  return Object.entries(report.inserted)
    .map(([k, v]) => `${v} ${SEED_ITEM_LABELS[k as SeedItem]}`)
    .join(", ");
}

function bump(report: SeedReport, key: SeedItem) {
  report.inserted[key] = (report.inserted[key] ?? 0) + 1;
}

function seedReferenceRows(tx: Tx, report: SeedReport) {
  const kamus = readSeed<{ competencies: DictionaryEntry[] }>("reference/kamus-manajerial-sosiokultural.json");
  for (const entry of kamus.competencies) {
    if (findCompetencyByCode(tx, entry.code)) continue;
    const id = insertCompetency(tx, {
      code: entry.code,
      type: entry.type!,
      name: entry.name,
      isFixed: true,
      sourceKind: "regulasi",
      sourceReference: REGULATION_SOURCE,
    });
    addRevision(tx, id, {
      definition: definitionFromPlainText(entry.definition ?? ""),
      textStatus: "regulasi",
      levels: levelsOf(entry),
      publish: true,
      actorId: null,
    });
    bump(report, "competencies");
  }

  const otda = readSeed<DictionaryEntry & { provenance: string }>("reference/t-otda.json");
  if (!findCompetencyByCode(tx, otda.code)) {
    const id = insertCompetency(tx, {
      code: otda.code,
      type: "teknis",
      name: otda.name,
      category: otda.category,
      isFixed: true,
      sourceKind: "instansi_pembina",
      sourceReference: "Definisi dan teks level resmi belum tersedia: lengkapi dari kamus kompetensi teknis Kemendagri.",
    });
    addRevision(tx, id, {
      definition: null,
      textStatus: "lokal",
      levels: levelsOf(otda),
      note: "Draf: teks resmi belum ditemukan.",
      publish: false,
      actorId: null,
    });
    bump(report, "competencies");
  }

  const defaults = readSeed<{ settings: { key: string; label: string; sourceNote: string; value: unknown }[] }>("reference/settings.json");
  for (const s of defaults.settings) {
    if (tx.select({ key: settings.key }).from(settings).where(eq(settings.key, s.key)).get()) continue;
    tx.insert(settings).values({ key: s.key, label: s.label, value: s.value, sourceNote: s.sourceNote, verified: false }).run();
    bump(report, "settings");
  }
}

interface UnitSeed {
  code: string;
  name: string;
  kind: string;
  echelon: string | null;
  parentCode: string | null;
  legalBasis?: { kind: string; number: string; year: number } | null;
}

interface PositionSeed {
  code: string;
  name: string;
  group: (typeof positions.$inferInsert)["group"];
  functionalLevel: (typeof positions.$inferInsert)["functionalLevel"];
  unitCode: string;
  governmentAffair: string | null;
  summary: string;
  requiredHeadcount: number | null;
}

function seedDemoRows(tx: Tx, report: SeedReport, passwordHash: string) {
  // the demo instance is data like any other: a real install fills its own profile in
  if (!instanceProfile(tx)) {
    const profile = InstanceProfileSchema.parse(readSeed<unknown>("demo/instance.json"));
    tx.insert(settings)
      .values({ key: INSTANCE_SETTING_KEY, label: "Profil instansi", value: profile, sourceNote: "Profil instansi demo.", verified: true })
      .run();
    bump(report, "settings");
  }

  for (const u of DEMO_USERS) {
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, u.email)).get()) continue;
    tx.insert(users)
      .values({ ...u, passwordHash, isDemo: true })
      .run();
    bump(report, "users");
  }

  for (const u of readSeed<UnitSeed[]>("demo/units.json")) {
    if (findUnitByCode(tx, u.code)) continue;
    const parent = u.parentCode ? findUnitByCode(tx, u.parentCode) : undefined;
    if (u.parentCode && !parent) throw new Error(`demo unit ${u.code}: parent ${u.parentCode} is missing`);
    tx.insert(orgUnits)
      .values({
        code: u.code,
        name: u.name,
        kind: u.kind,
        echelon: u.echelon,
        parentId: parent?.id ?? null,
        legalBasisKind: u.legalBasis?.kind ?? null,
        legalBasisNumber: u.legalBasis?.number ?? null,
        legalBasisYear: u.legalBasis?.year ?? null,
      })
      .run();
    bump(report, "units");
  }

  for (const p of readSeed<PositionSeed[]>("demo/positions.json")) {
    if (findPositionByCode(tx, p.code)) continue;
    const unit = findUnitByCode(tx, p.unitCode);
    if (!unit) throw new Error(`demo position ${p.code}: unit ${p.unitCode} is missing`);
    tx.insert(positions)
      .values({
        code: p.code,
        name: p.name,
        group: p.group,
        functionalLevel: p.functionalLevel,
        unitId: unit.id,
        governmentAffair: p.governmentAffair,
        summaryJson: plainTextToDoc(p.summary),
        summaryText: p.summary,
        requiredHeadcount: p.requiredHeadcount,
      })
      .run();
    bump(report, "positions");
  }

  const example = "Contoh ilustratif untuk demo, bukan teks peraturan.";
  for (const c of readSeed<DictionaryEntry[]>("demo/competencies.json")) {
    if (findCompetencyByCode(tx, c.code)) continue;
    const id = insertCompetency(tx, {
      code: c.code,
      type: "teknis",
      name: c.name,
      category: c.category ?? null,
      sourceKind: c.sourceKind ?? "lokal",
      sourceReference: c.sourceReference ?? null,
      keywords: c.keywords ?? [],
    });
    addRevision(tx, id, {
      definition: definitionFromPlainText(c.definition ?? ""),
      textStatus: "contoh",
      levels: levelsOf(c),
      note: example,
      publish: true,
      actorId: null,
    });
    bump(report, "competencies");
  }

  // T.OTDA: the demo publishes illustrative texts, marked "contoh", only while the reference draft is still untouched.
  const otda = findCompetencyByCode(tx, "T.OTDA");
  const revisions = otda ? revisionsOf(tx, otda.id) : [];
  const only = revisions[0];
  if (revisions.length === 1 && only && only.status === "draft" && only.definitionText === "") {
    const c = readSeed<DictionaryEntry>("demo/t-otda-contoh.json");
    replaceDraftTexts(tx, only.id, {
      definition: definitionFromPlainText(c.definition ?? ""),
      textStatus: "contoh",
      levels: levelsOf(c),
      note: example,
      actorId: null,
    });
    publishRevision(tx, only.id, null);
    bump(report, "competencyRevisions");
  }
}

/**
 * Loads the regulation data; with `demo`, also the demo province, dictionary and users, and (`demoSkj`)
 * the demo SKJ. Under NODE_ENV=test the demo SKJ stay out unless asked for: the suites build their own SKJ on
 * the demo province and count what they wrote from zero (skj-publish, api-skj, register tests).
 */
export async function seed(db: Db, kind: "reference" | "demo", options: { demoSkj?: boolean } = {}): Promise<SeedReport> {
  const report: SeedReport = { inserted: {} };
  const passwordHash = kind === "demo" ? await hashPassword(DEMO_PASSWORD) : "";
  db.transaction((tx) => {
    seedReferenceRows(tx, report);
    if (kind === "demo") seedDemoRows(tx, report, passwordHash);
    const total = Object.values(report.inserted).reduce((a, b) => a + (b ?? 0), 0);
    if (total > 0) {
      // seeding writes revisions directly, past the write paths that keep the search index fresh
      rebuildCompetencySearch(tx);
      recordAudit(tx, {
        actorId: null,
        action: "seed",
        entityType: "system",
        summary: `Data awal (${kind}) dimuat: ${describeSeedReport(report)}`,
      });
    }
  });
  if (kind === "demo" && (options.demoSkj ?? process.env.NODE_ENV !== "test")) {
    // after the transaction: the SKJ write paths open their own (publishing an immediate one), which cannot nest in it
    for (const [key, n] of Object.entries(seedDemoSkj(db)) as [SeedItem, number][]) if (n > 0) report.inserted[key] = n;
  }
  return report;
}

export function isDatabaseEmpty(db: Db): boolean {
  return (
    (db.select({ n: count() }).from(users).get()?.n ?? 0) === 0 && (db.select({ n: count() }).from(competencyRevisions).get()?.n ?? 0) === 0
  );
}
