// Suggested technical competencies (issue 17 item 3): hide one technical competency of a published SKJ, ask
// the suggestions for that position as if its SKJ lacked it, and count how often it is among the first five
// (recall@5); each list's time is a sample.
import { performance } from "node:perf_hooks";
import { MANDATORY_TECHNICAL_CODE } from "~/domain/dictionary";
import { suggestTechnicalCompetencies } from "~/services/competency-suggestions.server";
import { BULK_PREFIX } from "./bulk-seed";
import type { DataSetSize } from "./data-set";
import { percentile, WARMUP, type Measure } from "./runner";

// issue 17: p95 < 50 ms per suggestion list at 20,000 positions
const SUGGESTION_TARGET_MS = 50;
const RECALL_AT = 5;

/** Every live SKJ of the synthetic positions, or an evenly spread sample of `sample` of them. */
export function suggestionMeasure(size: DataSetSize, sample = Number.POSITIVE_INFINITY): Measure {
  return {
    name: `saran kompetensi teknis: recall@${RECALL_AT} dan waktu per daftar`,
    size: size.label,
    target: { label: `p95 < ${SUGGESTION_TARGET_MS} ms`, stat: "p95", maxMs: SUGGESTION_TARGET_MS },
    async run(ctx) {
      const { db } = await ctx.dataSet(size);
      const skj = (
        db.$client
          .prepare(
            `select v.position_id as positionId, group_concat(c.code, ',') as codes
             from skj_versions v
             join positions p on p.id = v.position_id
             join skj_competency_uses u on u.version_id = v.id
             join competency_revisions r on r.id = u.competency_revision_id
             join competencies c on c.id = r.competency_id
             where p.code glob '${BULK_PREFIX}*' and c.type = 'teknis' and c.code <> ?
               and not exists (select 1 from skj_version_ends e where e.version_id = v.id)
             group by v.position_id order by v.position_id`,
          )
          .all(MANDATORY_TECHNICAL_CODE) as { positionId: number; codes: string }[]
      ).map((s) => ({ positionId: s.positionId, codes: s.codes.split(",") }));
      const step = Math.max(1, Math.floor(skj.length / Math.min(sample, skj.length)));
      const cases = skj.filter((_, i) => i % step === 0).slice(0, sample);
      // which one is hidden varies with the position, so no list position of the SKJ is favoured
      const ask = ({ positionId, codes }: (typeof cases)[number]) => {
        const hidden = codes[positionId % codes.length]!;
        const list =
          suggestTechnicalCompetencies(db, positionId, { exclude: [...codes.filter((c) => c !== hidden), MANDATORY_TECHNICAL_CODE] }) ?? [];
        return list.slice(0, RECALL_AT).some((s) => s.code === hidden);
      };
      cases.slice(0, WARMUP).forEach(ask);
      const samples: number[] = [];
      // on a busy machine wall time waits for the CPU too: the process's own CPU time tells the cost apart
      const cpu: number[] = [];
      let hits = 0;
      for (const c of cases) {
        const started = performance.now();
        const cpuStarted = process.cpuUsage();
        const found = ask(c);
        samples.push(performance.now() - started);
        const used = process.cpuUsage(cpuStarted);
        cpu.push((used.user + used.system) / 1000);
        if (found) hits++;
      }
      const recall = hits / cases.length;
      cpu.sort((a, b) => a - b);
      return {
        samples,
        note:
          `recall@${RECALL_AT} ${(recall * 100).toFixed(1)} % (${hits} dari ${cases.length} SKJ, satu kompetensi teknis disembunyikan per SKJ; dari ${skj.length} SKJ berlaku); ` +
          `waktu CPU per daftar median ${percentile(cpu, 0.5).toFixed(1)} ms, p95 ${percentile(cpu, 0.95).toFixed(1)} ms`,
      };
    },
  };
}
