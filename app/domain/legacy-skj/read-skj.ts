// Understanding a legacy SKJ book: where each SKJ starts, its identity lines, its competency table and its
// requirements table, in the layouts regional books really print (contract §7.5). Works on the neutral rows
// of source.ts, so one reader serves Word, Excel and PDF.
import type { CompetencyType } from "../dictionary";
import type { Importance } from "../skj-document";
import { listedUnits, positionList, UNIT_LABEL } from "./position-list";
import { cellAt, rowText, rowTexts, type LegacyCell, type LegacyRow } from "./source";
import { fold, hasListMarker, squash } from "./text";
import { importanceOfHeader, isTick } from "./values";
import { requirementKeyOf, type RequirementKey } from "./requirements";

export interface LegacyProblem {
  path: string;
  message: string;
}

export interface LegacyCompetency {
  group: CompetencyType | null;
  name: string;
  level: number | null;
  description: string;
  indicators: string[];
}

export type IdentityKey = "name" | "group" | "governmentAffair" | "jobCode" | "unit";

/** One SKJ as the book printed it, before any code is chosen for it. */
export interface LegacySkjRead {
  source: { page: number | null; table: number | string | null };
  /** Lines between the title and the identity (usually the perangkat daerah). */
  headerLines: string[];
  identity: Partial<Record<IdentityKey, string>>;
  /** The unit the book's list of positions names for this SKJ, where it has one (see position-list.ts). */
  listedUnit: string | null;
  summary: string;
  competencies: LegacyCompetency[];
  /** The Uraian texts of each requirement row, as printed (lines kept). */
  requirementTexts: Partial<Record<RequirementKey, string>>;
  requirementTicks: Partial<Record<RequirementKey, Importance>>;
  problems: LegacyProblem[];
}

const IDENTITY_LABELS: [IdentityKey, RegExp][] = [
  ["name", /^nama jabatan$/],
  ["group", /^(kelompok jabatan|jenis jabatan)$/],
  ["governmentAffair", /^(urusan pemerintahan|urusan)$/],
  ["jobCode", /^(kode jabatan)$/],
  ["unit", UNIT_LABEL],
];
// Without a colon or a cell border, only a label of more than one word is taken: a line beginning with the
// word "Jabatan" is too often a sentence.
const BARE_LABEL =
  /^\s*(?:\d{1,2}[.)]\s*)?(nama jabatan|kelompok jabatan|jenis jabatan|urusan pemerintahan|kode jabatan|unit kerja|unit organisasi)\b[\s:]*(.*)$/is;

/** "Nama Jabatan : X", ["Nama Jabatan", ": X"], ["Nama Jabatan", ":", "X"] → label and value. */
export function identityLine(row: LegacyRow): { key: IdentityKey | null; label: string; value: string } | null {
  const texts = rowTexts(row);
  if (texts.length === 0) return null;
  let label: string;
  let value: string;
  if (texts.length > 1 && !texts[0]!.includes(":")) {
    label = texts[0]!;
    value = texts.slice(1).join(" ");
  } else {
    const joined = texts.join(" ");
    const colon = joined.indexOf(":");
    if (colon > 0 && colon <= 40) {
      label = joined.slice(0, colon);
      value = joined.slice(colon + 1);
    } else {
      const bare = BARE_LABEL.exec(joined);
      if (!bare) return null;
      label = bare[1]!;
      value = bare[2]!;
    }
  }
  const folded = fold(label).replace(/^\d{1,2} /, "");
  const colon = /^\s*:/.test(value) || texts.join(" ").indexOf(":") === label.length;
  value = squash(value.replace(/^\s*:\s*/, ""));
  // "Jabatan" alone names the position only before a colon: a wrapped "Indikator Kinerja / Jabatan" does not
  const key = folded === "jabatan" && colon ? "name" : (IDENTITY_LABELS.find(([, re]) => re.test(folded))?.[0] ?? null);
  return { key, label: squash(label), value };
}

const isTitle = (row: LegacyRow) => fold(rowText(row)) === "standar kompetensi jabatan";

