/**
 * Knowledge answers for the engine and the `ask` command: retrieve, then compose the entry in the
 * person's language with its sources and review date; abstain honestly when unsure.
 */
import { endsAsQuestion } from '../core/normalize.js';
import type { ActionResult, Actions, Translate } from '../core/actions.js';
import type { Lang } from '../core/lang.js';
import { phraseSet, sentences, words, type PhraseSet } from '../understanding/phrases.js';
import { asksForRegularWays, asksForTheLegalWay } from '../understanding/broad.js';
import { asksEmergencyNumber } from '../understanding/emergency-asked.js';
import { namesCentre } from '../understanding/requests.js';
import { CENTRES_TOPIC } from '../core/topics.js';
import { composeAnswer, composeDetails, pickEntry } from './compose.js';
import { bestPassage } from './passage.js';
import { sameArea, withTopicRules } from './topic-rules.js';
import type { KnowledgeEntry } from './entry.js';
import { germanDay, renderFigures } from './figures.js';
import type { KnowledgeBase } from './load.js';
import type { KnowledgeRetriever, RankedTopic, Retrieval } from './retriever.js';
import { sourcesInText } from './sources.js';
import { asksAKindOfAnswer, asksAspectOf, namesBeyondTitle } from './aspects.js';
import { NO_EMERGENCY_NUMBERS, numbersToCall, safetyGuidance, type EmergencyNumbers } from './emergency.js';
import { SAFETY_CATEGORIES, type SafetyCategory, type SafetyDetector, type SafetySignal } from '../understanding/danger.js';
import { LOW_CONFIDENCE_BELOW } from '../core/turn-meta.js';
import type { LearnedExample } from './learned.js';

/** Finds a town or country named in a text (the gazetteer, given by the wiring: knowledge knows no booking). */
export type PlaceFinder = (text: string) => { kind: string; country: string; population: number } | undefined;

/** A town this large, or a country, named in a danger message may say where the person is (smaller towns are too often ordinary words). */
const PLACE_MIN_POPULATION = 100_000;

/**
 * Where the person in danger may be: a place the message names (when we know numbers there), then
 * the country of their phone number. Both are kept: "my agent in Germany" does not prove where they are.
 */
function whereFrom(text: string, numbers: EmergencyNumbers, findPlace: PlaceFinder, phoneCountry?: string): string[] {
  const place = findPlace(text);
  const named = place && (place.kind === 'country' || place.population >= PLACE_MIN_POPULATION) && numbers.countries[place.country] ? [place.country] : [];
  return [...new Set([...named, ...(phoneCountry ? [phoneCountry] : [])])];
}

/** "how to go germany", "kaise jaun germany": the way there asked in this many words at most, nothing more specific said. */
const BARE_WAY_MAX_WORDS = 6;
/** A question whose best topic scores this much has a topic of its own, whatever came before. */
const OWN_TOPIC_SCORE = 0.5;
/** Only a short question leans on the one before; a long one says what it is about. */
const FOLLOW_UP_MAX_WORDS = 20;
/**
 * Words that point back at what was just answered ("wo beantragt man das?", "welches Deutschniveau
 * braucht er?", "is it expensive?"): a question with one leans on the previous topic even when its
 * own words find another, as long as the reading with the previous topic leads back to it.
 */
