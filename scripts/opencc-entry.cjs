// The entry of dist/opencc.js: opencc-js alone, loaded by core/script.ts only when a text is converted.
module.exports = require('opencc-js');