type Section = "summary" | "competencies" | "requirements";
const SECTION_PREFIX = String.raw`^(?:(?:[ivx]+|\d{1,2}|[a-e])\s+)?`;
const SECTIONS: [Section, RegExp][] = [
  ["summary", new RegExp(`${SECTION_PREFIX}ikhtisar jabatan\\b`)],
  ["competencies", new RegExp(`${SECTION_PREFIX}standar kompetensi(?: jabatan)?$`)],
  ["requirements", new RegExp(`${SECTION_PREFIX}persyaratan jabatan\\b`)],
];

/** The section a heading row opens, and the text printed after the heading in the same row. */
function sectionHeading(row: LegacyRow): { section: Section; rest: string } | null {
  const texts = rowTexts(row);
  if (texts.length === 0) return null;
  for (let take = 1; take <= Math.min(2, texts.length); take++) {
    const head = fold(texts.slice(0, take).join(" "));
    for (const [section, re] of SECTIONS) {
      if (re.test(head) && !(section === "competencies" && isTitle(row))) return { section, rest: texts.slice(take).join("\n") };
    }
  }
  return null;
}

/** Splits the rows into SKJ (each starting at its "Nama Jabatan" line) and reads each one. */
export function readLegacySkj(rows: readonly LegacyRow[]): LegacySkjRead[] {
  const anchors = rows.flatMap((row, i) => (identityLine(row)?.key === "name" ? [i] : []));
  // the title and the lines under it (perangkat daerah) belong to the SKJ whose identity follows them
  const starts = anchors.map((anchor, k) => {
    const floor = k === 0 ? 0 : anchors[k - 1]! + 1;
    for (let i = anchor - 1; i >= Math.max(floor, anchor - 8); i--) if (isTitle(rows[i]!)) return i;
    return anchor;
  });
  const reads = anchors.map((anchor, k) => readOne(rows, starts[k]!, anchor, k + 1 < anchors.length ? starts[k + 1]! : rows.length));
  // a book lists its positions before the first of them
  const units = listedUnits(
    reads.map((r) => r.identity.name ?? ""),
    positionList(rows.slice(0, starts[0] ?? 0)),
  );
  reads.forEach((read, k) => (read.listedUnit = units[k]!));
  return reads;
}

function readOne(rows: readonly LegacyRow[], start: number, anchor: number, end: number): LegacySkjRead {
  const first = rows[anchor]!;
  const read: LegacySkjRead = {
    source: { page: first.page, table: first.table ?? first.sheet ?? null },
    headerLines: rows
      .slice(start, anchor)
      .filter((r) => !isTitle(r))
      .map(rowText)
      .filter((t) => t !== ""),
    identity: {},
    listedUnit: null,
    summary: "",
    competencies: [],
    requirementTexts: {},
    requirementTicks: {},
    problems: [],
  };
  const summary: string[] = [];
  const competencies = new CompetencyTable(read);
  const requirements = new RequirementsTable(read);
  let section: Section | "identity" | "end" = "identity";
  let sectionTable: number | null = null;
  for (let i = anchor; i < end; i++) {
    const row = rows[i]!;
    const text = rowText(row);
    if (text === "") continue;
    if (/^(ditetapkan di|pada tanggal|lampiran\b)/i.test(text)) section = "end";
    if (section === "end") continue;
    const heading = sectionHeading(row);
    if (heading) {
      section = heading.section;
      sectionTable = null;
      if (heading.rest && section === "summary") summary.push(heading.rest);
      continue;
    }
    if (section === "identity") {
      const line = identityLine(row);
      if (line?.key) {
        if (read.identity[line.key] === undefined) read.identity[line.key] = line.value;
        else
          read.problems.push({
            path: "position",
            message: `Baris identitas "${line.label}" tercetak dua kali; yang kedua ("${line.value}") diabaikan.`,
          });
      } else if (competencies.isHeader(row)) section = "competencies";
      else read.problems.push({ path: "position", message: `Baris di bagian identitas tidak dikenali: "${text}".` });
      if (section === "identity") continue;
    }
    // a table that ends hands the rows after it to nobody: a signature block, a note, a blank line
    if (section === "requirements" && sectionTable !== null && row.table !== sectionTable) section = "end";
    if (section === "summary") {
      if (competencies.isHeader(row)) section = "competencies";
      else summary.push(text);
    }
    if (section === "competencies") {
      if (requirements.isHeader(row)) section = "requirements";
      else competencies.add(row);
    }
    if (section === "requirements") {
      sectionTable ??= row.table;
      requirements.add(row);
    }
  }
  read.summary = squash(summary.join(" "));
  competencies.finish();
  return read;
}

