// What the SKJ editor page receives from the server, shared by the loader that sends it and the browser code
// that reads it.
import type { CompetencyType } from "./dictionary";
import type { RichTextNode } from "./richtext";
import type { SkjDocument } from "./skj-document";
import type { RuleContext } from "./skj-rules";

export interface CatalogEntry {
  code: string;
  type: CompetencyType;
  name: string;
  revision: number;
  latestRevision: number;
  levels: { level: number; description: string; indicators: string[] }[];
  /** The shown revision holds an example text (isExampleText). */
  example: boolean;
}

/** RuleContext with Maps turned into arrays, so the loader can send it and the browser can rebuild it. */
export interface SerializedRuleContext {
  competencies: [string, { type: CompetencyType; name: string; published: boolean }][];
  units: [string, { echelon: string | null; name: string }][];
  settings: RuleContext["settings"];
  regionalGovernment: boolean;
  jfStandard?: RuleContext["jfStandard"];
}

/**
 * What the editor needs to merge a stale save itself (app/domain/skj-merge.ts): the revision the save was
 * based on, the current one, and who made it. `base` is null when the save named a revision the draft
 * never had; the editor then asks about every difference.
 */
export interface SaveConflict {
  base: { revision: number; document: SkjDocument; summaryJson: RichTextNode | null } | null;
  current: { revision: number; document: SkjDocument; summaryJson: RichTextNode | null; updatedAt: string };
  author: { name: string | null; sameUser: boolean };
}
