// The typed contract between the VS Code client (client/src) and the language server (server/src):
// the settings that flow client → server and the custom requests. Declared once, imported by both
// sides. Type-only imports from the core keep the client bundle free of core code.
import { RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { Diagnostic, Position, Range, TextEdit } from 'vscode-languageserver-protocol';
import type { Locale } from './core/i18n/format';
import type { NextMarker } from './core/markers';
import type { SpeechLintSettings } from './core/settings';
import type { LengthStatus } from './core/stats';
import type { CountMode, HeadingLevel, Kind, Script } from './core/types';

export type { Locale, NextMarker, LengthStatus };
export { ADDITIONAL_LANGUAGES, CONFIG_FILE_NAME, DIAGNOSTIC_SOURCE, FIX_ALL_KIND, LANGUAGE_ID, SETTINGS_SECTION } from './protocol-names';

/**
 * The `speechDraft` settings section as the server reads it (per resource, `scopeUri` = the draft).
 * The lint settings are the core's own `SpeechLintSettings` (validated by the core's
 * `mergeSettings`); the rest only concern the editor.
 */
export interface SpeechDraftSettings extends Partial<SpeechLintSettings> {
  /** Language ids linted besides `speech` (client only: part of the document selector). */
  additionalLanguages?: string[];
  /** Base URL of the rule pages (`<base>/<rule>.md`); empty: the pages inside the installed extension. */
  docsBaseUrl?: string | null;
}

/** `initializationOptions` of the `initialize` request (all optional; other editors may send none). */
export interface InitializationOptions {
  /** The client watches `.speechlintrc.json` itself; the server must not register a watcher. */
  watchesConfigFiles?: boolean;
  /** Settings for clients that do not answer `workspace/configuration`. */
  settings?: SpeechDraftSettings;
  /** Overrides the rule pages' base URL (see `SpeechDraftSettings.docsBaseUrl`). */
  docsBaseUrl?: string;
}

export interface UriParams {
  uri: string;
}

// ---------------------------------------------------------------------------------------------
// speechDraft/structure: the outline with counts, findings and announced vs actual counts.

export interface StructureSection {
  level: HeadingLevel;
  /** The marker as written, e.g. `（一）`. */
  marker: string;
  number: number;
  title: string;
  /** The whole section (heading to the next heading of the same or a higher level). */
  range: Range;
  /** The heading line's marker and title. */
  selectionRange: Range;
  /** 字数 of the section, children included. */
  count: number;
  /** Findings inside the section, children included. */
  findings: number;
  /** Findings inside the section but outside its children. */
  ownFindings: number;
  /** Announcements inside the section (outside its children) whose count does not match. */
  mismatches: string[];
  children: StructureSection[];
}

export interface StructureAnnouncement {
  text: string;
  range: Range;
  /** Announced number; null for 几. */
  number: number | null;
  /** Items that follow; null when nothing follows that it could announce. */
  actual: number | null;
  target: 'headings' | 'enumeration' | null;
  /** False when the announced-count rule reports this announcement. */
  matches: boolean;
  /** The announced-count finding's message, in `locale`; empty when it matches. */
  message: string;
}

export interface StructureClosing {
  range: Range;
  count: number;
  /** Findings inside the closing. */
  findings: number;
}

export interface SpeechStructure {
  uri: string;
  version: number;
  script: Script;
  kind: Kind;
  /** `status`: over the limit, near it (the length-limit rule's `warnAt`), or ok. */
  count: { mode: CountMode; total: number; limit: number; status: LengthStatus };
  /** Estimated speaking time in minutes (total / settings.speakingRate). */
  minutes: number;
  speakingRate: number;
  /** Total number of findings in the document. */
  findings: number;
  /** The language of the messages (the client shows its labels in it too). */
  locale: Locale;
  /** Title line, if the draft has one. */
  title?: { text: string; range: Range };
  sections: StructureSection[];
  announcements: StructureAnnouncement[];
  /** 字数 before the first heading (without the closing). */
  preambleCount: number;
  /** Announcements in the preamble that do not match. */
  preambleMismatches: string[];
  /** The closing (结尾: 同志们，… 谢谢大家！) after the last section; its 字数 are not the last section's. */
  closing?: StructureClosing;
  /** Problems in the settings or `.speechlintrc.json` (field: message). */
  settingsProblems: string[];
  /** Rules that threw on this version and were skipped, as messages in `locale`. */
  ruleErrors: string[];
}

export const StructureRequest = new RequestType<UriParams, SpeechStructure | null, void>('speechDraft/structure');

// ---------------------------------------------------------------------------------------------
// Editing helpers: all return LSP TextEdits for the document's current version.

export interface ConvertScriptParams extends UriParams {
  to: Script;
  /** Only this range; the whole document when absent. */
  range?: Range;
}
/** Phrase conversion (opencc) of the document or a selection, as minimal edits. */
export const ConvertScriptRequest = new RequestType<ConvertScriptParams, TextEdit[], void>('speechDraft/convertScript');

/** Renumbers every heading and enumeration (numerals only). */
export const RenumberRequest = new RequestType<UriParams, TextEdit[], void>('speechDraft/renumber');

export interface SetKindParams extends UriParams {
  /** The kind to write; absent: switch to the other kind. */
  kind?: Kind;
}
export interface SetKindResult {
  kind: Kind;
  edits: TextEdit[];
}
/** Writes `类型: 单项|综合` into the front matter (created when missing). */
export const SetKindRequest = new RequestType<SetKindParams, SetKindResult, void>('speechDraft/setKind');

export interface PositionParams extends UriParams {
  position: Position;
}

/** The markers that may start a new line at the position, most likely first. */
export const NextMarkersRequest = new RequestType<PositionParams, NextMarker[], void>('speechDraft/nextMarkers');

export interface SectionTemplate {
  id: string;
  label: string;
  detail: string;
  /** Where to insert (an empty range: the cursor, or the end of the cursor's line). */
  range: Range;
  /** A VS Code snippet (`${1:标题}`). */
  snippet: string;
}
/** Section templates numbered for the position (for 插入章节…). */
export const SectionTemplatesRequest = new RequestType<PositionParams, SectionTemplate[], void>('speechDraft/sectionTemplates');

export interface MemoryUsage {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  /** Documents the server holds a lint result for. */
  cachedDocuments: number;
}
/** The server process's memory (benchmarks, diagnostics). */
export const MemoryRequest = new RequestType0<MemoryUsage, void>('speechDraft/memory');

// ---------------------------------------------------------------------------------------------
// speechDraft/exportDocx and speechDraft/importDocx: Word in and out (server/src/docx/). Files are
// read and written by the client (any workspace file system); bytes travel as base64.

export interface ExportDocxResult {
  /** The .docx, base64. */
  data: string;
  /** Error-level findings of the draft (it exports all the same). */
  errors: number;
}

export const ExportDocxRequest = new RequestType<UriParams, ExportDocxResult | null, void>('speechDraft/exportDocx');

export interface ImportDocxParams {
  /** The .docx, base64. */
  data: string;
}

export type ImportDocxResult = { text: string; paragraphs: number } | { error: { zh: string; en: string } };

export const ImportDocxRequest = new RequestType<ImportDocxParams, ImportDocxResult, void>('speechDraft/importDocx');

// ---------------------------------------------------------------------------------------------
// speechDraft/lintFiles: the workspace lint (drafts that are not open), a batch at a time.

export interface LintFilesParams {
  /** `text` for files the server cannot read itself (not `file:`); absent: read from disk. */
  files: { uri: string; text?: string }[];
}

export interface FileDiagnostics {
  uri: string;
  /** The diagnostics an open draft would get. */
  diagnostics: Diagnostic[];
  /** Why the file was not linted (unreadable, binary, too large). */
  error?: string;
}

export const LintFilesRequest = new RequestType<LintFilesParams, FileDiagnostics[], void>('speechDraft/lintFiles');
