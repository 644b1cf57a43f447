// Dictionary search over competency_search (drizzle/0004_competency_search.sql): one FTS5 row per entry with
// the texts of its latest revision, rowid = competency id.
import { sql, type SQL } from "drizzle-orm";
import type { CompetencyType, RevisionStatus } from "~/domain/dictionary";
import { MARK_CLOSE, MARK_OPEN, SEARCH_FIELDS, type SearchField } from "~/domain/search-highlight";
import { SIMILARITY_THRESHOLD, nameSimilarity, nameTokens } from "~/domain/similarity";
import { ftsQuery } from "~/domain/sotk";
import type { DbOrTx } from "../client.server";
import type { Competency, CompetencyRevision } from "../schema";

/** bm25 column weights, in SEARCH_FIELDS order; they order hits within a tier (see RANK_TIERS). */
export const SEARCH_WEIGHTS: Record<SearchField, number> = {
  code: 10,
  name: 8,
  definition: 3,
  levels: 2,
  indicators: 1.5,
  keywords: 4,
};
const BM25 = sql.raw(`bm25(competency_search, ${SEARCH_FIELDS.map((f) => SEARCH_WEIGHTS[f]).join(", ")})`);
/**
 * FTS5's bm25 multiplies the weight into the term frequency before saturating it, so a word repeated in
 * fifteen indicators still outscores the same word once in the name whatever the weights. Hits are
 * therefore ranked in tiers first: all words within code and name; then all words within code, name,
 * keywords and definition; then the rest (some word only in level descriptions or indicators).
 */
const RANK_TIERS: readonly (readonly SearchField[])[] = [
  ["code", "name"],
  ["code", "name", "keywords", "definition"],
];
// the field reported for a hit is the heaviest one that matched
const FIELD_PRIORITY = [...SEARCH_FIELDS].sort((a, b) => SEARCH_WEIGHTS[b] - SEARCH_WEIGHTS[a]);
const SNIPPET_TOKENS = 16;

// The same SELECT as the backfill in the migration; keep the two in step.
function indexRows(where: SQL) {
  return sql`
    insert into competency_search(rowid, code, name, definition, levels, indicators, keywords, competency_id)
    select
      c.id,
      c.code,
      coalesce(r.name, c.name),
      r.definition_text,
      coalesce((select group_concat(l.description, char(10) order by l.level) from competency_levels l where l.revision_id = r.id), ''),
      coalesce((select group_concat(i.text, char(10) order by l.level, i.ordinal)
                from competency_levels l join competency_indicators i on i.level_id = l.id where l.revision_id = r.id), ''),
      coalesce((select group_concat(k.value, ', ' order by k.key) from json_each(coalesce(r.keywords, c.keywords)) k), ''),
      c.id
    from competencies c
    join competency_revisions r on r.competency_id = c.id
      and r.number = (select max(r2.number) from competency_revisions r2 where r2.competency_id = c.id)
    where ${where}`;
}

/**
 * Rewrites one entry's search row from its latest revision; an entry without revisions ends up without a
 * row. Call it inside the transaction of every write that touches a revision, its levels or indicators.
 */
export function refreshCompetencySearch(db: DbOrTx, competencyId: number): void {
  db.run(sql`delete from competency_search where rowid = ${competencyId}`);
  db.run(indexRows(sql`c.id = ${competencyId}`));
}

