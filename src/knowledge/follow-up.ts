/**
 * Words by which a short question points back at what was just said: a pronoun ("does she need
 * German?", "wo beantragt man das?"). Such a question is about the previous answer even when its
 * words alone lean to another topic ("German" alone: learning German). Not "too": "can my kids come
 * too?" after the Western Balkans rule names a topic of its own.
 */
const POINTING_WORDS = new Set(
  [
    // en
    'it', 'he', 'she', 'they', 'him', 'her', 'them', 'this', 'that',
    // de
    'das', 'er', 'sie', 'ihn', 'ihm', 'dafür', 'dafuer', 'dazu',
    // fr
    'elle', 'il', 'ils', 'elles', 'ça', 'ca', 'cela', 'lui',
    // es
    'él', 'ella', 'ellos', 'eso', 'esto',
    // sr (Latin and Cyrillic)
    'on', 'ona', 'oni', 'to', 'ovo', 'он', 'она', 'они', 'то', 'ово',
    // sq
    'ai', 'ajo', 'ata', 'kjo', 'ky', 'atë', 'ate',
    // ur (Roman Urdu)
    'woh', 'yeh', 'usko', 'unko',
    // id
    'dia', 'itu', 'ini',
    // ar (Standard, Egyptian, Maghrebi)
    'هو', 'هي', 'هاد', 'هادي', 'هذا', 'هذه', 'ده', 'دي',
  ].map((w) => w.normalize('NFC')),
);

/**
 * "Me too?": the asker puts themself under the answer just given ("واش حتى انا نقدر؟" after
 * StarthilfePlus). Only "I too": "can my kids come too?" names someone new, and a topic of its own.
 */
const ME_TOO = ['me too', 'i too', 'ich auch', 'moi aussi', 'yo tambien', 'yo también', 'i ja', 'edhe une', 'edhe unë', 'main bhi', 'mein bhi', 'saya juga', 'aku juga', 'حتى انا', 'حتى أنا', 'حتا انا', 'وانا كمان', 'انا كمان', 'أنا كمان', 'انا ايضا', 'أنا أيضا'].map((p) => p.normalize('NFC'));

/** Whether a question points back with a pronoun (see POINTING_WORDS) or "I too" (see ME_TOO). */
export function pointsBack(question: string): boolean {
  const words = question.toLowerCase().normalize('NFC').split(/[^\p{L}\p{M}]+/u).filter(Boolean);
  if (words.some((w) => POINTING_WORDS.has(w))) return true;
  const joined = ` ${words.join(' ')} `;
  return ME_TOO.some((p) => joined.includes(` ${p} `));
}
