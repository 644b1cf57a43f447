// Dictionary search over competency_search (drizzle/0004_competency_search.sql, 0012_search_stems.sql): one
// FTS5 row per entry with the texts of its latest revision, rowid = competency id, and the same for each
// entry's latest published revision in competency_search_published (what the API and the SKJ editor's
// picker offer). Both hold each text twice: as written and as Indonesian root words (app/domain/search-text).
import type Database from "better-sqlite3";
import { sql, type SQL } from "drizzle-orm";
import type { CompetencyType, RevisionStatus } from "~/domain/dictionary";
import { RecentlyUsed } from "~/domain/recently-used";
import { SEARCH_FIELDS, type SearchField, type SearchHighlight } from "~/domain/search-highlight";
import { highlightSnippet, queryTerms, stemText, stemmedMatch } from "~/domain/search-text.server";
import { SIMILARITY_THRESHOLD, nameSimilarity, nameTokens } from "~/domain/similarity";
import type { DbOrTx } from "../client.server";
import type { Competency, CompetencyRevision } from "../schema";

export type SearchIndex = "competency_search" | "competency_search_published";

type StemField = Exclude<SearchField, "code">;
const STEM_FIELDS = SEARCH_FIELDS.filter((f): f is StemField => f !== "code");
const stemColumn = (f: StemField) => `${f}_stem`;
const STEM_COLUMNS = STEM_FIELDS.map(stemColumn);

/** bm25 column weights, in SEARCH_FIELDS order; they order hits within a tier (see RANK_TIERS). */
export const SEARCH_WEIGHTS: Record<SearchField, number> = {
  code: 10,
  name: 8,
  definition: 3,
  levels: 2,
  indicators: 1.5,
  keywords: 4,
};
/** A word found as written also matches its root, so it ranks above one that matched by its root alone. */
const STEM_WEIGHT_FACTOR = 0.5;
const bm25 = (index: SearchIndex) =>
  sql.raw(
    `bm25(${index}, ${[...SEARCH_FIELDS.map((f) => SEARCH_WEIGHTS[f]), ...STEM_FIELDS.map((f) => SEARCH_WEIGHTS[f] * STEM_WEIGHT_FACTOR)].join(", ")})`,
  );
/**
 * FTS5's bm25 multiplies the weight into the term frequency before saturating it, so a word repeated in
 * fifteen indicators still outscores the same word once in the name whatever the weights. Hits are
 * therefore ranked in tiers first: all words within code and name; then all words within code, name,
 * keywords and definition; then the rest (some word only in level descriptions or indicators). A tier
 * takes a field's root-word column with it.
 */
const RANK_TIERS: readonly string[][] = [
  ["code", "name"],
  ["code", "name", "keywords", "definition"],
].map((fields) => fields.flatMap((f) => (f === "code" ? [f] : [f, stemColumn(f as StemField)])));
// the field reported for a hit is the heaviest one that matched
const FIELD_PRIORITY = [...SEARCH_FIELDS].sort((a, b) => SEARCH_WEIGHTS[b] - SEARCH_WEIGHTS[a]);

/** The FTS5 query of what a user typed into any dictionary search box; null when nothing can match. */
export function dictionaryMatch(q: string): string | null {
  return stemmedMatch(q, STEM_COLUMNS);
}

