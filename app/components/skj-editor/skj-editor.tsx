import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { RichTextEditor } from "~/components/editor/rich-text-editor";
import { IdentityBlock, type IdentityBlockProps } from "~/components/identity-block";
import { useLeaveParticipant } from "~/components/unsaved/leave-guard";
import type { LocalDraft } from "~/components/unsaved/local-draft";
import type { RichTextNode } from "~/domain/richtext";
import { diffSkjDocuments } from "~/domain/skj-diff";
import type { SkjDocument } from "~/domain/skj-document";
import { validateSkj, type RuleContext } from "~/domain/skj-rules";
import type { CatalogEntry, SerializedRuleContext } from "~/services/skj-editor.server";
import { CompetencySections } from "./competency-sections";
import { RequirementsSection } from "./requirements-section";
import { RulesPanel } from "./rules-panel";
import { useDraftAutosave, type DraftContent } from "./use-draft-autosave";

export interface SaveReply {
  ok: boolean;
  revision?: number;
  savedAt?: string;
  conflict?: { revision: number; document: SkjDocument; summaryJson: RichTextNode | null; lastEditorName: string | null; updatedAt: string };
  message?: string;
}

interface Props {
  draft: { revision: number; document: SkjDocument; summaryJson: RichTextNode | null; updatedAt: string };
  identity: Omit<IdentityBlockProps, "summaryHtml">;
  catalog: CatalogEntry[];
  ruleContext: SerializedRuleContext;
  editable: boolean;
  /** Where the editor posts its autosaves (JSON in, SaveReply out). */
  saveUrl: string;
  /** The browser's copy of unsaved edits, kept until the server acknowledges them. */
  backup: LocalDraft<DraftContent>;
  /** The draft opens on content restored from that copy: save it at once. */
  restored: boolean;
}