const GROUP_ROW = /^(?:[a-e] )?(?:kompetensi )?(manajerial|sosial kultural|sosio kultural|sosiokultural|teknis)(?: kompetensi)?$/;
const GROUP_OF: Record<string, CompetencyType> = {
  manajerial: "manajerial",
  "sosial kultural": "sosial_kultural",
  "sosio kultural": "sosial_kultural",
  sosiokultural: "sosial_kultural",
  teknis: "teknis",
};

type CompetencyColumn = "no" | "name" | "level" | "description" | "indicators";
function competencyColumnOf(header: string): CompetencyColumn | null {
  const t = fold(header);
  if (/^no\b|^nomor$/.test(t)) return "no";
  if (/indikator/.test(t)) return "indicators";
  if (/kompetensi/.test(t)) return "name";
  if (/^(level|tingkat|lvl)/.test(t)) return "level";
  if (/^(deskripsi|diskripsi|uraian|definisi|deskripsi level)/.test(t)) return "description";
  return null;
}

/** The grid columns of each field, from a header row: a field covers its column up to the next field's. */
function columnRanges<K extends string>(cells: readonly LegacyCell[], kindOf: (text: string) => K | null): Map<K, [number, number]> {
  const found = cells.flatMap((c) => {
    const kind = c.continued ? null : kindOf(c.text);
    return kind ? [{ kind, col: c.col }] : [];
  });
  found.sort((a, b) => a.col - b.col);
  return new Map(
    found.map((f, i) => [f.kind, [f.col, i + 1 < found.length ? found[i + 1]!.col : Number.POSITIVE_INFINITY] as [number, number]]),
  );
}

/** The own texts of a row's cells that start inside [from, to), joined by `sep`. */
function textIn(row: LegacyRow, range: [number, number] | undefined, sep: string): string {
  if (!range) return "";
  return row.cells
    .filter((c) => !c.continued && c.col >= range[0] && c.col < range[1] && c.text.trim() !== "")
    .map((c) => c.text.trim())
    .join(sep);
}

class CompetencyTable {
  private columns: Map<CompetencyColumn, [number, number]> | null = null;
  private group: CompetencyType | null = null;
  private current: (LegacyCompetency & { lines: string[] }) | null = null;
  private readonly all: (LegacyCompetency & { lines: string[] })[] = [];
  constructor(private readonly read: LegacySkjRead) {}

  isHeader(row: LegacyRow): boolean {
    const kinds = new Set(rowTexts(row).map(competencyColumnOf));
    return kinds.has("name") && kinds.has("level");
  }

  add(row: LegacyRow): void {
    if (this.isHeader(row)) {
      this.columns ??= columnRanges(row.cells, competencyColumnOf);
      return;
    }
    const folded = fold(rowText(row));
    const group = GROUP_ROW.exec(folded);
    if (group) {
      this.group = GROUP_OF[group[1]!]!;
      this.current = null;
      return;
    }
    // a row of column numbers under the header ("1 2 3 4 5")
    if (/^1 2 3 4 5( 6)?$/.test(folded)) return;
    const columns = this.columns ?? this.guessColumns(row);
    const field = (k: CompetencyColumn, sep = "\n") => textIn(row, columns.get(k), sep);
    const name = squash(field("name", " "));
    const level = field("level", " ");
    const no = field("no", " ");
    if (name && (level || no || !this.current)) {
      this.current = { group: this.group, name, level: parseLevel(level), description: "", indicators: [], lines: [] };
      this.all.push(this.current);
    } else if (!this.current) {
      this.read.problems.push({
        path: "competencies",
        message: `Baris tabel kompetensi tanpa nama kompetensi tidak dapat ditempatkan: "${rowText(row)}".`,
      });
      return;
    } else if (name) this.current.name = squash(`${this.current.name} ${name}`);
    const description = field("description", " ");
    if (description) this.current.description = squash(`${this.current.description} ${description}`);
    const indicators = field("indicators", " ");
    if (indicators) {
      const lines = this.current.lines;
      if (row.wrapped && lines.length > 0 && !INDICATOR_NUMBER.test(indicators) && !hasListMarker(indicators))
        lines[lines.length - 1] += ` ${indicators}`;
      else lines.push(...indicators.split("\n"));
    }
  }