/** Rebuilds every row: after bulk loads, and to repair an index that missed a write. */
export function rebuildCompetencySearch(db: DbOrTx): void {
  db.run(sql`delete from competency_search`);
  db.run(indexRows(sql`1`));
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
  /** only with q: matched words between MARK_OPEN and MARK_CLOSE (render with highlightParts) */
  snippet?: string;
  matchedIn?: SearchField;
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
type RawHit = RawRow & Record<`s${number}`, string | null>;

/**
 * One page of the dictionary plus the total. With q: entries whose latest revision matches every word
 * (as a prefix), best first; without: all entries by type, then code.
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
  const match = ftsQuery(filter.q);
  if (!match) return { rows: [], total: 0 };

  // A common word hits nearly every entry, so the work per hit is kept to the FTS scan itself: the entry
  // tables are joined only when a filter needs them, bm25 is computed only for the tiers the page reaches,
  // and only the final page is loaded and snippeted. CROSS JOIN keeps the FTS scan outermost, and the
  // "+rowid" terms stay filters: probing FTS5 by rowid re-runs the MATCH once per probe.
  const from = conditions
    ? sql`competency_search cross join competencies c on c.id = competency_search.rowid ${needsRevision ? sql`cross join ${LATEST_REVISION}` : sql``}`
    : sql`competency_search`;
  const matching = (expression: string) =>
    conditions ? sql`competency_search match ${expression} and ${conditions}` : sql`competency_search match ${expression}`;
  const where = matching(match);

  // Tier k holds the hits of tierMatches[k] not already in tier k-1; the column sets are nested, so each
  // expression's hits contain the previous one's and the last tier is the whole query. Counting each
  // expression by its own scan is cheaper than testing every hit of the whole query against the sets.
  const tierMatches = RANK_TIERS.map((fields) => `{${fields.join(" ")}} : (${match})`);
  const counts = db.get<Record<string, number>>(sql`
    select ${sql.join(
      [...tierMatches, match].map((expression, i) => sql`(select count(*) from ${from} where ${matching(expression)}) as ${sql.raw(`n${i}`)}`),
      sql`, `,
    )}`)!;
  const cumulative = [...tierMatches, match].map((_, i) => counts[`n${i}`] ?? 0);
  const total = cumulative.at(-1)!;
  if (total === 0 || offset >= total) return { rows: [], total };
  const tierSets = tierMatches.map((expression) => sql`(select rowid from competency_search where competency_search match ${expression})`);
  const tierWhere = cumulative.map((_, i) =>
    sql.join(
      [
        ...(i < tierSets.length ? [sql`+competency_search.rowid in ${tierSets[i]}`] : []),
        ...(i > 0 ? [sql`+competency_search.rowid not in ${tierSets[i - 1]}`] : []),
      ],
      sql` and `,
    ),
  );

  const ids: number[] = [];
  let skip = offset;
  cumulative.forEach((upTo, i) => {
    const size = upTo - (i > 0 ? cumulative[i - 1]! : 0);
    const want = pageSize - ids.length;
    if (want <= 0 || size === 0) return;
    if (skip >= size) {
      skip -= size;
      return;
    }
    const page = db.all<{ id: number }>(sql`
      select competency_search.rowid as id from ${from} where ${where} and ${tierWhere[i]}
      order by ${BM25}, competency_search.rowid limit ${want} offset ${skip}`);
    ids.push(...page.map((r) => r.id));
    skip = 0;
  });

  const snippets = sql.join(
    SEARCH_FIELDS.map((_, i) => sql`snippet(competency_search, ${sql.raw(String(i))}, ${MARK_OPEN}, ${MARK_CLOSE}, '…', ${SNIPPET_TOKENS}) as s${sql.raw(String(i))}`),
    sql`, `,
  );
  // "+rowid": filtered after one scan instead of offered to FTS5 as a per-row lookup (see above)
  const hits = db.all<RawHit>(sql`
    select ${ROW_COLUMNS}, ${snippets}
    from competency_search cross join competencies c on c.id = competency_search.rowid cross join ${LATEST_REVISION}
    where competency_search match ${match} and +competency_search.rowid in (select value from json_each(${JSON.stringify(ids)}))`);
  const byId = new Map(hits.map((h) => [h.id, h]));

  const rows = ids.flatMap((id) => {
    const hit = byId.get(id);
    if (!hit) return [];
    const snippetOf = (f: SearchField) => hit[`s${SEARCH_FIELDS.indexOf(f)}`] ?? "";
    const matchedIn = FIELD_PRIORITY.find((f) => snippetOf(f).includes(MARK_OPEN)) ?? "name";
    return [{ ...toRow(hit), snippet: snippetOf(matchedIn), matchedIn }];
  });
  return { rows, total };
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
// a six-letter stem reaches spelling variants ("analisa" → "analis*" → "analisis") that a whole word would miss
const STEM_LENGTH = 6;

/**
 * Up to five entries whose (latest) name is likely a duplicate of `name`, best first, for a warning while
 * creating or renaming an entry. FTS finds candidates sharing any word stem; nameSimilarity decides.
 */
export function similarCompetencyNames(db: DbOrTx, name: string, excludeCode?: string): SimilarName[] {
  const stems = [...new Set(nameTokens(name).map((w) => w.slice(0, STEM_LENGTH)))].filter((w) => w.length >= 3).slice(0, 12);
  if (stems.length === 0) return [];
  const match = `name : (${stems.map((w) => `"${w}"*`).join(" OR ")})`;
  const candidates = db.all<{ id: number; code: string; type: CompetencyType; name: string }>(sql`
    select c.id, c.code, c.type, competency_search.name as name
    from competency_search cross join competencies c on c.id = competency_search.rowid
    where competency_search match ${match} ${excludeCode ? sql`and c.code <> ${excludeCode}` : sql``}
    order by ${BM25} limit ${SIMILAR_CANDIDATES}`);
  return candidates
    .map((c) => ({ ...c, score: nameSimilarity(name, c.name).score }))
    .filter((c) => c.score >= SIMILARITY_THRESHOLD)
    .sort((a, b) => b.score - a.score || a.code.localeCompare(b.code))
    .slice(0, SIMILAR_LIMIT);
}
