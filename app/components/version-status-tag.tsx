/** Where a published version stands: in force, superseded by a later version, or withdrawn. */
export function VersionStatusTag({ endKind }: { endKind: "diganti" | "dicabut" | null }) {
  if (endKind === "dicabut") return <span className="tag tag-off">Dicabut</span>;
  if (endKind === "diganti") return <span className="tag tag-warn">Diganti</span>;
  return <span className="tag tag-ok">Berlaku</span>;
}
