/**
 * Concept-combination rules: "PASSPORT + TAKE|KEEP ! RENEW" means a message that mentions a
 * passport and taking or keeping it, and no renewal, describes that danger. Groups joined by `+`
 * must all be present (any concept of a group, `|`), those after `!` must all be absent.
 */
export interface ConceptRule {
  source: string;
  all: string[][];
  none: string[];
}

export function parseRule(source: string): ConceptRule {
  const [need = '', ...unless] = source.split('!');
  const all = need
    .split('+')
    .map((g) => g.split('|').map((c) => c.trim()).filter(Boolean))
    .filter((g) => g.length);
  const none = unless.flatMap((u) => u.split('|').map((c) => c.trim()).filter(Boolean));
  return { source, all, none };
}

export function ruleHolds(rule: ConceptRule, concepts: Set<string>): boolean {
  return rule.all.every((group) => group.some((c) => concepts.has(c))) && !rule.none.some((c) => concepts.has(c));
}

/** The concepts a rule names, to check them against the lexicon. */
export function ruleConcepts(rule: ConceptRule): string[] {
  return [...rule.all.flat(), ...rule.none];
}
