import { Link } from "@remix-run/react";
import { useEffect, useState } from "react";
import { unitKindText } from "~/domain/import-words";
import { TREE_OPEN_ALL_LIMIT, TREE_PARENTS_PER_REQUEST, type UnitTreeNode } from "~/domain/unit-tree";

type Loaded = ReadonlyMap<number | null, readonly UnitTreeNode[]>;

function grouped(nodes: readonly UnitTreeNode[], emptyParents: readonly number[] = []): Map<number | null, UnitTreeNode[]> {
  const byParent = new Map<number | null, UnitTreeNode[]>(emptyParents.map((id) => [id, []]));
  for (const n of nodes) byParent.set(n.parentId, [...(byParent.get(n.parentId) ?? []), n]);
  return byParent;
}

async function fetchChildren(parentIds: readonly number[]): Promise<UnitTreeNode[]> {
  const units: UnitTreeNode[] = [];
  for (let i = 0; i < parentIds.length; i += TREE_PARENTS_PER_REQUEST) {
    const query = parentIds
      .slice(i, i + TREE_PARENTS_PER_REQUEST)
      .map((id) => `induk=${id}`)
      .join("&");
    const response = await fetch(`/struktur/anak?${query}`);
    if (!response.ok) throw new Error(String(response.status));
    units.push(...((await response.json()) as { units: UnitTreeNode[] }).units);
  }
  return units;
}

const without = (set: ReadonlySet<number>, ids: readonly number[]) => new Set([...set].filter((id) => !ids.includes(id)));

interface TreeState {
  loaded: Loaded;
  open: ReadonlySet<number>;
  loading: ReadonlySet<number>;
  failed: ReadonlySet<number>;
}

/**
 * The organisation tree, a level at a time: the page brings the perangkat daerah (and the branches a link
 * asked to open); opening a branch loads its sub-units from /struktur/anak. Without JavaScript an opened
 * branch offers a link to the same page with that branch opened by the server.
 */
export function UnitTree({
  nodes,
  initiallyOpen,
  canWrite,
}: {
  nodes: readonly UnitTreeNode[];
  /** The path down to the unit a link asked for, top first; the page scrolls to its last unit. */
  initiallyOpen: readonly number[];
  canWrite: boolean;
}) {
  const [state, setState] = useState<TreeState>(() => ({
    loaded: grouped(nodes, initiallyOpen),
    open: new Set(initiallyOpen),
    loading: new Set(),
    failed: new Set(),
  }));
  const [openingAll, setOpeningAll] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const shown = [...state.loaded.values()].reduce((sum, units) => sum + units.length, 0);

  const target = initiallyOpen.at(-1);
  useEffect(() => {
    if (target !== undefined) document.getElementById(`unit-${target}`)?.scrollIntoView({ block: "center" });
  }, [target]);

  // every open branch whose sub-units are not here yet is asked for, many in one request
  useEffect(() => {
    const missing = [...state.open].filter((id) => !state.loaded.has(id) && !state.loading.has(id) && !state.failed.has(id));
    if (missing.length === 0) return;
    setState((s) => ({ ...s, loading: new Set([...s.loading, ...missing]) }));
    fetchChildren(missing).then(
      (units) =>
        setState((s) => {
          const loaded = new Map(s.loaded);
          for (const [parentId, children] of grouped(units, missing)) loaded.set(parentId, children);
          return { ...s, loaded, loading: without(s.loading, missing) };
        }),
      () => setState((s) => ({ ...s, loading: without(s.loading, missing), failed: new Set([...s.failed, ...missing]) })),
    );
  }, [state]);

  // "Buka semua" opens one more level each time the previous one has arrived, until all is open or the page is full
  useEffect(() => {
    const waiting = [...state.open].some((id) => !state.loaded.has(id) && !state.failed.has(id));
    if (!openingAll || waiting) return;
    const closed = [...state.loaded.values()].flat().filter((u) => u.childCount > 0 && !state.open.has(u.id));
    if (closed.length === 0 || shown >= TREE_OPEN_ALL_LIMIT || state.failed.size > 0) {
      setOpeningAll(false);
      setStatus(
        closed.length === 0
          ? `Semua ${shown} unit di halaman ini terbuka.`
          : `${shown} unit ditampilkan. Buka unit lainnya satu per satu, atau cari unitnya.`,
      );
      return;
    }
    setState((s) => ({ ...s, open: new Set([...s.open, ...closed.map((u) => u.id)]) }));
  }, [openingAll, state, shown]);

  const setOpen = (id: number, open: boolean) =>
    setState((s) => (s.open.has(id) === open ? s : { ...s, open: open ? new Set([...s.open, id]) : without(s.open, [id]) }));
  const retry = (id: number) => setState((s) => ({ ...s, failed: without(s.failed, [id]) }));
  const roots = state.loaded.get(null) ?? [];
  return (
    <>
      <div className="actions tree-actions">
        <button
          type="button"
          className="button button-secondary"
          disabled={openingAll}
          onClick={() => {
            setStatus(null);
            setOpeningAll(true);
          }}
        >
          Buka semua
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setOpeningAll(false);
            setStatus(null);
            setState((s) => ({ ...s, open: new Set() }));
          }}
        >
          Tutup semua
        </button>
        <span role="status" className="muted">
          {openingAll ? "Membuka semua unit…" : status}
        </span>
      </div>
      <ul className="tree tree-root card" aria-label="Pohon unit organisasi">
        {roots.map((u) => (
          <UnitNode key={u.id} unit={u} state={state} canWrite={canWrite} setOpen={setOpen} retry={retry} />
        ))}
      </ul>
    </>
  );
}