  /** Without a header row, the cells in their order: No, Kompetensi, Level, Deskripsi, Indikator. */
  private guessColumns(row: LegacyRow): Map<CompetencyColumn, [number, number]> {
    const order: CompetencyColumn[] = /^\d{1,2}\.?$/.test(rowTexts(row)[0] ?? "")
      ? ["no", "name", "level", "description", "indicators"]
      : ["name", "level", "description", "indicators"];
    const cols = row.cells.map((c) => c.col);
    this.columns = new Map(
      order.map((k, i) => [
        k,
        [
          cols[i] ?? Number.POSITIVE_INFINITY,
          i + 1 < order.length ? (cols[i + 1] ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY,
        ] as [number, number],
      ]),
    );
    return this.columns;
  }

  finish(): void {
    this.all.forEach((c, i) => {
      const { indicators, levelFromNumbers } = parseIndicators(c.lines);
      if (c.level === null && levelFromNumbers !== null) c.level = levelFromNumbers;
      if (c.level === null)
        this.read.problems.push({ path: `competencies[${i}].level`, message: `Level kompetensi "${c.name}" tidak terbaca.` });
      this.read.competencies.push({ group: c.group, name: c.name, level: c.level, description: c.description, indicators });
    });
  }
}

function parseLevel(text: string): number | null {
  const m = /\b([1-5])\b/.exec(text) ?? /^\s*(I{1,3}|IV|V)\s*$/i.exec(text);
  if (!m) return null;
  const roman: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5 };
  return /^\d$/.test(m[1]!) ? Number(m[1]) : roman[m[1]!.toLowerCase()]!;
}

const INDICATOR_NUMBER = /^\s*([1-5])\s*[.,]\s*(\d{1,2})\.?(?:\s+|$)/;

/**
 * Indicator lines as printed: "4.1 text", "4.1. text", a number in its own cell, or unnumbered lines with
 * or without list markers. Where numbers are used, an unnumbered line continues the indicator above.
 */
export function parseIndicators(lines: readonly string[]): { indicators: string[]; levelFromNumbers: number | null } {
  const clean = lines.map((l) => l.trim()).filter((l) => l !== "");
  const numbered = clean.some((l) => INDICATOR_NUMBER.test(l));
  const indicators: string[] = [];
  let levelFromNumbers: number | null = null;
  for (const line of clean) {
    const m = INDICATOR_NUMBER.exec(line);
    if (m) {
      levelFromNumbers ??= Number(m[1]);
      const rest = line.slice(m[0].length).trim();
      indicators.push(rest);
    } else if (numbered && indicators.length > 0)
      indicators[indicators.length - 1] = squash(`${indicators[indicators.length - 1]} ${line}`);
    else indicators.push(line.replace(/^\s*(?:\d{1,2}[.)]|[a-z][.)]|[-–—•·*])\s+/i, "").trim());
  }
  return { indicators: indicators.map(squash).filter((i) => i !== ""), levelFromNumbers };
}

type RequirementColumn = "label" | "text";
function requirementColumnOf(header: string): RequirementColumn | null {
  const t = fold(header);
  if (/^(jenis persyaratan|persyaratan|jenis|komponen)$/.test(t)) return "label";
  if (/^(uraian|keterangan|uraian persyaratan|deskripsi)$/.test(t)) return "text";
  return null;
}
const REQUIREMENT_HEADER_WORDS =
  /^(no|nomor|jenis persyaratan|persyaratan|uraian|keterangan|tingkat pentingnya( terhadap jabatan)?|mutlak|penting|perlu)$/;

class RequirementsTable {
  private label: [number, number] | undefined;
  private text: [number, number] | undefined;
  private readonly tickColumns = new Map<number, Importance>();
  private parent: "education" | "training" | null = null;
  private last: RequirementKey | null = null;
  private lastLabel = "";
  constructor(private readonly read: LegacySkjRead) {}

