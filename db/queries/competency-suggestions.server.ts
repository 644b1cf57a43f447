// The signals of suggested technical competencies (app/domain/competency-suggestions.ts) gathered in SQL:
// what the live SKJ of positions with similar names, of the same unit subtree and of the same urusan use,
// and which published dictionary entries share root words with the ikhtisar. A live SKJ is a version
// without an end (diganti/dicabut); the position asking is never its own evidence.
import { sql, type SQL } from "drizzle-orm";
import {
  nameOverlap,
  positionNameRoots,
  SIMILAR_NAME_THRESHOLD,
  STOCK_ROOTS,
  type SuggestionSignals,
  type UsageSignal,
} from "~/domain/competency-suggestions";
import { stemWord } from "~/domain/search-text.server";
import { searchWords } from "~/domain/search-words";
import { STOP_WORDS } from "~/domain/similarity";
import type { DbOrTx } from "../client.server";
import { unitAncestry } from "./register.server";

export interface SuggestionSubject {
  positionId: number;
  name: string;
  unitId: number;
  governmentAffair: string | null;
  summary: string;
}

/** Names looked at: a common family ("Pengadministrasi Perkantoran") has a namesake in every unit. */
const SIMILAR_CANDIDATES = 200;
/** With this many positions of the very same name, names sharing only some words add nothing. */
const ENOUGH_NAMESAKES = 50;
const SUMMARY_CANDIDATES = 20;
const SUMMARY_HITS = 5;
/** One shared word is a coincidence ("pelayanan"); two start to describe the same work. */
const MIN_SUMMARY_WORDS = 2;
const MAX_SUMMARY_ROOTS = 16;
/** A word in more than this share of the technical entries (and more than COMMON_MIN_ENTRIES) is common. */
const COMMON_SHARE = 0.1;
const COMMON_MIN_ENTRIES = 20;
const SHOWN_SUMMARY_WORDS = 4;

const LIVE_VERSION = sql`not exists (select 1 from skj_version_ends e where e.version_id = v.id)`;

/**
 * Technical entries of the uses counted per revision by `counted` (revisionId plus the columns `sums` adds
 * up): thousands of use rows are grouped first, and only a few hundred revisions are looked up.
 */
function perTechnicalEntry(counted: SQL, sums: SQL): SQL {
  return sql`
    with counted as (${counted})
    select c.code as code, ${sums}
    from counted join competency_revisions r on r.id = counted.revisionId join competencies c on c.id = r.competency_id
    where c.type = 'teknis' group by c.code`;
}

/** How many of `members` have a live SKJ, and how many of those use each technical entry. */
function usage(db: DbOrTx, members: SQL): UsageSignal {
  const total =
    db.get<{ n: number }>(sql`select count(*) as n from skj_versions v where v.position_id in (${members}) and ${LIVE_VERSION}`)?.n ?? 0;
  const rows = db.all<{ code: string; n: number }>(
    perTechnicalEntry(
      sql`select u.competency_revision_id as revisionId, count(*) as n
          from skj_versions v join skj_competency_uses u on u.version_id = v.id
          where v.position_id in (${members}) and ${LIVE_VERSION}
          group by u.competency_revision_id`,
      sql`sum(counted.n) as n`,
    ),
  );
  return { total, uses: new Map(rows.map((r) => [r.code, r.n])) };
}

const nameRoots = (name: string) => positionNameRoots(searchWords(name), stemWord);

/** Positions with a live SKJ whose names match `match` (FTS5 on root words), best first when `ranked`. */
function namesMatching(db: DbOrTx, subject: SuggestionSubject, match: string, ranked: boolean) {
  return db.all<{ id: number; name: string }>(sql`
    select p.id, p.name from positions_fts cross join positions p on p.id = positions_fts.rowid
    where positions_fts match ${match} and p.id <> ${subject.positionId} and p.active = 1
      and exists (select 1 from skj_versions v where v.position_id = p.id and ${LIVE_VERSION})
    ${ranked ? sql`order by bm25(positions_fts)` : sql``} limit ${SIMILAR_CANDIDATES}`);
}