function UnitNode({
  unit,
  state,
  canWrite,
  setOpen,
  retry,
}: {
  unit: UnitTreeNode;
  state: TreeState;
  canWrite: boolean;
  setOpen: (id: number, open: boolean) => void;
  retry: (id: number) => void;
}) {
  const label = (
    <span id={`unit-${unit.id}`} className={unit.active ? undefined : "muted"}>
      <strong>{unit.name}</strong>
      <span className="unit-code">{unit.code}</span> <span className="tag">{unitKindText(unit.kind, unit.kindLabel)}</span>{" "}
      {unit.echelon ? <span className="tag">Eselon {unit.echelon}</span> : null}{" "}
      {unit.active ? null : <span className="tag tag-off">Nonaktif</span>}
    </span>
  );
  const links = (
    <span className={unit.active ? undefined : "muted"}>
      <Link to={`/jabatan?unit=${encodeURIComponent(unit.code)}`} className="muted">
        {unit.positionCount} jabatan
      </Link>
      {canWrite ? (
        <>
          {" · "}
          <Link to={`/struktur/${unit.id}`} aria-label={`Ubah ${unit.name}`}>
            Ubah
          </Link>
          {" · "}
          <Link to={`/struktur/baru?induk=${encodeURIComponent(unit.code)}`} aria-label={`Tambah sub-unit di ${unit.name}`}>
            + Sub-unit
          </Link>
        </>
      ) : null}
    </span>
  );
  if (unit.childCount === 0)
    return (
      <li className="leaf">
        {label} {links}
      </li>
    );
  const children = state.loaded.get(unit.id);
  // the links stay outside <summary>: a link inside the disclosure button is a control nested in a control
  return (
    <li className="branch">
      <details open={state.open.has(unit.id)} onToggle={(e) => setOpen(unit.id, e.currentTarget.open)}>
        <summary>
          {label} <span className="muted">({unit.childCount} sub-unit)</span>
        </summary>
      </details>
      {links}
      <ul className="tree">
        {children ? (
          children.map((c) => <UnitNode key={c.id} unit={c} state={state} canWrite={canWrite} setOpen={setOpen} retry={retry} />)
        ) : state.failed.has(unit.id) ? (
          <li className="leaf">
            <span role="alert">Sub-unit {unit.name} gagal dimuat.</span>{" "}
            <button type="button" className="button-link-inline" onClick={() => retry(unit.id)}>
              Coba lagi
            </button>
          </li>
        ) : state.loading.has(unit.id) ? (
          <li className="leaf muted">Memuat sub-unit…</li>
        ) : (
          <li className="leaf">
            <Link to={`/struktur?buka=${encodeURIComponent(unit.code)}#unit-${unit.id}`}>Tampilkan {unit.childCount} sub-unit</Link>
          </li>
        )}
      </ul>
    </li>
  );
}
