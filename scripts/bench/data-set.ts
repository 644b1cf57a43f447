// The bench's data set: the synthetic SOTK and technical dictionary of scripts/bench/bulk-seed.ts, then a published
// SKJ for every synthetic position, written set-wise in one transaction with prepared statements. Each SKJ
// is what the workflow would publish: the regulation's managerial and socio-cultural entries at the
// position's standard levels, T.OTDA, several technical entries at their levels, requirements filled in.
import type { FunctionalLevel, PositionGroup } from "~/domain/sotk";
import type { SkjDocument } from "~/domain/skj-document";
import { buildPublishedDocument, type PublishedCompetencyTexts, type SkjPublishedUnit } from "~/domain/skj-published";
import { expectedCompetencies } from "~/domain/skj-rules";
import { ruleSettings } from "~/services/skj.server";
import { BULK_PREFIX, bulkSeed, bulkSeedCompetencies, prng } from "./bulk-seed";
import type { Db } from "~db/client.server";
import { levelsOfRevisions } from "~db/queries/competencies.server";
import { recordAudit } from "~db/queries/audit.server";
import { sealPublishedDocument } from "~db/queries/skj-publish.server";
import { technicalChooser } from "./technical-choice";

export interface DataSetSize {
  label: string;
  units: number;
  positions: number;
  /** Synthetic technical dictionary entries. */
  competencies: number;
  /** How many positions get a published SKJ, spread evenly over the register; every one when absent. */
  published?: number;
  seed: number;
}

export const SMALL: DataSetSize = { label: "2k", units: 200, positions: 2_000, competencies: 500, seed: 1 };
export const LARGE: DataSetSize = { label: "20k", units: 2_000, positions: 20_000, competencies: 5_000, seed: 1 };
// issue 18: a national service, where most positions still wait for their first SKJ (`npm run bench -- --national`)
export const NATIONAL: DataSetSize = {
  label: "nasional",
  units: 20_000,
  positions: 200_000,
  competencies: 50_000,
  published: 20_000,
  seed: 1,
};

/** `size` with every count times `factor` (at least one), for a dry run of a data set too big to try out. */
export function scaledSize(size: DataSetSize, factor: number): DataSetSize {
  if (factor === 1) return size;
  const times = (n: number) => Math.max(1, Math.round(n * factor));
  return {
    ...size,
    label: `${size.label}×${factor}`,
    units: times(size.units),
    positions: times(size.positions),
    competencies: times(size.competencies),
    ...(size.published === undefined ? {} : { published: times(size.published) }),
  };
}

/** Sizes of the penetapan the bundle measures print; the rest of the positions share one more act. */
export const BUNDLE_ITEMS = 200;
export const PROVINCE_ITEMS = 2_000;

export const PUBLISHED_AT = "2026-01-02T03:00:00.000Z";
const EFFECTIVE_DATE = "2026-01-01";
// no signer title: the signature prints the head of the instance profile
const SIGNER = { title: null, name: "Dr. H. Arief Wicaksono, M.Si." };

export interface PublishedActs {
  /** The act of BUNDLE_ITEMS SKJ (the 200-SKJ bundle), or null when the data set has fewer positions. */
  bundle: { penetapanId: number; items: number } | null;
  /** The act of PROVINCE_ITEMS SKJ (the whole-province lampiran), or null when too small. */
  province: { penetapanId: number; items: number } | null;
  /** The perangkat daerah with the most live SKJ under it: the unit bundle. */
  largestUnit: { unitId: number; code: string; items: number };
}

export interface DataSet {
  units: number;
  positions: number;
  competencies: number;
  versions: number;
  competencyUses: number;
  events: number;
  /** Milliseconds of each step, for the log. */
  timings: { sotk: number; dictionary: number; publish: number };
  acts: PublishedActs;
}

type Requirements = SkjDocument["requirements"];

