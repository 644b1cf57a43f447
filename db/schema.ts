// The whole SKJ Studio domain in one file: tables first, then relations, then types.
// SQL names are snake_case, TypeScript keys camelCase. Timestamps are ISO-8601 UTC strings.
import { relations, sql } from "drizzle-orm";
import { type AnySQLiteColumn, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const createdAt = () => text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);
const updatedAt = () => text("updated_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

// ---------------------------------------------------------------- accounts

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: text("role", { enum: ["admin", "analis", "reviewer", "viewer"] }).notNull(),
  passwordHash: text("password_hash").notNull(),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const sessions = sqliteTable(
  "sessions",
  {
    // sha256 of the random token held in the cookie, so a leaked database cannot be replayed
    idHash: text("id_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: text("expires_at").notNull(),
    createdAt: createdAt(),
    lastSeenAt: text("last_seen_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

// Login attempts per email since its last successful login (known or not, so that throttling reveals
// nothing about accounts). `failures` counts every attempt of the window, taken before its password is
// checked (app/domain/login-throttle.ts), so a success deletes the row.
export const loginThrottle = sqliteTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  windowStartedAt: text("window_started_at").notNull(),
  lockedUntil: text("locked_until"),
});

export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    scopes: text("scopes", { mode: "json" }).$type<string[]>().notNull(),
    // who made it: the owner through the web, an admin, or null for the operator's CLI
    createdBy: integer("created_by").references((): AnySQLiteColumn => users.id),
    createdAt: createdAt(),
    lastUsedAt: text("last_used_at"),
    revokedAt: text("revoked_at"),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);

// Admin-editable tables that the rules engine reads (standard levels, minimum rank, …).
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  label: text("label").notNull(),
  value: text("value", { mode: "json" }).$type<unknown>().notNull(),
  sourceNote: text("source_note").notNull(),
  verified: integer("verified", { mode: "boolean" }).notNull().default(false),
  updatedAt: updatedAt(),
  updatedBy: integer("updated_by").references(() => users.id),
});

// ---------------------------------------------------------------- SOTK register

export const orgUnits = sqliteTable(
  "org_units",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull().unique(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    /** The unit kind as an imported file wrote it ("Badan", "Dinas"); null shows the label of `kind`. */
    kindLabel: text("kind_label"),
    echelon: text("echelon"),
    parentId: integer("parent_id").references((): AnySQLiteColumn => orgUnits.id),
    legalBasisKind: text("legal_basis_kind"),
    legalBasisNumber: text("legal_basis_number"),
    legalBasisYear: integer("legal_basis_year"),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("org_units_parent_idx").on(t.parentId)],
);

export const positions = sqliteTable(
  "positions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull().unique(),
    name: text("name").notNull(),
    group: text("group", {
      enum: ["jpt_utama", "jpt_madya", "jpt_pratama", "administrator", "pengawas", "pelaksana", "fungsional"],
    }).notNull(),
    functionalLevel: text("functional_level", {
      enum: ["ahli_utama", "ahli_madya", "ahli_muda", "ahli_pertama", "penyelia", "mahir", "terampil", "pemula"],
    }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => orgUnits.id),
    governmentAffair: text("government_affair"),
    summaryJson: text("summary_json", { mode: "json" }).$type<unknown>(),
    summaryText: text("summary_text").notNull().default(""),
    requiredHeadcount: integer("required_headcount"),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("positions_unit_idx").on(t.unitId),
    index("positions_group_idx").on(t.group),
    // the positions of one urusan, for suggested competencies
    index("positions_affair_idx").on(t.governmentAffair),
    // the register's default page and its total: active positions by code, without reading the table
    index("positions_active_code_idx").on(t.active, t.code),
  ],
);

// ---------------------------------------------------------------- competency dictionary

/**
 * One row, bumped in the transaction of every write to the dictionary's search indexes: a process may keep
 * search answers for as long as the number it read them under is still the stored one.
 */
export const dictionarySearchGeneration = sqliteTable("dictionary_search_generation", {
  id: integer("id").primaryKey(),
  generation: integer("generation").notNull(),
});

