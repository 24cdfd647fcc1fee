// The compact form of a Google discovery document that the emulators validate against:
// only what a request check needs (names, JSON types, formats, enums, $refs, which fields
// Google's descriptions call "Required.", each method's request schema and parameters).
// Produced by scripts/discovery.ts; never edited by hand.

/** A property or parameter type, as in the discovery document (`items` for arrays, `additionalProperties` for maps). */
export interface PropSpec {
  type?: string;
  $ref?: string;
  format?: string;
  enum?: string[];
  items?: PropSpec;
  additionalProperties?: PropSpec;
  /** For a field mask (`format: google-fieldmask`): the schema its paths are relative to. */
  maskOf?: string;
}

export interface SchemaSpec {
  properties: Record<string, PropSpec>;
  /** Properties whose description begins "Required." (Google's field_behavior = REQUIRED). */
  required?: string[];
}

export interface ParamSpec extends PropSpec {
  location: 'query' | 'path';
  repeated?: boolean;
  required?: boolean;
}

export interface MethodSpec {
  httpMethod: string;
  path: string;
  request?: string;
  response?: string;
  parameters: Record<string, ParamSpec>;
}

export interface DiscoveryData {
  /** File name of the discovery document this was generated from, and its `revision`. */
  source: string;
  revision: string;
  /** Protobuf package of the API's messages, for `type.googleapis.com/…` names in errors. */
  protoPackage: string;
  /** Parameters every method accepts (`fields`, `alt`, `key`, …). */
  parameters: Record<string, ParamSpec>;
  /** Keyed by the discovery method id, e.g. `sheets.spreadsheets.values.append`. */
  methods: Record<string, MethodSpec>;
  schemas: Record<string, SchemaSpec>;
}