const POINTS_BACK: Partial<Record<Lang, PhraseSet>> = {
  en: phraseSet(['it', 'that', 'this', 'he', 'she', 'him', 'them', 'they']),
  de: phraseSet(['das', 'dafur', 'dafuer', 'davon', 'dazu', 'damit', 'darauf', 'dort', 'er', 'ihn', 'ihm', 'dies', 'diese', 'dieses']),
  fr: phraseSet(['ca', 'cela', 'ceci', 'elle', 'lui', 'celle', 'celui']),
  es: phraseSet(['eso', 'esto', 'ello', 'el', 'ella']),
  ar: phraseSet(['ذلك', 'هذا', 'هذه', 'هذي', 'هو', 'هي', 'داك', 'هادشي', 'هاد', 'هادي', 'هادا', 'ده', 'دي']),
  ur: phraseSet(['yeh', 'ye', 'woh', 'wo', 'isko', 'usko', 'iske', 'uske', 'unko', 'inko', 'uski', 'iski', 'uska', 'iska', 'unki', 'inki', 'unka', 'inka', 'us ki', 'is ki', 'us ka', 'is ka', 'یہ', 'وہ', 'اسے', 'اس', 'اسکی', 'اسکا', 'اس کی', 'اس کا']),
  id: phraseSet(['itu', 'ini', 'dia', 'tersebut']),
  sq: phraseSet(['kjo', 'ky', 'ate', 'ai', 'ajo', 'kete', 'keto']),
  sr: phraseSet(['to', 'ovo', 'taj', 'ta', 'on', 'ona', 'njega', 'nju', 'tome']),
};
/** A person's own facts in a follow-up: an age or a count, a language level ("34 سنة", "A2", "5 years"). */
const GIVES_OWN_FACTS = /(?:^|[^\p{L}\d])(?:\d{1,2}|[abc][12])(?![\p{L}\d])/iu;
/** "can I?", "is that enough?", "reicht das?", "كده اقدر؟", "kya main ja sakta hun?": whether it is enough for what was explained. */
const ASKS_IF_ENOUGH = phraseSet([
  'can i', 'could i', 'am i eligible', 'do i qualify', 'is it enough', 'is that enough', 'enough', 'fit go', 'i fit', 'e go work', 'possible for me', 'chance',
  'je peux', 'est ce que je peux', 'ca suffit', 'c est suffisant', 'suffisant', 'ca passe', 'j ai une chance', 'je suis eligible',
  'reicht das', 'reicht es', 'geht das', 'kann ich', 'komme ich in frage', 'habe ich chancen', 'ausreichend',
  'اقدر', 'كده اقدر', 'ينفع', 'يكفي', 'هل يمكنني', 'ممكن', 'نقدر', 'نقدر نمشي', 'واش نقدر', 'يصلح', 'كافي', 'بقدر', 'فيني',
  'kya main', 'ho sakta', 'chal jaye', 'kafi hai', 'mil sakta', 'kar sakta', 'ja sakta', 'کیا میں', 'ہو سکتا', 'کافی ہے',
  'bisa ga', 'bisa gak', 'bisa nggak', 'apakah saya bisa', 'cukup', 'memenuhi syarat',
  'a mundem', 'a mund', 'mjafton', 'a mjafton', 'kam shans', 'mogu li', 'da li mogu', 'je l dovoljno', 'dovoljno', 'imam li sanse',
  'puedo', 'alcanza', 'es suficiente', 'califico', 'me alcanza', 'tengo chance',
]);

/** The question names a word of the topic's title ("Blue Card", "Ausbildung"): it asks of that topic itself. */
function namesTitleOf(tokens: readonly string[], title: string | undefined): boolean {
  const stems = new Set(words(title ?? '').filter((w) => w.length >= 4).map((w) => w.slice(0, 5)));
  return tokens.some((t) => t.length >= 4 && stems.has(t.slice(0, 5)));
}

/**
 * Words that bring another person of the family into a follow-up ("et ma femme?", "طب ومراتي؟",
 * "aur biwi bachon ka?"): the question is about them, so its own reading wins when it finds a topic.
 */
/** "what is ...": a thing asked to be explained, by its name. */
const WHAT_IS = phraseSet(['what is', 'what s', 'whats', 'wetin be', 'wetin is', 'c est quoi', 'c quoi', 'qu est ce que', 'was ist', 'was sind', 'was bedeutet', 'que es', 'qué es', 'apa itu', 'apa sih', 'kya hai', 'kya hota', 'sta je', 'šta je', 'sto je', 'cfare eshte', 'çfarë është', 'c eshte', 'ma hiya', 'ma huwa', 'ما هو', 'ما هي', 'شو هو', 'شو هي', 'chno hiya', 'chnou hiya', 'ايه هو', 'ايه هي', 'کیا ہے']);

const FAMILY = phraseSet([
  'wife', 'husband', 'children', 'kids', 'family', 'femme', 'mari', 'enfants', 'famille', 'frau', 'mann', 'kinder', 'familie', 'ehefrau', 'ehemann',
  'زوجتي', 'مراتي', 'ومراتي', 'وزوجتي', 'جوزي', 'زوجي', 'اولادي', 'ولادي', 'عائلتي', 'مرتي', 'ومرتي', 'عيالي', 'biwi', 'bivi', 'begum', 'shohar', 'bachay', 'bachon', 'bache', 'bachche', 'bachchon',
  // going along with the person just talked about: "aur main uske sath ja sakta hun?" after nursing
  'with her', 'with him', 'uske sath', 'uske saath', 'us ke sath', 'us ke saath', 'avec elle', 'avec lui', 'mit ihr', 'mit ihm', 'con ella', 'con el', 'ikut dia', 'sama dia', 'bersamanya', 'me te', 'bashke me te', 'sa njom', 'sa njim', 'معاها', 'معاه', 'معها', 'اس کے ساتھ',
  'istri', 'suami', 'anak', 'anakku', 'keluarga', 'gruaja', 'gruan', 'gruen', 'grue', 'fmijt', 'fmijet', 'femijt', 'cunat', 'gocat', 'gruja', 'grueja', 'grun', 'gruas', 'burri', 'burrin', 'femijet', 'familja', 'familjen', 'zena', 'zenu', 'suprug', 'suprugu', 'supruga', 'muz', 'muza', 'deca', 'decu', 'porodica', 'porodicu', 'esposa', 'marido', 'hijos', 'familia', 'بیوی', 'بچوں', 'بچے', 'شوہر',
]);
/**
 * "Me too?": the asker puts themself under the answer just given ("واش حتى انا نقدر؟" after
 * StarthilfePlus). Only "I too": "can my kids come too?" names someone new, and a topic of its own.
 */