// The same SELECTs as the backfill in migration 0012; keep them in step.
function indexRows(index: SearchIndex, where: SQL) {
  const revision =
    index === "competency_search"
      ? sql`(select max(r2.number) from competency_revisions r2 where r2.competency_id = c.id)`
      : sql`(select max(r2.number) from competency_revisions r2 where r2.competency_id = c.id and r2.status = 'diterbitkan')`;
  return sql`
    insert into ${sql.identifier(index)}(rowid, code, name, definition, levels, indicators, keywords,
      name_stem, definition_stem, levels_stem, indicators_stem, keywords_stem, competency_id)
    select id, code, name, definition, levels, indicators, keywords,
      stem_id(name), stem_id(definition), stem_id(levels), stem_id(indicators), stem_id(keywords), id
    from (
      select
        c.id as id,
        c.code as code,
        coalesce(r.name, c.name) as name,
        r.definition_text as definition,
        coalesce((select group_concat(l.description, char(10) order by l.level) from competency_levels l where l.revision_id = r.id), '') as levels,
        coalesce((select group_concat(i.text, char(10) order by l.level, i.ordinal)
                  from competency_levels l join competency_indicators i on i.level_id = l.id where l.revision_id = r.id), '') as indicators,
        coalesce((select group_concat(k.value, ', ' order by k.key) from json_each(coalesce(r.keywords, c.keywords)) k), '') as keywords
      from competencies c
      join competency_revisions r on r.competency_id = c.id and r.number = ${revision}
      where ${where}
    )`;
}

const INDEXES: readonly SearchIndex[] = ["competency_search", "competency_search_published"];

/** Ends the life of every search answer any process keeps (see keptRankedMatches); part of the write's transaction. */
function markSearchChanged(db: DbOrTx) {
  db.run(
    sql`insert into dictionary_search_generation (id, generation) values (1, 1) on conflict (id) do update set generation = generation + 1`,
  );
}

/** The number of committed writes to the dictionary's search indexes: equal numbers, equal dictionary. */
export function dictionaryGeneration(db: DbOrTx): number {
  return db.get<{ generation: number }>(sql`select generation from dictionary_search_generation where id = 1`)?.generation ?? 0;
}

const KEPT_ANSWERS_MAX = 200;
const keptAnswers = new WeakMap<
  Database.Database,
  { generation: number; answers: RecentlyUsed<string, { ids: number[]; total: number }> }
>();

/**
 * rankedMatches, answered from memory while the dictionary's search generation is the one the answer was
 * found under: a common word costs several full-text scans, and the dictionary changes far less often
 * than it is searched. Only outside a transaction, where the generation read is a committed one: inside,
 * a write may have changed the entries before the index's refresh bumps it, or be rolled back.
 */
function keptRankedMatches(db: DbOrTx, key: string, find: () => { ids: number[]; total: number }): { ids: number[]; total: number } {
  const client = "$client" in db ? (db.$client as Database.Database) : null;
  if (!client || client.inTransaction) return find();
  const generation = dictionaryGeneration(db);
  let kept = keptAnswers.get(client);
  if (!kept || kept.generation !== generation) {
    kept = { generation, answers: new RecentlyUsed(KEPT_ANSWERS_MAX) };
    keptAnswers.set(client, kept);
  }
  let answer = kept.answers.get(key);
  if (!answer) {
    answer = find();
    kept.answers.set(key, answer);
  }
  // callers may change what they get; the kept answer must not
  return { ids: [...answer.ids], total: answer.total };
}

/**
 * Rewrites one entry's search rows from its latest and its latest published revision; an entry without
 * them ends up without the row. Call it inside the transaction of every write that touches a revision,
 * its status, its levels or indicators.
 */
export function refreshCompetencySearch(db: DbOrTx, competencyId: number): void {
  markSearchChanged(db);
  for (const index of INDEXES) {
    db.run(sql`delete from ${sql.identifier(index)} where rowid = ${competencyId}`);
    db.run(indexRows(index, sql`c.id = ${competencyId}`));
  }
}

/** Rebuilds every row: after bulk loads, and to repair an index that missed a write. */
export function rebuildCompetencySearch(db: DbOrTx): void {
  markSearchChanged(db);
  for (const index of INDEXES) {
    db.run(sql`delete from ${sql.identifier(index)}`);
    db.run(indexRows(index, sql`1`));
  }
}

export interface DictionarySearchFilter {
  q?: string;
  type?: CompetencyType;
  category?: string;
  sourceKind?: Competency["sourceKind"];
  status?: RevisionStatus;
  page?: number;
  pageSize?: number;
}

