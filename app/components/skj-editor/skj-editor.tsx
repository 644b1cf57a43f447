import { useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { RichTextEditor } from "~/components/editor/rich-text-editor";
import { IdentityBlock, type IdentityBlockProps } from "~/components/identity-block";
import type { RichTextNode } from "~/domain/richtext";
import { SKJ_JOB_CODE_MAX, type SkjDocument } from "~/domain/skj-document";
import type { SkjDraftContent } from "~/domain/skj-merge";
import { validateSkj, type RuleContext } from "~/domain/skj-rules";
import type { CatalogEntry, SaveConflict, SerializedRuleContext } from "~/services/skj-editor.server";
import { CompetencySections } from "./competency-sections";
import { ConflictPanel, MergedNotice, mergeOnConflict } from "./conflict-panel";
import { RequirementsSection } from "./requirements-section";
import { RulesPanel } from "./rules-panel";

export const AUTOSAVE_DELAY_MS = 2000;

export interface SaveReply {
  ok: boolean;
  revision?: number;
  savedAt?: string;
  conflict?: SaveConflict;
  message?: string;
}

interface Props {
  draft: { revision: number; document: SkjDocument; summaryJson: RichTextNode | null; updatedAt: string };
  identity: Omit<IdentityBlockProps, "summaryHtml">;
  catalog: CatalogEntry[];
  ruleContext: SerializedRuleContext;
  editable: boolean;
}

type SaveStatus = { kind: "idle" } | { kind: "dirty" } | { kind: "saving" } | { kind: "saved"; at: string } | { kind: "error"; message: string } | { kind: "conflict" };

const timeFormat = new Intl.DateTimeFormat("id-ID", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Jakarta" });

export function SkjEditor({ draft, identity, catalog: initialCatalog, ruleContext, editable }: Props) {
  const form = useForm<SkjDocument>({ defaultValues: draft.document });
  const document = useWatch({ control: form.control }) as SkjDocument;
  const [summaryJson, setSummaryJson] = useState<RichTextNode | null>(draft.summaryJson);
  const [catalog, setCatalog] = useState(() => new Map(initialCatalog.map((c) => [c.code, c])));
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle" });
  // the user's content as it was when the save was refused, merged against the other revision
  const [conflict, setConflict] = useState<{ reply: SaveConflict; mine: SkjDraftContent } | null>(null);
  const [merged, setMerged] = useState<SaveConflict | null>(null);
  const [saveRequest, setSaveRequest] = useState(0);
  const [editorKey, setEditorKey] = useState(0);
  const revision = useRef(draft.revision);
  const pending = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const fetcher = useFetcher<SaveReply>();

  const context: RuleContext = useMemo(() => {
    const competencies = new Map(ruleContext.competencies);
    // entries picked in this session are published dictionary entries: the rules must know them too
    for (const entry of catalog.values()) if (!competencies.has(entry.code)) competencies.set(entry.code, { type: entry.type, name: entry.name, published: true });
    return { competencies, units: new Map(ruleContext.units), settings: ruleContext.settings, regionalGovernment: ruleContext.regionalGovernment };
  }, [ruleContext, catalog]);
  const results = useMemo(() => validateSkj(document, context), [document, context]);

  const refresh = useRef(new Set<string>());
  const save = useCallback(() => {
    if (fetcher.state !== "idle") {
      pending.current = true;
      return;
    }
    pending.current = false;
    setStatus({ kind: "saving" });
    const refreshCodes = [...refresh.current];
    refresh.current.clear();
    fetcher.submit({ intent: "save", document: form.getValues(), summaryJson, baseRevision: revision.current, refreshCodes } as never, { method: "post", encType: "application/json" });
  }, [fetcher, form, summaryJson]);

  /** "Pembaruan kamus tersedia": take the newest published revision of an entry, then save. */
  const takeDictionaryUpdate = useCallback(
    async (code: string) => {
      const res = await fetch(`/kamus/pilih?q=${encodeURIComponent(code)}`);
      const body = (await res.json().catch(() => null)) as { entries?: CatalogEntry[] } | null;
      const entry = body?.entries?.find((e) => e.code === code);
      if (!entry) return;
      setCatalog((m) => new Map(m).set(code, entry));
      refresh.current.add(code);
      save();
    },
    [save],
  );

  const scheduleSave = useCallback(() => {
    if (!editable || conflict) return;
    setStatus({ kind: "dirty" });
    clearTimeout(timer.current);
    timer.current = setTimeout(save, AUTOSAVE_DELAY_MS);
  }, [editable, conflict, save]);

  // every change of the form (or the rich-text summary) restarts the autosave countdown
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    scheduleSave();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- scheduleSave changes with summaryJson, already a dependency
  }, [document, summaryJson]);

  useEffect(() => {
    const reply = fetcher.data;
    if (!reply || fetcher.state !== "idle") return;
    if (reply.ok && reply.revision) {
      revision.current = reply.revision;
      setStatus({ kind: "saved", at: reply.savedAt ?? new Date().toISOString() });
      if (pending.current) save();
    } else if (reply.conflict) {
      clearTimeout(timer.current);
      const mine = { document: form.getValues(), summaryJson };
      const merge = mergeOnConflict(reply.conflict, mine);
      if (merge.conflicts.length === 0) {
        setMerged(reply.conflict);
        // nothing new from the other side: keep the form (and the cursor) as it is, just save on the newer revision
        if (merge.fromTheirs.length > 0) applyResolution(merge.content, reply.conflict.current.revision);
        else {
          revision.current = reply.conflict.current.revision;
          setSaveRequest((n) => n + 1);
        }
      } else {
        setMerged(null);
        setConflict({ reply: reply.conflict, mine });
        setStatus({ kind: "conflict" });
      }
    } else setStatus({ kind: "error", message: reply.message ?? "Penyimpanan gagal. Perubahan Anda masih ada di halaman ini; coba lagi." });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- react to a new reply only
  }, [fetcher.data, fetcher.state]);

  // never lose an edit by closing the tab before the autosave ran
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (status.kind === "dirty" || status.kind === "saving" || status.kind === "conflict") e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [status.kind]);

  // the merged content replaces the form (every field, hence the remount) and is saved on the newer revision
  // once rendered, so the save carries the merged rich-text summary
  function applyResolution(content: SkjDraftContent, newerRevision: number) {
    revision.current = newerRevision;
    first.current = true;
    form.reset(content.document);
    setSummaryJson(content.summaryJson);
    setEditorKey((k) => k + 1);
    setConflict(null);
    setSaveRequest((n) => n + 1);
  }
  useEffect(() => {
    if (saveRequest > 0) save();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one save per request, with this render's content
  }, [saveRequest]);

  const nameOf = (code: string) => catalog.get(code)?.name ?? context.competencies.get(code)?.name ?? code;

  return (
    <div className="skj-editor">
      <div className="skj-main">
        <div className="save-status" role="status" aria-live="polite" data-status={status.kind}>
          {status.kind === "saving" ? "Menyimpan…" : null}
          {status.kind === "saved" ? `Tersimpan ${timeFormat.format(new Date(status.at))}` : null}
          {status.kind === "dirty" ? "Perubahan belum tersimpan…" : null}
          {status.kind === "error" ? status.message : null}
          {status.kind === "conflict" ? "Konflik: pilih versi untuk isian yang diubah di dua tempat" : null}
          {status.kind === "idle" ? (editable ? "Semua perubahan tersimpan" : "Hanya baca") : null}
        </div>
        {merged && !conflict ? <MergedNotice conflict={merged} /> : null}
        {conflict ? <ConflictPanel conflict={conflict.reply} mine={conflict.mine} nameOf={nameOf} onResolved={(content) => applyResolution(content, conflict.reply.current.revision)} /> : null}
        <fieldset key={editorKey} disabled={!editable || Boolean(conflict)} className="skj-fieldset">
          <section className="card" id="bagian-identitas" aria-labelledby="h-identitas">
            <h2 id="h-identitas" style={{ marginTop: 0 }}>
              A. Identitas Jabatan
            </h2>
            <IdentityBlock {...identity} />
            <p className="muted">Identitas mengikuti register jabatan; ubah di halaman jabatan bila perlu.</p>
            <div className="field" data-path="position.jobCode">
              <label htmlFor="job-code">Kode Jabatan (seperti tercetak)</label>
              <input id="job-code" type="text" maxLength={SKJ_JOB_CODE_MAX} {...form.register("position.jobCode", { setValueAs: (v: string) => v || null })} />
              <span className="hint">Kode yang dicetak pada SKJ, mis. 800.1.3.2; boleh kosong.</span>
            </div>
            <div className="field" data-path="position.summary">
              <span className="label-like">Ikhtisar jabatan</span>
              <RichTextEditor
                name="summaryJson"
                textName="summaryText"
                label="Ikhtisar jabatan"
                initial={summaryJson}
                onChange={(doc, text) => {
                  setSummaryJson(doc);
                  form.setValue("position.summary", text);
                }}
              />
            </div>
          </section>
          <CompetencySections
            form={form}
            catalog={catalog}
            onPicked={(entry) => setCatalog((m) => new Map(m).set(entry.code, entry))}
            onTakeUpdate={takeDictionaryUpdate}
            context={context}
          />
          <RequirementsSection form={form} settings={ruleContext.settings} />
        </fieldset>
      </div>
      <RulesPanel results={results} />
    </div>
  );
}