export const competencies = sqliteTable("competencies", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  code: text("code").notNull().unique(),
  type: text("type", { enum: ["manajerial", "sosial_kultural", "teknis"] }).notNull(),
  name: text("name").notNull(),
  category: text("category"),
  // regulation entries (M.01–M.08, SK.01, T.OTDA) cannot be removed or renamed by users
  isFixed: integer("is_fixed", { mode: "boolean" }).notNull().default(false),
  sourceKind: text("source_kind", {
    enum: ["regulasi", "instansi_pembina", "daerah_lain", "lokal"],
  }).notNull(),
  sourceReference: text("source_reference"),
  keywords: text("keywords", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const competencyRevisions = sqliteTable(
  "competency_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    competencyId: integer("competency_id")
      .notNull()
      .references(() => competencies.id),
    number: integer("number").notNull(),
    status: text("status", { enum: ["draft", "diajukan", "diterbitkan"] }).notNull(),
    // entry-level texts are revisioned too, so a draft can rename without touching what is published
    name: text("name"),
    category: text("category"),
    sourceKind: text("source_kind", { enum: ["regulasi", "instansi_pembina", "daerah_lain", "lokal"] }),
    sourceReference: text("source_reference"),
    keywords: text("keywords", { mode: "json" }).$type<string[]>(),
    definitionJson: text("definition_json", { mode: "json" }).$type<unknown>(),
    definitionText: text("definition_text").notNull().default(""),
    // "regulasi": verbatim regulation text; "contoh": illustrative demo text; "lokal": written by the bureau
    textStatus: text("text_status", { enum: ["regulasi", "contoh", "lokal"] }).notNull(),
    note: text("note"),
    createdBy: integer("created_by").references(() => users.id),
    lastEditedBy: integer("last_edited_by").references(() => users.id),
    submittedBy: integer("submitted_by").references(() => users.id),
    publishedBy: integer("published_by").references(() => users.id),
    publishedAt: text("published_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("competency_revisions_number_uq").on(t.competencyId, t.number)],
);

// Everyone who changed the texts of a revision while it was a draft (four-eyes: none of them may publish it).
export const competencyRevisionContributors = sqliteTable(
  "competency_revision_contributors",
  {
    revisionId: integer("revision_id")
      .notNull()
      .references(() => competencyRevisions.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.revisionId, t.userId] })],
);

export const competencyLevels = sqliteTable(
  "competency_levels",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    revisionId: integer("revision_id")
      .notNull()
      .references(() => competencyRevisions.id),
    level: integer("level").notNull(),
    description: text("description").notNull().default(""),
  },
  (t) => [uniqueIndex("competency_levels_uq").on(t.revisionId, t.level)],
);

export const competencyIndicators = sqliteTable(
  "competency_indicators",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    levelId: integer("level_id")
      .notNull()
      .references(() => competencyLevels.id),
    ordinal: integer("ordinal").notNull(),
    text: text("text").notNull(),
  },
  (t) => [uniqueIndex("competency_indicators_uq").on(t.levelId, t.ordinal)],
);

// ---------------------------------------------------------------- SKJ: drafts, decisions, published versions

// The working copy of a position's SKJ. One open draft per position (closed_at null).
export const skjDrafts = sqliteTable(
  "skj_drafts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    positionId: integer("position_id")
      .notNull()
      .references(() => positions.id),
    state: text("state", { enum: ["draf", "diajukan", "disetujui", "dikembalikan"] }).notNull(),
    // optimistic concurrency: every save names the revision it was based on
    revision: integer("revision").notNull().default(1),
    document: text("document", { mode: "json" }).$type<unknown>().notNull(),
    summaryJson: text("summary_json", { mode: "json" }).$type<unknown>(),
    basedOnVersionId: integer("based_on_version_id").references((): AnySQLiteColumn => skjVersions.id),
    justification: text("justification"),
    createdBy: integer("created_by").references(() => users.id),
    lastEditedBy: integer("last_edited_by").references(() => users.id),
    submittedBy: integer("submitted_by").references(() => users.id),
    submittedAt: text("submitted_at"),
    approvedBy: integer("approved_by").references(() => users.id),
    approvedAt: text("approved_at"),
    closedAt: text("closed_at"),
    closedReason: text("closed_reason", { enum: ["ditetapkan", "dibuang"] }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("skj_drafts_one_open_uq").on(t.positionId).where(sql`closed_at is null`)],
);