export interface DictionarySearchRow {
  id: number;
  code: string;
  type: CompetencyType;
  /** name, category and source are those of the latest revision, as the index holds */
  name: string;
  category: string | null;
  sourceKind: Competency["sourceKind"];
  isFixed: boolean;
  revision: number;
  status: RevisionStatus;
  textStatus: CompetencyRevision["textStatus"];
  /** only with q */
  snippet?: SearchHighlight["snippet"];
  matchedIn?: SearchHighlight["matchedIn"];
}

export const DEFAULT_SEARCH_PAGE_SIZE = 50;
const MAX_SEARCH_PAGE_SIZE = 200;

// one backwards step on competency_revisions_number_uq, then a rowid lookup: cheaper per row than max(number)
const LATEST_REVISION = sql`competency_revisions r on r.id =
  (select r2.id from competency_revisions r2 where r2.competency_id = c.id order by r2.number desc limit 1)`;

const ROW_COLUMNS = sql`c.id, c.code, c.type, coalesce(r.name, c.name) as name, coalesce(r.category, c.category) as category,
  coalesce(r.source_kind, c.source_kind) as sourceKind, c.is_fixed as isFixed, r.number as revision, r.status as status,
  r.text_status as textStatus`;

/** The WHERE terms of a filter, and whether any of them reads the latest revision (r) besides the entry (c). */
function filterConditions(filter: DictionarySearchFilter): { where: SQL | null; needsRevision: boolean } {
  const onEntry: SQL[] = [];
  const onRevision: SQL[] = [];
  if (filter.type) onEntry.push(sql`c.type = ${filter.type}`);
  if (filter.category) onRevision.push(sql`coalesce(r.category, c.category) = ${filter.category}`);
  if (filter.sourceKind) onRevision.push(sql`coalesce(r.source_kind, c.source_kind) = ${filter.sourceKind}`);
  if (filter.status) onRevision.push(sql`r.status = ${filter.status}`);
  const all = [...onEntry, ...onRevision];
  return { where: all.length ? sql.join(all, sql` and `) : null, needsRevision: onRevision.length > 0 };
}

type RawRow = Omit<DictionarySearchRow, "isFixed" | "snippet" | "matchedIn"> & { isFixed: number };
type RawHit = RawRow & Record<SearchField, string | null>;

/**
 * One page of the dictionary plus the total. With q: entries whose latest revision matches every word
 * (as a prefix, or by its root word), best first; without: all entries by type, then code.
 */
export function searchDictionary(db: DbOrTx, filter: DictionarySearchFilter = {}): { rows: DictionarySearchRow[]; total: number } {
  const pageSize = Math.min(MAX_SEARCH_PAGE_SIZE, Math.max(1, Math.trunc(filter.pageSize ?? DEFAULT_SEARCH_PAGE_SIZE)));
  const offset = (Math.max(1, Math.trunc(filter.page ?? 1)) - 1) * pageSize;
  const { where: conditions, needsRevision } = filterConditions(filter);

  if (!filter.q?.trim()) {
    const where = conditions ?? sql`1`;
    const total = db.get<{ n: number }>(sql`select count(*) as n from competencies c join ${LATEST_REVISION} where ${where}`)?.n ?? 0;
    const rows = db.all<RawRow>(sql`
      select ${ROW_COLUMNS} from competencies c join ${LATEST_REVISION}
      where ${where} order by c.type, c.code limit ${pageSize} offset ${offset}`);
    return { rows: rows.map(toRow), total };
  }

  // only punctuation typed: nothing can match, and an empty MATCH string would be an FTS5 syntax error
  const match = dictionaryMatch(filter.q);
  if (!match) return { rows: [], total: 0 };
  const { ids, total } = keptRankedMatches(
    db,
    JSON.stringify(["competency_search", match, filter.type, filter.category, filter.sourceKind, filter.status, offset, pageSize]),
    () => rankedMatches(db, "competency_search", match, { conditions, needsRevision }, offset, pageSize),
  );
  if (ids.length === 0) return { rows: [], total };

  const hits = db.all<RawHit>(sql`
    select ${ROW_COLUMNS}, ${sql.join(
      SEARCH_FIELDS.map((f) => sql`s.${sql.identifier(f)} as ${sql.identifier(f)}`),
      sql`, `,
    )}
    from competencies c cross join ${LATEST_REVISION} cross join competency_search s on s.rowid = c.id
    where c.id in (select value from json_each(${JSON.stringify(ids)}))`);
  const byId = new Map(hits.map((h) => [h.id, h]));
  const highlight = searchHighlighter(filter.q);
  const rows = ids.flatMap((id) => {
    const hit = byId.get(id);
    return hit ? [{ ...toRow(hit), ...highlight(hit) }] : [];
  });
  return { rows, total };
}

