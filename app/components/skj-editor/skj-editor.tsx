import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useForm, useWatch } from "react-hook-form";
import { CommentMarker } from "~/components/comment-markers";
import { RichTextEditor } from "~/components/editor/rich-text-editor";
import { IdentityBlock, type IdentityBlockProps } from "~/components/identity-block";
import { useLeaveParticipant } from "~/components/unsaved/leave-guard";
import type { LocalDraft } from "~/components/unsaved/local-draft";
import type { RichTextNode } from "~/domain/richtext";
import { SKJ_JOB_CODE_MAX, type SkjDocument } from "~/domain/skj-document";
import type { SkjDraftContent } from "~/domain/skj-merge";
import { validateSkj, type RuleContext } from "~/domain/skj-rules";
import type { UndoableCopy } from "~/domain/skj-copy";
import type { CatalogEntry, SaveConflict, SerializedRuleContext } from "~/domain/skj-editor-data";
import { CompetencySections } from "./competency-sections";
import { ConflictPanel, MergedNotice, mergeOnConflict } from "./conflict-panel";
import { CopyFromSimilar } from "./copy-from-similar";
import { RequirementsSection } from "./requirements-section";
import { RulesPanel } from "./rules-panel";
import { formatWaktu } from "~/domain/format-date";
import { useDraftAutosave, type DraftContent } from "./use-draft-autosave";

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
  /** Where the editor posts its autosaves (JSON in, SaveReply out). */
  saveUrl: string;
  /** "Salin dari SKJ serupa" (jabatan.$id.skj_.salin); absent where the draft cannot be edited. */
  copyUrl?: string;
  /** The copy the draft's latest saved revision is, which "Urungkan" can undo (read from the draft's history). */
  undoableCopy?: UndoableCopy | null;
  /** Where the competency picker asks for the technical entries suggested for this position. */
  suggestionsUrl?: string;
  /** The browser's copy of unsaved edits, kept until the server acknowledges them. */
  backup: LocalDraft<DraftContent>;
  /** The draft opens on content restored from that copy: save it at once. */
  restored: boolean;
  /** Shown under the rules panel in the side column that stays in view (the review comments). */
  aside?: ReactNode;
  /** Ends the form column (submission), so the side column stays in view down to the end of the page. */
  footer?: ReactNode;
}