// Every saved revision of a draft, kept as history (autosaves included; nothing is overwritten).
export const skjDraftRevisions = sqliteTable(
  "skj_draft_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    draftId: integer("draft_id")
      .notNull()
      .references(() => skjDrafts.id),
    revision: integer("revision").notNull(),
    document: text("document", { mode: "json" }).$type<unknown>().notNull(),
    // the rich-text summary as saved, so a conflicting save can be merged against its base (null before 0010)
    summaryJson: text("summary_json", { mode: "json" }).$type<unknown>(),
    savedBy: integer("saved_by").references(() => users.id),
    savedAt: createdAt(),
  },
  (t) => [uniqueIndex("skj_draft_revisions_uq").on(t.draftId, t.revision)],
);

export const skjDecisions = sqliteTable(
  "skj_decisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    draftId: integer("draft_id")
      .notNull()
      .references(() => skjDrafts.id),
    action: text("action", {
      enum: ["diajukan", "disetujui", "dikembalikan", "ditetapkan", "dicabut"],
    }).notNull(),
    comment: text("comment"),
    actorId: integer("actor_id")
      .notNull()
      .references(() => users.id),
    at: createdAt(),
  },
  (t) => [index("skj_decisions_draft_idx").on(t.draftId)],
);

export const reviewComments = sqliteTable(
  "review_comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    draftId: integer("draft_id")
      .notNull()
      .references(() => skjDrafts.id),
    parentId: integer("parent_id").references((): AnySQLiteColumn => reviewComments.id),
    // a section ("identitas", "kompetensi", "persyaratan") or a competency row ("kompetensi:T.ANJAB")
    anchor: text("anchor").notNull(),
    body: text("body").notNull(),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    resolvedAt: text("resolved_at"),
    resolvedBy: integer("resolved_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("review_comments_draft_idx").on(t.draftId)],
);

// A legal act (Peraturan/Keputusan Gubernur …) that establishes a set of approved SKJ.
export const penetapan = sqliteTable("penetapan", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  kind: text("kind").notNull(),
  number: text("number").notNull(),
  year: integer("year").notNull(),
  title: text("title").notNull(),
  signedDate: text("signed_date"),
  effectiveDate: text("effective_date"),
  signerTitle: text("signer_title"),
  signerName: text("signer_name"),
  status: text("status", { enum: ["draf", "ditetapkan"] }).notNull(),
  createdBy: integer("created_by").references(() => users.id),
  publishedBy: integer("published_by").references(() => users.id),
  publishedAt: text("published_at"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const penetapanItems = sqliteTable(
  "penetapan_items",
  {
    penetapanId: integer("penetapan_id")
      .notNull()
      .references(() => penetapan.id),
    draftId: integer("draft_id")
      .notNull()
      .references(() => skjDrafts.id),
  },
  (t) => [primaryKey({ columns: [t.penetapanId, t.draftId] })],
);

// Immutable published snapshots (SQL triggers refuse UPDATE and DELETE).
export const skjVersions = sqliteTable(
  "skj_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    positionId: integer("position_id")
      .notNull()
      .references(() => positions.id),
    versionNumber: integer("version_number").notNull(),
    draftId: integer("draft_id")
      .notNull()
      .references(() => skjDrafts.id),
    penetapanId: integer("penetapan_id").references(() => penetapan.id),
    snapshot: text("snapshot").notNull(),
    contentHash: text("content_hash").notNull(),
    publishedAt: text("published_at").notNull(),
    publishedBy: integer("published_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("skj_versions_number_uq").on(t.positionId, t.versionNumber)],
);

// Superseding and withdrawal are facts about a version, recorded beside it so the snapshot never changes.
export const skjVersionEnds = sqliteTable("skj_version_ends", {
  versionId: integer("version_id")
    .primaryKey()
    .references(() => skjVersions.id),
  kind: text("kind", { enum: ["diganti", "dicabut"] }).notNull(),
  reason: text("reason"),
  replacedByVersionId: integer("replaced_by_version_id").references(() => skjVersions.id),
  actorId: integer("actor_id")
    .notNull()
    .references(() => users.id),
  at: createdAt(),
});

// Which dictionary revision each draft or version uses, for the impact view.
export const skjCompetencyUses = sqliteTable(
  "skj_competency_uses",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    draftId: integer("draft_id").references(() => skjDrafts.id),
    versionId: integer("version_id").references(() => skjVersions.id),
    competencyRevisionId: integer("competency_revision_id")
      .notNull()
      .references(() => competencyRevisions.id),
    level: integer("level").notNull(),
  },
  (t) => [
    index("skj_competency_uses_revision_idx").on(t.competencyRevisionId),
    index("skj_competency_uses_draft_idx").on(t.draftId),
    // what a version uses, for suggested competencies (covering: counting uses per revision reads no row)
    index("skj_competency_uses_version_idx").on(t.versionId, t.competencyRevisionId),
  ],
);

// ---------------------------------------------------------------- feed, webhooks, audit

// The feed read by the mapping engine, and the outbox for webhooks. Ids strictly increase.
export const events = sqliteTable("events", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  type: text("type", { enum: ["skj.published", "skj.withdrawn"] }).notNull(),
  positionCode: text("position_code").notNull(),
  version: integer("version").notNull(),
  occurredAt: text("occurred_at").notNull(),
});

export const webhooks = sqliteTable("webhooks", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  url: text("url").notNull(),
  secret: text("secret").notNull(),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  createdBy: integer("created_by").references(() => users.id),
  createdAt: createdAt(),
});

export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    webhookId: integer("webhook_id")
      .notNull()
      .references(() => webhooks.id),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id),
    status: text("status", { enum: ["menunggu", "terkirim", "gagal"] }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: text("next_attempt_at"),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    deliveredAt: text("delivered_at"),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_uq").on(t.webhookId, t.eventId),
    index("webhook_deliveries_due_idx").on(t.status, t.nextAttemptAt),
  ],
);