const ME_TOO = phraseSet(['me too', 'i too', 'ich auch', 'moi aussi', 'yo tambien', 'i ja', 'edhe une', 'main bhi', 'mein bhi', 'saya juga', 'aku juga', 'حتى انا', 'حتا انا', 'وانا كمان', 'انا كمان', 'انا ايضا']);
/** A pointing word of the question's language, or "me too". */
function pointsBack(tokens: readonly string[], lang: Lang): boolean {
  return Boolean(POINTS_BACK[lang]?.has(tokens)) || ME_TOO.has(tokens);
}
/** Question words, for questions typed without a question mark ("to uski baat kaise check karun"). */
const ASKS = phraseSet([
  'how', 'what', 'where', 'when', 'why', 'which', 'who', 'can i', 'do i', 'is it', 'wetin', 'how i go',
  'kaise', 'kaisay', 'kya', 'kahan', 'kab', 'kyun', 'kitna', 'kitni', 'kitne', 'kaun', 'کیسے', 'کیا', 'کہاں', 'کب', 'کیوں', 'کتنا',
  'comment', 'quoi', 'ou', 'quand', 'pourquoi', 'combien', 'quel', 'quelle', 'est ce que', 'wie', 'was', 'wo', 'wann', 'warum', 'welche', 'welcher', 'kann ich', 'muss ich',
  'kako', 'sta', 'gde', 'kada', 'zasto', 'koliko', 'si', 'cfare', 'ku', 'kur', 'pse', 'sa', 'a mundem', 'bagaimana', 'gimana', 'apa', 'dimana', 'kapan', 'berapa', 'kenapa',
  'como', 'que', 'donde', 'cuando', 'cuanto', 'por que', 'كيف', 'كيفاش', 'شنو', 'اش', 'فين', 'وين', 'امتى', 'متى', 'ليش', 'لماذا', 'شحال', 'قديش', 'كم', 'واش', 'هل', 'ازاي', 'ايه',
  'kifach', 'kifash', 'chno', 'achno', 'fin', 'fine', 'wach', 'ch7al', 'imta', 'lach', 'ezay', 'eh', 'shlon', 'shno', 'wein',
]);
/** A message this long with a story before its question: the question decides among the topics near the top. */
const STORY_MIN_WORDS = 25;
/** The question read is the message's last clauses, at most this many words. */
const STORY_QUESTION_MAX_WORDS = 16;
/** The last clauses of a text (split at , ; . ? !), at most `max` words, or undefined when that is all of it. */
function lastClauses(text: string, max: number): string | undefined {
  const clauses = text.split(/[,;.?!؟،\n]+/).map((c) => c.trim()).filter(Boolean);
  const kept: string[] = [];
  let count = 0;
  for (let i = clauses.length - 1; i > 0; i--) {
    const n = clauses[i]!.split(/\s+/).length;
    if (count + n > max && kept.length) break;
    kept.unshift(clauses[i]!);
    count += n;
  }
  return kept.length && kept.length < clauses.length ? kept.join(', ') : undefined;
}
/** …when the question alone finds its topic at least this clearly. */
const STORY_QUESTION_FLOOR = 0.5;
/** An aspect asked in more words than this is a question of its own. */
const ASPECT_MAX_WORDS = 12;
/**
 * A short question whose own topic leads without conviction and the previous topic comes right
 * behind ("a radno vreme?" after workers' rights: the centres' opening hours, then workers' rights)
 * is read in the light of the previous topic like one that points back.
 */
const CLOSE_BEHIND_MAX_WORDS = 8;
const CLOSE_BEHIND_BELOW = 0.6;
function closeBehind(own: Retrieval, previous: string, wordCount: number): boolean {
  return wordCount <= CLOSE_BEHIND_MAX_WORDS && own.score < CLOSE_BEHIND_BELOW && own.ranked[1]?.id === previous;
}
/** How far one of two close choices must lead the other, read after the previous topic's title, to be answered. */
const CONTEXT_LEAD = 1.5;
/** Read in the light of the previous topic, that topic must still score this much. */
const FOLLOW_UP_FLOOR = 0.4;
/** A follow-up that names something the previous title does not keeps a topic of the same area it finds this clearly on its own. */
const NEW_THING_SCORE = 0.2;
/** An office asked for in so many words ('which office do I go to') needs only the answer threshold to be about the centres. */
const CENTRES_NAMED_FLOOR = 0.3;
/** …and this much for a question that alone reads as out of scope. */
const FOLLOW_UP_FLOOR_OUT_OF_SCOPE = 0.55;

