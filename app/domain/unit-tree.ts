// The organisation tree is sent a level at a time (ADR 034): a province has thousands of units, so the page
// holds one page of perangkat daerah and the branches the user opened, and a branch's children are loaded
// when it is opened.

/** One unit as the tree shows it. */
export interface UnitTreeNode {
  id: number;
  code: string;
  name: string;
  kind: string;
  kindLabel: string | null;
  echelon: string | null;
  parentId: number | null;
  active: boolean;
  /** Active positions of the unit and every sub-unit: what the register lists for this unit's filter. */
  positionCount: number;
  childCount: number;
}

/** Perangkat daerah per page of the tree. */
export const TREE_ROOTS_PER_PAGE = 25;

/** Branches one request of /struktur/anak may ask for. */
export const TREE_PARENTS_PER_REQUEST = 100;

/** "Buka semua" stops loading once this many units are shown; a bigger page would be slow to read and to render. */
export const TREE_OPEN_ALL_LIMIT = 600;