// Bundles (issue 7) made in the background: one row per request, its progress, and the file once written
// (exports/<id>.<format> beside the database file).
export const exportJobs = sqliteTable(
  "export_jobs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    requestedBy: integer("requested_by")
      .notNull()
      .references(() => users.id),
    subjectKind: text("subject_kind", { enum: ["penetapan", "unit"] }).notNull(),
    subjectId: integer("subject_id").notNull(),
    format: text("format", { enum: ["pdf", "docx"] }).notNull(),
    /** "Lampiran Peraturan Gubernur Nomor 12 Tahun 2026", as listed and in the file name. */
    title: text("title").notNull(),
    status: text("status", { enum: ["menunggu", "berjalan", "selesai", "gagal"] }).notNull(),
    done: integer("done").notNull().default(0),
    total: integer("total").notNull().default(0),
    pages: integer("pages"),
    bytes: integer("bytes"),
    error: text("error"),
    createdAt: createdAt(),
    startedAt: text("started_at"),
    finishedAt: text("finished_at"),
  },
  (t) => [index("export_jobs_status_idx").on(t.status, t.id), index("export_jobs_requested_by_idx").on(t.requestedBy, t.id)],
);

// National standards of functional positions (issue 17 item 4, docs/decisions/028): one row per JF and jenjang,
// replaced whole by an import; its history is the audit log (entity "jf_standard", before/after).
export const jfStandards = sqliteTable("jf_standards", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  jf: text("jf").notNull(),
  jenjang: text("jenjang", {
    enum: ["ahli_utama", "ahli_madya", "ahli_muda", "ahli_pertama", "penyelia", "mahir", "terampil", "pemula"],
  }).notNull(),
  /** "<JF> <jenjang>" normalised (jfMatchKey): what a position's normalised name is matched on. */
  matchKey: text("match_key").notNull().unique(),
  instansiPembina: text("instansi_pembina").notNull(),
  legalBasis: text("legal_basis").notNull(),
  /** {"M.01": n, …, "M.08": n, "SK.01": n} */
  levels: text("levels", { mode: "json" }).$type<Record<string, number>>().notNull(),
  /** [{code, level}] in the order the standard lists them */
  technical: text("technical", { mode: "json" }).$type<{ code: string; level: number }[]>().notNull(),
  verified: integer("verified", { mode: "boolean" }).notNull().default(false),
  example: integer("example", { mode: "boolean" }).notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  updatedBy: integer("updated_by").references(() => users.id),
});

