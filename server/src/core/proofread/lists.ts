// The shipped word lists, built on first use and scanned together: one pass over the draft finds the
// entries of both the typo and the formulation rule.
import { FORMULATIONS } from '../data/formulations';
import { TYPOS } from '../data/typos';
import { entryOfRow, SharedScan, WordList } from './wordlist';

let lists: { typos: WordList; formulations: WordList } | undefined;

function built(): { typos: WordList; formulations: WordList } {
  if (!lists) {
    const typos = TYPOS.map(entryOfRow);
    const formulations = FORMULATIONS.map(entryOfRow);
    const scan = new SharedScan(() => [...typos, ...formulations].map((e) => e.wrong));
    lists = { typos: new WordList(typos, { scan, offset: 0 }), formulations: new WordList(formulations, { scan, offset: typos.length }) };
  }
  return lists;
}

export const typoList = (): WordList => built().typos;
export const formulationList = (): WordList => built().formulations;
