// What the server acknowledged (complete 2xx/3xx answers) and what was still in flight when it was killed.
// The checks hold the database to the acknowledgements; in-flight requests may have happened or not, but
// never by halves.

export interface SaveAck {
  via: "api" | "editor";
  positionCode: string;
  revision: number;
  /** Canonical JSON of the document the save sent, as the server's schema reads it. */
  document: string;
  round: number;
  /** Set by the first check that finds it: its skj_draft_revisions row and the bytes stored there. */
  found?: { rowId: number; bytes: string };
}

export interface SinglePublishAck {
  positionCode: string;
  version: number;
  contentHash: string;
  /** The bytes the publish answered: every later read of the version must serve the same. */
  body: string;
  round: number;
}

export interface PenetapanPublishAck {
  penetapanId: number;
  positionCodes: string[];
  round: number;
}

export type RequestKind =
  | "simpan-api"
  | "simpan-penyunting"
  | "ajukan"
  | "setujui"
  | "tetapkan-tunggal"
  | "penetapan-buat"
  | "penetapan-tambah"
  | "penetapan-tetapkan"
  | "baca";

export class Ledger {
  readonly saves: SaveAck[] = [];
  readonly singlePublishes: SinglePublishAck[] = [];
  readonly penetapanPublishes: PenetapanPublishAck[] = [];
  readonly penetapanCreated: number[] = [];
  readonly penetapanAdded: { penetapanId: number; positionCode: string }[] = [];
  /** Acknowledged submissions and approvals, by the decision's actor: skj_decisions must hold at least as many. */
  readonly decisions = new Map<string, number>();
  /** The last skj_decisions id before the stream: the checks count only decisions after it. */
  decisionsAfter = 0;
  readonly inFlight = new Map<RequestKind, number>();
  /** Saves and penetapan publishes the kill cut off: either outcome is allowed, half of one is not. */
  readonly unansweredSaves: { positionCode: string; document: string; round: number }[] = [];
  readonly unansweredPenetapan: { penetapanId: number; round: number }[] = [];
  readonly answered = new Map<RequestKind, number>();
  /** Answers the stream did not expect from a live server (a 500, a refused step, a dropped connection). */
  readonly unexpected: string[] = [];
  editorConflicts = 0;

  decided(action: "diajukan" | "disetujui", actorId: number) {
    const key = `${action}:${actorId}`;
    this.decisions.set(key, (this.decisions.get(key) ?? 0) + 1);
  }

  count(map: Map<RequestKind, number>, kind: RequestKind) {
    map.set(kind, (map.get(kind) ?? 0) + 1);
  }

  total(map: Map<RequestKind, number>): number {
    return [...map.values()].reduce((a, b) => a + b, 0);
  }
}
