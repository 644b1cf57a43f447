// `npm run cli -- instance:set --kind K --name N --head H --place P [--regional true|false]` (contract §7.1).
import { parseArgs } from "node:util";
import { INSTANCE_FIELD_LABELS, instanceErrorsOf } from "~/domain/instance";
import type { Db } from "~db/client.server";
import { saveInstanceProfile } from "~db/queries/instance.server";

export type CliOutcome = { ok: true; message: string } | { ok: false; message: string };

const FLAG_OF: Record<string, string> = {
  kind: "--kind",
  name: "--name",
  headTitle: "--head",
  place: "--place",
  regionalGovernment: "--regional",
};

export function instanceSet(db: Db, args: string[]): CliOutcome {
  const { values } = parseArgs({
    args,
    options: {
      kind: { type: "string" },
      name: { type: "string" },
      head: { type: "string" },
      place: { type: "string" },
      regional: { type: "string" },
    },
  });
  const regional = values.regional;
  if (regional !== undefined && regional !== "true" && regional !== "false")
    return {
      ok: false,
      message: `${FLAG_OF.regionalGovernment} (${INSTANCE_FIELD_LABELS.regionalGovernment}): harus true atau false (bukan "${regional}").`,
    };
  const input = {
    kind: values.kind,
    name: values.name ?? "",
    headTitle: values.head ?? "",
    place: values.place ?? "",
    ...(regional === undefined ? {} : { regionalGovernment: regional === "true" }),
  };
  const saved = saveInstanceProfile(db, input, null);
  if (!saved.ok) {
    if (!("error" in saved)) return { ok: false, message: "Profil instansi sedang diubah pengguna lain; ulangi perintah." };
    const lines = Object.entries(instanceErrorsOf(saved.error)).map(([field, message]) => `${FLAG_OF[field] ?? field}: ${message}`);
    return { ok: false, message: lines.join("\n") };
  }
  const p = saved.profile;
  return {
    ok: true,
    message: `${saved.changed ? "Profil instansi disimpan" : "Profil instansi tidak berubah"}: ${p.name} — ${p.headTitle}, ditetapkan di ${p.place} (pemerintah daerah: ${p.regionalGovernment ? "ya" : "tidak"}).`,
  };
}
