// One parse and lint per document version, shared by every feature (diagnostics, symbols, folding,
// hover, completion, code actions, the structure request). The cache holds the latest version only:
// a result computed for a version that has since been superseded is never stored or returned.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { relint, type LintResult } from '../core/engine';
import { resolveLocale, type Locale } from '../core/i18n/format';
import { draftParts, type DraftParts } from '../core/outline';
import type { SpeechLintSettings } from '../core/settings';
import type { LineInfo, SpeechDocument } from '../core/types';
import { DiagnosticCache } from './diagnostics';
import type { ResolvedSettings, SettingsManager } from './settings';

export interface Analysis {
  uri: string;
  version: number;
  result: LintResult;
  doc: SpeechDocument;
  /** Opening, closing (结尾) and section counts without the closing. */
  parts: DraftParts;
  lines: LineInfo[];
  resolved: ResolvedSettings;
  settings: SpeechLintSettings;
  /** The language messages are shown in (follows the draft's script unless the settings fix it). */
  locale: Locale;
  /** Milliseconds the lint took. */
  elapsed: number;
  /** How the document's markup is read (a Markdown file's own syntax is not a leftover). */
  markup: 'plain' | 'markdown';
  /** Its diagnostics and messages, built once (see DiagnosticCache). */
  diagnostics?: DiagnosticCache;
}

export interface DocumentSource {
  get(uri: string): TextDocument | undefined;
}

/** Where the analyzer writes: the client's log (the Output panel in VS Code). */
export interface AnalysisLog {
  info(message: string): void;
  debug(message: string): void;
  error(message: string): void;
}

/** A lint slower than this is logged at info level even while typing. */
const SLOW_LINT_MS = 50;

export class Analyzer {
  private cache = new Map<string, Analysis>();
  /**
   * The latest lint of each open document, kept when a newer version supersedes it: the next lint takes
   * over its findings off the changed lines.
   */
  private latest = new Map<string, Analysis>();
  /** Documents linted at least once (the first lint of each is logged at info level). */
  private seen = new Set<string>();

  constructor(
    private documents: DocumentSource,
    private settings: SettingsManager,
    private log: AnalysisLog,
    /** Told of every rule that threw, to show it to the user (not only in the log). */
    private onRuleErrors: (uri: string, errors: LintResult['ruleErrors'], locale: Locale) => void = () => undefined,
  ) {}

  get size(): number {
    return this.cache.size;
  }

  /** The cached analysis of exactly this version and settings generation, if any. */
  peek(uri: string, version?: number): Analysis | undefined {
    const cached = this.cache.get(uri);
    if (!cached) return undefined;
    if (version !== undefined && cached.version !== version) return undefined;
    if (cached.resolved.generation !== this.settings.generation) return undefined;
    return cached;
  }

  /** The analysis of the document's latest version (computed at most once per version). */
  async get(uri: string): Promise<Analysis | undefined> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const document = this.documents.get(uri);
      if (!document) return undefined;
      const cached = this.peek(uri, document.version);
      if (cached) return cached;
      const resolved = await this.settings.get(uri);
      // Settings changed while they were being fetched: fetch again.
      if (resolved.generation !== this.settings.generation) continue;
      const latest = this.documents.get(uri);
      if (!latest) return undefined;
      const again = this.peek(uri, latest.version);
      if (again) return again;
      const analysis = this.analyze(uri, latest, resolved);
      this.cache.set(uri, analysis);
      return analysis;
    }
    throw new Error(`settings kept changing while linting ${uri}`);
  }

  /** A file that is not open (the workspace lint): analysed with its settings, not cached. */
  async analyzeText(uri: string, text: string): Promise<Analysis> {
    const resolved = await this.settings.get(uri);
    return this.analyze(uri, { version: 0, getText: () => text }, resolved);
  }

  private analyze(uri: string, document: Pick<TextDocument, 'version' | 'getText'> & { languageId?: string }, resolved: ResolvedSettings): Analysis {
    const started = performance.now();
    const markup = markupOf(uri, document.languageId ?? '');
    const previous = this.latest.get(uri);
    const result = relint(previous?.result, document.getText(), { settings: resolved.settings, markup });
    const elapsed = performance.now() - started;
    for (const e of result.ruleErrors) this.log.error(`rule ${e.rule} failed on ${uri} (version ${document.version}): ${e.error}`);
    const line = `linted ${uri} (version ${document.version}, ${document.getText().length} characters) in ${elapsed.toFixed(1)} ms: ${result.findings.length} findings`;
    if (!this.seen.has(uri) || elapsed > SLOW_LINT_MS) this.log.info(line);
    else this.log.debug(line);
    this.seen.add(uri);
    const locale = resolveLocale(resolved.settings.language, result.doc.script.script);
    if (result.ruleErrors.length) this.onRuleErrors(uri, result.ruleErrors, locale);
    const analysis: Analysis = {
      uri,
      version: document.version,
      result,
      doc: result.doc,
      parts: draftParts(result.doc),
      lines: result.doc.lines,
      resolved,
      settings: resolved.settings,
      locale,
      elapsed,
      markup,
      diagnostics: new DiagnosticCache(locale, resolved.docsBaseUrl, previous?.diagnostics),
    };
    // A file that is not open (version 0) has no next version.
    if (document.version !== 0) this.latest.set(uri, analysis);
    return analysis;
  }

  /** The document was closed: forget it (its next lint is logged again). */
  forget(uri: string): void {
    this.cache.delete(uri);
    this.latest.delete(uri);
    this.seen.delete(uri);
  }

  /** Drops the result unless it is for `keepVersion`. */
  drop(uri: string, keepVersion?: number): void {
    const cached = this.cache.get(uri);
    if (cached && cached.version !== keepVersion) this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
    this.latest.clear();
  }
}

/** A Markdown file's `#`, `**` and `---` are its own syntax, not leftovers of a web page. */
export function markupOf(uri: string, languageId: string): 'plain' | 'markdown' {
  return languageId === 'markdown' || /\.(?:md|markdown)$/i.test(uri) ? 'markdown' : 'plain';
}