// plausible requirements per group (PP 11/2017 jo. PP 17/2020): rank, education, leadership training
const RANK: Record<PositionGroup, Requirements["rank"]> = {
  jpt_utama: "IV/e",
  jpt_madya: "IV/d",
  jpt_pratama: "IV/c",
  administrator: "IV/a",
  pengawas: "III/d",
  pelaksana: "II/c",
  fungsional: "III/a",
};
const FUNCTIONAL_RANK: Record<FunctionalLevel, Requirements["rank"]> = {
  ahli_utama: "IV/d",
  ahli_madya: "IV/c",
  ahli_muda: "III/c",
  ahli_pertama: "III/a",
  penyelia: "III/c",
  mahir: "III/a",
  terampil: "II/c",
  pemula: "II/a",
};
const LEADERSHIP: Partial<Record<PositionGroup, string>> = {
  jpt_utama: "Pelatihan Kepemimpinan Nasional Tingkat I",
  jpt_madya: "Pelatihan Kepemimpinan Nasional Tingkat I",
  jpt_pratama: "Pelatihan Kepemimpinan Nasional Tingkat II",
  administrator: "Pelatihan Kepemimpinan Administrator (PKA)",
  pengawas: "Pelatihan Kepemimpinan Pengawas (PKP)",
};

// The minimums of the seeded minimumExperienceByGroup setting, so the bench's SKJ are as valid as real ones.
const MINIMUM_YEARS: Partial<Record<PositionGroup, number>> = {
  jpt_utama: 10,
  jpt_madya: 7,
  jpt_pratama: 5,
  administrator: 3,
  pengawas: 4,
  pelaksana: 1,
};

function requirementsOf(
  group: PositionGroup,
  level: FunctionalLevel | null,
  affair: string | null,
  technicalNames: string[],
): Requirements {
  const skilled = level === "terampil" || level === "pemula" || level === "mahir" || level === "penyelia";
  const education = group.startsWith("jpt") ? "S-2" : group === "pelaksana" ? "SMA" : skilled ? "D-III" : "S-1";
  const leadership = LEADERSHIP[group];
  return {
    rank: level ? FUNCTIONAL_RANK[level] : RANK[group],
    education: [
      {
        level: education as Requirements["education"][number]["level"],
        fields: education === "SMA" ? [] : ["Administrasi Negara", affair ?? "Ilmu Pemerintahan"],
      },
    ],
    training: {
      managerial: leadership ? [leadership] : [],
      technical: technicalNames.slice(0, 2).map((n) => `Pelatihan ${n}`),
      functional: level ? ["Pelatihan Pembentukan Jabatan Fungsional"] : [],
    },
    experience: [{ description: `Pengalaman di bidang ${(affair ?? "pemerintahan").toLowerCase()}`, minYears: MINIMUM_YEARS[group] ?? 2 }],
    performanceIndicators: [
      `Persentase capaian target kinerja ${(affair ?? "unit kerja").toLowerCase()}`,
      "Indeks kepuasan pengguna layanan",
    ],
  };
}

interface PositionRow {
  id: number;
  code: string;
  name: string;
  group: PositionGroup;
  functionalLevel: FunctionalLevel | null;
  governmentAffair: string | null;
  summary: string;
  unitId: number;
  unitCode: string;
  /** The top-level perangkat daerah the position sits under. */
  rootUnitId: number;
  /** The biro/bidang it works in (below the perangkat daerah), which shares a focus. */
  unitKey: string;
}

/** `count` of `rows` spread evenly from the first, in their order; all of them when `count` is absent or larger. */
function spread<T>(rows: readonly T[], count = rows.length): T[] {
  if (count >= rows.length) return [...rows];
  return Array.from({ length: count }, (_, k) => rows[Math.floor((k * rows.length) / count)]!);
}

/**
 * Publishes one version of every synthetic position without one (or of `published` of them, spread evenly):
 * closed drafts, immutable versions (canonical JSON and hash exactly as publishPenetapan stores them), the
 * pinned dictionary revisions, decisions, feed events, three acts (BUNDLE_ITEMS, PROVINCE_ITEMS, the rest)
 * and their audit rows.
 */