// Work a request hands to the background (issue 16: reading a legacy SKJ book; issue 17: drafts in bulk): one row
// per job, its input and result as JSON, and its progress as the job page shows it (docs/decisions/025).
export const backgroundJobs = sqliteTable(
  "background_jobs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: ["impor_skj", "draf_massal"] }).notNull(),
    requestedBy: integer("requested_by")
      .notNull()
      .references(() => users.id),
    /** "Pemeriksaan buku-skj.docx", "Draf SKJ untuk 60 jabatan": as listed and as the page's title. */
    title: text("title").notNull(),
    status: text("status", { enum: ["menunggu", "berjalan", "selesai", "gagal"] }).notNull(),
    done: integer("done").notNull().default(0),
    total: integer("total").notNull().default(0),
    /** What the progress bar says beside the percent ("12 SKJ ditemukan, 40 halaman dibaca"). */
    progressNote: text("progress_note"),
    input: text("input").notNull(),
    result: text("result"),
    error: text("error"),
    createdAt: createdAt(),
    startedAt: text("started_at"),
    finishedAt: text("finished_at"),
  },
  (t) => [index("background_jobs_status_idx").on(t.status, t.id), index("background_jobs_requested_by_idx").on(t.requestedBy, t.id)],
);

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: createdAt(),
    actorId: integer("actor_id").references(() => users.id),
    // the API token the actor acted through; null for the web and the CLI
    tokenId: integer("token_id").references(() => apiTokens.id),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    summary: text("summary").notNull(),
    before: text("before", { mode: "json" }).$type<unknown>(),
    after: text("after", { mode: "json" }).$type<unknown>(),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_entity_idx").on(t.entityType, t.entityId),
    index("audit_log_actor_idx").on(t.actorId),
  ],
);

// ---------------------------------------------------------------- relations

export const usersRelations = relations(users, ({ many }) => ({
  sessions: many(sessions),
  apiTokens: many(apiTokens),
}));

export const sessionsRelations = relations(sessions, ({ one }) => ({
  user: one(users, { fields: [sessions.userId], references: [users.id] }),
}));

export const orgUnitsRelations = relations(orgUnits, ({ one, many }) => ({
  parent: one(orgUnits, { fields: [orgUnits.parentId], references: [orgUnits.id], relationName: "parent" }),
  children: many(orgUnits, { relationName: "parent" }),
  positions: many(positions),
}));

export const positionsRelations = relations(positions, ({ one, many }) => ({
  unit: one(orgUnits, { fields: [positions.unitId], references: [orgUnits.id] }),
  drafts: many(skjDrafts),
  versions: many(skjVersions),
}));

export const competenciesRelations = relations(competencies, ({ many }) => ({
  revisions: many(competencyRevisions),
}));

export const competencyRevisionsRelations = relations(competencyRevisions, ({ one, many }) => ({
  competency: one(competencies, { fields: [competencyRevisions.competencyId], references: [competencies.id] }),
  levels: many(competencyLevels),
}));

export const competencyLevelsRelations = relations(competencyLevels, ({ one, many }) => ({
  revision: one(competencyRevisions, { fields: [competencyLevels.revisionId], references: [competencyRevisions.id] }),
  indicators: many(competencyIndicators),
}));

export const competencyIndicatorsRelations = relations(competencyIndicators, ({ one }) => ({
  level: one(competencyLevels, { fields: [competencyIndicators.levelId], references: [competencyLevels.id] }),
}));

export const skjDraftsRelations = relations(skjDrafts, ({ one, many }) => ({
  position: one(positions, { fields: [skjDrafts.positionId], references: [positions.id] }),
  decisions: many(skjDecisions),
  comments: many(reviewComments),
}));

export const skjVersionsRelations = relations(skjVersions, ({ one }) => ({
  position: one(positions, { fields: [skjVersions.positionId], references: [positions.id] }),
  penetapan: one(penetapan, { fields: [skjVersions.penetapanId], references: [penetapan.id] }),
}));

export const auditLogRelations = relations(auditLog, ({ one }) => ({
  actor: one(users, { fields: [auditLog.actorId], references: [users.id] }),
}));

// ---------------------------------------------------------------- types

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Role = User["role"];
export type OrgUnit = typeof orgUnits.$inferSelect;
export type Position = typeof positions.$inferSelect;
export type Competency = typeof competencies.$inferSelect;
export type CompetencyRevision = typeof competencyRevisions.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type Setting = typeof settings.$inferSelect;
export type ExportJob = typeof exportJobs.$inferSelect;
export type JfStandardRow = typeof jfStandards.$inferSelect;
export type BackgroundJob = typeof backgroundJobs.$inferSelect;
