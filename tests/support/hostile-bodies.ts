// Hostile request bodies, each with what the intake contract says must happen to it: a
// recorded row or a Catalan field error. A body starts valid and gets one to three
// mutations (hostile-mutations.ts), or is not a submission at all.
import fc from 'fast-check';
import { extra, huge, missing, wrongType } from './hostile-invalid';
import { harmless, lookalike, missingOptional, text, topicNotOffered, type Breaks, type Mutation } from './hostile-mutations';
import { validBody } from './submissions';

/** Any change, harmless or not. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 10, arbitrary: text },
  { weight: 2, arbitrary: huge },
  { weight: 4, arbitrary: wrongType },
  { weight: 2, arbitrary: missing },
  { weight: 1, arbitrary: missingOptional },
  { weight: 2, arbitrary: extra },
  { weight: 3, arbitrary: lookalike },
);

/** Whole bodies that are not a submission (primitives are refused by the framework's parser). */
export const NOT_A_SUBMISSION: unknown[] = [[], [validBody()], {}, { submission: validBody() }, 'text', 0, true, null];

export interface HostileBody {
  labels: string[];
  /** How fast-check prints it in a counterexample: the labels, not the code. */
  [fc.toStringMethod]: () => string;
  build(id: string, email: string): unknown;
  /** Undefined: must be recorded. Otherwise the fields (or the form) the 400 must name. */
  breaks?: Breaks[];
}

function fromMutations(all: Mutation[]): HostileBody {
  // The last mutation of a key is the one the body carries.
  const mutations = all.filter((x, i) => !all.slice(i + 1).some((y) => y.keys.some((k) => x.keys.includes(k))));
  const breaking = mutations.filter((x) => x.breaks);
  return {
    labels: mutations.map((x) => x.label),
    [fc.toStringMethod]: () => mutations.map((x) => x.label).join(' · '),
    build(id, email) {
      const body = validBody({ submissionId: id, contactEmail: email });
      for (const x of mutations) x.apply(body);
      return body;
    },
    ...(breaking.length ? { breaks: breaking.filter((x) => !x.late || breaking.length === 1).map((x) => x.breaks!) } : {}),
  };
}

export const hostileBody: fc.Arbitrary<HostileBody> = fc.oneof(
  { weight: 16, arbitrary: fc.array(harmless, { minLength: 1, maxLength: 5 }).map(fromMutations) },
  { weight: 14, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }).map(fromMutations) },
  { weight: 2, arbitrary: topicNotOffered.map((m) => fromMutations([m])) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...NOT_A_SUBMISSION).map(
      (v): HostileBody => ({
        labels: [`whole body ${JSON.stringify(v).slice(0, 40)}`],
        [fc.toStringMethod]: () => `whole body ${JSON.stringify(v).slice(0, 40)}`,
        build: () => structuredClone(v),
        breaks: [{ form: 'any' }],
      }),
    ),
  },
);