/** The `ask` contract: one JSON object per question (see DESIGN.md). */
export interface AskResult {
  id: string | null;
  score: number;
  lang: Lang;
  answer: string;
  /** The rest of the entry after the short first reply, in the same language; "" when there is none. */
  details: string;
  sources: string[];
  /** The danger the question describes, if any (safety guidance leads the answer in a chat). */
  safety: SafetyCategory | null;
  /** The topics offered as "did you mean" when `id` is null (see DESIGN.md); with an answer, the runner-up offered beside it, if any; else []. */
  choices: string[];
}

export class KnowledgeService {
  constructor(
    private readonly kb: KnowledgeBase,
    private readonly retriever: KnowledgeRetriever,
    private readonly t: Translate,
    private readonly safety: SafetyDetector = { detect: () => undefined },
    /** The engine's clock: yearly figures are shown as they stand on the day of the question. */
    private readonly now: () => Date = () => new Date(),
    /** Who to call, by country (knowledge/_safety/emergency-numbers.yaml); none: general guidance only. */
    private readonly numbers: EmergencyNumbers = NO_EMERGENCY_NUMBERS,
    /** A place named in a danger message may say where the person is. */
    private readonly findPlace: PlaceFinder = () => undefined,
  ) {}

  /** Called before each question is looked up: brings in what curators taught meanwhile (on any instance). */
  private refresh: () => Promise<void> = async () => {};

  /** Replaces the questions curators taught (they decide close questions at once; see learned.ts). */
  learn(examples: readonly LearnedExample[]): void {
    this.retriever.learn(examples);
  }

  /** Whether a topic exists (curators assign questions to one). */
  hasTopic(id: string): boolean {
    return this.kb.entries.has(id);
  }

  /** Sets what brings the questions curators taught up to date before each lookup (see src/curation). */
  refreshBeforeLookup(refresh: () => Promise<void>): void {
    this.refresh = refresh;
  }

  private async retrieve(text: string, lang: Lang, country?: string): Promise<Retrieval> {
    await this.refresh();
    return withTopicRules(await this.retriever.retrieve({ text, lang, country }), text);
  }

