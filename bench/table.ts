// The figures as one Markdown table, each beside its goal, saying plainly when a goal is
// not met and by how much; then the details each figure was computed from.
import type { ApiCallsResult } from './api-calls';
import type { Bundles } from './bundles';
import type { BurstResult } from './burst';
import { coldDetails, coldRows } from './cold-table';
import type { ColdStartResult } from './cold-start';
import { fmt, mb, met, ms } from './format';
import { leversSection } from './levers';
import { machineLine, type Machine } from './machine';
import type { SweepScaleResult } from './sweep-scale';

export interface BenchResults {
  date: string;
  /** How long the whole run took. */
  minutes: number;
  machine: Machine;
  bundles: Bundles;
  cold: ColdStartResult;
  api: ApiCallsResult;
  burst: BurstResult;
  sweeps: Array<SweepScaleResult | { requests: number; error: string }>;
}

function rows(r: BenchResults): string[][] {
  const out: string[][] = [];
  out.push(...coldRows(r.cold));
  out.push(...apiRows(r.api));
  out.push(burstRow(r.burst));
  for (const s of r.sweeps) out.push(sweepRow(s));
  const [small, large] = r.sweeps;
  if (small && large && !('error' in small) && !('error' in large)) {
    const factor = large.requests / small.requests;
    out.push([`Sweep growth, ${factor} × the requests`, `${fmt(large.sweepMs / small.sweepMs, 1)} × the time (plan alone ${fmt(large.planMs / small.planMs, 1)} ×)`, `report (linear: ${factor} ×)`, '—']);
  }
  out.push(...bundleRows(r.bundles));
  return out;
}

export const bundleRows = (b: Bundles): string[][] =>
  b.sizes.map((s) => [`Bundle size, ${s.target} (${s.files} files)`, mb(s.bytes), `≤ ${mb(b.goalBytes)}`, met(s.bytes <= b.goalBytes, `${mb(s.bytes - b.goalBytes)} over`)]);

/** The lease's price: create, the fence's read before the append, release — per flush. */
const LEASE_PER_FLUSH = 3;

export function apiRows(api: ApiCallsResult): string[][] {
  const out: string[][] = [];
  const alone = Math.max(...api.submission.alone);
  out.push(['Sheets calls per HTTP submission, alone', `${alone} (read; rows + intents; email results)`, '≤ 2', met(alone <= 2, `${alone - 2} over`)]);
  const b = api.submission.burst;
  out.push([`Sheets calls per HTTP submission, ${b.size} at once`, `${fmt(b.perSubmission)} (${b.calls} calls)`, '≤ 2', met(b.perSubmission <= 2, '')]);
  const leaseAlone = Math.max(...api.submission.aloneLease);
  out.push(['Lease (Cloud Storage) calls per HTTP submission, alone', `${leaseAlone} (create; fence read; release)`, `${LEASE_PER_FLUSH} per flush`, met(leaseAlone <= LEASE_PER_FLUSH, `${leaseAlone - LEASE_PER_FLUSH} over`)]);
  out.push([
    `Lease calls per HTTP submission, ${b.size} at once`,
    `${fmt(b.leaseCalls / b.size)} (${b.leaseCalls} calls, ${b.flushes} flushes)`,
    `${LEASE_PER_FLUSH} per flush`,
    met(b.leaseCalls <= LEASE_PER_FLUSH * b.flushes, `${b.leaseCalls - LEASE_PER_FLUSH * b.flushes} over`),
  ]);
  if ('skipped' in api.forms) out.push(['Sheets calls per Forms notification', `not measured: ${api.forms.skipped}`, '≤ 3', '—']);
  else {
    const worst = Math.max(...api.forms.map((f) => f.sheetsCalls));
    const leaseWorst = Math.max(...api.forms.map((f) => f.leaseCalls));
    const sizes = api.forms.map((f) => f.responses).join(' / ');
    out.push([`Sheets calls per Forms notification of ${sizes} responses`, api.forms.map((f) => f.sheetsCalls).join(' / '), '≤ 3', met(worst <= 3, `${worst - 3} over`)]);
    out.push([`Lease calls per Forms notification of ${sizes} responses`, api.forms.map((f) => f.leaseCalls).join(' / '), `${LEASE_PER_FLUSH}`, met(leaseWorst <= LEASE_PER_FLUSH, `${leaseWorst - LEASE_PER_FLUSH} over`)]);
  }
  const sweepOk = api.sweep.every((s) => s.sheetsCalls + s.emails <= 3 + s.emails);
  out.push([
    `API calls per sweep sending ${api.sweep.map((s) => s.decisions).join(' / ')} decisions`,
    `Sheets ${api.sweep.map((s) => s.sheetsCalls).join(' / ')} + SendGrid ${api.sweep.map((s) => s.emails).join(' / ')}`,
    '≤ 3 + one per email',
    met(sweepOk, 'see details'),
  ]);
  const sweepLease = Math.max(...api.sweep.map((s) => s.leaseCalls));
  out.push([
    `Lease calls per sweep sending ${api.sweep.map((s) => s.decisions).join(' / ')} decisions`,
    `${api.sweep.map((s) => s.leaseCalls).join(' / ')} (create; fence read; release — around read, plan and intents)`,
    `${LEASE_PER_FLUSH}`,
    met(sweepLease <= LEASE_PER_FLUSH, `${sweepLease - LEASE_PER_FLUSH} over`),
  ]);
  return out;
}

