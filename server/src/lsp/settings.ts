// Settings per document: defaults < editor settings (`speechDraft.*`, pulled per resource with
// workspace/configuration) < `.speechlintrc.json` (found upward from the draft; the file wins).
// Cached per document URI only, dropped on didChangeConfiguration and on config-file changes.
import * as path from 'node:path';
import { uriToFsPath } from './uri';
import { configProblem, formatConfigProblem, loadConfigFor, type ConfigProblem } from '../config-file';
import { mergeSettings, type SettingsProblem } from '../core/config-schema';
import { resolveLocale } from '../core/i18n/format';
import { defaultSettings, LINT_SETTING_KEYS, type SpeechLintSettings } from '../core/settings';
import type { InitializationOptions } from '../protocol';
import { SETTINGS_SECTION } from '../protocol';

export interface ResolvedSettings {
  settings: SpeechLintSettings;
  /** Base URL of the rule pages, when configured. */
  docsBaseUrl?: string;
  /** The `.speechlintrc.json` that applied. */
  configFile?: string;
  problems: ConfigProblem[];
  /** The settings generation this was resolved in. */
  generation: number;
}

export interface SettingsHost {
  /** Pulls the `speechDraft` section for a resource; undefined when the client cannot. */
  pull?: (scopeUri: string) => Promise<unknown>;
  log: (message: string) => void;
  /** Shows a problem to the user once (until it goes away). */
  notify: (message: string) => void;
}

/** The fields of SpeechLintSettings: everything else in the section (additionalLanguages, trace) is the editor's. */
const LINT_FIELDS = new Set<string>(LINT_SETTING_KEYS);

/** Validates the editor's `speechDraft` section over the defaults; problems name `speechDraft.<field>`. */
export function editorSettings(raw: unknown, problems: SettingsProblem[]): { settings: SpeechLintSettings; docsBaseUrl?: string } {
  const picked: Record<string, unknown> = {};
  let docsBaseUrl: string | undefined;
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
      if (LINT_FIELDS.has(key)) Object.defineProperty(picked, key, { value, enumerable: true });
      else if (key === 'docsBaseUrl' && typeof value === 'string' && value) docsBaseUrl = value;
    }
  }
  return { settings: mergeSettings(defaultSettings(), picked, problems, SETTINGS_SECTION), docsBaseUrl };
}

export class SettingsManager {
  private cache = new Map<string, Promise<ResolvedSettings>>();
  private problemsByUri = new Map<string, string[]>();
  /** Sources (config files, `(settings)`) whose problems have been shown once. */
  private notified = new Set<string>();
  /** Bumped on every change of the editor settings or a config file. */
  generation = 0;
  /** Settings pushed by didChangeConfiguration or initializationOptions (clients without workspace/configuration). */
  private pushed: unknown;

  private init: InitializationOptions = {};

  constructor(private host: SettingsHost) {}

  /** After `initialize`: how to pull settings, and what the client sent along. */
  configure(options: { pull?: SettingsHost['pull']; init?: InitializationOptions }): void {
    this.host = { ...this.host, pull: options.pull };
    this.init = options.init ?? {};
    this.pushed = this.init.settings;
    this.invalidate();
  }

  /** didChangeConfiguration: forget everything cached; `settings` is the pushed section, if any. */
  changed(pushed?: unknown): void {
    if (pushed && typeof pushed === 'object' && SETTINGS_SECTION in pushed) this.pushed = (pushed as Record<string, unknown>)[SETTINGS_SECTION];
    this.invalidate();
  }

  invalidate(): void {
    this.generation++;
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.problemsByUri.delete(uri);
  }

  get(uri: string): Promise<ResolvedSettings> {
    let pending = this.cache.get(uri);
    if (!pending) {
      const generation = this.generation;
      pending = this.resolve(uri, generation);
      this.cache.set(uri, pending);
      // A failure is not cached: the next request tries again.
      pending.catch(() => this.cache.get(uri) === pending && this.cache.delete(uri));
    }
    return pending;
  }

  private async resolve(uri: string, generation: number): Promise<ResolvedSettings> {
    let raw: unknown = this.pushed;
    if (this.host.pull) {
      try {
        raw = await this.host.pull(uri);
      } catch (error) {
        this.host.log(`workspace/configuration failed for ${uri}: ${describe(error)}`);
      }
    }
    const problems: ConfigProblem[] = [];
    const editorProblems: SettingsProblem[] = [];
    const editor = editorSettings(raw, editorProblems);
    for (const p of editorProblems) problems.push(configProblem('settings', p));
    let settings = editor.settings;
    let configFile: string | undefined;
    const fsPath = uriToFsPath(uri);
    if (fsPath) {
      try {
        const loaded = loadConfigFor(fsPath, { base: settings });
        settings = loaded.settings;
        configFile = loaded.file;
        problems.push(...loaded.problems);
      } catch (error) {
        this.host.log(`reading the config for ${fsPath} failed: ${describe(error)}`);
      }
    }
    const resolved: ResolvedSettings = {
      settings,
      docsBaseUrl: this.init.docsBaseUrl ?? editor.docsBaseUrl,
      configFile,
      problems,
      generation,
    };
    const locale = resolveLocale(settings.language);
    this.report(uri, problems.map((p) => ({ source: p.file, message: formatConfigProblem(p, locale, fsPath ? path.dirname(fsPath) : undefined) })));
    if (generation === this.generation) this.host.log(`settings for ${uri}: ${configFile ? `${configFile} over the editor settings` : 'the editor settings (no .speechlintrc.json)'}`);
    return resolved;
  }

  /**
   * Logs each problem once while it lasts; shows only the first problem of each source (a config
   * file, or the editor settings) as a notification: a half-typed file would otherwise raise one
   * per save, beside the editor's own squiggles in that file.
   */
  report(uri: string, problems: { source: string; message: string }[]): void {
    const before = new Set([...this.problemsByUri.values()].flat());
    this.problemsByUri.set(uri, problems.map((p) => p.message));
    for (const { source, message } of problems) {
      if (before.has(message)) continue;
      this.host.log(`settings problem: ${message}`);
      if (this.notified.has(source)) continue;
      this.notified.add(source);
      this.host.notify(message);
    }
  }
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.stack ?? error.message : String(error);
}