  /**
   * A question asked right after an answer about `previous`. One with a topic of its own ("and can
   * my wife come too?" after the Blue Card) is answered on its own; one without ("und darf ich
   * nebenher jobben?" after studying, "a ka kufi?" after the Western Balkans rule) is read with the
   * previous topic's title before it, its own words counted twice so that a topic it names still
   * wins; it stays with the previous topic only when that reading leads back to it.
   */
  private async retrieveFollowing(question: string, lang: Lang, country: string | undefined, previous: string | undefined): Promise<Retrieval> {
    const own = await this.retrieveQuestionPart(question, lang, country);
    if (!previous || own.id === previous) return own;
    const tokens = words(question); // folded once, for the pointing and the family words
    // "ok what is ausbildung and how long is it" after the skilled-worker visa: a route named by its own title is asked of itself,
    // not an aspect (how long) of the route before.
    if (own.id && own.score >= NEW_THING_SCORE && WHAT_IS.has(tokens) && namesTitleOf(tokens, this.ownTitleWords(own.id, lang)) && !namesTitleOf(tokens, this.titleOf(previous, lang))) return own;
    const aspect = !FAMILY.has(tokens) && (await this.aspectOfPrevious(question, lang, country, previous));
    if (aspect) return aspect;
    // "طب انا عندي 34 سنة ومعايا دبلوم صنايع وبتكلم الماني A2، كده اقدر؟" after the Opportunity Card: the person's
    // own facts (an age, a level) and "can I?", no other route named: asked of the route just explained.
    if (own.id && tokens.length <= CLOSE_BEHIND_MAX_WORDS * 3 && GIVES_OWN_FACTS.test(question) && ASKS_IF_ENOUGH.has(tokens) && !namesTitleOf(tokens, this.titleOf(own.id, lang))) {
      return { ...own, id: previous, choices: [] };
    }
    // "а за децу?" after bringing a wife along: the family the previous answer was about, asked of again, unless the
    // question alone is sure of another topic.
    const aboutFamilyToo = FAMILY.has(tokens) && tokens.length <= CLOSE_BEHIND_MAX_WORDS && FAMILY.has(words(this.titleOf(previous, lang) ?? ''));
    if (aboutFamilyToo && !(own.id && own.score >= OWN_TOPIC_SCORE)) return { ...own, id: previous, choices: [] };
    if (own.id && ((own.score >= OWN_TOPIC_SCORE && !pointsBack(tokens, lang) && !closeBehind(own, previous, tokens.length)) || FAMILY.has(tokens))) return own;
    // "ok which office do I go to" after the start-up answer: an office asked for is no part of another entry
    // ("a radno vreme?" after minimum wage names none: it stays the working hours of the previous topic).
    if (own.id === CENTRES_TOPIC && own.score >= CENTRES_NAMED_FLOOR && namesCentre(question) && !pointsBack(tokens, lang)) return own;
    // Unsure between topics of its own ("can my kids come too?": women migrants or family
    // reunification), a question about the family does not lean back on the previous topic: the
    // previous topic only picks among its own choices, when one clearly leads in its light ("et ma
    // femme?" after the Blue Card: family reunification); else they are offered.
    if (own.choices.length && FAMILY.has(tokens)) return (await this.pickInContext(own, question, lang, country, previous)) ?? own;
    // Out of scope on its own, it leans only when asked as a question ("a ka kufi në vit?"): "write me
    // a poem about the sea" after the sea routes leans as strongly, and stays declined.
    // One that points back to the answer ("to uski baat kaise check karun") leans too, question mark or not.
    if (own.outOfScope && !askedAsQuestion(question) && !(pointsBack(tokens, lang) && ASKS.has(tokens) && tokens.length <= CLOSE_BEHIND_MAX_WORDS)) return own;
    // "sorry, I write in Latin letters now. where exactly is it?": the question itself leans, not the apology before it.
    const asked = own.id ? question : (lastQuestion(question) ?? question);
    if (asked.split(/\s+/).filter(Boolean).length > FOLLOW_UP_MAX_WORDS) return own;
    const title = this.titleOf(previous, lang);
    if (!title) return own;
    // "und in marokko, hilft mir jemand arbeit zu finden?" after voluntary return, "kann ihm in Accra dann jemand helfen Arbeit
    // zu finden?" after the Starthilfe: a thing the previous title does not name (work), and the best topic of the question
    // alone, sure or not, is another of the same area (return-). Unsure between it and the previous topic ("a ka kuote?"
    // after the Western Balkans rule), the previous topic's light decides below.
    const best = own.outOfScope || own.choices.includes(previous) ? undefined : own.id ? own : own.ranked[0];
    if (best?.id && best.score >= NEW_THING_SCORE && sameArea(best.id, previous) && best.id !== previous && namesBeyondTitle(asked, title)) {
      return { ...own, id: best.id, score: best.score, choices: [] };
    }
    const leaning = await this.retrieve(`${title} ${asked} ${asked}`, lang, country);
    const top = leaning.ranked[0];
    // and it needs a clearer lean than a question that is merely unsure
    // ("ku duhet me aplikue, a duhet me ardh deri n Prishtine?" asks where to apply: out of scope alone, it leans like any follow-up)
    if (top?.id !== previous || top.score < (own.outOfScope && !asksAKindOfAnswer(asked) ? FOLLOW_UP_FLOOR_OUT_OF_SCOPE : FOLLOW_UP_FLOOR)) return own;
    return { ...leaning, id: previous, score: top.score, choices: [] };
  }

  /**
   * The previous topic, when a short question asks about an aspect of it that its entry states
   * ("welches Niveau brauche ich?" after the Ausbildung), even though the aspect has a topic of its own.
   */
  private async aspectOfPrevious(question: string, lang: Lang, country: string | undefined, previous: string): Promise<Retrieval | undefined> {
    if (question.split(/\s+/).filter(Boolean).length > ASPECT_MAX_WORDS) return undefined;
    const byLang = this.kb.entries.get(previous);
    const entry = byLang && pickEntry(byLang, lang);
    const dated = entry && this.dated(entry);
    if (!entry || !dated || !asksAspectOf(question, entry.title, `${dated.short}\n${dated.details}`)) return undefined;
    const leaning = await this.retrieve(`${entry.title} ${question}`, lang, country);
    const score = leaning.ranked.find((r) => r.id === previous)?.score ?? LOW_CONFIDENCE_BELOW;
    return { ...leaning, id: previous, score, choices: [], outOfScope: false };
  }

  /** One of `own`'s two closest choices, when it clearly leads the other (CONTEXT_LEAD times) once read after the previous topic's title. */
  private async pickInContext(own: Retrieval, question: string, lang: Lang, country: string | undefined, previous: string): Promise<Retrieval | undefined> {
    const title = this.titleOf(previous, lang);
    if (!title) return undefined;
    // the two closest of its own (a third offered is a weaker one)
    const closest = own.choices.slice(0, 2);
    const among = (await this.retrieve(`${title} ${question}`, lang, country)).ranked.filter((r) => r.id !== previous && closest.includes(r.id));
    const [first, second] = among;
    if (!first || (second && first.score < CONTEXT_LEAD * second.score)) return undefined;
    return { ...own, id: first.id, score: own.ranked.find((r) => r.id === first.id)?.score ?? first.score, choices: [] };
  }

