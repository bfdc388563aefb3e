/**
 * More specific topics: an entry may name a broader topic as its `parent` (a route of the
 * irregular journey under the journey's risks). Answering with the child answers the parent's
 * question too, which is how the benchmark scores it.
 */
import type { KnowledgeBase } from './load.js';

/** The parent a topic's entries name (the check keeps every language in agreement). */
export function topicParent(kb: KnowledgeBase, id: string): string | undefined {
  const byLang = kb.entries.get(id);
  return byLang ? [...byLang.values()].find((e) => e.parent)?.parent : undefined;
}

/** True when `got` is the expected topic or a more specific topic under it. */
export function answersTopic(kb: KnowledgeBase, got: string | null | undefined, expected: string | null): boolean {
  if (got === expected) return true;
  if (!got || !expected) return false;
  const seen = new Set<string>();
  for (let id: string | undefined = topicParent(kb, got); id && !seen.has(id); id = topicParent(kb, id)) {
    if (id === expected) return true;
    seen.add(id);
  }
  return false;
}
