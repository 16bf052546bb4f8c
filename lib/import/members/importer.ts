import { setTimeout as sleep } from "node:timers/promises";
import type { Db } from "@/db/client";
import { getPublicationById } from "@/db/queries/publications";
import { listTiers } from "@/db/queries/taxonomy";
import { recordAudit, type Actor } from "@/lib/studio/audit";
import { actorPublication } from "@/lib/studio/pieces";
import { applyBatch, planBatch, type BatchContext } from "./batch";
import { endOfAccess, isValidTimeZone, parseDateCell } from "./dates";
import type { FileEncoding } from "./decode";
import { levelResolver } from "./mapping";
import { ReportBuilder, type MemberImportReport } from "./report";
import { FileMemory, sourceRefPrefix, type Candidate } from "./screen";
import { countingBytes, readSourceRows } from "./source";
import { blockingKinds, formatLabels, MemberFileError, MemberImportOptionError, skippableKinds, type MemberImportFormat } from "./types";

// import:members and the studio's member import. Two passes over the file, each streamed:
// 1. the check — every row read, mapped and planned against the database without writing: the
//    dry run's report. Any error (a broken file, an unmapped level, a bad address or date) stops
//    here and nothing is written; skipInvalid turns row errors into skipped rows instead.
// 2. the import — the same rows again, one transaction per batch of BATCH_SIZE entries, each
//    re-planned inside its transaction. Re-running a file changes nothing (grants are found by
//    their sourceRef); a failure part-way leaves whole batches, and running again completes it.

export const BATCH_SIZE = 1000;
// The operator's CLI works half the time by default (`--duty`): on a one-machine install an import
// at full speed took a fifth of the article path's throughput, busy on the other core.
export const BACKGROUND_DUTY = 0.5;
export const MIN_DUTY = 0.05;
export const MAX_MEMBER_FILE_BYTES = 50 * 1024 * 1024;

export type MemberImportOptions = {
  format: MemberImportFormat;
  encoding?: FileEncoding;
  // Dates without a zone are read here; default: the publication's time zone.
  timeZone?: string;
  // Source level → tier slug, "free" or "skip".
  map?: Record<string, string>;
  // Newsletter consent for rows whose source says nothing (PMPro): default false — an import
  // subscribes nobody the source did not.
  newsletterDefault?: boolean;
  // The end of paid access for paying members whose export has no date (Ghost): a date (through
  // the end of that day) or an ISO instant.
  paidUntil?: string | null;
  skipInvalid?: boolean;
  dryRun?: boolean;
  batchSize?: number;
  // The share of the time the import works (0.05–1): after each batch it rests as long again as
  // the rest of that share, leaving the CPU to readers on a one-machine install. 1: no rest.
  duty?: number;
  now?: Date;
  onProgress?: (p: { phase: "check" | "import"; bytes: number; rows: number }) => void;
};

/** Opens the file from its start: called once per pass. */
export type ByteSource = () => AsyncIterable<Uint8Array>;

type Setup = {
  ctx: BatchContext;
  format: MemberImportFormat;
  encoding: FileEncoding;
  timeZone: string;
  publication: string;
  resolver: ReturnType<typeof levelResolver>;
  paidUntil: Date | null;
};

async function setup(db: Db, actor: Actor, options: MemberImportOptions): Promise<Setup> {
  const publicationId = actorPublication(actor);
  const pub = await getPublicationById(db, publicationId);
  if (!pub) throw new MemberImportOptionError("no such publication");
  const timeZone = options.timeZone ?? pub.timeZone;
  if (!isValidTimeZone(timeZone)) throw new MemberImportOptionError(`"${timeZone}" is not a time zone (e.g. Asia/Seoul)`);
  const paid = options.paidUntil ? parseDateCell(options.paidUntil, timeZone) : null;
  if (options.paidUntil && !paid) throw new MemberImportOptionError(`paid-until "${options.paidUntil}" is not a date (YYYY-MM-DD)`);
  const tiers = await listTiers(db, publicationId);
  const resolver = levelResolver(options.map ?? {}, tiers);
  const format = options.format;
  const ctx: BatchContext = {
    now: options.now ?? new Date(),
    tiers,
    newsletterDefault: options.newsletterDefault ?? false,
    refPrefix: (email) => sourceRefPrefix(format, publicationId, email),
    publicationId,
    actor,
    formatLabel: { pmpro: "PMPro", ghost: "Ghost", substack: "Substack", csv: "CSV" }[format],
  };
  return {
    ctx,
    format,
    encoding: options.encoding ?? "utf-8",
    timeZone,
    publication: pub.slug,
    resolver,
    paidUntil: paid ? endOfAccess(paid, timeZone) : null,
  };
}