/**
 * Marks what `q` matched in an entry's texts: the snippet of the heaviest field with a match. Done in
 * JavaScript rather than by FTS5's snippet(), which cannot mark "Kearsipan" when only its root matched.
 */
export function searchHighlighter(q: string): (texts: Partial<Record<SearchField, string | null>>) => SearchHighlight {
  const terms = queryTerms(q);
  return (texts) => {
    for (const field of FIELD_PRIORITY) {
      const snippet = highlightSnippet(texts[field] ?? "", terms);
      if (snippet) return { snippet, matchedIn: field };
    }
    return { snippet: texts.name ?? "", matchedIn: "name" };
  };
}

/**
 * The ids of one page of the entries of `index` that match, best first, and how many match in all.
 *
 * A common word hits nearly every entry, so the work per hit is kept to the FTS scan itself: the entry
 * tables are joined only when a filter needs them, bm25 is computed only for the tiers the page reaches,
 * and only the final page is loaded. CROSS JOIN keeps the FTS scan outermost, and the "+rowid" terms
 * stay filters: probing FTS5 by rowid re-runs the MATCH once per probe.
 */
function rankedMatches(
  db: DbOrTx,
  index: SearchIndex,
  match: string,
  filter: { conditions: SQL | null; needsRevision: boolean },
  offset: number,
  limit: number,
): { ids: number[]; total: number } {
  const { conditions, needsRevision } = filter;
  const table = sql.identifier(index);
  const from = conditions
    ? sql`${table} cross join competencies c on c.id = ${table}.rowid ${needsRevision ? sql`cross join ${LATEST_REVISION}` : sql``}`
    : table;
  const matching = (expression: string) =>
    conditions ? sql`${table} match ${expression} and ${conditions}` : sql`${table} match ${expression}`;
  const where = matching(match);

  // Tier k holds the hits of tierMatches[k] not already in tier k-1; the column sets are nested, so each
  // expression's hits contain the previous one's and the last tier is the whole query. Counting each
  // expression by its own scan is cheaper than testing every hit of the whole query against the sets.
  const tierMatches = RANK_TIERS.map((columns) => `{${columns.join(" ")}} : (${match})`);
  const counts = db.get<Record<string, number>>(sql`
    select ${sql.join(
      [...tierMatches, match].map(
        (expression, i) => sql`(select count(*) from ${from} where ${matching(expression)}) as ${sql.raw(`n${i}`)}`,
      ),
      sql`, `,
    )}`)!;
  const cumulative = [...tierMatches, match].map((_, i) => counts[`n${i}`] ?? 0);
  const total = cumulative.at(-1)!;
  if (total === 0 || offset >= total) return { ids: [], total };
  const tierSets = tierMatches.map((expression) => sql`(select rowid from ${table} where ${table} match ${expression})`);
  const tierWhere = cumulative.map((_, i) =>
    sql.join(
      [
        ...(i < tierSets.length ? [sql`+${table}.rowid in ${tierSets[i]}`] : []),
        ...(i > 0 ? [sql`+${table}.rowid not in ${tierSets[i - 1]}`] : []),
      ],
      sql` and `,
    ),
  );

  const ids: number[] = [];
  let skip = offset;
  cumulative.forEach((upTo, i) => {
    const size = upTo - (i > 0 ? cumulative[i - 1]! : 0);
    const want = limit - ids.length;
    if (want <= 0 || size === 0) return;
    if (skip >= size) {
      skip -= size;
      return;
    }
    const page = db.all<{ id: number }>(sql`
      select ${table}.rowid as id from ${from} where ${where} and ${tierWhere[i]}
      order by ${bm25(index)}, ${table}.rowid limit ${want} offset ${skip}`);
    ids.push(...page.map((r) => r.id));
    skip = 0;
  });
  return { ids, total };
}