  /** A topic's title in the person's language (or the entry's fallback), to read a follow-up in its light. */
  /** The words of a topic's title that few other titles share ("Ausbildung", not "Germany"): what names that topic. */
  private ownTitleWords(topic: string, lang: Lang): string {
    const stem = (w: string) => w.slice(0, 5);
    const titles = [...this.kb.entries.keys()].map((id) => words(this.titleOf(id, lang) ?? ''));
    const shared = new Map<string, number>();
    for (const t of titles) for (const s of new Set(t.map(stem))) shared.set(s, (shared.get(s) ?? 0) + 1);
    return words(this.titleOf(topic, lang) ?? '').filter((w) => (shared.get(stem(w)) ?? 0) <= 2).join(' ');
  }

  private titleOf(topic: string, lang: Lang): string | undefined {
    const byLang = this.kb.entries.get(topic);
    return byLang && pickEntry(byLang, lang)?.title;
  }

  /** The entry with each {{fig:...}} replaced by the figure in force today, in the entry's language. */
  private dated(entry: KnowledgeEntry): KnowledgeEntry {
    const day = germanDay(this.now());
    const render = (text: string) => renderFigures(text, this.kb.figures, this.t, entry.lang, day);
    return { ...entry, short: render(entry.short), details: render(entry.details) };
  }

  async ask(question: string, lang: Lang, country?: string): Promise<AskResult & { ranked: RankedTopic[] }> {
    const safety = this.safety.detect(question)?.category ?? null;
    const found = await this.retrieve(question, lang, country);
    const picked = found.id ? pickEntry(this.kb.entries.get(found.id)!, lang) : undefined;
    const entry = picked && this.dated(picked);
    if (!found.id || !entry) {
      const offered = this.offered(found.choices, lang);
      const answer = offered.length
        ? [this.t(lang, 'fallback.didYouMean'), ...offered.map((o) => `- ${o.label}`)].join('\n')
        : this.t(lang, 'fallback.notSure');
      return { id: null, score: found.score, lang, answer, details: '', sources: [], safety, choices: offered.map((o) => o.id), ranked: found.ranked };
    }
    // The contract: at most three, each standing in the answer or the details exactly as given.
    const sources = sourcesInText(entry.sources, `${entry.short}\n${entry.details}`);
    const also = this.offered(found.choices, lang).map((o) => o.id);
    return { id: found.id, score: found.score, lang: entry.lang, answer: entry.short, details: entry.details.trim(), sources, safety, choices: also, ranked: found.ranked };
  }

  /**
   * A message of several sentences that is unsure as a whole ("c quoi exactement la carte des
   * opportunités? j'ai un bts en mecanique auto"): its question alone, when that finds a topic.
   * The sentence that asks (ends with "?") is tried first, then the others.
   */
  private async retrieveQuestionPart(question: string, lang: Lang, country: string | undefined): Promise<Retrieval> {
    const whole = await this.retrieve(question, lang, country);
    const parts = sentences(question).filter((p) => p.split(/\s+/).length >= 3);
    if (whole.id) return parts.length >= 2 ? ((await this.askedAfterStory(whole, parts, lang, country)) ?? whole) : whole;
    if (parts.length < 2) return whole;
    parts.sort((a, b) => Number(endsAsQuestion(b)) - Number(endsAsQuestion(a)));
    // Out of scope as a whole, only the question asked may still be ours ("c quoi la carte des
    // opportunités? j'ai un bts en mécanique auto": the trade said beside it read as a car loan).
    for (const part of whole.outOfScope ? parts.filter(endsAsQuestion) : parts) {
      const found = await this.retrieve(part, lang, country);
      // Unsure between topics as a whole, a part may pick only the one leading ("i be nurse for ghana,
      // 6 years experience. how i fit work for germany?": nursing leads; the experience sentence alone
      // would answer the experience route, which a nurse cannot take).
      if (found.id && !found.outOfScope && (!whole.choices.length || found.id === whole.choices[0])) return found;
    }
    return whole;
  }