export function publishAllInSql(
  db: Db,
  seed: number,
  published?: number,
): Omit<DataSet, "units" | "positions" | "competencies" | "timings"> {
  const sqlite = db.$client;
  // seeded, as the SOTK and the dictionary are: the same options always give the same documents
  const rng = prng(seed);
  const admin = sqlite.prepare("select id, name from users where email = 'admin@demo.go.id'").get() as
    | { id: number; name: string }
    | undefined;
  const reviewer = sqlite.prepare("select id, name from users where email = 'reviewer@demo.go.id'").get() as
    | { id: number; name: string }
    | undefined;
  if (!admin || !reviewer) throw new Error("Data set bench membutuhkan pengguna demo (admin@demo.go.id, reviewer@demo.go.id).");

  // the newest published revision of every entry, with its levels and indicators, read once
  const revisions = sqlite
    .prepare(
      `select c.code, c.type, r.id, r.number, coalesce(r.name, c.name) as name, r.definition_text as definition, coalesce(r.category, c.category) as category
       from competencies c join competency_revisions r on r.competency_id = c.id
       where r.status = 'diterbitkan' and r.number = (select max(number) from competency_revisions x where x.competency_id = c.id and x.status = 'diterbitkan')`,
    )
    .all() as {
    code: string;
    type: PublishedCompetencyTexts["type"];
    id: number;
    number: number;
    name: string;
    definition: string;
    category: string | null;
  }[];
  const levels = levelsOfRevisions(
    db,
    revisions.map((r) => r.id),
  );
  const texts = new Map<string, PublishedCompetencyTexts & { revisionId: number }>(
    revisions.map((r) => [
      r.code,
      { type: r.type, name: r.name, definition: r.definition, revision: r.number, levels: levels.get(r.id) ?? [], revisionId: r.id },
    ]),
  );
  const technical = revisions.filter((r) => r.code.startsWith(`${BULK_PREFIX}T.`));
  if (technical.length < 5)
    throw new Error(`Hanya ${technical.length} kompetensi teknis sintetis yang diterbitkan; perlu paling sedikit 5.`);

  const units = sqlite.prepare("select id, code, name, echelon, parent_id as parentId from org_units").all() as {
    id: number;
    code: string;
    name: string;
    echelon: string | null;
    parentId: number | null;
  }[];
  const unitById = new Map(units.map((u) => [u.id, u]));
  const ancestry = (id: number) => {
    const path: typeof units = [];
    for (let u = unitById.get(id); u; u = u.parentId === null ? undefined : unitById.get(u.parentId)) path.unshift(u);
    return path;
  };
  const publishedUnits = new Map<number, SkjPublishedUnit>();
  const publishedUnit = (id: number) => {
    let value = publishedUnits.get(id);
    if (!value) {
      const path = ancestry(id);
      const own = path.at(-1)!;
      value = {
        code: own.code,
        name: own.name,
        echelon: (own.echelon || null) as SkjPublishedUnit["echelon"],
        path: path.map((u) => ({ code: u.code, name: u.name })),
      };
      publishedUnits.set(id, value);
    }
    return value;
  };

  const unpublished = (
    sqlite
      .prepare(
        `select p.id, p.code, p.name, p."group" as "group", p.functional_level as functionalLevel, p.government_affair as governmentAffair,
                p.summary_text as summary, p.unit_id as unitId, u.code as unitCode
         from positions p join org_units u on u.id = p.unit_id
         where p.code glob '${BULK_PREFIX}*' and p.active = 1
           and not exists (select 1 from skj_versions v where v.position_id = p.id)
         order by p.id`,
      )
      .all() as Omit<PositionRow, "rootUnitId" | "unitKey">[]
  ).map((p) => {
    const path = ancestry(p.unitId);
    return { ...p, rootUnitId: path[0]!.id, unitKey: (path[1] ?? path[0]!).code };
  });
  const rows = spread(unpublished, published);
  const chooseTechnical = technicalChooser(technical, seed);

  const { settings, regionalGovernment } = ruleSettings(db);
  const prefilled = new Map<string, SkjDocument["competencies"]>();
  const prefill = (group: PositionGroup, level: FunctionalLevel | null) => {
    const key = `${group}/${level}`;
    let value = prefilled.get(key);
    if (!value) prefilled.set(key, (value = expectedCompetencies(group, level, settings, regionalGovernment)));
    return value;
  };

  const insertAct = sqlite.prepare(
    `insert into penetapan (kind, number, year, title, signed_date, effective_date, signer_title, signer_name, status, created_by)
     values ('Peraturan Gubernur', ?, 2026, ?, '2026-01-01', ?, ?, ?, 'draf', ?)`,
  );
  // an act gathers its items while a draft; SQLite refuses new items once it is published, as in the app
  const publishAct = sqlite.prepare("update penetapan set status = 'ditetapkan', published_by = ?, published_at = ? where id = ?");
  const insertDraft = sqlite.prepare(
    `insert into skj_drafts (position_id, state, document, created_by, last_edited_by, submitted_by, submitted_at, approved_by, approved_at, closed_at, closed_reason)
     values (?, 'disetujui', ?, ?, ?, ?, ?, ?, ?, ?, 'ditetapkan')`,
  );
  const insertItem = sqlite.prepare("insert into penetapan_items (penetapan_id, draft_id) values (?, ?)");
  const insertVersion = sqlite.prepare(
    "insert into skj_versions (position_id, version_number, draft_id, penetapan_id, snapshot, content_hash, published_at, published_by) values (?, 1, ?, ?, ?, ?, ?, ?)",
  );
  const insertUse = sqlite.prepare("insert into skj_competency_uses (version_id, competency_revision_id, level) values (?, ?, ?)");
  const insertDecision = sqlite.prepare(
    "insert into skj_decisions (draft_id, action, comment, actor_id, created_at) values (?, 'ditetapkan', ?, ?, ?)",
  );
  const insertEvent = sqlite.prepare("insert into events (type, position_code, version, occurred_at) values ('skj.published', ?, 1, ?)");

  const actsPlan = [
    { size: BUNDLE_ITEMS, number: "12", title: `Standar Kompetensi Jabatan di Lingkungan Sekretariat Daerah (${BUNDLE_ITEMS} jabatan)` },
    {
      size: PROVINCE_ITEMS,
      number: "13",
      title: `Standar Kompetensi Jabatan di Lingkungan Pemerintah Provinsi (${PROVINCE_ITEMS} jabatan)`,
    },
    { size: Number.POSITIVE_INFINITY, number: "14", title: "Standar Kompetensi Jabatan Perangkat Daerah Lainnya" },
  ];
  let versions = 0;
  let uses = 0;
  const acts: { penetapanId: number; items: number }[] = [];
  const perRoot = new Map<number, number>();
  db.transaction((tx) => {
    let next = 0;
    for (const plan of actsPlan) {
      const members = rows.slice(next, next + plan.size);
      next += members.length;
      if (members.length === 0) break;
      const penetapanId = Number(
        insertAct.run(plan.number, plan.title, EFFECTIVE_DATE, SIGNER.title, SIGNER.name, admin.id).lastInsertRowid,
      );
      const legalBasis = { kind: "Peraturan Gubernur" as const, number: plan.number, year: 2026, title: plan.title };
      const citation = `Peraturan Gubernur Nomor ${plan.number} Tahun 2026 tentang ${plan.title}`;
      for (const p of members) {
        // three to five technical entries at levels 1–5, on top of what the register prefills
        const picked = new Map(chooseTechnical(p, rng.int(3, 5), rng).map((code) => [code, rng.int(1, 5)]));
        const competencies = [...prefill(p.group, p.functionalLevel), ...[...picked].map(([code, level]) => ({ code, level }))];
        const document: SkjDocument = {
          schemaVersion: 1,
          position: {
            code: p.code,
            name: p.name,
            group: p.group,
            functionalLevel: p.functionalLevel,
            unitCode: p.unitCode,
            governmentAffair: p.governmentAffair,
            summary: p.summary,
          },
          competencies,
          requirements: requirementsOf(
            p.group,
            p.functionalLevel,
            p.governmentAffair,
            [...picked.keys()].map((c) => texts.get(c)!.name),
          ),
        };
        const built = buildPublishedDocument(document, texts, {
          version: 1,
          publishedAt: PUBLISHED_AT,
          effectiveDate: EFFECTIVE_DATE,
          legalBasis,
          approvedBy: { name: reviewer.name },
          publishedBy: { name: admin.name },
          unit: publishedUnit(p.unitId),
        });
        if (!built.ok) throw new Error(`SKJ ${p.code}: ${built.message}`);
        const { snapshot, contentHash } = sealPublishedDocument(built.document);
        const draftId = insertDraft.run(
          p.id,
          JSON.stringify(document),
          admin.id,
          admin.id,
          admin.id,
          PUBLISHED_AT,
          reviewer.id,
          PUBLISHED_AT,
          PUBLISHED_AT,
        ).lastInsertRowid;
        insertItem.run(penetapanId, draftId);
        const versionId = insertVersion.run(p.id, draftId, penetapanId, snapshot, contentHash, PUBLISHED_AT, admin.id).lastInsertRowid;
        for (const c of competencies) {
          insertUse.run(versionId, texts.get(c.code)!.revisionId, c.level);
          uses++;
        }
        insertDecision.run(draftId, citation, admin.id, PUBLISHED_AT);
        insertEvent.run(p.code, PUBLISHED_AT);
        perRoot.set(p.rootUnitId, (perRoot.get(p.rootUnitId) ?? 0) + 1);
        versions++;
      }
      publishAct.run(admin.id, PUBLISHED_AT, penetapanId);
      recordAudit(tx, {
        actorId: admin.id,
        action: "skj.publish",
        entityType: "penetapan",
        entityId: penetapanId,
        summary: `${citation} ditetapkan: ${members.length} SKJ (data bench)`,
      });
      acts.push({ penetapanId, items: members.length });
    }
  });
  const [largestId, largestCount] = [...perRoot].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  return {
    versions,
    competencyUses: uses,
    events: versions,
    acts: {
      bundle: acts[0]?.items === BUNDLE_ITEMS ? acts[0] : null,
      province: acts[1]?.items === PROVINCE_ITEMS ? acts[1] : null,
      largestUnit: { unitId: largestId, code: unitById.get(largestId)?.code ?? "", items: largestCount },
    },
  };
}

/**
 * The whole data set into a migrated database that already holds the demo seed (users, the regulation's
 * dictionary, T.OTDA): SOTK, technical dictionary, then the synthetic positions published (all, or `size.published`).
 */
export function seedBenchDataSet(db: Db, size: DataSetSize): DataSet {
  let started = performance.now();
  const sotk = bulkSeed(db, { units: size.units, positions: size.positions, seed: size.seed });
  const sotkMs = performance.now() - started;
  started = performance.now();
  const dictionary = bulkSeedCompetencies(db, { count: size.competencies, seed: size.seed });
  const dictionaryMs = performance.now() - started;
  started = performance.now();
  const versions = publishAllInSql(db, size.seed, size.published);
  const publishMs = performance.now() - started;
  db.$client.pragma("optimize");
  return {
    units: sotk.units,
    positions: sotk.positions,
    competencies: dictionary.competencies,
    ...versions,
    timings: { sotk: sotkMs, dictionary: dictionaryMs, publish: publishMs },
  };
}