const timeFormat = new Intl.DateTimeFormat("id-ID", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Jakarta" });

export function SkjEditor({ draft, identity, catalog: initialCatalog, ruleContext, editable, saveUrl, backup, restored }: Props) {
  const form = useForm<SkjDocument>({ defaultValues: draft.document });
  const document = useWatch({ control: form.control }) as SkjDocument;
  const [summaryJson, setSummaryJson] = useState<RichTextNode | null>(draft.summaryJson);
  const [catalog, setCatalog] = useState(() => new Map(initialCatalog.map((c) => [c.code, c])));
  const [conflict, setConflict] = useState<SaveReply["conflict"] | null>(null);
  const [editorKey, setEditorKey] = useState(0);

  const context: RuleContext = useMemo(() => {
    const competencies = new Map(ruleContext.competencies);
    // entries picked in this session are published dictionary entries: the rules must know them too
    for (const entry of catalog.values()) if (!competencies.has(entry.code)) competencies.set(entry.code, { type: entry.type, name: entry.name, published: true });
    return { competencies, units: new Map(ruleContext.units), settings: ruleContext.settings, regionalGovernment: ruleContext.regionalGovernment };
  }, [ruleContext, catalog]);
  const results = useMemo(() => validateSkj(document, context), [document, context]);

  const refresh = useRef(new Set<string>());
  const summary = useRef(summaryJson);
  summary.current = summaryJson;
  const autosave = useDraftAutosave({
    saveUrl,
    revision: draft.revision,
    startDirty: restored,
    content: () => ({ document: form.getValues(), summaryJson: summary.current }),
    refreshCodes: () => [...refresh.current],
    backup,
    onConflict: setConflict,
    onSaved: (codes) => codes.forEach((c) => refresh.current.delete(c)),
  });
  const status = autosave.status;
  useLeaveParticipant({ label: "Draf SKJ", pending: autosave.pending, flush: autosave.flush, discard: autosave.discard });

  /** "Pembaruan kamus tersedia": take the newest published revision of an entry, then save. */
  const takeDictionaryUpdate = useCallback(
    async (code: string) => {
      const res = await fetch(`/kamus/pilih?q=${encodeURIComponent(code)}`);
      const body = (await res.json().catch(() => null)) as { entries?: CatalogEntry[] } | null;
      const entry = body?.entries?.find((e) => e.code === code);
      if (!entry) return;
      setCatalog((m) => new Map(m).set(code, entry));
      refresh.current.add(code);
      autosave.changed();
      void autosave.flush();
    },
    [autosave],
  );

  // every change of the form (or the rich-text summary) is kept in the browser and restarts the countdown
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (editable) autosave.changed();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- react to the content only
  }, [document, summaryJson]);

  const keepMine = () => {
    if (!conflict) return;
    setConflict(null);
    autosave.resolveConflict(conflict.revision, "mine", conflict.updatedAt);
  };
  const takeTheirs = () => {
    if (!conflict) return;
    first.current = true;
    form.reset(conflict.document);
    setSummaryJson(conflict.summaryJson);
    setEditorKey((k) => k + 1);
    setConflict(null);
    autosave.resolveConflict(conflict.revision, "theirs", conflict.updatedAt);
  };

  const nameOf = (code: string) => catalog.get(code)?.name ?? context.competencies.get(code)?.name ?? code;

  return (
    <div className="skj-editor">
      <div className="skj-main">
        <div className="save-status" role="status" aria-live="polite" data-status={status.kind}>
          {status.kind === "saving" ? "Menyimpan…" : null}
          {status.kind === "saved" ? `Tersimpan ${timeFormat.format(new Date(status.at))}` : null}
          {status.kind === "dirty" ? "Perubahan belum tersimpan…" : null}
          {status.kind === "error" ? status.message : null}
          {status.kind === "conflict" ? "Konflik: draf diubah orang lain" : null}
          {status.kind === "idle" ? (editable ? "Semua perubahan tersimpan" : "Hanya baca") : null}
        </div>
        {conflict ? (
          <section className="conflict card" role="alertdialog" aria-labelledby="conflict-title">
            <h2 id="conflict-title" style={{ marginTop: 0 }}>
              Draf ini telah diubah oleh {conflict.lastEditorName ?? "pengguna lain"}
            </h2>
            <p>Perubahan Anda belum disimpan dan tidak hilang. Bandingkan, lalu pilih versi yang dipakai.</p>
            <table className="data" aria-label="Perbedaan versi">
              <thead>
                <tr>
                  <th scope="col">Bagian</th>
                  <th scope="col">Versi mereka (revisi {conflict.revision})</th>
                  <th scope="col">Versi saya</th>
                </tr>
              </thead>
              <tbody>
                {diffSkjDocuments(conflict.document, form.getValues(), nameOf).map((c, i) => (
                  <tr key={i}>
                    <th scope="row">{c.label}</th>
                    <td>{c.before}</td>
                    <td>{c.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="actions" style={{ marginTop: "0.75rem" }}>
              <button type="button" className="button" onClick={keepMine}>
                Pakai versi saya
              </button>
              <button type="button" className="button button-secondary" onClick={takeTheirs}>
                Pakai versi mereka
              </button>
            </div>
          </section>
        ) : null}
        <fieldset disabled={!editable || Boolean(conflict)} className="skj-fieldset">
          <section className="card" id="bagian-identitas" aria-labelledby="h-identitas">
            <h2 id="h-identitas" style={{ marginTop: 0 }}>
              A. Identitas Jabatan
            </h2>
            <IdentityBlock {...identity} />
            <p className="muted">Identitas mengikuti register jabatan; ubah di halaman jabatan bila perlu.</p>
            <div className="field" data-path="position.summary">
              <span className="label-like">Ikhtisar jabatan</span>
              <RichTextEditor
                key={editorKey}
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
          <RequirementsSection form={form} />
        </fieldset>
      </div>
      <RulesPanel results={results} />
    </div>
  );
}
