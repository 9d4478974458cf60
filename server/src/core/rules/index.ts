// The rule registry, in the order rules run and are documented.
import type { Rule } from '../rule';
import { headingSequence } from './heading-sequence';
import { headingMarker } from './heading-marker';
import { headingLevel } from './heading-level';
import { announcedCount } from './announced-count';
import { enumerationSequence } from './enumeration-sequence';
import { lengthLimit } from './length-limit';
import { scrapeBoilerplate } from './scrape-boilerplate';
import { bannedPhrase } from './banned-phrase';
import { placeholder } from './placeholder';
import { mixedScript } from './mixed-script';
import { punctuationWidth } from './punctuation-width';
import { cjkSpace } from './cjk-space';
import { pairedPunctuation } from './paired-punctuation';
import { ellipsisDash } from './ellipsis-dash';
import { repeatedPunctuation } from './repeated-punctuation';
import { enumerationComma } from './enumeration-comma';
import { headingPunctuation } from './heading-punctuation';
import { numberFormat } from './number-format';
import { typo } from './typo';
import { formulation } from './formulation';
import { repeatedWord } from './repeated-word';
import { duplicateParagraph } from './duplicate-paragraph';
import { sentenceLength } from './sentence-length';
import { unknownRule } from './unknown-rule';

export const rules: Rule[] = [
  headingSequence,
  headingMarker,
  headingLevel,
  announcedCount,
  enumerationSequence,
  lengthLimit,
  scrapeBoilerplate,
  bannedPhrase,
  placeholder,
  mixedScript,
  punctuationWidth,
  cjkSpace,
  pairedPunctuation,
  ellipsisDash,
  repeatedPunctuation,
  enumerationComma,
  headingPunctuation,
  numberFormat,
  typo,
  formulation,
  repeatedWord,
  duplicateParagraph,
  sentenceLength,
  unknownRule,
];

export const ruleById = new Map(rules.map((rule) => [rule.meta.id, rule]));