  /**
   * A long message tells the story first and asks last ("je suis infirmier ... une agence me demande
   * 2 millions ... c normal? comment savoir si l'agence est serieuse"): the story says who is asking,
   * the question what they need. When the question alone clearly finds another of the topics the whole
   * ranked near the top, that one answers.
   */
  private async askedAfterStory(whole: Retrieval, parts: readonly string[], lang: Lang, country: string | undefined): Promise<Retrieval | undefined> {
    if (words(parts.join(' ')).length < STORY_MIN_WORDS) return undefined;
    const asked = lastClauses(parts.join(' '), STORY_QUESTION_MAX_WORDS);
    if (!asked) return undefined;
    const found = await this.retrieve(asked, lang, country);
    if (!found.id || found.id === whole.id || found.outOfScope || found.score < STORY_QUESTION_FLOOR) return undefined;
    return whole.ranked.slice(0, 3).some((r) => r.id === found.id) ? found : undefined;
  }

  /** The topics to offer as "did you mean", with their titles in the person's language. */
  private offered(choices: readonly string[], lang: Lang): { id: string; label: string }[] {
    return choices.flatMap((id) => {
      const byLang = this.kb.entries.get(id);
      const entry = byLang && pickEntry(byLang, lang);
      return entry ? [{ id, label: entry.title }] : [];
    });
  }

  /** The engine's knowledge actions. */
  actions(): Required<Pick<Actions, 'knowledgeAnswer' | 'knowledgeDetails' | 'dangerCheck'>> {
    return {
      dangerCheck: async ({ text, lang, country, afterDanger }) => this.dangerAnswer(text, lang, country, afterDanger),
      knowledgeAnswer: async ({ question, topic, lang, country, follows }) => {
        const danger = question ? this.dangerAnswer(question, lang, country) : undefined;
        if (danger) return danger;
        // A topic tapped from "did you mean" comes back as its id.
        if (!topic && question && this.kb.entries.has(question)) return this.answerTopic(question, lang);
        if (topic) return this.answerTopic(topic, lang);
        if (!question) return { outcome: 'unsure', outbox: [], vars: { unsure: null }, choices: { didYouMean: null }, facts: { understood: false } };
        // A broad question ("how can i go legally?") asks for every way, not more of the previous topic.
        const broad = asksForRegularWays(question);
        const found = await this.retrieveFollowing(question, lang, country, broad ? undefined : follows);
        const topics = found.ranked.slice(0, 3);
        // The legal way asked for ("comment aller en allemagne legalement"), or the way there in a few words ("how to go
        // germany"), and one entry matched only loosely (a route, the consequences of irregular entry): the ways serve better.
        const looseForBroad = broad && found.score < LOW_CONFIDENCE_BELOW && (asksForTheLegalWay(question) || words(question).length <= BARE_WAY_MAX_WORDS);
        if (found.id && !looseForBroad) {
          // The topic just answered, asked about again: the part of it that answers, not the same text twice.
          const answer = found.id === follows ? this.answerFollowUp(found.id, question, lang) : this.answerTopic(found.id, lang, found.hedged);
          // Answered unsure (a low score, or hedged): the question goes to the curators' review too.
          const outcome = found.score < LOW_CONFIDENCE_BELOW || found.hedged ? 'low' : 'answered';
          // The runner-up still plausible beside the answer: offered as "or did you mean" (not the topic just left behind).
          const [also] = this.offered(found.choices.filter((id) => id !== found.id && id !== follows), lang);
          return answer.outcome === 'ok' ? { ...answer, ...(also ? { alsoOffered: also } : {}), facts: { knowledge: { outcome, question, topics } } } : answer;
        }
        // "how can i go to germany legally?": no one entry, so the regular ways to pick from (flows/fallback.yaml), not loose neighbours.
        if (broad) return { outcome: 'unsure', outbox: [], vars: { unsure: 'regular' }, choices: { didYouMean: null } };
        const offered = this.offered(found.choices, lang);
        // The out-of-scope class won ("el ahly kesb?", bitcoin): said plainly what the assistant is for, not "not sure I understood".
        if (!offered.length) return { outcome: 'unsure', outbox: [], vars: { unsure: found.plainlyOutOfScope ? 'outOfScope' : null }, choices: { didYouMean: null }, facts: { understood: false, knowledge: { outcome: 'declined', question, topics } } };
        const options = [...offered, { id: 'human', label: this.t(lang, 'main.menu.human') }];
        return { outcome: 'unsure', outbox: [], vars: { unsure: 'choices' }, choices: { didYouMean: options }, facts: { knowledge: { outcome: 'choices', question, topics } } };
      },
      knowledgeDetails: async ({ topic, lang }) => {
        const byLang = this.kb.entries.get(topic);
        const entry = byLang && pickEntry(byLang, lang, 'details');
        return entry ? { outcome: 'ok', outbox: composeDetails(this.t, lang, this.dated(entry)), topic } : { outcome: 'unsure', outbox: [] };
      },
    };
  }

