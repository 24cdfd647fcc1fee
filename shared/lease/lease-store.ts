// The one thing the lease needs from a store: create-if-absent, read with a version, and
// delete-if-unchanged. Cloud Storage gives all three with generation preconditions
// (shared/adapters/storage.ts); unit tests pass an in-memory fake.

export interface LeaseRecord {
  /** Changes on every write of the object, never repeats: the fencing token. */
  generation: string;
  body: string;
}

export interface LeaseStore {
  /** Writes the object only if none exists: its generation, or 'held' if one exists. */
  create(name: string, body: string): Promise<string | 'held'>;
  /** The current object, or undefined if there is none. */
  read(name: string): Promise<LeaseRecord | undefined>;
  /** Deletes the object only if its generation is still `generation`: false if not (or gone). */
  remove(name: string, generation: string): Promise<boolean>;
}
