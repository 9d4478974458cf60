// Everything that reads or writes Word files, as one module: the bundles load it (dist/docx.js, with
// the docx package, an XML parser and a zip library) only when a Word file is met (see load.ts).
export { exportDocx } from './export';
export { importDocx, locate } from './import';
export { annotateDocx, commentFor } from './annotate';
