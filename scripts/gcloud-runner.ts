// The one place gcloud is run. A dry run prints every command of the plan, shell-quoted,
// and runs none; a real run runs `gcloud` from PATH, describing before creating. Secret
// values travel on stdin from the environment and are never printed, in either mode.
import { spawn } from 'node:child_process';
import { caDeploy } from '../shared/i18n/ca-deploy';
import type { Command, Presence, Ref, Step } from './deploy-steps';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}
/** `loud` lets gcloud's progress reach the admin's terminal; checks stay quiet. */
export type Exec = (args: string[], opts: { stdin?: string; loud: boolean }) => Promise<RunResult>;

export class DeployError extends Error {}

export function spawnGcloud(bin = 'gcloud'): Exec {
  return (args, { stdin, loud }) =>
    new Promise((resolve, reject) => {
      const child = spawn(bin, args, { stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', loud ? 'inherit' : 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout?.on('data', (d) => (stdout += d));
      child.stderr?.on('data', (d) => (stderr += d));
      child.on('error', (e) => reject(new DeployError(caDeploy.runner.cannotRun(bin, e.message))));
      child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
      child.stdin?.end(stdin);
    });
}

const SAFE = /^[\w@%+=:,./-]+$/;
export const shellQuote = (args: readonly string[]): string =>
  args.map((a) => (SAFE.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');

export interface ExecuteOptions {
  dryRun: boolean;
  exec: Exec;
  env: NodeJS.ProcessEnv;
  write: (text: string) => void;
}

export async function executePlan(steps: readonly Step[], opts: ExecuteOptions): Promise<Map<Ref, string>> {
  const t = caDeploy.runner;
  const values = new Map<Ref, string>();
  const fill = (s: string) =>
    s.replace(/\{\{(\w+)\}\}/g, (_, name: Ref) => {
      if (opts.dryRun) return `<${name}>`;
      const v = values.get(name);
      if (v === undefined) throw new DeployError(t.unknownValue(name));
      return v;
    });
  const line = (text: string) => opts.write(`${text}\n`);
  const show = (c: Command) => {
    if (c.stdinFromEnv) line(`#   ${t.stdin(c.stdinFromEnv)}`);
    line(`gcloud ${shellQuote(c.args.map(fill))}`);
  };
  const run = async (c: Command, loud: boolean): Promise<RunResult> => {
    show(c);
    if (opts.dryRun) return { code: 0, stdout: '', stderr: '' };
    let stdin: string | undefined;
    if (c.stdinFromEnv) {
      stdin = opts.env[c.stdinFromEnv];
      if (!stdin) throw new DeployError(t.missingEnv(c.stdinFromEnv));
    }
    return opts.exec(c.args.map(fill), { stdin, loud });
  };
  const must = async (c: Command): Promise<RunResult> => {
    const r = await run(c, true);
    if (r.code !== 0) throw new DeployError(t.failed(r.code, `gcloud ${shellQuote(c.args.map(fill))}`, r.stderr.trim()));
    return r;
  };
  const isPresent = (p: Presence, r: RunResult): boolean => {
    if (r.code !== 0) return false;
    if (p.kind === 'exit0') return true;
    if (p.kind === 'output') return r.stdout.trim() !== '';
    const policy = JSON.parse(r.stdout || '{}') as { bindings?: Array<{ role?: string; members?: string[] }> };
    const member = fill(p.member);
    return (policy.bindings ?? []).some((b) => b.role === p.role && (b.members ?? []).includes(member));
  };

  for (const step of steps) {
    line(`\n# ${step.title}`);
    switch (step.kind) {
      case 'run':
        await must(step.command);
        break;
      case 'capture': {
        const r = await must(step.command);
        const value = r.stdout.trim();
        if (!opts.dryRun && !value) throw new DeployError(t.noValue(step.title));
        values.set(step.name, value);
        line(`#   → ${opts.dryRun ? `<${step.name}>` : value}`);
        break;
      }
      case 'ensure': {
        const present = isPresent(step.present, await run(step.check, false));
        if (opts.dryRun) {
          line(`#   ${t.ifAbsent}`);
          show(step.create);
          if (step.update) {
            line(`#   ${t.ifPresent}`);
            show(step.update);
          }
        } else if (!present) {
          line(`#   ${t.creating}`);
          await must(step.create);
        } else if (step.update) {
          line(`#   ${t.updating}`);
          await must(step.update);
        } else {
          line(`#   ${t.present}`);
        }
        break;
      }
      case 'require': {
        const r = await run(step.check, false);
        if (opts.dryRun) line(`#   ${t.stopsIfNone(step.failure)}`);
        else if (!isPresent(step.present, r)) throw new DeployError(step.failure);
        break;
      }
    }
  }
  return values;
}
