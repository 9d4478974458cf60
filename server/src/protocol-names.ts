// The protocol's names (language id, settings section, …): plain strings with no imports, so that
// the extension's small entry module can read them without loading the language client. protocol.ts
// re-exports them; import them from there everywhere else.
export const LANGUAGE_ID = 'speech';
/** `workspace/configuration` section: every `speechDraft.*` setting. */
export const SETTINGS_SECTION = 'speechDraft';
/** Diagnostic `source`. */
export const DIAGNOSTIC_SOURCE = 'speech-lint';
/** Code action kind of "fix all" (for `editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = 'source.fixAll.speech-lint';
/** The file the server reads next to (or above) a draft; the client watches it. */
export const CONFIG_FILE_NAME = '.speechlintrc.json';
/** Languages besides `speech` that `speechDraft.additionalLanguages` may opt in. */
export const ADDITIONAL_LANGUAGES = ['markdown', 'plaintext'] as const;
