import { FUNCTIONAL_LEVEL_LABELS, GROUP_LABELS } from "~/domain/labels";

export interface IdentityBlockProps {
  name: string;
  group: string;
  functionalLevel: string | null;
  governmentAffair: string | null;
  code: string;
  unitPath: { name: string }[];
  echelon: string | null;
  /** omitted where the summary is edited beside the block (the SKJ editor) */
  summaryHtml?: string;
}

/** Section A of the SKJ (Identitas Jabatan and Ikhtisar) exactly as it prints. */
export function IdentityBlock(props: IdentityBlockProps) {
  const group = `${GROUP_LABELS[props.group] ?? props.group}${props.functionalLevel ? ` — ${FUNCTIONAL_LEVEL_LABELS[props.functionalLevel]}` : ""}`;
  return (
    <table className="identity" aria-label="Identitas jabatan">
      <tbody>
        <tr>
          <th scope="row">Nama Jabatan</th>
          <td>{props.name}</td>
        </tr>
        <tr>
          <th scope="row">Kelompok Jabatan</th>
          <td>{group}</td>
        </tr>
        <tr>
          <th scope="row">Unit Kerja</th>
          <td>{props.unitPath.map((u) => u.name).join(" — ")}</td>
        </tr>
        <tr>
          <th scope="row">Eselon</th>
          <td>{props.echelon ?? "—"}</td>
        </tr>
        <tr>
          <th scope="row">Urusan Pemerintahan</th>
          <td>{props.governmentAffair ?? "—"}</td>
        </tr>
        <tr>
          <th scope="row">Kode Jabatan</th>
          <td>{props.code}</td>
        </tr>
        {props.summaryHtml !== undefined ? (
          <tr>
            <th scope="row">Ikhtisar Jabatan</th>
            <td className="rte-render" dangerouslySetInnerHTML={{ __html: props.summaryHtml || "—" }} />
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}
