/** What the danger recogniser answers: the kind of danger a message describes and the entry that helps. */
export const SAFETY_CATEGORIES = ['exploitation', 'stranded', 'violence', 'selfharm'] as const;
export type SafetyCategory = (typeof SAFETY_CATEGORIES)[number];

/** The guidance each danger leads with (locales/<lang>/safety.json). */
export const SAFETY_TEXT_KEYS: Record<SafetyCategory, string> = {
  exploitation: 'safety.exploitation',
  stranded: 'safety.stranded',
  violence: 'safety.violence',
  selfharm: 'safety.selfharm',
};

/** When a message says several things, the most urgent guidance leads: self-harm first. */
export const SAFETY_PRIORITY: readonly SafetyCategory[] = ['selfharm', 'stranded', 'violence', 'exploitation'];

export interface SafetySignal {
  category: SafetyCategory;
  /** The entry that helps; none when the category's entry would not fit (violence at home is not about smugglers). */
  topic?: string;
  /** The message speaks of a boat or the sea: the guidance leads with the coast guard. */
  atSea?: boolean;
  /** The classifier alone read it so: no phrase and no rule backs it. */
  guessed?: boolean;
}

export interface SafetyDetector {
  detect(text: string): SafetySignal | undefined;
}
