/**
 * The concepts a message mentions (PASSPORT, TAKE, BOAT, ENGINE-DEAD, DIE...), from a lexicon with
 * words in every language, script and common spelling (`knowledge/_safety/concepts.yaml`).
 *
 * A term is one or more words, each matched on the folded text (case, accents and Arabic letter
 * variants ignored): `pass` the whole word, `pass*` a word that starts so, `*خطف*` a word that
 * contains it (Arabic glues "and", "the", "to", pronouns to the word).
 */
import { dangerTokens, foldForDanger } from './danger-fold.js';

const ARABIC_SCRIPT = /[\u0600-\u06FF]/;

type Part = { kind: 'exact' | 'prefix' | 'infix'; s: string };
interface Term {
  concept: string;
  parts: Part[];
}

function parsePart(word: string): Part {
  if (word.length > 2 && word.startsWith('*') && word.endsWith('*')) return { kind: 'infix', s: word.slice(1, -1) };
  if (word.length > 1 && word.endsWith('*')) return { kind: 'prefix', s: word.slice(0, -1) };
  return { kind: 'exact', s: word };
}

function partMatches(part: Part, token: string): boolean {
  if (part.kind === 'exact') return token === part.s;
  if (part.kind === 'prefix') return token.startsWith(part.s);
  return token.includes(part.s);
}

export interface ConceptLexicon {
  /** The concepts of a message, as found in its folded words. */
  concepts(text: string): Set<string>;
  /** The same from words already folded and split (the recogniser folds once). */
  conceptsOfTokens(tokens: string[]): Set<string>;
  names: string[];
}

export function compileLexicon(lexicon: Record<string, string[]>): ConceptLexicon {
  const exact = new Map<string, Term[]>();
  const prefix = new Map<string, Term[]>();
  const infix = new Map<string, Term[]>();
  let longestPrefix = 0;
  let shortestInfix = Infinity;
  const add = (map: Map<string, Term[]>, key: string, term: Term) => {
    const list = map.get(key);
    if (list) list.push(term);
    else map.set(key, [term]);
  };
  for (const [concept, words] of Object.entries(lexicon)) {
    for (const raw of words) {
      // Folding drops '*', so mark it first and fold each word alone.
      const parts = String(raw)
        .trim()
        .split(/\s+/)
        .map((w) => {
          const star = { head: w.startsWith('*'), tail: w.endsWith('*') };
          const core = foldForDanger(w.replace(/^\*|\*$/g, '')).replace(/ /g, '');
          return parsePart(`${star.head && star.tail ? '*' : ''}${core}${star.tail ? '*' : ''}`);
        })
        .filter((p) => p.s);
      const first = parts[0];
      if (!first) continue;
      const term = { concept, parts };
      if (first.kind === 'exact') add(exact, first.s, term);
      else if (first.kind === 'prefix') {
        add(prefix, first.s, term);
        longestPrefix = Math.max(longestPrefix, first.s.length);
      } else {
        add(infix, first.s, term);
        shortestInfix = Math.min(shortestInfix, first.s.length);
      }
    }
  }

  const conceptsOfTokens = (tokens: string[]): Set<string> => {
    const found = new Set<string>();
    const tryTerms = (terms: Term[] | undefined, at: number) => {
      for (const term of terms ?? []) {
        if (found.has(term.concept)) continue;
        let ok = true;
        for (let k = 1; k < term.parts.length && ok; k++) {
          const token = tokens[at + k];
          ok = token !== undefined && partMatches(term.parts[k]!, token);
        }
        if (ok) found.add(term.concept);
      }
    };
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      tryTerms(exact.get(token), i);
      for (let n = 1; n <= Math.min(token.length, longestPrefix); n++) tryTerms(prefix.get(token.slice(0, n)), i);
      // Only Arabic-script words carry glued clitics; Latin words are matched whole or by prefix.
      if (infix.size && token.length >= shortestInfix && token.length <= 30 && ARABIC_SCRIPT.test(token)) {
        for (let a = 0; a < token.length; a++) {
          for (let b = a + shortestInfix; b <= token.length; b++) tryTerms(infix.get(token.slice(a, b)), i);
        }
      }
    }
    return found;
  };
  return {
    conceptsOfTokens,
    concepts: (text) => conceptsOfTokens(dangerTokens(text)),
    names: Object.keys(lexicon),
  };
}