async function runPass(db: Db, s: Setup, open: ByteSource, options: MemberImportOptions, write: boolean): Promise<MemberImportReport> {
  const phase = write ? "import" : "check";
  const builder = new ReportBuilder(s.format, s.publication, !write && Boolean(options.dryRun));
  const memory = new FileMemory();
  const screenCtx = { format: s.format, publicationId: s.ctx.publicationId, resolver: s.resolver, paidUntil: s.paidUntil };
  const size = options.batchSize ?? BATCH_SIZE;
  const duty = Math.min(1, Math.max(MIN_DUTY, options.duty ?? 1));
  let batch: Candidate[] = [];
  let bytes = 0;
  let workingSince = performance.now();
  const flush = async () => {
    if (!batch.length) return;
    const decisions = write ? await applyBatch(db, s.ctx, batch) : await planBatch(db, s.ctx, batch);
    for (const d of decisions) builder.decision(d);
    batch = [];
    if (duty < 1) {
      // Reading and planning the batch count as work too, not only its transaction.
      await sleep(((performance.now() - workingSince) * (1 - duty)) / duty);
      workingSince = performance.now();
    }
  };
  const rows = readSourceRows(
    countingBytes(open(), (b) => (bytes = b)),
    { format: s.format, encoding: s.encoding, timeZone: s.timeZone },
  );
  try {
    for await (const row of rows) {
      builder.report.rows++;
      if (row.skip) builder.issue({ line: row.skip.line, kind: row.skip.kind, message: row.skip.message }, { skipRow: true });
      // With skipInvalid a row whose every error is a row error (address, date, value) is skipped.
      const waive = (kinds: readonly string[]) =>
        Boolean(options.skipInvalid) && kinds.length > 0 && kinds.every((k) => (skippableKinds as readonly string[]).includes(k));
      const waived = waive(row.issues.map((i) => i.kind));
      row.issues.forEach((issue, i) => builder.issue(issue, { skipRow: waived && i === 0, waived }));
      for (const entry of row.entries) {
        const { candidate, issue, level } = memory.screen(entry, screenCtx);
        builder.level(level.label, level.target);
        const blocking = issue !== null && blockingKinds.includes(issue.kind);
        if (issue) builder.issue(issue, { skipRow: !candidate && (!blocking || waive([issue.kind])), waived: blocking && waive([issue.kind]) });
        if (candidate) batch.push(candidate);
      }
      // A write pass meeting an error means the file changed since it was checked: stop.
      if (write && builder.report.errors) throw new MemberFileError("csv", row.line, "the file changed after it was checked: run the import again");
      if (batch.length >= size) await flush();
      options.onProgress?.({ phase, bytes, rows: builder.report.rows });
    }
  } catch (err) {
    if (err instanceof MemberFileError && !write) {
      builder.issue({ line: err.line ?? 0, kind: err.kind, message: err.message });
      return builder.finish();
    }
    throw err;
  }
  await flush();
  options.onProgress?.({ phase, bytes, rows: builder.report.rows });
  return builder.finish();
}

/**
 * Checks the whole file (the dry run), then — unless `dryRun` or the check found errors — imports
 * it. The report is the import's, or the check's when nothing was written.
 */
export async function importMembers(db: Db, actor: Actor, open: ByteSource, options: MemberImportOptions): Promise<MemberImportReport> {
  const s = await setup(db, actor, options);
  const checked = await runPass(db, s, open, options, false);
  if (checked.errors || options.dryRun) return checked;
  const report = await runPass(db, s, open, options, true);
  report.applied = true;
  await recordAudit(db, actor, {
    action: "import.members",
    subjectType: "import",
    subjectId: s.format,
    summary: `회원 가져오기 (${formatLabels[s.format]}): 회원 ${report.members.created}명 생성, 권한 ${report.grants.created}건 부여, ${report.grants.history}건 만료 이력, 건너뜀 ${report.skipped}행`,
    // Counts only: the per-row issues of a large file would bloat the log.
    details: {
      ...report,
      issues: undefined,
      options: {
        map: options.map ?? {},
        newsletterDefault: s.ctx.newsletterDefault,
        paidUntil: s.paidUntil?.toISOString() ?? null,
        skipInvalid: Boolean(options.skipInvalid),
        timeZone: s.timeZone,
      },
    },
  });
  return report;
}