export function burstRow(u: BurstResult): string[] {
  const errors = u.submissions - (u.answers['201'] ?? 0);
  const burstOk = u.rows === u.submissions && u.duplicateRows === 0 && errors === 0 && u.seconds < 30;
  return [
    `Burst: ${u.submissions} signed submissions, ${u.wave} at a time, 60 writes/min quota, lease on`,
    `${fmt(u.seconds, 1)} s; ${u.rows} rows, ${u.duplicateRows} duplicates, ${errors} errors; ${u.sheetsWrites} writes; ${u.flushes} flushes, ${u.leaseCalls} lease calls`,
    `all rows, none twice, no error, < 30 s`,
    met(burstOk, `${u.rows}/${u.submissions} rows, ${errors} errors, ${fmt(u.seconds, 1)} s`),
  ];
}

function sweepRow(s: BenchResults['sweeps'][number]): string[] {
  if ('error' in s) return [`Sweep over ${s.requests.toLocaleString('en')} requests`, `not measured: ${s.error}`, 'report', '—'];
  return [`Sweep over ${s.requests.toLocaleString('en')} requests with reviews and sessions, sending ${s.sent}`, `${ms(s.sweepMs)} (read ${ms(s.readMs)}, plan ${ms(s.planMs)}); ${s.sheetsCalls} Sheets calls`, 'report', '—'];
}

export function markdownTable(r: BenchResults): string {
  const head = ['Figure', 'Measured', 'Goal', 'Met'];
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows(r).map(line)].join('\n');
}

function details(r: BenchResults): string {
  const sweeps = r.sweeps.map((s) => ('error' in s ? `| ${s.requests} | ${s.error} | | | | |` : `| ${s.requests} | ${fmt(s.loadS, 1)} s | ${fmt(s.settleS, 1)} s | ${ms(s.sweepMs)} | ${ms(s.quietSweepMs)} | ${ms(s.planMs)} |`));
  return [
    coldDetails(r.cold),
    '',
    '### Sweep over large workspaces',
    '',
    'Load and settle are the local emulator’s costs (the bulk write; its first full recalculation), not the sweep’s; each sweep is timed once the emulator has settled.',
    '',
    '| requests | load | settle | sweep (10 sends) | sweep, nothing to send | plan alone |',
    '|---|---|---|---|---|---|',
    ...sweeps,
    '',
    `Forms API calls per notification: ${'skipped' in r.api.forms ? '—' : r.api.forms.map((f) => f.formsCalls).join(' / ')}; per sweep (the request form's watch check and reconciliation listing; the evaluation form's read and its answers): ${r.api.sweep.map((s) => s.formsCalls).join(' / ')}.`,
  ].join('\n');
}


export function resultsMarkdown(r: BenchResults): string {
  return [
    '# Bench results',
    '',
    `\`npm run bench\`, ${r.date}, on ${machineLine(r.machine)}; the run took ${fmt(r.minutes, 1)} min. Every figure comes from this one run; call counts are the emulators' own.`,
    '',
    markdownTable(r),
    '',
    details(r),
    '',
    leversSection(),
    '',
  ].join('\n');
}
