// PostCheck's Checker API (web/src/checker/checker.js).

/** `info` < `advice` < `warning` < `serious`; `info` is a hint, never an alarm. */
export type Severity = 'info' | 'advice' | 'warning' | 'serious';

/** The 17 category ids of ARCHITECTURE.md, Contract 2. */
export type Category =
  | 'personal-data' | 'credentials' | 'confidential' | 'defamation' | 'abuse' | 'threat'
  | 'discrimination' | 'predetermination' | 'official-capacity' | 'staff-attack' | 'haste'
  | 'misinformation' | 'unsafe-link' | 'copyright' | 'safeguarding' | 'obscene' | 'meeting-use';

export interface Source {
  /** "west-oxfordshire", "combined-authority", or an organisation's own policy id. */
  policy: string;
  /** "4.0", "10" */
  section: string;
  title?: string;
  /** The policy's own sentence. */
  quote?: string;
}

/** Contract 1. */
export interface Finding {
  rule: string;
  category: Category;
  severity: Severity;
  /** Half-open UTF-16 offsets: indices of the string passed to check(). */
  start: number;
  end: number;
  /** The flagged text exactly as typed (empty for a finding about the whole draft). */
  text: string;
  message: string;
  suggestion: string;
  sources: Source[];
  /** The lexicon term or phrase that matched, when there is one. */
  term?: string;
}

export interface OrgTerms {
  confidential?: string[];
  pendingDecisions?: string[];
  staff?: string[];
  /** Phrases never flagged, e.g. the council's published switchboard number. */
  allow?: string[];
}

/** Contract 3. Unknown fields are an error. */
export interface Context {
  account?: 'councillor' | 'personal';
  platform?: 'facebook' | 'x' | 'other';
  /** "2026-11-21T23:52" */
  localTime?: string;
  inMeeting?: boolean;
  orgTerms?: OrgTerms;
}

export interface PackText {
  file: string;
  /** The pack's TOML (rules/FORMAT.md). */
  text: string;
}

export interface CheckerOptions {
  /** postcheck-core.wasm: a URL (fetched once), its bytes, or a compiled module. */
  wasm: string | URL | ArrayBuffer | ArrayBufferView | WebAssembly.Module;
  /** The account drafts come from when a context does not say. Default "councillor". */
  profile?: 'councillor' | 'personal';
  /**
   * Rule packs to load as TOML, for example `[...shippedPacks, ownPack]`
   * (`shippedPacks` is in `@postcheck/checker/packs`). Default: the shipped
   * packs, precompiled at build time (much faster to start).
   */
  packs?: Array<string | PackText>;
  /** Organisation terms used for every check whose context has none. */
  orgTerms?: OrgTerms;
}

export interface RuleInfo {
  id: string;
  category: Category;
  severity: Severity;
  pack: string;
  message: string;
  suggestion: string;
  sources: Source[];
}

export interface Checker {
  readonly version: { engine: string; packs: Array<{ name: string; version: string; rules: number }> };
  /** Checks one draft. Throws an Error naming the problem for a bad context. */
  check(text: string, context?: Context): Finding[];
  rules(): readonly RuleInfo[];
  /** Bytes of WebAssembly memory in use. */
  memoryBytes(): number;
  /** Frees the engine; the checker cannot be used afterwards. */
  dispose(): void;
}

/** Throws an Error listing every pack error (file:line: rule id: message). */
export function createChecker(options: CheckerOptions): Promise<Checker>;
