import type { SkjStatus } from "~/domain/sotk";
import { SKJ_STATUS_LABELS } from "~/domain/labels";
const TONE: Record<SkjStatus, string> = {
  belum_ada: "tag-off",
  draf: "",
  diajukan: "tag-warn",
  disetujui: "tag-warn",
  ditetapkan: "tag-ok",
};

export function SkjStatusTag({ status }: { status: SkjStatus }) {
  return <span className={`tag ${TONE[status]}`}>{SKJ_STATUS_LABELS[status]}</span>;
}