export function SkjEditor({
  draft,
  identity,
  catalog: initialCatalog,
  ruleContext,
  editable,
  saveUrl,
  copyUrl,
  undoableCopy,
  suggestionsUrl,
  backup,
  restored,
  aside,
  footer,
}: Props) {
  const form = useForm<SkjDocument>({ defaultValues: draft.document });
  const document = useWatch({ control: form.control }) as SkjDocument;
  const [summaryJson, setSummaryJson] = useState<RichTextNode | null>(draft.summaryJson);
  const [catalog, setCatalog] = useState(() => new Map(initialCatalog.map((c) => [c.code, c])));
  // the user's content as it was when the save was refused, merged against the other revision
  const [conflict, setConflict] = useState<{ reply: SaveConflict; mine: SkjDraftContent } | null>(null);
  const [merged, setMerged] = useState<SaveConflict | null>(null);
  const [editorKey, setEditorKey] = useState(0);
  const [copying, setCopying] = useState(false);

  const context: RuleContext = useMemo(() => {
    const competencies = new Map(ruleContext.competencies);
    // entries picked in this session are published dictionary entries: the rules must know them too
    for (const entry of catalog.values())
      if (!competencies.has(entry.code)) competencies.set(entry.code, { type: entry.type, name: entry.name, published: true });
    return {
      competencies,
      units: new Map(ruleContext.units),
      settings: ruleContext.settings,
      regionalGovernment: ruleContext.regionalGovernment,
      jfStandard: ruleContext.jfStandard,
    };
  }, [ruleContext, catalog]);
  const results = useMemo(() => validateSkj(document, context), [document, context]);

  const refresh = useRef(new Set<string>());
  const summary = useRef(summaryJson);
  summary.current = summaryJson;
  const first = useRef(true);

  // the merged content replaces the form (every field, hence the remount); the ref makes the next save carry
  // the merged rich-text summary before React has rendered it
  const replaceContent = (content: SkjDraftContent) => {
    first.current = true;
    form.reset(content.document);
    summary.current = content.summaryJson;
    setSummaryJson(content.summaryJson);
    setEditorKey((k) => k + 1);
  };

  const autosave = useDraftAutosave({
    saveUrl,
    revision: draft.revision,
    startDirty: restored,
    content: () => ({ document: form.getValues(), summaryJson: summary.current }),
    refreshCodes: () => [...refresh.current],
    backup,
    onConflict: (reply) => {
      const mine = { document: form.getValues(), summaryJson: summary.current };
      const merge = mergeOnConflict(reply, mine);
      if (merge.conflicts.length > 0) {
        setMerged(null);
        setConflict({ reply, mine });
        return null;
      }
      setMerged(reply);
      // nothing new from the other side: keep the form (and the cursor) as it is, just save on the newer revision
      if (merge.fromTheirs.length > 0) replaceContent(merge.content);
      return { retryOn: reply.current.revision };
    },
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
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (editable) autosave.changed();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- react to the content only
  }, [document, summaryJson]);

  const resolveConflict = (content: SkjDraftContent) => {
    if (!conflict) return;
    replaceContent(content);
    setConflict(null);
    autosave.resolveConflict(conflict.reply.current.revision, "mine", conflict.reply.current.updatedAt);
  };

  const nameOf = (code: string) => catalog.get(code)?.name ?? context.competencies.get(code)?.name ?? code;

  return (
    <div className="skj-editor">
      <div className="skj-main">
        <div className="save-status" role="status" aria-live="polite" data-status={status.kind}>
          {status.kind === "saving" ? "Menyimpan…" : null}
          {status.kind === "saved" ? `Tersimpan ${formatWaktu(status.at)}` : null}
          {status.kind === "dirty" ? "Perubahan belum tersimpan…" : null}
          {status.kind === "error" ? status.message : null}
          {status.kind === "conflict" ? "Konflik: pilih versi untuk isian yang diubah di dua tempat" : null}
          {status.kind === "idle" ? (editable ? "Semua perubahan tersimpan" : "Hanya baca") : null}
        </div>
        {merged && !conflict ? <MergedNotice conflict={merged} /> : null}
        {conflict ? <ConflictPanel conflict={conflict.reply} mine={conflict.mine} nameOf={nameOf} onResolved={resolveConflict} /> : null}
        {editable && copyUrl && !conflict ? (
          <CopyFromSimilar
            copyUrl={copyUrl}
            // only while this page shows exactly that revision: an edit saved or still pending since is not undone
            undoable={
              undoableCopy && undoableCopy.revision === autosave.revision && (status.kind === "idle" || status.kind === "saved")
                ? undoableCopy
                : null
            }
            flush={autosave.flush}
            onBusy={setCopying}
            onApplied={(applied) => {
              setCatalog((m) => new Map([...m, ...applied.catalog.map((c) => [c.code, c] as const)]));
              replaceContent(applied);
              autosave.adopt(applied.revision, applied.savedAt);
            }}
          />
        ) : null}
        <fieldset key={editorKey} disabled={!editable || Boolean(conflict) || copying} className="skj-fieldset">
          <section className="card" id="bagian-identitas" aria-labelledby="h-identitas">
            <h2 id="h-identitas" style={{ marginTop: 0 }}>
              A. Identitas Jabatan <CommentMarker anchor="identitas" />
            </h2>
            <IdentityBlock {...identity} />
            <p className="muted">Identitas mengikuti register jabatan; ubah di halaman jabatan bila perlu.</p>
            <div className="field" data-path="position.jobCode">
              <label htmlFor="job-code">Kode Jabatan (seperti tercetak)</label>
              <input
                id="job-code"
                type="text"
                maxLength={SKJ_JOB_CODE_MAX}
                {...form.register("position.jobCode", { setValueAs: (v: string) => v || null })}
              />
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
            suggestionsUrl={suggestionsUrl}
          />
          <RequirementsSection form={form} settings={ruleContext.settings} />
        </fieldset>
        {footer}
      </div>
      <div className="skj-side">
        <RulesPanel results={results} />
        {aside}
      </div>
    </div>
  );
}