/**
 * Every published entry (of `type`, if given) whose latest published revision matches what was typed,
 * best first by the same query and ranking as the dictionary page: for the API and the SKJ editor's picker.
 */
export function rankedPublishedIds(db: DbOrTx, q: string, type?: CompetencyType, limit = Number.MAX_SAFE_INTEGER): number[] {
  const match = dictionaryMatch(q);
  if (!match) return [];
  return keptRankedMatches(db, JSON.stringify(["competency_search_published", match, type, limit]), () =>
    rankedMatches(
      db,
      "competency_search_published",
      match,
      { conditions: type ? sql`c.type = ${type}` : null, needsRevision: false },
      0,
      limit,
    ),
  ).ids;
}

function toRow(raw: RawRow): DictionarySearchRow {
  return {
    id: raw.id,
    code: raw.code,
    type: raw.type,
    name: raw.name,
    category: raw.category,
    sourceKind: raw.sourceKind,
    isFixed: Boolean(raw.isFixed),
    revision: raw.revision,
    status: raw.status,
    textStatus: raw.textStatus,
  };
}

export interface SimilarName {
  id: number;
  code: string;
  type: CompetencyType;
  name: string;
  score: number;
}

const SIMILAR_LIMIT = 5;
const SIMILAR_CANDIDATES = 200;
// a six-letter prefix reaches spelling variants ("analisa" → "analis*" → "analisis") that a whole word would miss
const PREFIX_LENGTH = 6;

/**
 * Up to five entries whose (latest) name is likely a duplicate of `name`, best first, for a warning while
 * creating or renaming an entry. FTS finds candidates sharing a word prefix or a root word; nameSimilarity
 * decides, on the names as written or as root words, whichever is closer, so "Pengelolaan Arsip" meets
 * "Pengelolaan Kearsipan" the way the search does.
 */
export function similarCompetencyNames(db: DbOrTx, name: string, excludeCode?: string): SimilarName[] {
  const prefixes = [...new Set(nameTokens(name).map((w) => w.slice(0, PREFIX_LENGTH)))].filter((w) => w.length >= 3).slice(0, 12);
  if (prefixes.length === 0) return [];
  const roots = nameTokens(stemText(name)).slice(0, 12);
  const match = `name : (${prefixes.map((w) => `"${w}"*`).join(" OR ")}) OR name_stem : (${roots.map((w) => `"${w}"`).join(" OR ")})`;
  const candidates = db.all<{ id: number; code: string; type: CompetencyType; name: string }>(sql`
    select c.id, c.code, c.type, competency_search.name as name
    from competency_search cross join competencies c on c.id = competency_search.rowid
    where competency_search match ${match} ${excludeCode ? sql`and c.code <> ${excludeCode}` : sql``}
    order by ${bm25("competency_search")} limit ${SIMILAR_CANDIDATES}`);
  const rootsOfName = stemText(name);
  return candidates
    .map((c) => ({ ...c, score: Math.max(nameSimilarity(name, c.name).score, nameSimilarity(rootsOfName, stemText(c.name)).score) }))
    .filter((c) => c.score >= SIMILARITY_THRESHOLD)
    .sort((a, b) => b.score - a.score || a.code.localeCompare(b.code))
    .slice(0, SIMILAR_LIMIT);
}
