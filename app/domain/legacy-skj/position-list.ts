// A book's own list of its positions, such as the DAFTAR JABATAN on the cover of a lampiran (ours prints one):
// an SKJ that prints no unit of its own takes the unit its row in the list names, so that two positions of one
// name in two units each find their own.
import { compactName } from "./name-index";
import { cellAt, type LegacyRow } from "./source";
import { fold } from "./text";

export const UNIT_LABEL = /^(unit kerja|unit organisasi|perangkat daerah|satuan kerja|unit organisasi perangkat daerah)$/;
const NAME_LABEL = /^(nama jabatan|jabatan)$/;

export interface ListedPosition {
  name: string;
  unit: string;
}

interface ListColumns {
  name: number;
  unit: number;
  table: number | null;
  sheet: string | undefined;
}

function listHeader(row: LegacyRow): ListColumns | null {
  const own = row.cells.filter((c) => !c.continued);
  const name = own.find((c) => NAME_LABEL.test(fold(c.text)));
  const unit = own.find((c) => UNIT_LABEL.test(fold(c.text)));
  return name && unit ? { name: name.col, unit: unit.col, table: row.table, sheet: row.sheet } : null;
}

const textAt = (row: LegacyRow, col: number) => {
  const cell = cellAt(row, col);
  return cell && !cell.continued ? cell.text.replace(/\s+/g, " ").trim() : "";
};

/** The rows of every list of positions in `rows`: a table whose header names a position column and a unit column. */
export function positionList(rows: readonly LegacyRow[]): ListedPosition[] {
  const listed: ListedPosition[] = [];
  let columns: ListColumns | null = null;
  for (const row of rows) {
    const header = listHeader(row);
    if (header) columns = header;
    else if (columns && (row.table !== columns.table || row.sheet !== columns.sheet)) columns = null;
    else if (columns) {
      const name = textAt(row, columns.name);
      const unit = textAt(row, columns.unit);
      if (name && unit) listed.push({ name, unit });
    }
  }
  return listed;
}

/**
 * The listed unit of each SKJ, by its name in the list's order: the first row of that name after the row of the
 * SKJ before it, so a name that occurs in several units takes them in the order the book prints its SKJ.
 */
export function listedUnits(names: readonly string[], list: readonly ListedPosition[]): (string | null)[] {
  const keys = list.map((l) => compactName(l.name));
  let next = 0;
  return names.map((name) => {
    const at = keys.indexOf(compactName(name), next);
    if (at < 0) return null;
    next = at + 1;
    return list[at]!.unit;
  });
}
