// A stand-in `gcloud` for the deploy tests: a small script put first on PATH that
// records each call's argv as one JSON line (and how many bytes came on stdin, never the
// bytes) and remembers, in a state folder, what earlier calls created. So `describe` answers
// NOT_FOUND (exit 1) until a `create` of the same thing, as on an empty project and then
// on one deployed once; IAM policies hold the bindings added; values the deploy reads back
// (project number, sweep's URL, the Eventarc trigger and its subscription) are fixed;
// Monitoring channels and policies are listed by display name once created.
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FUNCTION_TARGETS } from '../../scripts/function-targets';

const root = fileURLToPath(new URL('../..', import.meta.url));

export const FAKE = {
  projectNumber: '123456789012',
  sweepUrl: 'https://sweep-fake-ew.a.run.app',
  formsTrigger: 'projects/p/locations/europe-west1/triggers/form-responses-777',
  formsSubscription: 'projects/p/subscriptions/eventarc-europe-west1-form-responses-777-sub-888',
  // The notification channels for the two staff addresses the deploy tests pass, in order.
  alertChannel0: 'projects/p/beta_monitoring_channels/1',
  alertChannel1: 'projects/p/beta_monitoring_channels/2',
} as const;

// Bash, not Node: a deploy makes ~50 calls and Node's start-up would dominate the tests.
const SCRIPT = `#!/usr/bin/env bash
set -u
dir="$FAKE_GCLOUD_DIR"; st="$dir/state"; [ -d "$st" ] || mkdir "$st"
# No $(…) per argument: every subshell is a fork, and forks made this fake slow.
json() { local s=$1; s=\${s//\\\\/\\\\\\\\}; s=\${s//\\"/\\\\\\"}; REPLY="\\"$s\\""; }
list=""; for a in "$@"; do json "$a"; list+="\${list:+,}$REPLY"; done
extra=""; for a in "$@"; do [ "$a" = "--data-file=-" ] && extra=",\\"stdinBytes\\":$(wc -c | tr -d ' ')"; done
printf '{"args":[%s]%s}\\n' "$list" "$extra" >> "$dir/calls.jsonl"
flag() { local a; for a in "\${ARGS[@]}"; do case $a in --$1=*) printf '%s' "\${a#--$1=}"; return;; esac; done; }
ARGS=("$@"); words=(); for a in "$@"; do case $a in --*) ;; *) words+=("$a");; esac; done
group=""; verb=""; name=""
for w in "\${words[@]}"; do
  if [ -z "$verb" ]; then
    case $w in describe|create|deploy|update|get-iam-policy|add-iam-policy-binding|add|list|enable) verb=$w;; *) group+="\${group:+ }$w";; esac
  elif [ -z "$name" ] && [ "$w" != http ]; then name=\${w%%@*}; fi
done
key="$group $name"; key=\${key//[^A-Za-z0-9._-]/_}
notfound() { echo "ERROR: (gcloud) NOT_FOUND: $group $name" >&2; exit 1; }
case "$group/$verb" in
  projects/describe) echo ${FAKE.projectNumber} ;;
  functions/deploy) touch "$st/functions_$name" ;;
  functions/describe)
    [ -e "$st/functions_$name" ] || notfound
    case $(flag format) in *serviceConfig.uri*) echo ${FAKE.sweepUrl};; *eventTrigger.trigger*) echo ${FAKE.formsTrigger};; esac ;;
  "eventarc triggers/describe") echo ${FAKE.formsSubscription} ;;
  */describe) [ -e "$st/x_$key" ] && echo "name: $name" || notfound ;;
  */create) touch "$st/x_$key"; dn=$(flag display-name); [ -n "$dn" ] && printf '%s\n' "$dn" >> "$st/dn_\${group// /_}" ;;
  */get-iam-policy)
    out=""; if [ -e "$st/b_$key" ]; then while IFS=$'\\t' read -r role member; do
      json "$role"; r=$REPLY; json "$member"; out+="\${out:+,}{\\"role\\":$r,\\"members\\":[$REPLY]}"; done < "$st/b_$key"; fi
    echo "{\\"bindings\\":[$out],\\"etag\\":\\"x\\"}" ;;
  */add-iam-policy-binding) printf '%s\\t%s\\n' "$(flag role)" "$(flag member)" >> "$st/b_$key" ;;
  "secrets versions/add") echo $(( $(cat "$st/v_$name" 2>/dev/null || echo 0) + 1 )) > "$st/v_$name" ;;
  "secrets versions/list") [ -e "$st/v_$name" ] && echo "projects/p/secrets/$name/versions/$(cat "$st/v_$name")" ;;
  # Monitoring channels and policies are found by display name; named by creation order.
  */list)
    f=$(flag filter); case $f in displayName=*)
      want=\${f#displayName=\\\"}; want=\${want%\\\"}; g=\${group// /_}
      [ -e "$st/dn_$g" ] && n=$(grep -nxF -- "$want" "$st/dn_$g" | head -1 | cut -d: -f1) && [ -n "$n" ] && echo "projects/p/$g/$n" ;;
    esac ;;
esac
exit 0
`;

export interface Call {
  args: string[];
  stdinBytes?: number;
}

export const has = (c: Call, ...words: string[]) => words.every((w) => c.args.includes(w));
export const flag = (c: Call, name: string) => c.args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
/** gcloud's dict flags: comma-separated, or ^D^-prefixed with another delimiter (`gcloud topic escaping`). */
export function dict(value = ''): Record<string, string> {
  const m = /^\^(.)\^/.exec(value);
  const pairs = m ? value.slice(3).split(m[1]!) : value.split(',');
  return Object.fromEntries(pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
}

export interface FakeGcloud {
  dir: string;
  /** The environment to run the deploy with: the fake first on PATH. */
  env: NodeJS.ProcessEnv;
  calls(): Call[];
  /** Forget the calls, keep what exists (a second run against the same project). */
  clearCalls(): void;
  remove(): void;
}

/** The deploy's own inputs, which a test must not inherit from the shell running it. */
const DEPLOY_ENV = ['SENDGRID_API_KEY', 'INTAKE_SECRET', 'SPREADSHEET_ID', 'FORM_ID', 'MAIL_FROM', 'STAFF_EMAILS', 'REPLY_TO', 'MAIL_FROM_NAME'];

export function installFakeGcloud(): FakeGcloud {
  const dir = mkdtempSync(join(tmpdir(), 'xmess-gcloud-'));
  writeFileSync(join(dir, 'gcloud'), SCRIPT);
  chmodSync(join(dir, 'gcloud'), 0o755);
  const log = join(dir, 'calls.jsonl');
  return {
    dir,
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !DEPLOY_ENV.includes(k))),
      PATH: `${dir}${delimiter}${process.env.PATH ?? ''}`,
      FAKE_GCLOUD_DIR: dir,
    },
    calls: () =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l) as Call)
        : [],
    clearCalls: () => rmSync(log, { force: true }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A folder as `npm run build` leaves it (dist/<target>/index.js), to deploy from. */
export function fakeBuild(): string {
  const work = mkdtempSync(join(tmpdir(), 'xmess-deploy-'));
  for (const t of FUNCTION_TARGETS) {
    mkdirSync(join(work, 'dist', t.target), { recursive: true });
    writeFileSync(join(work, 'dist', t.target, 'index.js'), '');
  }
  return work;
}

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs scripts/deploy.ts as `npm run deploy -- …` does, from `cwd`. */
export function deploy(args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(root, 'node_modules/.bin/tsx'), join(root, 'scripts/deploy.ts'), ...args], { cwd, env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