  isHeader(row: LegacyRow): boolean {
    const texts = rowTexts(row).map(fold);
    return (
      texts.length > 0 && texts.every((t) => REQUIREMENT_HEADER_WORDS.test(t)) && texts.some((t) => /mutlak|uraian|persyaratan/.test(t))
    );
  }

  add(row: LegacyRow): void {
    if (this.isHeader(row)) {
      for (const c of row.cells) {
        const importance = c.continued ? null : importanceOfHeader(c.text);
        if (importance) for (let col = c.col; col < c.col + c.span; col++) this.tickColumns.set(col, importance);
      }
      const ranges = columnRanges(row.cells, requirementColumnOf);
      this.label ??= ranges.get("label");
      this.text ??= ranges.get("text");
      return;
    }
    const firstTick = this.tickColumns.size > 0 ? Math.min(...this.tickColumns.keys()) : Number.POSITIVE_INFINITY;
    const ticks = [
      ...new Set(
        row.cells
          .filter((c) => !c.continued && isTick(c.text))
          .map((c) => this.tickColumns.get(c.col) ?? tickByPosition(row, c, firstTick)),
      ),
    ];
    const textStart = this.text?.[0] ?? this.guessTextColumn(row);
    const own = row.cells.filter((c) => !c.continued && c.text.trim() !== "" && !isTick(c.text));
    const label = own
      .filter((c) => c.col < textStart)
      .map((c) => c.text.trim())
      .join(" ");
    const value = own
      .filter((c) => c.col >= textStart && c.col < firstTick)
      .map((c) => c.text.trim())
      .join("\n");
    let key = label ? requirementKeyOf(label, this.parent) : this.last;
    // the second line of a wrapped label ("Indikator Kinerja" / "Jabatan") with the text beside it
    if (key === null && label && this.last && requirementKeyOf(`${this.lastLabel} ${label}`, this.parent) === this.last) key = this.last;
    if (key === "education" || key === "training") {
      this.parent = key;
      if (!value && ticks.length === 0) {
        this.last = null;
        return;
      }
    }
    if (key === null && label && !value && ticks.length === 0) return; // the second line of a wrapped label
    if (key === null) {
      this.read.problems.push({ path: "requirements", message: `Baris persyaratan tidak dikenali: "${rowText(row)}".` });
      return;
    }
    if (key === "training") {
      this.read.problems.push({
        path: "requirements.training",
        message: `Pelatihan tercetak tanpa jenis (manajerial/teknis/fungsional): "${value}"; dibaca sebagai pelatihan teknis.`,
      });
      key = "trainingTechnical";
    }
    if (key !== this.last) this.lastLabel = label;
    this.last = key;
    const before = this.read.requirementTexts[key];
    if (value) this.read.requirementTexts[key] = before ? `${before}${row.wrapped && !hasListMarker(value) ? " " : "\n"}${value}` : value;
    const tick = ticks.find((t): t is Importance => t !== null);
    if (ticks.length > 1)
      this.read.problems.push({
        path: `requirements.importance`,
        message: `Baris "${label || key}" dicentang di lebih dari satu kolom tingkat pentingnya; yang pertama dipakai.`,
      });
    if (tick && !this.read.requirementTicks[key]) this.read.requirementTicks[key] = tick;
  }

  /** Without a header, the label is the cells up to the first that is not a number or a label word. */
  private guessTextColumn(row: LegacyRow): number {
    const own = row.cells.filter((c) => !c.continued && c.text.trim() !== "" && !isTick(c.text));
    const labelCell = own.find((c) => !/^\d{1,2}\.?$|^[a-h]\.?$/i.test(c.text.trim()));
    return labelCell ? labelCell.col + labelCell.span : 0;
  }
}

/** A tick outside the known Mutlak/Penting/Perlu columns: counted from the first of them, else unknown. */
function tickByPosition(row: LegacyRow, cell: LegacyCell, firstTick: number): Importance | null {
  if (!Number.isFinite(firstTick)) return null;
  const order: Importance[] = ["mutlak", "penting", "perlu"];
  return order[cell.col - firstTick] ?? (cellAt(row, firstTick) === cell ? "mutlak" : null);
}