function similarNames(db: DbOrTx, subject: SuggestionSubject): SuggestionSignals["similar"] {
  const roots = nameRoots(subject.name);
  if (roots.length === 0) return { totalWeight: 0, uses: new Map() };
  const quoted = roots.map((w) => `"${w}"`);
  // the same job elsewhere ("Pengadministrasi Perkantoran" in every dinas) needs no ranking, and is the
  // usual case; only a rarer name widens to names sharing some of its words, best first
  let candidates = namesMatching(db, subject, `name_stem : (${quoted.join(" AND ")})`, false);
  if (candidates.length < ENOUGH_NAMESAKES && roots.length > 1)
    candidates = namesMatching(db, subject, `name_stem : (${quoted.join(" OR ")})`, true);
  const weights = new Map<number, number>();
  for (const c of candidates) {
    const overlap = nameOverlap(roots, nameRoots(c.name));
    if (overlap >= SIMILAR_NAME_THRESHOLD) weights.set(c.id, overlap);
  }
  const rows =
    weights.size === 0
      ? []
      : db.all<{ code: string; positions: number; weight: number }>(
          perTechnicalEntry(
            sql`with similar(id, weight) as (select json_extract(value, '$[0]'), json_extract(value, '$[1]') from json_each(${JSON.stringify([...weights])}))
                select u.competency_revision_id as revisionId, count(*) as positions, sum(similar.weight) as weight
                from similar join skj_versions v on v.position_id = similar.id join skj_competency_uses u on u.version_id = v.id
                where ${LIVE_VERSION}
                group by u.competency_revision_id`,
            sql`sum(counted.positions) as positions, sum(counted.weight) as weight`,
          ),
        );
  return {
    totalWeight: [...weights.values()].reduce((a, b) => a + b, 0),
    uses: new Map(rows.map((r) => [r.code, { positions: r.positions, weight: r.weight }])),
  };
}

/**
 * The unit subtree is the biro or bidang the position works in (its unit's ancestor one level below the
 * perangkat daerah), or the perangkat daerah for positions directly under it: a subbagian or seksi alone
 * holds too few positions to say anything.
 */
function unitSubtree(db: DbOrTx, subject: SuggestionSubject): SuggestionSignals["unit"] {
  const path = unitAncestry(db, subject.unitId);
  const anchor = path[1] ?? path[0];
  if (!anchor) return { total: 0, uses: new Map(), unitName: "" };
  const members = sql`
    with recursive sub(id) as (select ${anchor.id} union all select u.id from org_units u join sub on u.parent_id = sub.id)
    select p.id from positions p where p.unit_id in (select id from sub) and p.id <> ${subject.positionId} and p.active = 1`;
  return { ...usage(db, members), unitName: anchor.name };
}

function sameAffair(db: DbOrTx, subject: SuggestionSubject): SuggestionSignals["affair"] {
  if (!subject.governmentAffair) return { total: 0, uses: new Map(), affair: null };
  const members = sql`select p.id from positions p where p.government_affair = ${subject.governmentAffair} and p.id <> ${subject.positionId} and p.active = 1`;
  return { ...usage(db, members), affair: subject.governmentAffair };
}

/** Published technical entries whose name, keywords or definition share root words with the ikhtisar. */
function summaryMatches(db: DbOrTx, summary: string): SuggestionSignals["summary"] {
  // each root with the first word of the ikhtisar it came from, to show that word
  const words = new Map<string, string>();
  for (const w of searchWords(summary)) {
    if (w.length < 3 || STOP_WORDS.has(w) || /^\d+$/.test(w)) continue;
    const root = stemWord(w);
    if (!words.has(root) && !STOCK_ROOTS.has(root)) words.set(root, w);
    if (words.size >= MAX_SUMMARY_ROOTS) break;
  }
  if (words.size < MIN_SUMMARY_WORDS) return [];
  // a word in much of the dictionary describes no field, and would make the query read most of the index
  const technical = db.get<{ n: number }>(sql`select count(*) as n from competencies where type = 'teknis'`)?.n ?? 0;
  const common = db.all<{ term: string }>(sql`
    select term from competency_search_published_vocab
    where term in (select value from json_each(${JSON.stringify([...words.keys()])})) and doc > ${Math.max(COMMON_MIN_ENTRIES, technical * COMMON_SHARE)}`);
  for (const { term } of common) words.delete(term);
  if (words.size < MIN_SUMMARY_WORDS) return [];
  const match = `{name_stem keywords_stem definition_stem} : (${[...words.keys()].map((w) => `"${w}"`).join(" OR ")})`;
  const hits = db.all<{ code: string; name: string; keywords: string; definition: string }>(sql`
    select c.code, s.name_stem as name, s.keywords_stem as keywords, s.definition_stem as definition
    from competency_search_published s cross join competencies c on c.id = s.rowid
    where competency_search_published match ${match} and c.type = 'teknis'
    order by bm25(competency_search_published) limit ${SUMMARY_CANDIDATES}`);
  return hits
    .map((h) => {
      const roots = new Set(`${h.name} ${h.keywords} ${h.definition}`.split(" "));
      return { code: h.code, words: [...words].filter(([root]) => roots.has(root)).map(([, word]) => word) };
    })
    .filter((h) => h.words.length >= MIN_SUMMARY_WORDS)
    .slice(0, SUMMARY_HITS)
    .map((h) => ({ code: h.code, words: h.words.slice(0, SHOWN_SUMMARY_WORDS) }));
}

export function suggestionSignals(db: DbOrTx, subject: SuggestionSubject): SuggestionSignals {
  return {
    similar: similarNames(db, subject),
    unit: unitSubtree(db, subject),
    affair: sameAffair(db, subject),
    summary: summaryMatches(db, subject.summary),
  };
}