  /** Safety guidance (`urgent`) when the text signals danger, or asks whom to call. */
  private dangerAnswer(text: string, lang: Lang, phoneCountry?: string, afterDanger?: string): ActionResult | undefined {
    const danger = this.safety.detect(text);
    // "j appelle qui??" after danger was told: the numbers for that danger, not a new one the classifier alone guessed.
    if (!danger || (danger.guessed && afterDanger)) return this.numbersAsked(text, lang, phoneCountry, afterDanger) ?? (danger && this.dangerGuidance(text, lang, phoneCountry, danger));
    return this.dangerGuidance(text, lang, phoneCountry, danger);
  }

  /** The guidance for the danger told, with the numbers for where the person is and the entry that helps. */
  private dangerGuidance(text: string, lang: Lang, phoneCountry: string | undefined, danger: SafetySignal): ActionResult {
    const answer: ActionResult = danger.topic ? this.answerTopic(danger.topic, lang) : { outcome: 'ok', outbox: [] };
    const guidance = safetyGuidance(this.t, lang, danger.category, this.numbers, { countries: whereFrom(text, this.numbers, this.findPlace, phoneCountry), atSea: danger.atSea });
    return { ...answer, outcome: 'ok', urgent: true, outbox: [{ kind: 'text', text: guidance }, ...answer.outbox], facts: { safety: danger.category } };
  }

  /**
   * "emergency number kya hai pakistan ka": the numbers of the country named or known, urgent like danger (a person is offered).
   * "j appelle qui??" after danger was told: those numbers, else that danger's guidance again (at sea with the coast guards).
   */
  private numbersAsked(text: string, lang: Lang, phoneCountry?: string, afterDanger?: string): ActionResult | undefined {
    const kind = SAFETY_CATEGORIES.find((c) => c === afterDanger);
    if (!asksEmergencyNumber(text, { afterDanger: kind !== undefined })) return undefined;
    const countries = whereFrom(text, this.numbers, this.findPlace, phoneCountry);
    const listed = numbersToCall(this.t, lang, this.numbers, countries);
    if (listed) return { outcome: 'ok', urgent: true, outbox: [{ kind: 'text', text: listed }] };
    if (!kind) return undefined;
    const guidance = safetyGuidance(this.t, lang, kind, this.numbers, { countries, atSea: kind === 'stranded' });
    return { outcome: 'ok', urgent: true, outbox: [{ kind: 'text', text: guidance }], facts: { safety: kind } };
  }

  /**
   * A follow-up on the topic just answered ("kitne paise?" after the study answer): the passage of its
   * details that answers it; when none does, saying so beats the same short answer word for word.
   */
  private answerFollowUp(id: string, question: string, lang: Lang): ActionResult {
    const byLang = this.kb.entries.get(id);
    const entry = byLang && pickEntry(byLang, lang, 'details');
    if (!entry) return this.answerTopic(id, lang);
    const dated = this.dated(entry);
    const passage = bestPassage(dated.details, question, { arabic: /[\u0600-\u06FF]/.test(question) || lang === 'ar' || lang === 'ur', shown: dated.short });
    const text = passage ?? this.t(lang, 'answer.nothingMorePrecise', { title: dated.title });
    return { outcome: 'ok', outbox: [composeAnswer(this.t, lang, { ...dated, short: text })], topic: id, hasDetails: true };
  }

  /** `hedged`: the assistant was not sure this is what was asked, and says so before the answer. */
  private answerTopic(id: string, lang: Lang, hedged?: boolean): ActionResult {
    const byLang = this.kb.entries.get(id);
    const entry = byLang && pickEntry(byLang, lang);
    if (!byLang || !entry) return { outcome: 'unsure', outbox: [] };
    return {
      outcome: 'ok',
      outbox: [...(hedged ? [{ kind: 'text' as const, text: this.t(lang, 'answer.hedged') }] : []), composeAnswer(this.t, lang, this.dated(entry))],
      topic: id,
      hasDetails: Boolean(pickEntry(byLang, lang, 'details')),
    };
  }
}

/** The last sentence of a message of several when it is a question ("…, telefon mi ne radi. gde se nalazi?"); else undefined. */
function lastQuestion(text: string): string | undefined {
  const parts = sentences(text);
  const last = parts.at(-1);
  return parts.length >= 2 && last && endsAsQuestion(last) ? last : undefined;
}

/**
 * A question, with its mark or without: "thank you. what should i bring along", "ok which countries una dey"
 * (its last sentence opens with a question word, a word such as "ok" or "and" before it at most).
 */
function askedAsQuestion(text: string): boolean {
  if (endsAsQuestion(text)) return true;
  const last = sentences(text).at(-1);
  const at = last === undefined ? undefined : ASKS.find(words(last))?.at;
  return at !== undefined && at <= 1;
}
